import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { memoryIo } from '../helpers/memory-io.js';
import { parseJsonl } from '../helpers/schemas.js';
import { SEED_FILES } from '../helpers/seeds.js';

import { ROOT } from '../helpers/seeds.js';

async function cli(argv: string[]) {
  const run = memoryIo();
  const code = await runCli(argv, run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('statements <command>', () => {
  it('lists the commands for help, --help and -h', async () => {
    for (const argv of [['help'], ['--help'], ['-h']]) {
      const { code, stdout } = await cli(argv);
      expect(code).toBe(0);
      expect(stdout).toMatch(/run[\s\S]*poll[\s\S]*query[\s\S]*feeds[\s\S]*why[\s\S]*config[\s\S]*extract[\s\S]*help/);
    }
  });

  it('rejects an unknown command with exit 2 and says what exists', async () => {
    const { code, stdout, stderr } = await cli(['extrakt', 'a.txt']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown command "extrakt"');
    expect(stderr).toContain('run, poll, query');
  });

  it('prints usage on stderr with exit 2 when no command is given', async () => {
    const { code, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: statements');
  });

  it('runs as a real process: node --import tsx src/cli/main.ts extract', async () => {
    const first = SEED_FILES[0] ?? '';
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'extract', '--format', 'jsonl', first],
      { cwd: ROOT, timeout: 15_000 },
    );
    expect(parseJsonl(stdout).map((r) => r.file)).toEqual([first]);
  });
});
