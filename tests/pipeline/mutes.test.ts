// Three channels follow NATO. One mutes it: NATO stories stop reaching it while the others still
// get them; one that also follows a keyword the story carries still hears of it; `why` says who
// muted what when nobody was alerted; once the mute ends, NATO stories reach the channel again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CommandContext, handleCommand, parseCommand } from '../../src/commands/index.js';
import type { Sink } from '../../src/deliveries/index.js';
import { Fetcher } from '../../src/feeds/index.js';
import { silentLogger } from '../../src/log.js';
import { compileWatchlist } from '../../src/matches/index.js';
import { runCycle, type PipelineDeps } from '../../src/pipeline/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { loadWatchlist } from '../../src/watchlist/index.js';
import { laterNato, natoItem } from '../helpers/chat-app.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { rss, type RssItem } from '../helpers/feed-xml.js';

const T = (h: number, m: number): number => Date.UTC(2022, 1, 17, h, m);
const A = 'slack:T1:CA';
const B = 'slack:T1:CB';
/** Follows NATO and de-escalation, which the NATO stories of natoItem carry in the quote. */
const C = 'slack:T1:CC';

let server: FeedServer;
let store: Store;
let dir: string;
const items: RssItem[] = [];
beforeAll(async () => {
  server = await startFeedServer();
  server.routes.set('/feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items)));
  dir = mkdtempSync(join(tmpdir(), 'statements-mutes-'));
  store = await openSqliteStore(join(dir, 'statements.db'));
});
afterAll(async () => {
  await store.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a channel that muted NATO gets no NATO alert until the mute ends, unless a keyword it follows matches too; other channels still do', async () => {
  const watchlist = loadWatchlist();
  const matcher = compileWatchlist(watchlist);
  const fetcher = new Fetcher({ allowAddresses: ['127.0.0.0/8'] });
  let now = T(9, 30);
  const deps: PipelineDeps = { store, fetcher, feeds: [{ id: 'wire', url: server.url('/feed.xml'), title: 'Wire', intervalMinutes: 1, fetchArticles: false, alertNewestOnFirstPoll: 10, maxAgeHours: 0 }], watchlist, matcher, fetchPage: null, alerts: { maxQuotes: 2, maxQuoteChars: 200 }, now: () => now, log: silentLogger };
  const received: { channel: string; title: string }[] = [];
  const slack: Sink = { platform: 'slack', send: async (channel, alert) => void received.push({ channel, title: alert.title }) };
  const outbox = { maxAttempts: 3, retryBaseMs: 1_000 };
  const chat = (channel: string, text: string) => {
    const ctx: CommandContext = { store, watchlist, matcher, channel, canManage: true, now, feedStatus: async () => [], addFeed: async () => ({ ok: false, message: '' }), removeFeed: async () => ({ ok: false, message: '' }) };
    return handleCommand(parseCommand(text), ctx);
  };
  const publish = async (item: RssItem): Promise<string[]> => {
    items.push(item);
    received.length = 0;
    await runCycle(deps, [slack], outbox, true);
    return received.filter((r) => r.title === item.title).map((r) => r.channel).sort();
  };
  const why = async (item: RssItem) => store.itemByLink(`https://news.example/${item.guid}`);
  try {
    await chat(A, 'subscribe nato');
    await chat(B, 'subscribe nato');
    await chat(C, 'subscribe nato, de-escalation');
    expect((await chat(A, 'mute nato 6h')).text).toMatch(/^Muted \*\*NATO\*\* \(and its people\) for 6 h, until 15:30 UTC/);
    await chat(C, 'mute nato 6h');

    // A muted NATO; C did too, but the story also carries de-escalation, which C follows.
    const first = natoItem('nato-1');
    expect(await publish(first)).toEqual([B, C]);
    expect(await why(first)).toMatchObject({ decision: 'alerted', reason: expect.stringMatching(new RegExp(`alert queued for ${B}, ${C} \\(${A} muted nato until 2022-02-17T15:30:00.000Z\\)$`)) });

    // With B muting NATO as well, a NATO story without the keyword reaches nobody, and `why` says so.
    now = T(9, 40);
    await chat(B, 'mute nato 1h');
    expect(await publish(laterNato)).toEqual([]);
    expect(await why(laterNato)).toMatchObject({
      decision: 'no-subscriber',
      reason: expect.stringMatching(new RegExp(`but ${A} muted nato until 2022-02-17T15:30:00.000Z; ${B} muted nato until 2022-02-17T10:40:00.000Z; ${C} muted nato until 2022-02-17T15:30:00.000Z$`)),
    });

    // B's hour is over: NATO stories reach it again, while A and C are still muted.
    now = T(10, 40);
    expect(await publish({ ...laterNato, guid: 'nato-later-2', title: 'NATO allies meet once more', text: laterNato.text.replace('very real', 'very real indeed') })).toEqual([B]);

    // Every mute has ended: a new NATO story reaches all three.
    now = T(15, 30);
    expect((await chat(A, 'mutes')).text).toBe('Nothing is muted in this channel. `mute nato 6h` holds back alerts about NATO for 6 hours.');
    expect(await publish(natoItem('nato-3'))).toEqual([A, B, C]);
  } finally {
    fetcher.close();
  }
});
