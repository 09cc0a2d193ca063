/**
 * Words as the claims board compares them (latestBySpeaker), in one place for every engine: the
 * SQLite store tests quotes with them at query time, PostgreSQL stores them at insert. Lower case,
 * no accents, split at anything but letters and digits; punctuation between words does not count.
 */

// Nothing to fold in text whose only characters beyond ASCII are punctuation (’ “ ” – …), most news.
const PLAIN = /^[\u0000-\u007f\u2000-\u206f]*$/;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Lower case, no accents; punctuation stays. */
export function comparable(text: string): string {
  return (PLAIN.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '')).toLowerCase();
}

/** The words of `text` for comparison: lower case, no accents, split at anything but letters and digits. */
export function comparisonWords(text: string): string[] {
  return comparable(text)
    .split(NOT_WORD)
    .filter((w) => w !== '');
}
