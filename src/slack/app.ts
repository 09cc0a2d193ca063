/**
 * The Slack side of the bot: a Bolt app that answers `/statements` through the shared command
 * handlers, over HTTP (`/slack/events` on PORT, every request's signature verified by Bolt) or,
 * when SLACK_APP_TOKEN is set, over Socket Mode (no public URL needed).
 *
 * Slack gives a command 3 seconds. The answer goes in the acknowledgement when it is ready in
 * time (one round trip, nothing else to fail); otherwise the command is acknowledged at once and
 * the answer follows through response_url.
 */
import { App, LogLevel, SocketModeReceiver, type Logger as SlackLogger } from '@slack/bolt';
import { z } from 'zod';
import { ACK_BUDGET_MS, answer, within, type CommandContext } from '../commands/index.js';
import type { SlackSettings } from '../config/env.js';
import { StatementsError } from '../errors.js';
import type { Logger, LogLevel as OurLevel } from '../log.js';
import type { HttpRoute } from '../ops/server.js';
import { slackChannel } from './channel.js';
import { slackReply } from './reply.js';

/** The slash command, as declared in slack/manifest.yml. */
export const SLASH_COMMAND = '/statements';

const SlashPayload = z.object({
  text: z.string().default(''),
  user_id: z.string().min(1),
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
});

export interface SlackAppOptions {
  settings: SlackSettings;
  /** HTTP mode: where `/slack/events` listens (0: any free port). */
  port: number;
  host?: string;
  /** Slack user ids who may subscribe and unsubscribe channels; empty: any member of the channel. */
  managers: readonly string[];
  context: (channel: string, canManage: boolean) => CommandContext;
  log: Logger;
  /** How long an answer may take before the command is acknowledged without it (default 2,000 ms). */
  ackBudgetMs?: number;
  /** HTTP mode: more routes on the same port (/healthz, /metrics), since PORT is Bolt's. */
  routes?: readonly HttpRoute[];
}

export interface SlackApp {
  /** The port `/slack/events` listens on; null in Socket Mode. */
  port: number | null;
  /** Why Slack cannot reach the bot right now (Socket Mode disconnected…); null when it can. */
  unready(): string | null;
  stop(): Promise<void>;
}

export async function startSlackApp(options: SlackAppOptions): Promise<SlackApp> {
  const { settings, log } = options;
  const clientOptions = { ...(settings.apiUrl === null ? {} : { slackApiUrl: settings.apiUrl }), retryConfig: { retries: 0 } };
  const logger = boltLogger(log);
  // Socket Mode: our own receiver, because Bolt keeps its receiver private and the socket's state
  // (for /healthz) is only on the receiver's client. App-level clientOptions do not reach the
  // socket client either: it takes its own.
  const receiver = settings.appToken === null ? null : new SocketModeReceiver({ appToken: settings.appToken, logger, installerOptions: { clientOptions } });
  let socketConnected = false;
  if (receiver !== null) {
    receiver.client.on('connected', () => (socketConnected = true));
    for (const lost of ['close', 'disconnecting', 'disconnected', 'reconnecting']) receiver.client.on(lost, () => (socketConnected = false));
  }
  const bolt = new App({
    token: settings.botToken,
    logger,
    clientOptions,
    deferInitialization: true,
    ...(receiver !== null
      ? { socketMode: true, receiver }
      : { signingSecret: settings.signingSecret ?? '', endpoints: '/slack/events', customRoutes: [...(options.routes ?? [])] }),
  });

  bolt.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    const started = performance.now();
    const payload = SlashPayload.safeParse(command);
    if (!payload.success) {
      log.log('warn', `slash command without the fields it needs: ${z.prettifyError(payload.error)}`);
      await ack({ response_type: 'ephemeral', text: 'Slack sent this command without its channel or user; please try again.' });
      return;
    }
    const { text, user_id: userId, team_id: teamId, channel_id: channelId } = payload.data;
    const channel = slackChannel(teamId, channelId);
    const canManage = options.managers.length === 0 || options.managers.includes(userId);
    const pending = answer(text, () => options.context(channel, canManage), log, { channel });
    const ready = await within(pending.reply, options.ackBudgetMs ?? ACK_BUDGET_MS);
    const fields = { channel, command: pending.command.kind };
    if (ready !== null) {
      await ack(slackReply(ready));
      log.log('info', `/statements ${pending.command.kind} answered in the acknowledgement`, { ...fields, ms: Math.round(performance.now() - started) });
      return;
    }
    await ack({ response_type: 'ephemeral', text: 'Looking that up…' });
    log.log('info', '/statements acknowledged; the answer follows through response_url', { ...fields, ms: Math.round(performance.now() - started) });
    try {
      await respond({ ...slackReply(await pending.reply), replace_original: true });
    } catch (err) {
      log.log('error', `could not send the answer through response_url: ${err instanceof Error ? err.message : String(err)}`, fields);
    }
  });
  // Alerts carry a link button; Slack reports its clicks, which need nothing but an acknowledgement.
  bolt.action('open_article', async ({ ack }) => {
    await ack();
  });
  bolt.error(async (err) => {
    log.log('error', `Slack app error: ${err.message}`, { code: err.code });
  });

  try {
    await bolt.init();
  } catch (err) {
    throw new StatementsError('slack', 'SLACK_AUTH', `could not check SLACK_BOT_TOKEN with Slack's auth.test (${slackFailure(err)}); check the token under OAuth & Permissions${settings.apiUrl === null ? '' : ` and SLACK_API_URL (${settings.apiUrl})`}`, { cause: err });
  }
  if (receiver !== null) {
    await bolt.start();
    log.log('info', 'Slack: connected in Socket Mode');
    // Connected means Slack said hello on the socket; a drop is reconnected by the client.
    return { port: null, unready: () => (socketConnected ? null : 'Socket Mode connection to Slack is down (reconnecting)'), stop: async () => void (await bolt.stop()) };
  }
  const server = await bolt.start({ port: options.port, ...(options.host === undefined ? {} : { host: options.host }) });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  log.log('info', `Slack: listening for /statements on port ${port} at /slack/events`, { port });
  // Over HTTP, Slack comes to us: ready while we listen (the token passed auth.test at start).
  return { port, unready: () => (server.listening ? null : 'the HTTP server for /slack/events is not listening'), stop: async () => void (await bolt.stop()) };
}

const PlatformFailure = z.object({ data: z.object({ error: z.string() }) });

function slackFailure(err: unknown): string {
  const platform = PlatformFailure.safeParse(err);
  if (platform.success) return platform.data.data.error;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Bolt's and the Web API's log lines through ours (one format, one level setting). Their debug
 * lines are dropped: they can carry whole request bodies, and a body can carry a token.
 */
function boltLogger(log: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const to = (ours: OurLevel) => (...parts: unknown[]): void => log.log(ours, `slack: ${parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ')}`);
  return {
    debug: () => undefined,
    info: to('info'),
    warn: to('warn'),
    error: to('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
