// STUB: replaced by the matcher implementation.
import type { Actor, Hit, Keyword, Watchlist } from '../model/index.js';

export interface WatchlistMatcher {
  /** Watchlist hits in text[from, to), leftmost-longest, non-overlapping, in text order. */
  scan(text: string, from?: number, to?: number): Hit[];
  /** The actor that a whole phrase names (a speaker phrase such as "Mr. Peskov"), if any. */
  actorNamed(phrase: string): Actor | undefined;
  actor(id: string): Actor | undefined;
  keyword(id: string): Keyword | undefined;
}

export function compileWatchlist(watchlist: Watchlist): WatchlistMatcher {
  const actors = new Map(watchlist.actors.map((a) => [a.id, a]));
  const keywords = new Map(watchlist.keywords.map((k) => [k.id, k]));
  return {
    scan: () => [],
    actorNamed: () => undefined,
    actor: (id) => actors.get(id),
    keyword: (id) => keywords.get(id),
  };
}
