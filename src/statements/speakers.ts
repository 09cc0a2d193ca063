/**
 * Who said a quote: the cues around it in order of strength, each resolved to a person or an
 * organisation through the article's registry; the first that names somebody wins.
 */
import { cueAfter, cueLater, cuesBefore, type Cue } from './cues.js';
import type { Entity, Registry } from './entities.js';
import { phraseStartingAt, type Phrase } from './phrases.js';
import type { Token } from './tokens.js';

/** How far from a quote (in tokens) its attribution is looked for: real cues sit close by. */
const CUE_WINDOW = 60;

export function resolve(registry: Registry, cue: Cue, offset: number, paragraph: number, context: readonly Token[]): Entity | null {
  const { phrase } = cue;
  let entity: Entity | null = null;
  if (phrase.kind === 'name') entity = registry.entityForName(qualified(registry, phrase, context), offset);
  else if (phrase.kind === 'pronoun') entity = phrase.pronoun === null ? null : registry.resolvePronoun(phrase.pronoun, offset, paragraph);
  else entity = registry.resolveDescription(phrase, offset);
  // "news agencies reported, citing the Ministry of Defence": the cited source said the words.
  if (cue.citing !== null && (entity === null || phrase.generic)) {
    const cited = resolve(registry, { ...cue, phrase: cue.citing, citing: null }, offset, paragraph, context);
    if (cited !== null) return cited;
  }
  if (phrase.generic) return null;
  return entity;
}

/**
 * "the Ministry of Defence" in a sentence about "Russian news agencies" is the Russian one: an
 * institution the watchlist does not know by its bare name is tried with the sentence's nationality.
 */
function qualified(registry: Registry, phrase: Phrase, context: readonly Token[]): Phrase {
  if (!phrase.organisation || phrase.name === null || registry.isWatched(phrase.name)) return phrase;
  for (const t of context) {
    if (!t.capital || !/(?:an|ish|ese|ian|ch|i)$/.test(t.lower)) continue;
    const name = `${t.text} ${phrase.name}`;
    if (registry.isWatched(name)) return { ...phrase, name };
  }
  return phrase;
}

/**
 * The cue and speaker of the quote at token q: a tag right after it (in the next sentence only for
 * a tag sentence such as "“…” Trump said."), else the nearest cue before it that names somebody,
 * else a tag later in its sentence.
 */
export function attribute(tokens: readonly Token[], q: number, sentenceLo: number, sentenceHi: number, next: [number, number] | undefined, previous: [number, number] | undefined, registry: Registry, p: number): { cue: Cue | null; entity: Entity | null } {
  const offset = tokens[q]!.start;
  const lo = Math.max(sentenceLo, q - CUE_WINDOW);
  const hi = Math.min(sentenceHi, q + CUE_WINDOW);
  let after = cueAfter(tokens, q + 1, hi);
  if (after === null && tokens[q]!.sentenceEnd && next !== undefined && q === sentenceLo && next[1] - next[0] <= 12) after = cueAfter(tokens, q + 1, next[1]);
  const candidates = [...(after === null ? [] : [after]), ...cuesBefore(tokens, q, lo)];
  const later = cueLater(tokens, q, hi);
  if (later !== null) candidates.push(later);
  for (const cue of candidates) {
    const entity = resolve(registry, cue, offset, p, tokens.slice(lo, hi + 1));
    if (entity !== null) return { cue, entity };
  }
  // No cue names anybody. "Obama is rolling out a new message: “…”", "Cruz exhorted Republicans to
  // “vote your conscience”": the subject of the sentence introduces the quote.
  const fallbacks: Cue[] = [];
  const subject = sentenceSubject(tokens, lo, q);
  if (subject !== null) fallbacks.push(subject);
  // "Sen. Bernie Sanders identified young voters' exhaustion as a reason. “The younger people …”":
  // a quote opening a sentence after one about a named person is that person's.
  if (candidates.length === 0 && q === sentenceLo && previous !== undefined && previous[1] - previous[0] <= CUE_WINDOW && tokens[previous[0]]!.type !== 'quote') {
    const before = sentenceSubject(tokens, previous[0], previous[1] + 1);
    if (before !== null) fallbacks.push(before);
  }
  for (const cue of fallbacks) {
    const entity = resolve(registry, cue, offset, p, tokens.slice(lo, hi + 1));
    if (entity !== null) return { cue, entity };
  }
  return { cue: candidates[0] ?? null, entity: null };
}

const IRREGULAR_VERBS = new Set(['is', 'was', 'has', 'had', 'went', 'made', 'took', 'gave', 'got', 'came', 'saw', 'knew', 'thought', 'felt', 'kept', 'left', 'let', 'ran', 'sang', 'spoke', 'stood', 'won', 'would', 'will', 'could', 'can', 'did', 'does', 'also', 'once', 'then']);

/** "Trump went on about", "Cruz exhorted": a lower-case word that reads as the verb of a subject. */
function looksLikeVerb(t: Token | undefined): boolean {
  if (t === undefined || t.type !== 'word' || t.capital) return false;
  return IRREGULAR_VERBS.has(t.lower) || t.lower.endsWith('ed') || (t.lower.endsWith('s') && !t.lower.endsWith('ss') && t.lower.length > 3);
}

/**
 * The named subject opening a sentence (after an introductory phrase), followed by its verb,
 * possibly across a party tag and an appositive: "Sen. Bernie Sanders (Vt.), who lost …, identified".
 */
export function sentenceSubject(tokens: readonly Token[], lo: number, q: number): Cue | null {
  for (let f = lo; f < q; f++) {
    if (f !== lo && tokens[f - 1]!.text !== ',' && tokens[f - 1]!.type !== 'quote') continue;
    const phrase = phraseStartingAt(tokens, f, q - 1);
    if (phrase === null || phrase.kind === 'description') continue;
    let k = phrase.last + 1;
    if (tokens[k]?.text === '(') while (k < q && tokens[k]!.text !== ')') k++;
    if (tokens[k]?.text === ')') k++;
    if (tokens[k]?.text === ',') {
      k++;
      while (k < q && tokens[k]!.text !== ',') k++;
      k++;
    }
    if (k >= q || !looksLikeVerb(tokens[k])) continue;
    return { phrase, cue: null, role: null, citing: null, at: k };
  }
  return null;
}

