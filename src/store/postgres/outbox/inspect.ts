import { z } from 'zod';
import type { Delivery } from '../../../model/index.js';
import type { OutboxSummary } from '../../types.js';
import type { Db } from '../db.js';
import { int, parseRow } from '../rows.js';
import { DELIVERY_COLUMNS, DeliveryRow } from './row.js';

const Count = z.object({ status: z.string(), n: int, doubt: int, claimed: int });

/** What operators ask of the outbox: how much waits, what failed and why, and a second chance. */
export function inspectionOver(db: Db) {
  return {
    async outboxSummary(now: number): Promise<OutboxSummary> {
      const { rows } = await db.query(
        `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE in_doubt)::int AS doubt,
          count(*) FILTER (WHERE claimed_until > $1)::int AS claimed
        FROM deliveries GROUP BY status`,
        [now],
      );
      const summary: OutboxSummary = { pending: 0, sending: 0, sent: 0, failed: 0, inDoubt: 0 };
      for (const row of rows.map((r) => parseRow(Count, r, 'deliveries'))) {
        if (row.status === 'pending' || row.status === 'sent' || row.status === 'failed') summary[row.status] = row.n;
        if (row.status === 'pending') {
          summary.sending = row.claimed;
          summary.inDoubt = row.doubt;
        }
      }
      return summary;
    },
    async failedDeliveries(limit: number): Promise<Delivery[]> {
      const { rows } = await db.query(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE status = 'failed' ORDER BY id DESC LIMIT $1`, [Math.max(0, Math.floor(limit))]);
      return rows.flatMap((row) => {
        const parsed = DeliveryRow.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async retryFailed(ids: readonly number[] | 'all', now: number): Promise<number> {
      const retry = "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = $1, claimed_until = NULL WHERE status = 'failed'";
      const { rowCount } = ids === 'all' ? await db.query(retry, [now]) : await db.query(`${retry} AND id = ANY ($2::bigint[])`, [now, ids]);
      return rowCount;
    },
  };
}
