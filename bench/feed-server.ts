/**
 * The poll bench's feed server, run in a child process so its CPU and memory stay out of the
 * measurement. Loopback only. `/feed/<n>`: even n answer 304 to a matching If-None-Match (like a
 * good publisher); odd n always answer 200 with the whole ~20-item RSS and no validators.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// Items per feed: the first argument, 20 by default.
const ITEMS = Number(process.argv[2] ?? 20);
const bodies = new Map<number, string>();

function feedBody(n: number): string {
  const cached = bodies.get(n);
  if (cached !== undefined) return cached;
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    return (
      `<item><title>Feed ${n} story ${i}: minister says talks will continue</title>` +
      `<link>https://outlet${n}.example/news/${i}?utm_source=rss&amp;id=${i}</link>` +
      `<guid isPermaLink="false">outlet${n}-${i}</guid><pubDate>Wed, ${day} Feb 2022 10:00:00 GMT</pubDate>` +
      `<description>“We will keep talking,” the minister told reporters on story ${i}, adding that no decision had been taken and that a further meeting was planned for next week.</description></item>`
    );
  }).join('\n');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Outlet ${n}</title><link>https://outlet${n}.example/</link><description>Bench feed</description><ttl>5</ttl>\n${items}\n</channel></rss>`;
  bodies.set(n, body);
  return body;
}

const server = http.createServer((req, res) => {
  const n = Number(/^\/feed\/(\d+)$/.exec(req.url ?? '')?.[1] ?? Number.NaN);
  if (!Number.isInteger(n)) return void res.writeHead(404).end();
  const body = feedBody(n);
  if (n % 2 === 1) return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  const etag = `"f${n}-v1"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));
