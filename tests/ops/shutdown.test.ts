// Stopping `statements run`: SIGTERM while an alert is on its way to a slow Slack lets the send
// finish and be recorded (sent, not in doubt), then the process exits 0; a second signal exits at
// once. The real process, spawned as in production, against a fake Slack and a feed on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../../src/log.js';
import { stopWithin } from '../../src/ops/shutdown.js';
import { openSqliteStore } from '../../src/store/index.js';
import { natoItem } from '../helpers/chat-app.js';
import { eventually } from '../helpers/eventually.js';
import { FAKE_BOT_TOKEN, FAKE_TEAM, startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { rss } from '../helpers/feed-xml.js';
import { leakedSecrets, SLACK_SIGNING_SECRET } from '../helpers/secrets.js';
import { ROOT } from '../helpers/seeds.js';

const LogLine = z.object({ level: z.string(), time: z.string(), msg: z.string() }).catchall(z.unknown());
const CHANNEL = `slack:${FAKE_TEAM}:C0NEWS`;

let fake: FakeSlack;
let feeds: FeedServer;
let dir: string;
beforeAll(async () => {
  fake = await startFakeSlack();
  feeds = await startFeedServer();
  feeds.routes.set('/rss.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([natoItem('shutdown-1')])));
  dir = mkdtempSync(join(tmpdir(), 'statements-shutdown-'));
});
afterAll(async () => {
  await feeds.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  lines: () => z.infer<typeof LogLine>[];
  output: () => string;
}

/** A fresh database subscribed to NATO in one Slack channel, and `statements run` on it. */
async function start(name: string): Promise<Running & { db: string }> {
  const db = join(dir, `${name}.db`);
  const config = join(dir, `${name}.yaml`);
  writeFileSync(config, `fetch: { allowAddresses: ["127.0.0.0/8"] }\nfeeds:\n  - { id: wire, url: "${feeds.url('/rss.xml')}", intervalMinutes: 1, fetchArticles: false, alertNewestOnFirstPoll: 10, maxAgeHours: 0 }\n`);
  const store = await openSqliteStore(db);
  await store.addSubscription({ id: `channel:${CHANNEL}`, channel: CHANNEL, actors: ['nato'], keywords: [], createdAt: 0 });
  await store.close();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run'], {
    cwd: ROOT,
    env: {
      ...process.env,
      STATEMENTS_CONFIG: config,
      STATEMENTS_DB: db,
      DATABASE_URL: '',
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      DISCORD_TOKEN: '',
      PORT: '0',
      STATEMENTS_LOG_LEVEL: 'info',
      STATEMENTS_LOG_FORMAT: 'json',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    db,
    child,
    // Every line on stderr is a JSON log line: one that is not fails here.
    lines: () => stderr.split('\n').filter((l) => l !== '').map((l) => LogLine.parse(JSON.parse(l))),
    output: () => stdout + stderr,
  };
}

const postsArrived = (): number => fake.calls.filter((c) => c.method === 'chat.postMessage').length;

async function outbox(db: string) {
  const store = await openSqliteStore(db);
  try {
    return await store.outboxSummary(Date.now());
  } finally {
    await store.close();
  }
}

describe('statements run on SIGTERM', () => {
  it('finishes the alert in flight to a slow Slack, records it sent (not in doubt), and exits 0', async () => {
    fake.calls.length = 0;
    fake.posts.length = 0;
    fake.delayPosts(1_500);
    const run = await start('graceful');
    const exited = once(run.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    try {
      // /healthz answers on Slack's own HTTP port (PORT) in the real process.
      const ready = await eventually(() => run.lines().find((l) => l.msg.startsWith('HTTP: /healthz')), 30_000, 'the HTTP line');
      const health = await fetch(`http://127.0.0.1:${String(ready.port)}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', checks: { store: 'ok', slack: 'ok', discord: 'n/a' } });

      await eventually(() => postsArrived() === 1, 30_000, 'the alert reaching Slack');
      expect(fake.posts).toHaveLength(0); // on its way: Slack has not answered yet
      run.child.kill('SIGTERM');
      const [code, signal] = await exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
    } finally {
      run.child.kill('SIGKILL');
    }
    expect(fake.posts).toHaveLength(1);
    expect(postsArrived()).toBe(1);
    expect(await outbox(run.db)).toEqual({ pending: 0, sending: 0, sent: 1, failed: 0, inDoubt: 0 });
    const messages = run.lines().map((l) => l.msg);
    expect(messages.some((m) => m.startsWith('SIGTERM: stopping after the current cycle'))).toBe(true);
    expect(messages.at(-1)).toBe('stopped cleanly');
    expect(leakedSecrets(run.output())).toEqual([]);
  }, 60_000);

  it('exits at once on a second signal, leaving the alert in the outbox for the next start', async () => {
    fake.calls.length = 0;
    fake.posts.length = 0;
    fake.delayPosts(5_000);
    const run = await start('impatient');
    const exited = once(run.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    try {
      await eventually(() => postsArrived() === 1, 30_000, 'the alert reaching Slack');
      run.child.kill('SIGTERM');
      await eventually(() => run.lines().some((l) => l.msg.includes('stopping after the current cycle')), 10_000, 'the stopping line');
      run.child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(143); // 128 + SIGTERM, as a shell reports a process killed by it
    } finally {
      run.child.kill('SIGKILL');
    }
    expect(fake.posts).toHaveLength(0);
    expect(run.lines().some((l) => l.level === 'warn' && l.msg.startsWith('SIGTERM again: exiting at once'))).toBe(true);
    // Claimed but unanswered: the next start resends it, marked in doubt. Nothing is lost.
    expect(await outbox(run.db)).toMatchObject({ pending: 1, sent: 0, failed: 0 });
  }, 60_000);
});

describe('stopWithin', () => {
  it('names what was left when time runs out, and goes on past a step that fails', async () => {
    const done: string[] = [];
    const result = await stopWithin(
      [
        { name: 'a failing step', run: () => Promise.reject(new Error('boom')) },
        { name: 'the monitor', run: () => new Promise<void>(() => undefined), left: () => ['the poll in flight', 'the alerts being sent'] },
        { name: 'the chat adapters', run: async () => void done.push('chat') },
      ],
      20,
      silentLogger,
    );
    expect(result).toEqual({ completed: false, left: ['the poll in flight', 'the alerts being sent', 'the chat adapters'] });
    expect(done).toEqual([]);
  });

  it('reports completion when every step ends in time', async () => {
    const done: string[] = [];
    const steps = ['one', 'two'].map((name) => ({ name, run: async () => void done.push(name) }));
    expect(await stopWithin(steps, 1_000, silentLogger)).toEqual({ completed: true, left: [] });
    expect(done).toEqual(['one', 'two']);
  });
});
