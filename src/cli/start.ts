import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractStatements } from '../statements/index.js';
import { parseCommandArgs } from './args.js';
import { type CliIo, decodeUtf8, errorMessage, fsReason, write } from './io.js';
import { loadMatcher } from './matcher.js';
import { SAMPLE_ARTICLES_DIR } from './paths.js';
import { renderFileRecord, toFileRecord } from './record.js';
import { START_USAGE } from './usage.js';

const NAME = 'statements start';
const QUOTE_EXCERPT = 110;

/**
 * `statements start`: until the monitor lands, a demo over the bundled sample articles so that
 * `npm start` shows the engine working with no set-up.
 */
export async function runStart(args: string[], io: CliIo, samplesDir = SAMPLE_ARTICLES_DIR): Promise<number> {
  const result = parseCommandArgs(args, { watchlist: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (!result.ok || result.parsed.positionals.length > 0) {
    const message = result.ok ? `unexpected argument "${result.parsed.positionals[0]}"` : result.message;
    await write(io.stderr, `${NAME}: ${message}\n${START_USAGE}`);
    return 2;
  }
  if (result.parsed.values.help) {
    await write(io.stdout, START_USAGE);
    return 0;
  }

  let names: string[];
  try {
    names = (await readdir(samplesDir)).filter((name) => name.endsWith('.txt')).sort();
  } catch (err) {
    await write(io.stderr, `${NAME}: cannot read the sample articles in ${samplesDir}: ${fsReason(err)}\n`);
    return 1;
  }
  try {
    const matcher = loadMatcher(result.parsed.values.watchlist);
    await write(io.stdout, `statements: demo over the ${names.length} bundled sample articles in samples/articles\n\n`);
    for (const name of names) {
      const text = decodeUtf8(await readFile(join(samplesDir, name)));
      const record = toFileRecord(name, text, extractStatements(text, { matcher }), matcher);
      await write(io.stdout, `${renderFileRecord(record, QUOTE_EXCERPT)}\n`);
    }
  } catch (err) {
    await write(io.stderr, `${NAME}: ${errorMessage(err)}\n`);
    return 1;
  }
  return 0;
}
