/**
 * Finds the attribution of a quote in the reporter's words around it: `“…,” X said`, `said X`,
 * `X said: “…”`, `with X saying, “…”`, `in X’s words`, `according to X`, `“…,” news agencies
 * reported, citing X`. Returns the speaker phrase unresolved.
 */
import { OBJECT_VERBS, ROLE_MODIFIERS, ROLE_NOUNS, SPEAKER_PRONOUNS, VERB_MODIFIERS } from './lexicon.js';
import { describedBy, isNameWord, isSpeechVerb, phraseEndingAt, phraseStartingAt, phraseText, type Phrase } from './phrases.js';
import type { Token } from './tokens.js';

export interface Cue {
  phrase: Phrase;
  /** The cue words as written: "told reporters", "said", "according to"; null for a bare subject. */
  cue: string | null;
  /** Role given in an appositive (", NATO's Secretary-General,"). */
  role: string | null;
  /** Source named with "citing X", which speaks for a generic subject. */
  citing: Phrase | null;
  /** Token index of the verb, or of the phrase when there is no verb. */
  at: number;
}


function isFiniteVerb(t: Token | undefined): boolean {
  return isSpeechVerb(t) && !t!.lower.endsWith('ing');
}

/** The verbs of an attribution tag: an appositive never runs over one of these. */
const TAG_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'asked', 'asks', 'replied', 'explained', 'noted', 'continued', 'insisted']);

function isTagVerb(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'word' && TAG_VERBS.has(t.lower);
}

function isParticiple(t: Token | undefined): boolean {
  return isSpeechVerb(t) && t!.lower.endsWith('ing');
}

function skipModifiersForward(tokens: readonly Token[], k: number, hi: number): number {
  while (k <= hi && isModifier(tokens[k]!)) k++;
  return k;
}

function isModifier(t: Token): boolean {
  // "Peskov further said", "Gingrich cynically dismissed"
  return t.type === 'word' && !t.capital && (VERB_MODIFIERS.has(t.lower) || (t.lower.endsWith('ly') && t.lower.length > 4));
}

function skipModifiersBack(tokens: readonly Token[], k: number, lo: number): number {
  while (k >= lo && isModifier(tokens[k]!)) k--;
  // "He’s claiming": the contracted auxiliary, not a possessive.
  if (k > lo && tokens[k]!.type === 'poss' && SPEAKER_PRONOUNS.has(tokens[k - 1]!.lower)) k--;
  // "Stoltenberg on Wednesday urged": a day between subject and verb.
  if (k - 1 >= lo && tokens[k - 1]!.lower === 'on' && /day$/.test(tokens[k]!.lower)) k -= 2;
  while (k >= lo && isModifier(tokens[k]!)) k--;
  return k;
}

const ASIDE_OPENERS = new Set(['at', 'in', 'on', 'during', 'after', 'before', 'speaking', 'appearing', 'writing', 'citing', 'however', 'meanwhile', 'though', 'too', 'for', 'when', 'while', 'asked', 'which', 'whose', 'where', 'recently']);
const MODALS = new Set(['would', 'will', 'could', 'should', 'might', 'may', 'can', 'must', 'shall']);
const AFFILIATION_LINKS = new Set(['of', 'from', 'at', 'with']);
const DASHES = new Set(['—', '–', '―', '-']);
const APPOSITIVE_OPENERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'who', 'one', 'former', 'then']);

/** ", a top Trump surrogate," or ", NATO's Secretary-General," — not ", however,". */
function opensAppositive(t: Token): boolean {
  return t.type === 'word' && (t.capital || /^\d{1,3}$/.test(t.text) || APPOSITIVE_OPENERS.has(t.lower) || ROLE_NOUNS.has(t.lower) || ROLE_MODIFIERS.has(t.lower));
}

