/** Loading the watchlist (actors and keywords to look for) from its two YAML files. */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StatementsError } from '../errors.js';
import type { Watchlist } from '../model/index.js';
import { parseWatchlist, problemsMessage } from './parse.js';

export type { WatchlistFiles } from './parse.js';
export { parseWatchlist } from './parse.js';

/**
 * The project's `config/` folder. This module sits two levels below the project root both as
 * src/watchlist/index.ts (tsx, vitest) and as dist/watchlist/index.js, so one relative URL fits both.
 */
export const DEFAULT_WATCHLIST_DIR = fileURLToPath(new URL('../../config/', import.meta.url));

/** A path as the user would type it: relative to the working directory when inside it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Reads `actors.yaml` and `keywords.yaml` from `dir` (default: the project's `config/`). */
export function loadWatchlist(dir: string = DEFAULT_WATCHLIST_DIR): Watchlist {
  const files = { actors: join(dir, 'actors.yaml'), keywords: join(dir, 'keywords.yaml') };
  const shown = { actors: displayPath(files.actors), keywords: displayPath(files.keywords) };
  const texts: string[] = [];
  const problems: string[] = [];
  let missing = false;
  let cause: unknown;
  for (const which of ['actors', 'keywords'] as const) {
    try {
      texts.push(readFileSync(files[which], 'utf8'));
    } catch (error) {
      cause ??= error;
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code === 'ENOENT') {
        missing = true;
        problems.push(
          `${shown[which]}: file not found; create it, or point to the folder that holds actors.yaml and keywords.yaml`,
        );
      } else {
        problems.push(`${shown[which]}: cannot read the file (${error instanceof Error ? error.message : String(error)}); check its permissions`);
      }
    }
  }
  if (problems.length > 0) {
    throw new StatementsError('watchlist', missing ? 'WATCHLIST_MISSING' : 'WATCHLIST_READ', problemsMessage(problems), { cause });
  }
  return parseWatchlist(texts[0] ?? '', texts[1] ?? '', shown);
}
