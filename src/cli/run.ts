import { parseArgs } from 'node:util';
import { runExtract } from './extract.js';
import { runInit } from './init.js';
import { type CliIo, write } from './io.js';
import { runChat, runConfig, runDiscord, runFeeds, runMonitor, runOn, runOutbox, runPoll, runQuery, runWhy } from './monitor.js';
import { COMMANDS, USAGE } from './usage.js';

/** Dispatches `statements <command> ...`; returns the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Non-strict, because everything after the command belongs to the command's own parser.
  const { tokens } = parseArgs({
    args: argv,
    options: { help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const commandToken = tokens.find((t) => t.kind === 'positional');
  const globals = tokens.filter((t) => t.index < (commandToken?.index ?? argv.length));
  const unknown = globals.find((t) => t.kind === 'option' && t.name !== 'help');
  if (unknown?.kind === 'option') {
    await write(io.stderr, `statements: unknown option "${unknown.rawName}"\n\n${USAGE}`);
    return 2;
  }
  if (globals.some((t) => t.kind === 'option' && t.name === 'help')) {
    await write(io.stdout, USAGE);
    return 0;
  }
  if (commandToken?.kind !== 'positional') {
    await write(io.stderr, USAGE);
    return 2;
  }
  const rest = argv.slice(commandToken.index + 1);
  switch (commandToken.value) {
    case 'extract':
      return runExtract(rest, io);
    case 'init':
      return runInit(rest, io);
    case 'run':
    case 'start':
      return runMonitor(rest, io);
    case 'poll':
      return runPoll(rest, io);
    case 'query':
      return runQuery(rest, io);
    case 'on':
      return runOn(rest, io);
    case 'feeds':
      return runFeeds(rest, io);
    case 'chat':
      return runChat(rest, io);
    case 'why':
      return runWhy(rest, io);
    case 'config':
      return runConfig(rest, io);
    case 'discord':
      return runDiscord(rest, io);
    case 'outbox':
      return runOutbox(rest, io);
    case 'help':
      await write(io.stdout, USAGE);
      return 0;
    default:
      await write(
        io.stderr,
        `statements: unknown command "${commandToken.value}". Commands: ${COMMANDS}.\n` +
          'Run "statements help" for usage.\n',
      );
      return 2;
  }
}
