import type { Extraction, StatementKind } from '../model/index.js';
import type { WatchlistMatcher } from '../matches/index.js';
import { toCodePointOffsets } from './offsets.js';

/** One statement as `statements extract` prints it: the contract fields first, then the extras. */
export interface StatementRecord {
  quote: string;
  speaker: string | null;
  kind: StatementKind;
  /** Code-point offsets of `quote` in the file's text. */
  start: number;
  end: number;
  speakerId: string | null;
  role: string | null;
  cue: string | null;
}

/** One input file's result: one `jsonl` line, one element of the `json` array. */
export interface FileRecord {
  file: string;
  statements: StatementRecord[];
  /** Actor names. */
  actors: string[];
  /** Keyword labels. */
  keywords: string[];
}

export function toFileRecord(
  file: string,
  text: string,
  extraction: Extraction,
  matcher: WatchlistMatcher,
): FileRecord {
  const offset = toCodePointOffsets(text);
  return {
    file,
    // Built field by field so the key order is the contract's and nothing unplanned leaks out.
    statements: extraction.statements.map((s) => ({
      quote: s.quote,
      speaker: s.speaker,
      kind: s.kind,
      start: offset(s.start),
      end: offset(s.end),
      speakerId: s.speakerId,
      role: s.role,
      cue: s.cue,
    })),
    actors: extraction.actors.map((a) => a.name),
    keywords: extraction.keywords.map((id) => matcher.keyword(id)?.label ?? id),
  };
}

/** One line, however many lines the quote spans in the article. */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Human-readable listing of one file: `speaker — kind — “quote”` per statement. */
export function renderFileRecord(record: FileRecord, maxQuote = Infinity): string {
  const count = record.statements.length;
  const lines = [`${record.file} (${count} statement${count === 1 ? '' : 's'})`];
  for (const s of record.statements) {
    lines.push(`  ${s.speaker ?? '(unknown speaker)'} — ${s.kind} — “${oneLine(s.quote, maxQuote)}”`);
  }
  if (record.actors.length > 0) lines.push(`  actors: ${record.actors.join(', ')}`);
  if (record.keywords.length > 0) lines.push(`  keywords: ${record.keywords.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
