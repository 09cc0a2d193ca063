import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';

describe('openStore', () => {
  it('opens SQLite for a file path', async () => {
    const store = await openStore(':memory:');
    expect(await store.subscriptions()).toEqual([]);
    await store.close();
  });

  it('says PostgreSQL is not available yet, without echoing the password', async () => {
    const failure = openStore('postgres://bot:s3cret@db.example.test/statements');
    await expect(failure).rejects.toMatchObject({ module: 'store', code: 'STORE_ENGINE' });
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });
});
