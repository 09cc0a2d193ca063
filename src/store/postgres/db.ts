/**
 * The connection pool as the store's modules see it: one statement on any connection, or a
 * transaction on one. Rows come back as unknown, for the modules to check with zod.
 */
import type pg from 'pg';

export interface Result {
  rows: unknown[];
  rowCount: number;
}

export type Query = (sql: string, params?: readonly unknown[]) => Promise<Result>;

export interface Db {
  /** One statement, on whichever pooled connection is free. */
  query: Query;
  /** `work` in one transaction (READ COMMITTED) on one connection: committed when it resolves, rolled back when it throws. */
  tx<T>(work: (query: Query) => Promise<T>): Promise<T>;
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can): it is dropped from every string written,
 * rather than failing the whole article or alert for one stray byte of a hostile page.
 */
function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
  if (Array.isArray(value)) return value.map(clean);
  return value;
}

/** JSON text for a jsonb parameter, without U+0000 (which jsonb refuses even escaped). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? clean(v) : v));
}

async function run(on: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[] | undefined): Promise<Result> {
  const result = await on.query(sql, params?.map(clean));
  return { rows: result.rows, rowCount: result.rowCount ?? 0 };
}

export function dbOver(pool: pg.Pool): Db {
  return {
    query: (sql, params) => run(pool, sql, params),
    async tx<T>(work: (query: Query) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A connection that failed (between two statements the server went away, or the rollback
      // failed) is released with the error, so the pool drops it. Heard here: a checked-out
      // connection's 'error' event has no other listener, and an unheard one ends the process.
      let broken: Error | undefined;
      const onError = (error: Error): void => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work((sql, params) => run(client, sql, params));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: unknown) => {
          broken = rollback instanceof Error ? rollback : new Error(String(rollback));
        });
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
  };
}
