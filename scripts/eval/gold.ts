/** PolNeAR gold quotes: quoted runs of Content spans, with the attribution's Source as speaker. */
import { attributions, type BratDocument, type Piece } from './brat.js';
import type { Span } from './match.js';
import { countWords, quotedRuns } from './quotes.js';

export const MIN_QUOTE_WORDS = 3;

export interface GoldQuote extends Span {
  text: string;
  /** The Source span's text as written ("he", "the campaign", "Trump"), or null when none. */
  source: string | null;
}

/**
 * `toUtf16` maps the annotation's offsets (code points) to JavaScript string offsets. The same run
 * can sit in several Content spans (an attribution nested in another): it counts once, with the
 * Source of the smallest Content span, the innermost attribution. A run inside another run (a quote
 * within a quote) is not counted on its own.
 */
export function goldQuotes(text: string, doc: BratDocument, toUtf16: (offset: number) => number): GoldQuote[] {
  const byRange = new Map<string, GoldQuote & { contentSize: number }>();
  for (const attribution of attributions(doc)) {
    const source = attribution.sources.map((s) => s.text).join(' ').trim() || null;
    for (const content of attribution.contents) {
      const pieces = joinAdjacent(
        text,
        content.pieces.map((p) => ({ start: toUtf16(p.start), end: toUtf16(p.end) })),
      );
      const contentSize = pieces.reduce((n, p) => n + p.end - p.start, 0);
      for (const run of pieces.flatMap((piece) => quotedRuns(text, piece))) {
        const quote = text.slice(run.start, run.end);
        if (countWords(quote) < MIN_QUOTE_WORDS) continue;
        const key = `${run.start}:${run.end}`;
        const seen = byRange.get(key);
        if (!seen || contentSize < seen.contentSize) byRange.set(key, { ...run, text: quote, source, contentSize });
      }
    }
  }
  const all = [...byRange.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  return all
    .filter((q) => !all.some((o) => o !== q && contains(o, q)))
    .map(({ start, end, text: quote, source }) => ({ start, end, text: quote, source }));
}

function contains(outer: Piece, inner: Piece): boolean {
  return outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
}

/** Pieces split only by spaces (no line break) are one piece, so a quote is not cut in two at the split. */
function joinAdjacent(text: string, pieces: Piece[]): Piece[] {
  const joined: Piece[] = [];
  for (const piece of [...pieces].sort((a, b) => a.start - b.start)) {
    const last = joined.at(-1);
    if (last && piece.start >= last.end && /^[^\S\n]*$/u.test(text.slice(last.end, piece.start))) last.end = piece.end;
    else joined.push({ ...piece });
  }
  return joined;
}
