/**
 * The extraction engine: article text in, attributed statements out. Pure and synchronous.
 *
 * Stages: paragraphs (with page furniture marked) → quote spans → one token frame per paragraph
 * (each quote one token) → the article's named people → per sentence, a local cue for each quote
 * and reported speech where there is no quote → speakers inherited by split quotes and
 * continuation paragraphs → statements, plus the watchlist actors and keywords mentioned.
 */
import type { ActorMention, Extraction, Statement } from '../model/index.js';
import type { WatchlistMatcher } from '../matches/index.js';
import { isDirect, isFurniture, isScareQuote, isTitle, MIN_STATEMENT_WORDS, quoteWords } from './classify.js';
import { cueAfter, cueLater, cuesBefore, type Cue } from './cues.js';
import { Registry, type Entity } from './entities.js';
import { splitParagraphs, type Paragraph } from './paragraphs.js';
import { isNameWord, phraseStartingAt, type Phrase } from './phrases.js';
import { findQuotes, type QuoteSpan } from './quotes.js';
import { reportedSpeech } from './reported.js';
import { tokenize, type Token } from './tokens.js';

export interface ExtractOptions {
  /** Headline, when the caller has it apart from the body. */
  title?: string;
  /** Watchlist to resolve speakers and report actors and keywords; none means no watchlist. */
  matcher?: WatchlistMatcher;
}

/**
 * How far from a quote (in tokens) its attribution is looked for, and the longest sentence read for
 * reported speech: real attributions sit close by, and the bounds keep hostile input linear.
 */
const CUE_WINDOW = 60;
const MAX_REPORT_SENTENCE = 160;

interface Found {
  statement: Statement;
  entity: Entity | null;
  paragraph: number;
  /** Token index in the paragraph (quotes only), and whether a cue was found locally. */
  token: number;
  local: boolean;
  quote: QuoteSpan | null;
  /** A quote too short to be a statement, kept only so its speaker can pass to its neighbours. */
  anchor: boolean;
}

export function extractStatements(input: string, options: ExtractOptions = {}): Extraction {
  const text = input;
  const matcher = options.matcher;
  const paragraphs = splitParagraphs(text);
  const quotes = findQuotes(text, paragraphs);
  const quotesByParagraph: number[][] = paragraphs.map(() => []);
  quotes.forEach((q, i) => quotesByParagraph[q.paragraph]!.push(i));
  for (const list of quotesByParagraph) list.sort((a, b) => quotes[a]!.open - quotes[b]!.open);
  const frames: Token[][] = paragraphs.map((p, i) => (p.kind === 'boilerplate' ? [] : tokenize(text, p.start, p.end, quotes, quotesByParagraph[i]!)));

  const registry = new Registry(matcher);
  registerNames(registry, frames);

  const found: Found[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    if (para.kind === 'boilerplate') continue;
    const tokens = frames[p]!;
    const inParagraph = para.kind === 'headline' ? headlineStatements(text, tokens, quotes, registry, p) : bodyStatements(text, tokens, quotes, registry, p);
    inheritSpeakers(inParagraph, found, p, para, text);
    found.push(...inParagraph);
  }

  unifyRunningQuotes(found, text);
  const statements = found.filter((f) => !f.anchor).map((f) => f.statement);
  return { statements, ...mentions(text, paragraphs, statements, matcher, options.title) };
}

/** Every person and organisation the article names, full names first so surnames resolve to them. */
function registerNames(registry: Registry, frames: readonly Token[][]): void {
  const phrases: { phrase: Phrase; offset: number; paragraph: number; subject: boolean }[] = [];
  frames.forEach((tokens, p) => {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!isNameWord(t) || (i > 0 && isNameWord(tokens[i - 1]!))) continue;
      const phrase = phraseStartingAt(tokens, i, tokens.length - 1);
      if (phrase === null || phrase.kind !== 'name') continue;
      const subject = i === 0 || tokens[i - 1]!.sentenceEnd || tokens[i - 1]!.text === ',';
      phrases.push({ phrase, offset: t.start, paragraph: p, subject });
      i = phrase.last;
    }
  });
  const fullFirst = [...phrases].sort((a, b) => Number(b.phrase.name!.includes(' ')) - Number(a.phrase.name!.includes(' ')));
  const entities = new Map<(typeof phrases)[number], Entity | null>();
  for (const item of fullFirst) entities.set(item, registry.entityForName(item.phrase));
  for (const item of phrases) {
    const entity = entities.get(item);
    if (entity) registry.noteMention(entity, item.offset, item.paragraph, item.subject);
  }
  registry.sortMentions();
}

