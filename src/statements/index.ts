// STUB: replaced by the extraction engine.
import type { Extraction } from '../model/index.js';
import type { WatchlistMatcher } from '../matches/index.js';

export interface ExtractOptions {
  /** Headline, when the caller has it apart from the body. */
  title?: string;
  /** Watchlist to resolve speakers and report actors and keywords; none means no watchlist. */
  matcher?: WatchlistMatcher;
}

export function extractStatements(text: string, options: ExtractOptions = {}): Extraction {
  void text;
  void options;
  return { statements: [], actors: [], keywords: [] };
}
