// The real poller, store and console sink against a local feed server: new items are alerted
// once, a 304 is not parsed, a later item is alerted on the next poll, a restart alerts nothing
// twice, and a broken feed is recorded on its feed while the others keep working.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consoleSink } from '../../src/deliveries/index.js';
import { Fetcher } from '../../src/feeds/index.js';
import { silentLogger } from '../../src/log.js';
import { compileWatchlist } from '../../src/matches/index.js';
import type { Feed } from '../../src/model/index.js';
import { runCycle, type PipelineDeps } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { loadWatchlist } from '../../src/watchlist/index.js';
import { conditional, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { escapeXml as escape, paragraphs, rss } from '../helpers/feed-xml.js';
import { SEED_FILES } from '../helpers/seeds.js';

const watchlist = loadWatchlist();
const matcher = compileWatchlist(watchlist);
const seeds = SEED_FILES.map((f) => readFileSync(f, 'utf8'));
const NOW = Date.parse('2022-02-17T12:00:00Z');
const outbox = { maxAttempts: 3, retryBaseMs: 1_000 };

function atom(server: FeedServer): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Local Atom</title><id>urn:local</id><updated>2022-02-17T09:00:00Z</updated>
<entry><title>Russia announces new withdrawal</title><id>urn:local:3</id><link href="${server.url('/article/3')}"/><updated>2022-02-17T09:15:00Z</updated><summary>Russia on Thursday announced a new withdrawal.</summary></entry></feed>`;
}

function page(text: string): string {
  return `<!doctype html><html><head><title>Russia announces new withdrawal</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Russia announces new withdrawal</h1>${paragraphs(text)}</article><aside>Most read: something else entirely</aside><footer>© Local Atom</footer></body></html>`;
}

const feed = (id: string, url: string): Feed => ({ id, url, title: null, intervalMinutes: 15, fetchArticles: true, alertNewestOnFirstPoll: 10, maxAgeHours: 0 });

describe('the monitor against a local feed server', () => {
  let server: FeedServer;
  let dir: string;
  let store: Store;
  let printed: string[];
  let rssItems: { guid: string; title: string; text: string; date: string }[];
  let now: number;

  const deps = (feeds: Feed[]): PipelineDeps => {
    const fetcher = new Fetcher({ userAgent: 'statements-test', connectTimeoutMs: 1_000, totalTimeoutMs: 1_000, maxBodyBytes: 200_000, maxRedirects: 3, perHostConcurrency: 4, allowAddresses: ['127.0.0.0/8', '::1/128'] });
    return {
      store,
      fetcher,
      feeds,
      watchlist,
      matcher,
      fetchPage: async (url) => {
        const result = await fetcher.fetch(url, { etag: null, lastModified: null });
        if (result.kind !== 'ok') throw new Error(`page ${url}: ${result.kind}`);
        return result.body;
      },
      alerts: { maxQuotes: 3, maxQuoteChars: 300 },
      now: () => now,
      log: silentLogger,
    };
  };
  const sinks = () => [consoleSink((text) => printed.push(text))];

  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'statements-monitor-'));
    store = await openSqliteStore(join(dir, 'statements.db'));
    await store.addSubscription({ id: 'console', channel: 'console', actors: [], keywords: [], createdAt: 0 });
    printed = [];
    now = NOW;
    rssItems = [
      { guid: 'a-000', title: 'NATO sees no withdrawal', text: seeds[0]!, date: 'Wed, 16 Feb 2022 11:20:00 GMT' },
      { guid: 'a-001', title: 'NATO calls on Russia', text: seeds[1]!, date: 'Tue, 15 Feb 2022 17:05:00 GMT' },
    ];
    server.requests.length = 0;
    server.routes.set('/rss.xml', conditional('application/rss+xml', () => rss(rssItems), () => `"v${rssItems.length}"`));
    server.routes.set('/atom.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(atom(server)));
    server.routes.set('/article/3', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(seeds[3]!)));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('alerts new items once, with the speakers’ quotes, from RSS full text and an Atom article page', async () => {
    const report = await runCycle(deps([feed('wire', server.url('/rss.xml')), feed('atom', server.url('/atom.xml'))]), sinks(), outbox, true);
    expect(report.feeds.map((f) => [f.feedId, f.status, f.alerted])).toEqual([
      ['wire', 'ok', 2],
      ['atom', 'ok', 1],
    ]);
    expect(report.sent).toBe(3);
    const out = printed.join('');
    for (const speaker of ['Jens Stoltenberg', 'Ben Wallace', 'Dmitry Peskov']) expect(out).toContain(speaker);
    expect(out).toContain('It remains to be seen');
    expect(out).not.toContain('Most read'); // the page's furniture stayed out of the article
  });

  it('sends the validators back, does not parse a 304, and alerts an item added later on the next poll', async () => {
    const feeds = [feed('wire', server.url('/rss.xml'))];
    await runCycle(deps(feeds), sinks(), outbox, true);
    expect(printed).toHaveLength(2);

    now += 20 * 60 * 1000;
    const second = await runCycle(deps(feeds), sinks(), outbox, true);
    const conditionalRequest = server.requests.filter((r) => r.path === '/rss.xml')[1];
    expect(conditionalRequest?.ifNoneMatch).toBe('"v2"');
    expect(conditionalRequest?.ifModifiedSince).toBe('Wed, 16 Feb 2022 12:00:00 GMT');
    expect(second.feeds[0]?.status).toBe('not-modified');
    expect(printed).toHaveLength(2);

    rssItems.push({ guid: 'a-002', title: 'US to verify', text: seeds[2]!, date: 'Wed, 16 Feb 2022 18:00:00 GMT' });
    now += 20 * 60 * 1000;
    const third = await runCycle(deps(feeds), sinks(), outbox, true);
    expect(third.feeds[0]).toMatchObject({ status: 'ok', newItems: 1, alerted: 1 });
    expect(printed).toHaveLength(3);
    expect(printed[2]).toContain('Joe Biden');
  });

  it('alerts nothing twice after a restart on the same database file', async () => {
    const feeds = [feed('wire', server.url('/rss.xml'))];
    await runCycle(deps(feeds), sinks(), outbox, true);
    expect(printed).toHaveLength(2);
    await store.close();
    store = await openSqliteStore(join(dir, 'statements.db'));
    server.routes.set('/rss.xml', conditional('application/rss+xml', () => rss(rssItems), () => `"changed"`));
    const again = await runCycle(deps(feeds), sinks(), outbox, true);
    expect(again.feeds[0]).toMatchObject({ status: 'ok', newItems: 0 });
    expect(again.sent).toBe(0);
    expect(printed).toHaveLength(2);
  });

  it('records a baseline on a new feed’s first poll and never alerts items older than the age limit', async () => {
    const quiet: Feed = { ...feed('wire', server.url('/rss.xml')), alertNewestOnFirstPoll: 0 };
    const first = await runCycle(deps([quiet]), sinks(), outbox, true);
    expect(first.feeds[0]).toMatchObject({ status: 'ok', newItems: 2, alerted: 0 });
    expect(printed).toEqual([]);
    expect(await store.itemByLink('https://news.example/a-000')).toMatchObject({ decision: 'baseline', reason: expect.stringContaining('first poll') });

    rssItems.push({ guid: 'a-002', title: 'US to verify', text: seeds[2]!, date: 'Wed, 16 Feb 2022 18:00:00 GMT' });
    now = Date.parse('2022-03-01T00:00:00Z');
    const aged: Feed = { ...quiet, maxAgeHours: 48 };
    const second = await runCycle(deps([aged]), sinks(), outbox, true);
    expect(second.feeds[0]).toMatchObject({ newItems: 1, alerted: 0 });
    expect(printed).toEqual([]);
    expect(await store.itemByLink('https://news.example/a-002')).toMatchObject({ decision: 'too-old', reason: expect.stringContaining('maxAgeHours') });
  });

  it('records a broken feed on the feed, backs it off, and keeps every other feed working', async () => {
    server.routes.set('/missing.xml', (_req, res) => res.writeHead(404).end('gone'));
    server.routes.set('/broken.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>oops</channel>'));
    server.routes.set('/page.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><h1>Welcome</h1></body></html>'));
    server.routes.set('/slow.xml', () => undefined); // never answers
    server.routes.set('/loop', (_req, res) => res.writeHead(302, { location: server.url('/loop') }).end());
    server.routes.set('/error.xml', (_req, res) => res.writeHead(500).end('internal error'));
    server.routes.set('/huge.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(rssItems).replace('</channel>', `<!-- ${'x'.repeat(300_000)} --></channel>`)));
    // Latin-1 bytes labelled UTF-8: the feed still reads, with its accents intact.
    const latin1 = Buffer.from(rss([{ guid: 'l-1', title: 'Zelenskýy: «nous résisterons»', text: seeds[1]!, date: 'Tue, 15 Feb 2022 17:05:00 GMT' }]).replace('UTF-8', 'ISO-8859-1'), 'latin1');
    server.routes.set('/latin1.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(latin1));
    const feeds = ['missing.xml', 'broken.xml', 'page.html', 'slow.xml', 'loop', 'error.xml', 'huge.xml'].map((p, i) => feed(`bad-${i}`, server.url(`/${p}`)));
    feeds.push(feed('wire', server.url('/rss.xml')), feed('latin1', server.url('/latin1.xml')));
    const report = await runCycle(deps(feeds), sinks(), outbox, true);
    expect(report.feeds.find((f) => f.feedId === 'wire')).toMatchObject({ status: 'ok', alerted: 2 });
    const states = new Map((await store.feedStates()).map((s) => [s.feedId, s]));
    for (const bad of feeds.slice(0, 7)) {
      const state = states.get(bad.id);
      expect(state?.failures, bad.id).toBe(1);
      expect(state?.lastError, bad.id).toMatch(/\S/);
      expect(state?.nextPollAt ?? 0, bad.id).toBeGreaterThan(now);
    }
    expect(states.get('bad-0')?.lastError).toMatch(/404/);
    expect(states.get('bad-2')?.lastError).toMatch(/HTML/i);
    expect(states.get('bad-4')?.lastError).toMatch(/redirect/i);
    expect(states.get('bad-5')?.lastError).toMatch(/500/);
    expect(states.get('bad-6')?.lastError).toMatch(/large|size|bytes/i);
    expect(report.feeds.find((f) => f.feedId === 'latin1')).toMatchObject({ status: 'ok', newItems: 1 });
    expect(await store.itemByLink('https://news.example/l-1')).toMatchObject({ title: 'Zelenskýy: «nous résisterons»' });
  });
});
