import type Database from 'better-sqlite3';
import { prepareNotPending } from './not-pending.js';

interface FailParams {
  id: number;
  error: string;
  next: number | null;
}

/**
 * Records a failed attempt: with a next time the delivery waits until then, without one it is
 * given up (status failed). The retry policy itself belongs to the caller.
 */
export function prepareMarkFailed(db: Database.Database) {
  const update = db.prepare<FailParams>(`
    UPDATE deliveries SET
      attempts = attempts + 1,
      last_error = @error,
      status = CASE WHEN @next IS NULL THEN 'failed' ELSE 'pending' END,
      next_attempt_at = COALESCE(@next, next_attempt_at),
      claimed_until = NULL
    WHERE id = @id AND status = 'pending'`);
  const notPending = prepareNotPending(db);
  return function markFailed(id: number, error: string, next: number | null): void {
    if (update.run({ id, error, next }).changes === 0) throw notPending(id, 'record a failed attempt of');
  };
}
