import { z } from 'zod';
import { migrationFailure, pendingMigrations } from '../migrations.js';
import type { Db } from './db.js';
import type { Migration } from './migrations/index.js';
import { int, parseRow } from './rows.js';

const AppliedRow = z.object({ version: int });

/** One key for every schema of the database: CREATE EXTENSION is database-wide, so migrations of two schemas must not race either. */
const MIGRATION_LOCK = "hashtext('statements: migrations')";

/**
 * Applies the migrations the schema has not seen, in order, in one transaction that first takes
 * a transaction-level advisory lock: replicas starting together queue on it, and each after the
 * first finds the work done. Nothing is applied unless all is. Returns the versions applied now.
 */
export async function migrate(db: Db, migrations: readonly Migration[], server: string): Promise<number[]> {
  return db.tx(async (query) => {
    await query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at bigint NOT NULL
    )`);
    const { rows } = await query('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => parseRow(AppliedRow, row, 'schema_migrations').version));
    const where = `the PostgreSQL database at ${server}`;
    const pending = pendingMigrations(migrations, applied, where);
    const done: number[] = [];
    for (const migration of pending) {
      try {
        await query(migration.sql);
      } catch (error) {
        throw migrationFailure(where, migration, error);
      }
      await query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
      done.push(migration.version);
    }
    return done;
  });
}
