/** The printed report: a table, the misses, and one summary line per corpus at the very end. */
import type { CorpusReport } from './types.js';

const excerpt = (text: string, max = 80): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

function table(reports: CorpusReport[]): string[] {
  const header = ['corpus', 'articles', 'gold quotes', 'extracted', 'matched', 'precision', 'recall', 'F1', 'speaker'];
  const rows = reports.map((r) => [
    r.corpus,
    String(r.articles),
    String(r.gold),
    String(r.extracted),
    String(r.matched),
    r.precision.toFixed(3),
    r.recall.toFixed(3),
    r.f1.toFixed(3),
    `${r.speaker.correct}/${r.speaker.scored}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function list<T>(title: string, items: T[], limit: number, show: (item: T) => string): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, limit);
  const more = items.length > shown.length ? ` (first ${shown.length} of ${items.length})` : ` (${items.length})`;
  return ['', `${title}${more}:`, ...shown.map((item) => `  ${show(item)}`)];
}

export function renderReport(reports: CorpusReport[], limit: number, notices: string[]): string {
  const lines = ['# Extraction quality', '', ...notices, ...(notices.length > 0 ? [''] : []), ...table(reports)];
  for (const r of reports) {
    lines.push('', `## ${r.corpus}`, ...r.notes.map((n) => `- ${n}`));
    lines.push(
      ...list('missed gold', r.missed, limit, (m) =>
        `${m.file}  ${m.kind === 'indirect' ? '[indirect] ' : ''}“${excerpt(m.text)}” — ${m.speaker ?? '(no source)'}`,
      ),
      ...list('false positives', r.falsePositives, limit, (f) => `${f.file}  [${f.kind}] “${excerpt(f.text, 100)}”`),
      ...list('wrong speakers', r.wrongSpeakers, limit, (w) =>
        `${w.file}  “${excerpt(w.text, 60)}” — gold: ${excerpt(w.gold, 50)}; predicted: ${w.predicted ?? 'null'}`,
      ),
    );
  }
  lines.push('', ...reports.map((r) => r.summary));
  return `${lines.join('\n')}\n`;
}

/** The same, for machines: lists capped like the printed ones. */
export function reportJson(reports: CorpusReport[], limit: number, notices: string[]): string {
  const capped = reports.map((r) => ({
    ...r,
    missed: r.missed.slice(0, limit),
    falsePositives: r.falsePositives.slice(0, limit),
    wrongSpeakers: r.wrongSpeakers.slice(0, limit),
    totals: { missed: r.missed.length, falsePositives: r.falsePositives.length, wrongSpeakers: r.wrongSpeakers.length },
  }));
  return `${JSON.stringify({ notices, corpora: capped }, null, 2)}\n`;
}
