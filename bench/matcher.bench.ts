/**
 * Matcher throughput against watchlist size: scans the same ≥2 MB of news text with a small
 * (~100 phrases) and a large (10,000 phrases) watchlist. With a token automaton the cost per MB
 * should not depend on the number of phrases: the target is a ratio large/small ≤ 1.5.
 *
 *   npx tsx bench/matcher.bench.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileWatchlist } from '../src/matches/index.js';
import type { Actor, Keyword, Watchlist } from '../src/model/index.js';
import { loadWatchlist } from '../src/watchlist/index.js';
import { fakeActors, phraseCount } from './fake-watchlist.js';

export interface MatcherBenchRow {
  label: string;
  phrases: number;
  compileMs: number;
  /** Median over the timed runs. */
  msPerMb: number;
  hits: number;
}

export interface MatcherBenchResult {
  rows: MatcherBenchRow[];
  /** msPerMb of rows[1] (10,000 phrases) over rows[0] (~100 phrases, the same real entries). */
  ratio: number;
  textMb: number;
  runs: number;
}

export interface MatcherBenchOptions {
  runs?: number;
  warmup?: number;
  /** Minimum text size in bytes (UTF-8). */
  textBytes?: number;
}

const SEEDS_DIR = fileURLToPath(new URL('../tests/fixtures/seeds/', import.meta.url));

/** The seed articles repeated until the text is at least `bytes` long. */
function benchText(bytes: number): string {
  const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
  const articles = files.map((f) => readFileSync(`${SEEDS_DIR}${f}`, 'utf8')).join('\n\n');
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    parts.push(articles);
    size += Buffer.byteLength(articles, 'utf8') + 2;
  }
  return parts.join('\n\n');
}

/** Whole entries of `real`, actors first, until they hold at least `phrases` phrases. */
function firstEntries(real: Watchlist, phrases: number): Watchlist {
  const actors: Actor[] = [];
  const keywords: Keyword[] = [];
  let count = 0;
  for (const actor of real.actors) {
    if (count >= phrases) break;
    actors.push(actor);
    count += 1 + actor.aliases.length;
  }
  for (const keyword of real.keywords) {
    if (count >= phrases) break;
    keywords.push(keyword);
    count += 1 + keyword.variants.length;
  }
  return { actors, keywords };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function runMatcherBench(options: MatcherBenchOptions = {}): Promise<MatcherBenchResult> {
  const runs = options.runs ?? 15;
  const warmup = options.warmup ?? 3;
  const text = benchText(options.textBytes ?? 2_000_000);
  const textMb = Buffer.byteLength(text, 'utf8') / 1_000_000;
  const real = loadWatchlist();
  const small = firstEntries(real, 100);
  // The same real entries plus generated names that hardly ever occur: the hits stay the same,
  // so any difference in speed comes from the size of the watchlist alone.
  const large: Watchlist = { actors: [...small.actors, ...fakeActors(10_000 - phraseCount(small))], keywords: small.keywords };
  const full: Watchlist = { actors: [...real.actors, ...fakeActors(10_000 - phraseCount(real))], keywords: real.keywords };
  const setups = [
    { label: 'default watchlist, first entries', watchlist: small },
    { label: 'same + generated names', watchlist: large },
    { label: 'whole default watchlist + generated names', watchlist: full },
  ].map(({ label, watchlist }) => {
    const t0 = performance.now();
    const matcher = compileWatchlist(watchlist);
    return { label, watchlist, matcher, compileMs: performance.now() - t0, times: [] as number[], hits: 0 };
  });

  // Alternate the watchlists run by run so drift (JIT, GC, CPU clock) affects both alike.
  for (let run = 0; run < warmup + runs; run++) {
    for (const setup of setups) {
      const t0 = performance.now();
      setup.hits = setup.matcher.scan(text).length;
      const ms = performance.now() - t0;
      if (run >= warmup) setup.times.push(ms);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }

  const rows: MatcherBenchRow[] = setups.map((s) => ({
    label: s.label,
    phrases: phraseCount(s.watchlist),
    compileMs: s.compileMs,
    msPerMb: median(s.times) / textMb,
    hits: s.hits,
  }));
  const [smallRow, largeRow] = rows;
  return { rows, ratio: (largeRow?.msPerMb ?? 1) / (smallRow?.msPerMb ?? 1), textMb, runs };
}

export function formatMatcherBench(result: MatcherBenchResult): string {
  const lines = [
    `Matcher: ${result.textMb.toFixed(2)} MB of text, median of ${result.runs} runs`,
    '',
    '| watchlist | phrases | compile ms | median ms/MB | hits |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...result.rows.map(
      (r) => `| ${r.label} | ${r.phrases} | ${r.compileMs.toFixed(1)} | ${r.msPerMb.toFixed(2)} | ${r.hits} |`,
    ),
    '',
    `Ratio ${result.rows[1]?.phrases ?? '?'} / ${result.rows[0]?.phrases ?? '?'} phrases (rows 2 / 1): ${result.ratio.toFixed(2)} (target ≤ 1.5)`,
  ];
  return lines.join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${formatMatcherBench(await runMatcherBench())}\n`);
}
