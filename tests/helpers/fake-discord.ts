/**
 * A fake Discord on 127.0.0.1 for end-to-end tests of the real discord.js client.
 *
 * REST (node:http, paths under `/api/v10`): gateway info, channels and channel messages (posted and
 * edited), interaction
 * callbacks, interaction webhooks (edit @original, follow-ups), command registration. The gateway
 * (`ws`, JSON frames, same port): HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with
 * replay of missed events, GUILD_MEMBERS_CHUNK.
 *
 * Everything the client sends is recorded so tests can assert on it; 429s, gateway drops, invalid
 * sessions and arbitrary error answers can be injected. Payloads are checked against Discord's
 * limits (empty messages, 2000-character content, embed sizes, autocomplete choices) and refused
 * with Discord's error bodies, so a bot that would be refused by Discord is refused here too.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { z } from 'zod';

export type JsonObject = Record<string, unknown>;

export interface RecordedFile {
  field: string;
  filename: string;
  size: number;
}

export interface RecordedRequest {
  method: string;
  /** The path after `/api/v10` (e.g. `/channels/1/messages`), or the raw path when outside it. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON (the `payload_json` part for multipart uploads), raw text otherwise, null when empty. */
  body: unknown;
  files: RecordedFile[];
  /** The Authorization header as sent (discord.js sends none to interaction callbacks and webhooks). */
  auth: string | null;
  at: number;
  /** The status answered; 0 until the answer is written. */
  status: number;
}

export interface RecordedMessage {
  id: string;
  channelId: string;
  body: JsonObject;
  at: number;
}

export interface MessageAttempt {
  channelId: string;
  body: unknown;
  at: number;
  status: number;
}

export interface RecordedCallback {
  interactionId: string;
  token: string;
  body: JsonObject;
  /** The `with_response` query discord.js sends on every callback (`false` unless `withResponse: true`). */
  withResponse: boolean;
  at: number;
}

export interface RecordedMessageEdit {
  channelId: string;
  messageId: string;
  body: JsonObject;
  at: number;
  /** 200, or 404 (10008 Unknown Message) for a message that is not there (never posted, or deleted). */
  status: number;
}

export interface RecordedEdit {
  token: string;
  /** `@original` or a follow-up message id. */
  messageId: string;
  body: JsonObject;
  at: number;
}

export interface RecordedFollowUp {
  token: string;
  body: JsonObject;
  at: number;
}

