/**
 * YAML text → validated Watchlist. Every problem in both files is collected and reported in one
 * StatementsError, so a user fixing the config sees the whole list at once.
 */
import { parseYamlFile } from '../config/yaml.js';
import { StatementsError } from '../errors.js';
import type { Watchlist } from '../model/index.js';
import { duplicateIdProblems } from '../config/problems.js';
import { affiliationProblems } from './references.js';
import { actorsFileSchema, keywordsFileSchema } from './schema.js';

export interface WatchlistFiles {
  /** Names used in error messages, e.g. `config/actors.yaml`. */
  actors: string;
  keywords: string;
}

/** Parses and validates the two watchlist files' text; throws a StatementsError listing every problem. */
export function parseWatchlist(
  actorsText: string,
  keywordsText: string,
  files: WatchlistFiles = { actors: 'actors.yaml', keywords: 'keywords.yaml' },
): Watchlist {
  const actors = parseYamlFile(actorsText, files.actors, actorsFileSchema, (root) => [
    ...duplicateIdProblems(root, 'actors'),
    ...affiliationProblems(root),
  ]);
  const keywords = parseYamlFile(keywordsText, files.keywords, keywordsFileSchema, (root) =>
    duplicateIdProblems(root, 'keywords'),
  );
  const problems = [...actors.problems, ...keywords.problems];
  if (actors.value === undefined || keywords.value === undefined || problems.length > 0) {
    const code = actors.syntax || keywords.syntax ? 'WATCHLIST_YAML' : 'WATCHLIST_INVALID';
    throw new StatementsError('watchlist', code, problemsMessage(problems));
  }
  return { actors: actors.value.actors, keywords: keywords.value.keywords };
}

export function problemsMessage(problems: readonly string[]): string {
  if (problems.length === 1) return problems[0] ?? '';
  return `${problems.length} problems in the watchlist config; fix them all, then retry:\n- ${problems.join('\n- ')}`;
}
