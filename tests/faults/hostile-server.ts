/**
 * The hostile-feed suite's server, run as a child process (`node --import tsx`, forked by
 * hostile-feeds.test.ts) so that, like a real publisher, it keeps answering while the poller is
 * busy, and its payloads do not count against the poller's memory. Listens on 127.0.0.1 only.
 *
 * IPC: sends `{ type: 'ready', port, hostile, healthy }` once listening; answers `{ type:
 * 'requests' }` with `{ type: 'requests', paths }` (every path asked for); on `{ type: 'stop' }`
 * or when the parent goes away, ends every connection and exits.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { escapeXml } from '../helpers/feed-xml.js';
import { BILLION_LAUGHS, doc, GiB, healthyAtom, healthyRss, item, MARK, MiB, natoHtml, plainFeed, QUADRATIC_BLOWUP, XML } from './hostile-docs.js';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

const secretPath = process.argv[2] ?? '/nonexistent/secret.html';

// --- payloads (bombs are built from small pieces: nothing here allocates a gigabyte)

/** 1 GiB of zeros as 1,024 concatenated gzip members of 1 MiB each (gunzip reads every member). */
function gzipBomb(): Buffer {
  const member = zlib.gzipSync(Buffer.alloc(MiB), { level: 9 });
  return Buffer.concat(Array.from({ length: GiB / MiB }, () => member));
}

/** 1 GiB of zeros as a zlib stream: one self-contained (full-flushed) deflate segment, repeated. */
async function deflateBomb(): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  deflate.write(Buffer.alloc(MiB));
  await new Promise<void>((resolve) => deflate.flush(zlib.constants.Z_FULL_FLUSH, () => resolve()));
  const segment = Buffer.concat(out);
  out.length = 0;
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  deflate.end();
  await ended;
  const adler = Buffer.alloc(4); // Adler-32 of 1 GiB of zeros: a = 1, b = n mod 65521
  adler.writeUInt32BE((((GiB % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: GiB / MiB }, () => segment), ...out, adler]);
}

/** 1 GiB of zeros, brotli at quality 1 (about 200 KB; streamed, so never held uncompressed). */
async function brotliBomb(): Promise<Buffer> {
  const brotli = zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 } });
  const out: Buffer[] = [];
  brotli.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => brotli.on('end', resolve));
  const zeros = Buffer.alloc(16 * MiB);
  for (let i = 0; i < GiB / zeros.length; i++) {
    if (!brotli.write(zeros)) await new Promise((resolve) => brotli.once('drain', resolve));
  }
  brotli.end();
  await ended;
  return Buffer.concat(out);
}

// --- route builders

function send(body: string | Buffer, headers: Record<string, string | number> = {}, status = 200): Route {
  return (_req, res) => void res.writeHead(status, { 'content-type': XML, ...headers }).end(body);
}

