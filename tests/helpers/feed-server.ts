/**
 * A local feed server on 127.0.0.1 for end-to-end tests: routes are plain functions, every request
 * is recorded (method, path, conditional headers) so tests can see what the poller sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  path: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  userAgent: string | null;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface FeedServer {
  url(path: string): string;
  routes: Map<string, Route>;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: SeenRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const header = (name: string): string | null => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : null;
    };
    requests.push({ path, ifNoneMatch: header('if-none-match'), ifModifiedSince: header('if-modified-since'), userAgent: header('user-agent') });
    const route = routes.get(path);
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    route(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    routes,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A route serving `body` with an ETag, answering 304 when the client sends it back. */
export function conditional(type: string, body: () => string, etag: () => string): Route {
  return (req, res) => {
    const tag = etag();
    if (req.headers['if-none-match'] === tag) {
      res.writeHead(304, { etag: tag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, etag: tag, 'last-modified': 'Wed, 16 Feb 2022 12:00:00 GMT' }).end(body());
  };
}
