// The real poller, SQLite store and console sink in one cycle over more than fifty hostile or
// broken feeds, served from 127.0.0.1 by a child process (hostile-server.ts) alongside healthy
// feeds. What a user must see: every healthy item alerted exactly once; every broken feed recorded
// on the feed with a reason that names the problem; feeds that are hostile but still readable read
// within bounds; the cycle over in bounded time and memory, whatever the feeds do.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { consoleSink } from '../../src/deliveries/index.js';
import { Fetcher, type FetchLimits } from '../../src/feeds/index.js';
import { silentLogger } from '../../src/log.js';
import { compileWatchlist } from '../../src/matches/index.js';
import type { Feed, FeedState } from '../../src/model/index.js';
import { runCycle, type CycleReport, type PipelineDeps } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { loadWatchlist } from '../../src/watchlist/index.js';
import { HEALTHY_FEEDS, HEALTHY_QUOTES, MARK, MiB, natoHtml } from './hostile-docs.js';

const NOW = Date.parse('2022-02-17T12:00:00Z');
const LIMITS: FetchLimits = {
  userAgent: 'statements-faults',
  connectTimeoutMs: 1_000,
  totalTimeoutMs: 2_000,
  maxBodyBytes: 5 * MiB, // the production default
  maxRedirects: 5,
  // Every feed here shares one host; in the wild they would be on many. All start at once.
  perHostConcurrency: 128,
  // The feed server is on loopback, which the fetcher refuses unless allowed.
  allowAddresses: ['127.0.0.1/32'],
};
/**
 * The whole cycle: the slowest feeds' time-out (which, when this process was too busy to read,
 * waits for what arrived meanwhile, up to twice the time-out), plus a second to finish up.
 */
const CYCLE_BOUND_MS = 2 * LIMITS.totalTimeoutMs + 1_000;
const PEAK_RSS_BOUND = 300 * MiB;

interface After {
  report: CycleReport;
  store: Store;
  printed: string[];
  /** Every path the server was asked for. */
  requested: string[];
  state: FeedState | null;
}
type Check = (after: After) => void | Promise<void>;
type Expectation = { fails: RegExp; code: string; check?: Check } | { reads: true; check?: Check };

const fails = (pattern: RegExp, code: string, check?: Check): Expectation => (check === undefined ? { fails: pattern, code } : { fails: pattern, code, check });
const reads = (check?: Check): Expectation => (check === undefined ? { reads: true } : { reads: true, check });

const alertsWith = (printed: string[], text: string): number => printed.filter((p) => p.includes(text)).length;
const feedReport = (report: CycleReport, id: string) => report.feeds.find((f) => f.feedId === id);

const TIMED_OUT = /no complete answer within 2000 ms/;
const TOO_LARGE = /body larger than 5242880 bytes/;
const UNSAFE = /declares XML entities \(<!ENTITY …> in its DOCTYPE\).*refused unread/;

