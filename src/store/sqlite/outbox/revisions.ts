import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Revision } from '../../../model/index.js';
import { REVISION_COLUMNS, revisionFor, revisionRow, storyDeliveryRow } from '../../columns.js';
import type { RevisionOutcome } from '../../types.js';
import { CODECS, int } from '../rows.js';
import { ON_PLATFORMS } from './due-deliveries.js';
import { prepareNotPending } from './not-pending.js';

const StoryRow = storyDeliveryRow(CODECS);
const RevisionRow = revisionRow(CODECS);
const RowId = z.object({ id: int });

interface ClaimParams {
  now: number;
  limit: number;
  platforms: string;
}

/**
 * Stories that gain outlets: their alerts list them. Not sent yet, an alert is simply revised; a
 * message already out (or going out right now, with the alert as it was) is owed an edit, which
 * drains claim and finish like deliveries, one version at a time.
 */
export function prepareRevisions(db: Database.Database) {
  const ofStory = db.prepare<[string]>(`
    SELECT id, status, message_ref, digest, claimed_until, json_extract(alert, '$.outlet') AS outlet, json_extract(alert, '$.alsoReportedBy') AS also
    FROM deliveries WHERE key = ? AND status IN ('pending', 'sent')`);
  const revise = db.prepare<{ id: number; also: string }>(`UPDATE deliveries SET alert = json_set(alert, '$.alsoReportedBy', json(@also)) WHERE id = @id`);
  const owe = db.prepare<{ id: number; also: string; now: number }>(`
    UPDATE deliveries SET alert = json_set(alert, '$.alsoReportedBy', json(@also)),
      revision_version = revision_version + 1, revision_due_at = @now, revision_attempts = 0, revision_error = NULL
    WHERE id = @id`);
  const reviseAll = db.transaction((key: string, carriers: readonly string[], now: number): number => {
    let changed = 0;
    for (const raw of ofStory.all(key)) {
      const parsed = StoryRow.safeParse(raw);
      if (!parsed.success) continue; // a malformed alert is given up by the drain, not revised
      const revision = revisionFor(parsed.data, carriers);
      if (revision === null) continue;
      const also = JSON.stringify(revision.also);
      if (revision.owe) owe.run({ id: parsed.data.id, also, now });
      else revise.run({ id: parsed.data.id, also });
      changed++;
    }
    return changed;
  });

  // "+status": the planner must take the small partial index of owed revisions, not every sent delivery.
  const due = `revision_due_at <= @now AND +status = 'sent' AND message_ref IS NOT NULL AND (revision_claimed_until IS NULL OR revision_claimed_until <= @now)`;
  const select = (where: string) =>
    db.prepare<ClaimParams>(`SELECT ${REVISION_COLUMNS} FROM deliveries WHERE ${where} ORDER BY revision_due_at, id LIMIT @limit`);
  const dueAll = select(due);
  const dueOn = select(`${due} AND ${ON_PLATFORMS}`);
  const claim = db.prepare<{ id: number; until: number }>('UPDATE deliveries SET revision_claimed_until = @until WHERE id = @id');
  const drop = db.prepare<{ id: number; error: string }>('UPDATE deliveries SET revision_due_at = NULL, revision_error = @error WHERE id = @id');
  const claimAll = db.transaction((now: number, limit: number, platforms: readonly string[] | undefined, leaseMs: number): Revision[] => {
    const count = Math.floor(limit);
    if (!(count > 0)) return [];
    const params: ClaimParams = { now, limit: count, platforms: JSON.stringify(platforms ?? []) };
    const out: Revision[] = [];
    for (const row of (platforms === undefined ? dueAll : dueOn).all(params)) {
      const parsed = RevisionRow.safeParse(row);
      if (parsed.success) {
        claim.run({ id: parsed.data.deliveryId, until: now + leaseMs });
        out.push(parsed.data);
        continue;
      }
      // One unreadable row must not stop every edit: its revision is dropped with the reason.
      const id = RowId.safeParse(row);
      if (id.success) drop.run({ id: id.data.id, error: `stored alert is malformed: ${z.prettifyError(parsed.error)}` });
    }
    return out;
  });

  // An attempt at an older version than the one owed changes nothing but its claim: the newer
  // revision stays due as it was asked.
  const finish = db.prepare<{ id: number; version: number; error: string | null; next: number | null }>(`
    UPDATE deliveries SET
      revision_claimed_until = NULL,
      revision_due_at = CASE WHEN revision_version <> @version THEN revision_due_at WHEN @error IS NULL THEN NULL ELSE @next END,
      revision_attempts = CASE WHEN revision_version <> @version THEN revision_attempts WHEN @error IS NULL THEN 0 ELSE revision_attempts + 1 END,
      revision_error = CASE WHEN revision_version <> @version THEN revision_error ELSE @error END
    WHERE id = @id`);
  const notPending = prepareNotPending(db);

  return {
    reviseAlerts: (key: string, outlets: readonly string[], now: number): number => reviseAll(key, outlets, now),
    claimRevisions: (now: number, limit: number, platforms: readonly string[] | undefined, leaseMs: number): Revision[] => claimAll(now, limit, platforms, leaseMs),
    finishRevision(deliveryId: number, version: number, outcome: RevisionOutcome): void {
      const params = { id: deliveryId, version, error: outcome.error, next: outcome.error === null ? null : outcome.nextAttemptAt };
      if (finish.run(params).changes === 0) throw notPending(deliveryId, 'finish the revision of');
    },
  };
}
