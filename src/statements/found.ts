/** A statement on its way out of the engine, with what the later passes need to know of it. */
import type { Statement } from '../model/index.js';
import type { Cue } from './cues.js';
import type { Entity } from './entities.js';
import type { QuoteSpan } from './quotes.js';

export interface Found {
  statement: Statement;
  entity: Entity | null;
  paragraph: number;
  /** A cue next to the statement named its speaker (rather than a neighbour or the paragraph before). */
  local: boolean;
  quote: QuoteSpan | null;
  /** A quote too short to be a statement, kept only so its speaker can pass to its neighbours. */
  anchor: boolean;
  /** The quote is its whole sentence: no words of the reporter's (an unread tag?) follow it. */
  alone: boolean;
}

/** The fullest role the article or the watchlist gives: "Kremlin spokesperson" over "spokesperson". */
/** Who speaks at some point of the article, as a quote without a cue would inherit it. */
export interface Voice {
  entity: Entity;
  role: string | null;
}

export function roleFor(cue: Cue | null, entity: Entity | null): string | null {
  if (entity === null) return null;
  // An organisation speaks as itself; the watchlist's description of it is no role.
  if (entity.organisation) return cue?.role ?? null;
  const local = cue === null ? null : cue.phrase.kind === 'name' && !entity.organisation ? (cue.phrase.role ?? cue.role) : cue.role;
  if (local === null) return entity.role;
  if (entity.role !== null && entity.role.length > local.length && entity.role.toLowerCase().includes(local.toLowerCase())) return entity.role;
  return local;
}

export function makeStatement(quote: string, entity: Entity | null, cue: Cue | null, kind: Statement['kind'], start: number, end: number): Statement {
  return {
    quote,
    speaker: entity?.name ?? null,
    speakerId: entity?.actorId ?? null,
    role: roleFor(cue, entity),
    kind,
    start,
    end,
    cue: cue?.cue ?? null,
  };
}

