/**
 * The operators' HTTP endpoints: /healthz (200 or 503 with the failing checks named) and
 * /metrics (Prometheus text). The same routes go on Bolt's server when Slack runs over HTTP
 * (PORT is taken by it), or on a small node:http server of our own otherwise.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';
import type { HealthReport } from './health.js';
import type { Metrics } from './metrics.js';

/** Bolt's CustomRoute shape, so the same list serves both servers. */
export interface HttpRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface OpsEndpoints {
  health: () => Promise<HealthReport>;
  metrics: Metrics;
  log: Logger;
}

export function opsRoutes(ops: OpsEndpoints): HttpRoute[] {
  // Answers are never cached: a probe must see now, not a proxy's copy.
  const send = (res: ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  };
  const guarded = (name: string, answer: (res: ServerResponse) => Promise<void>) => (_req: IncomingMessage, res: ServerResponse): void => {
    answer(res).catch((err: unknown) => {
      ops.log.log('error', `${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `${name} failed\n`);
      else res.end();
    });
  };
  return [
    {
      path: '/healthz',
      method: ['GET', 'HEAD'],
      handler: guarded('/healthz', async (res) => {
        const report = await ops.health();
        send(res, report.status === 'ok' ? 200 : 503, 'application/json; charset=utf-8', `${JSON.stringify(report)}\n`);
      }),
    },
    {
      path: '/metrics',
      method: ['GET', 'HEAD'],
      handler: guarded('/metrics', async (res) => send(res, 200, ops.metrics.contentType, await ops.metrics.text())),
    },
  ];
}

export interface HttpServer {
  port: number;
  close(): Promise<void>;
}

/** Serves `routes` (and 404 for anything else) on `port` (0: any free one). */
export async function startHttpServer(routes: readonly HttpRoute[], port: number, host?: string): Promise<HttpServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((r) => r.path === path);
    if (route === undefined) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: try /healthz or /metrics\n');
    if (!route.method.includes(req.method ?? 'GET')) return void res.writeHead(405, { allow: route.method.join(', ') }).end();
    route.handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Scrapers keep connections alive; close() alone would wait for them.
        server.closeIdleConnections();
      }),
  };
}
