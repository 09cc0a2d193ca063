/**
 * Chat credentials, the HTTP port and the database, from environment variables only (secrets
 * never live in files). Problems name the variable and what it should hold, never its value.
 */
import { z } from 'zod';
import { StatementsError } from '../errors.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface SlackSettings {
  botToken: string;
  /** HTTP mode: requests are verified with it. Null in Socket Mode. */
  signingSecret: string | null;
  /** Socket Mode when set. */
  appToken: string | null;
  /** Web API base ending in "/", e.g. a local fake in tests; null: Slack's own. */
  apiUrl: string | null;
}

export interface DiscordSettings {
  token: string;
  /** The application (client) id; needed to register the command, read from the token otherwise. */
  applicationId: string | null;
  /** REST base without the version (discord.js appends /v10); null: Discord's own. */
  apiUrl: string | null;
  /** Register the command in this guild only (instant) instead of globally. */
  guildId: string | null;
}

export interface ChatEnv {
  slack: SlackSettings | null;
  discord: DiscordSettings | null;
  /** PORT: where the HTTP server (Slack events, /healthz, /metrics) listens; 3000 when unset. */
  port: number;
  /** PORT was set: a port that cannot be had is then an error, not a warning. */
  portSet: boolean;
  /**
   * DATABASE_URL: the store, a `postgres://` URL (replicas may share it) or a SQLite file path;
   * null: the configured SQLite file. May carry a password: never logged or echoed.
   */
  databaseUrl: string | null;
}

const optional = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === undefined || s === '' ? null : s));
const apiUrl = optional.refine((s) => s === null || /^https?:\/\/[^\s]+$/i.test(s), 'must be an http(s) URL such as https://slack.com/api/');

// A URL names PostgreSQL (other schemes are a mistake); anything else is a SQLite file path.
const databaseUrl = optional.refine((s) => {
  if (s === null || !/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return true;
  if (!/^postgres(?:ql)?:\/\//i.test(s)) return false;
  try {
    return new URL(s).hostname !== '';
  } catch {
    return false;
  }
}, 'must be a PostgreSQL URL (postgres://user:password@host:5432/database; special characters in the password percent-encoded) or a SQLite file path');

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optional.refine((s) => s === null || s.startsWith('xoxb-'), 'must be the bot token (starts with xoxb-, under OAuth & Permissions), not the app-level or user token'),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((s) => s === null || s.startsWith('xapp-'), 'must be an app-level token (starts with xapp-, under Basic Information → App-Level Tokens, scope connections:write)'),
  SLACK_API_URL: apiUrl,
  DISCORD_TOKEN: optional.refine((s) => s === null || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(s), 'must be the bot token (three dot-separated parts, under Bot → Reset Token in the Developer Portal)'),
  DISCORD_APPLICATION_ID: optional.refine((s) => s === null || /^\d{15,25}$/.test(s), 'must be the application id (a number, under General Information)'),
  DISCORD_API_URL: apiUrl,
  DISCORD_GUILD_ID: optional.refine((s) => s === null || /^\d{15,25}$/.test(s), 'must be a server (guild) id: a number (Developer Mode → right-click the server → Copy Server ID)'),
  DATABASE_URL: databaseUrl,
  PORT: optional.refine((s) => s === null || (/^\d{1,5}$/.test(s) && Number(s) <= 65_535), 'must be a port number from 0 to 65535'),
});

/** Reads and checks the chat variables; throws a StatementsError (config) listing every problem. */
export function readChatEnv(env: Env): ChatEnv {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    // Each issue names its variable; the received value is deliberately left out (it may be a secret).
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new StatementsError('config', 'CONFIG_ENV', `environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const port = e.PORT === null ? 3000 : Number(e.PORT);
  const discord: DiscordSettings | null =
    e.DISCORD_TOKEN === null ? null : { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, apiUrl: e.DISCORD_API_URL === null ? null : e.DISCORD_API_URL.replace(/\/+$/, ''), guildId: e.DISCORD_GUILD_ID };
  const strayDiscord = (['DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID'] as const).filter((k) => e[k] !== null && discord === null);
  if (strayDiscord.length > 0) throw new StatementsError('config', 'CONFIG_ENV', `environment: ${strayDiscord.join(' and ')} ${strayDiscord.length > 1 ? 'are' : 'is'} set but DISCORD_TOKEN is not; set the bot token too, or unset them`);
  if (e.SLACK_BOT_TOKEN === null) {
    const stray = (['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const).filter((k) => e[k] !== null);
    if (stray.length > 0) throw new StatementsError('config', 'CONFIG_ENV', `environment: ${stray.join(' and ')} ${stray.length > 1 ? 'are' : 'is'} set but SLACK_BOT_TOKEN is not; set the bot token (xoxb-…) too, or unset them`);
    return { slack: null, discord, port, portSet: e.PORT !== null, databaseUrl: e.DATABASE_URL };
  }
  if (e.SLACK_APP_TOKEN === null && e.SLACK_SIGNING_SECRET === null) {
    throw new StatementsError('config', 'CONFIG_ENV', 'environment: SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode: Basic Information → App Credentials) nor SLACK_APP_TOKEN (Socket Mode) is; set one of them');
  }
  const base = e.SLACK_API_URL;
  return {
    slack: { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: base === null ? null : base.endsWith('/') ? base : `${base}/` },
    discord,
    port,
    portSet: e.PORT !== null,
    databaseUrl: e.DATABASE_URL,
  };
}
