/**
 * Which subscriptions want an article: an actor filter matches when that actor or one of its
 * people speaks (NATO speaking beats NATO mentioned), a keyword filter when a statement's words
 * carry the keyword. A passing mention in the reporter's text is not a statement.
 */
import type { Extraction, Subscription } from '../model/index.js';
import type { WatchlistMatcher } from './index.js';

export interface Voices {
  /** Watchlist actors who speak themselves: what `speakers` is built from. */
  spokenBy: Set<string>;
  /** Watchlist actors who speak, with everyone they speak for (Stoltenberg → NATO). */
  speakers: Set<string>;
  /** Watchlist keywords found inside statements. */
  keywords: Set<string>;
  /** Watchlist actors named inside statements. */
  named: Set<string>;
}

export function voicesOf(extraction: Extraction, matcher: WatchlistMatcher): Voices {
  const spokenBy = new Set<string>();
  const keywords = new Set<string>();
  const named = new Set<string>();
  for (const statement of extraction.statements) {
    if (statement.speakerId !== null) spokenBy.add(statement.speakerId);
    for (const hit of matcher.scan(statement.quote)) (hit.kind === 'keyword' ? keywords : named).add(hit.id);
  }
  return { spokenBy, speakers: speakersOf(spokenBy, matcher, []), keywords, named };
}

/** The speakers with everyone they speak for, leaving out muted actors and whoever is reached only through them. */
function speakersOf(spokenBy: ReadonlySet<string>, matcher: WatchlistMatcher, muted: readonly string[]): Set<string> {
  const speakers = new Set<string>();
  const add = (id: string): void => {
    if (speakers.has(id) || muted.includes(id)) return;
    speakers.add(id);
    for (const parent of matcher.actor(id)?.affiliations ?? []) add(parent);
  };
  for (const id of spokenBy) add(id);
  return speakers;
}

/** A subscription with no filters hears every article where a watchlist actor speaks or is quoted about. */
export function wants(subscription: Subscription, voices: Voices): boolean {
  if (hearsEverything(subscription)) {
    return voices.speakers.size > 0 || voices.keywords.size > 0 || voices.named.size > 0;
  }
  return subscription.actors.some((a) => voices.speakers.has(a)) || subscription.keywords.some((k) => voices.keywords.has(k));
}

/**
 * The voices as a channel that muted these targets (actor or keyword ids) hears them: a muted
 * actor neither speaks nor is spoken for (muting Peskov also stops his words counting for the
 * Kremlin; muting NATO stops Stoltenberg's counting for NATO, not for Stoltenberg), and a muted
 * keyword or named actor is not there. What else the channel follows in the article still counts.
 */
export function withoutMuted(voices: Voices, muted: readonly string[], matcher: WatchlistMatcher): Voices {
  if (muted.length === 0) return voices;
  const keep = (ids: ReadonlySet<string>): Set<string> => new Set([...ids].filter((id) => !muted.includes(id)));
  return { spokenBy: keep(voices.spokenBy), speakers: speakersOf(voices.spokenBy, matcher, muted), keywords: keep(voices.keywords), named: keep(voices.named) };
}

/** Of the muted targets, those that take something this subscription would want from the article (to say why it was not alerted). */
export function mutedReasons(subscription: Subscription, voices: Voices, muted: readonly string[], matcher: WatchlistMatcher): string[] {
  if (hearsEverything(subscription)) return muted.filter((id) => voices.speakers.has(id) || voices.keywords.has(id) || voices.named.has(id));
  const wanted = followedIn(subscription, voices).length;
  return muted.filter((id) => followedIn(subscription, withoutMuted(voices, [id], matcher)).length < wanted);
}

function followedIn(subscription: Subscription, voices: Voices): string[] {
  return [...subscription.actors.filter((id) => voices.speakers.has(id)), ...subscription.keywords.filter((id) => voices.keywords.has(id))];
}

function hearsEverything(subscription: Subscription): boolean {
  return subscription.actors.length === 0 && subscription.keywords.length === 0;
}
