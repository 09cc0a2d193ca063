/**
 * Reported speech: `X said (that) …`, `X urged Moscow to …`, `…, X told Sky News.`,
 * `According to X, …`. Returns the speaker phrase and the reported clause of one sentence.
 */
import { ADJUNCT_WORDS, OBJECT_VERBS, REPORTING_VERBS } from './lexicon.js';
import { phraseStartingAt, type Phrase } from './phrases.js';
import { subjectOf } from './cues.js';
import type { Token } from './tokens.js';

export interface Report {
  phrase: Phrase;
  role: string | null;
  cue: string;
  /** Token range of the reported clause. */
  from: number;
  to: number;
  /** Token index of the verb (or of "according"). */
  at: number;
}

const MIN_WORDS = 4;
const PREPOSITIONS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'speaking', 'asked', 'from', 'with']);
const SUBJECT_WORDS = new Set(['is', 'was', 'are', 'were', 'has', 'had', 'have', 'he', 'she', 'they', 'it', 'who', 'which', 'that']);
const NOT_A_CLAUSE_START = new Set(['from', 'about', 'by', 'of', 'for', 'with', 'at', 'in', 'on', 'when', 'while', 'after', 'before', 'as', 'because', 'during', 'since', 'until', 'whether', 'and', 'but', 'or']);
const CLAUSE_BREAKERS = new Set(['according', 'citing', 'who', 'which', 'while', 'whereas', 'hours', 'days', 'weeks', 'months', 'shortly', 'soon', 'just', 'amid', 'despite', 'after', 'before', 'as']);

function isReportingVerb(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'word' && REPORTING_VERBS.has(t.lower);
}

function words(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) if (tokens[i]!.type === 'word') n++;
  return n;
}

/** Where the reported clause stops: before ", saying", ", adding", ", according to", "and insisted". */
function clauseEnd(tokens: readonly Token[], from: number, hi: number): number {
  let end = hi;
  while (end >= from && tokens[end]!.type === 'punct') end--;
  for (let k = from + 1; k <= end; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (t.text === ',' && next !== undefined && next.type === 'word' && (next.lower.endsWith('ing') || CLAUSE_BREAKERS.has(next.lower))) return k - 1;
    if (t.text === ';') return k - 1;
    if (t.lower === 'and' && isReportingVerb(next)) return k - 1;
  }
  return end;
}

function introductory(tokens: readonly Token[], from: number, to: number): boolean {
  if (!PREPOSITIONS.has(tokens[from]!.lower)) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.type === 'quote' || (t.type === 'word' && !t.capital && (t.lower.endsWith('ed') || SUBJECT_WORDS.has(t.lower)))) return false;
  }
  return true;
}

function usable(phrase: Phrase | null): phrase is Phrase {
  if (phrase === null) return false;
  if (phrase.kind === 'pronoun') return phrase.pronoun === 'he' || phrase.pronoun === 'she';
  if (phrase.kind === 'description') return !phrase.generic && (phrase.definite || phrase.qualifier !== null);
  return true;
}

