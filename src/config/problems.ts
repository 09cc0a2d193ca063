/**
 * Turns a problem's data path into words a person can find in the file:
 * `config/actors.yaml: actors[3] (id "jens-stoltenberg").affiliations[0]: … (line 42)`.
 */
import type { Document, LineCounter } from 'yaml';
import { isNode } from 'yaml';

/** One thing wrong in a config file, at a data path. */
export interface Problem {
  path: readonly (string | number)[];
  message: string;
  /** Where to point in the file when that is not `path` itself (an unknown key: the key). */
  at?: readonly (string | number)[];
}

/** `actors[3] (id "jens-stoltenberg").affiliations[0]`: indexes, plus the entry's id when it has one. */
export function describePath(root: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let value: unknown = root;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      value = Array.isArray(value) ? value[key] : undefined;
      out += entryLabel(value);
    } else {
      const name = String(key);
      out += out === '' ? name : `.${name}`;
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
    }
  }
  return out;
}

/** ` (id "nato")`, or ` (name "NATO")` for an entry still without an id. */
function entryLabel(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const id = 'id' in value ? value.id : undefined;
  if (typeof id === 'string') return ` (id "${id}")`;
  const name = 'name' in value ? value.name : 'label' in value ? value.label : undefined;
  return typeof name === 'string' ? ` (name "${name}")` : '';
}

/** 1-based line of the YAML node at `path`, or of its nearest ancestor that exists. */
export function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

export function formatProblem(
  file: string,
  root: unknown,
  problem: Problem,
  source?: { doc: Document; lines: LineCounter },
): string {
  const where = describePath(root, problem.path);
  const line = source ? lineOf(source.doc, source.lines, problem.at ?? problem.path) : undefined;
  return `${file}: ${where === '' ? '' : `${where}: `}${problem.message}${line === undefined ? '' : ` (line ${line})`}`;
}

/* Checks across the entries of a list read the raw YAML data rather than the schema output, so
 * they still run, and report, when some other entry has a schema error. */

export interface RawEntry {
  index: number;
  id: string | undefined;
  raw: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function entries(root: unknown, listKey: string): RawEntry[] {
  const list = isRecord(root) ? root[listKey] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw: unknown, index) =>
    isRecord(raw) ? [{ index, id: typeof raw.id === 'string' ? raw.id : undefined, raw }] : [],
  );
}

/** Duplicate ids in `root[listKey]`, reported at every repeat. */
export function duplicateIdProblems(root: unknown, listKey: string): Problem[] {
  const firstIndex = new Map<string, number>();
  const problems: Problem[] = [];
  for (const { index, id } of entries(root, listKey)) {
    if (id === undefined) continue;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else
      problems.push({
        path: [listKey, index, 'id'],
        message: `duplicate id "${id}", already used by ${listKey}[${first}]; give each entry its own id`,
      });
  }
  return problems;
}

