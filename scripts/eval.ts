/**
 * `npm run eval`: scores the extraction engine on the seeds and on PolNeAR dev and prints a report.
 * A report, not a gate: exits 0 whatever the scores, 1 only when the inputs cannot be read.
 *   --corpus seeds|polnear|all   (default all)
 *   --polnear DIR                PolNeAR split (default ../shared/polnear/dev beside the project)
 *   --misses N                   entries per list of misses (default 30)
 *   --json                       a machine-readable summary instead of the report
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { compileWatchlist } from '../src/matches/index.js';
import { loadWatchlist } from '../src/watchlist/index.js';
import { isPolnearDir, scorePolnear } from './eval/polnear.js';
import { renderReport, reportJson } from './eval/report.js';
import { scoreSeeds } from './eval/seeds.js';
import type { CorpusReport } from './eval/types.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEEDS_GOLD = resolve(ROOT, 'tests/fixtures/seeds.gold.json');
const DEFAULT_POLNEAR = resolve(ROOT, '../shared/polnear/dev');

const ArgsSchema = z.object({
  corpus: z.enum(['seeds', 'polnear', 'all']).default('all'),
  polnear: z.string().optional(),
  misses: z.coerce.number().int().min(0).default(30),
  json: z.boolean().default(false),
});

function main(): number {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      polnear: { type: 'string' },
      misses: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(`eval: ${z.prettifyError(parsed.error)}\n`);
    return 2;
  }
  const args = parsed.data;
  const matcher = compileWatchlist(loadWatchlist());
  const reports: CorpusReport[] = [];
  const notices: string[] = [];
  let skippedPolnear: string | undefined;

  if (args.corpus !== 'polnear') reports.push(scoreSeeds(SEEDS_GOLD, matcher));
  if (args.corpus !== 'seeds') {
    const dir = resolve(args.polnear ?? DEFAULT_POLNEAR);
    if (isPolnearDir(dir)) reports.push(scorePolnear(dir, matcher));
    else if (args.polnear !== undefined || args.corpus === 'polnear') {
      process.stderr.write(`eval: no PolNeAR split at ${dir} (expected text/ and attributions/ there)\n`);
      return 1;
    } else {
      notices.push(`Notice: PolNeAR not found at ${dir}; scoring the seeds only.`);
      skippedPolnear = `polnear: skipped (not found at ${dir})`;
    }
  }

  if (args.json) process.stdout.write(reportJson(reports, args.misses, notices));
  else {
    process.stdout.write(renderReport(reports, args.misses, notices));
    if (skippedPolnear) process.stdout.write(`${skippedPolnear}\n`);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  // Unreadable or malformed inputs (gold file, arguments): the one case that is not a report.
  process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
