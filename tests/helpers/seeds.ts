import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));

/** Seed article paths, sorted. */
export const SEED_FILES = readdirSync(SEEDS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => `${SEEDS_DIR}${name}`);

export const seedText = (path: string): string => readFileSync(path, 'utf8');

/** The project folder, for tests that run the CLI as a process. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