/** An appositive starting at the comma `k`: ", NATO's Secretary-General," → its end and text. */
export function appositiveAfter(tokens: readonly Token[], k: number, hi: number): { end: number; role: string } | null {
  if (tokens[k]?.text !== ',' || k + 1 > hi) return null;
  if (!opensAppositive(tokens[k + 1]!)) return null;
  let e = k + 1;
  while (e <= hi && e - k <= 24 && tokens[e]!.text !== ',' && tokens[e]!.type !== 'quote' && !tokens[e]!.sentenceEnd && !isTagVerb(tokens[e])) e++;
  const ends = e > hi || tokens[e]!.text === ',' || tokens[e]!.sentenceEnd;
  if (!ends || e === k + 1) return null;
  const last = tokens[e]?.sentenceEnd && tokens[e]!.type === 'punct' ? e - 1 : tokens[e]?.text === ',' ? e - 1 : e;
  if (last < k + 1) return null;
  return { end: last, role: phraseText(tokens, k + 1, last) };
}

/** The subject of the verb at `v`, reading left: modifiers, "who", appositives, then the phrase. */
export function subjectOf(tokens: readonly Token[], v: number, lo: number): { phrase: Phrase; role: string | null } | null {
  let k = skipModifiersBack(tokens, v - 1, lo);
  if (k < lo) return null;
  if (tokens[k]!.lower === 'who' && tokens[k - 1]?.text === ',') k -= 2;
  let role: string | null = null;
  for (let n = 0; n < 3 && tokens[k]?.text === ','; n++) {
    // "Flynn, a top Trump surrogate, said": find the comma that opens the appositive.
    let c = k - 1;
    while (c >= lo && k - c <= 24 && tokens[c]!.text !== ',' && tokens[c]!.type !== 'quote' && !isTagVerb(tokens[c])) c--;
    if (c < lo || tokens[c]!.text !== ',') return null;
    const opener = tokens[c + 1]!;
    // ", at a later press gaggle," or ", citing X," stands between subject and verb but is no role.
    const aside = ASIDE_OPENERS.has(opener.lower) || (!opener.capital && opener.lower.endsWith('ing'));
    if (!aside && !opensAppositive(opener)) return null;
    if (!aside) role = phraseText(tokens, c + 1, k - 1);
    k = c - 1;
    if (k < lo) return null;
  }
  let phrase = phraseEndingAt(tokens, k, lo);
  if (phrase === null) return null;
  // "Trump’s early-morning tweets accusing …": after a possessive, "tweets" is a noun, not a verb.
  if (tokens[v]!.lower.endsWith('s') && tokens.slice(phrase.first, v).some((t) => t.type === 'poss')) return null;
  // "Johnnie Wilson, of Springfield, Va., said", "Gov. Earl Ray Tomblin of West Virginia lauded":
  // the place is not the speaker.
  const link = tokens[phrase.first - 1]?.lower;
  if (link === 'of' || link === 'from') {
    const end = tokens[phrase.first - 2]?.text === ',' ? phrase.first - 3 : phrase.first - 2;
    const person = end >= lo ? phraseEndingAt(tokens, end, lo) : null;
    if (person !== null && person.kind === 'name' && !person.organisation) phrase = person;
  }
  // "Julianne Smith, the US Ambassador to NATO has announced": an appositive left unclosed.
  const opener = tokens[phrase.first]!;
  if (tokens[phrase.first - 1]?.text === ',' && (phrase.kind === 'description' || opener.lower === 'the')) {
    const outer = phraseEndingAt(tokens, phrase.first - 2, lo);
    if (outer !== null && outer.kind === 'name' && !outer.organisation) return { phrase: outer, role: phraseText(tokens, phrase.first, phrase.last) };
  }
  return { phrase, role };
}

function cueText(tokens: readonly Token[], v: number, hi: number): string {
  const verb = tokens[v]!;
  if (OBJECT_VERBS.has(verb.lower)) {
    const object = phraseStartingAt(tokens, v + 1, hi);
    if (object !== null && object.last - v <= 4) return phraseText(tokens, v, object.last);
    const next = tokens[v + 1];
    if (next !== undefined && next.type === 'word' && !next.capital) return `${verb.text} ${next.text}`;
  }
  return verb.text;
}

function citingAfter(tokens: readonly Token[], from: number, hi: number): Phrase | null {
  for (let k = from; k <= hi; k++) {
    if (tokens[k]!.lower === 'citing') return phraseStartingAt(tokens, k + 1, hi);
    if (tokens[k]!.type === 'quote') return null;
  }
  return null;
}

