/**
 * A paragraph as a list of tokens in which every quote is a single token: the attribution rules
 * read the reporter's words around the quotes, never the words inside them.
 */
import { ABBREVIATIONS } from './lexicon.js';
import { isSpace } from './paragraphs.js';
import type { QuoteSpan } from './quotes.js';

export type TokenType = 'word' | 'punct' | 'poss' | 'quote';

export interface Token {
  type: TokenType;
  text: string;
  /** Lower-case text, for lexicon look-ups. */
  lower: string;
  start: number;
  end: number;
  /** Index into the article's quote list, for `quote` tokens. */
  quote: number;
  /** The first character is an upper-case letter (or a digit-free acronym). */
  capital: boolean;
  /** This token ends a sentence. */
  sentenceEnd: boolean;
}

const WORD = /[\p{L}\p{N}]/u;

function isLetterOrDigit(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return true;
  if (code < 0xc0) return false;
  return WORD.test(ch);
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/**
 * Tokenizes text[from, to), turning each quote span of `quotes` (indices in `quoteIds`) that starts
 * in the range into one token that covers its marks.
 */
export function tokenize(text: string, from: number, to: number, quotes: readonly QuoteSpan[], quoteIds: readonly number[]): Token[] {
  const tokens: Token[] = [];
  let q = 0;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    const nextQuote = quoteIds[q];
    if (nextQuote !== undefined && i === quotes[nextQuote]!.open) {
      const span = quotes[nextQuote]!;
      const end = span.close === -1 ? to : span.close + 1;
      tokens.push(makeToken('quote', text, i, end, nextQuote));
      q++;
      i = end;
      continue;
    }
    if (isSpace(code)) {
      i++;
      continue;
    }
    const ch = text[i]!;
    if (!isLetterOrDigit(ch)) {
      // "..." and "…" stay one token; other punctuation is one character each.
      let end = i + 1;
      if (code === 0x2e) while (end < to && text.charCodeAt(end) === 0x2e) end++;
      tokens.push(makeToken('punct', text, i, end, -1));
      i = end;
      continue;
    }
    let end = i + 1;
    while (end < to) {
      const c = text.charCodeAt(end);
      if (isLetterOrDigit(text[end]!)) {
        end++;
        continue;
      }
      // Internal joiners: Secretary-General, U.S., G.K., O’Brien, don't (but not a possessive 's).
      const next = end + 1 < to ? text[end + 1]! : ' ';
      if ((c === 0x2d || c === 0x2e || isApostrophe(c)) && isLetterOrDigit(next)) {
        if (isApostrophe(c) && (next === 's' || next === 'S') && !(end + 2 < to && isLetterOrDigit(text[end + 2]!))) break;
        end += 2;
        continue;
      }
      break;
    }
    // Abbreviations and initials keep their period: "Mr.", "U.S.", "J."
    if (end < to && text.charCodeAt(end) === 0x2e) {
      const word = text.slice(i, end);
      const lower = word.toLowerCase();
      if (ABBREVIATIONS.has(lower) || lower.includes('.') || (word.length === 1 && word !== word.toLowerCase())) end++;
    }
    tokens.push(makeToken('word', text, i, end, -1));
    i = end;
    if (i < to && isApostrophe(text.charCodeAt(i))) {
      const s = i + 1 < to ? text[i + 1]! : ' ';
      if ((s === 's' || s === 'S') && !(i + 2 < to && isLetterOrDigit(text[i + 2]!))) {
        tokens.push(makeToken('poss', text, i, i + 2, -1));
        i += 2;
      } else if (!isLetterOrDigit(s)) {
        tokens.push(makeToken('poss', text, i, i + 1, -1)); // plural possessive: "troops’"
        i += 1;
      }
    }
  }
  markSentenceEnds(tokens, text, quotes);
  return tokens;
}

function makeToken(type: TokenType, text: string, start: number, end: number, quote: number): Token {
  const t = text.slice(start, end);
  const first = t.charCodeAt(0);
  const capital = type === 'word' && t[0] !== t[0]!.toLowerCase() && !(first >= 0x30 && first <= 0x39);
  return { type, text: t, lower: t.toLowerCase(), start, end, quote, capital, sentenceEnd: false };
}

const TERMINAL = /[.!?…]$/;

function markSentenceEnds(tokens: Token[], text: string, quotes: readonly QuoteSpan[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    let ends = false;
    if (t.type === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?')) {
      ends = next === undefined || next.capital || next.type === 'quote' || /^[0-9]/.test(next.text);
    } else if (t.type === 'word' && t.text.endsWith('.') && t.text.length > 1) {
      // "U.S." ends a sentence only when a new one plainly starts after it.
      ends = next !== undefined && next.capital && !ABBREVIATIONS.has(t.lower.slice(0, -1)) && /^[a-z]+\.$/i.test(t.text) === false && t.text.length > 4;
    } else if (t.type === 'quote') {
      const span = quotes[t.quote]!;
      const inner = text.slice(span.start, span.end);
      ends = next === undefined ? true : TERMINAL.test(inner) && (next.capital || next.type === 'quote');
    }
    if (next === undefined) ends = true;
    t.sentenceEnd = ends;
  }
}

/** [first, last] token indices of each sentence of a frame, in order. */
export function sentences(tokens: readonly Token[]): [number, number][] {
  const ranges: [number, number][] = [];
  let first = 0;
  tokens.forEach((t, i) => {
    if (t.sentenceEnd) {
      ranges.push([first, i]);
      first = i + 1;
    }
  });
  if (first < tokens.length) ranges.push([first, tokens.length - 1]);
  return ranges;
}
