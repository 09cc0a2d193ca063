/**
 * Stories that gain outlets: their alerts list them, with the SQLite store's meaning
 * (sqlite/outbox/revisions.ts). Not sent yet, an alert is simply revised; a message already out
 * (or going out right now, with the alert as it was) is owed an edit, which drains claim
 * (`FOR UPDATE SKIP LOCKED`, leased) and finish like deliveries, one version at a time.
 */
import { z } from 'zod';
import type { Revision } from '../../../model/index.js';
import { REVISION_COLUMNS, revisionFor, revisionRow, storyDeliveryRow } from '../../columns.js';
import type { RevisionOutcome } from '../../types.js';
import { jsonText, type Db } from '../db.js';
import { CODECS, parseRow } from '../rows.js';
import { DeliveryId, onPlatforms } from './row.js';
import { notPending } from './not-pending.js';

const StoryRow = storyDeliveryRow(CODECS);
const RevisionRow = revisionRow(CODECS);

const DUE = "d.revision_due_at <= $1 AND d.status = 'sent' AND d.message_ref IS NOT NULL AND (d.revision_claimed_until IS NULL OR d.revision_claimed_until <= $1)";

export function revisionsOver(db: Db) {
  return {
    async reviseAlerts(key: string, carriers: readonly string[], now: number): Promise<number> {
      return db.tx(async (query) => {
        // Locked in id order, so two revisions of one story wait for each other instead of deadlocking.
        const { rows } = await query(
          `SELECT id, status, message_ref, digest, claimed_until, alert->>'outlet' AS outlet, alert->'alsoReportedBy' AS also
          FROM deliveries WHERE key = $1 AND status IN ('pending', 'sent') ORDER BY id FOR UPDATE`,
          [key],
        );
        let changed = 0;
        for (const raw of rows) {
          const parsed = StoryRow.safeParse(raw);
          if (!parsed.success) continue; // a malformed alert is given up by the drain, not revised
          const revision = revisionFor(parsed.data, carriers);
          if (revision === null) continue;
          const { id } = parsed.data;
          const owe = revision.owe ? ', revision_version = revision_version + 1, revision_due_at = $3, revision_attempts = 0, revision_error = NULL' : '';
          await query(`UPDATE deliveries SET alert = jsonb_set(alert, '{alsoReportedBy}', $2::jsonb)${owe} WHERE id = $1`, revision.owe ? [id, jsonText(revision.also), now] : [id, jsonText(revision.also)]);
          changed++;
        }
        return changed;
      });
    },

    async claimRevisions(now: number, limit: number, platforms: readonly string[] | undefined, leaseMs: number): Promise<Revision[]> {
      const count = Math.floor(limit);
      if (!(count > 0) || platforms?.length === 0) return [];
      return db.tx(async (query) => {
        const { rows } = await query(
          `SELECT ${REVISION_COLUMNS} FROM deliveries d
          WHERE ${DUE} AND ${onPlatforms(3)} ORDER BY revision_due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [now, count, platforms ?? null],
        );
        const out: Revision[] = [];
        for (const row of rows) {
          const parsed = RevisionRow.safeParse(row);
          if (parsed.success) {
            out.push(parsed.data);
            continue;
          }
          // One unreadable row must not stop every edit: its revision is dropped with the reason.
          const { id } = parseRow(DeliveryId, row, 'deliveries');
          await query('UPDATE deliveries SET revision_due_at = NULL, revision_error = $2 WHERE id = $1', [id, `stored alert is malformed: ${z.prettifyError(parsed.error)}`]);
        }
        if (out.length > 0) await query('UPDATE deliveries SET revision_claimed_until = $2 WHERE id = ANY ($1::bigint[])', [out.map((r) => r.deliveryId), now + leaseMs]);
        return out;
      });
    },

    /**
     * An attempt at an older version than the one owed changes nothing but its claim: the newer
     * revision stays due as it was asked.
     */
    async finishRevision(deliveryId: number, version: number, outcome: RevisionOutcome): Promise<void> {
      const next = outcome.error === null ? null : outcome.nextAttemptAt;
      const { rowCount } = await db.query(
        `UPDATE deliveries SET
          revision_claimed_until = NULL,
          revision_due_at = CASE WHEN revision_version <> $2 THEN revision_due_at WHEN $3::text IS NULL THEN NULL ELSE $4::bigint END,
          revision_attempts = CASE WHEN revision_version <> $2 THEN revision_attempts WHEN $3::text IS NULL THEN 0 ELSE revision_attempts + 1 END,
          revision_error = CASE WHEN revision_version <> $2 THEN revision_error ELSE $3::text END
        WHERE id = $1`,
        [deliveryId, version, outcome.error, next],
      );
      if (rowCount === 0) throw await notPending(db.query, deliveryId, 'finish the revision of');
    },
  };
}
