/**
 * One HTTP GET, no redirects followed. Built on node:http/https rather than global fetch because
 * fetch (undici) gives no connect time-out without undici's own Agent, which is not a dependency;
 * here the socket's `connect` event bounds the connect phase (DNS included), a deadline bounds
 * the whole exchange, and the body is counted as it streams (after decompression, so a small
 * gzip bomb cannot slip past the cap).
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { EventLoopUtilization } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { type AddressPolicy, AddressRefusedError, checkHost } from './address-guard.js';
import { FeedErrorCode } from './codes.js';
import { patientTimeout } from './patient-timeout.js';
import { type FetchError, fetchError } from './result.js';

export interface HopRequest {
  url: URL;
  headers: Record<string, string>;
  agent: http.Agent;
  connectTimeoutMs: number;
  /** Epoch ms by which the whole exchange must be over. */
  deadline: number;
  /** The event loop's utilisation when the exchange began: its busy time since moves the deadline. */
  busySince?: EventLoopUtilization;
  totalTimeoutMs: number;
  maxBodyBytes: number;
  /** Which addresses may be connected to: IP-literal hosts are checked here, names by `lookup`. */
  addressPolicy: AddressPolicy;
  /** From guardedLookup: resolves a host name and refuses non-public answers. */
  lookup: LookupFunction;
}

export interface HopResponse {
  kind: 'response';
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  /** The (decompressed) body for 2xx; null otherwise, since we never use error pages. */
  body: Buffer | null;
}

export function requestOnce(hop: HopRequest): Promise<HopResponse | FetchError> {
  // Node never passes an IP-literal host to `lookup`: check it here, before any socket exists.
  const refused = checkHost(hop.url.hostname, hop.addressPolicy);
  if (refused !== null) return Promise.resolve(fetchError(FeedErrorCode.AddressRefused, refused.message));
  return new Promise((resolve) => {
    const { url } = hop;
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const finish = (outcome: HopResponse | FetchError): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      resolve(outcome);
    };
    const fail = (outcome: HopResponse | FetchError): void => {
      finish(outcome);
      request.destroy();
    };

    // Set while an unwanted body drains: a time-out then still reports the status we got.
    let drainingHead: HopResponse | null = null;
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, { method: 'GET', headers: hop.headers, agent: hop.agent, lookup: hop.lookup }, (res) => {
      const status = res.statusCode ?? 0;
      const head = { kind: 'response' as const, status, statusText: res.statusMessage || (http.STATUS_CODES[status] ?? ''), headers: res.headers };
      if (status < 200 || status >= 300) {
        // Answer once the (unwanted) body is drained: the socket is then back in the pool, so the
        // next request on this host slot reuses it instead of opening another connection.
        drainingHead = { ...head, body: null };
        const answer = drainingHead;
        drain(res, hop.maxBodyBytes, () => finish(answer));
        return;
      }
      readBody(res, hop, (body) => finish({ ...head, body }), fail);
    });

    // Time this process was too busy to read (parsing another feed) is not charged to the
    // server, up to one more totalTimeoutMs: see patient-timeout.ts.
    const untilDeadline = Math.max(0, hop.deadline - Date.now());
    patientTimeout(
      untilDeadline,
      untilDeadline + hop.totalTimeoutMs,
      () => fail(drainingHead ?? fetchError(FeedErrorCode.Timeout, `no complete answer within ${hop.totalTimeoutMs} ms from ${url.href}`)),
      timers,
      hop.busySince,
    );
    request.on('socket', (socket) => {
      // A kept-alive socket is already connected; only a fresh one has a connect phase to bound.
      if (!socket.connecting) return;
      const cancel = patientTimeout(
        hop.connectTimeoutMs,
        2 * hop.connectTimeoutMs,
        () => fail(fetchError(FeedErrorCode.Connect, `could not connect to ${url.host} within ${hop.connectTimeoutMs} ms`)),
        timers,
      );
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', cancel);
    });
    request.on('error', (err) => finish(networkError(err, url)));
    request.end();
  });
}

function readBody(res: http.IncomingMessage, hop: HopRequest, done: (body: Buffer) => void, failed: (error: FetchError) => void): void {
  const tooLarge = (): FetchError =>
    fetchError(FeedErrorCode.TooLarge, `body larger than ${hop.maxBodyBytes} bytes from ${hop.url.href}`, res.statusCode ?? null);
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > hop.maxBodyBytes && res.headers['content-encoding'] === undefined) {
    res.destroy();
    failed(tooLarge());
    return;
  }
  let source: Readable = res;
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decompressor =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (decompressor === null && encoding !== '' && encoding !== 'identity') {
    // Read as it is, the body would be compressed bytes taken for text ("gzip, gzip", zstd…).
    res.destroy();
    failed(fetchError(FeedErrorCode.Http, `unsupported Content-Encoding "${encoding}" from ${hop.url.href} (we ask for gzip, deflate or br)`, res.statusCode ?? null));
    return;
  }
  if (decompressor !== null) {
    res.on('error', (err) => decompressor.destroy(err));
    source = res.pipe(decompressor);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  source.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > hop.maxBodyBytes) {
      source.destroy();
      res.destroy();
      failed(tooLarge());
      return;
    }
    chunks.push(chunk);
  });
  source.on('end', () => done(Buffer.concat(chunks, size)));
  source.on('error', (err) =>
    failed(
      decompressor !== null && source === decompressor && !res.errored
        ? fetchError(FeedErrorCode.Http, `corrupt ${encoding} body from ${hop.url.href}: ${err.message}`, res.statusCode ?? null)
        : networkError(err, hop.url, true),
    ),
  );
}

/** Consume a body we do not want, so the socket can be reused; give up on one that is too long. */
function drain(res: http.IncomingMessage, maxBytes: number, done: () => void): void {
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) {
      res.destroy();
      done();
    }
  });
  res.on('end', done);
  // The status line is all we need: a broken error page is still that status.
  res.on('error', done);
}

function networkError(err: Error, url: URL, midBody = false): FetchError {
  if (err instanceof AddressRefusedError) return fetchError(FeedErrorCode.AddressRefused, err.message);
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code !== undefined && !err.message.includes(code) ? `${code} ${err.message}` : err.message;
  // Node's HTTP parser refused the bytes: the connection worked, the server's HTTP is broken.
  if (code?.startsWith('HPE_') === true) return fetchError(FeedErrorCode.Http, `malformed HTTP response from ${url.host} (${reason})`);
  if (midBody) return fetchError(FeedErrorCode.Connect, `connection to ${url.host} broke off in the middle of the body (${reason})`);
  return fetchError(FeedErrorCode.Connect, `connection to ${url.host} failed: ${reason}`);
}
