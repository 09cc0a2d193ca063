import type { Fetcher } from '../feeds/index.js';
import type { Logger } from '../log.js';
import type { WatchlistMatcher } from '../matches/index.js';
import type { Feed, Watchlist } from '../model/index.js';
import type { Observer } from '../observer.js';
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
  /** Told of each feed outcome, item decision and statement count (metrics); none: nobody watches. */
  events?: Observer;
  /** Who this process is among replicas, and how long its claim on a feed it polls lasts. */
  worker?: Worker;
}

export interface Worker {
  /** Unique per process (host, pid, random): claims are held in its name. */
  owner: string;
  /** A feed claim not ended by then (the process died) lets another replica poll the feed. */
  feedLeaseMs: number;
  /** Feeds polled at once (each fetch still waits for its host's slot). */
  concurrency: number;
}

/** One process on its own (tests, `poll --once` on a private store). */
export const SOLO_WORKER: Worker = { owner: 'solo', feedLeaseMs: 10 * 60 * 1000, concurrency: 64 };
