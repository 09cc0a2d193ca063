import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fetcher, pollFeed } from '../../src/feeds/index.js';
import type { Feed, FeedState } from '../../src/model/index.js';
import { rss, sendXml, startServer, type TestServer } from './server.js';

const NOW = Date.UTC(2024, 0, 1, 12);
const MIN = 60_000;

let server: TestServer;
let fetcher: Fetcher;

const feedAt = (id: string, path: string): Feed => ({
  id,
  url: server.url(path),
  title: null,
  intervalMinutes: 10,
  fetchArticles: false,
  alertNewestOnFirstPoll: 0,
  maxAgeHours: 48,
});

beforeAll(async () => {
  server = await startServer();
  fetcher = new Fetcher({ totalTimeoutMs: 300, connectTimeoutMs: 300, maxBodyBytes: 50_000, maxRedirects: 2, allowAddresses: ['127.0.0.0/8', '::1/128'] });
  server.route('/good', (req, res) => {
    if (req.headers['if-none-match'] === '"g1"') return void res.writeHead(304).end();
    sendXml(res, rss('Good', 3), { etag: '"g1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' });
  });
  server.route('/ttl', (_req, res) => sendXml(res, rss('Ttl').replace('<description>d</description>', '<ttl>90</ttl>'), { 'cache-control': 'max-age=60' }));
  server.route('/hang', () => undefined);
  server.route('/error', (_req, res) => res.writeHead(500).end());
  server.route('/broken', (_req, res) => sendXml(res, '<rss version="2.0"><channel><title>x</channel>'));
  server.route('/html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Welcome</body></html>'));
  server.route('/huge', (_req, res) => sendXml(res, rss('Huge', 1000)));
  server.route('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
  server.route('/latin1', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(Buffer.from(rss('Zelenskyy à l’Élysée').replace('UTF-8', 'ISO-8859-1').replace(/’/g, "'"), 'latin1')),
  );
  server.route('/klingon', (_req, res) => res.writeHead(200, { 'content-type': 'text/xml; charset=x-klingon' }).end(rss('K')));
  server.route('/slow-down', (_req, res) => res.writeHead(429, { 'retry-after': '7200' }).end());
});

afterAll(async () => {
  fetcher.close();
  await server.close();
});

