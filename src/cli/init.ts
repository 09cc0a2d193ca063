import { access, readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { DEFAULT_WATCHLIST_DIR } from '../watchlist/index.js';
import { initWatchlist, type InitResult, type SourceText, watchlistFiles, writeWatchlist } from '../watchlist/init.js';
import { parseCommandArgs } from './args.js';
import { type CliIo, decodeUtf8, errorMessage, fsReason, readAll, write } from './io.js';

export const INIT_USAGE = `Usage: statements init --from FILE... [--out DIR] [--force]

Drafts a watchlist for a new situation from a few plain-text articles about it (3 to 5 is a good
number): actors.yaml with the people and organisations who speak in them (with their roles,
affiliations and aliases) and the organisations they cite, and keywords.yaml with the phrases
the articles keep coming back to. Review and edit both files before use.

Options:
  --from FILE...  the articles, plain text in UTF-8 ("-" reads standard input)
  --out DIR       where to write actors.yaml and keywords.yaml (default: the project's config/)
  --force         overwrite the files when they exist
  -h, --help      show this help

Exit status: 0 when both files were written, 1 when an article cannot be read or holds nothing
to draft from, 2 for a usage error or files that exist without --force.
`;

const OPTIONS = {
  from: { type: 'string', multiple: true },
  out: { type: 'string' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

const NAME = 'statements init';

/** A path as the user would type it: relative to the working directory when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** `statements init`: returns the exit status. */
export async function runInit(args: string[], io: CliIo): Promise<number> {
  const usageError = async (message: string): Promise<number> => {
    await write(io.stderr, `${NAME}: ${message}\nRun "${NAME} --help" for usage.\n`);
    return 2;
  };
  const result = parseCommandArgs(args, OPTIONS);
  if (!result.ok) return usageError(result.message);
  const { values, positionals } = result.parsed;
  if (values.help) {
    await write(io.stdout, INIT_USAGE);
    return 0;
  }
  // "--from a.txt b.txt c.txt": the first file is the option's value, the others follow it.
  if (values.from === undefined) return usageError('missing --from FILE...: give the articles to draft the watchlist from');
  const files = [...values.from, ...positionals];
  if (values.out === '') return usageError('--out needs a folder');
  const dir = values.out ?? DEFAULT_WATCHLIST_DIR;

  // Refuse before reading anything: the user learns about --force at once.
  const paths = watchlistFiles(dir);
  if (!values.force) {
    const refusal = await existingFiles(paths);
    if (refusal.length > 0) {
      await write(
        io.stderr,
        `${NAME}: ${refusal.map(shown).join(' and ')} already exist${refusal.length === 1 ? 's' : ''}; ` +
          'pass --force to overwrite, or --out DIR to write elsewhere\n',
      );
      return 2;
    }
  }

  const sources: SourceText[] = [];
  let stdinText: Promise<string> | undefined;
  for (const file of files) {
    try {
      const text = file === '-' ? await (stdinText ??= readAll(io.stdin).then(decodeUtf8)) : decodeUtf8(await readFile(file));
      sources.push({ name: file, text });
    } catch (err) {
      await write(io.stderr, `${NAME}: cannot read ${file}: ${fsReason(err)}; nothing was written\n`);
      return 1;
    }
  }

  let drafted: InitResult;
  try {
    drafted = initWatchlist(sources);
  } catch (err) {
    await write(io.stderr, `${NAME}: cannot draft the watchlist: ${errorMessage(err)}\n`);
    return 1;
  }
  if (drafted.actors.length === 0 && drafted.keywords.length === 0) {
    await write(io.stderr, `${NAME}: found no speakers and no recurring phrases in ${files.join(', ')}; are they news articles in plain text? Nothing was written\n`);
    return 1;
  }
  try {
    writeWatchlist(dir, drafted, { force: values.force });
  } catch (err) {
    await write(io.stderr, `${NAME}: ${errorMessage(err).replace(/^watchlist: /, '')}\n`);
    return errorCode(err) === 'INIT_EXISTS' ? 2 : 1;
  }
  await write(io.stdout, summary(drafted, sources.length, paths, dir));
  return 0;
}

async function existingFiles(paths: { actors: string; keywords: string }): Promise<string[]> {
  const found: string[] = [];
  for (const path of [paths.actors, paths.keywords]) {
    try {
      await access(path);
      found.push(path);
    } catch {
      // absent: fine
    }
  }
  return found;
}

function errorCode(err: unknown): unknown {
  return err instanceof Error && 'code' in err ? err.code : undefined;
}

function summary(drafted: InitResult, articles: number, paths: { actors: string; keywords: string }, dir: string): string {
  const people = drafted.actors.filter((a) => a.actor.kind === 'person');
  const organisations = drafted.actors.filter((a) => a.actor.kind === 'organisation');
  const lines = [
    `Read ${articles} article${articles === 1 ? '' : 's'}; wrote ${shown(paths.actors)} (${people.length} people, ${organisations.length} organisations) and ${shown(paths.keywords)} (${drafted.keywords.length} keywords).`,
    '',
    'People:',
    ...people.map(({ actor }) => `  ${actor.name}${actor.role === null ? '' : ` (${actor.role})`}${actor.affiliations.length > 0 ? ` → ${actor.affiliations.join(', ')}` : ''}`),
    'Organisations:',
    ...organisations.map(({ actor }) => `  ${actor.name}${actor.role === null ? '' : ` (${actor.role})`}`),
    'Keywords:',
    `  ${drafted.keywords.map((k) => k.keyword.label).join(', ') || '(none)'}`,
    '',
    'Review and edit both files (their header explains each field), then check them with',
    resolve(dir) === resolve(DEFAULT_WATCHLIST_DIR) ? '  statements config check' : `  statements extract --watchlist ${shown(dir)} FILE...`,
    '',
  ];
  return lines.join('\n');
}
