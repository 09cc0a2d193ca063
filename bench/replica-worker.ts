/**
 * One replica of the replicas bench: opens the app as `statements run` would (STATEMENTS_CONFIG,
 * DATABASE_URL), says "ready", waits for a line on stdin, polls the due feeds once (its clock set
 * to BENCH_NOW so that every feed is due) and prints {polled, ms} as JSON.
 */
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { openApp } from '../src/app.js';
import { silentLogger } from '../src/log.js';
import { pollDueFeeds } from '../src/pipeline/index.js';

const now = Number(process.env.BENCH_NOW);
const app = await openApp({ env: process.env, log: silentLogger, now: () => now, print: () => undefined });
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const t0 = performance.now();
const reports = await pollDueFeeds(app.deps);
const ms = performance.now() - t0;
const errors = reports.filter((r) => r.status === 'error').length;
await app.close();
process.stdout.write(`${JSON.stringify({ polled: reports.filter((r) => r.status !== 'not-due').length, errors, ms })}\n`);
process.stdin.destroy();
