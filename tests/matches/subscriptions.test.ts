// A channel hears of an article when someone it follows speaks in it (or their people do), or a
// statement carries a keyword it follows; a passing mention by the reporter is not enough.
import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '../../src/matches/index.js';
import { mutedReasons, voicesOf, wants, withoutMuted } from '../../src/matches/subscriptions.js';
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

// Seed 000: Stoltenberg (NATO) speaks of troop withdrawal, and so do Ben Wallace (UK) and Anita
// Anand (Canada). A channel that muted a target hears nothing because of it; whatever else it
// follows in the article still counts.
describe('withoutMuted', () => {
  const heard = (subscription: Subscription, muted: string[]): boolean => wants(subscription, withoutMuted(voices, muted, matcher));

  it.each([
    ['NATO, muted', follows(['nato']), ['nato'], false],
    ['NATO, with Stoltenberg muted: he was NATO’s only voice here', follows(['nato']), ['jens-stoltenberg'], false],
    ['Stoltenberg, with NATO muted: he still speaks for himself', follows(['jens-stoltenberg']), ['nato'], true],
    ['NATO and troop withdrawal, NATO muted', follows(['nato'], ['troop-withdrawal']), ['nato'], true],
    ['NATO and troop withdrawal, both muted', follows(['nato'], ['troop-withdrawal']), ['nato', 'troop-withdrawal'], false],
    ['troop withdrawal, a keyword muted elsewhere', follows([], ['troop-withdrawal']), ['sanctions'], true],
    ['everything, NATO muted: others still speak', follows([]), ['nato'], true],
  ])('a channel following %s: %s', (_what, subscription, muted, expected) => {
    expect(heard(subscription, muted)).toBe(expected);
  });

  it('leaves the voices themselves unchanged', () => {
    const copy = () => ({ spokenBy: [...voices.spokenBy], speakers: [...voices.speakers], keywords: [...voices.keywords], named: [...voices.named] });
    const before = copy();
    withoutMuted(voices, ['nato', 'jens-stoltenberg', 'troop-withdrawal'], matcher);
    expect(copy()).toEqual(before);
  });
});

describe('mutedReasons', () => {
  it('names the muted targets that take away something the subscription wants from the article, not the others', () => {
    const muted = ['nato', 'troop-withdrawal', 'kremlin', 'jens-stoltenberg', 'sanctions'];
    expect(mutedReasons(follows(['nato'], ['troop-withdrawal']), voices, muted, matcher)).toEqual(['nato', 'troop-withdrawal', 'jens-stoltenberg']);
    expect(mutedReasons(follows(['dmitry-peskov']), voices, muted, matcher)).toEqual([]);
    expect(mutedReasons(follows([]), voices, muted, matcher)).toEqual(['nato', 'troop-withdrawal', 'jens-stoltenberg']);
  });
});
