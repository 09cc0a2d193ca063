/**
 * Which subscriptions want an article: an actor filter matches when that actor or one of its
 * people speaks (NATO speaking beats NATO mentioned), a keyword filter when a statement's words
 * carry the keyword. A passing mention in the reporter's text is not a statement.
 */
import type { Extraction, Subscription } from '../model/index.js';
import type { WatchlistMatcher } from './index.js';

export interface Voices {
  /** Watchlist actors who speak, with everyone they speak for (Stoltenberg → NATO). */
  speakers: Set<string>;
  /** Watchlist keywords found inside statements. */
  keywords: Set<string>;
  /** Watchlist actors named inside statements. */
  named: Set<string>;
}

export function voicesOf(extraction: Extraction, matcher: WatchlistMatcher): Voices {
  const speakers = new Set<string>();
  const keywords = new Set<string>();
  const named = new Set<string>();
  for (const statement of extraction.statements) {
    if (statement.speakerId !== null) addWithAffiliations(statement.speakerId, matcher, speakers);
    for (const hit of matcher.scan(statement.quote)) (hit.kind === 'keyword' ? keywords : named).add(hit.id);
  }
  return { speakers, keywords, named };
}

function addWithAffiliations(id: string, matcher: WatchlistMatcher, into: Set<string>): void {
  if (into.has(id)) return;
  into.add(id);
  for (const parent of matcher.actor(id)?.affiliations ?? []) addWithAffiliations(parent, matcher, into);
}

/** A subscription with no filters hears every article where a watchlist actor speaks or is quoted about. */
export function wants(subscription: Subscription, voices: Voices): boolean {
  if (subscription.actors.length === 0 && subscription.keywords.length === 0) {
    return voices.speakers.size > 0 || voices.keywords.size > 0 || voices.named.size > 0;
  }
  return subscription.actors.some((a) => voices.speakers.has(a)) || subscription.keywords.some((k) => voices.keywords.has(k));
}
