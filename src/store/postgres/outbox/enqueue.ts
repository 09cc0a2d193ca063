import { z } from 'zod';
import { StatementsError } from '../../../errors.js';
import { AlertSchema } from '../../alert.js';
import type { NewDelivery } from '../../types.js';
import { jsonText, type Db } from '../db.js';

/**
 * Writes deliveries that are not there yet, all or none, in one statement. The unique
 * (subscription, key) pair is what keeps a restart, a second poll or a second replica from
 * sending an alert twice.
 */
export function enqueueOver(db: Db, now: () => number) {
  return async function enqueue(deliveries: NewDelivery[]): Promise<number> {
    // Checked before anything is written: an alert that cannot be read back must not be queued.
    const alerts = deliveries.map((d) => {
      const alert = AlertSchema.safeParse(d.alert);
      if (alert.success) return jsonText(alert.data);
      throw new StatementsError(
        'store',
        'STORE_BAD_ALERT',
        `the alert ${d.key} for subscription ${d.subscriptionId} is malformed (${z.prettifyError(alert.error)}); nothing was queued`,
        { cause: alert.error },
      );
    });
    if (deliveries.length === 0) return 0;
    // In array order, so ids (which break ties in due order) follow the order given.
    const { rowCount } = await db.query(
      `INSERT INTO deliveries (subscription_id, channel, key, alert, next_attempt_at, created_at, digest)
      SELECT s, c, k, a::jsonb, n, $6, d FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $7::text[]) WITH ORDINALITY AS t(s, c, k, a, n, d, i)
      ORDER BY i
      ON CONFLICT (subscription_id, key) DO NOTHING`,
      [deliveries.map((d) => d.subscriptionId), deliveries.map((d) => d.channel), deliveries.map((d) => d.key), alerts, deliveries.map((d) => d.nextAttemptAt), now(), deliveries.map((d) => d.digest ?? null)],
    );
    return rowCount;
  };
}
