/**
 * The actors of `statements init`: who speaks in a few articles about a situation, and the
 * organisations they speak for or cite.
 *
 * 1. Speakers: every statement the extraction engine attributes (direct, partial, reported), run
 *    with an empty watchlist so nothing from another situation leaks in. The engine names a
 *    speaker only when it is confident, so these are the people of the story.
 * 2. Organisations cited as sources: the named subject of a reporting verb ("the Kremlin
 *    confirmed", "Sputnik reported"), and what follows "according to" and "citing".
 * 3. Organisations in the speakers' roles ("NATO" in "NATO Secretary-General", "Kremlin" in
 *    "Kremlin spokesperson"), kept when the articles also use them as nouns of their own (so
 *    "British" in "British defence minister" is not one) or they are acronyms.
 * Then spellings are merged (Defence/Defense, U.S./US, surname alone → full name), acronyms are
 * joined to their expansions, generic names ("the Ministry of Defence") are folded into the one
 * specific organisation they can stand for, and roles, affiliations and aliases are filled in.
 */
import type { Actor } from '../model/index.js';
import { appositiveAfter, subjectOf } from '../statements/cues.js';
import { genderOfGivenName } from '../statements/given-names.js';
import { extractStatements } from '../statements/index.js';
import { ORGANISATION_WORDS, PERSON_ROLES, REPORTING_VERBS, ROLE_MODIFIERS, ROLE_NOUNS, VERB_MODIFIERS } from '../statements/lexicon.js';
import { phraseEndingAt, phraseStartingAt, type Phrase } from '../statements/phrases.js';
import { sentences, type Token } from '../statements/tokens.js';
import { acronymOf, nameKey, type ReadArticle, slugOf, spellingVariants } from './init-text.js';

/** An actor with what the articles say about it, for the comments of the written file. */
export interface FoundActor {
  actor: Actor;
  /** Statements the engine attributed to it. */
  statements: number;
  /** Articles it speaks in or is cited in. */
  articles: number;
  /** Named as a source ("the Kremlin confirmed", "according to Interfax"). */
  cited: boolean;
  /** The people in whose role it is named ("Kremlin spokesperson Dmitry Peskov"). */
  inRoleOf: string[];
  /** Generic names it is called by that are not listed as aliases ("Ministry of Defence"). */
  generic: string[];
}

/** A token's place: its paragraph's tokens and its index. */
interface Place {
  tokens: readonly Token[];
  i: number;
}

interface Candidate {
  /** Spellings as written → times seen. */
  names: Map<string, number>;
  /** Votes: positive for an organisation, negative for a person. */
  organisation: number;
  roles: Map<string, number>;
  statements: number;
  articles: Set<number>;
  spoke: boolean;
  cited: boolean;
  inRole: boolean;
  /** Position of the first sighting, to keep the articles' order. */
  first: number;
  /** People in whose role it is named. */
  roleOf: Set<string>;
  /** Names written as its owner ("Russia" in "Russia's Southern Military District"). */
  owners: Set<string>;
  generic: string[];
  merged: boolean;
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'at', 'de', 'del', 'la', 'le', 'al']);
const LINKS = new Set(['of', 'to', 'for', 'at', 'in', 'from', 'with', 'on']);
const LEADING_JUNK = new Set(['like', 'as', 'unlike', 'and', 'but', 'with', 'by', 'from', 'of', 'to', 'then']);
const RELATIVES = new Set(['who', 'which', 'that', 'whose', 'whom', 'where', 'when']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);
/** What may stand between an organisation used as a noun and what follows it. */
const NOUN_FOLLOWERS = new Set(['on', 'in', 'at', 'to', 'for', 'with', 'about', 'from', 'over', 'and', 'or', 'who', 'which', 'that']);

/** Words of the engine's organisation list that are names, not common nouns. */
const PROPER_ORGANISATION_WORDS = new Set(['kremlin', 'pentagon', 'white']);
/** The heads of an unnamed voice that speaks for an organisation ("a Pentagon spokesperson"). */
const VOICES = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'spokespersons', 'spokesmen', 'spokeswomen']);

/** Heads of organisations' names beside the engine's list: "Halden Port Authority", "High Court". */
const ORGANISATION_HEADS = new Set([
  'authority', 'authorities', 'court', 'tribunal', 'regulator', 'exchange', 'airline', 'airlines', 'airport',
  'hospital', 'trust', 'secretariat', 'directorate', 'inspectorate', 'observatory', 'institution', 'network',
  'ministries', 'departments', 'agencies', 'group', 'company', 'bank', 'council', 'committee', 'party',
]);
const isOrgWord = (lower: string): boolean => ORGANISATION_WORDS.has(lower) || ORGANISATION_HEADS.has(lower);

