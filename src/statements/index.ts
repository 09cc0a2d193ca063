/**
 * The extraction engine: article text in, attributed statements out. Pure and synchronous.
 *
 * Stages: paragraphs (with page furniture marked) → quote spans → one token frame per paragraph
 * (each quote one token) → the article's named people → per sentence, a local cue for each quote
 * and reported speech where there is no quote → speakers inherited by split quotes and
 * continuation paragraphs → statements, plus the watchlist actors and keywords mentioned.
 */
import type { Extraction } from '../model/index.js';
import type { WatchlistMatcher } from '../matches/index.js';
import { hasWords, isDirect, isFurniture, isScareQuote, isTitle, MIN_STATEMENT_WORDS } from './classify.js';
import type { Cue } from './cues.js';
import { Registry, type Entity } from './entities.js';
import { makeStatement, type Found, type Voice } from './found.js';
import { inheritSpeakers, unifyRunningQuotes, voiceOf } from './inherit.js';
import { mentions } from './mentions.js';
import { splitParagraphs } from './paragraphs.js';
import { isPhraseWord, phraseStartingAt, type Phrase } from './phrases.js';
import { findQuotes, type QuoteSpan } from './quotes.js';
import { reportedSpeech } from './reported.js';
import { attribute, resolve, sentenceSubject } from './speakers.js';
import { sentences, tokenize, type Token } from './tokens.js';

export interface ExtractOptions {
  /** Headline, when the caller has it apart from the body. */
  title?: string;
  /** Watchlist to resolve speakers and report actors and keywords; none means no watchlist. */
  matcher?: WatchlistMatcher;
}

/** The longest sentence (in tokens) read for reported speech, which keeps hostile input linear. */
const MAX_REPORT_SENTENCE = 160;

export function extractStatements(text: string, options: ExtractOptions = {}): Extraction {
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
  // Who was speaking as the previous paragraph closed: an untagged quote opening the next one is theirs.
  let closing: Voice | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    if (para.kind === 'boilerplate') continue;
    const tokens = frames[p]!;
    const body = para.kind === 'headline' ? { found: headlineStatements(text, tokens, quotes, registry, p), closing: null } : bodyStatements(text, tokens, quotes, registry, p);
    inheritSpeakers(body.found, closing, para, text);
    for (const f of body.found) found.push(f);
    closing = body.closing;
  }

  unifyRunningQuotes(found, text);
  const statements = found.filter((f) => !f.anchor).map((f) => f.statement);
  return { statements, ...mentions(text, paragraphs, statements, matcher, options.title) };
}

/** Every person and organisation the article names, full names first so surnames resolve to them. */
function registerNames(registry: Registry, frames: readonly Token[][]): void {
  const phrases: { phrase: Phrase; offset: number; paragraph: number; subject: boolean }[] = [];
  // Capitalised words seen inside sentences: "Bombs" opening a sentence is a name only if the
  // article also capitalises it where capitals mean names.
  const midSentence = new Set<string>();
  for (const tokens of frames) {
    for (let i = 1; i < tokens.length; i++) if (tokens[i]!.capital && !tokens[i - 1]!.sentenceEnd) midSentence.add(tokens[i]!.text);
  }
  frames.forEach((tokens, p) => {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      // Read from where the phrase starts, roles included: "presidential nominee Hillary Clinton was".
      if (!isPhraseWord(t) || (i > 0 && isPhraseWord(tokens[i - 1]!))) continue;
      const phrase = phraseStartingAt(tokens, i, tokens.length - 1);
      if (phrase === null || phrase.kind !== 'name') continue;
      const opensSentence = i === 0 || tokens[i - 1]!.sentenceEnd;
      if (opensSentence && phrase.first === phrase.last && !midSentence.has(t.text) && !registry.isWatched(t.text)) continue;
      const subject = opensSentence || tokens[i - 1]!.text === ',';
      phrases.push({ phrase, offset: t.start, paragraph: p, subject });
      i = phrase.last;
    }
  });
  const fullFirst = [...phrases].sort((a, b) => Number(b.phrase.name!.includes(' ')) - Number(a.phrase.name!.includes(' ')));
  const entities = new Map<(typeof phrases)[number], Entity | null>();
  for (const item of fullFirst) entities.set(item, registry.entityForName(item.phrase, item.offset));
  for (const item of phrases) {
    const entity = entities.get(item);
    if (entity) registry.noteMention(entity, item.offset, item.paragraph, item.subject);
  }
  registry.sortMentions();
}