export interface CommandRegistration {
  /** `global`, or the guild id for guild commands. */
  scope: string;
  body: unknown[];
  at: number;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
  at: number;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Answers a request instead of the built-in route; `undefined` falls through to it. */
export type RouteOverride = (request: RecordedRequest) => FakeResponse | undefined;

export interface InteractionOptions {
  /** The value of the string option (default option name `text`). */
  text?: string;
  /** The member's permission bitfield as a decimal string; defaults to a plain member's. */
  permissions?: string;
  /** 2: chat-input command; 4: autocomplete (the option is marked focused). */
  type?: 2 | 4;
  userId?: string;
  username?: string;
  channelId?: string;
  commandName?: string;
  /** Raw options, replacing the single string option built from `text`. */
  options?: unknown[];
  locale?: string;
  /** Dispatch it this many times (default 1), as Discord does to each of a bot's gateway sessions. */
  times?: number;
}

export interface DropOptions {
  /** Close with this code (4000–4999 or 1000) instead of killing the socket (which the client sees as 1006). */
  code?: number;
  /** false: forget the session, so the client's RESUME gets INVALID_SESSION and it must IDENTIFY again. */
  resumable?: boolean;
}

export interface FakeDiscordOptions {
  appId?: string;
  /** Defaults to appId, as for real bots. */
  botUserId?: string;
  botUsername?: string;
  guildId?: string;
  guildName?: string;
  /** Text channels of the guild; the first is `channelId`. */
  channels?: { id: string; name: string }[];
  /** When set, REST calls and IDENTIFY/RESUME with another token are refused (401 / close 4004). */
  token?: string;
  heartbeatIntervalMs?: number;
  /** Defaults for `interaction()`. */
  commandName?: string;
  optionName?: string;
  /** The bot's permissions in the guild (its role) and the interactions' app_permissions. */
  botPermissions?: string;
}

export interface FakeDiscord {
  /** Pass as the client's `rest.api`; discord.js appends `/v10`. */
  restBase: string;
  gatewayUrl: string;
  appId: string;
  botUserId: string;
  guildId: string;
  channelId: string;
  /** Every REST request, in arrival order. */
  requests: RecordedRequest[];
  /** Requests that matched no route (answered 404 `{message:'404: Not Found', code:0}`). */
  unknownRoutes: RecordedRequest[];
  /** Accepted `POST /channels/:id/messages`. */
  messages: RecordedMessage[];
  /** Every `POST /channels/:id/messages`, including refused and rate-limited ones. */
  messageAttempts: MessageAttempt[];
  /** Message POSTs answered with an earlier message because their nonce was enforced and already used. */
  deduplicated: { nonce: string; channelId: string; at: number }[];
  /** Accepted `POST /interactions/:id/:token/callback`. */
  callbacks: RecordedCallback[];
  /** Accepted `PATCH /webhooks/:app/:token/messages/:id` (editReply is `@original`). */
  edits: RecordedEdit[];
  /** Every `PATCH /channels/:id/messages/:id` (edits of the bot's channel messages), refused ones included. */
  messageEdits: RecordedMessageEdit[];
  /** Deletes a posted message, as a moderator would: editing it then answers 10008 Unknown Message. */
  deleteMessage(messageId: string): void;
  /** Accepted `POST /webhooks/:app/:token` (followUp). */
  followUps: RecordedFollowUp[];
  /** `PUT /applications/:app/commands` and `PUT /applications/:app/guilds/:guild/commands`. */
  commandRegistrations: CommandRegistration[];
  /** Every gateway frame the client sent (op and d). */
  gatewayFrames: GatewayFrame[];
  /** Query strings of gateway connections (discord.js: `v=10&encoding=json`). */
  gatewayConnections: string[];
  readonly identifies: number;
  readonly resumes: number;
  /** Answer the next `count` message POSTs with 429 and this retry_after (seconds, may be fractional). */
  rateLimitNextMessages(count: number, retryAfterSeconds: number, options?: { global?: boolean }): void;
  /** Answer requests matching `method` and `path` (the part after /api/v10) with `respond`; returns the undo. */
  override(method: string, path: RegExp, respond: RouteOverride): () => void;
  /**
   * Breaks connections on demand: for each request, `drop-before` destroys the socket without
   * handling the request, `drop-after` handles it (a message is created) and destroys the socket
   * instead of answering, as a network failure on the way back would.
   */
  setConnectionFault(fault: ((request: RecordedRequest) => 'drop-before' | 'drop-after' | undefined) | null): void;
  /** Sends a dispatch event in the current session (queued for replay while the client is away). */
  dispatch(t: string, d: unknown): void;
  /** Builds and dispatches INTERACTION_CREATE for the slash command. */
  interaction(options?: InteractionOptions): { id: string; token: string };
  /** Closes the client's gateway socket abruptly (see DropOptions). */
  dropGateway(options?: DropOptions): void;
  /** Whether a client socket is identified or resumed right now. */
  readonly gatewayConnected: boolean;
  /** Polls `predicate` every 10 ms until it returns something truthy, which it resolves with. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

// Permission bits (https://discord.com/developers/docs/topics/permissions).
const VIEW_CHANNEL = 1n << 10n;
const SEND_MESSAGES = 1n << 11n;
const EMBED_LINKS = 1n << 14n;
const READ_MESSAGE_HISTORY = 1n << 16n;
const USE_APPLICATION_COMMANDS = 1n << 31n;
const DEFAULT_BOT_PERMISSIONS = (VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY).toString();
const DEFAULT_MEMBER_PERMISSIONS = (VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS).toString();

const MESSAGE_FLAG_EPHEMERAL = 64;
const MESSAGE_FLAG_LOADING = 128;
const JOINED_AT = '2024-01-01T00:00:00.000Z';

// Gateway opcodes and close codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
const OP = {
  dispatch: 0,
  heartbeat: 1,
  identify: 2,
  presenceUpdate: 3,
  voiceStateUpdate: 4,
  resume: 6,
  requestGuildMembers: 8,
  invalidSession: 9,
  hello: 10,
  heartbeatAck: 11,
} as const;
const CLOSE = { unknownOpcode: 4001, decodeError: 4002, notAuthenticated: 4003, authFailed: 4004, alreadyAuthenticated: 4005, invalidSeq: 4007 } as const;

// Snowflakes with real timestamps, so discord.js's createdAt of interactions and messages is "now".
const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;
function snowflake(): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | snowflakeIncrement).toString();
}

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FrameSchema = z.object({ op: z.number().int(), d: z.unknown().optional() });
const IdentifySchema = z.object({
  token: z.string(),
  intents: z.number().int().nonnegative(),
  properties: z.object({ os: z.string(), browser: z.string(), device: z.string() }),
  shard: z.tuple([z.number().int(), z.number().int()]).optional(),
});
const ResumeSchema = z.object({ token: z.string(), session_id: z.string(), seq: z.number().int().nullable() });
const RequestMembersSchema = z.object({ guild_id: z.string(), nonce: z.string().optional(), user_ids: z.union([z.string(), z.array(z.string())]).optional() });

// ---------------------------------------------------------------- payload limits

type ErrorTree = { [key: string]: ErrorTree | { code: string; message: string }[] };

/** Collects Discord's nested `errors` object of a 50035 Invalid Form Body answer. */
class FormErrors {
  readonly tree: ErrorTree = {};
  add(path: (string | number)[], code: string, message: string): void {
    let node = this.tree;
    for (const key of path.map(String)) {
      const next = node[key];
      if (next === undefined || Array.isArray(next)) {
        const created: ErrorTree = {};
        node[key] = created;
        node = created;
      } else {
        node = next;
      }
    }
    const list = node._errors;
    if (Array.isArray(list)) list.push({ code, message });
    else node._errors = [{ code, message }];
  }
  get empty(): boolean {
    return Object.keys(this.tree).length === 0;
  }
  response(): FakeResponse {
    return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: this.tree } };
  }
}

