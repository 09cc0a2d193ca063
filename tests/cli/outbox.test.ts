// `statements outbox` and the outbox line of `statements feeds`: what waits, what failed for good
// and why (the dead letters), and `outbox retry` giving failed alerts a fresh set of attempts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { openSqliteStore } from '../../src/store/index.js';
import { sampleAlert } from '../helpers/alert.js';
import { memoryIo } from '../helpers/memory-io.js';

const dir = mkdtempSync(join(tmpdir(), 'statements-outbox-'));
const db = join(dir, 'statements.db');
const T0 = Date.UTC(2022, 1, 16, 12);

async function cli(argv: string[]) {
  const run = memoryIo();
  const code = await runCli(argv, run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

beforeAll(async () => {
  vi.stubEnv('STATEMENTS_DB', db);
  vi.stubEnv('STATEMENTS_LOG_LEVEL', 'error');
  vi.stubEnv('SLACK_BOT_TOKEN', '');
  vi.stubEnv('DISCORD_TOKEN', '');
  const store = await openSqliteStore(db);
  await store.addSubscription({ id: 'sub', channel: 'slack:T1:C1', actors: [], keywords: [], createdAt: T0 });
  await store.enqueue(['sent', 'gone', 'waiting'].map((key) => ({ subscriptionId: 'sub', channel: 'slack:T1:C1', key, alert: { ...sampleAlert, key, title: `Story ${key}` }, nextAttemptAt: T0 })));
  const [sent, gone] = await store.claimDeliveries(T0, 2, undefined, 60_000);
  await store.markSent(sent?.id ?? -1, T0);
  await store.markFailed(gone?.id ?? -1, 'Slack refused chat.postMessage: channel_not_found (invite the app)', null);
  await store.close();
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('statements outbox', () => {
  it('counts the outbox and lists each dead letter with its channel, attempts and reason', async () => {
    const { code, stdout } = await cli(['outbox']);
    expect(code).toBe(0);
    expect(stdout).toContain('Outbox: 1 waiting, 1 sent; 1 failed for good: "statements outbox" says why.');
    expect(stdout).toMatch(/#\d+ slack:T1:C1 · Story gone · 1 attempt · Slack refused chat\.postMessage: channel_not_found \(invite the app\)/);
    expect(stdout).not.toContain('Story sent');
  });

  it('shows the outbox under the feeds', async () => {
    const { code, stdout } = await cli(['feeds']);
    expect(code).toBe(0);
    expect(stdout).toContain('Outbox: 1 waiting, 1 sent; 1 failed for good');
  });

  it('retries dead letters on request, and says how to name them', async () => {
    expect((await cli(['outbox', 'retry', 'some'])).code).toBe(2);
    const retried = await cli(['outbox', 'retry', 'all']);
    expect(retried.stdout).toMatch(/^1 failed delivery will be sent again/);
    const after = await cli(['outbox']);
    expect(after.stdout).toContain('Outbox: 2 waiting, 1 sent.');
    expect(after.stdout).not.toContain('#');
  });
});
