/**
 * The one exception to case-insensitive matching: a word of two or three capital letters in an
 * alias (US, UK, EU) only matches words written in capitals. Otherwise "US" would match the
 * pronoun in every "told us"; four-letter acronyms such as NATO/Nato stay case-insensitive.
 */
import type { Token } from './tokenize.js';
import { tokenize } from './tokenize.js';

const SHORT_ACRONYM = /^\p{Lu}{2,3}$/u;

/** Positions of the alias tokens that must be written in capitals in the text. */
export function capitalPositions(alias: string, tokens: readonly Token[]): number[] {
  const positions: number[] = [];
  tokens.forEach((token, i) => {
    if (SHORT_ACRONYM.test(alias.slice(token.start, token.end))) positions.push(i);
  });
  return positions;
}

/** Whether the `tokens` of `text` at `positions` are written in capitals. */
export function capitalsAt(text: string, tokens: readonly Token[], positions: readonly number[]): boolean {
  return positions.every((p) => {
    const token = tokens[p];
    if (token === undefined) return false;
    const raw = text.slice(token.start, token.end);
    return raw === raw.toUpperCase();
  });
}

/** Whether text[start, end) has capitals at `positions` (token positions within that span). */
export function capitalsMatch(text: string, start: number, end: number, positions: readonly number[]): boolean {
  return positions.length === 0 || capitalsAt(text, tokenize(text, start, end), positions);
}
