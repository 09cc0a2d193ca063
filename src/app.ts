/**
 * The composition root: config, watchlist, store, fetcher and sinks wired into pipeline
 * dependencies. Everything with I/O is created here and closed here.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ClientOptions } from 'discord.js';
import type { CommandContext } from './commands/index.js';
import { readChatEnv, type ChatEnv } from './config/env.js';
import { loadConfig, type LoadedConfig } from './config/index.js';
import { consoleSink, type OutboxOptions, type Sink } from './deliveries/index.js';
import { StatementsError } from './errors.js';
import { Fetcher } from './feeds/index.js';
import { createLogger, secretsOf, type Logger } from './log.js';
import { compileWatchlist, type WatchlistMatcher } from './matches/index.js';
import type { Subscription, Watchlist } from './model/index.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import type { HttpRoute } from './ops/server.js';
import { addFeed, removeFeed, watchedFeeds, type PipelineDeps } from './pipeline/index.js';
import { startDiscordApp } from './discord/app.js';
import { discordRest, discordSink } from './discord/sink.js';
import { startSlackApp } from './slack/app.js';
import { slackClient, slackSink } from './slack/sink.js';
import { openStore } from './store/open.js';
import type { Store } from './store/types.js';
import { loadWatchlist } from './watchlist/index.js';

export interface App {
  loaded: LoadedConfig;
  watchlist: Watchlist;
  matcher: WatchlistMatcher;
  store: Store;
  deps: PipelineDeps;
  sinks: Sink[];
  outbox: OutboxOptions;
  /** Chat credentials read from the environment (secrets stay in here, never in logs). */
  chat: ChatEnv;
  log: Logger;
  /** This app's Prometheus registry, fed by the pipeline and the outbox (served at /metrics). */
  metrics: Metrics;
  /** What a chat command from `channel` needs; the platform adapter says whether the caller may manage it. */
  commandContext(channel: string, canManage: boolean): CommandContext;
  close(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

export interface OpenOptions {
  env?: Env;
  log?: Logger;
  now?: () => number;
  /** Where the console sink prints (stdout by default). */
  print?: (text: string) => void;
}

/** The subscription of the console sink: the one alerts go to when no chat platform is set up. */
export const CONSOLE_SUBSCRIPTION_ID = 'console';

export async function openApp(options: OpenOptions = {}): Promise<App> {
  const env = options.env ?? process.env;
  const log = options.log ?? createLogger(undefined, undefined, secretsOf(env));
  const now = options.now ?? Date.now;
  const loaded = loadConfig(env);
  const chat = readChatEnv(env);
  const watchlist = loadWatchlist();
  const matcher = compileWatchlist(watchlist);
  const store = await openStore(chat.databaseUrl ?? loaded.sqlitePath);
  try {
    // A store of one process (SQLite): a claim still held was held by one that died mid-send. A
    // shared one (PostgreSQL) releases none: its claims may be live replicas'; they expire.
    const released = await store.releaseClaims();
    if (released > 0) log.log('warn', `${released} alert(s) were being sent when the bot last stopped; they will be sent again now (Discord recognises a repeat by its nonce; Slack may show one twice)`);
    const fetcher = new Fetcher(loaded.config.fetch);
    const fetchPage = async (url: string): Promise<string> => {
      const result = await fetcher.fetch(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
      if (result.kind === 'ok') return result.body;
      throw new StatementsError('articles', 'ARTICLE_FETCH', result.kind === 'error' ? result.message : `unexpected ${result.kind} for ${url}`);
    };
    const sinks: Sink[] = [];
    if (chat.slack !== null) sinks.push(slackSink(slackClient(chat.slack.botToken, chat.slack.apiUrl)));
    if (chat.discord !== null) sinks.push(discordSink(discordRest(chat.discord.token, chat.discord.apiUrl)));
    if (chat.slack === null && chat.discord === null) {
      sinks.push(consoleSink(options.print));
      await ensureConsoleSubscription(store, loaded.config.console.subscribe, watchlist, now());
    }
    const worker = { owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`, feedLeaseMs: loaded.config.feedClaims.leaseSeconds * 1000, concurrency: loaded.config.fetch.maxConcurrentFeeds };
    const metrics = createMetrics(store, now, log);
    const deps: PipelineDeps = { store, fetcher, feeds: loaded.feeds, watchlist, matcher, fetchPage, alerts: loaded.config.alerts, now, log, worker, events: metrics.observer };
    const outbox: OutboxOptions = {
      events: metrics.observer,
      maxAttempts: loaded.config.deliveries.maxAttempts,
      retryBaseMs: loaded.config.deliveries.retryBaseSeconds * 1000,
      leaseMs: loaded.config.deliveries.leaseSeconds * 1000,
    };
    return {
      loaded,
      watchlist,
      matcher,
      store,
      deps,
      sinks,
      outbox,
      chat,
      log,
      metrics,
      commandContext: (channel, canManage) => ({
        store,
        watchlist,
        matcher,
        channel,
        canManage,
        now: now(),
        addFeed: (url) => addFeed(deps, url, channel),
        removeFeed: (id) => removeFeed(deps, id),
        feedStatus: async () => {
          const states = new Map((await store.feedStates()).map((s) => [s.feedId, s]));
          return (await watchedFeeds(deps)).map((feed) => {
            const state = states.get(feed.id);
            return {
              feedId: feed.id,
              url: feed.url,
              title: feed.title ?? state?.feedTitle ?? null,
              ok: (state?.failures ?? 0) === 0,
              lastError: state?.lastError ?? null,
              nextPollAt: state?.nextPollAt ?? null,
              failures: state?.failures ?? 0,
            };
          });
        },
      }),
      close: async () => {
        fetcher.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

export interface ChatAdapters {
  /** Where Slack's `/slack/events` listens; null when Slack is off or in Socket Mode. */
  slackPort: number | null;
  /** Why each configured platform cannot answer commands right now (null: it can); absent: not configured. */
  unready: { slack?: () => string | null; discord?: () => string | null };
  stop(): Promise<void>;
}

/**
 * Starts what answers chat commands (`statements run` only: one-shot commands just send).
 * `port` and `host` override PORT, `discordClient` adds discord.js options, for tests; `routes`
 * go on Slack's HTTP server when it runs one (/healthz and /metrics share PORT with it).
 */
export async function startChatAdapters(app: App, listen: { port?: number; host?: string; discordClient?: Partial<ClientOptions>; routes?: readonly HttpRoute[] } = {}): Promise<ChatAdapters> {
  const discord =
    app.chat.discord === null
      ? null
      : await startDiscordApp({ settings: app.chat.discord, watchlist: app.watchlist, context: app.commandContext, firstToHandle: (key) => app.store.firstToHandle(key, app.deps.now()), log: app.log, ...(listen.discordClient === undefined ? {} : { client: listen.discordClient }) });
  let slack: Awaited<ReturnType<typeof startSlackApp>> | null = null;
  try {
    if (app.chat.slack !== null) {
      slack = await startSlackApp({
        settings: app.chat.slack,
        port: listen.port ?? app.chat.port,
        ...(listen.host === undefined ? {} : { host: listen.host }),
        managers: app.loaded.config.slack.managers,
        context: app.commandContext,
        log: app.log,
        ...(listen.routes === undefined ? {} : { routes: listen.routes }),
      });
    }
  } catch (err) {
    await discord?.stop(); // a half-started bot must not keep the process alive
    throw err;
  }
  return {
    slackPort: slack?.port ?? null,
    unready: {
      ...(slack === null ? {} : { slack: slack.unready }),
      ...(discord === null ? {} : { discord: discord.unready }),
    },
    stop: async () => {
      await slack?.stop();
      await discord?.stop();
    },
  };
}

/** Keeps the console's subscription equal to `console.subscribe` in the config. */
async function ensureConsoleSubscription(store: Store, ids: readonly string[], watchlist: Watchlist, now: number): Promise<void> {
  const actors = ids.filter((id) => watchlist.actors.some((a) => a.id === id));
  const keywords = ids.filter((id) => watchlist.keywords.some((k) => k.id === id));
  const unknown = ids.filter((id) => !actors.includes(id) && !keywords.includes(id));
  if (unknown.length > 0) {
    throw new StatementsError('config', 'CONFIG_INVALID', `console.subscribe: unknown actor or keyword id ${unknown.map((u) => `"${u}"`).join(', ')}; use ids from config/actors.yaml or config/keywords.yaml`);
  }
  // Replaces the filters in place: alerts already queued for the console are kept.
  const wanted: Subscription = { id: CONSOLE_SUBSCRIPTION_ID, channel: 'console', actors, keywords, createdAt: now };
  await store.addSubscription(wanted);
}
