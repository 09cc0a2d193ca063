/** Terms people type → watchlist actors and keywords, and close names when a term is neither. */
import type { WatchlistMatcher } from '../matches/index.js';
import type { Actor, Keyword, Watchlist } from '../model/index.js';

export type Resolved = { kind: 'actor'; actor: Actor } | { kind: 'keyword'; keyword: Keyword };

/** Folded for comparison: lower case, no accents, words separated by single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@]+/gu, ' ')
    .trim();
}

export function resolveActor(term: string, watchlist: Watchlist, matcher: WatchlistMatcher): Actor | undefined {
  const named = matcher.actorNamed(term);
  if (named !== undefined) return named;
  // Chat input is casual: "us" or "eu" typed in lower case still means the actor whose id or
  // name it spells, which the matcher (strict about short capitals in running text) refuses.
  const key = fold(term);
  if (key === '') return undefined;
  return watchlist.actors.find((a) => fold(a.id) === key || fold(a.name) === key || a.aliases.some((alias) => fold(alias) === key));
}

export function resolveKeyword(term: string, watchlist: Watchlist): Keyword | undefined {
  const key = fold(term);
  if (key === '') return undefined;
  return watchlist.keywords.find((k) => fold(k.id) === key || fold(k.label) === key || k.variants.some((v) => fold(v) === key));
}

/** An actor first (NATO the organisation beats a keyword spelled the same), then a keyword. */
export function resolveTerm(term: string, watchlist: Watchlist, matcher: WatchlistMatcher): Resolved | undefined {
  const actor = resolveActor(term, watchlist, matcher);
  if (actor !== undefined) return { kind: 'actor', actor };
  const keyword = resolveKeyword(term, watchlist);
  return keyword === undefined ? undefined : { kind: 'keyword', keyword };
}

/**
 * `actorId` and every actor that speaks for it, directly or through others (Russia → Kremlin →
 * Peskov), following `affiliations` in reverse. Cycles in the watchlist are harmless.
 */
export function affiliatedActorIds(watchlist: Watchlist, actorId: string): string[] {
  const members = new Map<string, string[]>();
  for (const actor of watchlist.actors) {
    for (const parent of actor.affiliations) members.set(parent, [...(members.get(parent) ?? []), actor.id]);
  }
  const found = [actorId];
  const seen = new Set(found);
  for (let i = 0; i < found.length; i++) {
    for (const member of members.get(found[i]!) ?? []) {
      if (!seen.has(member)) {
        seen.add(member);
        found.push(member);
      }
    }
  }
  return found;
}

/** At most `max` watchlist names close to `term` (typos, prefixes), closest first. */
export function suggestions(term: string, watchlist: Watchlist, max = 3): string[] {
  const key = fold(term);
  if (key === '') return [];
  const scored: { name: string; score: number }[] = [];
  const consider = (display: string, spellings: readonly string[]): void => {
    let best = Infinity;
    for (const spelling of spellings) best = Math.min(best, closeness(key, fold(spelling)));
    if (best < Infinity) scored.push({ name: display, score: best });
  };
  for (const a of watchlist.actors) consider(a.name, [a.name, a.id, ...a.aliases]);
  for (const k of watchlist.keywords) consider(k.label, [k.label, k.id, ...k.variants]);
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, max);
}

/** Lower is closer; Infinity is not close at all. A prefix of a word counts as a near miss. */
function closeness(term: string, name: string): number {
  if (name === '') return Infinity;
  const words = name.split(' ');
  if (term.length >= 3 && (name.startsWith(term) || words.some((w) => w.startsWith(term)))) return 0.5;
  const allowed = Math.max(1, Math.floor(term.length / 3));
  const whole = editDistance(term, name, allowed);
  const perWord = Math.min(...words.map((w) => editDistance(term, w, allowed)));
  const best = Math.min(whole, perWord);
  return best <= allowed ? best : Infinity;
}

/** Levenshtein distance, giving up (returning bound + 1) once it must exceed `bound`. */
export function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > bound) return bound + 1;
    previous = current;
  }
  return previous[b.length]!;
}
