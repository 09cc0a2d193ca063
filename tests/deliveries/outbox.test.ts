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
const options = { maxAttempts: 3, retryBaseMs: 30_000 };

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
    expect(await drainOutbox(store, [sink], clock, options, silentLogger)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await drainOutbox(store, [sink], clock, options, silentLogger)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(sink.sent).toEqual(['slack:C1 item-1']);
  });

  it('retries a failure after the backoff, and not before a platform’s retry-after', async () => {
    const sink = flakySink([new DeliveryError('rate limited', 120_000), new Error('socket hang up')]);
    expect((await drainOutbox(store, [sink], clock, options, silentLogger)).retried).toBe(1);
    now = T0 + 119_000;
    expect((await drainOutbox(store, [sink], clock, options, silentLogger)).retried).toBe(0); // not due yet
    now = T0 + 120_000;
    expect((await drainOutbox(store, [sink], clock, options, silentLogger)).retried).toBe(1);
    now += retryDelay(2, options.retryBaseMs, null);
    expect(await drainOutbox(store, [sink], clock, options, silentLogger)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(sink.sent).toHaveLength(1);
  });

  it('gives up on a permanent refusal, and after maxAttempts', async () => {
    const refused = flakySink([new DeliveryError('channel_not_found', null, true)]);
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
    expect(await drainOutbox(store, [console], clock, options, silentLogger)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await store.dueDeliveries(now, 10)).toMatchObject([{ attempts: 0, status: 'pending' }]);
  });

  it('backs off exponentially, capped at an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 30_000, null))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelay(30, 30_000, null)).toBe(3_600_000);
    expect(retryDelay(1, 30_000, 90_000)).toBe(90_000);
  });
});
