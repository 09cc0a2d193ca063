/**
 * The lead: one or two sentences taken word for word from the top of the article, the reporter's
 * own words rather than a quote, preferring those that name a watchlist actor or keyword.
 */
import type { WatchlistMatcher } from '../matches/index.js';
import { paragraphSpans, sentenceSpans, type Span } from './sentences.js';

/** How many paragraphs from the top the lead is chosen from. */
const LEAD_PARAGRAPHS = 3;
const MIN_WORDS = 6;
/** A first sentence shorter than this leaves room for a second... */
const ROOM_FOR_SECOND = 280;
/** ...as long as both together stay under this. */
const MAX_LEAD_CHARS = 500;
/** A sentence whose quoted part is larger than this share is a quote with a tag. */
const MAX_QUOTED_SHARE = 0.5;

// "MOSCOW, Feb 16 (Reuters) –", "WASHINGTON (AP) —", "KYIV, Ukraine —", "NEW DELHI:", "(Reuters) -".
const DATELINE =
  /^(?:\p{Lu}[\p{Lu}\p{M}.'’]+(?:[ -]\p{Lu}[\p{Lu}\p{M}.'’]+)*(?:,[^–—:()\n]{1,40}?)?\s*(?:\([^)\n]{1,40}\))?|\([^)\n]{1,40}\))\s*(?:[–—]|-{1,2}|:)\s+/u;

export function stripDateline(sentence: string): string {
  const rest = sentence.replace(DATELINE, '');
  if (rest === sentence || rest.length === 0) return sentence;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

interface Candidate {
  text: string;
  watched: boolean;
}

export function chooseLead(text: string, matcher: WatchlistMatcher | undefined): string[] {
  const candidates: Candidate[] = [];
  const paragraphs = paragraphSpans(text).filter((p) => isReporting(text.slice(p.start, p.end)));
  for (const p of paragraphs.slice(0, LEAD_PARAGRAPHS)) {
    const quoted = quotedSpans(text, p);
    sentenceSpans(text, p.start, p.end).forEach((span, i) => {
      const raw = text.slice(span.start, span.end);
      const sentence = i === 0 ? stripDateline(raw) : raw;
      if (wordCount(sentence) < MIN_WORDS || isMostlyQuote(span, quoted)) return;
      candidates.push({ text: sentence, watched: matcher !== undefined && matcher.scan(sentence).length > 0 });
    });
  }
  const firstIndex = Math.max(0, candidates.findIndex((c) => c.watched));
  const first = candidates[firstIndex];
  if (first === undefined) return [];
  const lead = [first.text];
  if (first.text.length < ROOM_FOR_SECOND) {
    const rest = candidates.slice(firstIndex + 1);
    const second = rest.find((c) => c.watched) ?? (matcher === undefined ? rest[0] : undefined);
    if (second !== undefined && first.text.length + second.text.length <= MAX_LEAD_CHARS) lead.push(second.text);
  }
  return lead;
}

/** A paragraph of reporting ends like a sentence; headlines, sub-heads and datelines do not. */
function isReporting(paragraph: string): boolean {
  return /[.!?…"”’)]$/.test(paragraph) && wordCount(paragraph) >= MIN_WORDS;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

// Quote marks in pairs; a straight quote closes the one before it. An opening mark left unclosed
// runs to the paragraph's end, as a quote carried into the next paragraph does.
const QUOTE_MARKS = /[“”«»"]/g;

/** The quoted stretches of a paragraph (marks included). */
function quotedSpans(text: string, paragraph: Span): Span[] {
  const spans: Span[] = [];
  let open: number | null = null;
  for (const match of text.slice(paragraph.start, paragraph.end).matchAll(QUOTE_MARKS)) {
    const at = paragraph.start + match.index;
    const mark = match[0];
    if (open === null) {
      if (mark !== '”' && mark !== '»') open = at;
    } else if (mark !== '“' && mark !== '«') {
      spans.push({ start: open, end: at + 1 });
      open = null;
    }
  }
  if (open !== null) spans.push({ start: open, end: paragraph.end });
  return spans;
}

/** A sentence that opens inside or with a quote, or is mostly quoted words, is a quote with a tag. */
function isMostlyQuote(sentence: Span, quoted: readonly Span[]): boolean {
  let inside = 0;
  for (const q of quoted) {
    if (q.start <= sentence.start && sentence.start < q.end) return true;
    inside += Math.max(0, Math.min(q.end, sentence.end) - Math.max(q.start, sentence.start));
  }
  return inside > (sentence.end - sentence.start) * MAX_QUOTED_SHARE;
}
