/**
 * `npm run bench`: extraction throughput on one core (Node runs the engine on one thread), then
 * the matcher's cost against watchlist size (bench/matcher.bench.ts).
 *
 * The corpus is the seed articles plus 3–5 KB articles stitched from their paragraphs, repeated
 * until there are at least 2 MB of text. Two warm-up passes, then N timed passes (default 9);
 * the figures are medians over the passes.
 *
 *   npm run bench [-- --runs N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { compileWatchlist } from '../src/matches/index.js';
import { extractStatements } from '../src/statements/index.js';
import { loadWatchlist } from '../src/watchlist/index.js';
import { formatMatcherBench, runMatcherBench } from './matcher.bench.js';
import { formatPollBench, runPollBench } from './poll.bench.js';
import { formatQueryBench, runQueryBench } from './query.bench.js';
import { formatReplicasBench, runReplicasBench } from './replicas.bench.js';

const SEEDS_DIR = fileURLToPath(new URL('../tests/fixtures/seeds/', import.meta.url));
const MIN_CORPUS_BYTES = 2_000_000;
const WARMUP = 2;

/** Articles of 3–5 KB made of seed paragraphs, each starting at a different paragraph. */
function stitchedArticles(seeds: string[], count: number): string[] {
  const paragraphs = seeds.flatMap((s) => s.split(/\n{2,}/)).filter((p) => p.trim().length > 0);
  return Array.from({ length: count }, (_, k) => {
    const parts: string[] = [];
    let length = 0;
    for (let i = k * 3; length < 3_000; i++) {
      const paragraph = paragraphs[i % paragraphs.length] ?? '';
      if (length + paragraph.length > 5_000) break;
      parts.push(paragraph);
      length += paragraph.length + 2;
    }
    return parts.join('\n\n');
  });
}

function corpus(): { articles: string[]; bytes: number } {
  const seeds = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(`${SEEDS_DIR}${f}`, 'utf8'));
  const distinct = [...seeds, ...stitchedArticles(seeds, 8)];
  const articles: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < MIN_CORPUS_BYTES; i++) {
    const article = distinct[i % distinct.length] ?? '';
    articles.push(article);
    bytes += Buffer.byteLength(article, 'utf8');
  }
  return { articles, bytes };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string' } }, strict: true });
  const runs = z.coerce.number().int().min(1).default(9).parse(values.runs);
  const matcher = compileWatchlist(loadWatchlist());
  const { articles, bytes } = corpus();
  const mb = bytes / 1_000_000;

  const seconds: number[] = [];
  let statements = 0;
  for (let run = 0; run < WARMUP + runs; run++) {
    const t0 = performance.now();
    statements = 0;
    for (const text of articles) statements += extractStatements(text, { matcher }).statements.length;
    const elapsed = (performance.now() - t0) / 1_000;
    if (run >= WARMUP) seconds.push(elapsed);
    // Let pending work (GC finalisers, timers) run between passes rather than inside one.
    await new Promise((resolve) => setImmediate(resolve));
  }

  const perSecond = seconds.map((s) => articles.length / s);
  const mbPerSecond = seconds.map((s) => mb / s);
  const lines = [
    `Extraction: ${articles.length} articles, ${mb.toFixed(2)} MB, ${statements} statements per pass; ` +
      `${WARMUP} warm-up + ${runs} timed passes, one core`,
    '',
    '| measure | median | min | max |',
    '| --- | ---: | ---: | ---: |',
    `| articles/s | ${median(perSecond).toFixed(0)} | ${Math.min(...perSecond).toFixed(0)} | ${Math.max(...perSecond).toFixed(0)} |`,
    `| MB/s | ${median(mbPerSecond).toFixed(2)} | ${Math.min(...mbPerSecond).toFixed(2)} | ${Math.max(...mbPerSecond).toFixed(2)} |`,
    `| ms per pass | ${(median(seconds) * 1_000).toFixed(0)} | ${(Math.min(...seconds) * 1_000).toFixed(0)} | ${(Math.max(...seconds) * 1_000).toFixed(0)} |`,
    '',
    formatMatcherBench(await runMatcherBench()),
    '',
    formatPollBench(await runPollBench()),
    '',
    formatQueryBench(await runQueryBench()),
    '',
    formatReplicasBench(await runReplicasBench()),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