const isRoleWord = (lower: string): boolean => PERSON_ROLES.has(lower) || ROLE_NOUNS.has(lower) || ROLE_MODIFIERS.has(lower);
const wordsOf = (name: string): string[] => name.split(/\s+/).filter(Boolean);

/** A common noun of organisations or roles ("Ministry", "Defence", "Government"), not a name ("NATO", "Kremlin"). */
function isGenericWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (SMALL_WORDS.has(lower)) return true;
  if (acronymOf(word) !== null || PROPER_ORGANISATION_WORDS.has(lower)) return false;
  return isOrgWord(lower) || isRoleWord(lower);
}

/** A name made only of generic words ("Ministry of Defence", "the Government") names nobody in particular. */
function isGenericName(name: string): boolean {
  const words = wordsOf(name.replace(/^the\s+/i, '')).map((w) => w.replace(/[’']s$/, ''));
  return words.length === 0 || words.every(isGenericWord);
}

export function findActors(articles: readonly ReadArticle[]): FoundActor[] {
  const found = new Finder(articles);
  found.speakers();
  found.citedSources();
  found.roleOrganisations();
  return found.actors();
}

class Finder {
  private readonly candidates: Candidate[] = [];
  /** Candidates by the key of a name they were found under (before spellings are merged). */
  private readonly byKey = new Map<string, Candidate>();
  /** Every capitalised word in the articles that is used as a noun of its own ("the Kremlin confirmed"). */
  private readonly nouns = new Set<string>();
  /** Capitalised words that stand alone (not inside a longer run of capitals), lower case. */
  private readonly alone = new Set<string>();
  /** Words the articles write in lower case. */
  private readonly lowerWords = new Set<string>();

  /** Where each capitalised word stands in the frames (quotes as tokens), by its name key. */
  private readonly inFrames = new Map<string, Place[]>();
  /** Where each capitalised word stands in all paragraphs (captions included), by its lower case. */
  private readonly inAll = new Map<string, Place[]>();
  /** How often each word is written, exactly as written. */
  private readonly written = new Map<string, number>();

  constructor(private readonly articles: readonly ReadArticle[]) {
    const index = (map: Map<string, Place[]>, key: string, place: Place): void => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [place]);
      else list.push(place);
    };
    for (const article of articles) {
      for (const tokens of article.words) this.noteUsage(tokens);
      for (const tokens of article.frames) {
        tokens.forEach((t, i) => {
          if (t.type === 'word' && t.capital) index(this.inFrames, wordsOf(nameKey(t.text))[0] ?? '', { tokens, i });
        });
      }
      for (const tokens of article.all) {
        tokens.forEach((t, i) => {
          this.written.set(t.text, (this.written.get(t.text) ?? 0) + 1);
          if (t.type === 'word' && t.capital) index(this.inAll, t.lower, { tokens, i });
        });
      }
    }
  }

  private noteUsage(tokens: readonly Token[]): void {
    tokens.forEach((t, i) => {
      if (t.type === 'word' && !t.capital) this.lowerWords.add(t.lower);
      if (t.type !== 'word' || !t.capital) return;
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      const capitalBefore = before !== undefined && before.type === 'word' && before.capital && !before.sentenceEnd;
      const capitalAfter = after !== undefined && after.type === 'word' && after.capital;
      if (!capitalBefore && !capitalAfter) this.alone.add(t.lower);
      // A noun: followed by punctuation, a possessive, a verb or its modifier, or a preposition.
      if (
        after === undefined ||
        after.type === 'poss' ||
        (after.type === 'punct' && after.text !== '-') ||
        (after.type === 'word' && !after.capital && (VERB_MODIFIERS.has(after.lower) || isPastReport(after.lower) || NOUN_FOLLOWERS.has(after.lower)))
      ) {
        this.nouns.add(t.lower);
      }
    });
  }

  private candidate(written: string, position: number): Candidate {
    const name = written.replace(/^the\s+/i, '');
    const key = nameKey(name);
    let found = this.byKey.get(key);
    if (found === undefined) {
      found = { names: new Map(), organisation: 0, roles: new Map(), statements: 0, articles: new Set(), spoke: false, cited: false, inRole: false, first: position, roleOf: new Set(), owners: new Set(), generic: [], merged: false };
      this.candidates.push(found);
      this.byKey.set(key, found);
    }
    found.names.set(name, (found.names.get(name) ?? 0) + 1);
    found.first = Math.min(found.first, position);
    return found;
  }

  /** 1. The engine's speakers. */
  speakers(): void {
    this.articles.forEach((article, a) => {
      const { statements } = extractStatements(article.source.text);
      for (const s of statements) {
        if (s.speaker === null) continue;
        const c = this.candidate(s.speaker, a * 1e9 + s.start);
        c.spoke = true;
        c.statements++;
        c.articles.add(a);
        const role = cleanRole(s.role);
        if (role !== null) addRole(c, role, 2);
        c.organisation += looksOrganisation(s.speaker, role) ? 1 : -1;
      }
    });
  }

  /** 2. Organisations named as the subject of a reporting verb, "according to" or "citing". */
  citedSources(): void {
    this.articles.forEach((article, a) => {
      for (const tokens of article.frames) {
        for (const [lo, hi] of sentences(tokens)) {
          for (let v = lo; v <= hi; v++) {
            const t = tokens[v]!;
            if (t.type !== 'word' || t.capital) continue;
            let phrase: Phrase | null = null;
            let role: string | null = null;
            if (isPastReport(t.lower) && tokens[v - 1]?.lower !== 'to') {
              const subject = subjectOf(tokens, v, lo);
              phrase = subject?.phrase ?? null;
              role = subject?.role ?? null;
            } else if ((t.lower === 'according' && tokens[v + 1]?.lower === 'to') || t.lower === 'citing') {
              phrase = phraseStartingAt(tokens, t.lower === 'citing' ? v + 1 : v + 2, hi);
            }
            if (phrase === null) continue;
            this.citedPhrase(phrase, role, tokens, a);
          }
        }
        this.voices(tokens, a);
      }
    });
  }

  /** "Kremlin spokesperson", "a Pentagon spokesman": the capitalised words before the voice are its organisation. */
  private voices(tokens: readonly Token[], a: number): void {
    tokens.forEach((t, i) => {
      if (t.type !== 'word' || !VOICES.has(t.lower)) return;
      let k = i - 1;
      while (k >= 0 && tokens[k]!.type === 'word' && !tokens[k]!.capital && ROLE_MODIFIERS.has(tokens[k]!.lower)) k--;
      const run: Token[] = [];
      while (k >= 0 && tokens[k]!.type === 'word' && tokens[k]!.capital && !tokens[k]!.sentenceEnd && !isRoleWord(tokens[k]!.lower)) run.unshift(tokens[k--]!);
      if (run.length === 0 || (k >= 0 && tokens[k]!.type === 'poss')) return;
      const name = run.map((x) => x.text).join(' ');
      if (!this.isOrganisationWord(name)) return;
      const c = this.candidate(name, a * 1e9 + run[0]!.start);
      c.cited = true;
      c.articles.add(a);
      c.organisation += 1;
    });
  }

  private citedPhrase(phrase: Phrase, role: string | null, tokens: readonly Token[], a: number): void {
    const position = a * 1e9 + tokens[phrase.first]!.start;
    // "Sen. Chris Murphy (D-Conn.)": a party tag is no source.
    const before = tokens[phrase.first - 1];
    if (before !== undefined && (before.text === '(' || before.text === '-')) return;
    if (phrase.kind === 'name' && phrase.name !== null && !phrase.generic) {
      // "Russia's Southern Military District": the district, owned by Russia.
      const owned = ownedName(tokens, phrase);
      const name = owned?.name ?? phrase.name;
      const words = wordsOf(name);
      const person = !phrase.organisation && (words.length > 1 || genderOfGivenName(name) !== null || this.isSurname(name));
      if (person) return; // people are the engine's to name
      if (!this.isOrganisationWord(name)) return;
      const c = this.candidate(name, position);
      if (owned !== undefined) c.owners.add(owned.owner);
      c.cited = true;
      c.articles.add(a);
      c.organisation += 1;
      const r = cleanRole(phrase.role ?? role);
      if (r !== null) addRole(c, r, 1);
    } else if (phrase.kind === 'description' && phrase.qualifier !== null && !phrase.generic) {
      // "a Pentagon spokesperson said", "citing the commander of Russia's Southern Military
      // District": the unnamed voice speaks for its organisation.
      const run = lastCapitalRun(tokens, phrase.first, phrase.last);
      if (run === null || !this.isOrganisationWord(run.name)) return;
      const c = this.candidate(run.name, position);
      if (run.owner !== null) c.owners.add(run.owner);
      c.cited = true;
      c.articles.add(a);
      c.organisation += 1;
    }
  }

  /** A single word that is part of the name of a person already found ("Clinton", "Ban" of Ban Ki-moon). */
  private isSurname(word: string): boolean {
    const lower = word.toLowerCase();
    return this.candidates.some((c) => c.organisation < 0 && [...c.names.keys()].some((n) => n.includes(' ') && wordsOf(n.toLowerCase()).includes(lower)));
  }

  /** Capitalised words that name an organisation rather than describe ("NATO", "Kremlin", not "British"). */
  private isOrganisationWord(run: string): boolean {
    const words = wordsOf(run);
    if (words.length === 0) return false;
    // "Clinton" in "Clinton campaign spokesman" is a person's name.
    if (words.length === 1 && this.isSurname(run)) return false;
    if (acronymOf(run) !== null) return true;
    if (words.some((w) => isOrgWord(w.toLowerCase())) && !isGenericName(run)) return true;
    const last = words[words.length - 1]!.toLowerCase();
    return this.nouns.has(last) && words.every((w) => genderOfGivenName(w) === null);
  }

  /** 3. Organisations inside the roles of the speakers. */
  roleOrganisations(): void {
    const people = this.candidates.filter((c) => c.organisation < 0);
    // Roles the engine did not attach to a statement: "Marta Kowalczyk, general secretary of the
    // Harbour Workers Union, told reporters".
    for (const person of people) {
      for (const role of this.rolesInText([bestName(person)])) addRole(person, role, 1);
    }
    for (const person of people) {
      for (const role of person.roles.keys()) {
        for (const run of capitalRuns(role)) {
          if (!this.isOrganisationWord(run)) continue;
          const c = this.candidate(run, person.first + 1);
          c.inRole = true;
          c.roleOf.add(bestName(person));
          c.organisation += 1;
        }
      }
    }
  }

  actors(): FoundActor[] {
    this.mergeSpellings();
    this.foldGeneric();
    const live = this.candidates.filter((c) => !c.merged && (c.spoke || c.cited || c.inRole) && this.salient(c));
    live.sort((x, y) => x.first - y.first);
    const built = live.map((c) => this.build(c));
    assignIds(built);
    linkAffiliations(built);
    pruneAliases(built);
    const organisations = built.filter((b) => b.actor.kind === 'organisation');
    const people = built.filter((b) => b.actor.kind === 'person');
    return [...organisations, ...people].map(({ found }) => found);
  }

  /**
   * A one-word name with nothing else to show it is an organisation (no acronym, no organisation
   * word, no role) must be named at least twice: "Conn." after a town is no speaker.
   */
  private salient(c: Candidate): boolean {
    const name = bestName(c);
    if (wordsOf(name).length > 1 || c.names.size > 1 || c.roles.size > 0 || acronymOf(name) !== null || isOrgWord(name.toLowerCase())) return true;
    // Two letters at least: one is an initial, or noise.
    return (this.written.get(name) ?? 0) >= 2 && /\p{L}.*\p{L}/u.test(name);
  }

  /** Candidates that are one actor written differently. */
  private mergeSpellings(): void {
    const list = this.candidates;
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      if (a.merged) continue;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j]!;
        if (b.merged || !sameActor(a, b)) continue;
        absorb(a, b);
      }
    }
    // "Port Authority" after "Halden Port Authority": the organisation's short name (never a
    // generic one such as "Defence Ministry", which foldGeneric deals with).
    for (const short of list) {
      if (short.merged || !isOrganisation(short)) continue;
      const words = wordsOf(nameKey(bestName(short)));
      if (words.length < 2 || isGenericName(bestName(short))) continue;
      const longer = list.filter((l) => {
        if (l === short || l.merged || !isOrganisation(l)) return false;
        const full = wordsOf(nameKey(bestName(l)));
        return full.length > words.length && full.slice(-words.length).join(' ') === words.join(' ');
      });
      if (longer.length === 1) absorb(longer[0]!, short);
    }
    // A surname alone ("Stoltenberg"; "Ban" of Ban Ki-moon) is the person the articles named in full.
    // Only a bare speaker: a cited "Washington" is not George Washington.
    for (const c of list) {
      if (c.merged || c.cited || c.inRole) continue;
      const name = bestName(c);
      if (wordsOf(name).length !== 1) continue;
      const people = list.filter((p) => !p.merged && p !== c && p.organisation < 0 && [...p.names.keys()].some((n) => wordsOf(n).length > 1 && wordsOf(n).some((w) => spellingVariants(w, name))));
      const person = people.length === 1 ? people[0]! : undefined;
      if (person === undefined) continue;
      // The bare name voted "organisation" for want of a given name; the person stays a person.
      const votes = person.organisation;
      absorb(person, c);
      person.organisation = votes;
    }
  }

  /** "Ministry of Defence" stands for the one specific ministry the articles name, or for nobody. */
  private foldGeneric(): void {
    for (const c of this.candidates) {
      if (c.merged) continue;
      const name = bestName(c);
      if (!isGenericName(name)) continue;
      const words = wordsOf(nameKey(name)).filter((w) => !SMALL_WORDS.has(w));
      const hosts = this.candidates.filter((h) => {
        if (h === c || h.merged || h.organisation <= 0) return false;
        const hostWords = wordsOf(nameKey(bestName(h)));
        return hostWords.length > words.length && words.every((w) => hostWords.some((x) => spellingVariants(x, w)));
      });
      c.merged = true;
      const host = hosts.length === 1 ? hosts[0]! : undefined;
      if (host === undefined) continue;
      host.generic.push(...[...c.names.keys()].filter((n) => !host.generic.includes(n)));
      host.statements += c.statements;
      for (const a of c.articles) host.articles.add(a);
      host.spoke ||= c.spoke;
      host.cited ||= c.cited;
    }
  }

  private build(c: Candidate): Built {
    // Cited sources and organisations in roles are organisations whatever the statements' votes.
    const organisation = isOrganisation(c);
    const names = [...c.names.entries()].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length).map(([n]) => n);
    let name = bestName(c);
    // A one-word form of a person's name is an alias only when it is safe as one (see surnameAlias).
    const aliases = new Set(names.filter((n) => n !== name && (organisation || wordsOf(n).length > 1 || this.surnameAlias(n))));
    if (organisation) {
      const acronym = names.map(acronymOf).find((x) => x !== null) ?? null;
      if (acronym !== null) {
        for (const form of acronymForms(acronym)) aliases.add(form);
        const expansion = this.expansionOf(acronym);
        if (expansion !== null) {
          aliases.add(name);
          name = expansion;
        }
      } else {
        const initials = initialsOf(name);
        if (initials !== null && this.alone.has(initials.toLowerCase())) aliases.add(initials);
      }
    } else {
      // Articles name people by surname after the first mention ("Stoltenberg told reporters").
      const surname = wordsOf(name).pop() ?? '';
      if (wordsOf(name).length > 1 && this.surnameAlias(surname)) aliases.add(surname);
    }
    for (const variant of this.spellingsOf(name)) aliases.add(variant);
    aliases.delete(name);
    if (organisation) for (const role of this.rolesInText([name, ...aliases])) addRole(c, role, 1);
    const role = this.roleOf(c);
    const gender = organisation ? null : genderOfGivenName(wordsOf(name)[0] ?? '');
    const actor: Actor = { id: '', name, kind: organisation ? 'organisation' : 'person', role, gender, aliases: [...aliases], affiliations: [] };
    return { candidate: c, actor, owners: [...c.owners], found: { actor, statements: c.statements, articles: c.articles.size, cited: c.cited, inRoleOf: [...c.roleOf], generic: c.generic } };
  }

  /** The role the articles give most, the fuller wording winning over one it contains. */
  private roleOf(c: Candidate): string | null {
    const roles = [...c.roles.entries()];
    const norm = (s: string): string => s.toLowerCase().replace(/[-\s]+/g, ' ');
    const scored = roles.map(([role, weight]) => {
      let score = weight;
      for (const [other, w] of roles) if (other !== role && norm(role).includes(norm(other))) score += w;
      return { role, score };
    });
    scored.sort((x, y) => y.score - x.score || y.role.length - x.role.length);
    return scored[0]?.role ?? null;
  }

  /** Roles written before a name ("Russian news agency Interfax") or after it in an appositive. */
  private rolesInText(names: readonly string[]): string[] {
    const roles: string[] = [];
    for (const key of new Set(names.map((n) => nameKey(n)).filter((k) => k.length > 0))) {
      for (const { tokens, i } of this.inFrames.get(wordsOf(key)[0] ?? '') ?? []) {
        // Read the name token by token ("Ban Ki-moon" is two tokens and three key words).
        let last = i;
        let text = tokens[i]!.text;
        while (nameKey(text).length < key.length && last + 1 < tokens.length && tokens[last + 1]!.type === 'word') text += ` ${tokens[++last]!.text}`;
        if (nameKey(text) !== key || tokens[last + 1]?.capital) continue;
        const phrase = phraseEndingAt(tokens, last, 0);
        if (phrase !== null && phrase.kind === 'name' && phrase.name !== null && nameKey(phrase.name) === key) {
          const role = cleanRole(phrase.role);
          if (role !== null) roles.push(role);
        }
        const app = appositiveAfter(tokens, last + 1, tokens.length - 1);
        const role = cleanRole(app?.role ?? null);
        if (role !== null && wordsOf(role).some((w) => isRoleWord(w.toLowerCase()))) roles.push(role);
      }
    }
    return roles;
  }

  /**
   * A surname is listed alone unless it could name something else: a short word ("Ham", "Ban"),
   * a given name, a title, or a word the articles also write in lower case.
   */
  private surnameAlias(word: string): boolean {
    const lower = word.toLowerCase();
    return word.length > 3 && /^\p{Lu}/u.test(word) && genderOfGivenName(word) === null && !isRoleWord(lower) && !isOrgWord(lower) && !this.lowerWords.has(lower);
  }

  /** Other spellings of a name of two words or more anywhere in the articles ("Russian Defense Ministry"). */
  private spellingsOf(name: string): string[] {
    const target = wordsOf(name);
    if (target.length < 2) return [];
    const found = new Set<string>();
    const first = target[0]!.toLowerCase();
    for (const [word, places] of this.inAll) {
      if (!sameSpelling(word, first)) continue;
      for (const { tokens, i } of places) {
        if (i + target.length > tokens.length) continue;
        const run = tokens.slice(i, i + target.length);
        if (!run.every((t, k) => t.type === 'word' && t.capital === /^\p{Lu}/u.test(target[k]!) && sameSpelling(t.lower, target[k]!.toLowerCase()))) continue;
        const text = run.map((t) => t.text).join(' ');
        if (text !== name && !(tokens[i + target.length]?.capital ?? false)) found.add(text);
      }
    }
    return [...found];
  }

  /** "United States" for "US": a run of capitalised words in the articles whose initials spell it. */
  private expansionOf(acronym: string): string | null {
    const counts = new Map<string, number>();
    for (const article of this.articles) {
      for (const tokens of article.all) {
        for (let i = 0; i < tokens.length; i++) {
          const words: string[] = [];
          let initials = '';
          for (let k = i; k < tokens.length && initials.length <= acronym.length; k++) {
            const t = tokens[k]!;
            if (t.type !== 'word') break;
            if (k === i && !t.capital) break;
            if (t.capital && acronymOf(t.text) === null && /^\p{Lu}\p{Ll}/u.test(t.text)) initials += t.text[0];
            else if (!SMALL_WORDS.has(t.lower)) break;
            words.push(t.text);
            if (initials === acronym && t.capital && words.length >= 2 && !tokens[k + 1]?.capital) {
              const phrase = words.join(' ');
              if (genderOfGivenName(words[0]!) === null) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
              break;
            }
          }
        }
      }
    }
    const best = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
    return best?.[0] ?? null;
  }
}

