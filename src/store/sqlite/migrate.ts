import type Database from 'better-sqlite3';
import { z } from 'zod';
import { migrationFailure, pendingMigrations } from '../migrations.js';
import type { Migration } from './migrations/index.js';

const AppliedRow = z.object({ version: z.number().int() });

/**
 * Applies the migrations the database has not seen, in order, in one IMMEDIATE transaction so
 * two processes starting together cannot both apply one. Returns the versions applied now.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], path: string): number[] {
  const run = db.transaction((): number[] => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    ) STRICT`);
    const rows = db.prepare('SELECT version FROM schema_migrations').all();
    const applied = new Set(rows.map((row) => AppliedRow.parse(row).version));
    const pending = pendingMigrations(migrations, applied, `the database ${path}`);
    const record = db.prepare<[number, string, number]>(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    const done: number[] = [];
    for (const migration of pending) {
      try {
        db.exec(migration.sql);
      } catch (error) {
        throw migrationFailure(`the database ${path}`, migration, error);
      }
      record.run(migration.version, migration.name, Date.now());
      done.push(migration.version);
    }
    return done;
  });
  return run.immediate();
}
