/**
 * Reads the noun phrase that names a speaker next to a speech verb: "NATO Secretary General Jens
 * Stoltenberg", "he", "the Kremlin spokesperson", "Flynn, a top Trump surrogate,", "Russian news
 * agency Interfax", "Sen. Claire McCaskill (D-Mo.)". It splits role from name; it does not resolve.
 */
import {
  CAPITALISED_FUNCTION_WORDS,
  GENERIC_SUBJECT_HEADS,
  HONORIFIC_GENDERS,
  ORGANISATION_WORDS,
  PERSON_ROLES,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
  SPEAKER_PRONOUNS,
  SPEECH_VERBS,
} from './lexicon.js';
import { genderOfGivenName } from './given-names.js';
import type { Token } from './tokens.js';

export interface Phrase {
  kind: 'name' | 'pronoun' | 'description';
  /** Token indices of the phrase (appositive excluded). */
  first: number;
  last: number;
  /** Proper-name part with honorifics and roles removed ("Jens Stoltenberg"). */
  name: string | null;
  /** The name looks like an organisation (Ministry, Kremlin, NATO…). */
  organisation: boolean;
  /** Role words as written before the name or in an appositive ("NATO Secretary General"). */
  role: string | null;
  /** Honorific before the name, lower-case without its period ("mr", "ms"). */
  honorific: string | null;
  pronoun: string | null;
  /** Head noun of a description ("spokesperson"), lower-case. */
  head: string | null;
  /** Capitalised words inside a description ("Kremlin" in "the Kremlin spokesperson"). */
  qualifier: string | null;
  /** A plural or generic subject that names nobody ("Russian news agencies"). */
  generic: boolean;
  definite: boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an']);
const LINKS = new Set(['of', 'for', 'to', 'at']);

function stripDot(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

export function isNameWord(t: Token): boolean {
  if (t.type !== 'word' || !t.capital) return false;
  if (t.text.length === 2 && t.text[1] === '.') return true; // an initial, as in Julie A. Diaz
  return !CAPITALISED_FUNCTION_WORDS.has(stripDot(t.lower)) || HONORIFIC_GENDERS.has(stripDot(t.lower)) || t.lower === 'dr.';
}

function isRoleWord(t: Token): boolean {
  return t.type === 'word' && (PERSON_ROLES.has(t.lower) || PERSON_ROLES.has(stripDot(t.lower)));
}

export function isPhraseWord(t: Token): boolean {
  if (t.type !== 'word') return false;
  if (isNameWord(t)) return true;
  return ROLE_NOUNS.has(t.lower) || ROLE_MODIFIERS.has(t.lower) || isRoleWord(t);
}

/** The phrase whose last token is `j` (a subject before its verb), or null. */
export function phraseEndingAt(tokens: readonly Token[], j: number, lo: number): Phrase | null {
  let end = j;
  if (end >= lo && tokens[end]!.text === ')') {
    let k = end - 1;
    while (k >= lo && k > end - 10 && tokens[k]!.text !== '(') k--;
    if (k < lo || tokens[k]!.text !== '(') return null;
    end = k - 1; // "Sen. Claire McCaskill (D-Mo.)": the party tag is not the name
  }
  if (end < lo) return null;
  const last = tokens[end]!;
  if (last.type === 'word' && SPEAKER_PRONOUNS.has(last.lower)) {
    return pronounPhrase(end, last.lower);
  }
  let k = end;
  let unknown = 0;
  while (k >= lo) {
    const t = tokens[k]!;
    if (isPhraseWord(t)) {
      k--;
    } else if (unknown < 2 && k < end && isLooseRoleWord(t) && namesPerson(tokens, k + 1, end)) {
      // "chief engineer Oskar Lindqvist": role words the lexicon does not know, before a full name.
      unknown++;
      k--;
    } else if (t.type === 'poss' && k - 1 >= lo && isNameWord(tokens[k - 1]!) && k < end) {
      k--;
    } else if (t.type === 'word' && LINKS.has(t.lower) && k < end && k - 1 >= lo && isPhraseWord(tokens[k - 1]!) && startsNamed(tokens, k + 1, end)) {
      k--;
    } else if (t.type === 'word' && DETERMINERS.has(t.lower) && k < end) {
      k--;
      break;
    } else {
      break;
    }
  }
  const phrase = classify(tokens, k + 1, end);
  // "a senior Western intelligence official said": read the whole description, up to its article,
  // or "official" alone would pass for a definite "the official".
  if (phrase === null || (phrase.kind === 'description' && !DETERMINERS.has(tokens[phrase.first]!.lower))) {
    return describedBy(tokens, end, lo) ?? phrase;
  }
  return phrase;
}

/** "The New York businessman": a determiner, modifiers and a head noun the lexicon does not know. */
export function describedBy(tokens: readonly Token[], end: number, lo: number): Phrase | null {
  const head = tokens[end]!;
  if (head.type !== 'word' || head.capital || end - lo < 1) return null;
  if (tokens[end - 1]!.type === 'poss' && !PERSON_ROLES.has(head.lower)) {
    // "Ivana Trump's brief said": a document or campaign speaks for its owner.
    const owner = phraseEndingAt(tokens, end - 2, lo);
    if (owner !== null && owner.kind === 'name') return named(owner.first, end, owner.definite, owner.name, owner.organisation, null, owner.honorific);
  }
  for (let k = end - 1; k >= Math.max(lo, end - 5); k--) {
    const t = tokens[k]!;
    if (t.type !== 'word' && t.type !== 'poss') return null;
    if (DETERMINERS.has(t.lower)) {
      const qualifier = tokens.slice(k + 1, end).filter((x) => x.capital).map((x) => x.text).join(' ') || null;
      return described(k, end, t.lower === 'the', joinTokens(tokens, k + 1, end), head.lower, qualifier, false);
    }
  }
  return null;
}

/** The phrase starting at token `i` (a subject after an inverted verb: `said Jens Stoltenberg`). */
export function phraseStartingAt(tokens: readonly Token[], i: number, hi: number): Phrase | null {
  if (i > hi) return null;
  const first = tokens[i]!;
  if (first.type === 'word' && SPEAKER_PRONOUNS.has(first.lower)) return pronounPhrase(i, first.lower);
  let k = i;
  if (first.type === 'word' && DETERMINERS.has(first.lower)) k++;
  while (k <= hi) {
    const t = tokens[k]!;
    if (isPhraseWord(t)) {
      k++;
    } else if (k - i < 3 && isLooseRoleWord(t) && leadsToName(tokens, k + 1, hi)) {
      k++;
    } else if (isLooseRoleWord(t) && k > i && tokens[k - 1]!.capital && singleName(tokens, i, k) && leadsToRole(tokens, k, hi)) {
      // "a senior Western intelligence official": the capitalised word was a modifier; the
      // phrase ends at its head noun.
      k++;
    } else if (t.type === 'poss' && k > i && isNameWord(tokens[k - 1]!) && k + 1 <= hi && isPhraseWord(tokens[k + 1]!)) {
      k++;
    } else if (t.type === 'word' && LINKS.has(t.lower) && k > i && !sawNamePerson(tokens, i, k) && k + 1 <= hi && startsNamed(tokens, k + 1, hi)) {
      k++;
    } else {
      break;
    }
  }
  return classify(tokens, i, k - 1);
}

const NOT_ROLE_WORDS = new Set(['is', 'was', 'are', 'were', 'has', 'have', 'had', 'and', 'or', 'but', 'that', 'which', 'who', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'said', 'says', 'told', 'when', 'while', 'if', 'than', 'then', 'not', 'also', 'be', 'been', 'will', 'would', 'can', 'could', 'after', 'before', 'because', 'so', 'like', 'such', 'about', 'into', 'over', 'under', 'up', 'out', 'time', 'day', 'week', 'year']);

function isLooseRoleWord(t: Token): boolean {
  return t.type === 'word' && !t.capital && /^[a-z][a-z-]+$/.test(t.text) && !NOT_ROLE_WORDS.has(t.lower) && !SPEECH_VERBS.has(t.lower) && !t.lower.endsWith('ly');
}

/** [from, to] holds a person's full name: two or more capitalised name words, no organisation word. */
function namesPerson(tokens: readonly Token[], from: number, to: number): boolean {
  let names = 0;
  for (let i = from; i <= to; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word') continue;
    if (isNameWord(t) && !isRoleWord(t) && !ORGANISATION_WORDS.has(t.lower)) names++;
    else if (t.capital || !(ROLE_NOUNS.has(t.lower) || ROLE_MODIFIERS.has(t.lower) || isLooseRoleWord(t))) return false;
  }
  return names >= 2;
}

/** [from, to) holds one capitalised word and it is not a title: a modifier such as "Western". */
function singleName(tokens: readonly Token[], from: number, to: number): boolean {
  let names = 0;
  for (let k = from; k < to; k++) if (tokens[k]!.capital) names++;
  return names === 1 && !isRoleWord(tokens[to - 1]!);
}

/** Lower-case words from i on lead, within two words, to a role noun ("intelligence official"). */
function leadsToRole(tokens: readonly Token[], i: number, hi: number): boolean {
  for (let k = i + 1; k <= Math.min(hi, i + 2); k++) {
    const t = tokens[k]!;
    if (t.type === 'word' && !t.capital && (ROLE_NOUNS.has(t.lower) || isRoleWord(t))) return true;
    if (!isLooseRoleWord(t)) return false;
  }
  return false;
}

/** Lower-case words from i on lead, within two more words, to a capitalised name. */
function leadsToName(tokens: readonly Token[], i: number, hi: number): boolean {
  for (let k = i; k <= Math.min(hi, i + 2); k++) {
    const t = tokens[k]!;
    if (isNameWord(t) && !isRoleWord(t)) return tokens[k + 1] !== undefined && isNameWord(tokens[k + 1]!) && !isRoleWord(tokens[k + 1]!);
    if (!(isLooseRoleWord(t) || isPhraseWord(t))) return false;
  }
  return false;
}

/** A person's name already stands in [from, to): "Elijah Cummings of Maryland" stops at "of". */
function sawNamePerson(tokens: readonly Token[], from: number, to: number): boolean {
  const prev = tokens[to - 1];
  if (prev === undefined || !isNameWord(prev) || isRoleWord(prev) || ORGANISATION_WORDS.has(prev.lower)) return false;
  // One capitalised word before "for"/"of" starts an organisation's name ("Citizens for Tax Justice").
  let names = 0;
  for (let i = from; i < to; i++) if (isNameWord(tokens[i]!) && !isRoleWord(tokens[i]!)) names++;
  return names >= 2 || (names === 1 && to - from >= 2);
}

function startsNamed(tokens: readonly Token[], i: number, hi: number): boolean {
  const t = tokens[i];
  if (t === undefined || i > hi) return false;
  if (t.type === 'word' && DETERMINERS.has(t.lower)) return i + 1 <= hi && isNameWord(tokens[i + 1]!);
  return isNameWord(t);
}

// Phrases are built by these three functions only, so every Phrase has one shape (a hot path).
function pronounPhrase(i: number, pronoun: string): Phrase {
  return { kind: 'pronoun', first: i, last: i, name: null, organisation: false, role: null, honorific: null, pronoun, head: null, qualifier: null, generic: false, definite: true };
}

function named(first: number, last: number, definite: boolean, name: string | null, organisation: boolean, role: string | null, honorific: string | null): Phrase {
  return { kind: 'name', first, last, name, organisation, role, honorific, pronoun: null, head: null, qualifier: null, generic: false, definite };
}

function described(first: number, last: number, definite: boolean, role: string, head: string, qualifier: string | null, generic: boolean): Phrase {
  return { kind: 'description', first, last, name: null, organisation: false, role, honorific: null, pronoun: null, head, qualifier, generic, definite };
}

function joinTokens(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let i = from; i <= to; i++) {
    const t = tokens[i]!;
    out += i > from && t.type !== 'poss' ? ' ' + t.text : t.text;
  }
  return out;
}

function classify(tokens: readonly Token[], first: number, last: number): Phrase | null {
  if (first > last) return null;
  let from = first;
  const det = tokens[from]!;
  const definite = !(det.lower === 'a' || det.lower === 'an');
  if (det.type === 'word' && DETERMINERS.has(det.lower)) from++;
  if (from > last) return null;
  // The name is what follows the last role word; everything before it is the role.
  let lastRole = from - 1;
  for (let i = from; i <= last; i++) {
    const t = tokens[i]!;
    // "Mr. King", "Charlie King": a title word after a name or honorific is a surname.
    const surname = i === last && i > from && t.capital && (isNameWord(tokens[i - 1]!) && !isRoleWord(tokens[i - 1]!) || HONORIFIC_GENDERS.has(stripDot(tokens[i - 1]!.lower)));
    if ((isRoleWord(t) && !surname) || (!t.capital && t.type === 'word')) lastRole = i;
  }
  let honorific: string | null = null;
  const before = tokens[lastRole];
  if (lastRole >= from && before !== undefined && HONORIFIC_GENDERS.has(stripDot(before.lower))) honorific = stripDot(before.lower);
  let nameFrom = lastRole + 1;
  if (lastRole > from && before !== undefined && LINKS.has(before.lower) && nameFrom <= last) {
    const owner = tokens[lastRole - 1]!;
    // "Gov. Earl Ray Tomblin of West Virginia": a person's name, then where they are from.
    let runStart = lastRole - 1;
    while (runStart - 1 >= from && isNameWord(tokens[runStart - 1]!) && !isRoleWord(tokens[runStart - 1]!)) runStart--;
    const personRun = isNameWord(owner) && !isRoleWord(owner) && !ORGANISATION_WORDS.has(owner.lower);
    if (personRun && (lastRole - runStart >= 2 || (runStart > from && isRoleWord(tokens[runStart - 1]!)))) {
      const honorificBefore = runStart > from ? stripDot(tokens[runStart - 1]!.lower) : null;
      const role = runStart > from ? joinTokens(tokens, from, runStart - 1) : null;
      return named(first, last, definite, joinTokens(tokens, runStart, lastRole - 1), false, role, honorificBefore !== null && HONORIFIC_GENDERS.has(honorificBefore) ? honorificBefore : null);
    }
    if (owner.capital && ORGANISATION_WORDS.has(owner.lower) && !isRoleWord(owner)) {
      // "the Ministry of Defence": the link belongs to the organisation's name.
      let runStart = lastRole - 1;
      while (runStart - 1 >= from && tokens[runStart - 1]!.capital) runStart--;
      const role = runStart > from ? joinTokens(tokens, from, runStart - 1) : null;
      return named(first, last, definite, joinTokens(tokens, runStart, last), true, role, null);
    }
    // "US Ambassador to NATO Julianne Smith" names a person only from a given name on;
    // "the American envoy to NATO" names nobody.
    let given = -1;
    for (let i = nameFrom + 1; i <= last; i++) if (tokens[i]!.type === 'word' && genderOfGivenName(tokens[i]!.text) !== null) given = i;
    if (given === -1) {
      const qualifier = tokens.slice(from, last + 1).filter((t) => t.capital).map((t) => t.text).join(' ') || null;
      return described(first, last, definite, joinTokens(tokens, from, last), owner.lower, qualifier, false);
    }
    nameFrom = given;
    lastRole = given - 1;
  }
  // "Coach Marco Bellini": a capitalised word the lexicon does not know as a title, then a given name.
  if (last - nameFrom >= 2) {
    for (let i = nameFrom + 1; i < last; i++) {
      if (tokens[i]!.type === 'word' && genderOfGivenName(tokens[i]!.text) !== null && genderOfGivenName(tokens[nameFrom]!.text) === null) {
        lastRole = i - 1;
        nameFrom = i;
        break;
      }
    }
  }
  if (nameFrom <= last && tokens.slice(nameFrom, last + 1).every((t) => t.type === 'word' && isNameWord(t))) {
    const name = joinTokens(tokens, nameFrom, last);
    const roleText = lastRole >= from ? joinTokens(tokens, from, lastRole) : null;
    const organisation = isOrganisationName(tokens, nameFrom, last);
    return named(first, last, definite, name, organisation, honorific !== null && lastRole === from ? null : roleText, honorific);
  }
  // No name after the roles: an organisation ("the Russian Defence Ministry") or a description.
  const words = tokens.slice(from, last + 1).filter((t) => t.type === 'word');
  const head = tokens[last]!;
  if (head.type === 'word' && head.capital && isOrganisationName(tokens, from, last)) {
    return named(first, last, definite, joinTokens(tokens, from, last), true, null, null);
  }
  if (head.type !== 'word' || !(ROLE_NOUNS.has(head.lower) || isRoleWord(head))) return null;
  const capitals = words.filter((t) => t.capital);
  const qualifier = capitals.length > 0 ? capitals.map((t) => t.text).join(' ') : null;
  const plural = head.lower.endsWith('s') && !head.lower.endsWith('ss') && !PERSON_ROLES.has(head.lower);
  const generic = GENERIC_SUBJECT_HEADS.has(head.lower) || plural;
  return described(first, last, definite, joinTokens(tokens, from, last), head.lower, qualifier, generic);
}

export function isOrganisationName(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word') continue;
    if (ORGANISATION_WORDS.has(t.lower)) return true;
    if (t.text.length >= 2 && t.text === t.text.toUpperCase() && /^[A-Z]+$/.test(t.text)) return true;
  }
  return false;
}

/** Is token i a speech verb? */
export function isSpeechVerb(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'word' && !t.capital && SPEECH_VERBS.has(t.lower);
}

/** Text of tokens [from, to] as written, for roles taken from appositives. */
export function phraseText(tokens: readonly Token[], from: number, to: number): string {
  return joinTokens(tokens, from, to);
}
