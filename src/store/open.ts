import { StatementsError } from '../errors.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './types.js';

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/**
 * Opens the store a location names: `postgres://…` selects PostgreSQL, anything else is a SQLite
 * file path (or `:memory:`), as DATABASE_URL is read.
 */
export function openStore(location: string): Promise<Store> {
  if (POSTGRES_URL.test(location)) {
    // The URL is not echoed: it usually carries a password.
    return Promise.reject(
      new StatementsError(
        'store',
        'STORE_ENGINE',
        'DATABASE_URL names a PostgreSQL database, which this version cannot use yet; unset DATABASE_URL to use the SQLite file data/statements.db, or set it to a file path',
      ),
    );
  }
  return openSqliteStore(location);
}
