import { z } from 'zod';
import { StatementsError } from '../../../errors.js';
import type { Query } from '../db.js';

const StatusRow = z.object({ status: z.string() });

/**
 * Explains why an update of a pending delivery changed nothing, as the SQLite store does: there
 * is no such delivery, or it is no longer pending (sending or retrying it again could send it twice).
 */
export async function notPending(query: Query, id: number, verb: string): Promise<StatementsError> {
  const { rows } = await query('SELECT status FROM deliveries WHERE id = $1', [id]);
  if (rows.length === 0) {
    return new StatementsError('store', 'STORE_NO_DELIVERY', `cannot ${verb} delivery ${id}: there is no such delivery`);
  }
  return new StatementsError('store', 'STORE_NOT_PENDING', `cannot ${verb} delivery ${id}: it is already ${StatusRow.parse(rows[0]).status}`);
}
