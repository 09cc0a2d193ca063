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
import { duplicateIdProblems } from './problems.js';
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

/** Every problem in a config text, or the loaded config when there is none. */
function readConfig(text: string, file: string, env: Env): { loaded: LoadedConfig | null; problems: string[]; syntax: boolean } {
  const result = parseYamlFile(text, file, configSchema, (root) => duplicateIdProblems(root, 'feeds'));
  if (result.value === undefined || result.problems.length > 0) return { loaded: null, problems: result.problems, syntax: result.syntax };
  const config = result.value;
  const sqlite = env.STATEMENTS_DB ?? config.store.sqlite;
  const loaded: LoadedConfig = {
    config,
    file,
    feeds: config.feeds.map((f) => ({ ...f, url: feedUrl(f.url) })),
    sqlitePath: isAbsolute(sqlite) || sqlite === ':memory:' ? sqlite : resolve(PROJECT_ROOT, sqlite),
  };
  return { loaded, problems: [], syntax: false };
}

/** Parses config text; throws a StatementsError (module config) naming every problem. */
export function parseConfig(text: string, file: string, env: Env = process.env): LoadedConfig {
  const { loaded, problems, syntax } = readConfig(text, file, env);
  if (loaded !== null) return loaded;
  const message = problems.length === 1 ? (problems[0] ?? '') : `${problems.length} problems in ${file}; fix them all, then retry:\n- ${problems.join('\n- ')}`;
  throw new StatementsError('config', syntax ? 'CONFIG_YAML' : 'CONFIG_INVALID', message);
}

function readConfigFile(env: Env): { text: string; file: string } {
  const file = env.STATEMENTS_CONFIG ?? DEFAULT_CONFIG_FILE;
  try {
    return { text: readFileSync(file, 'utf8'), file };
  } catch (cause) {
    throw new StatementsError('config', 'CONFIG_MISSING', `cannot read the config file ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}; set STATEMENTS_CONFIG to a readable YAML file`, { cause });
  }
}

/** Reads the config file: $STATEMENTS_CONFIG, else config/default.yaml. */
export function loadConfig(env: Env = process.env): LoadedConfig {
  const { text, file } = readConfigFile(env);
  return parseConfig(text, file, env);
}

/** `statements config check`: every problem as a line, empty when the file is fine. */
export function checkConfig(env: Env = process.env): string[] {
  try {
    const { text, file } = readConfigFile(env);
    return readConfig(text, file, env).problems;
  } catch (err) {
    if (err instanceof StatementsError) return [err.message.replace(/^config: /, '')];
    throw err;
  }
}

function feedUrl(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return pathToFileURL(resolve(PROJECT_ROOT, url)).href;
}