/** `X said (that) …` with the subject near the start of the sentence [lo, hi]. */
function leadingReport(tokens: readonly Token[], lo: number, hi: number): Report | null {
  for (let v = lo + 1; v <= hi; v++) {
    const verb = tokens[v]!;
    if (verb.type === 'quote') continue; // a title or scare quote: the sentence has no statement quote
    const callsOn = /^call(s|ed)?$/.test(verb.lower) && tokens[v + 1]?.lower === 'on';
    if (!isReportingVerb(verb) && !callsOn) continue;
    const subject = subjectOf(tokens, v, lo);
    if (subject === null || !usable(subject.phrase)) continue;
    // The subject opens the sentence, perhaps after an introductory phrase with no verb of its own
    // ("In a meeting with the editorial board Trump said …"), not inside an earlier clause.
    if (subject.phrase.first > lo + 6 && tokens[subject.phrase.first - 1]?.text !== ',' && !introductory(tokens, lo, subject.phrase.first)) continue;
    let from = v + 1;
    // "called on Russia to prove …": the appeal reads whole only with its verb.
    if (callsOn) from = v;
    // The clause starts after "that" if one comes within a few time or hearer words.
    let that = -1;
    const adjunct = ADJUNCT_WORDS.has(tokens[from]?.lower ?? '');
    for (let k = from; k <= Math.min(hi, from + (adjunct ? 12 : 8)); k++) {
      if (tokens[k]!.lower === 'that') {
        that = k;
        break;
      }
      // Within "in the early morning hours" any word may stand before "that"; otherwise only time words and names.
      if (!(tokens[k]!.type === 'word' && (adjunct || ADJUNCT_WORDS.has(tokens[k]!.lower) || tokens[k]!.capital))) break;
    }
    if (that !== -1) from = that + 1;
    else if (OBJECT_VERBS.has(verb.lower) && !callsOn) {
      const hearer = phraseStartingAt(tokens, from, hi);
      const after = hearer === null ? from + 1 : hearer.last + 1;
      // "told Sky News on Wednesday." names a hearer, not a message; "urged Moscow to …" carries one,
      // which reads whole only with its verb.
      if (!tokens.slice(after, hi + 1).some((t) => t.lower === 'to' || t.lower === 'that')) return null;
      from = v;
    } else {
      while (from <= hi && tokens[from]!.type === 'word' && ADJUNCT_WORDS.has(tokens[from]!.lower) && tokens[from]!.lower !== 'the' && tokens[from]!.lower !== 'a') from++;
    }
    // "reported from Midway Atoll", "said when she resigned", "said, looking out": no message follows.
    const opening = tokens[from];
    if (opening === undefined || opening.type !== 'word' || NOT_A_CLAUSE_START.has(opening.lower)) return null;
    const to = clauseEnd(tokens, from, hi);
    if (words(tokens, from, to) < MIN_WORDS) return null;
    return { phrase: subject.phrase, role: subject.role, cue: verb.text, from, to, at: v };
  }
  return null;
}

/** `…, X told Sky News on Wednesday.`: the tag closes the sentence. */
function trailingReport(tokens: readonly Token[], lo: number, hi: number): Report | null {
  for (let c = hi - 1; c > lo; c--) {
    if (tokens[c]!.text !== ',') continue;
    const phrase = phraseStartingAt(tokens, c + 1, hi);
    if (!usable(phrase)) return null;
    let v = phrase.last + 1;
    while (v <= hi && tokens[v]!.type === 'word' && ['also', 'further', 'later', 'then'].includes(tokens[v]!.lower)) v++;
    if (!isReportingVerb(tokens[v])) return null;
    if (tokens.slice(v + 1, hi + 1).some((t) => t.lower === 'that' || t.type === 'quote')) return null;
    if (hi - v > 10) return null;
    const to = c - 1;
    if (words(tokens, lo, to) < MIN_WORDS) return null;
    return { phrase, role: null, cue: tokens[v]!.text, from: lo, to, at: v };
  }
  return null;
}

/** `According to X, …` */
function accordingReport(tokens: readonly Token[], lo: number, hi: number): Report | null {
  if (tokens[lo]?.lower !== 'according' || tokens[lo + 1]?.lower !== 'to') return null;
  const phrase = phraseStartingAt(tokens, lo + 2, hi);
  if (!usable(phrase) || tokens[phrase.last + 1]?.text !== ',') return null;
  const from = phrase.last + 2;
  const to = clauseEnd(tokens, from, hi);
  if (words(tokens, from, to) < MIN_WORDS) return null;
  return { phrase, role: null, cue: 'according to', from, to, at: lo };
}

/** "But to prevent problems, he said, local officials should be vigilant": a tag set off by commas. */
function insetReport(tokens: readonly Token[], lo: number, hi: number): Report | null {
  for (let c = lo + 2; c < hi - 3; c++) {
    if (tokens[c]!.text !== ',') continue;
    const phrase = phraseStartingAt(tokens, c + 1, hi);
    if (!usable(phrase)) continue;
    const v = phrase.last + 1;
    if (!isReportingVerb(tokens[v]) || tokens[v + 1]?.text !== ',') continue;
    let to = hi;
    while (to > v + 2 && tokens[to]!.type === 'punct') to--;
    if (words(tokens, lo, c - 1) + words(tokens, v + 2, to) < MIN_WORDS) return null;
    return { phrase, role: null, cue: tokens[v]!.text, from: lo, to, at: v };
  }
  return null;
}

export function reportedSpeech(tokens: readonly Token[], lo: number, hi: number): Report | null {
  return accordingReport(tokens, lo, hi) ?? leadingReport(tokens, lo, hi) ?? trailingReport(tokens, lo, hi) ?? insetReport(tokens, lo, hi);
}
