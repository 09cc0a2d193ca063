/**
 * The machine's PostgreSQL for tests and benches (no vitest here, so bench scripts can use it):
 * TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; schemas and databases of
 * their own, dropped after.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** host:port of the test server, for messages (never the URL: it may carry a password). */
export const TEST_SERVER = ((): string => {
  try {
    const url = new URL(TEST_DATABASE_URL);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  } catch {
    return 'TEST_DATABASE_URL';
  }
})();

async function admin<T>(work: (client: pg.Client) => Promise<T>, url = TEST_DATABASE_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Null when the server answers; otherwise why not. */
export async function probe(): Promise<string | null> {
  try {
    await admin((client) => client.query('SELECT 1'));
    return null;
  } catch (err) {
    return `PostgreSQL at ${TEST_SERVER} unreachable (${err instanceof Error ? err.message || err.constructor.name : String(err)})`;
  }
}


export interface FreshDatabase {
  /** Connection string for it: give it to openStore, or to a process as DATABASE_URL. */
  url: string;
  drop(): Promise<void>;
}

const nameFor = (prefix: string, purpose: string): string => `${prefix}_${purpose.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30)}_${randomBytes(5).toString('hex')}`;

/**
 * An empty schema on the test server, and a URL whose connections work in it (search_path in
 * the URL's options, which node-postgres passes to the server). Cheap: one per test.
 */
export async function freshSchema(purpose = 'test'): Promise<FreshDatabase> {
  const schema = nameFor('t', purpose);
  await admin((client) => client.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => admin((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined) };
}

/** A database of its own on the test server, for tests whose processes outlive one schema's worth of isolation. */
export async function freshDatabase(purpose = 'test'): Promise<FreshDatabase> {
  const name = nameFor('statements', purpose);
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

/** A statement on the test server outside any store (inspecting a schema behind a store's back). */
export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return admin(work, url);
}
