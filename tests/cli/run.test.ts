// `npm start` as a user runs it: a real process on the bundled sample feed and a real SQLite file.
// Alerts print within 10 seconds, Ctrl-C stops it cleanly, and a second start alerts nothing again.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSlack } from '../helpers/fake-slack.js';
import { ROOT } from '../helpers/seeds.js';

const dir = mkdtempSync(join(tmpdir(), 'statements-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Starts `statements run`, waits until `ready` appears on stderr, then sends SIGINT. */
function runUntil(ready: RegExp, timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run'], {
      cwd: ROOT,
      env: { ...process.env, STATEMENTS_DB: join(dir, 'statements.db'), STATEMENTS_LOG_LEVEL: 'debug', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', PORT: '0' },
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ${ready} within ${timeoutMs} ms; stderr:\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!interrupted && ready.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code, signal });
    });
  });
}

describe('statements run (npm start)', () => {
  it('prints the sample alerts within 10 seconds, stops on Ctrl-C, and alerts nothing twice', async () => {
    const first = await runUntil(/poll done/, 10_000);
    expect(first.code).toBe(0);
    for (const speaker of ['Jens Stoltenberg', 'Ben Wallace', 'Anita Anand', 'Dmitry Peskov', 'Dmytro Kuleba', 'Joe Biden']) {
      expect(first.stdout).toContain(speaker);
    }
    expect(first.stdout).toContain('NATO Secretary-General');
    expect(first.stderr).toContain('stopping after the current cycle');

    const second = await runUntil(/poll done/, 10_000);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('');
  }, 30_000);
});

describe('statements run with chat credentials Slack refuses', () => {
  it('exits with status 2 and the reason, never printing the token', async () => {
    const fake = await startFakeSlack();
    try {
      const token = 'xoxb-wrong-token-do-not-print';
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run'], {
        cwd: ROOT,
        env: { ...process.env, STATEMENTS_DB: join(dir, 'refused.db'), SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: 'signing-secret-do-not-print', SLACK_API_URL: fake.apiUrl, DISCORD_TOKEN: '', PORT: '0' },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(2);
      expect(output).toMatch(/could not check SLACK_BOT_TOKEN with Slack's auth\.test \(invalid_auth\)/);
      expect(output).not.toContain(token);
      expect(output).not.toContain('signing-secret-do-not-print');
    } finally {
      await fake.close();
    }
  }, 20_000);
});

describe('statements run with a broken config file', () => {
  it('exits with status 2, naming the file, each key, its line and what is expected', async () => {
    const config = join(dir, 'broken.yaml');
    writeFileSync(config, 'schedule: 5\nfetch:\n  maxRedirects: "lots"\n  allowAddresses: ["10.0.0.0/33"]\nfeeds:\n  - { id: wire, url: "https://news.example/rss", intervalMinutes: 0 }\n');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run'], { cwd: ROOT, env: { ...process.env, STATEMENTS_CONFIG: config, STATEMENTS_DB: join(dir, 'broken.db') } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain(`4 problems in ${config}`);
    expect(stderr).toMatch(/schedule: .*expected string.*\(line 1\)/);
    expect(stderr).toMatch(/fetch\.maxRedirects: .*expected number.*\(line 3\)/);
    expect(stderr).toMatch(/fetch\.allowAddresses\[0\]: use a CIDR range such as "10\.1\.0\.0\/16".*\(line 4\)/);
    expect(stderr).toMatch(/feeds\[0\] \(id "wire"\)\.intervalMinutes: .*>=1 \(line 6\)/);
  }, 20_000);
});