function addRole(c: Candidate, role: string, weight: number): void {
  c.roles.set(role, (c.roles.get(role) ?? 0) + weight);
}

/** A role as a reader would write it: no leading "the", no trailing comma; null for a name passing as a role. */
function cleanRole(role: string | null): string | null {
  if (role === null) return null;
  let words = wordsOf(role.replace(/[\s,;:]+$/, '').replace(/^[\s,;:]+/, ''));
  while (words.length > 0 && (DETERMINERS.has(words[0]!.toLowerCase()) || LEADING_JUNK.has(words[0]!.toLowerCase()))) words = words.slice(1);
  if (words.length === 0 || words.length > 8) return null;
  // A role names what somebody is, by its head word ("veteran" in "veteran of the DNC Rules
  // Committee"): "the West", "backed", "who helmed the DNC" are no roles.
  if (RELATIVES.has(words[0]!.toLowerCase())) return null;
  // "secretary general of the" (United Nations) is the role of someone else.
  const end = words[words.length - 1]!.toLowerCase();
  if (LINKS.has(end) || DETERMINERS.has(end)) return null;
  const link = words.findIndex((w, i) => i > 0 && LINKS.has(w.toLowerCase()));
  const head = (link > 0 ? words[link - 1] : words[words.length - 1]) ?? '';
  const bare = head.toLowerCase().replace(/[’']s$/, '');
  const isTitle = (w: string): boolean => PERSON_ROLES.has(w) || ROLE_NOUNS.has(w) || isOrgWord(w);
  if (![bare, bare.replace(/\.$/, ''), ...bare.split('-')].some(isTitle)) return null;
  return words.join(' ');
}

/** Capitalised runs in a role that are not titles: "NATO" in "NATO Secretary-General", "US" and "NATO" in "US Ambassador to NATO". */
function capitalRuns(role: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 0) runs.push(run.join(' '));
    run = [];
  };
  for (const raw of wordsOf(role)) {
    const word = raw.replace(/[’']s$/, '').replace(/[,;:]$/, '');
    const lower = word.toLowerCase();
    // "Committee" in "DNC Rules Committee" and "Workers" in "Harbour Workers Union" are part of a
    // name; "Minister", "Secretary-General" and "Interim" belong to the title.
    const isTitleWord = (w: string): boolean => PERSON_ROLES.has(w) || ROLE_MODIFIERS.has(w);
    const title = !isOrgWord(lower) && (isTitleWord(lower) || lower.split('-').every(isTitleWord));
    if (/^\p{Lu}/u.test(word) && !title) run.push(word);
    else flush();
    if (word !== raw) flush();
  }
  flush();
  return runs;
}

/** Whether a candidate is an organisation: found as one, or voted one by its statements. */
function isOrganisation(c: Candidate): boolean {
  return c.cited || c.inRole || c.organisation > 0;
}

function looksOrganisation(name: string, role: string | null): boolean {
  const words = wordsOf(name);
  if (acronymOf(name) !== null || words.some((w) => isOrgWord(w.toLowerCase()))) return true;
  if (words.length === 1) return genderOfGivenName(name) === null;
  // "Russian news agency Interfax": the head of the role, before any "of"/"to" ("veteran of the Committee").
  const head = role === null ? undefined : wordsOf(role.split(/\s(?:of|to|for|at|in|from|with)\s/)[0] ?? '').pop()?.toLowerCase();
  return head !== undefined && isOrgWord(head) && !PERSON_ROLES.has(head) && genderOfGivenName(words[0]!) === null;
}

function bestName(c: Candidate): string {
  const sorted = [...c.names.entries()].sort((x, y) => {
    const full = wordsOf(y[0]).length - wordsOf(x[0]).length;
    return c.organisation < 0 && full !== 0 ? full : y[1] - x[1] || full;
  });
  return sorted[0]?.[0] ?? '';
}

/** Same number of words, each the same or a spelling variant; or the same acronym. */
function sameActor(a: Candidate, b: Candidate): boolean {
  if ((a.organisation > 0) !== (b.organisation > 0) && a.organisation !== 0 && b.organisation !== 0) return false;
  for (const x of a.names.keys()) {
    for (const y of b.names.keys()) {
      const ax = acronymOf(x);
      if (ax !== null && ax === acronymOf(y)) return true;
      const wx = wordsOf(nameKey(x));
      const wy = wordsOf(nameKey(y));
      if (wx.length === wy.length && wx.length > 0 && wx.every((w, i) => sameSpelling(w, wy[i]!))) return true;
    }
  }
  return false;
}

/** One edit apart and neither a prefix of the other (so "Russia" is not "Russian"). */
function sameSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.startsWith(b) || b.startsWith(a)) return false;
  return spellingVariants(a, b);
}

