import type { Fetcher } from '../feeds/index.js';
import type { Logger } from '../log.js';
import type { WatchlistMatcher } from '../matches/index.js';
import type { Feed, Watchlist } from '../model/index.js';
import type { Store } from '../store/types.js';

/** Everything one poll cycle needs, passed in: the pipeline holds no module state. */
export interface PipelineDeps {
  store: Store;
  fetcher: Fetcher;
  feeds: readonly Feed[];
  watchlist: Watchlist;
  matcher: WatchlistMatcher;
  /** Fetches an article page (same limits as feeds); null when pages are never fetched. */
  fetchPage: ((url: string) => Promise<string>) | null;
  alerts: { maxQuotes: number; maxQuoteChars: number };
  now: () => number;
  log: Logger;
}
