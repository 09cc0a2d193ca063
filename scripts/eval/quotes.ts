/**
 * Gold direct quotes from PolNeAR Content spans: the quoted runs of three or more words inside
 * each Content piece.
 *
 * Pairing rules, kept simple on purpose:
 * - “ opens and ” closes. A straight " reads by its neighbours: after a non-space and before a
 *   space, punctuation or the end it closes; after a space or the start and before a non-space it
 *   opens; otherwise it closes an open straight " and opens if there is none. ” and a closing "
 *   close the nearest open double mark of either kind (sloppy mixed marks: “no evidence").
 *   Marks nest; only the outermost run counts.
 * - ‘ opens only at a word start (after a space, an opening bracket or quote, or the piece start)
 *   and before a non-space; ’ closes only while a ‘ is open and when no letter or digit follows
 *   it, so don’t and Russia’s are apostrophes (voters’ too, unless a ‘ is open). Two straight
 *   apostrophes '' count as a straight " (the NYT archive's double quote); a single straight '
 *   is always an apostrophe.
 * - An opening mark right after a line break while a run is open continues it (the newspaper way
 *   of running a quote over several paragraphs).
 * - A run opened but not closed inside the piece ends at the piece end.
 */
import type { Piece } from './brat.js';

const WORD = /[\p{L}\p{N}]/u;
const OPENING_CONTEXT = /[\s([{“"‘—–-]/u;

type Mark = '“' | '"' | '‘';

/** Whitespace-separated tokens that contain a letter or a digit. */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) if (WORD.test(token)) words++;
  return words;
}

/** Runs inside outermost quote marks within text[piece.start, piece.end), marks excluded, whitespace trimmed. */
export function quotedRuns(text: string, piece: Piece): Piece[] {
  const runs: Piece[] = [];
  const open: Mark[] = [];
  let runStart = 0;
  const closeTo = (i: number, marks: readonly Mark[]): void => {
    const at = findLast(open, marks);
    if (at < 0) return;
    open.length = at;
    if (at === 0) runs.push(trim(text, runStart, i));
  };
  for (let i = piece.start; i < piece.end; i++) {
    const at = i;
    // Some papers (the NYT archive) write a double quote as two apostrophes: read '' as ".
    const doubled = text.startsWith("''", at) && at + 1 < piece.end;
    if (doubled) i++;
    const c = doubled ? '"' : text[at];
    const before = at > piece.start ? (text[at - 1] ?? ' ') : ' ';
    const after = i + 1 < piece.end ? (text[i + 1] ?? ' ') : ' ';
    let opens: Mark | undefined;
    if (c === '“') opens = '“';
    else if (c === '”') closeTo(at, ['“', '"']);
    else if (c === '"') {
      const closing = !/\s/u.test(before) && !WORD.test(after);
      const opening = /\s/u.test(before) && !/\s/u.test(after);
      if (closing && !opening && findLast(open, ['“', '"']) >= 0) closeTo(at, ['“', '"']);
      else if (!opening && findLast(open, ['"']) >= 0) closeTo(at, ['"']);
      else opens = '"';
    } else if (c === '‘' && OPENING_CONTEXT.test(before) && !/\s/u.test(after)) opens = '‘';
    else if (c === '’' && open.includes('‘') && !WORD.test(after)) closeTo(at, ['‘']);
    if (opens === undefined) continue;
    if (open.length > 0 && continuesParagraph(text, piece.start, at)) continue;
    if (open.length === 0) runStart = i + 1;
    open.push(opens);
  }
  if (open.length > 0) runs.push(trim(text, runStart, piece.end));
  return runs.filter((r) => r.end > r.start);
}

function findLast(open: Mark[], marks: readonly Mark[]): number {
  for (let k = open.length - 1; k >= 0; k--) if (marks.includes(open[k] ?? '“')) return k;
  return -1;
}

/** Is position i the first non-blank character of a line (after at least one line break)? */
function continuesParagraph(text: string, from: number, i: number): boolean {
  for (let k = i - 1; k >= from; k--) {
    const c = text[k];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return false;
}

function trim(text: string, start: number, end: number): Piece {
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /[\s“”"]/u.test(text[end - 1] ?? '')) end--;
  if (text.endsWith("''", end) && end - 2 >= start) end -= 2;
  return { start, end };
}