function absorb(into: Candidate, from: Candidate): void {
  for (const [n, k] of from.names) into.names.set(n, (into.names.get(n) ?? 0) + k);
  for (const [r, w] of from.roles) addRole(into, r, w);
  into.organisation += from.organisation;
  into.statements += from.statements;
  for (const a of from.articles) into.articles.add(a);
  into.spoke ||= from.spoke;
  into.cited ||= from.cited;
  into.inRole ||= from.inRole;
  for (const p of from.roleOf) into.roleOf.add(p);
  into.first = Math.min(into.first, from.first);
  into.generic.push(...from.generic);
  from.merged = true;
}

/** "US" → US, U.S.; longer acronyms as written only. */
function acronymForms(acronym: string): string[] {
  return acronym.length <= 3 ? [acronym, `${acronym.split('').join('.')}.`] : [acronym];
}

/** "North Atlantic Treaty Organization" → "NATO"; null for one word. */
function initialsOf(name: string): string | null {
  const words = wordsOf(name).filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
  return words.map((w) => w[0]).join('').toUpperCase();
}

interface Built {
  candidate: Candidate;
  owners: string[];
  actor: Actor;
  found: FoundActor;
}

function assignIds(built: readonly Built[]): void {
  const used = new Set<string>();
  for (const { actor } of built) {
    const acronym = [actor.name, ...actor.aliases].map(acronymOf).find((x) => x !== null);
    const base = slugOf(acronym ?? actor.name) || (actor.kind === 'person' ? 'person' : 'organisation');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    actor.id = id;
  }
}

