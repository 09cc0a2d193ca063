/**
 * Server-side request forgery, end to end through the real Fetcher: private and internal
 * addresses are refused after DNS resolution and on every redirect hop, BEFORE any connection.
 * Host names resolve through an injected resolver (no real DNS), and every socket connection
 * attempt is recorded, so the tests prove nothing ever dials an address outside loopback.
 */
import type { LookupAddress } from 'node:dns';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Fetcher, pollFeed, type FetchResult, type Resolver } from '../../src/feeds/index.js';
import type { Feed } from '../../src/model/index.js';
import { rss, sendXml, startServer, type TestServer } from './server.js';

const HINT = /: private and internal addresses are not fetched; an operator can allow a range with fetch\.allowAddresses in config\/default\.yaml$/;
const LIMITS = { totalTimeoutMs: 2_000, connectTimeoutMs: 1_000, maxRedirects: 3 };

/** The injected DNS: what each test host name "resolves" to. */
const DNS: Record<string, readonly LookupAddress[]> = {
  'feeds.example.test': [{ address: '10.1.2.3', family: 4 }],
  'private.example.test': [{ address: '192.168.0.10', family: 4 }],
  'metadata.example.test': [{ address: '169.254.169.254', family: 4 }],
  'v6.example.test': [{ address: 'fd00::10', family: 6 }],
  // One public and one private answer: the whole name is refused, the public one never dialled.
  'mixed.example.test': [
    { address: '93.184.216.34', family: 4 },
    { address: '10.0.0.5', family: 4 },
  ],
  'loopback.example.test': [{ address: '127.0.0.1', family: 4 }],
};

let server: TestServer;
let dir: string;
let resolved: string[];
let attempts: string[];
let sockets: number;
const fetchers: Fetcher[] = [];

const resolve: Resolver = async (hostname) => {
  resolved.push(hostname);
  const answer = DNS[hostname];
  if (answer === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return answer;
};

function isLoopback(ip: string): boolean {
  return ip === '::1' || (net.isIPv4(ip) && ip.startsWith('127.'));
}

function fetcherWith(allowAddresses: string[]): Fetcher {
  const fetcher = new Fetcher({ ...LIMITS, allowAddresses }, { resolve });
  fetchers.push(fetcher);
  return fetcher;
}

function expectRefused(result: FetchResult, message: RegExp): void {
  expect(result).toMatchObject({ kind: 'error', code: 'FEED_ADDRESS_REFUSED', status: null });
  if (result.kind !== 'error') return;
  expect(result.message).toMatch(message);
  expect(result.message).toMatch(HINT);
}

beforeAll(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'feeds-ssrf-'));
  server.route('/feed.xml', (_req, res) => sendXml(res, rss('Local')));
  const redirect = (location: string) => (_req: unknown, res: ServerResponse) => void res.writeHead(302, { location }).end();
  server.route('/to-private', redirect('http://10.0.0.1/feed.xml'));
  server.route('/to-name', redirect('http://private.example.test/feed.xml'));
  server.route('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'));
  server.route('/to-mapped', redirect('http://[::ffff:a9fe:a9fe]/latest/meta-data/'));
  server.route('/to-local', redirect('/feed.xml'));
  server.route('/via-local', redirect('/to-private'));
});

