// A channel hears of an article when someone it follows speaks in it (or their people do), or a
// statement carries a keyword it follows; a passing mention by the reporter is not enough.
import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '../../src/matches/index.js';
import { voicesOf, wants } from '../../src/matches/subscriptions.js';
import type { Subscription } from '../../src/model/index.js';
import { extractStatements } from '../../src/statements/index.js';
import { loadWatchlist } from '../../src/watchlist/index.js';
import { SEED_FILES, seedText } from '../helpers/seeds.js';

const matcher = compileWatchlist(loadWatchlist());
const voices = voicesOf(extractStatements(seedText(SEED_FILES[0]!), { matcher }), matcher);
const follows = (actors: string[], keywords: string[] = []): Subscription => ({ id: 's', channel: 'slack:C1', actors, keywords, createdAt: 0 });

describe('wants', () => {
  it.each([
    ['Stoltenberg speaks', follows(['jens-stoltenberg']), true],
    ['NATO, through Stoltenberg', follows(['nato']), true],
    ['Canada, through Anita Anand', follows(['canada']), true],
    ['Peskov, who does not speak here', follows(['dmitry-peskov']), false],
    ['Russia, mentioned all over but not speaking', follows(['russia']), false],
    ['troop withdrawal, in Stoltenberg’s words', follows([], ['troop-withdrawal']), true],
    ['sanctions, never said', follows([], ['sanctions']), false],
    ['everything (no filters)', follows([]), true],
  ])('seed 000 and a channel following %s: %s', (_what, subscription, expected) => {
    expect(wants(subscription, voices)).toBe(expected);
  });
});
