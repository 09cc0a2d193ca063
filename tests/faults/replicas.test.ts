// Three real bot processes on one PostgreSQL database share 500 local feeds and the outbox: every
// new item is alerted exactly once, all three do part of the work, and when one is killed with
// its claims held, the claims lapse and the other two finish its work.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { natoItem } from '../helpers/chat-app.js';
import { eventually } from '../helpers/eventually.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { rss } from '../helpers/feed-xml.js';
import { describePostgres, freshDatabase, type FreshDatabase } from '../helpers/postgres.js';
import { DISCORD_TOKEN as TOKEN } from '../helpers/secrets.js';
import { ROOT } from '../helpers/seeds.js';

const FEEDS = 500;
const ITEMS_PER_FEED = 1;
const CHANNELS = 2;
const REPLICAS = 3;
const LEASE_SECONDS = 3;

describePostgres('replicas on PostgreSQL', () => {
  let fake: FakeDiscord;
  let feeds: FeedServer;
  let dir: string;
  let database: FreshDatabase;

  beforeAll(async () => {
    const channels = Array.from({ length: CHANNELS }, (_, i) => ({ id: String(400000000000000000n + BigInt(i)), name: `desk-${i}` }));
    fake = await startFakeDiscord({ token: TOKEN, channels });
    feeds = await startFeedServer();
    for (let f = 0; f < FEEDS; f++) {
      const items = Array.from({ length: ITEMS_PER_FEED }, (_, i) => ({ ...natoItem(`r${f}-${i}`), date: new Date(Date.UTC(2022, 1, 17, 9, i)).toUTCString() }));
      const body = rss(items);
      feeds.routes.set(`/feed-${f}.xml`, (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    }
    dir = mkdtempSync(join(tmpdir(), 'statements-replicas-'));
    database = await freshDatabase('replicas');
  });
  afterAll(async () => {
    await feeds?.close();
    await fake?.close();
    await database?.drop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it(`alerts every item once across ${REPLICAS} processes over ${FEEDS} feeds, and finishes a killed one's work`, async () => {
    const config = join(dir, 'config.yaml');
    writeFileSync(
      config,
      [
        'schedule: "* * * * * *"',
        'fetch: { allowAddresses: ["127.0.0.0/8"], perHostConcurrency: 8, maxConcurrentFeeds: 16 }',
        `feedClaims: { leaseSeconds: ${LEASE_SECONDS} }`,
        `deliveries: { leaseSeconds: ${LEASE_SECONDS}, retryBaseSeconds: 1 }`,
        'feeds:',
        ...Array.from({ length: FEEDS }, (_, f) => `  - { id: wire-${f}, url: "${feeds.url(`/feed-${f}.xml`)}", intervalMinutes: 60, fetchArticles: false, alertNewestOnFirstPoll: 100, maxAgeHours: 0 }`),
        '',
      ].join('\n'),
    );
    const store = await openStore(database.url);
    for (let c = 0; c < CHANNELS; c++) {
      const channel = `discord:${fake.guildId}:${String(400000000000000000n + BigInt(c))}`;
      await store.addSubscription({ id: `channel:${channel}`, channel, actors: ['nato'], keywords: [], createdAt: 0 });
    }
    const env = { ...process.env, STATEMENTS_CONFIG: config, DATABASE_URL: database.url, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.appId, DISCORD_API_URL: fake.restBase, SLACK_BOT_TOKEN: '', STATEMENTS_LOG_LEVEL: 'info', PORT: '0' };
    const processes = Array.from({ length: REPLICAS }, () => {
      const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run'], { cwd: ROOT, env });
      const run = { child, output: '', alerted: 0 };
      const read = (chunk: Buffer): void => {
        const text = chunk.toString();
        run.output += text;
        run.alerted += text.match(/alerted: /g)?.length ?? 0;
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      return run;
    });
    const expected = FEEDS * ITEMS_PER_FEED * CHANNELS;
    const victim = processes[0]!;
    try {
      // Killed while it is polling: it holds claims on the feeds in its hands.
      await eventually(() => victim.alerted >= 20, 60_000, 'the first process to alert 20 items');
      const alertedBeforeKill = victim.alerted;
      victim.child.kill('SIGKILL');
      await once(victim.child, 'exit');
      const killedAt = Date.now();
      await eventually(() => fake.messages.length >= expected, 120_000, `all ${expected} alerts`).catch((err: unknown) => {
        throw new Error(`${err instanceof Error ? err.message : String(err)}; ${fake.messages.length} arrived; a survivor printed:\n${processes[1]!.output.slice(-3000)}`);
      });
      const finishedAfterKill = Date.now() - killedAt;
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // a late duplicate would show here

      const perItem = new Map<string, number>();
      for (const m of fake.messages) {
        const url = (m.body.embeds as { url?: string }[] | undefined)?.[0]?.url ?? '?';
        perItem.set(`${m.channelId} ${url}`, (perItem.get(`${m.channelId} ${url}`) ?? 0) + 1);
      }
      const duplicates = [...perItem.values()].filter((n) => n > 1).length;
      const spread = processes.map((p) => p.alerted);
      const summary = await store.outboxSummary(Date.now());
      console.log(
        `replicas: ${REPLICAS} processes, ${FEEDS} feeds, ${FEEDS * ITEMS_PER_FEED} items → ${fake.messages.length} messages for ${perItem.size} (channel, item) pairs, ${duplicates} duplicates; ` +
          `items alerted per process ${spread.join(' / ')} (the first killed after ${alertedBeforeKill}); the other two finished ${finishedAfterKill} ms after the kill; outbox ${JSON.stringify(summary)}`,
      );
      expect(perItem.size).toBe(expected);
      expect(fake.messages).toHaveLength(expected);
      expect(duplicates).toBe(0);
      // Each did part of the work. (An item the killed one queued but did not record is read again
      // by another, which finds its alerts queued already: a duplicate, not a second "alerted".)
      for (const count of spread) expect(count).toBeGreaterThan(0);
      expect(summary).toMatchObject({ pending: 0, failed: 0, sent: expected });
    } finally {
      for (const p of processes) {
        if (p.child.exitCode === null && p.child.signalCode === null) {
          p.child.kill('SIGTERM');
          await once(p.child, 'exit');
        }
      }
      await store.close();
    }
  }, 240_000);
});
