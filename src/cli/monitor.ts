/**
 * The monitor's commands: run (what `npm start` runs), poll --once, query, feeds, why, and
 * config check. Thin: each opens the app, calls one function of the pipeline or the command
 * handlers, prints, and closes.
 */
import { openApp, type App } from '../app.js';
import { handleCommand, parseCommand } from '../commands/index.js';
import { readChatEnv, type ChatEnv } from '../config/env.js';
import { checkConfig } from '../config/index.js';
import type { OutboxSummary } from '../store/types.js';
import { registerCommand } from '../discord/command.js';
import { discordRest } from '../discord/sink.js';
import { canonicalLink } from '../feeds/index.js';
import { startServing, type Serving } from '../ops/serve.js';
import { exitOnNextSignal, nextSignal, SHUTDOWN_TIMEOUT_MS, stopWithin } from '../ops/shutdown.js';
import { runCycle, startMonitor } from '../pipeline/index.js';
import { loadWatchlist } from '../watchlist/index.js';
import { parseCommandArgs } from './args.js';
import { type CliIo, errorMessage, write } from './io.js';

async function withApp(io: CliIo, name: string, body: (app: App) => Promise<number>): Promise<number> {
  let app: App;
  try {
    app = await openApp({ print: (text) => void write(io.stdout, text) });
  } catch (err) {
    await write(io.stderr, `statements ${name}: ${errorMessage(err)}\n`);
    return 2;
  }
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}

/** `statements run`: polls on the schedule until Ctrl-C (SIGINT) or SIGTERM, then stops cleanly. */
export async function runMonitor(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {});
  if (!parsed.ok) return usage(io, 'run', parsed.message);
  return withApp(io, 'run', async (app) => {
    let serving: Serving;
    try {
      serving = await startServing(app);
    } catch (err) {
      await write(io.stderr, `statements run: ${errorMessage(err)}\n`);
      return 2;
    }
    // From here a signal stops cleanly (during start-up it ends the process as a crash would, which
    // the outbox survives; a start-up stuck on a chat platform must not ignore it).
    const signalled = nextSignal();
    const feeds = app.loaded.feeds.length;
    const platforms = app.sinks.map((s) => (s.platform === 'slack' ? 'Slack' : s.platform === 'discord' ? 'Discord' : s.platform));
    const where = platforms.includes('console') ? 'alerts print here' : `alerts go to ${platforms.join(' and ')}`;
    app.log.log('info', `watching ${feeds} feed${feeds === 1 ? '' : 's'} on schedule "${app.loaded.config.schedule}"; ${where}. Ctrl-C stops.`);
    const monitor = startMonitor(app.deps, app.sinks, { schedule: app.loaded.config.schedule, outbox: app.outbox });
    const signal = await signalled;
    exitOnNextSignal(app.log);
    app.log.log('info', `${signal}: stopping after the current cycle: waiting up to ${SHUTDOWN_TIMEOUT_MS / 1000} s for the poll and the alerts in flight (again to stop at once)`);
    const result = await stopWithin(
      [
        // Commands are still answered while the last alerts leave; then nothing more comes in.
        { name: 'the poll and the alerts in flight', run: () => monitor.stop(), left: () => monitor.inFlight() },
        { name: 'the chat adapters and the HTTP server', run: () => serving.stop() },
      ],
      SHUTDOWN_TIMEOUT_MS,
      app.log,
    );
    if (!result.completed) {
      app.log.log('error', `gave up stopping cleanly after ${SHUTDOWN_TIMEOUT_MS / 1000} s; still unfinished: ${result.left.join(', ')}. Alerts being sent are sent again at the next start (marked in doubt).`);
      // What is stuck may never end, and would keep the process alive: exit without closing.
      process.exit(1);
    }
    app.log.log('info', 'stopped cleanly');
    return 0;
  });
}

/** `statements poll --once`: one cycle over every feed, due or not, then the outbox; prints a summary. */
export async function runPoll(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { once: { type: 'boolean' } });
  if (!parsed.ok) return usage(io, 'poll', parsed.message);
  if (parsed.parsed.values.once !== true) return usage(io, 'poll', 'poll runs one cycle and needs --once (use "statements run" to keep polling)');
  return withApp(io, 'poll', async (app) => {
    const report = await runCycle(app.deps, app.sinks, app.outbox, true);
    const lines = report.feeds.map((f) => `${f.feedId}: ${f.status}${f.error ? ` (${f.error})` : ''}, ${f.newItems} new, ${f.alerted} alerted`);
    await write(io.stderr, `${lines.join('\n')}\nalerts sent: ${report.sent}, retrying: ${report.retried}, failed: ${report.failed}\n`);
    return report.feeds.some((f) => f.status === 'error') ? 1 : 0;
  });
}

