import { z } from 'zod';
import type { Subscription } from '../../model/index.js';
import type { Db } from './db.js';
import { int8, parseRow, textArray } from './rows.js';

const COLUMNS = 'id, channel, actors, keywords, created_at, digest';

const SubscriptionRow = z
  .object({ id: z.string(), channel: z.string(), actors: textArray, keywords: textArray, created_at: int8, digest: z.enum(['hourly', 'daily']).nullable() })
  .transform((r): Subscription => ({ id: r.id, channel: r.channel, actors: r.actors, keywords: r.keywords, createdAt: r.created_at, ...(r.digest === null ? {} : { digest: r.digest }) }));

const toSubscription = (row: unknown): Subscription => parseRow(SubscriptionRow, row, 'subscriptions');

export function subscriptionsOver(db: Db) {
  return {
    async addSubscription(s: Subscription): Promise<void> {
      // Adding an id again replaces its filters but keeps its age (and its deliveries).
      await db.query(
        `INSERT INTO subscriptions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (id) DO UPDATE SET channel = excluded.channel, actors = excluded.actors, keywords = excluded.keywords, digest = excluded.digest`,
        [s.id, s.channel, s.actors, s.keywords, s.createdAt, s.digest ?? null],
      );
    },
    /**
     * A channel that unsubscribed hears nothing more, even what was queued for it; sent and
     * failed deliveries stay as the record of what happened.
     */
    async removeSubscription(id: string): Promise<boolean> {
      return db.tx(async (query) => {
        await query("DELETE FROM deliveries WHERE subscription_id = $1 AND status = 'pending'", [id]);
        return (await query('DELETE FROM subscriptions WHERE id = $1', [id])).rowCount > 0;
      });
    },
    async subscriptions(channel?: string): Promise<Subscription[]> {
      const { rows } =
        channel === undefined
          ? await db.query(`SELECT ${COLUMNS} FROM subscriptions ORDER BY created_at, id`)
          : await db.query(`SELECT ${COLUMNS} FROM subscriptions WHERE channel = $1 ORDER BY created_at, id`, [channel]);
      return rows.map(toSubscription);
    },
  };
}
