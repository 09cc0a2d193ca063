/**
 * The people and organisations an article names, so that "Smith", "Mr. Obama", "he" and "the
 * Kremlin spokesperson" can be resolved to the full name the article introduced.
 */
import type { Actor } from '../model/index.js';
import type { WatchlistMatcher } from '../matches/index.js';
import { genderOfGivenName } from './given-names.js';
import { HONORIFIC_GENDERS, ORGANISATION_WORDS } from './lexicon.js';
import type { Phrase } from './phrases.js';

export type Gender = 'female' | 'male' | null;

export interface Entity {
  name: string;
  /** Lower-case last name word, for "Smith" → "Julianne Smith". */
  surname: string;
  gender: Gender;
  role: string | null;
  actorId: string | null;
  organisation: boolean;
  /** How many words the name has; a full name outranks a bare surname. */
  words: number;
}

interface Occurrence {
  entity: Entity;
  offset: number;
  paragraph: number;
  /** Mentioned as the subject of its sentence (or of a speech verb). */
  subject: boolean;
}

/** How many earlier mentions "the minister" and "he" may reach back over. */
const MAX_DESCRIPTION_LOOKBACK = 400;
const MAX_PRONOUN_LOOKBACK = 200;

/** Index of the last occurrence before `offset` in a list kept in text order (binary search). */
function lastBefore(list: readonly Occurrence[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
const SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);
const ROLE_SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['spokesperson', ['spokesperson', 'spokesman', 'spokeswoman', 'press secretary', 'spokesperson']],
  ['spokesman', ['spokesperson', 'spokesman', 'press secretary']],
  ['spokeswoman', ['spokesperson', 'spokeswoman', 'press secretary']],
  ['envoy', ['envoy', 'ambassador']],
  ['ambassador', ['ambassador', 'envoy']],
  ['minister', ['minister', 'secretary']],
  ['secretary', ['secretary', 'minister']],
]);

/** "U.S. President" and "President": the last word of the shorter title stands in the other. */
function sharesTitle(role: string, title: string): boolean {
  const head = (s: string): string => s.toLowerCase().split(/[\s-]+/).filter(Boolean).pop()?.replace(/\.$/, '') ?? '';
  const a = role.toLowerCase();
  const b = title.toLowerCase();
  return a.includes(head(b)) || b.includes(head(a));
}

/** The article's wording of a role, unless the watchlist's says the same and more ("spokesperson" → "Kremlin spokesperson"). */
function fullerRole(local: string | null, watched: string | null): string | null {
  if (local === null) return watched;
  if (watched !== null && watched.length > local.length && watched.toLowerCase().includes(local.toLowerCase())) return watched;
  return local;
}

function nameWords(name: string): string[] {
  const words = name.split(' ').filter((w) => !SUFFIXES.has(w.toLowerCase()));
  return words.length > 0 ? words : [name];
}

export function genderOfHonorific(honorific: string | null): Gender {
  return honorific === null ? null : (HONORIFIC_GENDERS.get(honorific) ?? null);
}

export class Registry {
  private readonly byName = new Map<string, Entity>();
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byActor = new Map<string, Entity>();
  private readonly mentions: Occurrence[] = [];
  private readonly speakers: Occurrence[] = [];
  private readonly actorByName = new Map<string, Actor | undefined>();

  constructor(private readonly matcher: WatchlistMatcher | undefined) {}