function resolve(registry: Registry, cue: Cue, offset: number, paragraph: number, context: readonly Token[]): Entity | null {
  const { phrase } = cue;
  let entity: Entity | null = null;
  if (phrase.kind === 'name') entity = registry.entityForName(qualified(registry, phrase, context));
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

/** The fullest role the article or the watchlist gives: "Kremlin spokesperson" over "spokesperson". */
function roleFor(cue: Cue | null, entity: Entity | null): string | null {
  if (entity === null) return null;
  const local = cue === null ? null : cue.phrase.kind === 'name' && !entity.organisation ? (cue.phrase.role ?? cue.role) : cue.role;
  if (local === null) return entity.role;
  if (entity.role !== null && entity.role.length > local.length && entity.role.toLowerCase().includes(local.toLowerCase())) return entity.role;
  return local;
}

function makeStatement(quote: string, entity: Entity | null, cue: Cue | null, kind: Statement['kind'], start: number, end: number): Statement {
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

function sentenceRanges(tokens: readonly Token[]): [number, number][] {
  const ranges: [number, number][] = [];
  let first = 0;
  tokens.forEach((t, i) => {
    if (t.sentenceEnd) {
      ranges.push([first, i]);
      first = i + 1;
    }
  });
  if (first < tokens.length) ranges.push([first, tokens.length - 1]);
  return ranges;
}

/**
 * The cue and speaker of the quote at token q: a tag right after it (in the next sentence only for
 * a tag sentence such as "“…” Trump said."), else the nearest cue before it that names somebody,
 * else a tag later in its sentence.
 */
function attribute(tokens: readonly Token[], q: number, sentenceLo: number, sentenceHi: number, next: [number, number] | undefined, previous: [number, number] | undefined, registry: Registry, p: number): { cue: Cue | null; entity: Entity | null } {
  const offset = tokens[q]!.start;
  const lo = Math.max(sentenceLo, q - CUE_WINDOW);
  const hi = Math.min(sentenceHi, q + CUE_WINDOW);
  let after = cueAfter(tokens, q + 1, hi);
  if (after === null && tokens[q]!.sentenceEnd && next !== undefined && q === sentenceLo && next[1] - next[0] <= 12) after = cueAfter(tokens, q + 1, next[1]);
  const candidates = [...(after === null ? [] : [after]), ...cuesBefore(tokens, q, lo)];
  const later = cueLater(tokens, q, hi);
  if (later !== null) candidates.push(later);
  // "Obama is rolling out a new message: “…”": the sentence's subject introduces the quote.
  if (tokens[q - 1]?.text === ':' && q - 2 >= lo) {
    const subject = phraseStartingAt(tokens, lo, q - 2);
    if (subject !== null && subject.kind === 'name') candidates.push({ phrase: subject, cue: ':', role: null, citing: null, at: q - 1 });
  }
  // "Cruz exhorted Republicans to “vote your conscience”": with no speech verb the sentence's
  // subject is the voice of a fragment it quotes.
  if (candidates.length === 0) {
    const subject = sentenceSubject(tokens, lo, q);
    if (subject !== null) candidates.push(subject);
  }
  // "Sen. Bernie Sanders identified young voters' exhaustion as a reason. “The younger people …”":
  // a quote opening a sentence after one about a named person is that person's.
  if (candidates.length === 0 && q === sentenceLo && previous !== undefined && previous[1] - previous[0] <= CUE_WINDOW && tokens[previous[0]]!.type !== 'quote') {
    const subject = sentenceSubject(tokens, previous[0], previous[1] + 1);
    if (subject !== null) candidates.push(subject);
  }
  for (const cue of candidates) {
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
function sentenceSubject(tokens: readonly Token[], lo: number, q: number): Cue | null {
  for (let f = lo; f < q; f++) {
    if (f !== lo && tokens[f - 1]!.text !== ',') continue;
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

function bodyStatements(text: string, tokens: readonly Token[], quotes: readonly QuoteSpan[], registry: Registry, p: number): Found[] {
  const out: Found[] = [];
  const sentences = sentenceRanges(tokens);
  sentences.forEach(([lo, hi], s) => {
    let quoted = false;
    for (let q = lo; q <= hi; q++) {
      const token = tokens[q]!;
      if (token.type !== 'quote') continue;
      const span = quotes[token.quote]!;
      const quote = text.slice(span.start, span.end);
      // Short quotes are never statements, but their tags still speak for a split quote's second half.
      const short = quoteWords(quote).length < MIN_STATEMENT_WORDS || isScareQuote(tokens, q);
      if (!short && ((!span.continued && isTitle(quote, tokens, q)) || isFurniture(quote))) continue;
      if (!short) quoted = true;
      const { cue, entity } = attribute(tokens, q, lo, hi, sentences[s + 1], sentences[s - 1], registry, p);
      if (entity !== null && !short) registry.noteSpeaker(entity, token.start, p);
      const direct = span.continued || isDirect(quote, tokens, q, lo, cue !== null && cue.at < q ? cue.at : null);
      out.push({ statement: makeStatement(quote, entity, cue, direct ? 'direct' : 'partial', span.start, span.end), entity, paragraph: p, token: q, local: cue !== null, quote: span, anchor: short });
    }
    if (quoted || hi - lo > MAX_REPORT_SENTENCE) return;
    const report = reportedSpeech(tokens, lo, hi);
    if (report === null) return;
    const cue: Cue = { phrase: report.phrase, cue: report.cue, role: report.role, citing: null, at: report.at };
    const entity = resolve(registry, cue, tokens[report.at]!.start, p, tokens.slice(lo, hi + 1));
    if (entity === null) return;
    registry.noteSpeaker(entity, tokens[report.at]!.start, p);
    const start = tokens[report.from]!.start;
    const end = tokens[report.to]!.end;
    out.push({ statement: makeStatement(text.slice(start, end), entity, cue, 'indirect', start, end), entity, paragraph: p, token: -1, local: true, quote: null, anchor: false });
  });
  return out;
}

/** Headlines attribute with a colon: "…: Biden" or "Pat Caddell: …". */
function headlineStatements(text: string, tokens: readonly Token[], quotes: readonly QuoteSpan[], registry: Registry, p: number): Found[] {
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon <= 0) return [];
  const tail = phraseStartingAt(tokens, colon + 1, tokens.length - 1);
  const speakerAfter = tail !== null && tail.kind === 'name' && tail.last >= tokens.length - 2 ? tail : null;
  const head = phraseStartingAt(tokens, 0, colon - 1);
  const speakerBefore = head !== null && head.kind === 'name' && head.last === colon - 1 && !head.organisation ? head : null;
  const phrase = speakerAfter ?? speakerBefore;
  if (phrase === null) return [];
  const cue: Cue = { phrase, cue: ':', role: null, citing: null, at: speakerAfter !== null ? colon : 0 };
  const entity = resolve(registry, cue, tokens[0]!.start, p, tokens);
  if (entity === null) return [];
  const out: Found[] = [];
  const [from, to] = speakerAfter !== null ? [0, colon - 1] : [colon + 1, tokens.length - 1];
  for (let q = from; q <= to; q++) {
    const token = tokens[q]!;
    if (token.type !== 'quote') continue;
    const span = quotes[token.quote]!;
    const quote = text.slice(span.start, span.end);
    if (quoteWords(quote).length < MIN_STATEMENT_WORDS) continue;
    out.push({ statement: makeStatement(quote, entity, cue, 'partial', span.start, span.end), entity, paragraph: p, token: q, local: true, quote: span, anchor: false });
  }
  if (out.length === 0 && to - from >= 3) {
    let end = to;
    while (end > from && tokens[end]!.type === 'punct') end--;
    const start = tokens[from]!.start;
    out.push({ statement: makeStatement(text.slice(start, tokens[end]!.end), entity, cue, 'indirect', start, tokens[end]!.end), entity, paragraph: p, token: -1, local: true, quote: null, anchor: false });
  }
  return out;
}

/**
 * Quotes with no cue of their own: the second half of a split quote takes the first half's speaker,
 * a quote before its tagged neighbour takes the neighbour's, and a paragraph that opens with an
 * untagged quote continues the previous paragraph's speaker.
 */
function inheritSpeakers(inParagraph: Found[], earlier: readonly Found[], p: number, para: Paragraph, text: string): void {
  // The nearest tagged quote after each position, found in one backward pass.
  const nextTagged: (Found | undefined)[] = new Array(inParagraph.length);
  let upcoming: Found | undefined;
  for (let i = inParagraph.length - 1; i >= 0; i--) {
    nextTagged[i] = upcoming;
    const f = inParagraph[i]!;
    if (f.entity !== null && f.local && f.quote !== null) upcoming = f;
  }
  let previous: Found | undefined;
  inParagraph.forEach((f, i) => {
    if (!f.local && f.quote !== null) {
      let source: Found | undefined = previous ?? nextTagged[i];
      if (source === undefined && (f.quote.continued || f.quote.open === para.start)) {
        const last = earlier[earlier.length - 1];
        if (last !== undefined && last.paragraph >= p - 1 && last.entity !== null) source = last;
      }
      if (source !== undefined && source.entity !== null) adopt(f, source, text);
    }
    if (f.entity !== null) previous = f;
  });
}

function adopt(f: Found, source: Found, text: string): void {
  f.entity = source.entity;
  f.statement = { ...f.statement, speaker: source.statement.speaker, speakerId: source.statement.speakerId, role: source.statement.role };
  if (f.statement.kind === 'partial' && f.quote !== null && /^[\p{Lu}]/u.test(text.slice(f.quote.start, f.quote.start + 1))) {
    f.statement = { ...f.statement, kind: 'direct' };
  }
}

/** A quote running over several paragraphs is one speaker's, wherever its tag stands. */
function unifyRunningQuotes(found: Found[], text: string): void {
  let chain: Found[] = [];
  const settle = (): void => {
    const tagged = chain.find((f) => f.local && f.entity !== null);
    if (tagged !== undefined) for (const f of chain) if (!f.local) adopt(f, tagged, text);
    chain = [];
  };
  for (const f of found) {
    if (f.quote === null) continue;
    if (!f.quote.continued) settle();
    chain.push(f);
    if (!f.quote.continues) settle();
  }
  settle();
}

/** Watchlist actors and keywords in the article (links to other stories excluded), then unknown speakers. */
function mentions(text: string, paragraphs: readonly Paragraph[], statements: readonly Statement[], matcher: WatchlistMatcher | undefined, title: string | undefined): Pick<Extraction, 'actors' | 'keywords'> {
  const actors: ActorMention[] = [];
  const seenActors = new Set<string>();
  const keywords: string[] = [];
  const seenKeywords = new Set<string>();
  const sources = title === undefined ? [] : [title];
  if (matcher !== undefined) {
    const scan = (s: string, from: number, to: number): void => {
      for (const hit of matcher.scan(s, from, to)) {
        if (hit.kind === 'actor' && !seenActors.has(hit.id)) {
          seenActors.add(hit.id);
          actors.push({ id: hit.id, name: matcher.actor(hit.id)?.name ?? hit.id });
        } else if (hit.kind === 'keyword' && !seenKeywords.has(hit.id)) {
          seenKeywords.add(hit.id);
          keywords.push(hit.id);
        }
      }
    };
    for (const s of sources) scan(s, 0, s.length);
    for (const p of paragraphs) if (!isLinkLine(text, p)) scan(text, p.start, p.end);
  }
  const seenNames = new Set(actors.map((a) => a.name));
  for (const s of statements) {
    if (s.speaker === null || seenNames.has(s.speaker)) continue;
    if (s.speakerId !== null && seenActors.has(s.speakerId)) continue;
    seenNames.add(s.speaker);
    actors.push({ id: s.speakerId, name: s.speaker });
  }
  return { actors, keywords };
}

const LINK_LINE = /^(?:also read|read more|read also|related|see also|recommended|more:|click here)/i;

function isLinkLine(text: string, p: Paragraph): boolean {
  return p.kind === 'boilerplate' && LINK_LINE.test(text.slice(p.start, Math.min(p.end, p.start + 20)));
}
