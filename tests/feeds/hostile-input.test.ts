// The feeds stage's defences against hostile feeds, one by one (tests/faults/hostile-feeds.test.ts
// runs them all through the real pipeline at once).
import { describe, expect, it } from 'vitest';
import { StatementsError } from '../../src/errors.js';
import { decodeBody } from '../../src/feeds/charset.js';
import { MAX_ITEMS_PER_FEED, parseFeed } from '../../src/feeds/parse.js';
import { patientTimeout } from '../../src/feeds/patient-timeout.js';
import { pollFeed, type FeedFetcher } from '../../src/feeds/index.js';
import type { Feed } from '../../src/model/index.js';
import { parseFailure } from '../helpers/parse-failure.js';

const rss = (items: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>'): string =>
  `${prolog}<rss version="2.0"><channel><title>T</title><link>https://wire.example/</link><description>d</description>${items}</channel></rss>`;
const item = (k: number, extra = ''): string => `<item><title>Item ${k}</title><guid>g-${k}</guid>${extra}</item>`;
const dated = (k: number): string => item(k, `<pubDate>${new Date(Date.UTC(2022, 0, 1) + k * 60_000).toUTCString()}</pubDate>`);

describe('parseFeed against hostile documents', () => {
  it('refuses entity declarations unread, and reads a DOCTYPE without them', async () => {
    const laughs = rss(item(1), '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>');
    expect(await parseFailure(laughs)).toMatchObject({ code: 'FEED_UNSAFE_XML', message: expect.stringContaining('declares XML entities') });
    expect(await parseFailure(rss(item(1), '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1/x.dtd"> %p;]>'))).toMatchObject({ code: 'FEED_UNSAFE_XML' });
    // A "]>" in a quoted default value does not end the DOCTYPE early.
    expect(await parseFailure(rss(item(1), '<!DOCTYPE rss [<!ATTLIST rss a CDATA "]>"><!-- don\'t --><!ENTITY x "y">]>'))).toMatchObject({ code: 'FEED_UNSAFE_XML' });
    expect((await parseFeed(rss(item(1), '<?xml version="1.0"?><!DOCTYPE rss [<!ELEMENT rss ANY>]>'), 'f')).items).toHaveLength(1);
    expect((await parseFeed(rss(item(1), '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://127.0.0.1/rss-0.91.dtd">'), 'f')).items).toHaveLength(1);
  });

  it('says what a body that is not a feed is', async () => {
    expect(await parseFailure('')).toMatchObject({ code: 'FEED_PARSE', message: 'feeds: the response body is empty' });
    expect(await parseFailure('{"items":[]}')).toMatchObject({ code: 'FEED_NOT_A_FEED', message: expect.stringContaining('returned JSON') });
    expect(await parseFailure('GIF89a\u0001\u0002')).toMatchObject({ code: 'FEED_NOT_A_FEED', message: expect.stringContaining('is not XML (it starts with "GIF89a') });
    expect(await parseFailure(rss(item(1, `<description>${'<b>'.repeat(100_000)}x${'</b>'.repeat(100_000)}</description>`)))).toMatchObject({
      code: 'FEED_PARSE',
      message: expect.stringContaining('nested too deeply'),
    });
  });

  it.each([
    ['newest first', (n: number) => Array.from({ length: n }, (_, k) => dated(n - 1 - k)).join('')],
    ['oldest first', (n: number) => Array.from({ length: n }, (_, k) => dated(k)).join('')],
  ])('keeps the newest items of a huge feed listed %s, and counts the rest', async (_order, items) => {
    const parsed = await parseFeed(rss(items(3_000)), 'f');
    expect(parsed.items).toHaveLength(MAX_ITEMS_PER_FEED);
    expect(new Set(parsed.items.map((i) => i.guid))).toEqual(new Set(Array.from({ length: MAX_ITEMS_PER_FEED }, (_, k) => `g-${2_999 - k}`)));
    expect(parsed.skipped).toEqual({ overLimit: 2_500, unidentifiable: 0 });
  });

  it('keeps only web links, cuts a runaway title, strips control characters and takes a far-future date for none', async () => {
    const parsed = await parseFeed(
      rss(
        '<item><guid>a</guid><title>x</title><link>file:///etc/passwd</link></item>' +
          '<item><guid>b</guid><title>x</title><link>javascript:alert(1)</link></item>' +
          `<item><guid>c</guid><title>${'word '.repeat(10_000)}</title><link>/relative?utm_source=x</link></item>` +
          '<item><guid>d</guid><title>Bell\u0007 \u001b[31mred &amp;#27;[2J</title><pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate></item>',
      ),
      'f',
      'https://wire.example/feed.xml',
    );
    expect(parsed.items.map((i) => i.link)).toEqual([null, null, 'https://wire.example/relative', null]);
    expect(parsed.items[2]?.title).toMatch(/^word word .*word…$/);
    expect(parsed.items[2]?.title.length).toBeLessThanOrEqual(500);
    expect(parsed.items[3]).toMatchObject({ title: 'Bell [31mred [2J', published: null });
  });
});

describe('decodeBody against mislabelled bytes', () => {
  const utf8 = Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss>“quoted” é</rss>', 'utf8');

  it('ignores a UTF-16 label on bytes without a NUL in sight', () => {
    expect(decodeBody(utf8, undefined)).toMatchObject({ ok: true, text: '<?xml version="1.0" encoding="UTF-16"?><rss>“quoted” é</rss>' });
    expect(decodeBody(utf8, 'text/xml; charset=utf-16')).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('keeps UTF-8 with a few stray bytes as UTF-8, and latin1 labelled UTF-8 as windows-1252', () => {
    const stray = Buffer.concat([Buffer.from('<rss>“One” and “two”', 'utf8'), Buffer.from([0xff]), Buffer.from('</rss>')]);
    expect(decodeBody(stray, 'text/xml; charset=utf-8')).toMatchObject({ ok: true, text: '<rss>“One” and “two”\ufffd</rss>', encoding: 'utf-8' });
    expect(decodeBody(Buffer.from('<rss>café crème</rss>', 'latin1'), 'text/xml; charset=utf-8')).toMatchObject({ ok: true, text: '<rss>café crème</rss>' });
  });
});

describe('pollFeed on a huge feed', () => {
  it('reads the newest items and says what it left out', async () => {
    const body = rss(Array.from({ length: 1_200 }, (_, k) => dated(k)).join('') + '<item><description>anonymous</description></item>');
    const fetcher: FeedFetcher = { fetch: async () => ({ kind: 'ok', body, status: 200, finalUrl: 'https://wire.example/feed.xml', etag: null, lastModified: null, maxAgeSeconds: null }) };
    const feed: Feed = { id: 'wire', url: 'https://wire.example/feed.xml', title: null, intervalMinutes: 15, fetchArticles: false, alertNewestOnFirstPoll: 10, maxAgeHours: 0 };
    const outcome = await pollFeed(feed, null, fetcher, Date.UTC(2022, 1, 1));
    expect(outcome.items).toHaveLength(MAX_ITEMS_PER_FEED);
    expect(outcome.warnings).toEqual([expect.stringContaining('has 1201 items; only the newest 500 were read, 701 older ones were left out')]);
  });
});

describe('patientTimeout', () => {
  const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  const busy = (ms: number): void => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      // the event loop is held, as by parsing a large feed
    }
  };

  it('expires on time while the process is idle', async () => {
    const started = Date.now();
    let expired = 0;
    patientTimeout(100, 1_000, () => (expired = Date.now() - started), []);
    await wait(400);
    expect(expired).toBeGreaterThanOrEqual(95);
    expect(expired).toBeLessThan(300);
  });

  it('adds the time the event loop was busy, up to its limit, and can be cancelled', async () => {
    const started = Date.now();
    let expired = 0;
    let limited = 0;
    let cancelled = false;
    patientTimeout(100, 1_000, () => (expired = Date.now() - started), []);
    patientTimeout(50, 150, () => (limited = Date.now() - started), []);
    patientTimeout(100, 1_000, () => (cancelled = true), [])();
    busy(300);
    await wait(600);
    expect(expired).toBeGreaterThanOrEqual(380); // 100 ms + 300 ms busy, give or take a timer tick
    expect(limited).toBeGreaterThanOrEqual(150);
    expect(limited).toBeLessThan(expired);
    expect(cancelled).toBe(false);
  });
});
