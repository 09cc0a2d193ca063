import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Delivery } from '../../../model/index.js';
import { DELIVERY_COLUMNS, DeliveryId, DeliveryRow } from './row.js';

// Due: pending, its time come, and not claimed by a send in progress (or its claim expired).
const DUE = `status = 'pending' AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until <= @now)`;
// The platform is the channel up to its first colon: "slack:T1:C1" → "slack", "console" → "console".
export const ON_PLATFORMS = `substr(channel, 1, instr(channel || ':', ':') - 1) IN (SELECT value FROM json_each(@platforms))`;

interface DueParams {
  now: number;
  limit: number;
  platforms: string;
}

/**
 * Pending deliveries whose time has come, the earliest due first (then the first queued), and
 * claiming them. A row that no longer reads as a delivery is marked failed with the reason rather
 * than returned or thrown: one bad row must not stop the whole outbox.
 */
export function prepareDueDeliveries(db: Database.Database) {
  const select = (where: string) => db.prepare<DueParams>(`SELECT ${DELIVERY_COLUMNS}, claimed_until FROM deliveries WHERE ${where} ORDER BY next_attempt_at, id LIMIT @limit`);
  const due = select(DUE);
  const dueOn = select(`${DUE} AND ${ON_PLATFORMS}`);
  const giveUp = db.prepare<[string, number]>("UPDATE deliveries SET status = 'failed', last_error = ?, claimed_until = NULL WHERE id = ?");
  // An expired claim means a send that never answered: the platform may have the message. A
  // revision asked for during an earlier attempt is moot (this send carries the alert as it is
  // now) unless that attempt may have posted the older alert (in doubt): then it stays owed.
  const claim = db.prepare<{ id: number; until: number }>(`UPDATE deliveries SET claimed_until = @until, in_doubt = in_doubt | (claimed_until IS NOT NULL),
    revision_due_at = CASE WHEN claimed_until IS NULL AND in_doubt = 0 THEN NULL ELSE revision_due_at END WHERE id = @id`);
  const Claimed = z.object({ claimed_until: z.number().int().nullable() });

  function read(now: number, limit: number, platforms: readonly string[] | undefined): { delivery: Delivery; claimed: boolean }[] {
    const count = Math.floor(limit);
    if (!(count > 0)) return [];
    const params: DueParams = { now, limit: count, platforms: JSON.stringify(platforms ?? []) };
    const rows = platforms === undefined ? due.all(params) : dueOn.all(params);
    const out: { delivery: Delivery; claimed: boolean }[] = [];
    for (const row of rows) {
      const parsed = DeliveryRow.safeParse(row);
      if (parsed.success) {
        out.push({ delivery: parsed.data, claimed: Claimed.parse(row).claimed_until !== null });
        continue;
      }
      const id = DeliveryId.safeParse(row);
      if (id.success) giveUp.run(`stored delivery is malformed: ${z.prettifyError(parsed.error)}`, id.data.id);
    }
    return out;
  }

  const claimAll = db.transaction((now: number, limit: number, platforms: readonly string[] | undefined, leaseMs: number): Delivery[] =>
    read(now, limit, platforms).map(({ delivery, claimed }) => {
      claim.run({ id: delivery.id, until: now + leaseMs });
      return claimed ? { ...delivery, inDoubt: true } : delivery;
    }),
  );

  return {
    dueDeliveries(now: number, limit: number, platforms?: readonly string[]): Delivery[] {
      return read(now, limit, platforms).map(({ delivery }) => delivery);
    },
    /** The due deliveries, claimed until `now + leaseMs` in one transaction: no two drains take one. */
    claimDeliveries(now: number, limit: number, platforms: readonly string[] | undefined, leaseMs: number): Delivery[] {
      return claimAll(now, limit, platforms, leaseMs);
    },
  };
}