/** Attribution starting at token r, right after a quote: `, X said`, `said X`, `in X’s words`. */
export function cueAfter(tokens: readonly Token[], r: number, hi: number): Cue | null {
  const dash = tokens[r] !== undefined && DASHES.has(tokens[r]!.text);
  if (tokens[r]?.text === ',' || dash) r++;
  if (r > hi) return null;
  if (dash) {
    // A signature line: "“…” ― Pamela Padilla".
    const phrase = phraseStartingAt(tokens, r, hi);
    if (phrase !== null && phrase.kind === 'name' && (phrase.last === hi || tokens[phrase.last + 1]!.type === 'punct')) {
      return { phrase, cue: tokens[r - 1]!.text, role: null, citing: null, at: r - 1 };
    }
  }
  const t = tokens[r]!;
  if (isFiniteVerb(t)) {
    // Inverted: "said Jens Stoltenberg, NATO's Secretary-General".
    const phrase = phraseStartingAt(tokens, r + 1, hi);
    if (phrase === null) return null;
    const app = appositiveAfter(tokens, phrase.last + 1, hi);
    return { phrase, cue: t.text, role: app?.role ?? null, citing: citingAfter(tokens, phrase.last + 1, hi), at: r };
  }
  if (t.lower === 'in' && tokens[r + 2]?.type === 'poss' && tokens[r + 3]?.lower === 'words') {
    const phrase = phraseEndingAt(tokens, r + 1, r + 1);
    return phrase === null ? null : { phrase, cue: `in ${phraseText(tokens, r + 1, r + 3)}`, role: null, citing: null, at: r };
  }
  if (t.lower === 'according' && tokens[r + 1]?.lower === 'to') {
    const phrase = phraseStartingAt(tokens, r + 2, hi);
    return phrase === null ? null : { phrase, cue: 'according to', role: null, citing: null, at: r };
  }
  if (t.lower === 'as') {
    // "as a Homeland Security memo put it"
    for (let v = r + 2; v <= Math.min(hi, r + 8); v++) {
      if (tokens[v]!.lower !== 'put' || tokens[v + 1]?.lower !== 'it') continue;
      const phrase = phraseEndingAt(tokens, skipModifiersBack(tokens, v - 1, r + 1), r + 1);
      return phrase === null ? null : { phrase, cue: 'put it', role: null, citing: null, at: v };
    }
  }
  let phrase = phraseStartingAt(tokens, r, hi);
  if (phrase === null) return null;
  let k = phrase.last + 1;
  // "the IMF report stated", "the Trump campaign said": a head noun after the name.
  const head = tokens[k];
  if (head !== undefined && head.type === 'word' && !head.capital && !isSpeechVerb(head) && isFiniteVerb(tokens[skipModifiersForward(tokens, k + 1, hi)])) {
    const described = describedBy(tokens, k, r);
    if (described !== null) {
      phrase = described;
      k++;
    }
  }
  if (tokens[k]?.text === '(') {
    while (k <= hi && tokens[k]!.text !== ')') k++;
    k++;
  }
  let role: string | null = null;
  // "Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said"
  let comma = k;
  for (let n = 0; n < 3; n++) {
    const app = appositiveAfter(tokens, comma, hi);
    if (app === null || tokens[app.end + 1]?.text !== ',') break;
    role ??= app.role;
    comma = app.end + 1;
    k = app.end + 2;
  }
  // "Mr. Morgan of the Sierra Club said": an affiliation between the name and the verb.
  if (AFFILIATION_LINKS.has(tokens[k]?.lower ?? '') && phrase.kind === 'name') {
    const affiliation = phraseStartingAt(tokens, tokens[k + 1]?.lower === 'the' ? k + 2 : k + 1, hi);
    if (affiliation !== null && affiliation.kind === 'name') {
      role ??= phraseText(tokens, k + 1, affiliation.last);
      k = affiliation.last + 1;
    }
  }
  k = skipModifiersForward(tokens, k, hi);
  if (!isFiniteVerb(tokens[k])) return null;
  return { phrase, cue: cueText(tokens, k, hi), role, citing: citingAfter(tokens, k + 1, hi), at: k };
}

