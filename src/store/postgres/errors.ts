/**
 * Turns PostgreSQL and connection failures into StatementsErrors whose sentence says what to do,
 * in the style of the SQLite store's (sqlite/errors.ts). DATABASE_URL usually carries a password,
 * so no message names it: the server is named by host, port and database only, and the driver's
 * own text is scrubbed of the URL and the password before it is quoted.
 */
import pg from 'pg';
import { StatementsError } from '../../errors.js';

/** What a message may say about the server, and what it must never say. */
export interface Target {
  /** `host:port/database`, without user or password. */
  server: string;
  /** Strings that must not appear in any message (the URL, its password). */
  secrets: readonly string[];
}

/** Reads the parts of a connection URL that are safe to show; a URL that does not parse shows nothing. */
export function targetOf(url: string): Target {
  const secrets = [url];
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') secrets.push(parsed.password, decodeURIComponent(parsed.password));
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'the default database';
    return { server: `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}/${database}`, secrets };
  } catch {
    return { server: 'the server DATABASE_URL names', secrets };
  }
}

function codeOf(error: unknown): string {
  if (error instanceof pg.DatabaseError) return error.code ?? '';
  // Node's socket errors (ECONNREFUSED, ENOTFOUND, ETIMEDOUT) carry a code too.
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

interface Diagnosis {
  code: string;
  advice: string;
}

function diagnose(error: unknown, server: string): Diagnosis {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : '';
  // SQLSTATE classes: 08 connection, 28 authorization, 3D no database, 3F no schema, 53 resources, 57P shutdown.
  if (code === '28P01' || code === '28000') {
    return { code: 'STORE_ACCESS', advice: `PostgreSQL at ${server} refused the user or password in DATABASE_URL: check them (pg_hba.conf decides who may connect)` };
  }
  if (code === '3D000') {
    return { code: 'STORE_ACCESS', advice: `the database in DATABASE_URL does not exist at ${server}: create it (createdb) or name another one` };
  }
  if (code === '3F000') {
    return { code: 'STORE_ACCESS', advice: `no schema of the search_path exists at ${server}: create the schema named in DATABASE_URL's options (CREATE SCHEMA), or drop the option to use public` };
  }
  if (code === '42501') {
    return { code: 'STORE_ACCESS', advice: `the user in DATABASE_URL lacks a privilege at ${server}: grant it CREATE and USAGE on the schema (or connect as its owner)` };
  }
  if (code === '53100') return { code: 'STORE_FULL', advice: `the disk of PostgreSQL at ${server} is full: free some space` };
  if (code === '53300' || code === '40001' || code === '40P01' || code === '55P03' || code === '57014') {
    return { code: 'STORE_BUSY', advice: `PostgreSQL at ${server} is busy (too many connections, a lock or a conflict): wait and try again` };
  }
  if (
    code.startsWith('08') ||
    code.startsWith('57P') ||
    ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'].includes(code) ||
    /timeout|terminated|Connection terminated|not queryable/i.test(message)
  ) {
    return { code: 'STORE_UNREACHABLE', advice: `cannot reach PostgreSQL at ${server}: check that it is running and that DATABASE_URL names it` };
  }
  return { code: 'STORE_FAILED', advice: `check PostgreSQL at ${server} and the log above` };
}

/** The driver's message without anything secret in it. */
export function reasonOf(error: unknown, target: Target): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of target.secrets) if (secret !== '') text = text.split(secret).join('…');
  return text;
}

/**
 * The cause kept on the StatementsError: the server's own errors only. Other errors may hold the
 * URL in their fields (Node's invalid-URL error keeps its input), which a log could print.
 */
function causeOf(error: unknown): { cause?: unknown } {
  return error instanceof pg.DatabaseError ? { cause: error } : {};
}

/** A failure to open (connect, migrate) the database: always STORE_OPEN, the cause says which. */
export function openFailure(target: Target, error: unknown): StatementsError {
  if (error instanceof StatementsError) return error;
  const { advice } = diagnose(error, target.server);
  return new StatementsError('store', 'STORE_OPEN', `cannot open the PostgreSQL database at ${target.server} (${reasonOf(error, target)}); ${advice}`, causeOf(error));
}

/** A failure of one operation on an open database. */
export function operationFailure(operation: string, target: Target, error: unknown): StatementsError {
  if (error instanceof StatementsError) return error;
  const { code, advice } = diagnose(error, target.server);
  return new StatementsError('store', code, `could not ${operation} (${reasonOf(error, target)}); ${advice}`, causeOf(error));
}
