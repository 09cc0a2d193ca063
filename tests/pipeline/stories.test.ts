// One wire story from three outlets (three feeds, different links and headlines, light edits):
// a channel subscribed to NATO hears of it once, and that alert names all three outlets.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consoleSink } from '../../src/deliveries/index.js';
import { Fetcher } from '../../src/feeds/index.js';
import { silentLogger } from '../../src/log.js';
import { compileWatchlist } from '../../src/matches/index.js';
import type { Feed } from '../../src/model/index.js';
import { runCycle } from '../../src/pipeline/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { loadWatchlist } from '../../src/watchlist/index.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { rss } from '../helpers/feed-xml.js';
import { republish } from '../helpers/republish.js';
import { SEED_FILES } from '../helpers/seeds.js';

const wire = readFileSync(SEED_FILES[0]!, 'utf8');
const copies = [
  { outlet: 'Reuters', title: 'Russia says some troops leave Crimea after drills', text: wire },
  { outlet: 'Daily Courier', title: 'Video shows Russian tanks leaving annexed peninsula', text: republish(wire, 'Daily Courier', 1) },
  { outlet: 'Evening Post', title: 'Moscow claims pullback as West remains sceptical', text: republish(wire, 'Evening Post', 2) },
];

let server: FeedServer;
let store: Store;
let dir: string;
beforeAll(async () => {
  server = await startFeedServer();
  copies.forEach((c, i) => server.routes.set(`/feed-${i}.xml`, (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ guid: `copy-${i}`, title: c.title, text: c.text, date: 'Wed, 16 Feb 2022 12:00:00 GMT' }], c.outlet))));
  dir = mkdtempSync(join(tmpdir(), 'statements-stories-'));
  store = await openSqliteStore(join(dir, 'statements.db'));
});
afterAll(async () => {
  await store.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('alerts a channel once for a story three outlets carry, naming all three', async () => {
  const watchlist = loadWatchlist();
  const feeds: Feed[] = copies.map((c, i) => ({ id: `outlet-${i}`, url: server.url(`/feed-${i}.xml`), title: c.outlet, intervalMinutes: 15, fetchArticles: false, alertNewestOnFirstPoll: 10, maxAgeHours: 0 }));
  await store.addSubscription({ id: 'channel:slack:T1:C1', channel: 'console', actors: ['nato'], keywords: [], createdAt: 0 });
  const printed: string[] = [];
  const fetcher = new Fetcher({ allowAddresses: ['127.0.0.0/8'] });
  try {
    const deps = { store, fetcher, feeds, watchlist, matcher: compileWatchlist(watchlist), fetchPage: null, alerts: { maxQuotes: 3, maxQuoteChars: 300 }, now: () => Date.UTC(2022, 1, 16, 13), log: silentLogger };
    const report = await runCycle(deps, [consoleSink((text) => printed.push(text))], { maxAttempts: 3, retryBaseMs: 1_000 }, true);
    expect(report.feeds.map((f) => f.newItems)).toEqual([1, 1, 1]);
    expect(report.sent).toBe(1);
    expect(printed).toHaveLength(1);
    // Whichever copy came first is the alert's outlet; the other two are named as also reporting it.
    const outlets = ['Reuters', 'Daily Courier', 'Evening Post'];
    for (const outlet of outlets) expect(printed[0]).toContain(outlet);
    expect(printed[0]).toMatch(new RegExp(`Also reported by (${outlets.join('|')}), (${outlets.join('|')})`));
    const decisions = await Promise.all(copies.map((_, i) => store.itemByLink(`https://news.example/copy-${i}`)));
    expect(decisions.map((d) => d?.decision).sort()).toEqual(['alerted', 'duplicate', 'duplicate']);
  } finally {
    fetcher.close();
  }
});
