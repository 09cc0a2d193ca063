// 1,000 alerts through a chat API that fails about 30% of calls: HTTP 500, 429 with retry_after,
// connections dropped before the request is handled, and dropped after the message was created
// (the answer lost on the way back). Exactly 1,000 messages arrive, none twice: retries go
// through the outbox with backoff, and every resend carries the delivery's enforced nonce.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDeliveryLoop } from '../../src/deliveries/index.js';
import { discordRest, discordSink } from '../../src/discord/sink.js';
import { createLogger } from '../../src/log.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { sampleAlert } from '../helpers/alert.js';
import { eventually } from '../helpers/eventually.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { DISCORD_TOKEN as TOKEN } from '../helpers/secrets.js';
import { mulberry32 } from '../helpers/mulberry32.js';

const CHANNELS = 10;
const PER_CHANNEL = 100;

let fake: FakeDiscord;
let store: Store;
let dir: string;

beforeAll(async () => {
  const channels = Array.from({ length: CHANNELS }, (_, i) => ({ id: String(200000000000000000n + BigInt(i)), name: `news-${i}` }));
  fake = await startFakeDiscord({ token: TOKEN, channels });
  dir = mkdtempSync(join(tmpdir(), 'statements-faults-'));
  store = await openSqliteStore(join(dir, 'statements.db'));
});
afterAll(async () => {
  await store.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

it('delivers 1,000 alerts exactly once through a chat API failing 30% of calls', async () => {
  const channelIds = Array.from({ length: CHANNELS }, (_, i) => String(200000000000000000n + BigInt(i)));
  for (const [i, channelId] of channelIds.entries()) {
    await store.addSubscription({ id: `sub-${i}`, channel: `discord:${fake.guildId}:${channelId}`, actors: [], keywords: [], createdAt: 0 });
    await store.enqueue(
      Array.from({ length: PER_CHANNEL }, (_, n) => ({ subscriptionId: `sub-${i}`, channel: `discord:${fake.guildId}:${channelId}`, key: `story-${n}`, alert: { ...sampleAlert, key: `story-${n}`, title: `Story ${n}` }, nextAttemptAt: Date.now() })),
    );
  }

  // The same faults on every run: 30% of message calls fail, spread over four kinds.
  const random = mulberry32(20220216);
  const faults = { '500': 0, '429': 0, 'drop-before': 0, 'drop-after': 0 };
  const pick = (): keyof typeof faults | null => {
    if (random() >= 0.3) return null;
    const kinds = Object.keys(faults) as (keyof typeof faults)[];
    return kinds[Math.floor(random() * kinds.length)] ?? null;
  };
  const decided = new Map<unknown, keyof typeof faults | null>();
  const decide = (request: unknown): keyof typeof faults | null => {
    if (!decided.has(request)) {
      const kind = pick();
      decided.set(request, kind);
      if (kind !== null) faults[kind]++;
    }
    return decided.get(request) ?? null;
  };
  fake.override('POST', /^\/channels\/\d+\/messages$/, (request) => {
    const kind = decide(request);
    if (kind === '500') return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
    if (kind === '429') return { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.05, global: false }, headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' } };
    return undefined;
  });
  fake.setConnectionFault((request) => {
    if (request.method !== 'POST' || !/^\/channels\/\d+\/messages$/.test(request.path)) return undefined;
    const kind = decide(request);
    return kind === 'drop-before' || kind === 'drop-after' ? kind : undefined;
  });

  const logs: string[] = [];
  // discord.js's own retries are off so that every failure reaches the outbox; its 50 requests a
  // second (Discord's global limit) is raised: this test is about faults, not pacing.
  const sink = discordSink(discordRest(TOKEN, fake.restBase, { retries: 0, globalRequestsPerSecond: 2_000, timeout: 2_000 }));
  const started = Date.now();
  const loop = startDeliveryLoop(store, [sink], Date.now, { maxAttempts: 30, retryBaseMs: 20, idleMs: 20, batch: 200 }, createLogger((l) => logs.push(l), 'warn'));
  try {
    await eventually(async () => (await store.outboxSummary(Date.now())).sent === CHANNELS * PER_CHANNEL, 90_000, 'every alert marked sent');
  } finally {
    await loop.stop();
  }
  const elapsed = Date.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 200)); // a late duplicate would show here

  const seen = new Map<string, number>();
  for (const m of fake.messages) {
    const title = String((m.body.embeds as { title: string }[] | undefined)?.[0]?.title);
    const key = `${m.channelId} ${title}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const duplicates = [...seen.values()].filter((n) => n > 1).length;
  const calls = fake.requests.filter((r) => r.method === 'POST' && /\/messages$/.test(r.path)).length;
  const failed = Object.values(faults).reduce((a, b) => a + b, 0);
  console.log(
    `faults: 1,000 alerts, ${calls} message calls, ${failed} failed (${(100 * failed / calls).toFixed(1)}%: ${Object.entries(faults).map(([k, v]) => `${k} ${v}`).join(', ')}); ` +
      `${fake.messages.length} messages, ${duplicates} duplicates, ${fake.deduplicated.length} resends recognised by nonce; ${elapsed} ms`,
  );
  expect(fake.messages).toHaveLength(CHANNELS * PER_CHANNEL);
  expect(seen.size).toBe(CHANNELS * PER_CHANNEL);
  expect(duplicates).toBe(0);
  expect(failed / calls).toBeGreaterThan(0.2);
  expect(faults['drop-after']).toBeGreaterThan(0);
  expect(fake.deduplicated.length).toBe(faults['drop-after']);
  expect(await store.outboxSummary(Date.now())).toMatchObject({ pending: 0, failed: 0, sent: 1_000 });
}, 120_000);
