/**
 * `/statements nato` with 1,000,000 stored statements, on SQLite and on PostgreSQL: the command
 * handler's whole answer (parse, resolve NATO and its people, query, format), as Slack and Discord
 * run it, timed per call. Statements are spread over every watched actor and a year, as in
 * tests/slack (NATO's people are about 1 in 14). PostgreSQL gets a database of its own, dropped
 * afterwards; without a reachable PostgreSQL that half is reported as skipped.
 *
 *   npx tsx bench/query.bench.ts [--statements 1000000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { handleCommand, parseCommand, type CommandContext, type FeedChange } from '../src/commands/index.js';
import { compileWatchlist } from '../src/matches/index.js';
import type { StoredStatement } from '../src/model/index.js';
import { openStore, type Store } from '../src/store/index.js';
import { loadWatchlist } from '../src/watchlist/index.js';
import { freshDatabase, probe } from '../tests/helpers/postgres-server.js';

const QUERIES = ['nato', 'stoltenberg', 'kremlin', 'nato since:7d', 'biden', 'troop withdrawal'];
const ROUNDS = 40;
const CHUNK = 10_000;

export interface EngineResult {
  engine: string;
  /** Seconds to store the statements (batches of 10,000). */
  loadSeconds: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  calls: number;
}

export interface QueryBenchResult {
  statements: number;
  engines: EngineResult[];
  skipped: string[];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function load(store: Store, total: number, actorIds: readonly string[]): Promise<number> {
  const t0 = performance.now();
  const start = Date.UTC(2022, 0, 1);
  const step = Math.floor((365 * 86_400_000) / total);
  for (let offset = 0; offset < total; offset += CHUNK) {
    const batch: StoredStatement[] = [];
    for (let n = offset; n < Math.min(total, offset + CHUNK); n++) {
      const speakerId = actorIds[n % actorIds.length] ?? null;
      batch.push({ identity: `item-${Math.floor(n / 5)}`, ordinal: n % 5, title: `Story ${n} on the border`, url: `https://news.example/${n}`, outlet: `Wire ${n % 40}`, published: start + n * step, seenAt: start + n * step, quote: `Statement number ${n} on troop movements near the border`, speaker: speakerId, speakerId, role: null, kind: 'direct', start: 0, end: 10, cue: 'said' });
    }
    await store.saveStatements(batch);
  }
  return (performance.now() - t0) / 1_000;
}

async function measure(engine: string, store: Store, total: number): Promise<EngineResult> {
  const watchlist = loadWatchlist();
  const matcher = compileWatchlist(watchlist);
  const loadSeconds = await load(store, total, watchlist.actors.map((a) => a.id));
  const refuse = async (): Promise<FeedChange> => ({ ok: false, message: 'not in the bench' });
  const ctx: CommandContext = { store, watchlist, matcher, channel: 'slack:T1:C1', canManage: false, now: Date.UTC(2023, 0, 1), feedStatus: async () => [], addFeed: refuse, removeFeed: refuse };
  for (const text of QUERIES) await handleCommand(parseCommand(text), ctx); // warm-up: plans, caches
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of QUERIES) {
      const t0 = performance.now();
      const reply = await handleCommand(parseCommand(text), ctx);
      timings.push(performance.now() - t0);
      if (reply.text.length === 0) throw new Error(`empty answer to ${text}`);
    }
  }
  return { engine, loadSeconds, p50Ms: percentile(timings, 50), p95Ms: percentile(timings, 95), maxMs: Math.max(...timings), calls: timings.length };
}

export async function runQueryBench(statements = 1_000_000): Promise<QueryBenchResult> {
  const engines: EngineResult[] = [];
  const skipped: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'statements-query-bench-'));
  try {
    const sqlite = await openStore(join(dir, 'bench.db'));
    try {
      engines.push(await measure('SQLite', sqlite, statements));
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const unreachable = await probe();
  if (unreachable !== null) {
    skipped.push(`PostgreSQL skipped: ${unreachable}`);
  } else {
    const database = await freshDatabase('query');
    try {
      const pg = await openStore(database.url);
      try {
        engines.push(await measure('PostgreSQL', pg, statements));
      } finally {
        await pg.close();
      }
    } finally {
      await database.drop();
    }
  }
  return { statements, engines, skipped };
}

export function formatQueryBench(result: QueryBenchResult): string {
  return [
    `/statements query latency with ${result.statements.toLocaleString('en')} statements stored: the command handler's whole answer to ${QUERIES.map((q) => `\`${q}\``).join(', ')}, ${ROUNDS} rounds each (target p95 ≤ 50 ms)`,
    '',
    '| store | load (s) | p50 (ms) | p95 (ms) | max (ms) | calls |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.engines.map((e) => `| ${e.engine} | ${e.loadSeconds.toFixed(1)} | ${e.p50Ms.toFixed(2)} | ${e.p95Ms.toFixed(2)} | ${e.maxMs.toFixed(1)} | ${e.calls} |`),
    ...result.skipped,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--statements');
  const count = at === -1 ? 1_000_000 : Number(process.argv[at + 1]);
  process.stdout.write(`${formatQueryBench(await runQueryBench(count))}\n`);
}