/**
 * Attributions to the left of a quote at token q within [lo, q), nearest first: "X said: “…”",
 * "with X saying, “…”", and for nested speech ("X said analysts indicated “…”") the outer ones too.
 */
export function cuesBefore(tokens: readonly Token[], q: number, lo: number): Cue[] {
  const cues: Cue[] = [];
  for (let v = q - 1; v >= lo; v--) {
    const t = tokens[v]!;
    // "as Steven Rosenthal recently put it, “…”"
    const putIt = t.lower === 'put' && tokens[v + 1]?.lower === 'it';
    if (!isSpeechVerb(t) && !putIt) continue;
    // "to say" has no subject of its own; "continues to remain" is not speech.
    // "it would tell a story" is no attribution either.
    if (tokens[v - 1]?.lower === 'to' || tokens[v + 1]?.lower === 'to' || MODALS.has(tokens[v - 1]?.lower ?? '')) continue;
    let subject: { phrase: Phrase; role: string | null } | null = null;
    if (isParticiple(t)) {
      const before = tokens[v - 1];
      if (before === undefined || v - 1 < lo || before.text === ',') subject = mainSubject(tokens, lo, v);
      else {
        // "with Dmitry Peskov saying", "He’s claiming": a participle has a speaker only right after a
        // name or pronoun (and its auxiliary); in "Trump’s tweets accusing her of …" it describes a thing.
        const speaker = tokens[skipModifiersBack(tokens, v - 1, lo)];
        if (speaker !== undefined && (isNameWord(speaker) || SPEAKER_PRONOUNS.has(speaker.lower))) subject = subjectOf(tokens, v, lo);
      }
    } else {
      subject = subjectOf(tokens, v, lo);
    }
    if (subject !== null) {
      cues.push({ phrase: subject.phrase, cue: cueText(tokens, v, q - 1), role: subject.role, citing: citingAfter(tokens, v + 1, q - 1), at: v });
    }
  }
  if (tokens[lo]?.lower === 'according' && tokens[lo + 1]?.lower === 'to') {
    const phrase = phraseStartingAt(tokens, lo + 2, q - 1);
    if (phrase !== null) cues.push({ phrase, cue: 'according to', role: null, citing: null, at: lo });
  }
  // "Said Ellis: “…”": the verb opens the sentence and its subject follows.
  if (isTagVerb(tokens[lo]) && tokens[lo]!.capital && lo + 1 < q) {
    const phrase = phraseStartingAt(tokens, lo + 1, q - 1);
    if (phrase !== null) cues.push({ phrase, cue: tokens[lo]!.text, role: null, citing: null, at: lo });
  }
  if (tokens[lo]?.lower === 'in' && tokens[lo + 2]?.type === 'poss' && tokens[lo + 3]?.lower === 'words') {
    const phrase = phraseEndingAt(tokens, lo + 1, lo + 1);
    if (phrase !== null) cues.push({ phrase, cue: `in ${phraseText(tokens, lo + 1, lo + 3)}`, role: null, citing: null, at: lo });
  }
  return cues;
}

/** The speaker of a sentence's first speech verb, or its opening noun phrase. */
function mainSubject(tokens: readonly Token[], lo: number, hi: number): { phrase: Phrase; role: string | null } | null {
  for (let v = lo; v < hi; v++) {
    if (isFiniteVerb(tokens[v])) {
      const subject = subjectOf(tokens, v, lo);
      if (subject !== null) return subject;
    }
  }
  const phrase = phraseStartingAt(tokens, lo, hi - 1);
  return phrase === null ? null : { phrase, role: null };
}

/** A cue later in the same sentence: `… “a b c” …, Stoltenberg said.` */
export function cueLater(tokens: readonly Token[], q: number, hi: number): Cue | null {
  for (let k = q + 1; k <= hi; k++) {
    const t = tokens[k]!;
    if (t.text === ',' || t.type === 'quote') {
      const cue = cueAfter(tokens, k + 1, hi);
      if (cue !== null) return cue;
    }
  }
  return null;
}
