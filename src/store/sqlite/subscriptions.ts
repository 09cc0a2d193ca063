import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Subscription } from '../../model/index.js';
import { int, jsonColumn, parseRow } from './rows.js';

const COLUMNS = 'id, channel, actors, keywords, created_at, digest';

const SubscriptionRow = z.object({
  id: z.string(),
  channel: z.string(),
  actors: jsonColumn(z.array(z.string())),
  keywords: jsonColumn(z.array(z.string())),
  created_at: int,
  digest: z.enum(['hourly', 'daily']).nullable(),
});

function toSubscription(row: unknown): Subscription {
  const r = parseRow(SubscriptionRow, row, 'subscriptions');
  return { id: r.id, channel: r.channel, actors: r.actors, keywords: r.keywords, createdAt: r.created_at, ...(r.digest === null ? {} : { digest: r.digest }) };
}

interface SubscriptionParams {
  id: string;
  channel: string;
  actors: string;
  keywords: string;
  createdAt: number;
  digest: string | null;
}

export function prepareSubscriptions(db: Database.Database) {
  // Adding an id again replaces its filters but keeps its age (and its deliveries).
  const upsert = db.prepare<SubscriptionParams>(`
    INSERT INTO subscriptions (${COLUMNS}) VALUES (@id, @channel, @actors, @keywords, @createdAt, @digest)
    ON CONFLICT (id) DO UPDATE SET
      channel = excluded.channel, actors = excluded.actors, keywords = excluded.keywords, digest = excluded.digest`);
  const deletePending = db.prepare<[string]>(
    "DELETE FROM deliveries WHERE subscription_id = ? AND status = 'pending'",
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM subscriptions WHERE id = ?');
  const all = db.prepare<[]>(`SELECT ${COLUMNS} FROM subscriptions ORDER BY created_at, id`);
  const byChannel = db.prepare<[string]>(
    `SELECT ${COLUMNS} FROM subscriptions WHERE channel = ? ORDER BY created_at, id`,
  );
  // A channel that unsubscribed hears nothing more, even what was queued for it; sent and failed
  // deliveries stay as the record of what happened.
  const remove = db.transaction((id: string): boolean => {
    deletePending.run(id);
    return deleteOne.run(id).changes > 0;
  });

  return {
    addSubscription(subscription: Subscription): void {
      upsert.run({
        id: subscription.id,
        channel: subscription.channel,
        actors: JSON.stringify(subscription.actors),
        keywords: JSON.stringify(subscription.keywords),
        createdAt: subscription.createdAt,
        digest: subscription.digest ?? null,
      });
    },
    removeSubscription(id: string): boolean {
      return remove(id);
    },
    subscriptions(channel?: string): Subscription[] {
      return (channel === undefined ? all.all() : byChannel.all(channel)).map(toSubscription);
    },
  };
}
