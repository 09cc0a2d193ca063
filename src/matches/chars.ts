/**
 * Character classes for the tokenizer, per UTF-16 code unit. Classes are computed on first sight
 * and cached in a 64K table, so the hot loop is one array read per character and the Unicode
 * property regexes run at most once per distinct code unit.
 */

export const SEPARATOR = 0;
/** A letter or digit (\p{L}\p{N}): starts or continues a token. */
export const WORD = 1;
/** A combining mark: continues a token, dropped by folding. */
export const MARK = 2;
/** Invisible inside words (soft hyphen, zero-width joiners): continues a token, dropped by folding. */
export const JOINER = 3;
/** ' ’ ‘ ʼ `: separates, and marks a possessive "'s". */
export const APOSTROPHE = 4;
/** First half of a surrogate pair: classify the whole code point. */
export const HIGH_SURROGATE = 5;

const UNKNOWN = 255;
const table = new Uint8Array(0x10000).fill(UNKNOWN);

const WORD_RE = /^[\p{L}\p{N}]$/u;
const MARK_RE = /^\p{M}$/u;

function classifyCodePoint(cp: number): number {
  if (cp === 0x27 || cp === 0x2019 || cp === 0x2018 || cp === 0x2bc || cp === 0x60) return APOSTROPHE;
  if (cp === 0xad || cp === 0x200c || cp === 0x200d || cp === 0x2060) return JOINER;
  if (cp >= 0xd800 && cp <= 0xdbff) return HIGH_SURROGATE;
  if (cp >= 0xdc00 && cp <= 0xdfff) return SEPARATOR;
  const ch = String.fromCodePoint(cp);
  if (WORD_RE.test(ch)) return WORD;
  if (MARK_RE.test(ch)) return MARK;
  return SEPARATOR;
}

/** Class of the code unit `code` (not a full code point: see HIGH_SURROGATE). */
export function classOf(code: number): number {
  const cached = table[code] ?? SEPARATOR;
  if (cached !== UNKNOWN) return cached;
  const computed = classifyCodePoint(code);
  table[code] = computed;
  return computed;
}

/** Class of an astral code point (outside the BMP); rare enough not to cache. */
export function classOfAstral(codePoint: number): number {
  return classifyCodePoint(codePoint);
}
