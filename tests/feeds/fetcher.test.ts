import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fetcher, type FetchResult } from '../../src/feeds/index.js';
import { rss, sendXml, startServer, type TestServer } from './server.js';

/** The test server is on 127.0.0.1, which the fetcher refuses unless allowed. */
const LOOPBACK = ['127.0.0.0/8', '::1/128'];
const LATIN1_TITLE = 'Élysée: Zelenskyy à Paris, café « ravi »';

let server: TestServer;
let fetcher: Fetcher;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  fetcher = new Fetcher({ totalTimeoutMs: 500, connectTimeoutMs: 500, maxBodyBytes: 100_000, maxRedirects: 3, allowAddresses: LOOPBACK });
  dir = mkdtempSync(join(tmpdir(), 'feeds-fetcher-'));

  server.route('/cond', (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304, { etag: '"v1"', 'cache-control': 'max-age=600' }).end();
      return;
    }
    sendXml(res, rss('Cond'), { etag: '"v1"', 'last-modified': 'Wed, 16 Feb 2022 12:00:00 GMT', 'cache-control': 'public, max-age=600' });
  });
  server.route('/gzip', (_req, res) => sendXml(res, gzipSync(rss('Gzip')), { 'content-encoding': 'gzip' }));
  server.route('/hang', () => undefined);
  server.route('/stalled-404', (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.write('<html>Not found, and the rest never comes');
  });
  server.route('/server-error', (_req, res) => res.writeHead(500).end('oops'));
  server.route('/big', (_req, res) => sendXml(res, 'x'.repeat(300_000)));
  server.route('/big-chunked', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    const chunk = 'y'.repeat(16_384);
    let sent = 0;
    const more = (): void => {
      // Keeps streaming well past the cap; the client must cut it off.
      if (sent++ > 200 || res.destroyed) return void res.end();
      res.write(chunk, () => setImmediate(more));
    };
    more();
  });
  server.route('/gzip-bomb', (_req, res) => sendXml(res, gzipSync(Buffer.alloc(2_000_000, 0x20)), { 'content-encoding': 'gzip' }));
  server.route('/loop-a', (_req, res) => res.writeHead(302, { location: '/loop-b' }).end());
  server.route('/loop-b', (_req, res) => res.writeHead(301, { location: '/loop-a' }).end());
  for (let i = 0; i < 6; i++) server.route(`/hop${i}`, (_req, res) => res.writeHead(307, { location: `/hop${i + 1}` }).end());
  server.route('/moved', (_req, res) => res.writeHead(308, { location: '/cond' }).end());
  server.route('/to-file', (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
  const latin1Xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>${LATIN1_TITLE}</title></channel></rss>`;
  server.route('/latin1-prolog', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.from(latin1Xml, 'latin1')));
  server.route('/latin1-mislabelled', (_req, res) => sendXml(res, Buffer.from(latin1Xml, 'latin1')));
  server.route('/latin1-header', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/xml; charset=ISO-8859-1' }).end(Buffer.from(`<rss version="2.0"><channel><title>${LATIN1_TITLE}</title></channel></rss>`, 'latin1')),
  );
  server.route('/utf8-mislabelled', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/xml; charset=iso-8859-1' }).end(Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss><channel><title>${LATIN1_TITLE}</title></channel></rss>`, 'utf8')),
  );
  server.route('/unknown-charset', (_req, res) => res.writeHead(200, { 'content-type': 'text/xml; charset=x-klingon' }).end('<rss/>'));
  server.route('/rate-limited', (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
  server.route('/unavailable', (_req, res) => res.writeHead(503, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }).end());
  server.route('/slow', (_req, res) => setTimeout(() => sendXml(res, rss('Slow')), 100));
});