/** `statements query nato [--since 24h] [--limit N]`: the chat command, from the terminal. */
export function runQuery(args: string[], io: CliIo): Promise<number> {
  return runSearch('query', '', 'name an actor or a term, e.g. "statements query nato"', args, io);
}

/** `statements on withdrawal [--since 7d] [--limit N]`: the claims board, from the terminal. */
export function runOn(args: string[], io: CliIo): Promise<number> {
  return runSearch('on', 'on', 'name a keyword or a topic, e.g. "statements on withdrawal"', args, io);
}

/** A search command: its words (after `prefix` in the chat grammar) with --since and --limit as modifiers. */
async function runSearch(name: string, prefix: string, missing: string, args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { since: { type: 'string' }, limit: { type: 'string' } });
  if (!parsed.ok) return usage(io, name, parsed.message);
  const { values, positionals } = parsed.parsed;
  if (positionals.length === 0) return usage(io, name, missing);
  const text = [prefix, positionals.join(' '), values.since ? `since:${values.since}` : '', values.limit ? `limit:${values.limit}` : ''].filter(Boolean).join(' ');
  const command = parseCommand(text);
  if (command.kind === 'invalid') return usage(io, name, command.message);
  return withApp(io, name, async (app) => {
    const reply = await handleCommand(command, app.commandContext('console', true));
    await write(io.stdout, `${reply.text}\n`);
    return 0;
  });
}

/**
 * `statements chat [--channel ID] TEXT`: any chat command (`subscribe nato`, `list`, `actors`…)
 * from the terminal, for a chat channel (`slack:C…`, `discord:…`) or the console.
 */
export async function runChat(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { channel: { type: 'string', default: 'console' } });
  if (!parsed.ok) return usage(io, 'chat', parsed.message);
  const { values, positionals } = parsed.parsed;
  const command = parseCommand(positionals.join(' '));
  if (command.kind === 'invalid') return usage(io, 'chat', command.message);
  const channel = values.channel;
  if (channel === 'console' && (command.kind === 'subscribe' || command.kind === 'unsubscribe')) {
    return usage(io, 'chat', 'the console hears what console.subscribe in config/default.yaml says; edit it there, or pass --channel slack:C… to manage a chat channel');
  }
  return withApp(io, 'chat', async (app) => {
    const reply = await handleCommand(command, app.commandContext(channel, true));
    await write(io.stdout, `${reply.text}\n`);
    return 0;
  });
}

/** `statements feeds`: each feed's health, last error and next poll. */
export async function runFeeds(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {});
  if (!parsed.ok) return usage(io, 'feeds', parsed.message);
  return withApp(io, 'feeds', async (app) => {
    const reply = await handleCommand({ kind: 'feeds' }, app.commandContext('console', true));
    await write(io.stdout, `${reply.text}\n${outboxLine(await app.store.outboxSummary(app.deps.now()))}\n`);
    return 0;
  });
}

function outboxLine(summary: OutboxSummary): string {
  const doubt = summary.inDoubt > 0 ? ` (${summary.inDoubt} in doubt after a stop mid-send)` : '';
  const failed = summary.failed > 0 ? `; ${summary.failed} failed for good: "statements outbox" says why` : '';
  return `Outbox: ${summary.pending} waiting${doubt}, ${summary.sent} sent${failed}.`;
}

