/** The seed articles against their hand-made gold (tests/fixtures/seeds.gold.json). */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { WatchlistMatcher } from '../../src/matches/index.js';
import { extractStatements } from '../../src/statements/index.js';
import type { Span } from './match.js';
import { extractOrNote, ratios, scoreSpans } from './score.js';
import { sameCanonicalSpeaker } from './speaker.js';
import type { CorpusReport, FalsePositive, Miss, WrongSpeaker } from './types.js';

const GoldArticleSchema = z.object({
  /** Relative to the gold file. */
  file: z.string(),
  quotes: z.array(z.object({ text: z.string().min(1), speaker: z.string(), kind: z.enum(['direct', 'partial']) })),
  indirect: z.array(z.object({ text: z.string().min(1), speaker: z.string() })),
  not_quotes: z.array(z.string()).default([]),
});
const GoldSchema = z.array(GoldArticleSchema);

interface GoldSpan extends Span {
  text: string;
  speaker: string;
}

const QUOTE_MARK = /[“”"‘’'«»]/u;

/** Where the verbatim gold text sits; for quotes, prefer an occurrence right after a quote mark. */
function locate(text: string, needle: string, quoted: boolean): Span | undefined {
  let first: number | undefined;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    first ??= at;
    if (!quoted || QUOTE_MARK.test(text[at - 1] ?? '')) return { start: at, end: at + needle.length };
  }
  return first === undefined ? undefined : { start: first, end: first + needle.length };
}

/** Scare-quote comparison: the words, without surrounding punctuation and case. */
const bare = (s: string): string => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();

export function scoreSeeds(goldPath: string, matcher: WatchlistMatcher): CorpusReport {
  const articles = GoldSchema.parse(JSON.parse(readFileSync(goldPath, 'utf8')));
  const notes: string[] = [];
  const missed: Miss[] = [];
  const falsePositives: FalsePositive[] = [];
  const wrongSpeakers: WrongSpeaker[] = [];
  let gold = 0;
  let extracted = 0;
  let matched = 0;
  let speakerRight = 0;
  let scare = 0;
  const indirect = { gold: 0, found: 0, rightSpeaker: 0 };

  for (const article of articles) {
    const file = basename(article.file);
    const text = readFileSync(resolve(dirname(goldPath), article.file), 'utf8');
    const spans = (items: Array<{ text: string; speaker: string }>, quoted: boolean): GoldSpan[] =>
      items.flatMap((item) => {
        const span = locate(text, item.text, quoted);
        if (!span) notes.push(`gold text not found in ${file}: "${item.text.slice(0, 60)}"`);
        return span ? [{ ...span, text: item.text, speaker: item.speaker }] : [];
      });
    const quotes = spans(article.quotes, true);
    const reported = spans(article.indirect, false);
    const statements = extractOrNote(() => extractStatements(text, { matcher }), file, notes);

    const score = scoreSpans(quotes, statements);
    gold += article.quotes.length;
    extracted += score.extracted;
    matched += score.found.length;
    for (const { gold: g, statement } of score.found) {
      if (sameCanonicalSpeaker(g.speaker, statement.speaker)) speakerRight++;
      else wrongSpeakers.push({ file, text: g.text, gold: g.speaker, predicted: statement.speaker });
    }
    for (const g of score.missed) missed.push({ file, text: g.text, speaker: g.speaker, kind: 'quote' });
    const scareWords = new Set(article.not_quotes.map(bare));
    for (const s of score.falsePositives) {
      falsePositives.push({ file, text: s.quote, kind: s.kind });
      if (scareWords.has(bare(s.quote))) scare++;
    }

    const paraphrase = scoreSpans(reported, statements, (s) => s.kind === 'indirect');
    indirect.gold += article.indirect.length;
    indirect.found += paraphrase.found.length;
    indirect.rightSpeaker += paraphrase.found.filter(({ gold: g, statement }) =>
      sameCanonicalSpeaker(g.speaker, statement.speaker),
    ).length;
    for (const g of paraphrase.missed) missed.push({ file, text: g.text, speaker: g.speaker, kind: 'indirect' });
  }

  const r = ratios(matched, extracted, gold);
  notes.push(
    `indirect: ${indirect.found}/${indirect.gold} found, ${indirect.rightSpeaker}/${indirect.gold} with the right speaker`,
    `scare quotes reported as statements: ${scare} (listed gold not_quotes); other false positives: ${falsePositives.length - scare}`,
  );
  return {
    corpus: 'seeds',
    articles: articles.length,
    gold,
    extracted,
    matched,
    ...r,
    // Over all gold quotes: a missed quote has no speaker right.
    speaker: { correct: speakerRight, scored: gold },
    notes,
    missed,
    falsePositives,
    wrongSpeakers,
    summary:
      `seeds: P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)} F1=${r.f1.toFixed(3)} ` +
      `speaker=${speakerRight}/${gold} indirect=${indirect.rightSpeaker}/${indirect.gold}`,
  };
}
