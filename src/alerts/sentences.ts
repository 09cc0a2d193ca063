/**
 * Sentence spans in article text, good enough to pick a lead and to tell two quotes apart: a
 * sentence ends at . ! ? or … (with closing quotes or brackets) before a capital, a digit or an
 * opening quote, except after abbreviations and initials ("U.S.", "Feb.", "Mr.").
 */

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'cmdr', 'gov', 'sen', 'rep', 'st', 'sr', 'jr',
  'rev', 'hon', 'pres', 'no', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'approx', 'dept', 'est', 'fig', 'mt', 'ft',
]);

const BOUNDARY = /[.!?…]+["”’)\]]*\s+(?=["“‘«(\[]?[\p{Lu}\d])/gu;

/** Sentences of text[from, to), trimmed, in order. */
export function sentenceSpans(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  const slice = text.slice(from, to);
  let start = 0;
  for (const match of slice.matchAll(BOUNDARY)) {
    const stop = match.index + match[0].trimEnd().length;
    if (match[0].startsWith('.') && isAbbreviation(slice, match.index)) continue;
    pushTrimmed(spans, slice, start, stop, from);
    start = match.index + match[0].length;
  }
  pushTrimmed(spans, slice, start, slice.length, from);
  return spans;
}

/** The word before the period at `dot` is an abbreviation or an initial. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // U.S, U.K (the last period is `dot`)
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "Joseph R. Biden"
  return ABBREVIATIONS.has(word.toLowerCase().replace(/^[("“‘]+/, ''));
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number, offset: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s + offset, end: e + offset });
}

/** Paragraph spans: the text's lines that hold anything. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    pushTrimmed(spans, text, start, end, 0);
    start = end + 1;
  }
  return spans;
}
