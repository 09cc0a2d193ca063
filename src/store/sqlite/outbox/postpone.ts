import type Database from 'better-sqlite3';
import { prepareNotPending } from './not-pending.js';

/**
 * Moves a pending delivery to a later time without counting an attempt: the platform asked us to
 * wait (a rate limit), which says nothing about the alert, so it must not bring it closer to
 * being given up.
 */
export function preparePostpone(db: Database.Database) {
  const update = db.prepare<[string, number, number]>(
    "UPDATE deliveries SET last_error = ?, next_attempt_at = ?, claimed_until = NULL WHERE id = ? AND status = 'pending'",
  );
  const notPending = prepareNotPending(db);
  return function postpone(id: number, reason: string, until: number): void {
    if (update.run(reason, until, id).changes === 0) throw notPending(id, 'postpone');
  };
}
