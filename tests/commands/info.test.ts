import { describe, expect, it } from 'vitest';
import { completions, type FeedStatusLine, handleCommand, MAX_COMPLETIONS, parseCommand } from '../../src/commands/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { BASE, baseContext, HOUR, watchlist } from './helpers.js';

// These commands read no statements; a real (in-memory SQLite) store stands behind them anyway.
const store = await openSqliteStore(':memory:');
const context = (feeds: FeedStatusLine[] = []) => ({ ...baseContext(store, feeds), channel: 'console', now: BASE });

describe('actors', () => {
  it('lists watchlist actors grouped by organisation', async () => {
    const reply = await handleCommand({ kind: 'actors' }, context());
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toContain('• **NATO**: Jens Stoltenberg (NATO Secretary General)');
    // Peskov → Kremlin → Russia: grouped under Russia.
    expect(reply.text).toMatch(/• \*\*Russia\*\*: Kremlin, Vladimir Putin \(Russian President\), Dmitry Peskov \(Kremlin spokesperson\)/);
    expect(reply.text.length).toBeLessThanOrEqual(1900);
  });
});

describe('feeds', () => {
  it('shows each feed’s health, failing ones first', async () => {
    const feeds: FeedStatusLine[] = [
      { feedId: 'reuters', url: 'https://reuters.example/rss', title: 'Reuters World', ok: true, lastError: null, nextPollAt: BASE + 5 * 60_000, failures: 0 },
      { feedId: 'bbc', url: 'https://bbc.example/rss', title: null, ok: false, lastError: 'HTTP 503 Service Unavailable', nextPollAt: BASE + 2 * HOUR, failures: 3 },
    ];
    const reply = await handleCommand({ kind: 'feeds' }, context(feeds));
    expect(reply.text.split('\n')).toEqual([
      '**Feeds** (2, 1 failing):',
      '• **bbc** failing (3 in a row): HTTP 503 Service Unavailable · retrying 10:00 UTC · https://bbc.example/rss',
      '• **Reuters World** ok · next poll 08:05 UTC · https://reuters.example/rss',
    ]);
  });

  it('says so when there are none', async () => {
    expect((await handleCommand({ kind: 'feeds' }, context())).text).toBe('No feeds are configured yet.');
  });
});

describe('help and invalid input', () => {
  it('help shows the grammar', async () => {
    const reply = await handleCommand(parseCommand('help'), context());
    for (const part of ['`nato`', 'since:24h', 'limit:5', '`subscribe nato, troop withdrawal`', '`unsubscribe all`', '`list`', '`actors`', '`feeds`']) expect(reply.text).toContain(part);
  });

  it('an invalid command answers with its message, privately', async () => {
    expect(await handleCommand(parseCommand('nato limit:abc'), context())).toEqual({ ephemeral: true, text: expect.stringContaining('limit:abc') });
  });
});

describe('completions', () => {
  it.each<[string, string]>([
    ['sub', 'subscribe'],
    ['un', 'unsubscribe'],
    ['stolt', 'Jens Stoltenberg'],
    ['subscribe pes', 'subscribe Dmitry Peskov'],
    ['subscribe nato, troop w', 'subscribe nato, troop withdrawal'],
  ])('%j offers %j', (typed, choice) => {
    expect(completions(typed, watchlist)).toContain(choice);
  });

  it('offers at most 25 choices', () => {
    expect(completions('', watchlist).length).toBeLessThanOrEqual(MAX_COMPLETIONS);
    expect(completions('', watchlist)[0]).toBe('subscribe');
  });
});
