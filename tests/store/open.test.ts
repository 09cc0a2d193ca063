import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';

describe('openStore', () => {
  it('opens SQLite for a file path', async () => {
    const store = await openStore(':memory:');
    expect(await store.subscriptions()).toEqual([]);
    await store.close();
  });

  it('opens PostgreSQL for a postgres:// or postgresql:// URL, and fails without echoing the password', async () => {
    // Port 1 refuses at once: the engine was chosen and tried, and the error names the server only.
    for (const url of ['postgres://bot:s3cret@127.0.0.1:1/statements', 'postgresql://bot:s3cret@127.0.0.1:1/statements']) {
      const failure = openStore(url);
      await expect(failure).rejects.toMatchObject({ module: 'store', code: 'STORE_OPEN' });
      await expect(failure).rejects.toThrow(/PostgreSQL.*127\.0\.0\.1:1\/statements/);
      await expect(failure).rejects.not.toThrow(/s3cret/);
    }
  });
});
