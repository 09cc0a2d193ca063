import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Delivery } from '../../../model/index.js';
import type { OutboxSummary } from '../../types.js';
import { DELIVERY_COLUMNS, DeliveryRow } from './row.js';

const Count = z.object({ status: z.string(), n: z.number().int(), doubt: z.number().int().nullable(), claimed: z.number().int().nullable() });

/** What operators ask of the outbox: how much waits, what failed and why, and a second chance. */
export function prepareOutboxInspection(db: Database.Database) {
  const counts = db.prepare<[number]>(`SELECT status, count(*) AS n, sum(in_doubt) AS doubt, sum(claimed_until IS NOT NULL AND claimed_until > ?) AS claimed FROM deliveries GROUP BY status`);
  const failed = db.prepare<[number]>(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE status = 'failed' ORDER BY id DESC LIMIT ?`);
  const retryOne = db.prepare<{ id: number; now: number }>(`UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = @now, claimed_until = NULL WHERE status = 'failed' AND id = @id`);
  const retryAll = db.prepare<{ now: number }>(`UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = @now, claimed_until = NULL WHERE status = 'failed'`);
  const release = db.prepare(`UPDATE deliveries SET claimed_until = NULL, in_doubt = 1 WHERE status = 'pending' AND claimed_until IS NOT NULL`);
  // Edits in flight are released too (not counted): an edit done twice shows the same message.
  // Feeds being polled too: their due time stays, so they are polled when due, not a lease later.
  const releaseFeeds = db.prepare('UPDATE feed_claims SET claimed_until = NULL WHERE claimed_until IS NOT NULL');
  const releaseEdits = db.prepare(`UPDATE deliveries SET revision_claimed_until = NULL WHERE revision_claimed_until IS NOT NULL AND revision_due_at IS NOT NULL`);

  return {
    outboxSummary(now: number): OutboxSummary {
      const summary: OutboxSummary = { pending: 0, sending: 0, sent: 0, failed: 0, inDoubt: 0 };
      for (const row of counts.all(now).map((r) => Count.parse(r))) {
        if (row.status === 'pending' || row.status === 'sent' || row.status === 'failed') summary[row.status] = row.n;
        if (row.status === 'pending') {
          summary.sending = row.claimed ?? 0;
          summary.inDoubt = row.doubt ?? 0;
        }
      }
      return summary;
    },
    failedDeliveries(limit: number): Delivery[] {
      return failed.all(Math.max(0, Math.floor(limit))).flatMap((row) => {
        const parsed = DeliveryRow.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
    },
    retryFailed(ids: readonly number[] | 'all', now: number): number {
      if (ids === 'all') return retryAll.run({ now }).changes;
      return db.transaction(() => ids.reduce((n, id) => n + retryOne.run({ id, now }).changes, 0))();
    },
    releaseClaims(): number {
      releaseEdits.run();
      releaseFeeds.run();
      return release.run().changes;
    },
  };
}
