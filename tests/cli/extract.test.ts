import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../../src/cli/extract.js';
import { memoryIo } from '../helpers/memory-io.js';
import { mulberry32 } from '../helpers/mulberry32.js';
import { FileRecordSchema, parseJsonl } from '../helpers/schemas.js';
import { SEED_FILES, seedText } from '../helpers/seeds.js';

const [FIRST = '', SECOND = '', THIRD = ''] = SEED_FILES;
const scratch = mkdtempSync(join(tmpdir(), 'statements-cli-'));

function scratchFile(name: string, content: string | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

async function extract(args: string[], stdin = '') {
  const run = memoryIo(stdin);
  const code = await runExtract(args, run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('statements extract: the jsonl contract', () => {
  it('prints one line per file, in the order given, with the contract fields', async () => {
    const { code, stdout, stderr } = await extract(['--format', 'jsonl', FIRST, SECOND, THIRD]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(parseJsonl(stdout).map((r) => r.file)).toEqual([FIRST, SECOND, THIRD]);
  });

  it('defaults to jsonl and keeps the path as given', async () => {
    const { stdout } = await extract([FIRST]);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(parseJsonl(stdout)[0]?.file).toBe(FIRST);
  });

  it('reads standard input for "-"', async () => {
    const { code, stdout } = await extract(['-'], 'Nothing quoted here.');
    expect(code).toBe(0);
    expect(parseJsonl(stdout)).toEqual([{ file: '-', statements: [], actors: [], keywords: [] }]);
  });

  it('prints a line with zero statements for empty input', async () => {
    const empty = scratchFile('empty.txt', '');
    const { code, stdout } = await extract([empty]);
    expect(code).toBe(0);
    expect(parseJsonl(stdout)).toEqual([{ file: empty, statements: [], actors: [], keywords: [] }]);
  });

  it('treats a binary file as text and does not crash', async () => {
    const random = mulberry32(7);
    const bytes = Uint8Array.from({ length: 20_000 }, () => Math.floor(random() * 256));
    const { code, stdout } = await extract([scratchFile('binary.bin', bytes)]);
    expect(code).toBe(0);
    expect(parseJsonl(stdout)).toHaveLength(1);
  });

  it('reports an unreadable file on stderr, prints the others, and exits 1', async () => {
    const missing = join(scratch, 'no-such-article.txt');
    const { code, stdout, stderr } = await extract([FIRST, missing, SECOND]);
    expect(code).toBe(1);
    expect(stderr).toBe(`statements extract: cannot read ${missing}: no such file or directory\n`);
    expect(parseJsonl(stdout).map((r) => r.file)).toEqual([FIRST, SECOND]);
  });

  it('rejects an invalid --format with exit 2 and the valid values', async () => {
    const { code, stdout, stderr } = await extract(['--format', 'xml', FIRST]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/invalid --format "xml".*jsonl, json, text/);
  });

  it('rejects unknown options and a missing FILE with exit 2', async () => {
    expect((await extract(['--colour', FIRST])).code).toBe(2);
    expect((await extract([])).code).toBe(2);
  });

  it('prints one pretty-printed JSON array for --format json', async () => {
    const { code, stdout } = await extract(['--format', 'json', FIRST, '-'], 'stdin text');
    expect(code).toBe(0);
    expect(stdout).toContain('\n  {');
    const records = FileRecordSchema.array().parse(JSON.parse(stdout));
    expect(records.map((r) => r.file)).toEqual([FIRST, '-']);
  });

  it('prints a listing per file for --format text', async () => {
    const { code, stdout } = await extract(['--format', 'text', FIRST, SECOND]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${FIRST} (`);
    expect(stdout.indexOf(FIRST)).toBeLessThan(stdout.indexOf(SECOND));
  });

  it('gives code-point offsets for every quote (vacuous until the engine finds quotes)', async () => {
    const { stdout } = await extract(SEED_FILES);
    parseJsonl(stdout).forEach((record, i) => {
      const codePoints = Array.from(seedText(SEED_FILES[i] ?? ''));
      for (const s of record.statements.filter((st) => st.kind !== 'indirect')) {
        expect(codePoints.slice(s.start, s.end).join('')).toBe(s.quote);
      }
    });
  });
});

// These need the real extraction engine (src/statements): they fail against the stub.
describe('statements extract: with the engine', () => {
  it('finds Stoltenberg’s quote in the first seed article', async () => {
    const { stdout } = await extract([FIRST]);
    const [record] = parseJsonl(stdout);
    const quote = record?.statements.find((s) => s.quote.startsWith('It remains to be seen'));
    expect(quote).toMatchObject({ speaker: 'Jens Stoltenberg', kind: 'direct' });
    expect(record?.actors).toContain('Jens Stoltenberg');
    const text = seedText(FIRST);
    expect(text.slice(quote?.start, quote?.end)).toBe(quote?.quote);
  });

  it('counts offsets in code points after an emoji', async () => {
    const text = '🇺🇦😀 NATO Secretary General Jens Stoltenberg said: “We will not accept this at all.” 🙏 “Nor will we wait,” he added.';
    const { stdout } = await extract([scratchFile('emoji.txt', text)]);
    const statements = parseJsonl(stdout)[0]?.statements.filter((s) => s.kind !== 'indirect') ?? [];
    expect(statements.length).toBeGreaterThan(0);
    const codePoints = Array.from(text);
    for (const s of statements) expect(codePoints.slice(s.start, s.end).join('')).toBe(s.quote);
    expect(statements[0]?.quote).toMatch(/^We will not accept this at all/);
  });
});
