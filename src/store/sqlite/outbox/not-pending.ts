import type Database from 'better-sqlite3';
import { z } from 'zod';
import { StatementsError } from '../../../errors.js';

const StatusRow = z.object({ status: z.string() });

/**
 * Explains why an update of a pending delivery changed nothing: there is no such delivery, or it
 * is no longer pending (sending or retrying it again could send it twice).
 */
export function prepareNotPending(db: Database.Database) {
  const status = db.prepare<[number]>('SELECT status FROM deliveries WHERE id = ?');
  return function notPending(id: number, verb: string): StatementsError {
    const row = status.get(id);
    if (row === undefined) {
      return new StatementsError('store', 'STORE_NO_DELIVERY', `cannot ${verb} delivery ${id}: there is no such delivery`);
    }
    const current = StatusRow.parse(row).status;
    return new StatementsError(
      'store',
      'STORE_NOT_PENDING',
      `cannot ${verb} delivery ${id}: it is already ${current}`,
    );
  };
}
