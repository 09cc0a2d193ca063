import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '../../src/matches/index.js';
import { actor } from './helpers.js';

const matcher = compileWatchlist({
  actors: [
    actor('dmitry-peskov', 'Dmitry Peskov', ['Dmitri Peskov', 'Peskov'], { kind: 'person', gender: 'male' }),
    actor('joe-biden', 'Joe Biden', ['Biden', 'President Biden'], { kind: 'person', gender: 'male' }),
    actor('jens-stoltenberg', 'Jens Stoltenberg', ['Stoltenberg'], { kind: 'person' }),
    actor('sergey-lavrov', 'Sergey Lavrov', ['Lavrov'], { kind: 'person' }),
    actor('white-house', 'White House', ['@WhiteHouse']),
    actor('kremlin', 'Kremlin'),
    actor('united-states', 'United States', ['US', 'U.S.']),
    actor('russia', 'Russia'),
    actor('anne-smith', 'Anne Smith', ['Smith'], { kind: 'person' }),
    actor('john-smith', 'John Smith', ['Smith'], { kind: 'person' }),
  ],
  keywords: [],
});

describe('actorNamed', () => {
  it.each<[string, string | undefined]>([
    ['Dmitry Peskov', 'dmitry-peskov'],
    ['dmitri peskov', 'dmitry-peskov'],
    ['Peskov', 'dmitry-peskov'],
    ['Mr. Peskov', 'dmitry-peskov'],
    ['Mr Peskov', 'dmitry-peskov'],
    ['Dr. Dmitry Peskov', 'dmitry-peskov'],
    ['Peskov’s', 'dmitry-peskov'],
    ['President Biden', 'joe-biden'],
    ['President Joe Biden', 'joe-biden'],
    ['Biden', 'joe-biden'],
    ['Secretary-General Stoltenberg', 'jens-stoltenberg'],
    ['Foreign Minister Sergey Lavrov', 'sergey-lavrov'],
    ['the White House', 'white-house'],
    ['The White House', 'white-house'],
    ['@WhiteHouse', 'white-house'],
    ['the Kremlin', 'kremlin'],
    ['KREMLIN', 'kremlin'],
    ['U.S.', 'united-states'],
    ['US', 'united-states'],
    // Not whole-phrase matches: the caller gets nothing rather than a guess.
    ['Kremlin spokesman Dmitry Peskov', undefined],
    ['Peskov and Lavrov', undefined],
    ['Russian', undefined],
    ['us', undefined],
    // A title alone names nobody.
    ['the President', undefined],
    ['Mr.', undefined],
    ['', undefined],
    // Shared by two actors: ambiguous.
    ['Smith', undefined],
    ['Ms. Anne Smith', 'anne-smith'],
  ])('%j → %s', (phrase, id) => {
    expect(matcher.actorNamed(phrase)?.id).toBe(id);
  });
});
