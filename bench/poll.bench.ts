/**
 * One poll cycle of 2,000 feeds through pollFeed (conditional GETs, one shared Fetcher), against a
 * naive loop of rss-parser's parseURL over the same feeds. A local server (child process, 127.0.0.1)
 * answers half the feeds 304 to conditional requests and the other half 200 with ~20 items.
 *
 * All feeds share one host, so the Fetcher's per-host limit is raised to 64 (default 2 is per
 * publisher politeness, which a single local server does not need). The naive loop runs twice:
 * Promise.all over batches of 64 URLs, and a pool of 64 workers (the scheduling the Fetcher's
 * semaphore gives pollFeed). rss-parser sends no validators, so every one of its requests is a
 * full 200 and a parse: the gap is what conditional GETs save, less our per-item work (zod check,
 * canonical link, identity hash).
 *
 *   npx tsx bench/poll.bench.ts
 */
import { type ChildProcess, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Parser from 'rss-parser';
import { Fetcher, pollFeed } from '../src/feeds/index.js';
import type { Feed, FeedState } from '../src/model/index.js';

export interface PollBenchOptions {
  feeds?: number;
  concurrency?: number;
  repeats?: number;
}

export interface PhaseResult {
  /** Median over the repeats. */
  wallMs: number;
  requestsPerSecond: number;
  /** Highest process RSS sampled during the phase, MiB (median over repeats). */
  peakRssMiB: number;
  /** Process RSS when the phase started, MiB (median over repeats): the peak's baseline. */
  startRssMiB: number;
  /** Status counts of the last repeat (pollFeed: ok / not-modified / error; naive: ok / error). */
  statuses: Record<string, number>;
}

export interface PollBenchResult {
  feeds: number;
  concurrency: number;
  repeats: number;
  pollFeed: PhaseResult;
  /** parseURL, Promise.all over batches of `concurrency` URLs. */
  naive: PhaseResult;
  /** parseURL from `concurrency` workers that each take the next URL: the Fetcher's scheduling. */
  naivePool: PhaseResult;
  /** naive (batches) wall time over pollFeed wall time. */
  ratio: number;
  /** naivePool wall time over pollFeed wall time: the same scheduling on both sides. */
  poolRatio: number;
  /** process.resourceUsage().maxRSS at the end, MiB (the whole run). */
  maxRssMiB: number;
  /** Process RSS before the server started and the warm-up ran, MiB. */
  initialRssMiB: number;
}

const SERVER = fileURLToPath(new URL('./feed-server.ts', import.meta.url));
const MiB = 1024 * 1024;

export async function runPollBench(options: PollBenchOptions = {}): Promise<PollBenchResult> {
  const count = options.feeds ?? 2_000;
  const concurrency = options.concurrency ?? 64;
  const repeats = options.repeats ?? 3;
  const initialRssMiB = process.memoryUsage.rss() / MiB;
  const { child, port } = await startServer();
  const fetcher = new Fetcher({ perHostConcurrency: concurrency, allowAddresses: ['127.0.0.0/8', '::1/128'] });
  try {
    const feeds: Feed[] = Array.from({ length: count }, (_, n) => ({
      id: `feed-${n}`,
      url: `http://127.0.0.1:${port}/feed/${n}`,
      title: null,
      intervalMinutes: 5,
      fetchArticles: false,
      alertNewestOnFirstPoll: 0,
      maxAgeHours: 48,
    }));
    // Warm-up: one full cycle so every feed has its validators, as in steady state. Only the states are kept.
    const states: FeedState[] = (await Promise.all(feeds.map((feed) => pollFeed(feed, null, fetcher, Date.now())))).map((o) => o.state);
    const parser = new Parser();
    const runOurs = (): Promise<Sample> =>
      measure(async () => {
        const outcomes = await Promise.all(feeds.map((feed, i) => pollFeed(feed, states[i] ?? null, fetcher, Date.now())));
        return tally(outcomes.map((o) => o.status));
      });
    const runNaive = (): Promise<Sample> =>
      measure(async () => {
        const statuses: string[] = [];
        for (let i = 0; i < feeds.length; i += concurrency) {
          const batch = feeds.slice(i, i + concurrency);
          const settled = await Promise.allSettled(batch.map((feed) => parser.parseURL(feed.url)));
          statuses.push(...settled.map((s) => (s.status === 'fulfilled' ? 'ok' : 'error')));
        }
        return tally(statuses);
      });
    const runNaivePool = (): Promise<Sample> =>
      measure(async () => {
        const statuses: string[] = [];
        let next = 0;
        const worker = async (): Promise<void> => {
          for (let i = next++; i < feeds.length; i = next++) {
            const url = feeds[i]?.url ?? '';
            statuses.push(await parser.parseURL(url).then(() => 'ok', () => 'error'));
          }
        };
        await Promise.all(Array.from({ length: concurrency }, worker));
        return tally(statuses);
      });

    const ours: Sample[] = [];
    const naive: Sample[] = [];
    const naivePool: Sample[] = [];
    const phases = [() => runOurs().then((s) => ours.push(s)), () => runNaive().then((s) => naive.push(s)), () => runNaivePool().then((s) => naivePool.push(s))];
    for (let r = 0; r < repeats; r++) {
      // Rotate which goes first, so drift (JIT, GC, a busy machine) falls on all alike.
      for (let k = 0; k < phases.length; k++) await phases[(r + k) % phases.length]?.();
    }
    const pollPhase = summarise(ours, count);
    const naivePhase = summarise(naive, count);
    const naivePoolPhase = summarise(naivePool, count);
    return {
      feeds: count,
      concurrency,
      repeats,
      pollFeed: pollPhase,
      naive: naivePhase,
      naivePool: naivePoolPhase,
      ratio: naivePhase.wallMs / pollPhase.wallMs,
      poolRatio: naivePoolPhase.wallMs / pollPhase.wallMs,
      maxRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB,
      initialRssMiB,
    };
  } finally {
    fetcher.close();
    child.kill();
  }
}

interface Sample {
  ms: number;
  startRss: number;
  peakRss: number;
  statuses: Record<string, number>;
}

async function measure(run: () => Promise<Record<string, number>>): Promise<Sample> {
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 10);
  const t0 = performance.now();
  const statuses = await run();
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  return { ms, startRss, peakRss, statuses };
}

