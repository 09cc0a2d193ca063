// The delivery loop: queued alerts leave when kicked, not at the next poll; a retry goes out when
// it is due without anyone kicking; stopping still sends what a last poll queued.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError, startDeliveryLoop, type DeliveryLoop, type Sink } from '../../src/deliveries/index.js';
import { silentLogger } from '../../src/log.js';
import type { Alert } from '../../src/model/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { eventually } from '../helpers/eventually.js';

const alert = (key: string): Alert => ({ key, title: key, outlet: null, url: null, published: null, lead: [], actors: [], keywords: [], quotes: [] });

describe('startDeliveryLoop', () => {
  let store: Store;
  let sent: string[];
  let failNext: number;
  let loop: DeliveryLoop | null;
  const sink: Sink = {
    platform: 'slack',
    send: async (_channel, a) => {
      if (failNext > 0) {
        failNext--;
        throw new DeliveryError('HTTP 503', { retryAfterMs: 200 });
      }
      sent.push(a.key);
    },
  };
  const enqueue = (key: string) => store.enqueue([{ subscriptionId: 'sub', channel: 'slack:C1', key, alert: alert(key), nextAttemptAt: Date.now() }]);

  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    await store.addSubscription({ id: 'sub', channel: 'slack:C1', actors: [], keywords: [], createdAt: 0 });
    sent = [];
    failNext = 0;
    loop = null;
  });
  afterEach(async () => {
    await loop?.stop();
    await store.close();
  });

  it('sends as soon as it is kicked, long before its idle check', async () => {
    loop = startDeliveryLoop(store, [sink], Date.now, { maxAttempts: 3, retryBaseMs: 100, idleMs: 60_000 }, silentLogger);
    await enqueue('a');
    const kicked = Date.now();
    loop.kick();
    await eventually(() => sent.includes('a'), 2_000, 'the kicked alert');
    expect(Date.now() - kicked).toBeLessThan(1_000);
  });

  it('retries a failed alert when it is due, with nobody kicking', async () => {
    failNext = 1;
    await enqueue('b');
    loop = startDeliveryLoop(store, [sink], Date.now, { maxAttempts: 3, retryBaseMs: 100, idleMs: 50 }, silentLogger);
    await eventually(() => sent.includes('b'), 3_000, 'the retried alert');
    expect(sent).toEqual(['b']);
  });

  it('still sends what was kicked just before it stopped', async () => {
    loop = startDeliveryLoop(store, [sink], Date.now, { maxAttempts: 3, retryBaseMs: 100, idleMs: 60_000 }, silentLogger);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the loop is asleep
    await enqueue('c');
    loop.kick();
    await loop.stop();
    loop = null;
    expect(sent).toEqual(['c']);
  });
});
