import { openPostgresStore } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './types.js';

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/**
 * Opens the store a location names, as DATABASE_URL is read: `postgres://…` or `postgresql://…`
 * selects PostgreSQL (replicas may share it), anything else is a SQLite file path (or `:memory:`).
 */
export function openStore(location: string): Promise<Store> {
  return POSTGRES_URL.test(location) ? openPostgresStore(location) : openSqliteStore(location);
}
