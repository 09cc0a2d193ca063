/**
 * Plain data shared by the pipeline stages. Stages exchange these values and nothing else:
 * no database handles, no clients.
 */

/** How the words reached the article: verbatim sentence(s), a quoted fragment, or paraphrase. */
export type StatementKind = 'direct' | 'partial' | 'indirect';

export interface Statement {
  /** The words inside the quote marks; for `indirect`, the reported clause. */
  quote: string;
  /** Full name or organisation, or null when nobody can be named with confidence. */
  speaker: string | null;
  /** Watchlist actor id when the speaker is a known actor. */
  speakerId: string | null;
  /** Role and affiliation as the article gives them ("NATO Secretary General"), or the watchlist's. */
  role: string | null;
  kind: StatementKind;
  /** Offsets of `quote` in the article text (UTF-16 code units, as JavaScript indexes strings). */
  start: number;
  end: number;
  /** The attribution cue as written ("told reporters", "said", "according to"), if any. */
  cue: string | null;
}

export type ActorKind = 'person' | 'organisation';

export interface Actor {
  /** Stable slug, e.g. `jens-stoltenberg`. */
  id: string;
  /** Canonical display name. */
  name: string;
  kind: ActorKind;
  /** Other names and spellings, matched on word boundaries ignoring case and accents (two- or three-letter acronyms such as US match capitals only). */
  aliases: string[];
  role: string | null;
  /** Ids of the actors this one belongs to or speaks for (Peskov → kremlin → russia). */
  affiliations: string[];
  gender: 'female' | 'male' | null;
}

export interface Keyword {
  id: string;
  /** Display label, e.g. `troop withdrawal`. */
  label: string;
  /** Phrases that count as this keyword, including spelling variants. */
  variants: string[];
}

export interface Watchlist {
  actors: Actor[];
  keywords: Keyword[];
}

/** One occurrence of a watchlist entry in a text. */
export interface Hit {
  kind: 'actor' | 'keyword';
  id: string;
  start: number;
  end: number;
}

/** An actor the article mentions or quotes; `id` is null for speakers the watchlist does not know. */
export interface ActorMention {
  id: string | null;
  name: string;
}

export interface Extraction {
  statements: Statement[];
  /** Watchlist actors mentioned in the article body, then unknown speakers, in order of first mention. */
  actors: ActorMention[];
  /** Ids of watchlist keywords found, in order of first mention. */
  keywords: string[];
}
