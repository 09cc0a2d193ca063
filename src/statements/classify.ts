/**
 * Tells statements from the other things news puts in quote marks: scare quotes ("drills"),
 * titles ("Face the Nation"), and decides direct versus partial.
 */
import { TITLE_CUES, TITLE_SMALL_WORDS } from './lexicon.js';
import type { Token } from './tokens.js';

const WORD_RE = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function quoteWords(quote: string): string[] {
  return quote.match(WORD_RE) ?? [];
}

/** A quote of fewer than three words is a term or a scare quote, not a statement. */
export const MIN_STATEMENT_WORDS = 3;

const LETTER = /[\p{L}\p{N}]/u;

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return true;
  return c >= 0xc0 && LETTER.test(text[i]!);
}

/** Whether text[start, end) has at least `min` words, as quoteWords counts them, without allocating. */
export function hasWords(text: string, start: number, end: number, min: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    if (isWordCode(text, i)) {
      if (!inWord && ++words >= min) return true;
      inWord = true;
    } else {
      const c = text.charCodeAt(i);
      // Joiners inside a word (Secretary-General, U.S., don’t) do not end it.
      inWord = inWord && (c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2d) && i + 1 < end && isWordCode(text, i + 1);
    }
  }
  return false;
}

/** "Face the Nation", "The Steve Harvey Morning Show", "Contract with America". */
export function isTitle(quote: string, tokens: readonly Token[], q: number): boolean {
  const words = quoteWords(quote);
  if (words.length === 0) return true;
  // "the commentary, “Melania, tell your immigrant story,”": named by what it is.
  const before = tokens[q - 1];
  const twoBack = tokens[q - 2];
  const cued = before !== undefined && (TITLE_CUES.has(before.lower) || ((before.lower === 'of' || before.text === ',') && twoBack !== undefined && TITLE_CUES.has(twoBack.lower)));
  if (cued && /^[\p{Lu}\p{N}]/u.test(words[0]!)) return true;
  const bare = quote.replace(/[.,]$/, '');
  if (/[.!?…]["'”’)]?$/.test(bare) || /[,;:]/.test(bare)) return false;
  const capitalised = words.every((w, i) => (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())) || /^[\p{Lu}\p{N}]/u.test(w));
  return capitalised && words.length <= 12;
}

/** Page furniture inside quote marks ("Follow Pam Key on Twitter @…") is not speech. */
export function isFurniture(quote: string): boolean {
  return /^(?:follow\s.{1,40}\son\s(?:twitter|facebook|instagram)|click here|sign up|subscribe)\b/i.test(quote);
}

/** "so-called “…”" always marks distance, not speech. */
export function isScareQuote(tokens: readonly Token[], q: number): boolean {
  const before = tokens[q - 1];
  return before !== undefined && (before.lower === 'so-called' || before.lower === 'quote-unquote');
}

/**
 * Direct when the quote stands as its own sentence or follows a speech tag ("X said: “…”");
 * partial when the reporter's sentence runs into it.
 */
export function isDirect(quote: string, tokens: readonly Token[], q: number, lo: number, cueAt: number | null): boolean {
  if (!/^[\p{Lu}\p{N}"'“‘…\[(]/u.test(quote) && !quote.startsWith('...')) return false;
  if (q === lo) return true;
  const before = tokens[q - 1]!;
  if (before.text === ':' ) return true;
  if (before.text === ',' || before.text === '—') return cueAt !== null && cueAt < q && q - cueAt <= 10;
  return cueAt !== null && cueAt === q - 1;
}
