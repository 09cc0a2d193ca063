import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { WatchlistMatcher } from '../matches/index.js';
import { extractStatements } from '../statements/index.js';
import { parseCommandArgs } from './args.js';
import { type CliIo, decodeUtf8, errorMessage, fsReason, readAll, write } from './io.js';
import { loadMatcher } from './matcher.js';
import { type FileRecord, renderFileRecord, toFileRecord } from './record.js';
import { EXTRACT_USAGE } from './usage.js';

const FormatSchema = z.enum(['jsonl', 'json', 'text']);
type Format = z.infer<typeof FormatSchema>;

const OPTIONS = {
  format: { type: 'string', default: 'jsonl' },
  watchlist: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const NAME = 'statements extract';

/** `statements extract`: returns the exit status (0 ok, 1 some file unreadable, 2 usage error). */
export async function runExtract(args: string[], io: CliIo): Promise<number> {
  const usageError = async (message: string): Promise<number> => {
    await write(io.stderr, `${NAME}: ${message}\nRun "${NAME} --help" for usage.\n`);
    return 2;
  };
  const result = parseCommandArgs(args, OPTIONS);
  if (!result.ok) return usageError(result.message);
  const { values, positionals: files } = result.parsed;
  if (values.help) {
    await write(io.stdout, EXTRACT_USAGE);
    return 0;
  }
  const format = FormatSchema.safeParse(values.format);
  if (!format.success) {
    return usageError(`invalid --format "${values.format}": use one of ${FormatSchema.options.join(', ')}`);
  }
  if (files.length === 0) return usageError('no input files (give FILE... or - for standard input)');

  let matcher: WatchlistMatcher;
  try {
    matcher = loadMatcher(values.watchlist);
  } catch (err) {
    await write(io.stderr, `${NAME}: ${errorMessage(err)}\n`);
    return 2;
  }
  return extractFiles(files, format.data, matcher, io);
}

async function extractFiles(files: string[], format: Format, matcher: WatchlistMatcher, io: CliIo): Promise<number> {
  let stdinText: Promise<string> | undefined;
  const readText = async (file: string): Promise<string> => {
    if (file !== '-') return decodeUtf8(await readFile(file));
    // Standard input can be read only once; a second "-" sees the same text.
    stdinText ??= readAll(io.stdin).then(decodeUtf8);
    return stdinText;
  };

  let status = 0;
  const collected: FileRecord[] = [];
  // One file at a time: memory stays at one article however many files are given.
  for (const file of files) {
    let text: string;
    try {
      text = await readText(file);
    } catch (err) {
      await write(io.stderr, `${NAME}: cannot read ${file}: ${fsReason(err)}\n`);
      status = 1;
      continue;
    }
    let record: FileRecord;
    try {
      record = toFileRecord(file, text, extractStatements(text, { matcher }), matcher);
    } catch (err) {
      // An engine bug on one article must not lose the others.
      await write(io.stderr, `${NAME}: cannot extract from ${file}: ${errorMessage(err)}\n`);
      status = 1;
      continue;
    }
    if (format === 'jsonl') await write(io.stdout, `${JSON.stringify(record)}\n`);
    else if (format === 'text') await write(io.stdout, `${renderFileRecord(record)}\n`);
    else collected.push(record);
  }
  if (format === 'json') await write(io.stdout, `${JSON.stringify(collected, null, 2)}\n`);
  return status;
}