function maxLength(errors: FormErrors, path: (string | number)[], value: unknown, max: number, required = false): number {
  if (typeof value !== 'string') {
    if (required) errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return 0;
  }
  if (required && value.length === 0) errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  if (value.length > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  return value.length;
}

/** Discord's checks on a message body (channel message, reply, edit, follow-up). */
function checkMessage(body: JsonObject, options: { allowEmpty: boolean }): FakeResponse | null {
  const errors = new FormErrors();
  maxLength(errors, ['content'], body.content, 2000);
  let embedChars = 0;
  const embeds = body.embeds;
  if (embeds !== undefined && embeds !== null) {
    if (!Array.isArray(embeds)) errors.add(['embeds'], 'BASE_TYPE_ARRAY', 'Must be an array.');
    else {
      if (embeds.length > 10) errors.add(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
      embeds.forEach((embed: unknown, i) => {
        if (!isRecord(embed)) return errors.add(['embeds', i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
        embedChars += maxLength(errors, ['embeds', i, 'title'], embed.title, 256);
        embedChars += maxLength(errors, ['embeds', i, 'description'], embed.description, 4096);
        if (isRecord(embed.footer)) embedChars += maxLength(errors, ['embeds', i, 'footer', 'text'], embed.footer.text, 2048, true);
        if (isRecord(embed.author)) embedChars += maxLength(errors, ['embeds', i, 'author', 'name'], embed.author.name, 256, true);
        if (Array.isArray(embed.fields)) {
          if (embed.fields.length > 25) errors.add(['embeds', i, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
          embed.fields.forEach((field: unknown, j) => {
            if (!isRecord(field)) return;
            embedChars += maxLength(errors, ['embeds', i, 'fields', j, 'name'], field.name, 256, true);
            embedChars += maxLength(errors, ['embeds', i, 'fields', j, 'value'], field.value, 1024, true);
          });
        }
      });
      if (embedChars > 6000) errors.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
    }
  }
  if (!errors.empty) return errors.response();
  const hasContent = typeof body.content === 'string' && body.content.length > 0;
  const nonEmptyArray = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
  const hasOther = [body.embeds, body.components, body.attachments, body.sticker_ids].some(nonEmptyArray) || isRecord(body.poll);
  if (!options.allowEmpty && !hasContent && !hasOther) {
    return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
  }
  return null;
}

function checkChoices(data: unknown): FakeResponse | null {
  const errors = new FormErrors();
  const choices = isRecord(data) ? data.choices : undefined;
  if (!Array.isArray(choices)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return errors.response();
  }
  if (choices.length > 25) errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  choices.forEach((choice: unknown, i) => {
    if (!isRecord(choice)) return errors.add(['data', 'choices', i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    maxLength(errors, ['data', 'choices', i, 'name'], choice.name, 100, true);
    if (typeof choice.value === 'string') maxLength(errors, ['data', 'choices', i, 'value'], choice.value, 100);
    else if (typeof choice.value !== 'number') errors.add(['data', 'choices', i, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  });
  return errors.empty ? null : errors.response();
}

const COMMAND_NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

function checkCommands(body: unknown): FakeResponse | null {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return errors.response();
  }
  body.forEach((command: unknown, i) => {
    if (!isRecord(command)) return errors.add([i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    if (typeof command.name !== 'string' || !COMMAND_NAME.test(command.name)) errors.add([i, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    const chatInput = command.type === undefined || command.type === 1;
    if (chatInput) maxLength(errors, [i, 'description'], command.description, 100, true);
    const options = command.options;
    if (Array.isArray(options)) {
      if (options.length > 25) errors.add([i, 'options'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      options.forEach((option: unknown, j) => {
        if (!isRecord(option)) return;
        if (typeof option.name !== 'string' || !COMMAND_NAME.test(option.name)) errors.add([i, 'options', j, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
        maxLength(errors, [i, 'options', j, 'description'], option.description, 100, true);
      });
    }
  });
  return errors.empty ? null : errors.response();
}

const errorBody = (status: number, message: string, code: number): FakeResponse => ({ status, body: { message, code } });
const NOT_FOUND = errorBody(404, '404: Not Found', 0);
const UNKNOWN_CHANNEL = errorBody(404, 'Unknown Channel', 10003);
const UNKNOWN_MESSAGE = errorBody(404, 'Unknown Message', 10008);
const UNKNOWN_WEBHOOK = errorBody(404, 'Unknown Webhook', 10015);
const UNKNOWN_INTERACTION = errorBody(404, 'Unknown interaction', 10062);
const ALREADY_ACKNOWLEDGED = errorBody(400, 'Interaction has already been acknowledged.', 40060);
const UNAUTHORIZED = errorBody(401, '401: Unauthorized', 0);

// ---------------------------------------------------------------- request bodies

const MAX_BODY_BYTES = 10 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

type ParsedBody = { ok: true; body: unknown; files: RecordedFile[] } | { ok: false };

/** JSON, or multipart with `payload_json` (discord.js uploads files that way); raw text otherwise. */
async function parseBody(raw: Buffer, contentType: string): Promise<ParsedBody> {
  if (raw.length === 0) return { ok: true, body: null, files: [] };
  try {
    if (contentType.includes('application/json')) return { ok: true, body: JSON.parse(raw.toString('utf8')), files: [] };
    if (contentType.includes('multipart/form-data')) {
      // undici's Response parses multipart for us.
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      let body: unknown = null;
      const files: RecordedFile[] = [];
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value);
        } else {
          files.push({ field, filename: value.name, size: value.size });
        }
      }
      return { ok: true, body, files };
    }
  } catch {
    return { ok: false };
  }
  return { ok: true, body: raw.toString('utf8'), files: [] };
}

// ---------------------------------------------------------------- the fake

interface Session {
  id: string;
  seq: number;
  /** Everything dispatched in this session, for replay on RESUME. */
  log: { s: number; t: string; d: unknown }[];
  resumable: boolean;
}

interface KnownInteraction {
  id: string;
  token: string;
  channelId: string | null;
  type: number;
  /** The invoking user, for the interaction_metadata of response messages. */
  user: JsonObject | null;
  authorizingOwners: unknown;
  acknowledged: boolean;
  /** The @original message once a reply or deferral created it. */
  original: JsonObject | null;
}

interface PendingRateLimit {
  count: number;
  retryAfterSeconds: number;
  global: boolean;
}

type Handler = (request: RecordedRequest, match: RegExpExecArray) => FakeResponse;

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const appId = options.appId ?? '100000000000000001';
  const botUserId = options.botUserId ?? appId;
  const botUsername = options.botUsername ?? 'statements-bot';
  const guildId = options.guildId ?? '200000000000000001';
  const guildName = options.guildName ?? 'Fake Guild';
  const channelList = options.channels ?? [{ id: '300000000000000001', name: 'alerts' }];
  const firstChannel = channelList[0];
  if (firstChannel === undefined) throw new Error('startFakeDiscord: at least one channel is needed');
  const defaultChannelId = firstChannel.id;
  const heartbeatInterval = options.heartbeatIntervalMs ?? 41_250;
  const botPermissions = options.botPermissions ?? DEFAULT_BOT_PERMISSIONS;
  const commandName = options.commandName ?? 'statements';
  const optionName = options.optionName ?? 'text';
  const botRoleId = (BigInt(guildId) + 1n).toString();

  const botUser = { id: botUserId, username: botUsername, discriminator: '0', global_name: null, avatar: null, bot: true };
  const channels = new Map(
    channelList.map((c, position) => [
      c.id,
      { id: c.id, type: 0, name: c.name, guild_id: guildId, position, permission_overwrites: [], topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0, parent_id: null },
    ]),
  );
  const botMember = { user: botUser, nick: null, avatar: null, roles: [botRoleId], joined_at: JOINED_AT, premium_since: null, deaf: false, mute: false, flags: 0, pending: false };

  const requests: RecordedRequest[] = [];
  const unknownRoutes: RecordedRequest[] = [];
  const messages: RecordedMessage[] = [];
  const messageAttempts: MessageAttempt[] = [];
  const messagesByNonce = new Map<string, JsonObject>();
  const deduplicated: { nonce: string; channelId: string; at: number }[] = [];
  const callbacks: RecordedCallback[] = [];
  const edits: RecordedEdit[] = [];
  const messageEdits: RecordedMessageEdit[] = [];
  const messagesById = new Map<string, JsonObject>(); // posted channel messages, not deleted
  const followUps: RecordedFollowUp[] = [];
  const commandRegistrations: CommandRegistration[] = [];
  const gatewayFrames: GatewayFrame[] = [];
  const gatewayConnections: string[] = [];
  const interactions = new Map<string, KnownInteraction>(); // by token
  const commandsByScope = new Map<string, JsonObject[]>();
  const overrides: { method: string; path: RegExp; respond: RouteOverride }[] = [];
  let connectionFault: ((request: RecordedRequest) => 'drop-before' | 'drop-after' | undefined) | null = null;
  let pendingRateLimit: PendingRateLimit = { count: 0, retryAfterSeconds: 0, global: false };
  let identifies = 0;
  let resumes = 0;
  let session: Session | null = null;
  let live: WebSocket | null = null; // the socket that identified or resumed last

  const server = createServer((req, res) => void handleHttp(req, res));
  const httpSockets = new Set<Socket>();
  server.on('connection', (socket) => {
    httpSockets.add(socket);
    socket.on('close', () => httpSockets.delete(socket));
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    gatewayConnections.push(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.toString());
    wss.handleUpgrade(req, socket, head, (ws) => onGatewayConnection(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const restBase = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  // ------------------------------------------------------------ payload builders

  function message(channelId: string, body: JsonObject, extra: JsonObject = {}): JsonObject {
    return {
      id: snowflake(),
      channel_id: channelId,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      attachments: [],
      author: botUser,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      type: 0,
      flags: typeof body.flags === 'number' ? body.flags : 0,
      ...extra,
    };
  }

  function guildPayload(): JsonObject {
    return {
      id: guildId,
      name: guildName,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: '900000000000000001',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      preferred_locale: 'en-US',
      vanity_url_code: null,
      application_id: null,
      features: [],
      max_members: 500_000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      widget_enabled: false,
      incidents_data: null,
      emojis: [],
      stickers: [],
      roles: [
        { id: guildId, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, icon: null, unicode_emoji: null, flags: 0 },
        { id: botRoleId, name: botUsername, permissions: botPermissions, position: 1, color: 0, hoist: false, managed: true, mentionable: false, icon: null, unicode_emoji: null, flags: 0, tags: { bot_id: botUserId } },
      ],
      channels: [...channels.values()],
      threads: [],
      members: [botMember],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      member_count: 2,
      large: false,
      joined_at: JOINED_AT,
      unavailable: false,
    };
  }

  // ------------------------------------------------------------ REST routes

  const routes: { method: string; pattern: RegExp; auth: boolean; handle: Handler }[] = [
    { method: 'GET', pattern: /^\/gateway\/bot$/, auth: true, handle: () => ok({ url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }) },
    { method: 'GET', pattern: /^\/gateway$/, auth: false, handle: () => ok({ url: gatewayUrl }) },
    { method: 'GET', pattern: /^\/users\/@me$/, auth: true, handle: () => ok(botUser) },
    { method: 'GET', pattern: /^\/applications\/@me$/, auth: true, handle: () => ok({ id: appId, name: botUsername, icon: null, description: '', bot_public: false, bot_require_code_grant: false, flags: 0, bot: botUser }) },
    {
      method: 'GET',
      pattern: /^\/channels\/(\d+)$/,
      auth: true,
      handle: (_request, match) => {
        const channel = channels.get(match[1] ?? '');
        return channel === undefined ? UNKNOWN_CHANNEL : ok(channel);
      },
    },
    { method: 'POST', pattern: /^\/channels\/(\d+)\/messages$/, auth: true, handle: (request, match) => postMessage(request, match[1] ?? '') },
    { method: 'PATCH', pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/, auth: true, handle: (request, match) => editMessage(request, match[1] ?? '', match[2] ?? '') },
    { method: 'POST', pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, auth: false, handle: (request, match) => interactionCallback(request, match[1] ?? '', match[2] ?? '') },
    { method: 'PATCH', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, auth: false, handle: (request, match) => editWebhookMessage(request, match[1] ?? '', match[2] ?? '', match[3] ?? '') },
    { method: 'GET', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, auth: false, handle: (_request, match) => originalOf(match[1] ?? '', match[2] ?? '', (original) => ok(original)) },
    {
      method: 'DELETE',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
      auth: false,
      handle: (_request, match) =>
        originalOf(match[1] ?? '', match[2] ?? '', () => {
          const known = interactions.get(match[2] ?? '');
          if (known) known.original = null;
          return { status: 204 };
        }),
    },
    { method: 'POST', pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, auth: false, handle: (request, match) => followUp(request, match[1] ?? '', match[2] ?? '') },
    { method: 'PUT', pattern: /^\/applications\/(\d+)\/commands$/, auth: true, handle: (request, match) => putCommands(request, match[1] ?? '', 'global') },
    { method: 'PUT', pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, auth: true, handle: (request, match) => putCommands(request, match[1] ?? '', match[2] ?? '') },
    { method: 'GET', pattern: /^\/applications\/(\d+)\/commands$/, auth: true, handle: (_request, match) => (match[1] === appId ? ok(commandsByScope.get('global') ?? []) : NOT_FOUND) },
    { method: 'GET', pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, auth: true, handle: (_request, match) => (match[1] === appId ? ok(commandsByScope.get(match[2] ?? '') ?? []) : NOT_FOUND) },
  ];

  function ok(body: unknown): FakeResponse {
    return { status: 200, body };
  }

  function postMessage(request: RecordedRequest, channelId: string): FakeResponse {
    const attempt: MessageAttempt = { channelId, body: request.body, at: request.at, status: 0 };
    messageAttempts.push(attempt);
    const answer = ((): FakeResponse => {
      if (!channels.has(channelId)) return UNKNOWN_CHANNEL;
      if (pendingRateLimit.count > 0) {
        pendingRateLimit.count--;
        return rateLimited(pendingRateLimit);
      }
      if (!isRecord(request.body)) return errorBody(400, '400: Bad Request', 0);
      const refused = checkMessage(request.body, { allowEmpty: false });
      if (refused) return refused;
      // As Discord: with enforce_nonce, a nonce already used by this author in the last minutes
      // returns the message it created instead of creating another.
      const nonce = typeof request.body.nonce === 'string' || typeof request.body.nonce === 'number' ? String(request.body.nonce) : null;
      if (nonce !== null && request.body.enforce_nonce === true) {
        const earlier = messagesByNonce.get(nonce);
        if (earlier !== undefined) {
          deduplicated.push({ nonce, channelId, at: request.at });
          return ok(earlier);
        }
      }
      const attachments = request.files.map((file) => {
        const id = snowflake();
        const url = `http://127.0.0.1:${port}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
        return { id, filename: file.filename, size: file.size, url, proxy_url: url };
      });
      const created = message(channelId, request.body, { guild_id: guildId, attachments });
      messages.push({ id: String(created.id), channelId, body: request.body, at: request.at });
      messagesById.set(String(created.id), created);
      if (nonce !== null && request.body.enforce_nonce === true) messagesByNonce.set(nonce, created);
      return ok(created);
    })();
    attempt.status = answer.status;
    return answer;
  }

  /** As Discord: the bot's own message in that channel, its content, embeds and components replaced. */
  function editMessage(request: RecordedRequest, channelId: string, messageId: string): FakeResponse {
    const body = isRecord(request.body) ? request.body : {};
    const edit: RecordedMessageEdit = { channelId, messageId, body, at: request.at, status: 0 };
    messageEdits.push(edit);
    const answer = ((): FakeResponse => {
      if (!channels.has(channelId)) return UNKNOWN_CHANNEL;
      const existing = messagesById.get(messageId);
      if (existing === undefined || existing.channel_id !== channelId) return UNKNOWN_MESSAGE;
      if (!isRecord(request.body)) return errorBody(400, '400: Bad Request', 0);
      const refused = checkMessage(body, { allowEmpty: true });
      if (refused) return refused;
      // In place, so a resend deduplicated by its nonce returns the message as it is now.
      for (const key of ['content', 'embeds', 'components'] as const) if (key in body) existing[key] = body[key];
      existing.edited_timestamp = new Date().toISOString();
      return ok(existing);
    })();
    edit.status = answer.status;
    return answer;
  }

  /** Headers as Discord sends them with a 429; @discordjs/rest waits `retry-after` seconds and retries. */
  function rateLimited(limit: PendingRateLimit): FakeResponse {
    const seconds = limit.retryAfterSeconds;
    const headers: Record<string, string> = {
      'retry-after': String(seconds),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String((Date.now() / 1000 + seconds).toFixed(3)),
      'x-ratelimit-reset-after': seconds.toFixed(3),
      'x-ratelimit-bucket': 'fake-channel-messages',
      'x-ratelimit-scope': limit.global ? 'global' : 'user',
    };
    if (limit.global) headers['x-ratelimit-global'] = 'true';
    return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: seconds, global: limit.global } };
  }

  function interactionCallback(request: RecordedRequest, interactionId: string, token: string): FakeResponse {
    const known = interactions.get(token);
    if (known === undefined || known.id !== interactionId) return UNKNOWN_INTERACTION;
    if (known.acknowledged) return ALREADY_ACKNOWLEDGED;
    const body = request.body;
    if (!isRecord(body) || typeof body.type !== 'number') return new FormErrors().response();
    const data = isRecord(body.data) ? body.data : {};
    const flags = typeof data.flags === 'number' ? data.flags : 0;
    const channelId = known.channelId ?? defaultChannelId;
    // discord.js reads interaction_metadata.user when it builds the response message.
    const metadata = known.user === null ? {} : { interaction_metadata: { id: known.id, type: known.type, user: known.user, authorizing_integration_owners: known.authorizingOwners } };
    const webhookExtra = { webhook_id: appId, application_id: appId, ...metadata };
    switch (body.type) {
      case 4: {
        const refused = checkMessage(data, { allowEmpty: false });
        if (refused) return refused;
        known.original = message(channelId, data, webhookExtra);
        break;
      }
      case 5:
        known.original = message(channelId, {}, { ...webhookExtra, flags: (flags & MESSAGE_FLAG_EPHEMERAL) | MESSAGE_FLAG_LOADING });
        break;
      case 8: {
        const refused = checkChoices(data);
        if (refused) return refused;
        break;
      }
      case 1:
      case 6:
      case 7:
      case 9:
        break;
      default:
        return errorBody(400, 'Invalid interaction response type', 50035);
    }
    known.acknowledged = true;
    const withResponse = request.query.with_response === 'true';
    callbacks.push({ interactionId, token, body, withResponse, at: request.at });
    if (!withResponse) return { status: 204 };
    // InteractionCallbackResponse: discord.js builds `.interaction` and `.resource.message` from this.
    const original = known.original;
    return ok({
      interaction: {
        id: known.id,
        type: known.type,
        response_message_id: original ? original.id : null,
        response_message_loading: original ? body.type === 5 : null,
        response_message_ephemeral: original ? (flags & MESSAGE_FLAG_EPHEMERAL) !== 0 : null,
      },
      resource: original ? { type: body.type, message: original } : { type: body.type },
    });
  }

  /** Runs `then` with the @original message of an interaction token, or answers Discord's 404s. */
  function originalOf(app: string, token: string, then: (original: JsonObject, known: KnownInteraction) => FakeResponse): FakeResponse {
    const known = interactions.get(token);
    if (app !== appId || known === undefined) return UNKNOWN_WEBHOOK;
    if (known.original === null) return UNKNOWN_MESSAGE;
    return then(known.original, known);
  }

  function editWebhookMessage(request: RecordedRequest, app: string, token: string, messageId: string): FakeResponse {
    const body = request.body;
    if (!isRecord(body)) return errorBody(400, '400: Bad Request', 0);
    const refused = checkMessage(body, { allowEmpty: true });
    if (refused) return refused;
    const record = (): void => void edits.push({ token, messageId, body, at: request.at });
    if (messageId !== '@original') {
      // Follow-up messages are not tracked individually; accept edits of any id for a known token.
      if (app !== appId || !interactions.has(token)) return UNKNOWN_WEBHOOK;
      record();
      return ok(message(interactions.get(token)?.channelId ?? defaultChannelId, body, { id: messageId, edited_timestamp: new Date().toISOString() }));
    }
    return originalOf(app, token, (original, known) => {
      record();
      const updated: JsonObject = { ...original, edited_timestamp: new Date().toISOString() };
      for (const key of ['content', 'embeds', 'components', 'attachments'] as const) if (key in body) updated[key] = body[key];
      const flags = typeof original.flags === 'number' ? original.flags : 0;
      updated.flags = flags & ~MESSAGE_FLAG_LOADING; // the first edit after a deferral ends "thinking…"
      known.original = updated;
      return ok(updated);
    });
  }

  function followUp(request: RecordedRequest, app: string, token: string): FakeResponse {
    const known = interactions.get(token);
    if (app !== appId || known === undefined || !known.acknowledged) return UNKNOWN_WEBHOOK;
    const body = request.body;
    if (!isRecord(body)) return errorBody(400, '400: Bad Request', 0);
    const refused = checkMessage(body, { allowEmpty: false });
    if (refused) return refused;
    followUps.push({ token, body, at: request.at });
    const created = message(known.channelId ?? defaultChannelId, body, { webhook_id: appId, application_id: appId });
    return request.query.wait === 'true' ? ok(created) : { status: 204 };
  }

  function putCommands(request: RecordedRequest, app: string, scope: string): FakeResponse {
    if (app !== appId) return NOT_FOUND;
    if (scope !== 'global' && scope !== guildId) return errorBody(404, 'Unknown Guild', 10004);
    const refused = checkCommands(request.body);
    if (refused) return refused;
    const body = Array.isArray(request.body) ? request.body : [];
    commandRegistrations.push({ scope, body, at: request.at });
    const registered = body.filter(isRecord).map((command) => ({
      id: snowflake(),
      application_id: appId,
      ...(scope === 'global' ? {} : { guild_id: scope }),
      name: command.name,
      name_localizations: command.name_localizations ?? null,
      description: command.description ?? '',
      description_localizations: command.description_localizations ?? null,
      type: command.type ?? 1,
      options: command.options ?? [],
      default_member_permissions: command.default_member_permissions ?? null,
      contexts: command.contexts ?? null,
      integration_types: command.integration_types ?? [0],
      nsfw: command.nsfw ?? false,
      version: snowflake(),
    }));
    commandsByScope.set(scope, registered);
    return ok(registered);
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    // discord.js encodes path segments (`@original` arrives as `%40original`).
    let pathname = url.pathname;
    try {
      pathname = decodeURIComponent(pathname);
    } catch {
      // keep the raw path; it will match no route
    }
    const prefixed = pathname.startsWith('/api/v10/');
    const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;
    const request: RecordedRequest = {
      method,
      path: prefixed ? pathname.slice('/api/v10'.length) : pathname,
      query: Object.fromEntries(url.searchParams),
      body: null,
      files: [],
      auth,
      at: Date.now(),
      status: 0,
    };
    requests.push(request);
    let fault: 'drop-before' | 'drop-after' | undefined;
    const send = (answer: FakeResponse): void => {
      if (fault === 'drop-after') {
        request.status = -1;
        req.socket.destroy();
        return;
      }
      request.status = answer.status;
      const headers: Record<string, string> = { ...answer.headers };
      if (answer.body === undefined || answer.status === 204) {
        res.writeHead(answer.status, headers).end();
        return;
      }
      headers['content-type'] = 'application/json';
      res.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
    };
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch {
      send(errorBody(413, 'Request entity too large', 40005));
      return;
    }
    const parsed = await parseBody(raw, req.headers['content-type'] ?? '');
    if (!parsed.ok) {
      send(errorBody(400, 'The request body contains invalid JSON.', 50109));
      return;
    }
    request.body = parsed.body;
    request.files = parsed.files;
    fault = connectionFault?.(request);
    if (fault === 'drop-before') {
      request.status = -1;
      req.socket.destroy();
      return;
    }

    for (const override of overrides) {
      if (override.method !== method || !override.path.test(request.path)) continue;
      const answer = override.respond(request);
      if (answer !== undefined) {
        send(answer);
        return;
      }
    }
    if (prefixed) {
      for (const route of routes) {
        const match = route.method === method ? route.pattern.exec(request.path) : null;
        if (match === null) continue;
        const authorized = auth !== null && auth.startsWith('Bot ') && (options.token === undefined || auth === `Bot ${options.token}`);
        send(route.auth && !authorized ? UNAUTHORIZED : route.handle(request, match));
        return;
      }
    }
    unknownRoutes.push(request);
    send(NOT_FOUND);
  }

  // ------------------------------------------------------------ gateway

  function sendFrame(ws: WebSocket, frame: JsonObject): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
  }

  function dispatch(t: string, d: unknown): void {
    if (session === null) throw new Error(`dispatch(${t}): no gateway session; wait until the client is ready`);
    const entry = { s: ++session.seq, t, d };
    session.log.push(entry);
    if (session.log.length > 1000) session.log.shift();
    if (t === 'INTERACTION_CREATE') rememberInteraction(d);
    if (live !== null) sendFrame(live, { op: OP.dispatch, ...entry });
  }

  /** Interactions dispatched by tests (also raw ones) can be answered through REST. */
  function rememberInteraction(d: unknown): void {
    if (!isRecord(d) || typeof d.id !== 'string' || typeof d.token !== 'string') return;
    const channel = isRecord(d.channel) && typeof d.channel.id === 'string' ? d.channel.id : typeof d.channel_id === 'string' ? d.channel_id : null;
    const user = isRecord(d.member) && isRecord(d.member.user) ? d.member.user : isRecord(d.user) ? d.user : null;
    interactions.set(d.token, {
      id: d.id,
      token: d.token,
      channelId: channel,
      type: typeof d.type === 'number' ? d.type : 2,
      user,
      authorizingOwners: d.authorizing_integration_owners ?? {},
      acknowledged: false,
      original: null,
    });
  }

  function onGatewayConnection(ws: WebSocket): void {
    let authenticated = false;
    sendFrame(ws, { op: OP.hello, d: { heartbeat_interval: heartbeatInterval, _trace: ['fake-discord'] } });
    ws.on('close', () => {
      if (live === ws) live = null;
    });
    ws.on('error', () => undefined); // the client going away mid-frame is not a test failure
    ws.on('message', (data: RawData, isBinary: boolean) => {
      let frame: z.infer<typeof FrameSchema>;
      try {
        const text = isBinary ? null : Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
        if (text === null) throw new Error('binary frame');
        frame = FrameSchema.parse(JSON.parse(text));
      } catch {
        ws.close(CLOSE.decodeError, 'Decode error');
        return;
      }
      gatewayFrames.push({ op: frame.op, d: frame.d ?? null, at: Date.now() });
      if (frame.op === OP.heartbeat) return sendFrame(ws, { op: OP.heartbeatAck });
      if (frame.op === OP.identify) {
        if (authenticated) return ws.close(CLOSE.alreadyAuthenticated, 'Already authenticated');
        const identify = IdentifySchema.safeParse(frame.d);
        if (!identify.success) return ws.close(CLOSE.decodeError, 'Decode error');
        if (options.token !== undefined && identify.data.token !== options.token) return ws.close(CLOSE.authFailed, 'Authentication failed');
        identifies++;
        authenticated = true;
        live = ws;
        session = { id: randomBytes(16).toString('hex'), seq: 0, log: [], resumable: true };
        dispatch('READY', {
          v: 10,
          user: botUser,
          guilds: [{ id: guildId, unavailable: true }],
          session_id: session.id,
          resume_gateway_url: gatewayUrl,
          application: { id: appId, flags: 0 },
          shard: identify.data.shard ?? [0, 1],
          private_channels: [],
          presences: [],
          relationships: [],
          user_settings: {},
          _trace: ['fake-discord'],
        });
        // Without GUILD_CREATE for every guild in READY, discord.js waits 15 s before clientReady.
        dispatch('GUILD_CREATE', guildPayload());
        return;
      }
      if (frame.op === OP.resume) {
        if (authenticated) return ws.close(CLOSE.alreadyAuthenticated, 'Already authenticated');
        const resume = ResumeSchema.safeParse(frame.d);
        if (!resume.success) return ws.close(CLOSE.decodeError, 'Decode error');
        if (options.token !== undefined && resume.data.token !== options.token) return ws.close(CLOSE.authFailed, 'Authentication failed');
        resumes++;
        const current = session;
        if (current === null || !current.resumable || current.id !== resume.data.session_id) {
          return sendFrame(ws, { op: OP.invalidSession, d: false });
        }
        const seq = resume.data.seq ?? 0;
        if (seq > current.seq) return ws.close(CLOSE.invalidSeq, 'Invalid seq');
        authenticated = true;
        if (live !== null && live !== ws) live.terminate(); // one connection per session, as on Discord
        live = ws;
        for (const entry of current.log) if (entry.s > seq) sendFrame(ws, { op: OP.dispatch, ...entry });
        dispatch('RESUMED', { _trace: ['fake-discord'] });
        return;
      }
      if (!authenticated) return ws.close(CLOSE.notAuthenticated, 'Not authenticated');
      if (frame.op === OP.requestGuildMembers) {
        const request = RequestMembersSchema.safeParse(frame.d);
        if (!request.success) return ws.close(CLOSE.decodeError, 'Decode error');
        // discord.js's members.fetch() waits for this chunk; only the bot is a known member.
        dispatch('GUILD_MEMBERS_CHUNK', { guild_id: request.data.guild_id, members: request.data.guild_id === guildId ? [botMember] : [], chunk_index: 0, chunk_count: 1, not_found: [], ...(request.data.nonce === undefined ? {} : { nonce: request.data.nonce }) });
        return;
      }
      if (frame.op === OP.presenceUpdate || frame.op === OP.voiceStateUpdate) return;
      ws.close(CLOSE.unknownOpcode, 'Unknown opcode');
    });
  }

  function interaction(opts: InteractionOptions = {}): { id: string; token: string } {
    const id = snowflake();
    const token = `fake-token-${id}-${randomBytes(8).toString('hex')}`;
    const type = opts.type ?? 2;
    const channel = channels.get(opts.channelId ?? defaultChannelId);
    const userId = opts.userId ?? '400000000000000001';
    const user = { id: userId, username: opts.username ?? `user${userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
    const stringOption = { name: optionName, type: 3, value: opts.text ?? '', ...(type === 4 ? { focused: true } : {}) };
    const payload = {
      id,
      application_id: appId,
      type,
      token,
      version: 1,
      guild_id: guildId,
      channel_id: channel?.id ?? opts.channelId,
      channel: channel ?? { id: opts.channelId, type: 0, guild_id: guildId, name: 'unknown', permission_overwrites: [], position: 0 },
      member: { user, nick: null, avatar: null, roles: [], joined_at: JOINED_AT, premium_since: null, deaf: false, mute: false, flags: 0, pending: false, permissions: opts.permissions ?? DEFAULT_MEMBER_PERMISSIONS },
      app_permissions: botPermissions,
      locale: opts.locale ?? 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guildId },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
      data: { id: '500000000000000001', name: opts.commandName ?? commandName, type: 1, guild_id: guildId, options: opts.options ?? [stringOption] },
    };
    for (let i = 0; i < (opts.times ?? 1); i++) dispatch('INTERACTION_CREATE', payload);
    return { id, token };
  }

  return {
    restBase,
    gatewayUrl,
    appId,
    botUserId,
    guildId,
    channelId: defaultChannelId,
    requests,
    unknownRoutes,
    messages,
    messageAttempts,
    deduplicated,
    callbacks,
    edits,
    messageEdits,
    deleteMessage(messageId) {
      messagesById.delete(messageId);
    },
    followUps,
    commandRegistrations,
    gatewayFrames,
    gatewayConnections,
    get identifies() {
      return identifies;
    },
    get resumes() {
      return resumes;
    },
    get gatewayConnected() {
      return live !== null && live.readyState === WebSocket.OPEN;
    },
    rateLimitNextMessages(count, retryAfterSeconds, limitOptions = {}) {
      pendingRateLimit = { count, retryAfterSeconds, global: limitOptions.global ?? false };
    },
    setConnectionFault(fault) {
      connectionFault = fault;
    },
    override(method, path, respond) {
      const entry = { method: method.toUpperCase(), path, respond };
      overrides.push(entry);
      return () => {
        const index = overrides.indexOf(entry);
        if (index >= 0) overrides.splice(index, 1);
      };
    },
    dispatch,
    interaction,
    dropGateway(dropOptions = {}) {
      if (session !== null && dropOptions.resumable === false) session.resumable = false;
      const socket = live;
      live = null;
      if (socket === null) return;
      if (dropOptions.code === undefined) socket.terminate();
      else socket.close(dropOptions.code, 'fake-discord drop');
    },
    async waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = predicate();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`fake-discord waitFor: condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const socket of httpSockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
