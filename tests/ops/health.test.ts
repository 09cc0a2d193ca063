// /healthz of the real app: 200 with each check named when the store answers and every configured
// chat platform is connected; 503 naming what fails (a closed store, a dropped Slack socket). With
// Slack over HTTP, /healthz and /metrics share Bolt's port (PORT) with /slack/events.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkHealth } from '../../src/ops/health.js';
import { startServing } from '../../src/ops/serve.js';
import { runCycle } from '../../src/pipeline/index.js';
import { natoItem, openTestApp } from '../helpers/chat-app.js';
import { eventually } from '../helpers/eventually.js';
import { startFakeDiscord } from '../helpers/fake-discord.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN, FAKE_TEAM, GONE_CHANNEL, startFakeSlack } from '../helpers/fake-slack.js';
import { startFeedServer } from '../helpers/feed-server.js';
import { rss } from '../helpers/feed-xml.js';
import { DISCORD_TOKEN, SLACK_SIGNING_SECRET } from '../helpers/secrets.js';
import { parseExposition } from './exposition.js';
import { describePostgres, freshDatabase, onServer, TEST_DATABASE_URL } from '../helpers/postgres.js';

const Health = z.object({
  status: z.enum(['ok', 'failing']),
  checks: z.record(z.string(), z.enum(['ok', 'n/a', 'failing'])),
  errors: z.record(z.string(), z.string()).optional(),
});

async function healthz(port: number | null): Promise<{ status: number; type: string | null; body: z.infer<typeof Health> }> {
  if (port === null) throw new Error('nothing serves /healthz');
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, type: res.headers.get('content-type'), body: Health.parse(await res.json()) };
}

