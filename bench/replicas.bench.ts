/**
 * A poll cycle of 10,000 local feeds on one PostgreSQL database, by one replica and then by three
 * (separate processes, bench/replica-worker.ts), each started and ready before a common "go".
 * The feeds (bench/feed-server.ts, a child process on 127.0.0.1) were polled once beforehand, so
 * the timed cycles are steady state: half answer 304 to their ETag, half send their items again,
 * every one already known. Each cycle's clock is set past every feed's next poll, so all are due
 * and claims alone decide who polls what.
 *
 *   npx tsx bench/replicas.bench.ts [--feeds 10000]
 *   BENCH_PROFILE=/tmp/prof npx tsx bench/replicas.bench.ts   # a V8 CPU profile per replica
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { startServer } from './poll.bench.js';
import { freshDatabase, probe } from '../tests/helpers/postgres-server.js';

const WORKER = fileURLToPath(new URL('./replica-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ITEMS_PER_FEED = 5;
const HOUR = 3_600_000;
const WorkerReport = z.object({ polled: z.number(), errors: z.number(), ms: z.number() });

export interface CycleResult {
  replicas: number;
  /** From "go" to the last replica's end. */
  wallMs: number;
  polledPerReplica: number[];
  errors: number;
}

export interface ReplicasBenchResult {
  feeds: number;
  cycles: CycleResult[];
  /** One replica's wall time over three replicas'. */
  speedup: number | null;
  skipped: string | null;
}

async function cycle(replicas: number, env: NodeJS.ProcessEnv, now: number): Promise<CycleResult> {
  const workers = Array.from({ length: replicas }, () => {
    const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []), '--import', 'tsx', WORKER], { cwd: ROOT, env: { ...env, BENCH_NOW: String(now) }, stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    return { child, lines };
  });
  for (const w of workers) {
    const first = await w.lines.next();
    if (first.value !== 'ready') throw new Error(`replica did not start: ${String(first.value)}`);
  }
  const t0 = Date.now();
  for (const w of workers) w.child.stdin!.write('go\n');
  const reports = await Promise.all(
    workers.map(async (w) => {
      const line = await w.lines.next();
      const done = Date.now();
      await once(w.child, 'exit');
      return { ...WorkerReport.parse(JSON.parse(String(line.value))), done };
    }),
  );
  return { replicas, wallMs: Math.max(...reports.map((r) => r.done)) - t0, polledPerReplica: reports.map((r) => r.polled), errors: reports.reduce((n, r) => n + r.errors, 0) };
}

export async function runReplicasBench(feeds = 10_000): Promise<ReplicasBenchResult> {
  const unreachable = await probe();
  if (unreachable !== null) return { feeds, cycles: [], speedup: null, skipped: `Replicas bench skipped: ${unreachable}` };
  const { child: server, port } = await startServer(ITEMS_PER_FEED);
  const database = await freshDatabase('replicas');
  const dir = mkdtempSync(join(tmpdir(), 'statements-replicas-bench-'));
  try {
    const config = join(dir, 'config.yaml');
    writeFileSync(
      config,
      [
        'fetch: { allowAddresses: ["127.0.0.0/8"], perHostConcurrency: 64, maxConcurrentFeeds: 64 }',
        'feeds:',
        ...Array.from({ length: feeds }, (_, n) => `  - { id: b-${n}, url: "http://127.0.0.1:${port}/feed/${n}", intervalMinutes: 60, fetchArticles: false, alertNewestOnFirstPoll: 0, maxAgeHours: 0 }`),
        '',
      ].join('\n'),
    );
    const env = { ...process.env, STATEMENTS_CONFIG: config, DATABASE_URL: database.url, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' };
    const t = Date.UTC(2026, 0, 1);
    await cycle(1, env, t); // the first poll: records every item as the baseline
    const one = await cycle(1, env, t + 2 * HOUR);
    const three = await cycle(3, env, t + 4 * HOUR);
    return { feeds, cycles: [one, three], speedup: one.wallMs / three.wallMs, skipped: null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
    server.kill();
  }
}

export function formatReplicasBench(result: ReplicasBenchResult): string {
  if (result.skipped !== null) return result.skipped;
  return [
    `Poll cycle of ${result.feeds.toLocaleString('en')} local feeds on one PostgreSQL database (steady state: half 304, half ${ITEMS_PER_FEED} known items), separate processes`,
    '',
    '| replicas | wall (s) | feeds polled per replica | errors |',
    '| ---: | ---: | --- | ---: |',
    ...result.cycles.map((c) => `| ${c.replicas} | ${(c.wallMs / 1_000).toFixed(2)} | ${c.polledPerReplica.join(' / ')} | ${c.errors} |`),
    '',
    `Three replicas against one: ${result.speedup?.toFixed(2) ?? '?'}× faster (machine: ${cpus().length} cores shared with PostgreSQL and the feed server).`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--feeds');
  const feeds = at === -1 ? 10_000 : Number(process.argv[at + 1]);
  process.stdout.write(`${formatReplicasBench(await runReplicasBench(feeds))}\n`);
}
