/**
 * PostgreSQL for tests: the machine's server (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test), a schema or a database of its own per test, dropped after.
 *
 * Whether the server answers is asked once per test file. When it does not, PostgreSQL tests are
 * skipped with a line saying so, unless STATEMENTS_REQUIRE_POSTGRES=1 (CI): then they fail,
 * with the reason, rather than pass by not running.
 */
import { describe, it } from 'vitest';
import { probe, TEST_SERVER } from './postgres-server.js';

export { freshDatabase, freshSchema, onServer, TEST_DATABASE_URL, TEST_SERVER, type FreshDatabase } from './postgres-server.js';

const REQUIRED = process.env.STATEMENTS_REQUIRE_POSTGRES === '1';

export const postgresUnreachable: string | null = await probe();

const HOW_TO = 'start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) or point TEST_DATABASE_URL at one';

/**
 * `describe` for tests that need PostgreSQL: as is when the server answers; otherwise skipped
 * with a printed line, or, under STATEMENTS_REQUIRE_POSTGRES=1, one failing test with the reason.
 */
export function describePostgres(name: string, body: () => void): void {
  if (postgresUnreachable === null) {
    describe(name, body);
  } else if (REQUIRED) {
    describe(name, () => {
      it('reaches PostgreSQL', () => {
        throw new Error(`${postgresUnreachable}, and STATEMENTS_REQUIRE_POSTGRES=1 says these tests must run: ${HOW_TO}`);
      });
    });
  } else {
    console.warn(`${postgresUnreachable}: the tests of "${name}" are skipped; ${HOW_TO} (STATEMENTS_REQUIRE_POSTGRES=1 makes this a failure)`);
    describe.skip(name, body);
  }
}

