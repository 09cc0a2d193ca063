/** PolNeAR dev (read from ../shared/polnear/dev, never copied into the project). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WatchlistMatcher } from '../../src/matches/index.js';
import { toUtf16Offsets } from '../../src/cli/offsets.js';
import { extractStatements } from '../../src/statements/index.js';
import { parseBrat } from './brat.js';
import { goldQuotes } from './gold.js';
import { goldReports } from './indirect.js';
import { extractOrNote, ratios, scoreSpans } from './score.js';
import { sameNamedSpeaker } from './speaker.js';
import type { CorpusReport, FalsePositive, Miss, WrongSpeaker } from './types.js';

export function isPolnearDir(dir: string): boolean {
  return existsSync(join(dir, 'text')) && existsSync(join(dir, 'attributions'));
}

/** Article name → its first annotation file in sorted order (one annotator per article is enough). */
function firstAnnotations(dir: string): Map<string, string> {
  const byArticle = new Map<string, string>();
  for (const name of readdirSync(join(dir, 'attributions')).filter((n) => n.endsWith('.ann')).sort()) {
    // NAME_ANNOTATOR.ann: the annotator id follows the last underscore.
    const article = name.slice(0, name.lastIndexOf('_'));
    if (!byArticle.has(article)) byArticle.set(article, name);
  }
  return byArticle;
}

export function scorePolnear(dir: string, matcher: WatchlistMatcher): CorpusReport {
  const notes: string[] = [];
  const missed: Miss[] = [];
  const falsePositives: FalsePositive[] = [];
  const wrongSpeakers: WrongSpeaker[] = [];
  let articles = 0;
  let gold = 0;
  let extracted = 0;
  let matched = 0;
  let unnamedFound = 0;
  let offsetMismatches = 0;
  const speaker = { correct: 0, scored: 0 };
  // Reported speech, scored the same way over the statements of kind indirect.
  const reports = { gold: 0, extracted: 0, matched: 0, matchedAny: 0, correct: 0, scored: 0 };

  for (const [article, annFile] of firstAnnotations(dir)) {
    const textPath = join(dir, 'text', `${article}.txt`);
    if (!existsSync(textPath)) {
      notes.push(`no text for ${annFile}`);
      continue;
    }
    articles++;
    const text = readFileSync(textPath, 'utf8');
    const doc = parseBrat(readFileSync(join(dir, 'attributions', annFile), 'utf8'));
    const toUtf16 = toUtf16Offsets(text);
    // The annotation repeats each span's text: a check that the offsets are read right.
    for (const span of doc.spans.values()) {
      const written = span.pieces.map((p) => text.slice(toUtf16(p.start), toUtf16(p.end))).join(' ');
      if (written !== span.text) offsetMismatches++;
    }
    const quotes = goldQuotes(text, doc, toUtf16);
    const statements = extractOrNote(() => extractStatements(text, { matcher }), article, notes);
    const score = scoreSpans(quotes, statements);
    gold += quotes.length;
    extracted += score.extracted;
    matched += score.found.length;
    for (const { gold: g, statement } of score.found) {
      const right = g.source === null ? undefined : sameNamedSpeaker(g.source, statement.speaker);
      if (right === undefined) {
        unnamedFound++;
        continue;
      }
      speaker.scored++;
      if (right) speaker.correct++;
      else wrongSpeakers.push({ file: article, text: g.text, gold: g.source ?? '', predicted: statement.speaker });
    }
    for (const g of score.missed) missed.push({ file: article, text: g.text, speaker: g.source, kind: 'quote' });
    const allReports = goldReports(text, doc, toUtf16);
    const reported = scoreSpans(allReports.filter((g) => !g.quoted), statements, (s) => s.kind === 'indirect');
    const anyReport = scoreSpans(allReports, statements, (s) => s.kind === 'indirect');
    reports.gold += reported.found.length + reported.missed.length;
    reports.extracted += anyReport.extracted;
    reports.matched += reported.found.length;
    reports.matchedAny += anyReport.found.length;
    for (const { gold: g, statement } of reported.found) {
      const right = g.source === null ? undefined : sameNamedSpeaker(g.source, statement.speaker);
      if (right === undefined) continue;
      reports.scored++;
      if (right) reports.correct++;
    }
    for (const s of score.falsePositives) falsePositives.push({ file: article, text: s.quote, kind: s.kind });
  }

  if (offsetMismatches > 0) notes.push(`${offsetMismatches} annotated spans whose text does not match the offsets`);
  notes.push(`speaker: scored over found quotes whose Source has a proper name; ${unnamedFound} found quotes had none`);
  const reportPrecision = reports.extracted === 0 ? 0 : reports.matchedAny / reports.extracted;
  const reportRecall = reports.gold === 0 ? 0 : reports.matched / reports.gold;
  notes.push(
    `reported speech (speech-verb Cue): ${reports.gold} gold without quote marks, ${reports.extracted} extracted, ` +
      `P=${reportPrecision.toFixed(3)} R=${reportRecall.toFixed(3)}, speaker ${reports.correct}/${reports.scored}`,
  );
  const r = ratios(matched, extracted, gold);
  const accuracy = speaker.scored === 0 ? 0 : speaker.correct / speaker.scored;
  return {
    corpus: 'polnear',
    articles,
    gold,
    extracted,
    matched,
    ...r,
    speaker,
    notes,
    missed,
    falsePositives,
    wrongSpeakers,
    summary:
      `polnear: P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)} F1=${r.f1.toFixed(3)} ` +
      `speaker=${accuracy.toFixed(3)} (${speaker.correct}/${speaker.scored})`,
  };
}
