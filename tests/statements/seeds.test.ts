// The engine against the hand-made gold for the four seed articles: every gold quote and reported
// statement is found, of the right kind, with the exact speaker; scare quotes and page furniture are not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { halfAndHalf, type Span } from '../../scripts/eval/match.js';
import { compileWatchlist } from '../../src/matches/index.js';
import type { Statement } from '../../src/model/index.js';
import { extractStatements } from '../../src/statements/index.js';
import { loadWatchlist } from '../../src/watchlist/index.js';

const GOLD_PATH = new URL('../fixtures/seeds.gold.json', import.meta.url);

const GoldSchema = z.array(
  z.object({
    file: z.string(),
    quotes: z.array(z.object({ text: z.string().min(1), speaker: z.string().min(1), kind: z.enum(['direct', 'partial']) })),
    indirect: z.array(z.object({ text: z.string().min(1), speaker: z.string().min(1) })),
    not_quotes: z.array(z.string()).default([]),
    boilerplate_lines_start_with: z.array(z.string()).default([]),
  }),
);

const matcher = compileWatchlist(loadWatchlist());
const gold = GoldSchema.parse(JSON.parse(readFileSync(GOLD_PATH, 'utf8')));

interface Seed {
  name: string;
  text: string;
  statements: Statement[];
}

const seeds = new Map<string, Seed>(
  gold.map((article) => {
    const text = readFileSync(new URL(`../fixtures/${article.file}`, import.meta.url), 'utf8');
    const name = article.file.replace(/^.*\//, '').slice(0, 3);
    return [article.file, { name, text, statements: extractStatements(text, { matcher }).statements }];
  }),
);

function seed(file: string): Seed {
  const found = seeds.get(file);
  if (found === undefined) throw new Error(`no seed ${file}`);
  return found;
}

const QUOTE_MARK = /[“”"‘’'«»]/u;

/** Where the gold text sits in the article; for quotes, the occurrence right after a quote mark. */
function locate(text: string, needle: string, quoted: boolean): Span {
  let first: Span | undefined;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const span = { start: at, end: at + needle.length };
    first ??= span;
    if (!quoted || QUOTE_MARK.test(text[at - 1] ?? '')) return span;
  }
  if (first === undefined) throw new Error(`gold text not in the article: "${needle}"`);
  return first;
}

/** Words only, no surrounding punctuation or case: the gold lists scare quotes as `genuine,`. */
const bare = (s: string): string => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();

const brief = (s: Statement): string => `${s.kind} ${JSON.stringify(s.speaker)} “${s.quote.slice(0, 60)}”`;
const listing = (statements: readonly Statement[]): string => statements.map(brief).join('\n  ') || '(none)';

const short = (s: string): string => (s.length > 50 ? `${s.slice(0, 47)}...` : s);
const name = (file: string): string => seed(file).name;

const quoteRows = gold.flatMap((a) => a.quotes.map((q) => ({ seed: name(a.file), file: a.file, ...q, label: short(q.text) })));
const indirectRows = gold.flatMap((a) => a.indirect.map((q) => ({ seed: name(a.file), file: a.file, ...q, label: short(q.text) })));
const scareRows = gold.flatMap((a) => a.not_quotes.map((word) => ({ seed: name(a.file), file: a.file, word })));
const boilerplateRows = gold.flatMap((a) => a.boilerplate_lines_start_with.map((prefix) => ({ seed: name(a.file), file: a.file, prefix })));

describe('seed articles against their gold', () => {
  it.each(quoteRows.map((r) => [`seed ${r.seed}: ${r.kind} quote by ${r.speaker} “${r.label}”`, r] as const))('%s', (_title, { file, text: goldText, speaker, kind }) => {
    const { text, statements } = seed(file);
    const span = locate(text, goldText, true);
    const quoted = statements.filter((s) => s.kind !== 'indirect' && halfAndHalf(span, s));
    expect(quoted.length, `no direct/partial statement overlaps the gold quote; found:\n  ${listing(statements)}`).toBeGreaterThan(0);
    expect(quoted.map((s) => ({ kind: s.kind, speaker: s.speaker })), `overlapping: ${listing(quoted)}`).toContainEqual({ kind, speaker });
  });

  it.each(indirectRows.map((r) => [`seed ${r.seed}: reported speech by ${r.speaker} “${r.label}”`, r] as const))('%s', (_title, { file, text: goldText, speaker }) => {
    const { text, statements } = seed(file);
    const span = locate(text, goldText, false);
    const reported = statements.filter((s) => s.kind === 'indirect' && halfAndHalf(span, s));
    expect(reported.length, `no indirect statement overlaps the gold text; found:\n  ${listing(statements)}`).toBeGreaterThan(0);
    expect(reported.map((s) => s.speaker), `overlapping: ${listing(reported)}`).toContain(speaker);
  });

  it.each(scareRows.map((r) => [`seed ${r.seed}: the scare quote “${r.word}” is not a statement`, r] as const))('%s', (_title, { file, word }) => {
    const quoted = seed(file).statements.filter((s) => s.kind !== 'indirect' && bare(s.quote) === bare(word));
    expect(quoted.map(brief)).toEqual([]);
  });

  it.each(boilerplateRows.map((r) => [`seed ${r.seed}: nothing is extracted from “${r.prefix}” lines`, r] as const))('%s', (_title, { file, prefix }) => {
    const { text, statements } = seed(file);
    const lines: Span[] = [];
    for (let start = 0; start <= text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      if (text.slice(start, end).trimStart().startsWith(prefix)) lines.push({ start, end });
      start = end + 1;
    }
    expect(lines.length, `the article has "${prefix}" lines`).toBeGreaterThan(0);
    const inside = statements.filter((s) => lines.some((line) => s.start < line.end && line.start < s.end));
    expect(inside.map(brief)).toEqual([]);
  });

  it.each(gold.map((a) => [`seed ${name(a.file)}: every quote is the article text at its offsets`, a.file] as const))('%s', (_title, file) => {
    const { text, statements } = seed(file);
    const quoted = statements.filter((s) => s.kind !== 'indirect');
    expect(quoted.length).toBeGreaterThan(0);
    for (const s of quoted) expect(text.slice(s.start, s.end)).toBe(s.quote);
  });

  it('seed 000: Stoltenberg’s quotes carry a NATO role', () => {
    const [article] = gold;
    if (article === undefined) throw new Error('empty gold');
    const { text, statements } = seed(article.file);
    const mine = article.quotes.filter((q) => q.speaker === 'Jens Stoltenberg');
    expect(mine.length).toBeGreaterThan(0);
    for (const q of mine) {
      const span = locate(text, q.text, true);
      const found = statements.find((s) => s.kind !== 'indirect' && halfAndHalf(span, s) && s.speaker === 'Jens Stoltenberg');
      expect(found, `Stoltenberg's “${short(q.text)}”`).toBeDefined();
      expect(found?.role ?? '').toMatch(/NATO/);
    }
  });

  it('seed 003: Dmitry Peskov’s statements carry a spokesperson role', () => {
    const article = gold.find((a) => a.file.includes('003_'));
    if (article === undefined) throw new Error('no seed 003 in the gold');
    const peskov = seed(article.file).statements.filter((s) => s.speaker === 'Dmitry Peskov');
    expect(peskov.length).toBeGreaterThanOrEqual(article.quotes.filter((q) => q.speaker === 'Dmitry Peskov').length);
    for (const s of peskov) expect(s.role ?? '', brief(s)).toContain('spokesperson');
  });
});