/**
 * Affiliations from roles and names: an organisation named in them ("Kremlin spokesperson" →
 * kremlin), or a country named by its adjective ("Russian Defence Ministry" → russia). Links
 * point from people to organisations and from longer names to one-word ones, never in a circle.
 */
function linkAffiliations(built: readonly Built[]): void {
  const organisations = built.filter((b) => b.actor.kind === 'organisation');
  for (const { actor, owners } of built) {
    const texts = [actor.role ?? '', ...owners, ...(actor.kind === 'organisation' ? [actor.name] : [])];
    for (const org of organisations) {
      const target = org.actor;
      if (target === actor) continue;
      const targetNames = [target.name, ...target.aliases];
      // An organisation belongs to one with a shorter name inside its own ("DNC Rules Committee" → DNC).
      if (actor.kind === 'organisation' && Math.min(...targetNames.map((n) => wordsOf(n).length)) >= wordsOf(actor.name).length) continue;
      const named = targetNames.some((n) => texts.some((t) => containsPhrase(t, n) && !(t === actor.name && nameKey(n) === nameKey(actor.name))));
      const adjective = wordsOf(target.name).length === 1 && texts.some((t) => wordsOf(t).some((w) => isAdjectiveOf(w, target.name)));
      if ((named || adjective) && !actor.affiliations.includes(target.id) && !reaches(built, target.id, actor.id)) actor.affiliations.push(target.id);
    }
  }
}

