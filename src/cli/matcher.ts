import { StatementsError } from '../errors.js';
import { compileWatchlist, type WatchlistMatcher } from '../matches/index.js';
import { loadWatchlist } from '../watchlist/index.js';
import { errorMessage } from './io.js';

/** Loads and compiles the watchlist once per command run; `dir` overrides the project's `config/`. */
export function loadMatcher(dir: string | undefined): WatchlistMatcher {
  try {
    return compileWatchlist(loadWatchlist(dir));
  } catch (err) {
    if (err instanceof StatementsError) throw err;
    throw new StatementsError('cli', 'watchlist_unreadable', `cannot load the watchlist${dir ? ` from ${dir}` : ''}: ${errorMessage(err)}`, { cause: err });
  }
}
