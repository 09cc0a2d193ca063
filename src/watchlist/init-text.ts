/**
 * Text helpers shared by `statements init`'s actor and keyword discovery: the articles read the
 * way the extraction engine reads them (paragraphs, furniture marked, quotes as single tokens),
 * slugs, and small word utilities.
 */
import { findQuotes } from '../statements/quotes.js';
import { editDistance } from './edit-distance.js';
import { splitParagraphs, type Paragraph } from '../statements/paragraphs.js';
import { tokenize, type Token } from '../statements/tokens.js';

/** One source article. */
export interface SourceText {
  /** What to call it in messages (the file path as given). */
  name: string;
  text: string;
}

/** An article split into paragraphs and token frames. */
export interface ReadArticle {
  source: SourceText;
  paragraphs: Paragraph[];
  /** Per paragraph: tokens with each quote as one token (empty for boilerplate). */
  frames: Token[][];
  /** Per paragraph: tokens with quotes read as words (empty for boilerplate). */
  words: Token[][];
  /** Per paragraph, boilerplate included: tokens with quotes read as words (captions spell names too). */
  all: Token[][];
}

export function readArticle(source: SourceText): ReadArticle {
  const { text } = source;
  const paragraphs = splitParagraphs(text);
  const quotes = findQuotes(text, paragraphs);
  const byParagraph: number[][] = paragraphs.map(() => []);
  quotes.forEach((q, i) => byParagraph[q.paragraph]?.push(i));
  for (const list of byParagraph) list.sort((a, b) => (quotes[a]?.open ?? 0) - (quotes[b]?.open ?? 0));
  const frames = paragraphs.map((p, i) => (p.kind === 'boilerplate' ? [] : tokenize(text, p.start, p.end, quotes, byParagraph[i] ?? [])));
  const all = paragraphs.map((p) => tokenize(text, p.start, p.end, [], []));
  const words = all.map((tokens, i) => (paragraphs[i]?.kind === 'boilerplate' ? [] : tokens));
  return { source, paragraphs, frames, words, all };
}

/** Lower-case ASCII slug: "Jens Stoltenberg" → "jens-stoltenberg", "U.S." → "us". */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug;
}

const keys = new Map<string, string>();

/** Comparison key of a name: lower case, accents, dots and "the" removed, hyphens as spaces. */
export function nameKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size > 100_000) keys.clear();
    key = computeKey(text);
    keys.set(text, key);
  }
  return key;
}

function computeKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** An acronym as written ("NATO", "U.S.", "EU"), or null: two to six capitals, dots allowed. */
export function acronymOf(text: string): string | null {
  const bare = text.replace(/\./g, '');
  return /^[A-Z]{2,6}$/.test(bare) && /^(?:[A-Z]+|(?:[A-Z]\.){2,6})$/.test(text) ? bare : null;
}

/** Two spellings of one word ("Defence"/"Defense", "Zelensky"/"Zelenskiy"): long words one edit apart. */
export function spellingVariants(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  return Math.min(x.length, y.length) >= 5 && x[0] === y[0] && editDistance(x, y) <= 1;
}
