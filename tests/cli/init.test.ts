import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/cli/init.js';
import { runCli } from '../../src/cli/run.js';
import { loadWatchlist } from '../../src/watchlist/index.js';
import { memoryIo } from '../helpers/memory-io.js';
import { SEED_FILES, seedText } from '../helpers/seeds.js';

const scratch = mkdtempSync(join(tmpdir(), 'statements-cli-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
const freshDir = (): string => join(scratch, `out-${++folders}`);

async function init(args: string[], stdin = '') {
  const run = memoryIo(stdin);
  const code = await runInit(args, run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('statements init', () => {
  it('writes actors.yaml and keywords.yaml that the watchlist loader reads', async () => {
    const out = freshDir();
    const { code, stdout, stderr } = await init(['--from', ...SEED_FILES, '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(join(out, 'actors.yaml'));
    expect(stdout).toContain(join(out, 'keywords.yaml'));
    expect(stdout).toMatch(/Read 4 articles; wrote .* \(\d+ people, \d+ organisations\) and .* \(\d+ keywords\)/);
    expect(stdout).toContain('Jens Stoltenberg (NATO Secretary-General)');
    expect(stdout).toContain(`statements extract --watchlist ${out}`);
    const watchlist = loadWatchlist(out);
    expect(watchlist.actors.map((a) => a.name)).toContain('Dmitry Peskov');
    expect(watchlist.keywords.length).toBeGreaterThan(0);
  });

  it('reads "-" from standard input, alongside files', async () => {
    const out = freshDir();
    const [first = '', second = ''] = SEED_FILES;
    const { code } = await init(['--from', first, '-', '--out', out], seedText(second));
    expect(code).toBe(0);
    expect(loadWatchlist(out).actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Jens Stoltenberg', 'Dmytro Kuleba']));
  });

  it('refuses to overwrite without --force, naming the file, with exit 2', async () => {
    const out = freshDir();
    expect((await init(['--from', ...SEED_FILES, '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'actors.yaml'), 'utf8');
    writeFileSync(join(out, 'actors.yaml'), '# mine\nactors: []\n');
    const refused = await init(['--from', SEED_FILES[0] ?? '', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(join(out, 'actors.yaml'));
    expect(refused.stderr).toMatch(/already exist; pass --force to overwrite, or --out DIR/);
    expect(readFileSync(join(out, 'actors.yaml'), 'utf8')).toBe('# mine\nactors: []\n');

    const forced = await init(['--from', ...SEED_FILES, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, 'actors.yaml'), 'utf8')).toBe(before);
  });

  it('refuses when only one of the two files exists, and writes neither', async () => {
    const out = freshDir();
    await init(['--from', SEED_FILES[0] ?? '', '--out', out]);
    rmSync(join(out, 'actors.yaml'));
    const refused = await init(['--from', SEED_FILES[0] ?? '', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${join(out, 'keywords.yaml')} already exists`);
    expect(refused.stderr).not.toContain('actors.yaml');
    expect(existsSync(join(out, 'actors.yaml'))).toBe(false);
  });

  it('is a usage error (exit 2) without --from', async () => {
    const missing = await init(['--out', freshDir()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^statements init: missing --from FILE/);
    expect(missing.stderr).toContain('statements init --help');
    // Files without --from are not taken for articles either.
    expect((await init([SEED_FILES[0] ?? '', '--out', freshDir()])).code).toBe(2);
    expect((await init(['--from'])).code).toBe(2);
    expect((await init(['--from', SEED_FILES[0] ?? '', '--colour'])).code).toBe(2);
  });

  it('names an unreadable file, exits 1 and writes nothing', async () => {
    const out = freshDir();
    const missing = join(scratch, 'no-such-article.txt');
    const { code, stdout, stderr } = await init(['--from', SEED_FILES[0] ?? '', missing, '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`statements init: cannot read ${missing}: no such file or directory; nothing was written\n`);
    expect(existsSync(join(out, 'actors.yaml'))).toBe(false);
    expect(existsSync(join(out, 'keywords.yaml'))).toBe(false);
  });

  it('exits 1 and writes nothing when the files hold nothing to draft from', async () => {
    const out = freshDir();
    const empty = join(scratch, 'empty.txt');
    writeFileSync(empty, '');
    const { code, stderr } = await init(['--from', empty, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/found no speakers and no recurring phrases/);
    expect(existsSync(out)).toBe(false);
  });

  it('is dispatched by the statements command and listed in its help', async () => {
    const help = memoryIo();
    expect(await runCli(['init', '--help'], help.io)).toBe(0);
    expect(help.stdout()).toMatch(/^Usage: statements init --from FILE\.\.\. \[--out DIR\] \[--force\]/);
    const usage = memoryIo();
    expect(await runCli(['help'], usage.io)).toBe(0);
    expect(usage.stdout()).toContain('init --from FILE...');
    const unknown = memoryIo();
    await runCli(['nonsense'], unknown.io);
    expect(unknown.stderr()).toMatch(/Commands: .*\binit\b/);
  });
});