/** What each feed hostile-server.ts serves must come to (the server says what it serves; see there). */
const EXPECTED: Record<string, Expectation> = {
  // time: nothing holds the cycle beyond the total time-out
  'slow-headers': fails(TIMED_OUT, 'FEED_TIMEOUT'),
  'trickle-1-byte-per-100ms': fails(TIMED_OUT, 'FEED_TIMEOUT'),
  'headers-then-silence': fails(TIMED_OUT, 'FEED_TIMEOUT'),
  'redirect-to-slow': fails(TIMED_OUT, 'FEED_TIMEOUT'),
  // an error page that never finishes still reports its status
  'error-page-trickles': fails(/HTTP 503 Service Unavailable/, 'FEED_HTTP'),
  // size: the cap holds after decompression, with or without a Content-Length
  'endless-chunked-body': fails(TOO_LARGE, 'FEED_TOO_LARGE'),
  'over-cap-with-length': fails(TOO_LARGE, 'FEED_TOO_LARGE'),
  'over-cap-chunked': fails(TOO_LARGE, 'FEED_TOO_LARGE'),
  'content-length-10-gib': fails(TOO_LARGE, 'FEED_TOO_LARGE'),
  'gzip-bomb-1-gib': fails(TOO_LARGE, 'FEED_TOO_LARGE'),
  'deflate-bomb-1-gib': fails(TOO_LARGE, 'FEED_TOO_LARGE'),
  'brotli-bomb-1-gib': fails(TOO_LARGE, 'FEED_TOO_LARGE'),
  'x-gzip-bomb-64-mib': fails(TOO_LARGE, 'FEED_TOO_LARGE'),
  'error-page-endless': fails(/HTTP 500 Internal Server Error/, 'FEED_HTTP'),
  // compression that lies
  'gzip-label-plain-body': fails(/corrupt gzip body .*incorrect header check/, 'FEED_HTTP'),
  'truncated-gzip': fails(/corrupt gzip body .*unexpected end of file/, 'FEED_HTTP'),
  'brotli-label-garbage': fails(/corrupt br body/, 'FEED_HTTP'),
  'unknown-content-encoding': fails(/unsupported Content-Encoding "zstd"/, 'FEED_HTTP'),
  'double-gzip': fails(/unsupported Content-Encoding "gzip, gzip"/, 'FEED_HTTP'),
  // the connection misbehaves
  'closes-mid-body': fails(/connection to 127\.0\.0\.1:\d+ broke off in the middle of the body \(ECONNRESET aborted\)/, 'FEED_CONNECT'),
  'hangs-up-at-once': fails(/socket hang up/, 'FEED_CONNECT'),
  'resets-socket': fails(/ECONNRESET/, 'FEED_CONNECT'),
  // the connection works but what comes over it is not HTTP as Node's parser knows it
  'not-http-at-all': fails(/malformed HTTP response from 127\.0\.0\.1:\d+ \(HPE_INVALID_CONSTANT/, 'FEED_HTTP'),
  'header-overflow': fails(/malformed HTTP response .*Header overflow/, 'FEED_HTTP'),
  'bad-chunk-size': fails(/malformed HTTP response .*Invalid character in chunk size/, 'FEED_HTTP'),
  // more bytes than the Content-Length: the rest cannot be the next response
  'content-length-short': fails(/malformed HTTP response .*HPE_INVALID_CONSTANT/, 'FEED_HTTP'),
  // statuses
  'http-404': fails(/HTTP 404 Not Found.*The feed may have moved/, 'FEED_HTTP'),
  'http-410': fails(/HTTP 410 Gone.*The feed may have moved/, 'FEED_HTTP'),
  'http-403': fails(/HTTP 403 Forbidden.*refuses us/, 'FEED_HTTP'),
  'http-500': fails(/HTTP 500 Internal Server Error.*server error/, 'FEED_HTTP'),
  'http-503-retry-after': fails(/HTTP 503 .*\(Retry-After 7200 s\)/, 'FEED_RATE_LIMITED', ({ state }) => expect(state?.nextPollAt).toBeGreaterThanOrEqual(NOW + 7_200_000)),
  'http-429-retry-after': fails(/HTTP 429 .*\(Retry-After 3600 s\)/, 'FEED_RATE_LIMITED', ({ state }) => expect(state?.nextPollAt).toBeGreaterThanOrEqual(NOW + 3_600_000)),
  'http-429-unreadable-retry-after': fails(/HTTP 429 Too Many Requests/, 'FEED_RATE_LIMITED'),
  'http-204': fails(/the response body is empty/, 'FEED_PARSE'),
  // a 304 to a request that asked nothing would pass for a healthy feed that is never read
  'http-304-unasked': fails(/HTTP 304 Not Modified .*without validators/, 'FEED_HTTP'),
  // redirects
  'redirect-loop': fails(/redirect loop: .*redirect-loop → .*loop-b → .*redirect-loop/, 'FEED_REDIRECTS'),
  'redirect-self': fails(/redirect loop/, 'FEED_REDIRECTS'),
  'too-many-redirects': fails(/more than 5 redirects/, 'FEED_REDIRECTS'),
  'redirect-to-file': fails(/refused redirect to file:/, 'FEED_REDIRECTS'),
  'redirect-to-ftp': fails(/refused redirect to ftp:/, 'FEED_REDIRECTS'),
  'redirect-to-javascript': fails(/refused redirect to javascript:/, 'FEED_REDIRECTS'),
  'redirect-to-data': fails(/refused redirect to data:/, 'FEED_REDIRECTS'),
  'redirect-without-location': fails(/HTTP 302 redirect without a Location header/, 'FEED_HTTP'),
  'redirect-to-nonsense': fails(/invalid redirect target "http:\/\/\[::1"/, 'FEED_REDIRECTS'),
  // XML that attacks the parser: refused before parsing; nothing expanded, nothing fetched
  'billion-laughs': fails(UNSAFE, 'FEED_UNSAFE_XML'),
  'quadratic-blowup': fails(UNSAFE, 'FEED_UNSAFE_XML'),
  'xxe-file': fails(UNSAFE, 'FEED_UNSAFE_XML'),
  'xxe-http': fails(UNSAFE, 'FEED_UNSAFE_XML', ({ requested }) => expect(requested).not.toContain('/xxe-target')),
  'xxe-parameter-entity': fails(UNSAFE, 'FEED_UNSAFE_XML', ({ requested }) => expect(requested).not.toContain('/xxe-dtd')),
  'undeclared-entity': fails(/malformed feed XML: Invalid character entity/, 'FEED_PARSE'),
  'deep-nesting': fails(/elements are nested too deeply/, 'FEED_PARSE'),
  // not a feed, or not all of one
  'truncated-xml': fails(/malformed feed XML: Unclosed root tag/, 'FEED_PARSE'),
  'unclosed-cdata': fails(/malformed feed XML/, 'FEED_PARSE'),
  'html-page': fails(/returned an HTML page, not a feed/, 'FEED_NOT_A_FEED'),
  'html-labelled-rss': fails(/returned an HTML page, not a feed/, 'FEED_NOT_A_FEED'),
  'json-body': fails(/returned JSON, not an RSS or Atom feed/, 'FEED_NOT_A_FEED'),
  'binary-body': fails(/is not XML \(it starts with "\?PNG/, 'FEED_NOT_A_FEED'),
  'empty-body': fails(/the response body is empty/, 'FEED_PARSE'),
  'whitespace-body': fails(/the response body is empty/, 'FEED_PARSE'),
  'xml-not-a-feed': fails(/is XML but not RSS or Atom \(root element <svg>\)/, 'FEED_NOT_A_FEED'),
  'unknown-charset': fails(/unknown character encoding "x-klingon" \(declared in the Content-Type\)/, 'FEED_CHARSET'),

  // --- hostile but readable: what is in them is read as a person would read it
  // A UTF-8 feed with a few stray bytes: the curly quotes stay quotes, the stray bytes become U+FFFD.
  'invalid-utf8': reads(async ({ printed, store }) => {
    expect(alertsWith(printed, MARK.strayBytes)).toBe(1);
    expect((await store.itemByLink('https://news.example/u8-1'))?.title).toBe('Stray byte é here: \ufffd\ufffd\ufffd');
  }),
  // charset=utf-16 on UTF-8 bytes (no BOM, no NUL bytes): the label is wrong, the bytes decide.
  'charset-label-utf16-lie': reads(({ printed }) => expect(alertsWith(printed, MARK.labelLie)).toBe(1)),
  'xml-declaration-utf16-lie': reads(({ printed }) => expect(alertsWith(printed, MARK.declarationLie)).toBe(1)),
  'latin1-labelled-utf8': reads(async ({ store }) => expect((await store.itemByLink('https://news.example/l1-1'))?.title).toBe('Zelenskýy: «nous résisterons»')),
  'content-type-lies': reads(({ printed }) => expect(alertsWith(printed, MARK.typeLie)).toBe(1)),
  'duplicate-guids': reads(({ printed, report }) => {
    expect(alertsWith(printed, MARK.duplicate)).toBe(1);
    expect(feedReport(report, 'duplicate-guids')).toMatchObject({ newItems: 1, alerted: 1 });
  }),
  // A date in the year 9999 is no date: alerted, stored without one (it would outrank real news).
  'far-future-and-invalid-dates': reads(async ({ printed, store }) => {
    expect(alertsWith(printed, MARK.future)).toBe(1);
    expect(alertsWith(printed, MARK.junkDate)).toBe(1);
    expect((await store.itemByLink('https://news.example/date-future'))?.published).toBeNull();
    expect((await store.itemByLink('https://news.example/date-junk'))?.published).toBeNull();
  }),
  'atom-invalid-updated': reads(({ printed }) => expect(alertsWith(printed, MARK.atomDate)).toBe(1)),
  // Only the newest 500 of a huge feed are read (the rest cost a store lookup each, every poll),
  // by date: this feed lists the oldest first.
  'thousands-of-items': reads(async ({ report, store }) => {
    expect(feedReport(report, 'thousands-of-items')?.newItems).toBe(500);
    for (const k of [4_500, 4_999]) expect(await store.itemByLink(`https://news.example/routine-${k}`), `routine-${k}`).not.toBeNull();
    for (const k of [0, 499, 4_499]) expect(await store.itemByLink(`https://news.example/routine-${k}`), `routine-${k}`).toBeNull();
  }),
  'fifty-thousand-tiny-items': reads(({ report }) => expect(feedReport(report, 'fifty-thousand-tiny-items')?.newItems).toBe(500)),
  'four-mib-single-line': reads(({ report }) => expect(feedReport(report, 'four-mib-single-line')).toMatchObject({ newItems: 1 })),
  'nested-quotes': reads(({ printed }) => expect(alertsWith(printed, MARK.nested)).toBe(1)),
  // A headline is a line: a megabyte title is cut, not stored and alerted whole.
  'megabyte-titles': reads(async ({ store }) => {
    for (const k of [1, 2, 3]) {
      const title = (await store.itemByLink(`https://news.example/mega-${k}`))?.title ?? '';
      expect(title).toMatch(/^NATO headline headline .*…$/);
      expect(title.length).toBeLessThanOrEqual(500);
    }
  }),
  'items-without-identity': reads(({ report }) => expect(feedReport(report, 'items-without-identity')).toMatchObject({ newItems: 0 })),
  // An external DTD is never fetched; a DOCTYPE without entity declarations is fine.
  'external-dtd': reads(({ report, requested }) => {
    expect(requested).not.toContain('/rss-0.91.dtd');
    expect(feedReport(report, 'external-dtd')).toMatchObject({ newItems: 1 });
  }),
  // The articles stage fetches item links: a feed must not make it read a local file.
  'item-links-to-local-file': reads(async ({ printed, report }) => {
    expect(printed.join('')).not.toContain('LOCAL-SECRET');
    expect(feedReport(report, 'item-links-to-local-file')).toMatchObject({ newItems: 2, alerted: 0 });
  }),
  // Terminal control sequences in a title are stripped before anything stores or prints it.
  'control-characters': reads(async ({ printed, store }) => {
    expect(alertsWith(printed, MARK.control)).toBe(1);
    expect(printed.join('')).not.toMatch(/[\u0000-\u0008\u001b\u007f]/);
    expect((await store.itemByLink('https://news.example/ctl-1'))?.title).toBe('Bell and [31mred[0m and NUL and [2J');
  }),
};

/** Feeds whose items link to a page get `fetchArticles`: the point of that case. */
const FETCH_ARTICLES = new Set(['item-links-to-local-file']);

const ReadySchema = z.object({ type: z.literal('ready'), port: z.number().int().positive(), hostile: z.array(z.string()), healthy: z.array(z.string()) });
const RequestsSchema = z.object({ type: z.literal('requests'), paths: z.array(z.string()) });

/** The next message from the server that `schema` accepts. */
function nextMessage<T>(child: ChildProcess, schema: z.ZodType<T>, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no message from the feed server within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: unknown): void => {
      const parsed = schema.safeParse(message);
      if (parsed.success) finish(null, parsed.data);
    };
    const onExit = (code: number | null): void => finish(new Error(`the feed server exited (${code})`));
    function finish(error: Error | null, value?: T): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error !== null) reject(error);
      else resolve(value as T);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

const feed = (id: string, url: string): Feed => ({ id, url, title: null, intervalMinutes: 15, fetchArticles: FETCH_ARTICLES.has(id), alertNewestOnFirstPoll: 10, maxAgeHours: 0 });

describe('one poll cycle over more than fifty hostile feeds and four healthy ones', () => {
  let child: ChildProcess;
  let dir: string;
  let store: Store;
  let fetcher: Fetcher;
  let report: CycleReport;
  let hostile: string[] = [];
  let healthy: string[] = [];
  let requested: string[] = [];
  let origin = '';
  const printed: string[] = [];
  let cycleMs = 0;
  let peakRss = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'statements-faults-'));
    const secretPath = join(dir, 'secret.html');
    writeFileSync(secretPath, `<html><body><article>${natoHtml(MARK.secret).repeat(20)}</article></body></html>`);
    child = fork(fileURLToPath(new URL('./hostile-server.ts', import.meta.url)), [secretPath], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = await nextMessage(child, ReadySchema, 30_000);
    origin = `http://127.0.0.1:${ready.port}`;
    ({ hostile, healthy } = ready);

    store = await openSqliteStore(join(dir, 'statements.db'));
    await store.addSubscription({ id: 'console', channel: 'console', actors: [], keywords: [], createdAt: 0 });
    fetcher = new Fetcher(LIMITS);
    const watchlist = loadWatchlist();
    const deps: PipelineDeps = {
      store,
      fetcher,
      feeds: [...hostile, ...healthy].map((id) => feed(id, `${origin}/${id}`)),
      watchlist,
      matcher: compileWatchlist(watchlist),
      // As the app does it. A page off this machine would be a bug in this test, so none is fetched.
      fetchPage: async (url) => {
        if (/^https?:/i.test(url) && new URL(url).hostname !== '127.0.0.1') throw new Error(`not fetching ${url} from a test`);
        const result = await fetcher.fetch(url, { accept: 'text/html' });
        if (result.kind !== 'ok') throw new Error(`page ${url}: ${result.kind === 'error' ? result.message : result.kind}`);
        return result.body;
      },
      alerts: { maxQuotes: 3, maxQuoteChars: 300 },
      now: () => NOW,
      log: silentLogger,
    };

    peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    try {
      report = await runCycle(deps, [consoleSink((text) => printed.push(text))], { maxAttempts: 3, retryBaseMs: 1_000 }, true);
    } finally {
      cycleMs = performance.now() - started;
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const asked = nextMessage(child, RequestsSchema, 5_000);
    child.send({ type: 'requests' });
    requested = (await asked).paths;

    const healthyAlerted = HEALTHY_QUOTES.filter((q) => alertsWith(printed, q) === 1).length;
    console.log(
      `hostile feeds: ${hostile.length} (${hostile.filter((id) => EXPECTED[id] !== undefined && 'fails' in EXPECTED[id]).length} refused with a reason, ` +
        `${hostile.filter((id) => EXPECTED[id] !== undefined && 'reads' in EXPECTED[id]).length} read); healthy items alerted once: ${healthyAlerted}/${HEALTHY_QUOTES.length}; ` +
        `alerts sent: ${report.sent}; cycle: ${Math.round(cycleMs)} ms; peak RSS: ${(peakRss / MiB).toFixed(1)} MiB`,
    );
  }, 60_000);

  afterAll(async () => {
    fetcher?.close();
    await store?.close();
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    }
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('serves at least fifty distinct hostile feeds, each with an expectation, and the four healthy ones', () => {
    expect(new Set(hostile).size).toBe(hostile.length);
    expect(hostile.length).toBeGreaterThanOrEqual(50);
    expect([...hostile].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(healthy).toEqual([...HEALTHY_FEEDS]);
  });

  it('alerts every healthy item exactly once while the hostile feeds run in the same cycle', () => {
    for (const quote of HEALTHY_QUOTES) expect(alertsWith(printed, quote), quote).toBe(1);
    for (const id of HEALTHY_FEEDS) expect(feedReport(report, id), id).toMatchObject({ status: 'ok', newItems: 2, alerted: 2 });
    expect(report.failed).toBe(0);
  });

  it('finishes the cycle within the time-out bound and under 300 MiB', () => {
    expect(cycleMs).toBeLessThan(CYCLE_BOUND_MS);
    expect(peakRss).toBeLessThan(PEAK_RSS_BOUND);
  });

  const cases = Object.entries(EXPECTED);
  it.each(cases.filter(([, e]) => 'fails' in e))('records %s on the feed with a reason that names it', async (id, expectation) => {
    if (!('fails' in expectation)) throw new Error('unreachable');
    const state = await store.feedState(id);
    expect(feedReport(report, id)?.status).toBe('error');
    expect(state).toMatchObject({ failures: 1, lastErrorCode: expectation.code });
    expect(state?.lastError).toContain(`Feed "${id}" (${origin}/${id})`);
    expect(state?.lastError).toMatch(expectation.fails);
    expect(state?.nextPollAt).toBeGreaterThan(NOW);
    await expectation.check?.({ report, store, printed, requested, state });
  });

  it.each(cases.filter(([, e]) => 'reads' in e))('reads %s within bounds', async (id, expectation) => {
    const state = await store.feedState(id);
    expect(feedReport(report, id)?.status).toBe('ok');
    expect(state).toMatchObject({ failures: 0, lastError: null });
    await expectation.check?.({ report, store, printed, requested, state });
  });
});
