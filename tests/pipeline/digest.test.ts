// A digest subscription: the stories of an hour wait for the hour's end and go out as one
// message with every story of that hour; nothing goes twice, and the next hour starts afresh.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { handleCommand, parseCommand } from '../../src/commands/index.js';
import { consoleSink } from '../../src/deliveries/index.js';
import { Fetcher } from '../../src/feeds/index.js';
import { silentLogger } from '../../src/log.js';
import { compileWatchlist } from '../../src/matches/index.js';
import { runCycle, type PipelineDeps } from '../../src/pipeline/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { loadWatchlist } from '../../src/watchlist/index.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { rss, type RssItem } from '../helpers/feed-xml.js';
import { SEED_FILES } from '../helpers/seeds.js';

const seeds = SEED_FILES.map((f) => readFileSync(f, 'utf8'));
const T = (h: number, m: number): number => Date.UTC(2022, 1, 17, h, m);

let server: FeedServer;
let store: Store;
let dir: string;
let items: RssItem[] = [];
beforeAll(async () => {
  server = await startFeedServer();
  server.routes.set('/feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items)));
  dir = mkdtempSync(join(tmpdir(), 'statements-digest-'));
  store = await openSqliteStore(join(dir, 'statements.db'));
});
afterAll(async () => {
  await store.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('sends one message per hour with every story of that hour, none twice', async () => {
  const watchlist = loadWatchlist();
  const matcher = compileWatchlist(watchlist);
  const fetcher = new Fetcher({ allowAddresses: ['127.0.0.0/8'] });
  let now = T(12, 5);
  const deps: PipelineDeps = { store, fetcher, feeds: [{ id: 'wire', url: server.url('/feed.xml'), title: 'Wire', intervalMinutes: 1, fetchArticles: false, alertNewestOnFirstPoll: 10, maxAgeHours: 0 }], watchlist, matcher, fetchPage: null, alerts: { maxQuotes: 2, maxQuoteChars: 200 }, now: () => now, log: silentLogger };
  const printed: string[] = [];
  const sinks = [consoleSink((text) => printed.push(text))];
  const outbox = { maxAttempts: 3, retryBaseMs: 1_000 };
  try {
    // The channel subscribes from chat, asking for an hourly digest.
    const reply = await handleCommand(parseCommand('subscribe nato, kremlin, united kingdom, united states, ukraine digest:hourly'), { store, watchlist, matcher, channel: 'console', canManage: true, now, feedStatus: async () => [], addFeed: async () => ({ ok: false, message: '' }), removeFeed: async () => ({ ok: false, message: '' }) });
    expect(reply.text).toContain('as an hourly digest');

    const publish = (i: number): void => void items.push({ guid: `seed-${i}`, title: `Story ${i}`, text: seeds[i]!, date: 'Thu, 17 Feb 2022 12:00:00 GMT' });
    publish(0);
    await runCycle(deps, sinks, outbox, true);
    now = T(12, 30);
    publish(1);
    publish(2);
    await runCycle(deps, sinks, outbox, true);
    now = T(12, 59);
    await runCycle(deps, sinks, outbox, true);
    expect(printed).toEqual([]); // nothing before the hour is over

    now = T(13, 0);
    const atHour = await runCycle(deps, sinks, outbox, true);
    expect(atHour.sent).toBe(3);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^3 stories \(hourly digest\)/);
    for (const title of ['Story 0', 'Story 1', 'Story 2']) expect(printed[0]).toContain(title);

    now = T(13, 20);
    publish(3);
    await runCycle(deps, sinks, outbox, true);
    now = T(14, 0);
    await runCycle(deps, sinks, outbox, true);
    now = T(15, 0);
    await runCycle(deps, sinks, outbox, true);
    expect(printed).toHaveLength(2);
    expect(printed[1]).toMatch(/^1 story \(hourly digest\)/);
    expect(printed[1]).toContain('Story 3');
    expect(printed[1]).not.toContain('Story 0');
  } finally {
    fetcher.close();
  }
});
