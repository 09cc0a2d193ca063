import type Database from 'better-sqlite3';
import { prepareNotPending } from './not-pending.js';

/** Records that the platform accepted the delivery; only a pending delivery can be sent. */
export function prepareMarkSent(db: Database.Database) {
  const update = db.prepare<[number, number]>(
    "UPDATE deliveries SET status = 'sent', sent_at = ?, claimed_until = NULL WHERE id = ? AND status = 'pending'",
  );
  const notPending = prepareNotPending(db);
  return function markSent(id: number, at: number, _ref: string | null): void {
    if (update.run(at, id).changes === 0) throw notPending(id, 'mark as sent');
  };
}