  /** The entity a name phrase refers to, registering it when it is new. */
  entityForName(phrase: Phrase, offset = Number.POSITIVE_INFINITY): Entity | null {
    const name = phrase.name;
    if (name === null) return null;
    const words = nameWords(name);
    const honorGender = genderOfHonorific(phrase.honorific);
    if (words.length === 1 && !phrase.organisation) {
      const entity = this.bySurnameAlone(words[0]!.toLowerCase(), honorGender, phrase.role, offset);
      if (entity !== null) {
        if (entity.gender === null && honorGender !== null) entity.gender = honorGender;
        return entity;
      }
    }
    const actor = this.watched(name);
    if (actor !== undefined) return this.entityForActor(actor, phrase.role);
    const key = name.toLowerCase();
    const existing = this.byName.get(key);
    if (existing !== undefined) {
      if (existing.role === null && phrase.role !== null) existing.role = phrase.role;
      return existing;
    }
    const organisation = phrase.organisation || (phrase.role !== null && phrase.role.split(' ').some((w) => ORGANISATION_WORDS.has(w.toLowerCase())) && words.length === 1);
    const gender = organisation ? null : (honorGender ?? (words.length > 1 ? genderOfGivenName(words[0]!) : null));
    const entity: Entity = { name, surname: words[words.length - 1]!.toLowerCase(), gender, role: phrase.role, actorId: null, organisation, words: words.length };
    this.add(entity, key);
    return entity;
  }

  /**
   * The person a bare surname names. "Mr. Obama" is not Michelle Obama (gender); "President Obama"
   * is not a Michelle Obama never called President (title); when several people share the
   * surname, the one mentioned last before `offset` wins. Null when nobody fits.
   */
  private bySurnameAlone(surname: string, gender: Gender, title: string | null, offset: number): Entity | null {
    const people = this.bySurname.get(surname);
    if (people === undefined) return null;
    const fits = people.filter((e) => {
      if (e.organisation || (e.words === 1 && e.name.toLowerCase() !== surname)) return false;
      if (gender !== null && e.gender !== null && e.gender !== gender) return false;
      return title === null || e.words === 1 || (e.role !== null && sharesTitle(e.role, title));
    });
    const named = fits.filter((e) => e.words > 1);
    if (named.length === 0) return null;
    if (fits.length === 1) return named[0]!;
    // Several people share the surname: the latest mentioned before this point.
    for (let i = lastBefore(this.mentions, offset); i >= 0; i--) {
      const e = this.mentions[i]!.entity;
      if (fits.includes(e)) return e.words > 1 ? e : null;
    }
    return named[0]!;
  }

  /** The watchlist actor with this name; an article repeats its names, so answers are kept. */
  private watched(name: string): Actor | undefined {
    if (this.matcher === undefined) return undefined;
    if (this.actorByName.has(name)) return this.actorByName.get(name);
    const actor = this.matcher.actorNamed(name);
    this.actorByName.set(name, actor);
    return actor;
  }

  /** The watchlist knows this exact name. */
  isWatched(name: string): boolean {
    return this.watched(name) !== undefined;
  }

  entityForActor(actor: Actor, role: string | null): Entity {
    const existing = this.byActor.get(actor.id);
    if (existing !== undefined) {
      if (role !== null && existing.role === actor.role) existing.role = role;
      return existing;
    }
    const words = nameWords(actor.name);
    const entity: Entity = {
      name: actor.name,
      surname: words[words.length - 1]!.toLowerCase(),
      gender: actor.gender,
      role: fullerRole(role, actor.role),
      actorId: actor.id,
      organisation: actor.kind === 'organisation',
      words: actor.kind === 'person' ? Math.max(2, words.length) : words.length,
    };
    this.byActor.set(actor.id, entity);
    this.add(entity, actor.name.toLowerCase());
    return entity;
  }

  private add(entity: Entity, key: string): void {
    this.byName.set(key, entity);
    const list = this.bySurname.get(entity.surname);
    // Fullest names first, kept in order on insert.
    if (list === undefined) this.bySurname.set(entity.surname, [entity]);
    else if (entity.words > list[0]!.words) list.unshift(entity);
    else list.push(entity);
  }

  noteMention(entity: Entity, offset: number, paragraph: number, subject: boolean): void {
    this.mentions.push({ entity, offset, paragraph, subject });
  }

  noteSpeaker(entity: Entity, offset: number, paragraph: number): void {
    this.speakers.push({ entity, offset, paragraph, subject: true });
  }

  /** Mentions must be recorded in text order; the pre-pass may add them out of order. */
  sortMentions(): void {
    this.mentions.sort((a, b) => a.offset - b.offset);
  }

