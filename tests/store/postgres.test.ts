import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { StatementsError } from '../../src/errors.js';
import type { Alert } from '../../src/model/index.js';
import { openStore } from '../../src/store/index.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { migrations } from '../../src/store/postgres/migrations/index.js';
import { CHANNEL_LOCK } from '../../src/store/postgres/outbox/claim.js';
import type { NewDelivery, Store } from '../../src/store/types.js';
import { describePostgres, freshSchema, onServer, type FreshDatabase } from '../helpers/postgres.js';
import { describeStoreContract } from './contract.js';

// Every test gets an empty schema of its own, dropped after it.
const schemas: FreshDatabase[] = [];
async function schema(): Promise<FreshDatabase> {
  const fresh = await freshSchema('store');
  schemas.push(fresh);
  return fresh;
}
afterEach(async () => {
  for (const s of schemas.splice(0)) await s.drop();
});

describePostgres('PostgreSQL store', () => {
  describeStoreContract('postgresql', async () => openStore((await schema()).url), { sharedByReplicas: true });

  const T0 = Date.UTC(2024, 5, 1, 12);
  const MINUTE = 60_000;
  const alert = (key: string): Alert => ({ key, title: 'NATO chief speaks', outlet: 'Reuters', url: null, published: T0, lead: [], actors: ['NATO'], keywords: [], quotes: [] });
  const delivery = (key: string, channel: string): NewDelivery => ({ subscriptionId: `sub:${channel}`, channel, key, alert: alert(key), nextAttemptAt: T0 });

  /** Opens `count` stores (each its own pool) on one schema, closes them after `work`. */
  async function replicas<T>(count: number, work: (stores: Store[], url: string) => Promise<T>): Promise<T> {
    const { url } = await schema();
    const stores = await Promise.all(Array.from({ length: count }, () => openStore(url)));
    try {
      return await work(stores, url);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }

  it('numbers its migrations 1, 2, 3… with distinct names', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('migrates once when several stores open the same empty schema at the same time', async () => {
    const { url } = await schema();
    const stores = await Promise.all(Array.from({ length: 6 }, () => openPostgresStore(url)));
    try {
      const Row = z.object({ version: z.number(), n: z.string() });
      const applied = await onServer(url, async (c) => (await c.query('SELECT version, count(*) AS n FROM schema_migrations GROUP BY version ORDER BY version')).rows.map((r: unknown) => Row.parse(r)));
      expect(applied).toEqual(migrations.map((m) => ({ version: m.version, n: '1' })));
      for (const store of stores) await store.ping();
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('refuses a schema written by a newer version', async () => {
    const { url } = await schema();
    await (await openStore(url)).close();
    await onServer(url, (c) => c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 0)"));
    await expect(openStore(url)).rejects.toMatchObject({ module: 'store', code: 'STORE_SCHEMA_NEWER' });
  });

  it('runs story placement one replica at a time: two copies of one story placed at once make one story', async () => {
    await replicas(3, async (stores) => {
      let running = 0;
      let most = 0;
      await Promise.all(
        stores.flatMap((store) =>
          Array.from({ length: 5 }, () =>
            store.serially('story placement', async () => {
              most = Math.max(most, ++running);
              await new Promise((resolve) => setTimeout(resolve, 5));
              running--;
            }),
          ),
        ),
      );
      expect(most).toBe(1);
    });
  });

  it('never hands one delivery to two replicas draining at once, and keeps each channel in order', async () => {
    await replicas(4, async (stores) => {
      const channels = Array.from({ length: 12 }, (_, i) => `discord:g:${i}`);
      for (const channel of channels) await stores[0]!.addSubscription({ id: `sub:${channel}`, channel, actors: [], keywords: [], createdAt: T0 });
      await stores[0]!.enqueue(channels.flatMap((channel) => Array.from({ length: 25 }, (_, i) => delivery(`item-${i}`, channel))));
      const claimedBy = new Map<number, number>();
      const sentInOrder = new Map<string, number[]>();
      // Four drains on a tight loop: claim a few, answer them, again, until nothing is left.
      await Promise.all(
        stores.map(async (store, replica) => {
          for (let idle = 0; idle < 50; ) {
            const batch = await store.claimDeliveries(T0, 7, undefined, 10 * MINUTE);
            if (batch.length === 0) {
              idle++;
              await new Promise((resolve) => setTimeout(resolve, 5));
              continue;
            }
            for (const d of batch) {
              expect(claimedBy.get(d.id), `delivery ${d.id} claimed by two replicas`).toBeUndefined();
              claimedBy.set(d.id, replica);
              sentInOrder.set(d.channel, [...(sentInOrder.get(d.channel) ?? []), d.id]);
              await store.markSent(d.id, T0 + 1, null);
            }
          }
        }),
      );
      expect(claimedBy.size).toBe(channels.length * 25);
      expect(await stores[0]!.outboxSummary(T0 + 1)).toMatchObject({ pending: 0, sent: channels.length * 25 });
      // Each channel's deliveries went out in the order they were queued, whoever sent them.
      for (const ids of sentInOrder.values()) expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(claimedBy.values()).size).toBeGreaterThan(1);
    });
  });

  it('keeps a channel in order across replicas: its next delivery waits until the one being sent is answered', async () => {
    await replicas(2, async ([a, b]) => {
      await a!.addSubscription({ id: 'sub:slack:C1', channel: 'slack:C1', actors: [], keywords: [], createdAt: T0 });
      await a!.enqueue([delivery('first', 'slack:C1')]);
      const [first] = await a!.claimDeliveries(T0, 1, undefined, MINUTE);
      expect(first?.key).toBe('first');
      await a!.enqueue([delivery('second', 'slack:C1')]);
      expect(await b!.claimDeliveries(T0 + 1, 10, undefined, MINUTE)).toEqual([]);
      await a!.markSent(first!.id, T0 + 2, 'ts-1');
      expect((await b!.claimDeliveries(T0 + 3, 10, undefined, MINUTE)).map((d) => d.key)).toEqual(['second']);
    });
  });

  it('leaves a channel another drain is claiming at this very moment to it', async () => {
    const { url } = await schema();
    const store = await openStore(url);
    try {
      for (const channel of ['slack:C1', 'slack:C2']) await store.addSubscription({ id: `sub:${channel}`, channel, actors: [], keywords: [], createdAt: T0 });
      await store.enqueue([delivery('a', 'slack:C1'), delivery('b', 'slack:C2')]);
      // Another drain, mid-claim: it holds slack:C1's lock and has committed nothing yet.
      await onServer(url, async (other) => {
        await other.query('BEGIN');
        const Held = z.object({ held: z.boolean() });
        expect(Held.parse((await other.query(`SELECT ${CHANNEL_LOCK} AS held FROM (VALUES ('slack:C1')) AS c(channel)`)).rows[0]).held).toBe(true);
        expect((await store.claimDeliveries(T0, 10, undefined, MINUTE)).map((d) => d.key)).toEqual(['b']);
        await other.query('ROLLBACK');
      });
      expect((await store.claimDeliveries(T0 + 1, 10, undefined, MINUTE)).map((d) => d.key)).toEqual(['a']);
    } finally {
      await store.close();
    }
  });

  it('gives a delivery whose claim expired to another replica, in doubt', async () => {
    await replicas(2, async ([a, b]) => {
      await a!.addSubscription({ id: 'sub:discord:g:1', channel: 'discord:g:1', actors: [], keywords: [], createdAt: T0 });
      await a!.enqueue([delivery('a', 'discord:g:1')]);
      expect(await a!.claimDeliveries(T0, 10, undefined, MINUTE)).toMatchObject([{ key: 'a', inDoubt: false }]);
      // A shared store releases nothing at start: the claim may be a live replica's.
      expect(await b!.releaseClaims()).toBe(0);
      expect(await b!.claimDeliveries(T0 + MINUTE - 1, 10, undefined, MINUTE)).toEqual([]);
      expect(await b!.claimDeliveries(T0 + MINUTE, 10, undefined, MINUTE)).toMatchObject([{ key: 'a', inDoubt: true }]);
    });
  });

  it('splits feeds between owners claiming at once, and takes over a claim that expired', async () => {
    await replicas(3, async (stores) => {
      const feeds = Array.from({ length: 200 }, (_, i) => `feed-${i}`);
      const claims = await Promise.all(stores.map((s, i) => s.claimFeeds(feeds, `replica-${i}`, T0, MINUTE)));
      const all = claims.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual([...feeds].sort());
      // Nobody gets a feed under a live claim, not even forced.
      expect(await stores[0]!.claimFeeds(feeds, 'late', T0 + MINUTE - 1, MINUTE, true)).toEqual([]);
      // The claims lapse unreleased (their owners died): the feeds go to whoever asks.
      expect((await stores[1]!.claimFeeds(feeds, 'survivor', T0 + MINUTE, MINUTE)).sort()).toEqual([...feeds].sort());
      // The dead owner's late release changes nothing: the survivor holds them.
      await stores[2]!.releaseFeed('feed-0', 'replica-0', null);
      await stores[2]!.releaseFeed('feed-0', 'replica-1', null);
      await stores[2]!.releaseFeed('feed-0', 'replica-2', null);
      expect(await stores[0]!.claimFeeds(['feed-0'], 'late', T0 + MINUTE + 1, MINUTE, true)).toEqual([]);
    });
  });

  it('fails with a store error naming the server, never the URL or its password', async () => {
    const url = 'postgres://bot:s3cret-pa55@127.0.0.1:1/statements';
    const failure = openPostgresStore(url);
    await expect(failure).rejects.toBeInstanceOf(StatementsError);
    await expect(failure).rejects.toMatchObject({ module: 'store', code: 'STORE_OPEN' });
    await expect(failure).rejects.toThrow(/127\.0\.0\.1:1\/statements.*cannot reach PostgreSQL/);
    const error: unknown = await failure.catch((e: unknown) => e);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toMatch(/s3cret-pa55/);
  });

  it('says which database is missing and what to do, without the password', async () => {
    const url = new URL((await schema()).url);
    url.pathname = '/statements_no_such_database';
    url.password = 'hunter2-secret';
    const failure = openPostgresStore(url.toString());
    await expect(failure).rejects.toMatchObject({ module: 'store', code: 'STORE_OPEN' });
    await expect(failure).rejects.toThrow(/does not exist.*create it/);
    await expect(failure).rejects.not.toThrow(/hunter2-secret/);
  });

  it('carries on after the server ends its connections (a restart): at most one operation fails, as a store error', async () => {
    const fresh = await schema();
    const url = new URL(fresh.url);
    const name = `statements-test-${Math.random().toString(36).slice(2)}`;
    url.searchParams.set('application_name', name);
    const store = await openStore(url.toString());
    try {
      await store.ping();
      const Ended = z.object({ ended: z.string() });
      const ended = await onServer(fresh.url, async (c) => Ended.parse((await c.query('SELECT count(pg_terminate_backend(pid)) AS ended FROM pg_stat_activity WHERE application_name = $1', [name])).rows[0]).ended);
      expect(Number(ended)).toBeGreaterThan(0);
      // An operation may meet the dead connection first: it fails as a store error. The pool
      // drops that connection and opens another.
      const first = await store.ping().then(
        () => null,
        (e: unknown) => e,
      );
      if (first !== null) expect(first).toMatchObject({ module: 'store', code: 'STORE_UNREACHABLE' });
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('searches text ignoring case and accents, whatever the database locale', async () => {
    const { url } = await schema();
    const store = await openStore(url);
    try {
      const base = { ordinal: 0, speaker: null, speakerId: null, role: null, kind: 'direct' as const, start: 0, end: 1, cue: null, url: null, outlet: null, published: null, seenAt: T0, title: 't' };
      await store.saveStatements([{ ...base, identity: 'z', quote: 'President ZELENSKIÝ spoke in Kyiv.' }, { ...base, identity: 'o', quote: 'Nothing here.' }]);
      for (const text of ['zelenskiy', 'Zelenskiý', 'ZELENSKIY SPOKE']) expect((await store.queryStatements({ text, limit: 5 })).map((s) => s.identity)).toEqual(['z']);
    } finally {
      await store.close();
    }
  });

  it('keeps text the database cannot hold out of the way: U+0000 is dropped, the rest round-trips', async () => {
    const { url } = await schema();
    const store = await openStore(url);
    try {
      await store.addSubscription({ id: 'sub:console', channel: 'console', actors: [], keywords: [], createdAt: T0 });
      await store.enqueue([{ ...delivery('nul', 'console'), alert: { ...alert('nul'), title: 'A\u0000B' } }]);
      expect((await store.dueDeliveries(T0, 10)).map((d) => d.alert.title)).toEqual(['AB']);
      const base = { ordinal: 0, speaker: null, speakerId: null, role: null, kind: 'direct' as const, start: 0, end: 1, cue: null, url: null, outlet: null, published: null, seenAt: T0 };
      await store.saveStatements([{ ...base, identity: 'x', quote: 'we\u0000will', title: 't' }]);
      expect((await store.queryStatements({ limit: 5 })).map((s) => s.quote)).toEqual(['wewill']);
    } finally {
      await store.close();
    }
  });
});
