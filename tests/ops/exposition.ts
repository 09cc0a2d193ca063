/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: every line is a
 * HELP, a TYPE, a sample or empty (free comments, which the format tolerates, are refused: we
 * write none); every sample belongs to a family declared by a TYPE line before it;
 * histograms have `le` buckets ending in +Inf whose count matches `_count`. Throws on the first
 * line that breaks a rule, naming it.
 */
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
const LABEL_VALUE = '"(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
// Prometheus reads values with Go's ParseFloat, which takes NaN and Inf in any case (prom-client writes "Nan").
const VALUE = '(?:[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|[Nn][Aa][Nn]|[+-][Ii][Nn][Ff])';
const HELP_LINE = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL}=${LABEL_VALUE})(?:,${LABEL}=${LABEL_VALUE})*,?)?\\})? (${VALUE})(?: (-?\\d+))?$`);
const LABEL_PAIR = new RegExp(`(${LABEL})=(${LABEL_VALUE})`, 'g');

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
  /** The value of `name` with exactly these labels; 0 when absent (a labelled counter not yet incremented). */
  value(name: string, labels?: Record<string, string>): number;
}

/** The family a sample name belongs to, given the declared types. */
function familyOf(name: string, types: Map<string, string>): string | null {
  if (types.has(name)) return name;
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (!name.endsWith(suffix)) continue;
    const family = name.slice(0, -suffix.length);
    const type = types.get(family);
    if (type === 'histogram' || (type === 'summary' && suffix !== '_bucket')) return family;
  }
  return null;
}

export function parseExposition(text: string): Exposition {
  if (!text.endsWith('\n')) throw new Error('the exposition does not end with a newline');
  const types = new Map<string, string>();
  const helps = new Set<string>();
  const samples: Sample[] = [];
  const seen = new Set<string>();
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, index) => {
      const where = `line ${index + 1} "${line}"`;
      if (line === '') return;
      const help = HELP_LINE.exec(line);
      if (help !== null) {
        if (helps.has(help[1]!)) throw new Error(`${where}: a second HELP for ${help[1]}`);
        helps.add(help[1]!);
        return;
      }
      const type = TYPE_LINE.exec(line);
      if (type !== null) {
        if (types.has(type[1]!)) throw new Error(`${where}: a second TYPE for ${type[1]}`);
        if (samples.some((s) => familyOf(s.name, new Map([[type[1]!, type[2]!]])) !== null)) throw new Error(`${where}: TYPE after samples of its family`);
        types.set(type[1]!, type[2]!);
        return;
      }
      const sample = SAMPLE_LINE.exec(line);
      if (sample === null) throw new Error(`${where}: neither a HELP, a TYPE nor a sample`);
      const [, name, labelText, value] = sample;
      if (familyOf(name!, types) === null) throw new Error(`${where}: sample of ${name} without a TYPE line before it`);
      const labels: Record<string, string> = {};
      for (const [, key, quoted] of (labelText ?? '').matchAll(LABEL_PAIR)) {
        if (key! in labels) throw new Error(`${where}: label ${key} twice`);
        labels[key!] = JSON.parse(quoted!) as string;
      }
      const id = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
      if (seen.has(id)) throw new Error(`${where}: the same series twice`);
      seen.add(id);
      samples.push({ name: name!, labels, value: /^[+-]inf$/i.test(value!) ? (value!.startsWith('-') ? -Infinity : Infinity) : /^nan$/i.test(value!) ? NaN : Number(value) });
    });
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    const buckets = samples.filter((s) => s.name === `${family}_bucket`);
    const counts = samples.filter((s) => s.name === `${family}_count`);
    for (const count of counts) {
      const same = (s: Sample): boolean => Object.entries(count.labels).every(([k, v]) => s.labels[k] === v);
      const inf = buckets.find((b) => same(b) && b.labels.le === '+Inf');
      if (inf === undefined) throw new Error(`${family}: no +Inf bucket`);
      if (inf.value !== count.value) throw new Error(`${family}: +Inf bucket ${inf.value} but _count ${count.value}`);
    }
    if (buckets.some((b) => b.labels.le === undefined)) throw new Error(`${family}: a bucket without le`);
  }
  return {
    types,
    samples,
    value(name, labels = {}) {
      const match = samples.find((s) => s.name === name && Object.keys(s.labels).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
      return match?.value ?? 0;
    },
  };
}
