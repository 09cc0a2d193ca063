/**
 * The fetcher: conditional GETs with every limit a polite and robust poller needs. One request in
 * flight per URL (concurrent callers share it), at most `perHostConcurrency` per host, redirects
 * followed by hand so each hop is checked and counted. It never throws: faults come back as
 * `{ kind: 'error' }` values with a stable code.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { type EventLoopUtilization, performance } from 'node:perf_hooks';
import { type AddressPolicy, guardedLookup, type Resolver } from './address-guard.js';
import { decodeBody } from './charset.js';
import { FeedErrorCode } from './codes.js';
import { fetchFile } from './file-fetch.js';
import { headerValue, parseMaxAge, parseRetryAfter } from './headers.js';
import { HostSlots } from './host-slots.js';
import { type HopResponse, requestOnce } from './http-request.js';
import { type FetchOptions, type FetchResult, fetchError } from './result.js';

export interface FetchLimits {
  connectTimeoutMs: number;
  /** For the whole exchange, redirects included, from the moment a host slot is free. */
  totalTimeoutMs: number;
  /** After decompression. */
  maxBodyBytes: number;
  maxRedirects: number;
  userAgent: string;
  perHostConcurrency: number;
  /**
   * CIDR ranges of non-public addresses the operator permits ("10.1.0.0/16", "::1/128"). Every
   * other loopback, private, link-local or metadata address is refused, after DNS resolution and
   * on every redirect hop.
   */
  allowAddresses: readonly string[];
}

export interface FetcherOptions {
  /** Resolves host names (dns.lookup by default); tests inject one so no real DNS is asked. */
  resolve?: Resolver;
}

