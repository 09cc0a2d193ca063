/**
 * The quotes an alert shows: attributed quotes before reported speech, watchlist speakers before
 * others, one speaker each before anyone gets a second, never two from one sentence or the same
 * words twice.
 */
import type { WatchlistMatcher } from '../matches/index.js';
import type { AlertQuote, Statement } from '../model/index.js';
import { sentenceSpans, type Span } from './sentences.js';

interface Ranked {
  statement: Statement;
  tier: number;
  watched: boolean;
  order: number;
  sentence: number;
}

export function chooseQuotes(text: string, statements: readonly Statement[], matcher: WatchlistMatcher | undefined, maxQuotes: number, maxChars: number): AlertQuote[] {
  const sentences = sentenceSpans(text);
  const ranked: Ranked[] = statements
    // A quote nobody can be named for reads as noise in an alert.
    .filter((s) => s.speaker !== null && normalise(s.quote) !== '')
    .map((statement, order) => ({
      statement,
      tier: statement.kind === 'indirect' ? 1 : 0,
      watched: statement.speakerId !== null && (matcher === undefined || matcher.actor(statement.speakerId) !== undefined),
      order,
      sentence: sentenceOf(sentences, statement.start),
    }))
    // Within a tier a whole sentence quoted beats a fragment of one.
    .sort((a, b) => a.tier - b.tier || Number(b.watched) - Number(a.watched) || partial(a) - partial(b) || a.order - b.order);

  const chosen: Ranked[] = [];
  const usedSentences = new Set<number>();
  const usedWords: string[] = [];
  const speakersHeard = new Set<string>();
  const take = (r: Ranked): void => {
    const words = normalise(r.statement.quote);
    if (chosen.length >= maxQuotes || usedSentences.has(r.sentence)) return;
    if (usedWords.some((w) => w.includes(words) || words.includes(w))) return;
    chosen.push(r);
    usedSentences.add(r.sentence);
    usedWords.push(words);
    speakersHeard.add(speakerKey(r.statement));
  };
  // First pass: one quote per speaker, so three people are heard before anyone twice.
  for (const r of ranked) if (!speakersHeard.has(speakerKey(r.statement))) take(r);
  for (const r of ranked) if (!chosen.includes(r)) take(r);

  return chosen.map(({ statement: s }) => ({
    quote: truncate(collapse(s.quote).replace(/[\s,;:–—-]+$/u, ''), maxChars),
    speaker: s.speaker,
    role: s.role ?? (s.speakerId === null ? null : (matcher?.actor(s.speakerId)?.role ?? null)),
    kind: s.kind,
  }));
}

function partial(r: Ranked): number {
  return r.statement.kind === 'partial' ? 1 : 0;
}

function speakerKey(s: Statement): string {
  return s.speakerId ?? s.speaker ?? '';
}

/** Index of the sentence holding `offset` (binary search; sentences are in order). */
function sentenceOf(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const normalise = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Cuts `text` to at most `max` characters at a word boundary, marking the cut with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let room = text.slice(0, Math.max(1, max - 1));
  // Never half a surrogate pair (an emoji cut in two is invalid text to every platform).
  if (/[\uD800-\uDBFF]$/.test(room)) room = room.slice(0, -1);
  const space = room.lastIndexOf(' ');
  // A single enormous word is cut where it must be rather than dropped.
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:–—.-]+$/u, '')}…`;
}
