/**
 * Turns SQLite and file-system failures into StatementsErrors whose sentence says what to do.
 * better-sqlite3 reports extended result codes (SQLITE_IOERR_WRITE), so codes match by prefix.
 */
import Database from 'better-sqlite3';
import { StatementsError } from '../../errors.js';

function codeOf(error: unknown): string | null {
  if (error instanceof Database.SqliteError) return error.code;
  // Node's file-system errors (mkdir of the parent directory) carry codes such as EACCES.
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return null;
}

interface Diagnosis {
  code: string;
  advice: string;
}

function diagnose(error: unknown, path: string): Diagnosis {
  const code = codeOf(error) ?? '';
  const is = (...prefixes: string[]) => prefixes.some((p) => code === p || code.startsWith(`${p}_`));
  if (is('SQLITE_NOTADB', 'SQLITE_CORRUPT')) {
    return {
      code: 'STORE_CORRUPT',
      advice: `${path} is not a SQLite database or is damaged: move it aside (a new one is created on the next start) or set DATABASE_URL to another file`,
    };
  }
  if (is('SQLITE_BUSY', 'SQLITE_LOCKED')) {
    return { code: 'STORE_BUSY', advice: `another process keeps ${path} locked: stop it, or wait and try again` };
  }
  if (is('SQLITE_FULL', 'ENOSPC')) {
    return { code: 'STORE_FULL', advice: `the disk holding ${path} is full: free some space` };
  }
  if (is('SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST')) {
    return {
      code: 'STORE_ACCESS',
      advice: `check that the directory of ${path} exists, is a directory and is writable by this user, or set DATABASE_URL to another file`,
    };
  }
  return { code: 'STORE_FAILED', advice: `check ${path} and the log above` };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failure to open (or migrate) the database: always STORE_OPEN, the cause says which. */
export function openFailure(path: string, error: unknown): StatementsError {
  if (error instanceof StatementsError) return error;
  const { advice } = diagnose(error, path);
  return new StatementsError('store', 'STORE_OPEN', `cannot open the database ${path} (${reasonOf(error)}); ${advice}`, {
    cause: error,
  });
}

/** A failure of one operation on an open database. */
export function operationFailure(operation: string, path: string, error: unknown): StatementsError {
  if (error instanceof StatementsError) return error;
  const { code, advice } = diagnose(error, path);
  return new StatementsError('store', code, `could not ${operation} (${reasonOf(error)}); ${advice}`, { cause: error });
}
