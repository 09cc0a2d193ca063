/** A real HTTP server on 127.0.0.1 with an ephemeral port, whose routes each test sets. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface SeenRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface TestServer {
  origin: string;
  /** Every request received, in order. */
  seen: SeenRequest[];
  url(path: string): string;
  route(path: string, handler: Handler): void;
  /** Requests to `path` received so far. */
  hits(path: string): SeenRequest[];
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({ path, headers: req.headers });
    const handler = routes.get(path.split('?')[0] ?? path);
    if (handler === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    seen,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    hits: (path) => seen.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        // Routes that never answer hold their sockets open; end them so close() returns.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A small RSS 2.0 document with `count` items. */
export function rss(title: string, count = 2, prefix = title.toLowerCase()): string {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><title>${title} item ${i}</title><link>https://news.example/${prefix}/${i}?utm_source=rss</link>` +
      `<guid isPermaLink="false">${prefix}-${i}</guid><pubDate>Wed, 16 Feb 2022 1${i % 10}:00:00 GMT</pubDate>` +
      `<description>Teaser ${i}</description></item>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link><description>d</description>${items}</channel></rss>`;
}

export function sendXml(res: http.ServerResponse, body: string | Buffer, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers }).end(body);
}
