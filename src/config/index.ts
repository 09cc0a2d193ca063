/**
 * Loads config/default.yaml (or $STATEMENTS_CONFIG), applies environment overrides and validates
 * everything; `checkConfig` lists every problem instead of stopping at the first.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StatementsError } from '../errors.js';
import type { Feed } from '../model/index.js';
import { configSchema, type Config } from './schema.js';
import { parseYamlFile } from './yaml.js';

export type { Config, FeedConfig } from './schema.js';

/** The project root: config/, samples/ and data/ live here (two levels above this module, in src or dist). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_CONFIG_FILE = resolve(PROJECT_ROOT, 'config', 'default.yaml');

export interface LoadedConfig {
  config: Config;
  /** The file it came from, as given (for messages). */
  file: string;
  /** Feeds with URLs made absolute (relative paths → file: URLs under the project root). */
  feeds: Feed[];
  /** Absolute SQLite path. */
  sqlitePath: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Parses config text; throws a StatementsError (module config) naming every problem. */
export function parseConfig(text: string, file: string, env: Env = process.env): LoadedConfig {
  const result = parseYamlFile(text, file, configSchema, () => []);
  if (result.value === undefined || result.problems.length > 0) {
    const problems = result.problems;
    const message = problems.length === 1 ? (problems[0] ?? '') : `${problems.length} problems in ${file}; fix them all, then retry:\n- ${problems.join('\n- ')}`;
    throw new StatementsError('config', result.syntax ? 'CONFIG_YAML' : 'CONFIG_INVALID', message);
  }
  const config = result.value;
  const duplicate = config.feeds.find((f, i) => config.feeds.findIndex((g) => g.id === f.id) !== i);
  if (duplicate) throw new StatementsError('config', 'CONFIG_INVALID', `${file}: feeds: the id "${duplicate.id}" is used twice; give each feed its own id`);
  const sqlite = env.STATEMENTS_DB ?? config.store.sqlite;
  return {
    config,
    file,
    feeds: config.feeds.map((f) => ({ ...f, url: feedUrl(f.url) })),
    sqlitePath: isAbsolute(sqlite) || sqlite === ':memory:' ? sqlite : resolve(PROJECT_ROOT, sqlite),
  };
}

/** Reads the config file: $STATEMENTS_CONFIG, else config/default.yaml. */
export function loadConfig(env: Env = process.env): LoadedConfig {
  const file = env.STATEMENTS_CONFIG ?? DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new StatementsError('config', 'CONFIG_MISSING', `cannot read the config file ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}; set STATEMENTS_CONFIG to a readable YAML file`, { cause });
  }
  return parseConfig(text, file, env);
}

/** `statements config check`: every problem as a line, empty when the file is fine. */
export function checkConfig(env: Env = process.env): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof StatementsError) return err.message.replace(/^config: /, '').split('\n').filter((l) => l.trim() !== '').map((l) => l.replace(/^- /, ''));
    throw err;
  }
}

function feedUrl(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return pathToFileURL(resolve(PROJECT_ROOT, url)).href;
}
