import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StatementsError } from '../../src/errors.js';
import type { Alert } from '../../src/model/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { migrations } from '../../src/store/sqlite/migrations/index.js';
import { describeStoreContract } from './contract.js';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'statements-store-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// A subdirectory that does not exist yet: opening must create it.
describeStoreContract('sqlite file', () => openSqliteStore(join(freshDir(), 'data', 'statements.db')));

/** Reads the file behind the store's back, as an operator would with the sqlite3 shell. */
function inspect<T>(path: string, look: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return look(db);
  } finally {
    db.close();
  }
}

const MigrationRow = z.object({ version: z.number(), name: z.string(), applied_at: z.number() });
const appliedMigrations = (path: string) =>
  inspect(path, (db) => db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all()).map(
    (row) => MigrationRow.parse(row),
  );

const T0 = Date.UTC(2024, 5, 1, 12);
const alert: Alert = {
  key: 'item-1',
  title: 'NATO chief speaks',
  outlet: 'Reuters',
  url: 'https://example.test/news/1',
  published: T0,
  lead: ['The alliance met.'],
  actors: ['NATO'],
  keywords: [],
  quotes: [],
};

describe('SQLite store', () => {
  it('numbers its migrations 1, 2, 3… with distinct names', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('applies the migrations once and records the schema version', async () => {
    const path = join(freshDir(), 'statements.db');
    await (await openSqliteStore(path)).close();
    const first = appliedMigrations(path);
    expect(first.map((m) => m.version)).toEqual(migrations.map((m) => m.version));
    expect(first.map((m) => m.name)).toEqual(migrations.map((m) => m.name));

    await (await openSqliteStore(path)).close();
    expect(appliedMigrations(path)).toEqual(first);
  });

  it('keeps everything across a restart, and a second enqueue after it adds nothing', async () => {
    const path = join(freshDir(), 'statements.db');
    const before = await openSqliteStore(path);
    await before.addSubscription({ id: 'sub-1', channel: 'console', actors: [], keywords: [], createdAt: T0 });
    await before.recordItem({
      identity: 'item-1',
      feedId: 'reuters',
      link: 'https://example.test/news/1',
      title: 'NATO chief speaks',
      published: T0,
      firstSeenAt: T0,
      decision: 'alerted',
      reason: 'Alerted 1 subscription.',
    });
    const delivery = { subscriptionId: 'sub-1', channel: 'console', key: 'item-1', alert, nextAttemptAt: T0 };
    expect(await before.enqueue([delivery])).toBe(1);
    await before.close();

    const after = await openSqliteStore(path);
    try {
      expect(await after.hasItem('item-1')).toBe(true);
      expect(await after.subscriptions()).toHaveLength(1);
      expect(await after.enqueue([delivery])).toBe(0);
      expect((await after.dueDeliveries(T0, 10)).map((d) => d.alert)).toEqual([alert]);
    } finally {
      await after.close();
    }
  });

  it('runs in WAL mode with foreign keys on', async () => {
    const path = join(freshDir(), 'statements.db');
    const store = await openSqliteStore(path);
    try {
      // journal_mode=WAL is stored in the file itself, so another connection sees it.
      expect(inspect(path, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
    } finally {
      await store.close();
    }
  });

  it('opens an in-memory database', async () => {
    const store = await openSqliteStore(':memory:');
    expect(await store.feedStates()).toEqual([]);
    await store.close();
  });

  it('refuses a file that is not a database, naming it and saying what to do', async () => {
    const path = join(freshDir(), 'statements.db');
    writeFileSync(path, 'this is a text file, not a database\n'.repeat(200));
    const failure = openSqliteStore(path);
    await expect(failure).rejects.toBeInstanceOf(StatementsError);
    await expect(failure).rejects.toMatchObject({ module: 'store', code: 'STORE_OPEN' });
    await expect(failure).rejects.toThrow(path);
    await expect(failure).rejects.toThrow(/not a SQLite database.*move it aside/);
  });

  it('refuses a path it cannot create, naming it and saying what to do', async () => {
    const blocker = join(freshDir(), 'not-a-directory');
    writeFileSync(blocker, '');
    const path = join(blocker, 'statements.db');
    const failure = openSqliteStore(path);
    await expect(failure).rejects.toMatchObject({ module: 'store', code: 'STORE_OPEN' });
    await expect(failure).rejects.toThrow(path);
    await expect(failure).rejects.toThrow(/writable by this user/);
  });

  it('refuses a database written by a newer version', async () => {
    const path = join(freshDir(), 'statements.db');
    await (await openSqliteStore(path)).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)').run('from the future');
    db.close();
    await expect(openSqliteStore(path)).rejects.toMatchObject({ module: 'store', code: 'STORE_SCHEMA_NEWER' });
  });

  it('releases edits in flight at start, as it does sends: the next drain edits the message at once', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      await store.addSubscription({ id: 'sub-1', channel: 'slack:C1', actors: [], keywords: [], createdAt: T0 });
      await store.enqueue([{ subscriptionId: 'sub-1', channel: 'slack:C1', key: 'item-1', alert, nextAttemptAt: T0 }]);
      const [sent] = await store.claimDeliveries(T0, 10, undefined, 60_000);
      await store.markSent(sent?.id ?? -1, T0, '1700000000.000100');
      await store.reviseAlerts('item-1', ['Reuters', 'AP'], T0);
      expect(await store.claimRevisions(T0, 10, undefined, 3_600_000)).toHaveLength(1);
      expect(await store.releaseClaims()).toBe(0); // no delivery was being sent
      expect(await store.claimRevisions(T0 + 1, 10, undefined, 60_000)).toMatchObject([{ messageRef: '1700000000.000100', alert: { alsoReportedBy: ['AP'] } }]);
    } finally {
      await store.close();
    }
  });

  it('releases feed claims at start too: a feed the last run was polling when it died is polled when due, not a lease later', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      expect(await store.claimFeeds(['reuters', 'ap'], 'died', T0, 600_000)).toEqual(['reuters', 'ap']);
      await store.releaseFeed('ap', 'died', T0 + 3_600_000);
      await store.releaseClaims();
      expect(await store.claimFeeds(['reuters', 'ap'], 'next', T0 + 1, 600_000)).toEqual(['reuters']);
    } finally {
      await store.close();
    }
  });

  it('gives up a delivery whose stored alert no longer reads, and still returns the others', async () => {
    const path = join(freshDir(), 'statements.db');
    const store = await openSqliteStore(path);
    try {
      await store.addSubscription({ id: 'sub-1', channel: 'console', actors: [], keywords: [], createdAt: T0 });
      const base = { subscriptionId: 'sub-1', channel: 'console', nextAttemptAt: T0 };
      await store.enqueue([
        { ...base, key: 'bad', alert: { ...alert, key: 'bad' } },
        { ...base, key: 'good', alert: { ...alert, key: 'good' } },
      ]);
      const db = new Database(path);
      db.prepare("UPDATE deliveries SET alert = '{\"title\": 1}' WHERE key = 'bad'").run();
      db.close();

      expect((await store.dueDeliveries(T0, 10)).map((d) => d.key)).toEqual(['good']);
      const Row = z.object({ status: z.string(), last_error: z.string() });
      const bad = inspect(path, (db) => Row.parse(db.prepare("SELECT status, last_error FROM deliveries WHERE key = 'bad'").get()));
      expect(bad.status).toBe('failed');
      expect(bad.last_error).toMatch(/malformed/);
    } finally {
      await store.close();
    }
  });
});