afterAll(async () => {
  fetcher.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectError(result: FetchResult, code: string, message?: RegExp): void {
  expect(result.kind).toBe('error');
  if (result.kind !== 'error') return;
  expect(result.code).toBe(code);
  if (message) expect(result.message).toMatch(message);
}

describe('Fetcher over HTTP', () => {
  it('answers 200, then 304 when the validators match, sending them back', async () => {
    const first = await fetcher.fetch(server.url('/cond'));
    expect(first).toMatchObject({ kind: 'ok', status: 200, etag: '"v1"', lastModified: 'Wed, 16 Feb 2022 12:00:00 GMT', maxAgeSeconds: 600 });
    if (first.kind !== 'ok') return;
    expect(first.body).toContain('<title>Cond</title>');
    expect(first.finalUrl).toBe(server.url('/cond'));

    const second = await fetcher.fetch(server.url('/cond'), { etag: first.etag, lastModified: first.lastModified });
    expect(second).toEqual({ kind: 'not-modified', etag: '"v1"', lastModified: 'Wed, 16 Feb 2022 12:00:00 GMT', maxAgeSeconds: 600 });
    const sent = server.hits('/cond').at(-1)?.headers;
    expect(sent?.['if-none-match']).toBe('"v1"');
    expect(sent?.['if-modified-since']).toBe('Wed, 16 Feb 2022 12:00:00 GMT');
    expect(sent?.['user-agent']).toMatch(/^statements\/0\.1/);
  });

  it('decompresses gzip', async () => {
    const result = await fetcher.fetch(server.url('/gzip'));
    expect(result.kind === 'ok' && result.body.includes('<title>Gzip</title>')).toBe(true);
  });

  it('follows a redirect and reports the final URL', async () => {
    expect(await fetcher.fetch(server.url('/moved'))).toMatchObject({ kind: 'ok', finalUrl: server.url('/cond') });
  });

  it.each([
    ['a time-out (server never answers)', '/hang', 'FEED_TIMEOUT', /no complete answer within 500 ms/],
    ['404', '/missing', 'FEED_HTTP', /^HTTP 404 Not Found from http:\/\/127\.0\.0\.1:\d+\/missing$/],
    ['404 whose body stalls', '/stalled-404', 'FEED_HTTP', /^HTTP 404 Not Found from /],
    ['500', '/server-error', 'FEED_HTTP', /^HTTP 500 Internal Server Error from /],
    ['a body over the cap (Content-Length)', '/big', 'FEED_TOO_LARGE', /larger than 100000 bytes/],
    ['a body over the cap (streamed)', '/big-chunked', 'FEED_TOO_LARGE', /larger than 100000 bytes/],
    ['a gzip bomb', '/gzip-bomb', 'FEED_TOO_LARGE', /larger than 100000 bytes/],
    ['a redirect loop', '/loop-a', 'FEED_REDIRECTS', /redirect loop: .*loop-a → .*loop-b → .*loop-a/],
    ['too many redirects', '/hop0', 'FEED_REDIRECTS', /more than 3 redirects/],
    ['a redirect to file:', '/to-file', 'FEED_REDIRECTS', /refused redirect to file:/],
    ['an unknown charset', '/unknown-charset', 'FEED_CHARSET', /unknown character encoding "x-klingon"/],
  ])('gives a coded error for %s', async (_name, path, code, message) => {
    const started = Date.now();
    expectError(await fetcher.fetch(server.url(path)), code, message);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('gives FEED_CONNECT when nothing listens, and FEED_URL for a bad URL', async () => {
    const closed = await startServer();
    const url = closed.url('/feed');
    await closed.close();
    expectError(await fetcher.fetch(url), 'FEED_CONNECT', /ECONNREFUSED/);
    expectError(await fetcher.fetch('not a url'), 'FEED_URL');
    expectError(await fetcher.fetch('ftp://example.com/feed'), 'FEED_URL', /unsupported scheme ftp:/);
  });

  it.each([
    ['declared in the XML prolog only', '/latin1-prolog'],
    ['declared in the prolog, mislabelled UTF-8 by the server', '/latin1-mislabelled'],
    ['declared in Content-Type', '/latin1-header'],
    ['UTF-8 declared in the prolog, mislabelled latin1 by the server', '/utf8-mislabelled'],
  ])('decodes a body %s', async (_name, path) => {
    const result = await fetcher.fetch(server.url(path));
    expect(result.kind === 'ok' ? result.body : result).toContain(`<title>${LATIN1_TITLE}</title>`);
  });

  it('gives Retry-After with 429 (seconds) and 503 (HTTP date)', async () => {
    const limited = await fetcher.fetch(server.url('/rate-limited'));
    expect(limited).toMatchObject({ kind: 'error', code: 'FEED_RATE_LIMITED', status: 429, retryAfterMs: 120_000 });
    const unavailable = await fetcher.fetch(server.url('/unavailable'));
    expect(unavailable).toMatchObject({ kind: 'error', code: 'FEED_RATE_LIMITED', status: 503 });
    const wait = unavailable.kind === 'error' ? (unavailable.retryAfterMs ?? 0) : 0;
    expect(wait).toBeGreaterThan(55_000);
    expect(wait).toBeLessThanOrEqual(60_000);
  });

  it('shares one request between concurrent callers of one URL', async () => {
    const before = server.hits('/slow').length;
    const [a, b] = await Promise.all([fetcher.fetch(server.url('/slow')), fetcher.fetch(server.url('/slow'))]);
    expect(server.hits('/slow').length - before).toBe(1);
    expect(a).toBe(b);
    expect(a.kind).toBe('ok');
    // Once settled, the next call asks again.
    await fetcher.fetch(server.url('/slow'));
    expect(server.hits('/slow').length - before).toBe(2);
  });

  it('keeps at most perHostConcurrency requests in flight per host', async () => {
    let active = 0;
    let peak = 0;
    for (let i = 0; i < 6; i++) {
      server.route(`/limited${i}`, (_req, res) => {
        peak = Math.max(peak, ++active);
        setTimeout(() => {
          active--;
          sendXml(res, rss('Limited'));
        }, 40);
      });
    }
    const limited = new Fetcher({ perHostConcurrency: 2, allowAddresses: LOOPBACK });
    try {
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => limited.fetch(server.url(`/limited${i}`))));
      expect(results.every((r) => r.kind === 'ok')).toBe(true);
      expect(peak).toBe(2);
    } finally {
      limited.close();
    }
  });
});

describe('Fetcher over file: URLs', () => {
  it('reads a local file, then reports it not modified while unchanged', async () => {
    const path = join(dir, 'feed.xml');
    writeFileSync(path, rss('Local'));
    const url = pathToFileURL(path).href;
    const first = await fetcher.fetch(url);
    expect(first).toMatchObject({ kind: 'ok', status: 200, finalUrl: url });
    if (first.kind !== 'ok') return;
    expect(first.body).toContain('<title>Local</title>');
    expect(first.etag).not.toBeNull();

    expect(await fetcher.fetch(url, { etag: first.etag, lastModified: first.lastModified })).toMatchObject({ kind: 'not-modified', etag: first.etag });

    writeFileSync(path, rss('Local, changed'));
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    expect(await fetcher.fetch(url, { etag: first.etag, lastModified: first.lastModified })).toMatchObject({ kind: 'ok' });
  });

  it('gives FEED_FILE for a missing file', async () => {
    expectError(await fetcher.fetch(pathToFileURL(join(dir, 'absent.xml')).href), 'FEED_FILE', /absent\.xml: no such file/);
  });
});
