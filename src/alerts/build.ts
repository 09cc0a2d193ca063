/** An article and its statements → a platform-neutral alert. */
import type { WatchlistMatcher } from '../matches/index.js';
import type { Alert, Article, Extraction } from '../model/index.js';
import { chooseLead } from './lead.js';
import { chooseQuotes } from './quotes.js';

export interface AlertOptions {
  /** Most quotes an alert carries (default 3). */
  maxQuotes?: number;
  /** Longer quotes are cut at a word boundary (default 300 characters). */
  maxQuoteChars?: number;
}

export function buildAlert(article: Article, extraction: Extraction, matcher: WatchlistMatcher | undefined, options: AlertOptions = {}): Alert {
  const maxQuotes = Math.max(0, options.maxQuotes ?? 3);
  const maxQuoteChars = Math.max(20, options.maxQuoteChars ?? 300);
  return {
    key: article.identity,
    title: article.title,
    outlet: article.outlet,
    url: article.url,
    published: article.published,
    lead: chooseLead(article.text, matcher),
    actors: actorNames(extraction, matcher),
    keywords: unique(extraction.keywords.map((id) => matcher?.keyword(id)?.label ?? id)),
    quotes: chooseQuotes(article.text, extraction.statements, matcher, maxQuotes, maxQuoteChars),
  };
}

/** Watchlist actors who speak, in order of speaking, then the others the article mentions. */
function actorNames(extraction: Extraction, matcher: WatchlistMatcher | undefined): string[] {
  const nameOf = (id: string, fallback: string): string => matcher?.actor(id)?.name ?? fallback;
  const speakers = extraction.statements.flatMap((s) => (s.speakerId === null ? [] : [nameOf(s.speakerId, s.speaker ?? s.speakerId)]));
  const mentioned = extraction.actors.flatMap((a) => (a.id === null ? [] : [nameOf(a.id, a.name)]));
  return unique([...speakers, ...mentioned]);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