function summarise(samples: Sample[], requests: number): PhaseResult {
  const wallMs = median(samples.map((s) => s.ms));
  return {
    wallMs,
    requestsPerSecond: requests / (wallMs / 1000),
    peakRssMiB: median(samples.map((s) => s.peakRss)) / MiB,
    startRssMiB: median(samples.map((s) => s.startRss)) / MiB,
    statuses: samples.at(-1)?.statuses ?? {},
  };
}

function tally(statuses: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The bench feed server in a child process, with `items` items per feed. */
export function startServer(items = 20): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(SERVER, [String(items)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('bench feed server did not start within 10 s'));
    }, 10_000);
    child.once('message', (message: unknown) => {
      clearTimeout(timer);
      const port = typeof message === 'object' && message !== null && 'port' in message ? Number(message.port) : Number.NaN;
      if (Number.isInteger(port)) resolve({ child, port });
      else reject(new Error(`bench feed server sent ${JSON.stringify(message)}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench feed server exited (${code})`)));
  });
}

export function formatPollBench(result: PollBenchResult): string {
  const row = (label: string, p: PhaseResult): string =>
    `| ${label} | ${p.wallMs.toFixed(0)} | ${p.requestsPerSecond.toFixed(0)} | ${p.startRssMiB.toFixed(0)} → ${p.peakRssMiB.toFixed(0)} | ${Object.entries(p.statuses).map(([k, v]) => `${k} ${v}`).join(', ')} |`;
  return [
    `Poll cycle: ${result.feeds} feeds on 127.0.0.1, ${result.concurrency} requests in flight, median of ${result.repeats}`,
    '',
    '| poller | wall ms | requests/s | RSS MiB (start → peak) | statuses |',
    '| --- | ---: | ---: | ---: | --- |',
    row('pollFeed (conditional GET, parse on 200)', result.pollFeed),
    row(`rss-parser parseURL (batches of ${result.concurrency})`, result.naive),
    row(`rss-parser parseURL (pool of ${result.concurrency})`, result.naivePool),
    '',
    `Wall time naive / pollFeed: ${result.ratio.toFixed(2)}× (batches), ${result.poolRatio.toFixed(2)}× (pool, same scheduling as pollFeed); RSS before warm-up ${result.initialRssMiB.toFixed(0)} MiB, process max RSS ${result.maxRssMiB.toFixed(0)} MiB`,
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${formatPollBench(await runPollBench())}\n`);
}