/** Whether `from`'s affiliations lead to `to`: a link back would make a circle. */
function reaches(built: readonly Built[], from: string, to: string): boolean {
  const byId = new Map(built.map((b) => [b.actor.id, b.actor]));
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.affiliations ?? []));
  }
  return false;
}

/** `text` holds `phrase` as whole words (dots and case ignored). */
function containsPhrase(text: string, phrase: string): boolean {
  const t = ` ${nameKey(text)} `;
  const p = nameKey(phrase);
  if (p.length === 0) return false;
  if (!t.includes(` ${p} `)) return false;
  // An acronym must be written in capitals in the role ("US", not "us").
  const acronym = acronymOf(phrase);
  return acronym === null || text.replace(/\./g, '').split(/[^A-Za-z]+/).includes(acronym);
}

/** "Russian" for Russia, "Ukrainian" for Ukraine, "Canadian" for Canada: the adjective of a place's name. */
function isAdjectiveOf(word: string, place: string): boolean {
  if (!/^\p{Lu}/u.test(word) || !/^\p{Lu}\p{Ll}+$/u.test(place)) return false;
  const w = word.toLowerCase();
  const p = place.toLowerCase();
  if (w === p || !/(?:n|ese|ish|i)$/.test(w)) return false;
  let common = 0;
  while (common < w.length && common < p.length && w[common] === p[common]) common++;
  return common >= 4 && common >= p.length - 1;
}

