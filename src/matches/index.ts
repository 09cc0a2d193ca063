/**
 * The watchlist matcher: every actor name/alias and keyword label/variant becomes a token phrase
 * in one Aho–Corasick automaton, so a scan is one pass over the text whatever the watchlist size.
 *
 * Rules a user can rely on:
 * - Matching is on whole words, ignoring case, diacritics, hyphens and a trailing "'s".
 * - Words of two or three capitals in an alias (US, UK) only match capitals (see capitals.ts).
 * - Overlapping phrases: leftmost, then longest, wins; the others are not reported.
 * - A phrase listed by several entries (say an actor and a keyword) yields one hit per entry,
 *   with the same span, actors first, each list in watchlist order.
 */
import { StatementsError } from '../errors.js';
import type { Actor, Hit, Keyword, Watchlist } from '../model/index.js';
import { TokenAutomaton } from './automaton.js';
import { capitalPositions, capitalsMatch } from './capitals.js';
import { NameIndex } from './names.js';
import { tokenize } from './tokenize.js';

export type { Token } from './tokenize.js';
export { TokenCursor, tokenize } from './tokenize.js';

export interface WatchlistMatcher {
  /** Watchlist hits in text[from, to), leftmost-longest, non-overlapping, in text order. */
  scan(text: string, from?: number, to?: number): Hit[];
  /** The actor that a whole phrase names (a speaker phrase such as "Mr. Peskov"), if any. */
  actorNamed(phrase: string): Actor | undefined;
  actor(id: string): Actor | undefined;
  keyword(id: string): Keyword | undefined;
}

interface Target {
  kind: Hit['kind'];
  id: string;
  /** Token positions that must be written in capitals. */
  capitals: number[];
}

export function compileWatchlist(watchlist: Watchlist): WatchlistMatcher {
  const actors = indexById('actor', watchlist.actors);
  const keywords = indexById('keyword', watchlist.keywords);
  const automaton = new TokenAutomaton();
  const targetsByNode = new Map<number, Target[]>();
  const problems: string[] = [];

  const addPhrase = (kind: Hit['kind'], id: string, phrase: string): void => {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) {
      problems.push(`${kind} "${id}": "${phrase}" has no letters or digits, so it can never match; remove it`);
      return;
    }
    const node = automaton.add(tokens.map((t) => t.value));
    const capitals = capitalPositions(phrase, tokens);
    const targets = targetsByNode.get(node) ?? [];
    const same = targets.find((t) => t.kind === kind && t.id === id);
    // The same entry spelling a phrase two ways ("US", "Us"): the laxer spelling decides.
    if (same) same.capitals = same.capitals.filter((p) => capitals.includes(p));
    else targets.push({ kind, id, capitals });
    targetsByNode.set(node, targets);
  };

  for (const actor of watchlist.actors) {
    for (const phrase of [actor.name, ...actor.aliases]) addPhrase('actor', actor.id, phrase);
  }
  for (const keyword of watchlist.keywords) {
    for (const phrase of [keyword.label, ...keyword.variants]) addPhrase('keyword', keyword.id, phrase);
  }
  if (problems.length > 0) {
    throw new StatementsError('matches', 'MATCHER_EMPTY_PHRASE', `cannot compile the watchlist:\n- ${problems.join('\n- ')}`);
  }
  for (const [node, targets] of targetsByNode) {
    if (targets.some((t) => t.capitals.length > 0)) automaton.requireCheck(node);
  }
  automaton.build();
  const names = new NameIndex(watchlist.actors);

  return {
    scan(text, from = 0, to = text.length) {
      const hits: Hit[] = [];
      automaton.scan(
        text,
        from,
        to,
        (node, start, end) => {
          for (const t of targetsByNode.get(node) ?? []) {
            if (capitalsMatch(text, start, end, t.capitals)) hits.push({ kind: t.kind, id: t.id, start, end });
          }
        },
        (node, start, end) => (targetsByNode.get(node) ?? []).some((t) => capitalsMatch(text, start, end, t.capitals)),
      );
      return hits;
    },
    actorNamed: (phrase) => names.find(phrase),
    actor: (id) => actors.get(id),
    keyword: (id) => keywords.get(id),
  };
}

function indexById<T extends { id: string }>(kind: Hit['kind'], entries: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const entry of entries) {
    if (byId.has(entry.id)) {
      throw new StatementsError('matches', 'MATCHER_DUPLICATE_ID', `two ${kind}s have the id "${entry.id}"; give each a unique id`);
    }
    byId.set(entry.id, entry);
  }
  return byId;
}
