import { basename } from 'node:path';
import type { CommandContext, FeedChange, FeedStatusLine } from '../../src/commands/index.js';
import { compileWatchlist } from '../../src/matches/index.js';
import type { StoredStatement } from '../../src/model/index.js';
import { extractStatements } from '../../src/statements/index.js';
import { loadWatchlist } from '../../src/watchlist/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { SEED_FILES, seedText } from '../helpers/seeds.js';

export const HOUR = 3_600_000;
/** Seed n was published n hours after this, so later seeds are newer. */
export const BASE = Date.UTC(2022, 1, 16, 8);
export const watchlist = loadWatchlist();
export const matcher = compileWatchlist(watchlist);

/** The seed articles' statements, as the pipeline stores them. */
export function seedStatements(): StoredStatement[] {
  return SEED_FILES.flatMap((path, n) => {
    const name = basename(path, '.txt');
    const text = seedText(path);
    return extractStatements(text, { matcher }).statements.map((s, ordinal) => ({
      ...s,
      identity: name,
      ordinal,
      title: `Seed ${name}`,
      url: `https://news.example/${name}`,
      outlet: `Outlet ${n}`,
      published: BASE + n * HOUR,
      seenAt: BASE + n * HOUR,
    }));
  });
}

/** A context whose feed changes are refused (tests of feeds add/remove pass their own). */
export function baseContext(store: Store, feeds: FeedStatusLine[] = []): CommandContext {
  const refuse = async (): Promise<FeedChange> => ({ ok: false, message: 'not in this test' });
  return { store, watchlist, matcher, channel: 'slack:C1', canManage: true, now: BASE + 10 * HOUR, feedStatus: async () => feeds, addFeed: refuse, removeFeed: refuse };
}

export async function seededContext(extra: Partial<CommandContext> = {}): Promise<{ ctx: CommandContext; store: Store }> {
  const store = await openSqliteStore(':memory:');
  await store.saveStatements(seedStatements());
  const ctx: CommandContext = { ...baseContext(store), ...extra };
  return { ctx, store };
}