/** An alias two actors share, or that is another actor's name, would name the wrong one: drop it. */
function pruneAliases(built: readonly Built[]): void {
  const owners = new Map<string, number>();
  for (const { actor } of built) {
    for (const n of new Set([actor.name, ...actor.aliases].map(nameKey))) owners.set(n, (owners.get(n) ?? 0) + 1);
  }
  for (const { actor } of built) {
    actor.aliases = actor.aliases.filter((a) => (owners.get(nameKey(a)) ?? 0) <= 1 && nameKey(a).length > 0);
  }
}

/** A name phrase with a possessive inside: "Russia's Southern Military District" → the district and its owner. */
function ownedName(tokens: readonly Token[], phrase: Phrase): { name: string; owner: string } | undefined {
  let poss = -1;
  for (let k = phrase.first; k <= phrase.last; k++) if (tokens[k]!.type === 'poss') poss = k;
  if (poss < 0 || poss >= phrase.last) return undefined;
  const after = tokens.slice(poss + 1, phrase.last + 1);
  if (!after.every((t) => t.type === 'word' && t.capital)) return undefined;
  let from = poss - 1;
  while (from - 1 >= phrase.first && tokens[from - 1]!.type === 'word' && tokens[from - 1]!.capital) from--;
  const owner = tokens.slice(from, poss).map((t) => t.text).join(' ');
  return { name: after.map((t) => t.text).join(' '), owner };
}

