import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Delivery } from '../../../model/index.js';
import { DELIVERY_COLUMNS, DeliveryId, DeliveryRow } from './row.js';

/**
 * Pending deliveries whose time has come, the earliest due first (then the first queued).
 * A row that no longer reads as a delivery is marked failed with the reason rather than
 * returned or thrown: one bad row must not stop the whole outbox.
 */
export function prepareDueDeliveries(db: Database.Database) {
  const due = db.prepare<[number, number]>(`
    SELECT ${DELIVERY_COLUMNS} FROM deliveries
    WHERE status = 'pending' AND next_attempt_at <= ?
    ORDER BY next_attempt_at, id
    LIMIT ?`);
  // The platform is the channel up to its first colon: "slack:C123" → "slack", "console" → "console".
  const dueOn = db.prepare<[number, string, number]>(`
    SELECT ${DELIVERY_COLUMNS} FROM deliveries
    WHERE status = 'pending' AND next_attempt_at <= ?
      AND substr(channel, 1, instr(channel || ':', ':') - 1) IN (SELECT value FROM json_each(?))
    ORDER BY next_attempt_at, id
    LIMIT ?`);
  const giveUp = db.prepare<[string, number]>(
    "UPDATE deliveries SET status = 'failed', last_error = ? WHERE id = ?",
  );

  return function dueDeliveries(now: number, limit: number, platforms?: readonly string[]): Delivery[] {
    const count = Math.floor(limit);
    if (!(count > 0)) return [];
    const deliveries: Delivery[] = [];
    const rows = platforms === undefined ? due.all(now, count) : dueOn.all(now, JSON.stringify(platforms), count);
    for (const row of rows) {
      const parsed = DeliveryRow.safeParse(row);
      if (parsed.success) {
        deliveries.push(parsed.data);
        continue;
      }
      const id = DeliveryId.safeParse(row);
      if (id.success) giveUp.run(`stored delivery is malformed: ${z.prettifyError(parsed.error)}`, id.data.id);
    }
    return deliveries;
  };
}