afterAll(async () => {
  for (const fetcher of fetchers) fetcher.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  resolved = [];
  attempts = [];
  sockets = 0;
  server.seen.length = 0;
  // Every socket Node creates goes through connect(); every address it dials is announced with
  // 'connectionAttempt'. A safety net besides: should the guard ever regress, a non-loopback
  // address (literal, or answered by the lookup) is recorded and never dialled.
  const connect = net.Socket.prototype.connect;
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
    sockets++;
    this.on('connectionAttempt', (ip: string) => attempts.push(ip));
    const options: unknown = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (typeof options === 'object' && options !== null && 'host' in options && typeof options.host === 'string') {
      if (net.isIP(options.host) !== 0 && !isLoopback(options.host)) {
        attempts.push(`UNGUARDED ${options.host}`);
        process.nextTick(() => this.destroy(new Error(`test safety net: refused to dial ${String(options.host)}`)));
        return this;
      }
      if ('lookup' in options && typeof options.lookup === 'function') {
        const lookup = options.lookup as net.LookupFunction;
        const netted: net.LookupFunction = (hostname, lookupOptions, callback) =>
          lookup(hostname, lookupOptions, (err, address, family) => {
            const answered = err !== null ? [] : typeof address === 'string' ? [address] : address.map((a) => a.address);
            const outside = answered.filter((ip) => !isLoopback(ip));
            if (outside.length === 0) return callback(err, address, family);
            attempts.push(...outside.map((ip) => `UNGUARDED ${ip}`));
            callback(new Error(`test safety net: refused to dial ${outside.join(', ')}`), '');
          });
        Object.assign(options, { lookup: netted });
      }
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the fetcher refuses private and internal addresses', () => {
  it('refuses loopback with an empty allowlist before connecting: the local server sees nothing', async () => {
    const fetcher = fetcherWith([]);
    const started = Date.now();
    expectRefused(await fetcher.fetch(server.url('/feed.xml')), /^refused to connect to 127\.0\.0\.1 \(loopback\)/);
    expectRefused(await fetcher.fetch(`http://[::1]:${new URL(server.origin).port}/feed.xml`), /^refused to connect to ::1 \(loopback\)/);
    // The WHATWG URL parser turns decimal, hex and short forms into dotted quads: still checked.
    expectRefused(await fetcher.fetch(`http://2130706433:${new URL(server.origin).port}/feed.xml`), /^refused to connect to 127\.0\.0\.1 \(loopback\)/);
    expectRefused(await fetcher.fetch(`http://0x7f.1:${new URL(server.origin).port}/feed.xml`), /^refused to connect to 127\.0\.0\.1 \(loopback\)/);
    expect(Date.now() - started).toBeLessThan(500);
    expect(server.seen).toEqual([]);
    expect(sockets).toBe(0);
    expect(resolved).toEqual([]);
  });

  it.each([
    ['http://10.0.0.1/', /^refused to connect to 10\.0\.0\.1 \(private network\)/],
    ['http://192.168.1.1/', /^refused to connect to 192\.168\.1\.1 \(private network\)/],
    ['http://169.254.169.254/latest/meta-data/', /^refused to connect to 169\.254\.169\.254 \(cloud metadata service\)/],
    ['https://172.16.5.4/feed', /^refused to connect to 172\.16\.5\.4 \(private network\)/],
    ['http://100.64.1.1/', /carrier-grade NAT/],
    ['http://0.0.0.0:8080/', /"this network"/],
    ['http://[::ffff:10.0.0.1]/', /^refused to connect to ::ffff:a00:1 \(IPv4-mapped 10\.0\.0\.1, private network\)/],
    ['http://[fe80::1]/', /link-local/],
    ['http://[fd00:ec2::254]/latest/meta-data/', /cloud metadata service/],
  ])('refuses the IP literal %s without opening a socket', async (url, message) => {
    expectRefused(await fetcherWith([]).fetch(url), message);
    expect(sockets).toBe(0);
    expect(resolved).toEqual([]);
  });

  it.each([
    ['feeds.example.test', /^refused to connect to feeds\.example\.test at 10\.1\.2\.3 \(private network\)/],
    ['metadata.example.test', /at 169\.254\.169\.254 \(cloud metadata service\)/],
    ['v6.example.test', /at fd00::10 \(unique local \(private\) address\)/],
    ['mixed.example.test', /^refused to connect to mixed\.example\.test at 10\.0\.0\.5 \(private network\)/],
    ['loopback.example.test', /at 127\.0\.0\.1 \(loopback\)/],
  ])('refuses %s after resolving it, before any connection attempt', async (host, message) => {
    expectRefused(await fetcherWith([]).fetch(`http://${host}/feed.xml`), message);
    expect(resolved).toEqual([host]);
    expect(attempts).toEqual([]);
  });

  it('reaches an allowed range, connecting to the address it checked', async () => {
    const fetcher = fetcherWith(['127.0.0.0/8']);
    expect(await fetcher.fetch(server.url('/feed.xml'))).toMatchObject({ kind: 'ok', status: 200 });
    const viaName = await fetcher.fetch(`http://loopback.example.test:${new URL(server.origin).port}/feed.xml`);
    expect(viaName).toMatchObject({ kind: 'ok', status: 200 });
    expect(resolved).toEqual(['loopback.example.test']);
    expect(attempts.every((ip) => ip === '127.0.0.1')).toBe(true);
    expect(server.hits('/feed.xml')).toHaveLength(2);
    // Allowing loopback allows nothing else.
    expectRefused(await fetcher.fetch('http://feeds.example.test/feed.xml'), /10\.1\.2\.3/);
    expectRefused(await fetcher.fetch('http://[::1]/'), /::1 \(loopback\)/);
  });

  it('passes DNS failures on as FEED_CONNECT', async () => {
    expect(await fetcherWith([]).fetch('http://nowhere.example.test/feed.xml')).toMatchObject({ kind: 'error', code: 'FEED_CONNECT', message: expect.stringMatching(/ENOTFOUND/) });
    expect(attempts).toEqual([]);
  });

  it('leaves file: URLs alone', async () => {
    const file = join(dir, 'feed.xml');
    writeFileSync(file, rss('File'));
    expect(await fetcherWith([]).fetch(pathToFileURL(file).href)).toMatchObject({ kind: 'ok' });
    expect(sockets).toBe(0);
  });
});

describe('every redirect hop is checked', () => {
  it.each([
    ['/to-private', /^refused to connect to 10\.0\.0\.1 \(private network\)/, []],
    ['/via-local', /^refused to connect to 10\.0\.0\.1 \(private network\)/, []],
    ['/to-metadata', /^refused to connect to 169\.254\.169\.254 \(cloud metadata service\)/, []],
    ['/to-mapped', /IPv4-mapped 169\.254\.169\.254, cloud metadata service/, []],
    ['/to-name', /^refused to connect to private\.example\.test at 192\.168\.0\.10 \(private network\)/, ['private.example.test']],
  ])('a loopback feed redirecting %s is refused at the hop', async (path, message, names) => {
    const fetcher = fetcherWith(['127.0.0.0/8']);
    expectRefused(await fetcher.fetch(server.url(path)), message);
    expect(server.seen.length).toBeGreaterThan(0);
    expect(server.seen.map((r) => r.path)).not.toContain('/feed.xml');
    expect(resolved).toEqual(names);
    // The only address ever dialled is the local server's.
    expect(attempts.length).toBeGreaterThan(0);
    expect(new Set(attempts)).toEqual(new Set(['127.0.0.1']));
  });

  it('follows a redirect that stays within the allowed range', async () => {
    expect(await fetcherWith(['127.0.0.0/8']).fetch(server.url('/to-local'))).toMatchObject({ kind: 'ok', finalUrl: server.url('/feed.xml') });
  });
});

describe('a poll of a refused feed', () => {
  it('fails with FEED_ADDRESS_REFUSED and says what to do', async () => {
    const feed: Feed = { id: 'intranet', url: 'http://feeds.example.test/rss', title: null, intervalMinutes: 10, fetchArticles: false, alertNewestOnFirstPoll: 0, maxAgeHours: 48 };
    const outcome = await pollFeed(feed, null, fetcherWith([]), Date.UTC(2024, 0, 1));
    expect(outcome.status).toBe('error');
    expect(outcome.error?.code).toBe('FEED_ADDRESS_REFUSED');
    expect(outcome.error?.message).toMatch(/^Feed "intranet" \(http:\/\/feeds\.example\.test\/rss\): refused to connect to feeds\.example\.test at 10\.1\.2\.3 \(private network\)/);
    expect(outcome.error?.message).toMatch(/fetch\.allowAddresses/);
    expect(attempts).toEqual([]);
  });
});
