// Hostile and odd input never crashes or hangs the engine, and its output keeps its promises.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileWatchlist } from '../../src/matches/index.js';
import { extractStatements } from '../../src/statements/index.js';
import { loadWatchlist } from '../../src/watchlist/index.js';
import { mulberry32 } from '../helpers/mulberry32.js';
import { SEED_FILES, seedText } from '../helpers/seeds.js';

const matcher = compileWatchlist(loadWatchlist());

const StatementSchema = z.object({
  quote: z.string(),
  speaker: z.string().trim().min(1).nullable(),
  speakerId: z.string().nullable(),
  role: z.string().nullable(),
  kind: z.enum(['direct', 'partial', 'indirect']),
  start: z.number().int(),
  end: z.number().int(),
  cue: z.string().nullable(),
});

/** Extracts, checks every promise the output makes about the text, and returns the extraction. */
function extractChecked(text: string) {
  const extraction = extractStatements(text, { matcher });
  for (const statement of extraction.statements) {
    const s = StatementSchema.parse(statement);
    expect(0 <= s.start && s.start <= s.end && s.end <= text.length, `offsets ${s.start}-${s.end}`).toBe(true);
    if (s.kind !== 'indirect') expect(text.slice(s.start, s.end)).toBe(s.quote);
  }
  return extraction;
}

describe('extractStatements on bad input', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\r\n  \u00a0\u2028 '],
    ['quote marks only', '“”"‘’\'«»„‹›'],
  ])('finds nothing in %s text', (_name, text) => {
    expect(extractChecked(text)).toMatchObject({ statements: [], actors: [], keywords: [] });
  });

  it('copes with a lone surrogate', () => {
    extractChecked('Jens Stoltenberg said “\uD800 we are broken\uDC00 here” today.');
  });

  it('copes with random bytes decoded as UTF-8', () => {
    const random = mulberry32(1);
    const bytes = Uint8Array.from({ length: 64 * 1024 }, () => Math.floor(random() * 256));
    extractChecked(new TextDecoder().decode(bytes));
  });

  it('reads a 5 MB article to its end', () => {
    const seeds = SEED_FILES.map(seedText).join('\n\n');
    const parts: string[] = [];
    for (let size = 0; size < 5_000_000; size += seeds.length + 2) parts.push(seeds);
    const text = parts.join('\n\n');
    const { statements } = extractChecked(text);
    // Nothing past some cut-off is dropped: the last copy yields what the first one does.
    const perCopy = extractStatements(seeds, { matcher }).statements.length;
    expect(statements.length).toBe(perCopy * parts.length);
    expect(statements[statements.length - 1]!.start).toBeGreaterThan(text.length - seeds.length);
  });

  it('finds the statements of an article that arrives on one line', () => {
    // Feed descriptions often flatten paragraphs; a photo credit inside must not hide the article.
    const text = SEED_FILES.map(seedText)[0]!.replace(/\s*\n\s*/g, ' ');
    const speakers = extractChecked(text).statements.filter((s) => s.kind === 'direct').map((s) => s.speaker);
    expect(speakers).toEqual(expect.arrayContaining(['Jens Stoltenberg', 'Ben Wallace', 'Anita Anand']));
  });

  it('copes with unbalanced quote marks', () => {
    extractChecked('“ “ “ ” " said Ann. '.repeat(2_000));
    extractChecked(`${'“ word '.repeat(10_000)}, said Jens Stoltenberg.`);
    extractChecked(`Stoltenberg said ${'” '.repeat(10_000)}`);
  });

  it('copes with quotes nested 1,000 deep', () => {
    const opening = Array.from({ length: 1_000 }, (_, i) => (i % 2 === 0 ? '“' : '‘')).join('');
    const closing = Array.from({ length: 1_000 }, (_, i) => (i % 2 === 0 ? '’' : '”')).join('');
    extractChecked(`Peskov said: ${opening}We will leave when we choose${closing}, he said.`);
  });
});

const WORDS = 'the troops will return to their bases withdrawal talks border Russia Ukraine drills said told added according to he she it they that we will not'.split(' ');
const NAMES = ['Jens Stoltenberg', 'Stoltenberg', 'Dmitry Peskov', 'NATO', 'the Kremlin', 'Mr. Peskov', 'Anita Anand', 'Zelenskiy’s'];
const MARKS = ['“', '”', '"', '‘', '’', "'", '«', '»', '„', '‹', '›', '「', '」'];
const PUNCTUATION = [',', '.', ':', ';', '—', '–', '…', '...', '(', ')', '!', '?', '\n', '\n\n', ' ', '😀'];

function randomArticle(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const parts: string[] = [];
  const length = Math.floor(random() * 300);
  for (let i = 0; i < length; i++) {
    const r = random();
    parts.push(r < 0.5 ? pick(WORDS) : r < 0.65 ? pick(NAMES) : r < 0.85 ? pick(MARKS) : pick(PUNCTUATION));
  }
  return parts.join(random() < 0.8 ? ' ' : '');
}

describe('extractStatements fuzz', () => {
  it('keeps its promises on 300 random articles, and gives the same output twice', () => {
    const random = mulberry32(20_240_216);
    for (let i = 0; i < 300; i++) {
      const text = randomArticle(random);
      const first = extractChecked(text);
      expect(extractStatements(text, { matcher }), `article ${i}: ${JSON.stringify(text.slice(0, 200))}`).toEqual(first);
    }
  });
});