  /** "he", "she", "they", "it" at `offset`: the most salient compatible speaker or subject before it. */
  resolvePronoun(pronoun: string, offset: number, paragraph: number): Entity | null {
    const want = pronoun === 'he' ? 'male' : pronoun === 'she' ? 'female' : 'plural';
    // A person known to be of the pronoun's gender beats one whose gender is unknown.
    let strict = true;
    const fits = (e: Entity): boolean => (want === 'plural' ? e.organisation : !e.organisation && (e.gender === want || (!strict && e.gender === null)));
    // Lists are in text order: stop once past the paragraphs a pronoun can reach back to.
    const latest = (list: readonly Occurrence[], ok: (o: Occurrence) => boolean): Entity | null => {
      for (let i = lastBefore(list, offset), seen = 0; i >= 0 && seen < MAX_PRONOUN_LOOKBACK; i--, seen++) {
        const o = list[i]!;
        if (o.paragraph < paragraph - 3) break;
        if (ok(o) && fits(o.entity)) return o.entity;
      }
      return null;
    };
    const cascade = (): Entity | null =>
      latest(this.speakers, (o) => o.paragraph === paragraph) ??
      latest(this.mentions, (o) => o.paragraph === paragraph && o.subject) ??
      latest(this.speakers, (o) => o.paragraph >= paragraph - 3) ??
      latest(this.mentions, (o) => o.paragraph >= paragraph - 2 && o.subject) ??
      latest(this.mentions, (o) => o.paragraph >= paragraph - 1);
    const known = cascade();
    if (known !== null || want === 'plural') return known;
    strict = false;
    return cascade();
  }

  /** "the minister", "the Kremlin spokesperson": the latest person whose role fits. */
  resolveDescription(phrase: Phrase, offset: number): Entity | null {
    const head = phrase.head;
    if (head === null || phrase.generic) return null;
    const wanted = ROLE_SYNONYMS.get(head) ?? [head];
    const qualifiers = phrase.qualifier?.toLowerCase().split(' ') ?? [];
    const roleFits = (e: Entity): boolean => {
      if (e.organisation || e.role === null) return false;
      const role = e.role.toLowerCase();
      if (!wanted.some((w) => role.includes(w))) return false;
      return qualifiers.length === 0 || qualifiers.some((q) => role.includes(q) || this.affiliatedWith(e, q));
    };
    if (phrase.definite) {
      for (let i = lastBefore(this.mentions, offset), seen = 0; i >= 0 && seen < MAX_DESCRIPTION_LOOKBACK; i--, seen++) {
        if (roleFits(this.mentions[i]!.entity)) return this.mentions[i]!.entity;
      }
    }
    // "a Pentagon spokesperson", "the IMF report": an unnamed voice of an organisation speaks for it;
    // "the Clinton campaign" is an organisation by its head noun.
    const qualifier = phrase.qualifier;
    if (qualifier === null) return null;
    const actor = this.watched(qualifier);
    if (actor !== undefined) return actor.kind === 'organisation' ? this.entityForActor(actor, null) : null;
    const words = qualifier.split(' ');
    const organisation = words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase()) || /^[A-Z]{2,6}$/.test(w));
    const name = organisation ? qualifier : ORGANISATION_WORDS.has(head) && words.length <= 3 ? `${qualifier} ${head}` : null;
    return name === null ? null : this.entityForName({ ...phrase, kind: 'name', name, organisation: true, role: null });
  }

  private affiliatedWith(entity: Entity, qualifier: string): boolean {
    if (entity.actorId === null || this.matcher === undefined) return false;
    const actor = this.matcher.actor(entity.actorId);
    if (actor === undefined) return false;
    return actor.affiliations.some((id) => {
      const a = this.matcher!.actor(id);
      return a !== undefined && (a.name.toLowerCase() === qualifier || a.aliases.some((x) => x.toLowerCase() === qualifier));
    });
  }
}
