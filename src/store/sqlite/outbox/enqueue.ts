import type Database from 'better-sqlite3';
import { z } from 'zod';
import { StatementsError } from '../../../errors.js';
import { AlertSchema } from '../../alert.js';
import type { NewDelivery } from '../../types.js';

interface EnqueueParams {
  subscriptionId: string;
  channel: string;
  key: string;
  alert: string;
  nextAttemptAt: number;
  createdAt: number;
  digest: string | null;
}

/**
 * Writes deliveries that are not there yet, all or none. The unique (subscription, key) pair is
 * what keeps a restart or a second poll from sending an alert twice.
 */
export function prepareEnqueue(db: Database.Database, now: () => number) {
  const insert = db.prepare<EnqueueParams>(`
    INSERT INTO deliveries (subscription_id, channel, key, alert, status, attempts, next_attempt_at, created_at, digest)
    VALUES (@subscriptionId, @channel, @key, @alert, 'pending', 0, @nextAttemptAt, @createdAt, @digest)
    ON CONFLICT (subscription_id, key) DO NOTHING`);
  const insertAll = db.transaction((rows: EnqueueParams[]): number =>
    rows.reduce((count, row) => count + insert.run(row).changes, 0),
  );

  return function enqueue(deliveries: NewDelivery[]): number {
    const createdAt = now();
    // Checked before anything is written: an alert that cannot be read back must not be queued.
    const rows = deliveries.map((d): EnqueueParams => {
      const alert = AlertSchema.safeParse(d.alert);
      if (!alert.success) {
        throw new StatementsError(
          'store',
          'STORE_BAD_ALERT',
          `the alert ${d.key} for subscription ${d.subscriptionId} is malformed (${z.prettifyError(alert.error)}); nothing was queued`,
          { cause: alert.error },
        );
      }
      return { subscriptionId: d.subscriptionId, channel: d.channel, key: d.key, nextAttemptAt: d.nextAttemptAt, alert: JSON.stringify(alert.data), createdAt, digest: d.digest ?? null };
    });
    return insertAll(rows);
  };
}
