// The outbox drain with a real (in-memory SQLite) store and a sink that fails on demand: sent
// alerts are not sent again, failures are retried with backoff and never before retry-after,
// a permanent refusal or too many attempts gives up, and nothing is lost in between.
import { beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError, drainOutbox, retryDelay, type Sink } from '../../src/deliveries/index.js';
import { silentLogger } from '../../src/log.js';
import type { Alert } from '../../src/model/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';

const T0 = Date.UTC(2022, 1, 16, 12);
const alert: Alert = { key: 'item-1', title: 'NATO sees no withdrawal', outlet: 'Wire', url: 'https://news.example/1', published: T0, lead: ['Lead.'], actors: ['NATO'], keywords: [], quotes: [] };
const options = { maxAttempts: 3, retryBaseMs: 30_000, random: () => 1 };

function flakySink(failures: (Error | null)[]): Sink & { sent: string[] } {
  const sent: string[] = [];
  return {
    platform: 'slack',
    sent,
    send: async (channel, a) => {
      const failure = failures.shift() ?? null;
      if (failure !== null) throw failure;
      sent.push(`${channel} ${a.key}`);
    },
  };
}

describe('drainOutbox', () => {
  let store: Store;
  let now: number;
  const clock = () => now;

  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    now = T0;
    await store.addSubscription({ id: 'sub', channel: 'slack:C1', actors: [], keywords: [], createdAt: T0 });
    await store.enqueue([{ subscriptionId: 'sub', channel: 'slack:C1', key: 'item-1', alert, nextAttemptAt: T0 }]);
  });

  it('sends once and marks it sent', async () => {
    const sink = flakySink([]);
    expect(await drainOutbox(store, [sink], clock, options, silentLogger)).toEqual({ sent: 1, failed: 0, retried: 0, postponed: 0, revised: 0 });
    expect(await drainOutbox(store, [sink], clock, options, silentLogger)).toEqual({ sent: 0, failed: 0, retried: 0, postponed: 0, revised: 0 });
    expect(sink.sent).toEqual(['slack:C1 item-1']);
  });

  it('retries a failure after the backoff, and not before a platform’s retry-after', async () => {
    const sink = flakySink([new DeliveryError('HTTP 503, Retry-After: 120', { retryAfterMs: 120_000 }), new Error('socket hang up')]);
    expect((await drainOutbox(store, [sink], clock, options, silentLogger)).retried).toBe(1);
    now = T0 + 119_000;
    expect((await drainOutbox(store, [sink], clock, options, silentLogger)).retried).toBe(0); // not due yet
    now = T0 + 120_000;
    expect((await drainOutbox(store, [sink], clock, options, silentLogger)).retried).toBe(1);
    now += retryDelay(2, options.retryBaseMs, null, options.random);
    expect(await drainOutbox(store, [sink], clock, options, silentLogger)).toEqual({ sent: 1, failed: 0, retried: 0, postponed: 0, revised: 0 });
    expect(sink.sent).toHaveLength(1);
  });

  it('gives up on a permanent refusal, and after maxAttempts', async () => {
    const refused = flakySink([new DeliveryError('channel_not_found', { permanent: true })]);
    expect((await drainOutbox(store, [refused], clock, options, silentLogger)).failed).toBe(1);
    expect(await store.dueDeliveries(T0 + 86_400_000, 10)).toEqual([]);

    await store.enqueue([{ subscriptionId: 'sub', channel: 'slack:C1', key: 'item-2', alert: { ...alert, key: 'item-2' }, nextAttemptAt: T0 }]);
    const down = flakySink([new Error('500'), new Error('500'), new Error('500')]);
    for (let i = 0; i < 3; i++) {
      await drainOutbox(store, [down], clock, options, silentLogger);
      now += 60 * 60 * 1000;
    }
    expect(await store.dueDeliveries(now, 10)).toEqual([]);
    expect(down.sent).toEqual([]);
  });

  it('leaves alerts for a platform it cannot reach waiting, attempts untouched', async () => {
    const console: Sink = { platform: 'console', send: async () => undefined };
    expect(await drainOutbox(store, [console], clock, options, silentLogger)).toEqual({ sent: 0, failed: 0, retried: 0, postponed: 0, revised: 0 });
    expect(await store.dueDeliveries(now, 10)).toMatchObject([{ attempts: 0, status: 'pending' }]);
  });

  it('holds a rate-limited channel in order without counting attempts, while other channels go on', async () => {
    await store.addSubscription({ id: 'other', channel: 'slack:C2', actors: [], keywords: [], createdAt: T0 });
    await store.enqueue([
      { subscriptionId: 'sub', channel: 'slack:C1', key: 'item-2', alert: { ...alert, key: 'item-2' }, nextAttemptAt: T0 },
      { subscriptionId: 'other', channel: 'slack:C2', key: 'item-1', alert, nextAttemptAt: T0 },
    ]);
    const limited = new DeliveryError('ratelimited: retry after 1 s', { retryAfterMs: 1_000, rateLimited: true });
    const sink: Sink & { sent: string[] } = {
      platform: 'slack',
      sent: [],
      send: async (channel, a) => {
        if (channel === 'slack:C1' && now === T0) throw limited;
        sink.sent.push(`${channel} ${a.key}`);
      },
    };
    expect(await drainOutbox(store, [sink], clock, options, silentLogger)).toEqual({ sent: 1, failed: 0, retried: 0, postponed: 2, revised: 0 });
    expect(sink.sent).toEqual(['slack:C2 item-1']);
    expect(await store.dueDeliveries(T0 + 999, 10)).toEqual([]);
    // A rate limit is not the alert's fault: however often it happens, no attempt is spent.
    expect(await store.dueDeliveries(T0 + 1_000, 10)).toMatchObject([{ key: 'item-1', attempts: 0 }, { key: 'item-2', attempts: 0 }]);
    now = T0 + 1_000;
    expect((await drainOutbox(store, [sink], clock, options, silentLogger)).sent).toBe(2);
    expect(sink.sent).toEqual(['slack:C2 item-1', 'slack:C1 item-1', 'slack:C1 item-2']);
  });

  it('sends to different channels side by side, and within a channel one at a time in order', async () => {
    await store.addSubscription({ id: 'other', channel: 'slack:C2', actors: [], keywords: [], createdAt: T0 });
    await store.enqueue([
      { subscriptionId: 'sub', channel: 'slack:C1', key: 'item-2', alert: { ...alert, key: 'item-2' }, nextAttemptAt: T0 },
      { subscriptionId: 'other', channel: 'slack:C2', key: 'item-1', alert, nextAttemptAt: T0 },
    ]);
    const events: string[] = [];
    let inFlight = 0;
    let most = 0;
    const slow: Sink = {
      platform: 'slack',
      send: async (channel, a) => {
        inFlight++;
        most = Math.max(most, inFlight);
        events.push(`start ${channel} ${a.key}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push(`end ${channel} ${a.key}`);
        inFlight--;
      },
    };
    expect((await drainOutbox(store, [slow], clock, options, silentLogger)).sent).toBe(3);
    expect(most).toBe(2);
    const c1 = events.filter((e) => e.includes('slack:C1'));
    expect(c1).toEqual(['start slack:C1 item-1', 'end slack:C1 item-1', 'start slack:C1 item-2', 'end slack:C1 item-2']);
  });

  it('sends a digest as one message, and one by one to a sink that cannot send digests', async () => {
    await store.addSubscription({ id: 'digest', channel: 'slack:C3', actors: [], keywords: [], createdAt: T0, digest: 'hourly' });
    await store.enqueue(['d1', 'd2'].map((key) => ({ subscriptionId: 'digest', channel: 'slack:C3', key, alert: { ...alert, key }, nextAttemptAt: T0, digest: 'hourly' as const })));
    const digests: string[][] = [];
    const withDigests: Sink = { platform: 'slack', send: async () => undefined, sendDigest: async (_channel, digest) => void digests.push(digest.alerts.map((a) => a.key)) };
    expect((await drainOutbox(store, [withDigests], clock, options, silentLogger)).sent).toBe(3);
    expect(digests).toEqual([['d1', 'd2']]);

    await store.enqueue(['d3', 'd4'].map((key) => ({ subscriptionId: 'digest', channel: 'slack:C3', key, alert: { ...alert, key }, nextAttemptAt: T0, digest: 'hourly' as const })));
    const plain = flakySink([]);
    expect((await drainOutbox(store, [plain], clock, options, silentLogger)).sent).toBe(2);
    expect(plain.sent).toEqual(['slack:C3 d3', 'slack:C3 d4']);
  });

  it('backs off exponentially, capped at an hour, with half of each delay random', () => {
    const most = (): number => 1;
    const least = (): number => 0;
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 30_000, null, most))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 30_000, null, least))).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(retryDelay(30, 30_000, null, most)).toBe(3_600_000);
    expect(retryDelay(1, 30_000, 90_000, least)).toBe(90_000);
    // Alerts failed together spread out instead of retrying together.
    const delays = new Set(Array.from({ length: 50 }, () => retryDelay(3, 30_000, null)));
    expect(delays.size).toBeGreaterThan(40);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(60_000);
  });
});
