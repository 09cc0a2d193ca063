/**
 * YAML text → validated Watchlist. Every problem in both files is collected and reported in one
 * StatementsError, so a user fixing the config sees the whole list at once.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { StatementsError } from '../errors.js';
import type { Watchlist } from '../model/index.js';
import { formatProblem, lineOf } from './problems.js';
import type { Problem } from './references.js';
import { affiliationProblems, duplicateIdProblems } from './references.js';
import { actorsFileSchema, keywordsFileSchema } from './schema.js';

export interface WatchlistFiles {
  /** Names used in error messages, e.g. `config/actors.yaml`. */
  actors: string;
  keywords: string;
}

interface FileResult<T> {
  value: T | undefined;
  problems: string[];
  syntax: boolean;
}

function parseFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  crossChecks: (root: unknown) => Problem[],
): FileResult<z.output<S>> {
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const at = lines.linePos(error.pos[0]);
      return `${file}:${at.line}:${at.col}: YAML syntax error: ${error.message.split('\n')[0]}`;
    });
    return { value: undefined, problems, syntax: true };
  }
  // An empty file is an empty list rather than an error: it is how a user switches a list off.
  const root: unknown = doc.toJS() ?? {};
  const parsed = schema.safeParse(root);
  const found: Problem[] = [...(parsed.success ? [] : parsed.error.issues.map(toProblem)), ...crossChecks(root)];
  const problems = found
    .map((p) => ({ text: formatProblem(file, root, p, { doc, lines }), line: lineOf(doc, lines, p.at ?? p.path) }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    .map((p) => p.text);
  return { value: problems.length === 0 && parsed.success ? parsed.data : undefined, problems, syntax: false };
}

function toProblem(issue: z.core.$ZodIssue): Problem {
  const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const at = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : undefined;
  return at ? { path, message: issue.message, at } : { path, message: issue.message };
}

/** Parses and validates the two watchlist files' text; throws a StatementsError listing every problem. */
export function parseWatchlist(
  actorsText: string,
  keywordsText: string,
  files: WatchlistFiles = { actors: 'actors.yaml', keywords: 'keywords.yaml' },
): Watchlist {
  const actors = parseFile(actorsText, files.actors, actorsFileSchema, (root) => [
    ...duplicateIdProblems(root, 'actors'),
    ...affiliationProblems(root),
  ]);
  const keywords = parseFile(keywordsText, files.keywords, keywordsFileSchema, (root) =>
    duplicateIdProblems(root, 'keywords'),
  );
  const problems = [...actors.problems, ...keywords.problems];
  if (actors.value === undefined || keywords.value === undefined || problems.length > 0) {
    const code = actors.syntax || keywords.syntax ? 'WATCHLIST_YAML' : 'WATCHLIST_INVALID';
    throw new StatementsError('watchlist', code, problemsMessage(problems));
  }
  return { actors: actors.value.actors, keywords: keywords.value.keywords };
}

export function problemsMessage(problems: readonly string[]): string {
  if (problems.length === 1) return problems[0] ?? '';
  return `${problems.length} problems in the watchlist config; fix them all, then retry:\n- ${problems.join('\n- ')}`;
}