/** Writes `chunk` until the client goes away or `limit` bytes are out: a body that never ends. */
function endless(chunk: Buffer, limit: number, status = 200): Route {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': XML });
    let written = 0;
    const pump = (): void => {
      while (!res.destroyed && written < limit) {
        written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };
}

/** One character of `body` every `everyMs`; stops when the client goes away. */
function trickle(body: string, everyMs: number, status = 200): Route {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': XML });
    let at = 0;
    const timer = setInterval(() => {
      if (res.destroyed || at >= body.length) {
        clearInterval(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(body.charAt(at++));
    }, everyMs);
    res.on('close', () => clearInterval(timer));
  };
}

/** Raw bytes on the socket instead of an HTTP response. */
const raw =
  (bytes: string): Route =>
  (req) =>
    void req.socket.end(bytes);

const redirect =
  (location: string | null, status = 302): Route =>
  (_req, res) =>
    void res.writeHead(status, location === null ? {} : { location }).end();

/** Never answers. */
const silent: Route = () => undefined;

async function routes(url: (path: string) => string): Promise<{ hostile: Map<string, Route>; healthy: Map<string, Route>; extra: Map<string, Route> }> {
  const [deflate, brotli] = await Promise.all([deflateBomb(), brotliBomb()]);
  const gzip = gzipBomb();
  const overCap = Buffer.from(doc(`<!-- ${'x'.repeat(6 * MiB)} -->`));
  // Oldest first, a minute apart: the newest are at the end.
  const routine = (k: number): string =>
    item(`routine-${k}`, `Routine item ${k}`, { summary: `Nothing to see in routine item ${k}.`, date: new Date(Date.UTC(2022, 1, 10) + k * 60_000).toUTCString() });

  const hostile = new Map<string, Route>([
    // time
    ['slow-headers', silent],
    ['trickle-1-byte-per-100ms', trickle(plainFeed('trickle'), 100)],
    ['headers-then-silence', (_req, res) => void res.writeHead(200, { 'content-type': XML }).write('<?xml version="1.0"?><rss')],
    ['redirect-to-slow', redirect(url('/slow'))],
    ['error-page-trickles', trickle('x'.repeat(1_000), 100, 503)],
    // size
    ['endless-chunked-body', endless(Buffer.from(`<item><title>${'z'.repeat(65_000)}</title></item>`), 64 * MiB)],
    ['over-cap-with-length', send(overCap, { 'content-length': overCap.length })],
    ['over-cap-chunked', (_req, res) => void res.writeHead(200, { 'content-type': XML }).end(overCap)],
    ['content-length-10-gib', (_req, res) => void res.writeHead(200, { 'content-type': XML, 'content-length': String(10 * GiB) }).write('<rss>')],
    ['gzip-bomb-1-gib', send(gzip, { 'content-encoding': 'gzip' })],
    ['deflate-bomb-1-gib', send(deflate, { 'content-encoding': 'deflate' })],
    ['brotli-bomb-1-gib', send(brotli, { 'content-encoding': 'br' })],
    ['x-gzip-bomb-64-mib', send(gzip.subarray(0, 64 * (gzip.length / 1024)), { 'content-encoding': 'x-gzip' })],
    ['error-page-endless', endless(Buffer.alloc(64 * 1024, 0x65), 64 * MiB, 500)],
    // compression that lies
    ['gzip-label-plain-body', send(plainFeed('nogzip'), { 'content-encoding': 'gzip' })],
    ['truncated-gzip', send(zlib.gzipSync(plainFeed('cut')).subarray(0, 60), { 'content-encoding': 'gzip' })],
    ['brotli-label-garbage', send('this is not brotli at all, not even close', { 'content-encoding': 'br' })],
    ['unknown-content-encoding', send(zlib.gzipSync(plainFeed('zstd')), { 'content-encoding': 'zstd' })],
    ['double-gzip', send(zlib.gzipSync(zlib.gzipSync(plainFeed('twice'))), { 'content-encoding': 'gzip, gzip' })],
    // the connection misbehaves
    [
      'closes-mid-body',
      (req, res) => {
        res.writeHead(200, { 'content-type': XML, 'content-length': 100_000 });
        res.write(plainFeed('mid').slice(0, 200), () => req.socket.destroy());
      },
    ],
    ['hangs-up-at-once', (req) => void req.socket.destroy()],
    ['resets-socket', (req) => void req.socket.resetAndDestroy()],
    ['not-http-at-all', raw('SSH-2.0-OpenSSH_9.6\r\n\r\n')],
    ['header-overflow', send(plainFeed('hdr'), { 'x-junk': 'j'.repeat(64 * 1024) })],
    ['bad-chunk-size', raw('HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nTransfer-Encoding: chunked\r\n\r\nZZZZ\r\nnope\r\n0\r\n\r\n')],
    ['content-length-short', raw(`HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 120\r\n\r\n${plainFeed('short')}`)],
    // statuses
    ['http-404', send('not found', {}, 404)],
    ['http-410', send('gone', {}, 410)],
    ['http-403', send('forbidden', {}, 403)],
    ['http-500', send('internal error', {}, 500)],
    ['http-503-retry-after', send('busy', { 'retry-after': '7200' }, 503)],
    ['http-429-retry-after', send('slow down', { 'retry-after': '3600' }, 429)],
    ['http-429-unreadable-retry-after', send('slow down', { 'retry-after': 'whenever' }, 429)],
    ['http-204', (_req, res) => void res.writeHead(204).end()],
    ['http-304-unasked', (_req, res) => void res.writeHead(304).end()],
    // redirects
    ['redirect-loop', redirect(url('/loop-b'))],
    ['redirect-self', redirect(url('/redirect-self'), 301)],
    ['too-many-redirects', redirect(url('/chain/1'), 307)],
    ['redirect-to-file', redirect('file:///etc/passwd')],
    ['redirect-to-ftp', redirect('ftp://127.0.0.1/feed.xml')],
    ['redirect-to-javascript', redirect('javascript:alert(1)')],
    ['redirect-to-data', redirect(`data:application/rss+xml,${encodeURIComponent(plainFeed('data'))}`)],
    ['redirect-without-location', redirect(null)],
    ['redirect-to-nonsense', redirect('http://[::1')],
    // XML that attacks the parser
    ['billion-laughs', send(doc(item('lol', '&lol9;'), { prolog: BILLION_LAUGHS }))],
    ['quadratic-blowup', send(doc(item('big', '&big;'.repeat(2_000)), { prolog: QUADRATIC_BLOWUP }))],
    ['xxe-file', send(doc(item('xxe', 'a &xxe; b'), { prolog: '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' }))],
    ['xxe-http', send(doc(item('xxe', 'a &xxe; b'), { prolog: `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "${url('/xxe-target')}">]>` }))],
    ['xxe-parameter-entity', send(doc(item('pe', 'pe'), { prolog: `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM "${url('/xxe-dtd')}"> %remote;]>` }))],
    ['undeclared-entity', send(doc(item('ue', 'a &nosuchthing; b')))],
    ['deep-nesting', send(doc(item('deep', 'Deep', { summary: `${'<b>'.repeat(100_000)}x${'</b>'.repeat(100_000)}` })))],
    // not a feed, or not all of one
    ['truncated-xml', send(plainFeed('trunc').slice(0, 300))],
    ['unclosed-cdata', send(doc('<item><guid>c</guid><title><![CDATA[never closed</title></item>'))],
    ['html-page', send('<!doctype html><html><head><title>Home</title></head><body><h1>Welcome</h1></body></html>', { 'content-type': 'text/html' })],
    ['html-labelled-rss', send('<html><body><p>Subscribe to our newsletter</p></body></html>')],
    ['json-body', send('{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"x"}]}', { 'content-type': 'application/json' })],
    ['binary-body', send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 4_000 }, (_, i) => (i * 151) % 256)]), { 'content-type': 'image/png' })],
    ['empty-body', send('')],
    ['whitespace-body', send(' \n\t\r\n '.repeat(1_000))],
    ['xml-not-a-feed', send('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')],
    ['unknown-charset', send(plainFeed('klingon'), { 'content-type': 'application/rss+xml; charset=x-klingon' })],

    // hostile but readable
    [
      'invalid-utf8',
      (() => {
        const [before = '', after = ''] = doc(item('u8-1', 'Stray byte \u00e9 here: @@', { html: natoHtml(MARK.strayBytes) })).split('@@');
        return send(Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(after, 'utf8')]));
      })(),
    ],
    ['charset-label-utf16-lie', send(doc(item('u16-1', 'Labelled UTF-16, sent as UTF-8', { html: natoHtml(MARK.labelLie) }), { prolog: '<?xml version="1.0"?>' }), { 'content-type': 'application/rss+xml; charset=utf-16' })],
    ['xml-declaration-utf16-lie', send(doc(item('u16-2', 'Declared UTF-16, sent as UTF-8', { html: natoHtml(MARK.declarationLie) }), { prolog: '<?xml version="1.0" encoding="UTF-16"?>' }))],
    [
      'latin1-labelled-utf8',
      send(Buffer.from(doc(item('l1-1', 'Zelenskýy: «nous résisterons»'), { prolog: '<?xml version="1.0" encoding="ISO-8859-1"?>' }), 'latin1'), { 'content-type': 'application/rss+xml; charset=utf-8' }),
    ],
    ['content-type-lies', send(doc(item('ct-1', 'An RSS feed that calls itself a PNG', { html: natoHtml(MARK.typeLie) })), { 'content-type': 'image/png' })],
    ['duplicate-guids', send(doc(Array.from({ length: 30 }, (_, k) => item('same-guid', `The same story, sent again (${k})`, { html: natoHtml(MARK.duplicate) })).join('')))],
    [
      'far-future-and-invalid-dates',
      send(
        doc(
          item('date-future', 'Dated in the year 9999', { date: 'Fri, 31 Dec 9999 23:59:59 GMT', html: natoHtml(MARK.future) }) +
            item('date-junk', 'Dated never', { date: 'the day after tomorrow-ish', html: natoHtml(MARK.junkDate) }),
        ),
      ),
    ],
    [
      'atom-invalid-updated',
      send(
        `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Bad dates</title><id>urn:bad</id><updated>not a date</updated><entry><title>Atom with a broken date</title><id>urn:bad:1</id><link href="https://news.example/atom-bad/1"/><updated>31/02/2022 25:61</updated><content type="html">${escapeXml(natoHtml(MARK.atomDate))}</content></entry></feed>`,
        { 'content-type': 'application/atom+xml' },
      ),
    ],
    ['thousands-of-items', send(doc(Array.from({ length: 5_000 }, (_, k) => routine(k)).join('')))],
    ['fifty-thousand-tiny-items', send(doc(Array.from({ length: 50_000 }, (_, k) => `<item><guid>t${k}</guid></item>`).join('')))],
    ['four-mib-single-line', send(doc(item('line-1', 'A very long line', { summary: 'y'.repeat(4 * MiB) })))],
    ['nested-quotes', send(doc(item('nest-1', 'Ten thousand quotes deep', { html: `<p>${'“'.repeat(10_000)}deep${'”'.repeat(10_000)}</p>${natoHtml(MARK.nested)}` })))],
    ['megabyte-titles', send(doc([1, 2, 3].map((k) => item(`mega-${k}`, `NATO ${'headline '.repeat(MiB / 9)}${k}`)).join('')))],
    ['items-without-identity', send(doc('<item><description>nothing to tell me apart</description></item>'.repeat(200) + '<item></item>'.repeat(200)))],
    [
      'external-dtd',
      send(doc(item('dtd-1', 'A feed with a DOCTYPE &amp; a DTD'), { prolog: `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "${url('/rss-0.91.dtd')}">` })),
    ],
    ['item-links-to-local-file', send(doc(item('file-1', 'Read my file', { link: pathToFileURL(secretPath).href }) + item('js-1', 'Run my script', { link: 'javascript:alert(1)' })))],
    ['control-characters', send(doc(item('ctl-1', 'Bell\u0007 and \u001b[31mred\u001b[0m and NUL\u0000 and &amp;#27;[2J', { html: natoHtml(MARK.control) })))],
  ]);

  const healthy = new Map<string, Route>([
    ['healthy-rss', send(healthyRss(0))],
    ['healthy-gzip', send(zlib.gzipSync(healthyRss(1)), { 'content-encoding': 'gzip' })],
    ['healthy-brotli', send(zlib.brotliCompressSync(healthyRss(2)), { 'content-encoding': 'br' })],
    ['healthy-atom', send(healthyAtom(3), { 'content-type': 'application/atom+xml; charset=utf-8' })],
  ]);

  const extra = new Map<string, Route>([
    ['loop-b', redirect(url('/redirect-loop'))],
    ['slow', silent],
  ]);
  for (let i = 1; i <= 10; i++) extra.set(`chain/${i}`, redirect(url(`/chain/${i + 1}`), 307));
  return { hostile, healthy, extra };
}

async function main(): Promise<void> {
  const table = new Map<string, Route>();
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    paths.push(path);
    const route = table.get(path.slice(1));
    if (route === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else route(req, res);
  });
  // A client that gives up mid-response is every other case here: nothing to report.
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const built = await routes((path) => `http://127.0.0.1:${port}${path}`);
  for (const group of [built.hostile, built.healthy, built.extra]) for (const [path, route] of group) table.set(path, route);

  const stop = (): void => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on('disconnect', stop);
  process.on('message', (message: unknown) => {
    const type = typeof message === 'object' && message !== null && 'type' in message ? message.type : null;
    if (type === 'requests') process.send?.({ type: 'requests', paths });
    if (type === 'stop') stop();
  });
  process.send?.({ type: 'ready', port, hostile: [...built.hostile.keys()], healthy: [...built.healthy.keys()] });
}

void main();
