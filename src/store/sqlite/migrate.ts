import type Database from 'better-sqlite3';
import { z } from 'zod';
import { StatementsError } from '../../errors.js';
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
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...applied);
    if (newest > known) {
      throw new StatementsError(
        'store',
        'STORE_SCHEMA_NEWER',
        `the database ${path} has schema version ${newest}, newer than this version of statements knows (${known}); upgrade statements or use another DATABASE_URL`,
      );
    }
    const record = db.prepare<[number, string, number]>(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      try {
        db.exec(migration.sql);
      } catch (error) {
        throw new StatementsError(
          'store',
          'STORE_MIGRATE',
          `could not bring the database ${path} to schema version ${migration.version} (${migration.name}): ${error instanceof Error ? error.message : String(error)}; nothing was changed`,
          { cause: error },
        );
      }
      record.run(migration.version, migration.name, Date.now());
      done.push(migration.version);
    }
    return done;
  });
  return run.immediate();
}
