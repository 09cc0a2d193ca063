// The fast word count that decides "statement or scare quote" must agree with the word list.
import { describe, expect, it } from 'vitest';
import { hasWords, MIN_STATEMENT_WORDS, quoteWords } from '../../src/statements/classify.js';
import { mulberry32 } from '../helpers/mulberry32.js';

const PIECES = ['troops', 'U.S.', 'don’t', 'Secretary-General', 'Zelenskýy', '150,000', '…', ' ', '  ', '-', '.', '’', "'", '“', 'a', '😀', 'Ж'];

describe('hasWords', () => {
  it.each([
    ['drills', false],
    ['threatening position', false],
    ['has a schedule', true],
    ['U.S. - led', false],
    ['don’t go there', true],
  ])('counts “%s” as a statement-length quote: %s', (quote, expected) => {
    expect(hasWords(quote, 0, quote.length, MIN_STATEMENT_WORDS)).toBe(expected);
  });

  it('agrees with quoteWords on 2,000 random strings', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 2_000; i++) {
      const text = Array.from({ length: Math.floor(random() * 8) }, () => PIECES[Math.floor(random() * PIECES.length)]).join(random() < 0.5 ? ' ' : '');
      for (let min = 1; min <= 4; min++) {
        expect(hasWords(text, 0, text.length, min), JSON.stringify(text)).toBe(quoteWords(text).length >= min);
      }
    }
  });
});