export const DEFAULT_FETCH_LIMITS: Readonly<FetchLimits> = Object.freeze({
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  maxBodyBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'statements/0.1 (+https://github.com/statements-bot; news monitor)',
  perHostConcurrency: 2,
  allowAddresses: Object.freeze([]),
});

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class Fetcher {
  readonly limits: Readonly<FetchLimits>;
  private readonly inFlight = new Map<string, Promise<FetchResult>>();
  private readonly slots: HostSlots;
  // Keep-alive agents of our own, so close() can end exactly our sockets.
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });

  private readonly addressPolicy: AddressPolicy;
  private readonly lookup: LookupFunction;

  /** Throws a TypeError for an invalid allowAddresses entry. */
  constructor(limits: Partial<FetchLimits> = {}, options: FetcherOptions = {}) {
    const merged = { ...DEFAULT_FETCH_LIMITS, ...definedOnly(limits) };
    this.limits = Object.freeze({ ...merged, allowAddresses: Object.freeze([...merged.allowAddresses]) });
    this.slots = new HostSlots(this.limits.perHostConcurrency);
    this.addressPolicy = { allow: this.limits.allowAddresses };
    this.lookup = guardedLookup(this.addressPolicy, options.resolve);
  }

  /** Callers asking for the same URL with the same validators while a request is in flight share its result. */
  fetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    const key = JSON.stringify([url, options.etag ?? null, options.lastModified ?? null, options.accept ?? null]);
    const pending = this.inFlight.get(key);
    if (pending !== undefined) return pending;
    const started = this.run(url, options)
      .catch((err: unknown) => fetchError(FeedErrorCode.Internal, `unexpected failure fetching ${url}: ${String(err)}`))
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  /** Requests in flight to a host (`host[:port]`), for tests and metrics. */
  activeRequests(host: string): number {
    return this.slots.active(host);
  }

  /** Closes idle kept-alive sockets; call on shutdown so the process can exit. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async run(raw: string, options: FetchOptions): Promise<FetchResult> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return fetchError(FeedErrorCode.Url, `"${raw}" is not an absolute URL`);
    }
    if (url.protocol === 'file:') return fetchFile(url, options, this.limits.maxBodyBytes);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return fetchError(FeedErrorCode.Url, `unsupported scheme ${url.protocol} in ${url.href}`);
    }
    return this.followRedirects(url, options);
  }

  private async followRedirects(start: URL, options: FetchOptions): Promise<FetchResult> {
    const headers = this.requestHeaders(options);
    const chain = [start.href];
    let url = start;
    let deadline: number | null = null;
    let busySince: EventLoopUtilization | null = null;
    for (;;) {
      const release = await this.slots.acquire(url.host);
      deadline ??= Date.now() + this.limits.totalTimeoutMs;
      busySince ??= performance.eventLoopUtilization();
      let response: Awaited<ReturnType<typeof requestOnce>>;
      try {
        response = await requestOnce({
          url,
          headers,
          agent: url.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
          connectTimeoutMs: this.limits.connectTimeoutMs,
          deadline,
          busySince,
          totalTimeoutMs: this.limits.totalTimeoutMs,
          maxBodyBytes: this.limits.maxBodyBytes,
          addressPolicy: this.addressPolicy,
          lookup: this.lookup,
        });
      } finally {
        release();
      }
      if (response.kind === 'error') return response;
      if (!REDIRECTS.has(response.status)) return this.interpret(response, url, options);

      const location = headerValue(response.headers.location);
      if (location === undefined) {
        return fetchError(FeedErrorCode.Http, `HTTP ${response.status} redirect without a Location header from ${url.href}`, response.status);
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return fetchError(FeedErrorCode.Redirects, `invalid redirect target "${location}" from ${url.href}`, response.status);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        // A remote server must never steer us to file: or other schemes.
        return fetchError(FeedErrorCode.Redirects, `refused redirect to ${next.protocol} from ${url.href}`, response.status);
      }
      next.hash = '';
      if (chain.includes(next.href)) {
        return fetchError(FeedErrorCode.Redirects, `redirect loop: ${[...chain, next.href].join(' → ')}`, response.status);
      }
      if (chain.length > this.limits.maxRedirects) {
        return fetchError(FeedErrorCode.Redirects, `more than ${this.limits.maxRedirects} redirects from ${start.href}`, response.status);
      }
      chain.push(next.href);
      url = next;
    }
  }

  private requestHeaders(options: FetchOptions): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.limits.userAgent,
      accept: options.accept ?? FEED_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (options.etag != null) headers['if-none-match'] = options.etag;
    if (options.lastModified != null) headers['if-modified-since'] = options.lastModified;
    return headers;
  }

  private interpret(response: HopResponse, url: URL, options: FetchOptions): FetchResult {
    const { status, headers } = response;
    const maxAgeSeconds = parseMaxAge(headerValue(headers['cache-control']));
    const etag = headerValue(headers.etag) ?? null;
    const lastModified = headerValue(headers['last-modified']) ?? null;
    if (status === 304 && options.etag == null && options.lastModified == null) {
      // Taken as "unchanged", it would pass for a healthy feed that is never read.
      return fetchError(FeedErrorCode.Http, `HTTP 304 Not Modified from ${url.href} to a request without validators (nothing was cached to compare with)`, status);
    }
    if (status === 304) {
      // Servers may omit the validators on a 304; the ones we sent are still the current ones.
      return { kind: 'not-modified', etag: etag ?? options.etag ?? null, lastModified: lastModified ?? options.lastModified ?? null, maxAgeSeconds };
    }
    const retryAfterMs = parseRetryAfter(headerValue(headers['retry-after']));
    const described = `HTTP ${status}${response.statusText === '' ? '' : ` ${response.statusText}`} from ${url.href}`;
    if (status === 429 || (status === 503 && retryAfterMs !== null)) {
      const wait = retryAfterMs === null ? '' : ` (Retry-After ${Math.ceil(retryAfterMs / 1000)} s)`;
      return fetchError(FeedErrorCode.RateLimited, `${described}${wait}`, status, retryAfterMs);
    }
    if (status < 200 || status >= 300 || response.body === null) return fetchError(FeedErrorCode.Http, described, status);
    const decoded = decodeBody(response.body, headerValue(headers['content-type']));
    if (!decoded.ok) return fetchError(FeedErrorCode.Charset, `${decoded.message} from ${url.href}`, status);
    return { kind: 'ok', body: decoded.text, status, finalUrl: url.href, etag, lastModified, maxAgeSeconds };
  }
}

/** `{ maxRedirects: undefined }` from a config must not erase the default. */
function definedOnly(limits: Partial<FetchLimits>): Partial<FetchLimits> {
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) as Partial<FetchLimits>;
}