function bodyStatements(text: string, tokens: readonly Token[], quotes: readonly QuoteSpan[], registry: Registry, p: number): { found: Found[]; closing: Voice | null } {
  const out: Found[] = [];
  const ranges = sentences(tokens);
  ranges.forEach(([lo, hi], s) => {
    let quoted = false;
    for (let q = lo; q <= hi; q++) {
      const token = tokens[q]!;
      if (token.type !== 'quote') continue;
      const span = quotes[token.quote]!;
      const quote = text.slice(span.start, span.end);
      // Short quotes are never statements, but their tags still speak for a split quote's second half.
      const short = !hasWords(text, span.start, span.end, MIN_STATEMENT_WORDS) || isScareQuote(tokens, q);
      if (!short && ((!span.continued && isTitle(quote, tokens, q)) || isFurniture(quote))) continue;
      if (!short) quoted = true;
      const { cue, entity } = attribute(tokens, q, lo, hi, ranges[s + 1], ranges[s - 1], registry, p);
      if (entity !== null && !short) registry.noteSpeaker(entity, token.start, p);
      const direct = span.continued || isDirect(quote, tokens, q, lo, cue !== null && cue.at < q ? cue.at : null);
      out.push({ statement: makeStatement(quote, entity, cue, direct ? 'direct' : 'partial', span.start, span.end), entity, paragraph: p, local: cue !== null, quote: span, anchor: short, alone: standsAlone(tokens, q) });
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
    out.push({ statement: makeStatement(text.slice(start, end), entity, cue, 'indirect', start, end), entity, paragraph: p, local: true, quote: null, anchor: false, alone: false });
  });
  return { found: out, closing: closingVoice(out, tokens, ranges, registry, p) };
}

function standsAlone(tokens: readonly Token[], q: number): boolean {
  const next = tokens[q + 1];
  return tokens[q]!.sentenceEnd || next === undefined || (next.type === 'punct' && next.sentenceEnd) || next.type === 'quote';
}

/**
 * The voice of a paragraph's last sentence: its statement's speaker, else its named subject
 * ("Clinton restricted comments to …"), else the paragraph's last speaker.
 */
function closingVoice(out: readonly Found[], tokens: readonly Token[], sentences: readonly [number, number][], registry: Registry, p: number): Voice | null {
  const last = sentences[sentences.length - 1];
  let lastSpoken: Found | undefined;
  for (const f of out) if (f.entity !== null) lastSpoken = f;
  if (last === undefined) return null;
  const [lo, hi] = last;
  if (lastSpoken !== undefined && lastSpoken.statement.start >= tokens[lo]!.start) return voiceOf(lastSpoken);
  const subject = hi - lo <= MAX_REPORT_SENTENCE ? sentenceSubject(tokens, lo, hi + 1) : null;
  const entity = subject === null ? null : resolve(registry, subject, tokens[lo]!.start, p, tokens.slice(lo, hi + 1));
  if (entity !== null && !entity.organisation) return { entity, role: entity.role };
  return lastSpoken === undefined ? null : voiceOf(lastSpoken);
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
  // "Obama on Climate Change: The Trends Are Clear" names no speaker: the one a headline credits
  // is named again in the story (or is on the watchlist).
  if (phrase === null || phrase.name === null) return [];
  const again = text.indexOf(phrase.name, text.indexOf(phrase.name) + 1) !== -1;
  if (!again && !registry.isWatched(phrase.name)) return [];
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
    if (!hasWords(text, span.start, span.end, MIN_STATEMENT_WORDS)) continue;
    out.push({ statement: makeStatement(quote, entity, cue, 'partial', span.start, span.end), entity, paragraph: p, local: true, quote: span, anchor: false, alone: false });
  }
  if (out.length === 0 && to - from >= 3) {
    let end = to;
    while (end > from && tokens[end]!.type === 'punct') end--;
    const start = tokens[from]!.start;
    out.push({ statement: makeStatement(text.slice(start, tokens[end]!.end), entity, cue, 'indirect', start, tokens[end]!.end), entity, paragraph: p, local: true, quote: null, anchor: false, alone: false });
  }
  return out;
}

