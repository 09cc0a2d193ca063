/**
 * What both engines' migrate() decide alike: which migrations a database still needs (refusing a
 * database newer than this version), and how a failed one is reported. Each engine runs them in
 * its own transaction.
 */
import { StatementsError } from '../errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations not applied yet, in order; `where` names the database ("the database data/x.db"). */
export function pendingMigrations(migrations: readonly Migration[], applied: ReadonlySet<number>, where: string): Migration[] {
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = Math.max(0, ...applied);
  if (newest > known) {
    throw new StatementsError(
      'store',
      'STORE_SCHEMA_NEWER',
      `${where} has schema version ${newest}, newer than this version of statements knows (${known}); upgrade statements or use another DATABASE_URL`,
    );
  }
  return migrations.filter((m) => !applied.has(m.version));
}

export function migrationFailure(where: string, migration: Migration, error: unknown): StatementsError {
  return new StatementsError(
    'store',
    'STORE_MIGRATE',
    `could not bring ${where} to schema version ${migration.version} (${migration.name}): ${error instanceof Error ? error.message : String(error)}; nothing was changed`,
    { cause: error },
  );
}
