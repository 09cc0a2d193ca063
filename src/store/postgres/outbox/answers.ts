/**
 * The platform's answer to a send ends the claim: sent (with the message's id, to edit it later),
 * failed (retry at a time, or give up), or postponed (a rate limit, no attempt counted). Only a
 * pending delivery can be answered; anything else is an error that says why.
 */
import type { Db } from '../db.js';
import { notPending } from './not-pending.js';

export function answersOver(db: Db) {
  async function update(verb: string, id: number, sql: string, params: unknown[]): Promise<void> {
    if ((await db.query(sql, [id, ...params])).rowCount === 0) throw await notPending(db.query, id, verb);
  }
  return {
    /** A revision asked for while it was being sent stays owed when the message can be edited, and is dropped when it cannot. */
    markSent: (id: number, at: number, ref: string | null): Promise<void> =>
      update(
        'mark as sent',
        id,
        `UPDATE deliveries SET status = 'sent', sent_at = $2, claimed_until = NULL, message_ref = $3::text,
          revision_due_at = CASE WHEN $3::text IS NULL THEN NULL ELSE revision_due_at END
        WHERE id = $1 AND status = 'pending'`,
        [at, ref],
      ),
    markFailed: (id: number, error: string, next: number | null): Promise<void> =>
      update(
        'record a failed attempt of',
        id,
        `UPDATE deliveries SET attempts = attempts + 1, last_error = $2,
          status = CASE WHEN $3::bigint IS NULL THEN 'failed' ELSE 'pending' END,
          next_attempt_at = COALESCE($3::bigint, next_attempt_at), claimed_until = NULL
        WHERE id = $1 AND status = 'pending'`,
        [error, next],
      ),
    /** The platform asked us to wait, which says nothing about the alert: no attempt is counted. */
    postpone: (id: number, reason: string, until: number): Promise<void> =>
      update('postpone', id, "UPDATE deliveries SET last_error = $2, next_attempt_at = $3, claimed_until = NULL WHERE id = $1 AND status = 'pending'", [reason, until]),
  };
}
