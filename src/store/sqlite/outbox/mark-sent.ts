import type Database from 'better-sqlite3';
import { prepareNotPending } from './not-pending.js';

interface SentParams {
  id: number;
  at: number;
  ref: string | null;
}

/**
 * Records that the platform accepted the delivery, with the id of its message when the platform
 * gave one (to edit it later); only a pending delivery can be sent. A revision asked for while it
 * was being sent stays owed when the message can be edited, and is dropped when it cannot.
 */
export function prepareMarkSent(db: Database.Database) {
  const update = db.prepare<SentParams>(`
    UPDATE deliveries SET status = 'sent', sent_at = @at, claimed_until = NULL, message_ref = @ref,
      revision_due_at = CASE WHEN @ref IS NULL THEN NULL ELSE revision_due_at END
    WHERE id = @id AND status = 'pending'`);
  const notPending = prepareNotPending(db);
  return function markSent(id: number, at: number, ref: string | null): void {
    if (update.run({ id, at, ref }).changes === 0) throw notPending(id, 'mark as sent');
  };
}