/** Reporting verbs that cannot be nouns: "said", "confirmed", not "claims" ("Russian claims that …"). */
function isPastReport(lower: string): boolean {
  return REPORTING_VERBS.has(lower) && (!lower.endsWith('s') || lower === 'says' || lower === 'tells');
}

/** The last run of capitalised words in tokens[from, to], and the name owning it by a possessive. */
function lastCapitalRun(tokens: readonly Token[], from: number, to: number): { name: string; owner: string | null } | null {
  let end = to;
  while (end >= from && !(tokens[end]!.type === 'word' && tokens[end]!.capital)) end--;
  if (end < from) return null;
  if (PERSON_ROLES.has(tokens[end]!.lower)) return null; // "the Russian Defence Minister" is a person
  let start = end;
  while (start - 1 >= from && tokens[start - 1]!.type === 'word' && tokens[start - 1]!.capital) start--;
  const name = tokens.slice(start, end + 1).map((t) => t.text).join(' ');
  let owner: string | null = null;
  if (start - 2 >= from && tokens[start - 1]!.type === 'poss') {
    let o = start - 2;
    while (o - 1 >= from && tokens[o - 1]!.type === 'word' && tokens[o - 1]!.capital) o--;
    owner = tokens.slice(o, start - 1).map((t) => t.text).join(' ');
  }
  return { name, owner };
}