describe('/healthz', () => {
  it('is 200 with a working store (console mode, our own server), 503 naming the store once it is closed', async () => {
    const opened = await openTestApp({});
    const serving = await startServing(opened.app, { port: 0, host: '127.0.0.1' });
    try {
      expect(serving.slackPort).toBeNull();
      const ok = await healthz(serving.httpPort);
      expect(ok.status).toBe(200);
      expect(ok.type).toBe('application/json; charset=utf-8');
      expect(ok.body).toEqual({ status: 'ok', checks: { store: 'ok', slack: 'n/a', discord: 'n/a' } });

      await opened.app.store.close();
      const down = await healthz(serving.httpPort);
      expect(down.status).toBe(503);
      expect(down.body.status).toBe('failing');
      expect(down.body.checks).toEqual({ store: 'failing', slack: 'n/a', discord: 'n/a' });
      expect(down.body.errors?.store).toMatch(/closed/);
      // /metrics still answers without the store: only the outbox depth is missing.
      const metrics = await fetch(`http://127.0.0.1:${serving.httpPort}/metrics`);
      expect(metrics.status).toBe(200);
      expect(parseExposition(await metrics.text()).samples.some((s) => s.name === 'statements_outbox_depth')).toBe(false);
      expect(opened.logs.some((l) => l.includes('outbox depth not read'))).toBe(true);
      expect((await fetch(`http://127.0.0.1:${serving.httpPort}/nothing`)).status).toBe(404);
    } finally {
      await serving.stop();
      await opened.close();
    }
  });

  it('shares Slack\'s HTTP port: /healthz says slack ok, /metrics counts alerts sent and given up per platform', async () => {
    const fake = await startFakeSlack();
    const feeds = await startFeedServer();
    feeds.routes.set('/rss.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([natoItem('health-1')])));
    const opened = await openTestApp({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl }, feeds.url('/rss.xml'));
    const serving = await startServing(opened.app, { port: 0, host: '127.0.0.1' });
    try {
      expect(serving.httpPort).toBe(serving.slackPort);
      expect((await healthz(serving.httpPort)).body).toEqual({ status: 'ok', checks: { store: 'ok', slack: 'ok', discord: 'n/a' } });
      for (const channel of ['C0NEWS', GONE_CHANNEL]) {
        await opened.app.store.addSubscription({ id: `channel:slack:${FAKE_TEAM}:${channel}`, channel: `slack:${FAKE_TEAM}:${channel}`, actors: ['nato'], keywords: [], createdAt: 0 });
      }
      await runCycle(opened.app.deps, opened.app.sinks, opened.app.outbox, true);
      const res = await fetch(`http://127.0.0.1:${serving.httpPort}/metrics`);
      expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const metrics = parseExposition(await res.text());
      expect(metrics.value('statements_alerts_sent_total', { platform: 'slack' })).toBe(1);
      expect(metrics.value('statements_alerts_failed_total', { platform: 'slack', final: 'true' })).toBe(1);
      expect(metrics.value('statements_outbox_depth', { state: 'failed' })).toBe(1);
    } finally {
      await serving.stop();
      await opened.close();
      await feeds.close();
      await fake.close();
    }
  });

  it('is 503 naming slack while the Socket Mode connection is down', async () => {
    const fake = await startFakeSlack();
    const opened = await openTestApp({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_APP_TOKEN: FAKE_APP_TOKEN, SLACK_API_URL: fake.apiUrl });
    const serving = await startServing(opened.app, { port: 0, host: '127.0.0.1' });
    try {
      expect(serving.slackPort).toBeNull();
      expect((await healthz(serving.httpPort)).body.checks).toEqual({ store: 'ok', slack: 'ok', discord: 'n/a' });
      await fake.close(); // the socket drops, and Slack is not there to reconnect to
      const down = await eventually(async () => {
        const answer = await healthz(serving.httpPort);
        return answer.status === 503 ? answer : undefined;
      }, 5_000, '/healthz to fail');
      expect(down.body.checks).toEqual({ store: 'ok', slack: 'failing', discord: 'n/a' });
      expect(down.body.errors?.slack).toMatch(/Socket Mode/);
    } finally {
      await serving.stop();
      await opened.close();
    }
  });

  it('says discord ok once the gateway is ready', async () => {
    const fake = await startFakeDiscord({ token: DISCORD_TOKEN });
    const opened = await openTestApp({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: fake.appId, DISCORD_API_URL: fake.restBase });
    const serving = await startServing(opened.app, { port: 0, host: '127.0.0.1' });
    try {
      expect((await healthz(serving.httpPort)).body).toEqual({ status: 'ok', checks: { store: 'ok', slack: 'n/a', discord: 'ok' } });
    } finally {
      await serving.stop();
      await opened.close();
      await fake.close();
    }
  });
});

describePostgres('/healthz on PostgreSQL', () => {
  it('turns 503 while the database refuses connections, and 200 again once it is back', async () => {
    const database = await freshDatabase('healthz');
    const name = new URL(database.url).pathname.slice(1);
    const opened = await openTestApp({ DATABASE_URL: database.url });
    const serving = await startServing(opened.app, { port: 0, host: '127.0.0.1' });
    try {
      expect((await healthz(serving.httpPort)).status).toBe(200);
      // The database goes away: no new connections, and the ones the store holds are cut.
      await onServer(TEST_DATABASE_URL, async (client) => {
        await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      });
      const down = await healthz(serving.httpPort);
      expect(down.status).toBe(503);
      expect(down.body.checks.store).toBe('failing');
      expect(down.body.errors?.store).not.toContain(database.url);
      await onServer(TEST_DATABASE_URL, (client) => client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`));
      await eventually(async () => (await healthz(serving.httpPort)).status === 200, 10_000, '/healthz 200 again');
    } finally {
      await serving.stop();
      await opened.close();
      await database.drop();
    }
  });
});

describe('startServing', () => {
  it('runs without the endpoints, warning, when PORT is unset and its default port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const opened = await openTestApp({});
    try {
      const { port } = taken.address() as AddressInfo;
      expect(opened.app.chat.portSet).toBe(false);
      // As if the default (3000) were this taken port.
      const serving = await startServing({ ...opened.app, chat: { ...opened.app.chat, port } }, { host: '127.0.0.1' });
      expect(serving.httpPort).toBeNull();
      expect(opened.logs.join('\n')).toContain(`port ${port} is in use, so /healthz and /metrics are off; set PORT to a free port to serve them`);
      await serving.stop();
    } finally {
      await opened.close();
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('refuses to start when PORT is taken, saying so, and leaves nothing running', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const opened = await openTestApp({});
    try {
      const { port } = taken.address() as AddressInfo;
      await expect(startServing(opened.app, { port, host: '127.0.0.1' })).rejects.toThrow(`could not serve /healthz and /metrics: port ${port} is in use; set PORT to a free port (0 picks one)`);
    } finally {
      await opened.close();
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe('checkHealth', () => {
  it('fails a check that does not answer in time, and says n/a for what is not configured', async () => {
    const report = await checkHealth({ store: () => new Promise<void>(() => undefined), slack: null, discord: () => undefined }, 20);
    expect(report).toEqual({ status: 'failing', checks: { store: 'failing', slack: 'n/a', discord: 'ok' }, errors: { store: 'no answer within 20 ms' } });
  });

  it('redacts URL passwords and tokens from the reasons it gives', async () => {
    const report = await checkHealth({ store: () => Promise.reject(new Error('connect ECONNREFUSED postgres://bot:hunter22@db/statements')) });
    expect(report.errors?.store).toBe('connect ECONNREFUSED postgres://bot:[redacted]@db/statements');
  });
});
