/**
 * Word tokens for matching. A token is a run of letters and digits (combining marks and
 * invisible joiners ride along); everything else separates, so hyphens, dashes, periods and
 * apostrophes split words ("de-escalation" → de, escalation; "U.S." → u, s). A possessive or
 * contraction "'s" right after a word is dropped ("Russia’s" → russia). Values are folded:
 * lower case, diacritics and special letters mapped to plain ones (ł → l, ß → ss).
 * Aliases and texts go through this same code, so they always agree.
 */
import { APOSTROPHE, HIGH_SURROGATE, JOINER, MARK, WORD, classOf, classOfAstral } from './chars.js';
import { foldWord } from './fold.js';

export interface Token {
  /** Folded form, the unit of comparison. */
  value: string;
  /** [start, end) in UTF-16 code units of the original text, covering the word itself. */
  start: number;
  end: number;
}

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = classOf(c);

// What the raw slice needs before it can be compared; the common case needs nothing.
const HAS_UPPER = 1;
const HAS_OTHER = 2;

/** Class of the character at `pos`, resolving surrogate pairs. */
function classAt(text: string, pos: number): number {
  const code = text.charCodeAt(pos);
  if (code < 128) return ASCII_CLASS[code] ?? 0;
  const cls = classOf(code);
  return cls === HIGH_SURROGATE ? classOfAstral(text.codePointAt(pos) ?? code) : cls;
}

function widthAt(text: string, pos: number): number {
  const cp = text.codePointAt(pos) ?? 0;
  return cp > 0xffff ? 2 : 1;
}

/**
 * Walks the tokens of text[from, to) without building an array: call `next()` until it returns
 * false and read `value`, `start`, `end` after each call. The only allocation is the token string.
 */
export class TokenCursor implements Token {
  value = '';
  start = 0;
  end = 0;
  private pos: number;
  private readonly to: number;

  constructor(
    private readonly text: string,
    from = 0,
    to = text.length,
  ) {
    this.to = Math.max(0, Math.min(text.length, to));
    this.pos = Math.max(0, Math.min(this.to, from));
  }

  next(): boolean {
    const text = this.text;
    const to = this.to;
    let pos = this.pos;
    while (pos < to) {
      const first = text.charCodeAt(pos);
      const firstClass = first < 128 ? (ASCII_CLASS[first] ?? 0) : classAt(text, pos);
      if (firstClass !== WORD) {
        pos += first < 128 ? 1 : widthAt(text, pos);
        continue;
      }
      const start = pos;
      let flags = first < 128 ? (first >= 65 && first <= 90 ? HAS_UPPER : 0) : HAS_OTHER;
      pos += first < 128 ? 1 : widthAt(text, pos);
      let end = pos;
      while (pos < to) {
        const code = text.charCodeAt(pos);
        if (code < 128) {
          if (ASCII_CLASS[code] !== WORD) break;
          if (code >= 65 && code <= 90) flags |= HAS_UPPER;
          pos++;
          end = pos;
          continue;
        }
        const cls = classAt(text, pos);
        if (cls === WORD || cls === MARK) {
          pos += widthAt(text, pos);
          end = pos;
        } else if (cls === JOINER) {
          // Not moving `end`: a trailing joiner stays out of the reported span.
          pos += 1;
        } else {
          break;
        }
        flags |= HAS_OTHER;
      }
      pos = skipPossessive(text, pos, to);
      const raw = text.slice(start, end);
      const value = flags === 0 ? raw : flags === HAS_UPPER ? raw.toLowerCase() : foldWord(raw);
      if (value === '') continue;
      this.value = value;
      this.start = start;
      this.end = end;
      this.pos = pos;
      return true;
    }
    this.pos = pos;
    return false;
  }
}

/** Position after a possessive/contraction "'s" at `pos`, or `pos` when there is none. */
function skipPossessive(text: string, pos: number, to: number): number {
  if (pos + 1 >= to) return pos;
  const apostrophe = text.charCodeAt(pos);
  if (apostrophe >= 128 ? classOf(apostrophe) !== APOSTROPHE : ASCII_CLASS[apostrophe] !== APOSTROPHE) return pos;
  if ((text.charCodeAt(pos + 1) | 0x20) !== 0x73) return pos; // s or S
  if (pos + 2 < to) {
    const after = classAt(text, pos + 2);
    if (after === WORD || after === MARK || after === JOINER) return pos; // "’sake" is a word
  }
  return pos + 2;
}

/** All tokens of text[from, to), in order. */
export function tokenize(text: string, from?: number, to?: number): Token[] {
  const cursor = new TokenCursor(text, from, to);
  const tokens: Token[] = [];
  while (cursor.next()) tokens.push({ value: cursor.value, start: cursor.start, end: cursor.end });
  return tokens;
}
