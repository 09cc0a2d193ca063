import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../helpers/mulberry32.js';
import { compileWatchlist } from '../../src/matches/index.js';
import { tokenize } from '../../src/matches/tokenize.js';
import type { Hit } from '../../src/model/index.js';
import { actor } from './helpers.js';

/** The obvious quadratic leftmost-longest matcher, as the reference. */
function naiveScan(text: string, phrases: readonly string[][]): Hit[] {
  const tokens = tokenize(text);
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; ) {
    let longest = 0;
    for (const phrase of phrases) {
      if (phrase.length > longest && phrase.every((word, k) => tokens[i + k]?.value === word)) longest = phrase.length;
    }
    if (longest === 0) {
      i++;
      continue;
    }
    const words = tokens.slice(i, i + longest).map((t) => t.value).join(' ');
    phrases.forEach((phrase, p) => {
      if (phrase.join(' ') === words) {
        hits.push({ kind: 'actor', id: `a${p}`, start: tokens[i]!.start, end: tokens[i + longest - 1]!.end });
      }
    });
    i += longest;
  }
  return hits;
}

describe('token automaton', () => {
  it('agrees with a naive leftmost-longest matcher on random phrases and texts', () => {
    const next = random(42);
    const vocab = ['a', 'b', 'c', 'd', 'e'];
    const word = (pool: readonly string[]) => pool[Math.floor(next() * pool.length)]!;
    for (let round = 0; round < 300; round++) {
      const phrases = Array.from({ length: 1 + Math.floor(next() * 12) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 4) }, () => word(vocab)),
      );
      const matcher = compileWatchlist({
        actors: phrases.map((p, i) => actor(`a${i}`, p.join(' '))),
        keywords: [],
      });
      for (let t = 0; t < 20; t++) {
        const text = Array.from({ length: Math.floor(next() * 25) }, () => word([...vocab, 'zz'])).join(
          next() < 0.5 ? ' ' : '-',
        );
        expect(matcher.scan(text), `phrases ${JSON.stringify(phrases)} text "${text}"`).toEqual(
          naiveScan(text, phrases),
        );
      }
    }
  });
});