/** `statements outbox [retry ID...|all]`: what waits, what failed for good and why; a second chance. */
export async function runOutbox(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { limit: { type: 'string', default: '20' } });
  if (!parsed.ok) return usage(io, 'outbox', parsed.message);
  const [sub, ...rest] = parsed.parsed.positionals;
  const limit = Number(parsed.parsed.values.limit);
  if (!Number.isInteger(limit) || limit < 1) return usage(io, 'outbox', '--limit takes a whole number, e.g. --limit 50');
  if (sub !== undefined && sub !== 'retry') return usage(io, 'outbox', 'the only sub-command is "retry ID... | retry all"');
  const ids = rest.map(Number);
  if (sub === 'retry' && (rest.length === 0 || (rest.join() !== 'all' && ids.some((id) => !Number.isInteger(id) || id < 1)))) {
    return usage(io, 'outbox', 'say which failed deliveries to send again: "statements outbox retry 12 13" or "statements outbox retry all"');
  }
  return withApp(io, 'outbox', async (app) => {
    const now = app.deps.now();
    if (sub === 'retry') {
      const count = await app.store.retryFailed(rest.join() === 'all' ? 'all' : ids, now);
      await write(io.stdout, `${count} failed deliver${count === 1 ? 'y' : 'ies'} will be sent again on the next drain ("statements run" or "statements poll --once").\n`);
      return 0;
    }
    const lines = [outboxLine(await app.store.outboxSummary(now))];
    for (const d of await app.store.failedDeliveries(limit)) {
      lines.push(`#${d.id} ${d.channel} · ${d.alert.title} · ${d.attempts} attempt${d.attempts === 1 ? '' : 's'} · ${d.lastError ?? 'no reason recorded'}`);
    }
    await write(io.stdout, `${lines.join('\n')}\n`);
    return 0;
  });
}

/** `statements why <item url>`: what happened to an item, and why. */
export async function runWhy(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {});
  if (!parsed.ok) return usage(io, 'why', parsed.message);
  const url = parsed.parsed.positionals[0];
  if (url === undefined) return usage(io, 'why', 'give the link of the item, e.g. "statements why https://…"');
  return withApp(io, 'why', async (app) => {
    const link = canonicalLink(url) ?? url;
    const item = await app.store.itemByLink(link);
    if (item === null) {
      const states = await app.store.feedStates();
      const polled = states.filter((s) => s.lastSuccessAt !== null).map((s) => s.feedId);
      await write(
        io.stdout,
        `Never seen: no polled feed has carried ${link}.\n` +
          `Feeds polled so far: ${polled.length === 0 ? 'none yet (run "statements poll --once")' : polled.join(', ')}. ` +
          'If the item is in one of them, it may be newer than the last poll; if not, add its feed to the config.\n',
      );
      return 1;
    }
    const when = new Date(item.firstSeenAt).toISOString();
    await write(io.stdout, `${item.title}\nfeed: ${item.feedId}, first seen ${when}\n${item.decision}: ${item.reason}\n`);
    return 0;
  });
}

/** `statements discord register`: the /statements command, per guild (DISCORD_GUILD_ID) or global. */
export async function runDiscord(args: string[], io: CliIo): Promise<number> {
  if (args[0] !== 'register' || args.length > 1) return usage(io, 'discord', 'the only sub-command is "register"');
  let chat: ChatEnv;
  try {
    chat = readChatEnv(process.env);
  } catch (err) {
    await write(io.stderr, `statements discord: ${errorMessage(err)}\n`);
    return 2;
  }
  if (chat.discord === null) return usage(io, 'discord', 'set DISCORD_TOKEN (and DISCORD_APPLICATION_ID; DISCORD_GUILD_ID for one server) first');
  try {
    const { scope } = await registerCommand(chat.discord, discordRest(chat.discord.token, chat.discord.apiUrl));
    await write(io.stdout, `/statements registered (${scope})${scope === 'global' ? '; Discord may take up to an hour to show it everywhere' : ''}.\n`);
    return 0;
  } catch (err) {
    await write(io.stderr, `statements discord: ${errorMessage(err)}\n`);
    return 1;
  }
}

/** `statements config check`: every problem with file and key; non-zero when there is one. */
export async function runConfig(args: string[], io: CliIo): Promise<number> {
  if (args[0] !== 'check') return usage(io, 'config', 'the only sub-command is "check"');
  const problems: string[] = [];
  try {
    problems.push(...checkConfig());
  } catch (err) {
    problems.push(errorMessage(err));
  }
  try {
    loadWatchlist();
  } catch (err) {
    problems.push(errorMessage(err).replace(/^watchlist: /, ''));
  }
  if (problems.length === 0) {
    await write(io.stdout, 'config: OK\n');
    return 0;
  }
  await write(io.stderr, `${problems.join('\n')}\n`);
  return 1;
}

async function usage(io: CliIo, name: string, message: string): Promise<number> {
  await write(io.stderr, `statements ${name}: ${message}\nRun "statements help" for usage.\n`);
  return 2;
}
