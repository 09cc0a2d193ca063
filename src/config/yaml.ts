/**
 * YAML text → a value validated by a zod schema, with every problem named by file, entry, key and
 * line, so a user fixing a config file sees the whole list at once.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { formatProblem, lineOf, type Problem } from './problems.js';

export interface FileResult<T> {
  value: T | undefined;
  problems: string[];
  syntax: boolean;
}

export function parseYamlFile<S extends z.ZodType>(
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