describe('pollFeed', () => {
  it('parses a fresh body, then takes a 304 without parsing, keeping the validators', async () => {
    const feed = feedAt('good', '/good');
    const first = await pollFeed(feed, null, fetcher, NOW);
    expect(first.status).toBe('ok');
    expect(first.error).toBeNull();
    expect(first.items.map((i) => i.link)).toEqual([0, 1, 2].map((i) => `https://news.example/good/${i}`));
    expect(first.state).toEqual({
      feedId: 'good',
      url: feed.url,
      etag: '"g1"',
      lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
      lastPolledAt: NOW,
      lastSuccessAt: NOW,
      nextPollAt: NOW + 10 * MIN,
      failures: 0,
      lastErrorCode: null,
      lastError: null,
      baselined: false,
      feedTitle: 'Good',
    });

    const later = NOW + 10 * MIN;
    const second = await pollFeed(feed, { ...first.state, baselined: true }, fetcher, later);
    expect(second).toMatchObject({ status: 'not-modified', items: [], error: null });
    expect(second.state).toMatchObject({ etag: '"g1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', lastSuccessAt: later, baselined: true, feedTitle: 'Good' });
    expect(server.hits('/good').at(-1)?.headers['if-none-match']).toBe('"g1"');
  });

  it('decodes a latin1 feed the server mislabels as UTF-8', async () => {
    const outcome = await pollFeed(feedAt('latin1', '/latin1'), null, fetcher, NOW);
    expect(outcome.state.feedTitle).toBe("Zelenskyy à l'Élysée");
    expect(outcome.items[0]?.title).toBe("Zelenskyy à l'Élysée item 0");
  });

  it('waits for the larger of interval, <ttl> and max-age', async () => {
    const outcome = await pollFeed(feedAt('ttl', '/ttl'), null, fetcher, NOW);
    expect(outcome.state.nextPollAt).toBe(NOW + 90 * MIN);
  });

  it('drops the validators when the feed URL changed', async () => {
    const feed = feedAt('moved', '/good');
    const stale: FeedState = { ...(await pollFeed(feed, null, fetcher, NOW)).state, url: server.url('/old') };
    const outcome = await pollFeed(feed, stale, fetcher, NOW);
    expect(outcome.status).toBe('ok');
    expect(server.hits('/good').at(-1)?.headers['if-none-match']).toBeUndefined();
  });

  it.each([
    ['a time-out', '/hang', 'FEED_TIMEOUT', /no complete answer within 300 ms.*slow or down/],
    ['a server error', '/error', 'FEED_HTTP', /HTTP 500 Internal Server Error from .*server error/],
    ['a 404', '/nowhere', 'FEED_HTTP', /HTTP 404 Not Found from .*check the feed URL/],
    ['malformed XML', '/broken', 'FEED_PARSE', /malformed feed XML/],
    ['an HTML page', '/html', 'FEED_NOT_A_FEED', /returned an HTML page, not a feed: check the feed URL/],
    ['an oversized body', '/huge', 'FEED_TOO_LARGE', /larger than 50000 bytes.*fetch\.maxBodyBytes/],
    ['a redirect loop', '/loop', 'FEED_REDIRECTS', /redirect loop/],
    ['an unknown charset', '/klingon', 'FEED_CHARSET', /unknown character encoding "x-klingon" \(declared in the Content-Type\)/],
    ['a rate limit', '/slow-down', 'FEED_RATE_LIMITED', /HTTP 429 Too Many Requests .*Retry-After 7200 s/],
  ])('turns %s into an error outcome, and the next feed still polls', async (_name, path, code, message) => {
    const feed = feedAt(`bad${path.replace('/', '-')}`, path);
    const previous: FeedState = { ...(await pollFeed(feedAt('x', '/good'), null, fetcher, NOW)).state, feedId: feed.id, url: feed.url, failures: 2, baselined: true };
    const outcome = await pollFeed(feed, previous, fetcher, NOW);
    expect(outcome.status).toBe('error');
    expect(outcome.items).toEqual([]);
    expect(outcome.error?.code).toBe(code);
    expect(outcome.error?.message).toMatch(message);
    expect(outcome.error?.message).toContain(`Feed "${feed.id}" (${feed.url})`);
    expect(outcome.error?.message).toMatch(/Next attempt at \d{4}-\d\d-\d\dT.* \(failure 3\)\.$/);
    expect(outcome.state).toMatchObject({ failures: 3, lastErrorCode: code, lastError: outcome.error?.message, lastPolledAt: NOW, baselined: true, etag: '"g1"' });
    expect(outcome.state.nextPollAt ?? 0).toBeGreaterThan(NOW);

    const next = await pollFeed(feedAt('after', '/good'), null, fetcher, NOW);
    expect(next.status).toBe('ok');
    expect(next.items).toHaveLength(3);
  });

  it('backs off no earlier than Retry-After', async () => {
    const outcome = await pollFeed(feedAt('limited', '/slow-down'), null, fetcher, NOW, { random: () => 0 });
    expect(outcome.state.nextPollAt).toBe(NOW + 7_200_000);
  });

  it('backs off exponentially and resets after a success', async () => {
    let state: FeedState | null = null;
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      state = (await pollFeed(feedAt('flaky', '/error'), state, fetcher, NOW, { random: () => 0.5 })).state;
      delays.push((state.nextPollAt ?? 0) - NOW);
    }
    expect(delays).toEqual([10, 20, 40, 80].map((m) => m * MIN));
    const recovered = await pollFeed({ ...feedAt('flaky', '/good') }, { ...(state as FeedState), url: server.url('/good') }, fetcher, NOW);
    expect(recovered.state).toMatchObject({ failures: 0, lastError: null, lastErrorCode: null });
  });

  it('never throws, even when the fetcher does', async () => {
    const broken = { fetch: () => Promise.reject(new Error('boom')) };
    const outcome = await pollFeed(feedAt('odd', '/good'), null, broken, NOW);
    expect(outcome).toMatchObject({ status: 'error', error: { code: 'FEED_INTERNAL' } });
    expect(outcome.error?.message).toMatch(/boom/);
  });
});
