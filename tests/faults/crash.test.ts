// kill -9 at random moments: the real bot process (Discord configured, against the fake Discord
// and a local feed on 127.0.0.1) is killed 20 times while it polls, extracts and delivers, and
// started again each time. Afterwards every alert has arrived exactly once and the store is intact.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { natoItem } from '../helpers/chat-app.js';
import { eventually } from '../helpers/eventually.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { DISCORD_TOKEN as TOKEN } from '../helpers/secrets.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { rss } from '../helpers/feed-xml.js';
import { mulberry32 } from '../helpers/mulberry32.js';
import { ROOT } from '../helpers/seeds.js';

/** Each start adds a feed with this many new NATO items: every run has polling and delivery to do. */
const ITEMS_PER_FEED = 6;
const CHANNELS = 3;
const KILLS = Number(process.env.CRASH_KILLS ?? 20);

let fake: FakeDiscord;
let feeds: FeedServer;
let dir: string;

beforeAll(async () => {
  const channels = Array.from({ length: CHANNELS }, (_, i) => ({ id: String(300000000000000000n + BigInt(i)), name: `news-${i}` }));
  fake = await startFakeDiscord({ token: TOKEN, channels });
  feeds = await startFeedServer();
  for (let f = 0; f <= KILLS; f++) {
    const items = Array.from({ length: ITEMS_PER_FEED }, (_, i) => ({ ...natoItem(`f${f}-nato-${i}`), date: new Date(Date.UTC(2022, 1, 17, 9, i)).toUTCString() }));
    feeds.routes.set(`/feed-${f}.xml`, (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items)));
  }
  dir = mkdtempSync(join(tmpdir(), 'statements-crash-'));
});
afterAll(async () => {
  await feeds.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run'], { cwd: ROOT, env: { ...process.env, ...env, SLACK_BOT_TOKEN: '' } });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

it('loses no alert and sends none twice across 20 kill -9 and restarts', async () => {
  const config = join(dir, 'config.yaml');
  const db = join(dir, 'statements.db');
  // Run k watches feeds 0..k: a new feed each start, as an operator adding feeds would.
  const writeConfig = (k: number): void =>
    writeFileSync(
      config,
      `schedule: "* * * * * *"\nfetch: { allowAddresses: ["127.0.0.0/8"] }\nfeeds:\n${Array.from({ length: k + 1 }, (_, f) => `  - { id: wire-${f}, url: "${feeds.url(`/feed-${f}.xml`)}", intervalMinutes: 1, fetchArticles: false, alertNewestOnFirstPoll: 100, maxAgeHours: 0 }`).join('\n')}\n`,
    );
  const store = await openSqliteStore(db);
  const channelIds = Array.from({ length: CHANNELS }, (_, i) => String(300000000000000000n + BigInt(i)));
  for (const channel of channelIds) await store.addSubscription({ id: `channel:discord:${fake.guildId}:${channel}`, channel: `discord:${fake.guildId}:${channel}`, actors: ['nato'], keywords: [], createdAt: 0 });
  await store.close();
  const env = { STATEMENTS_CONFIG: config, STATEMENTS_DB: db, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.appId, DISCORD_API_URL: fake.restBase, STATEMENTS_LOG_LEVEL: 'info', PORT: '0' };
  const expected = (KILLS + 1) * ITEMS_PER_FEED * CHANNELS;

  const random = mulberry32(17022022);
  const moments: number[] = [];
  let lastOutput = '';
  let midDelivery = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    writeConfig(kill);
    const { child, output } = start(env);
    // Somewhere in start-up, polling, extraction or delivery (a start takes about a second).
    const after = 700 + Math.floor(random() * 1_800);
    moments.push(after);
    await new Promise((resolve) => setTimeout(resolve, after));
    const last = fake.messages.at(-1);
    if (last !== undefined && Date.now() - last.at < 150) midDelivery++;
    child.kill('SIGKILL');
    await once(child, 'exit');
    lastOutput = output();
  }
  const killedMidway = fake.messages.length;

  writeConfig(KILLS);
  const { child, output } = start(env);
  try {
    await eventually(() => fake.messages.length >= expected, 60_000, `all ${expected} alerts`).catch((err: unknown) => {
      throw new Error(`${err instanceof Error ? err.message : String(err)}; ${fake.messages.length} arrived; the bot printed:\n${output()}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // a late duplicate would show here
  } finally {
    child.kill('SIGINT');
    await once(child, 'exit');
  }

  const perItem = new Map<string, number>();
  for (const m of fake.messages) {
    const embed = (m.body.embeds as { url?: string }[] | undefined)?.[0];
    const key = `${m.channelId} ${embed?.url ?? '?'}`;
    perItem.set(key, (perItem.get(key) ?? 0) + 1);
  }
  const duplicates = [...perItem.values()].filter((n) => n > 1).length;
  const check = new Database(db, { readonly: true });
  const integrity = check.pragma('integrity_check', { simple: true });
  const statuses = check.prepare('SELECT status, count(*) AS n FROM deliveries GROUP BY status').all();
  check.close();
  console.log(
    `crash: ${KILLS} kill -9 at ${Math.min(...moments)}–${Math.max(...moments)} ms after start (${midDelivery} while messages were going out); ${killedMidway}/${expected} alerts out before the last restart; ` +
      `finally ${fake.messages.length} messages for ${perItem.size} (channel, item) pairs, ${duplicates} duplicates, ${fake.deduplicated.length} resends recognised by nonce; integrity ${String(integrity)}`,
  );
  expect(lastOutput).not.toContain(TOKEN);
  expect(perItem.size).toBe(expected);
  expect(fake.messages).toHaveLength(expected);
  expect(duplicates).toBe(0);
  expect(integrity).toBe('ok');
  expect(statuses).toEqual([{ status: 'sent', n: expected }]);
}, 150_000);
