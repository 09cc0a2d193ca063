// STUB: replaced by the watchlist loader.
import type { Watchlist } from '../model/index.js';

/** Reads `actors.yaml` and `keywords.yaml` from `dir` (default: the project's `config/`). */
export function loadWatchlist(dir?: string): Watchlist {
  void dir;
  return { actors: [], keywords: [] };
}
