/**
 * A fake Slack on 127.0.0.1 for the real Bolt app and Web API client: it answers auth.test,
 * chat.postMessage and chat.update like Slack (form-encoded bodies, JSON answers, 429 with Retry-After on demand),
 * records every call, and serves response_url endpoints. Plus a signer that posts slash commands
 * to the app the way Slack does (v0 HMAC-SHA256 over "v0:ts:body").
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { SLACK_APP_TOKEN as FAKE_APP_TOKEN, SLACK_BOT_TOKEN as FAKE_BOT_TOKEN } from './secrets.js';

export const FAKE_TEAM = 'T0TEST';
export { SLACK_APP_TOKEN as FAKE_APP_TOKEN, SLACK_BOT_TOKEN as FAKE_BOT_TOKEN } from './secrets.js';
export const FAKE_BOT_USER = 'U0BOT';
/** A channel that no longer exists: chat.postMessage answers channel_not_found. */
export const GONE_CHANNEL = 'C0GONE';

export interface SlackCall {
  method: string;
  /** Form fields; JSON-valued fields (blocks) decoded. */
  body: Record<string, unknown>;
  authorization: string | null;
  at: number;
  status: number;
  /** The ts an accepted chat.postMessage got: the message's id for chat.update. */
  ts?: string;
}

export interface FakeSlack {
  /** SLACK_API_URL for the app: http://127.0.0.1:PORT/api/ */
  apiUrl: string;
  /** A response_url the fake serves; answers are recorded in `responses`. */
  responseUrl(id: string): string;
  calls: SlackCall[];
  /** Accepted chat.postMessage calls. */
  posts: SlackCall[];
  /** Accepted chat.update calls (an edit of a message that is not there answers message_not_found). */
  updates: SlackCall[];
  /** Deletes a posted message (by its ts), as a member would: updating it then answers message_not_found. */
  deleteMessage(ts: string): void;
  responses: { id: string; body: Record<string, unknown>; at: number }[];
  /** The next `count` chat.postMessage calls get 429 with this Retry-After (seconds). */
  rateLimitNextPosts(count: number, retryAfterSeconds: number): void;
  /** A slow Slack: chat.postMessage is answered (and counted in `posts`) `ms` after it arrives in `calls`. */
  delayPosts(ms: number): void;
  /** Socket Mode: frames the app sent on its socket (acknowledgements), parsed. */
  socketFrames: Record<string, unknown>[];
  /** Socket Mode: sends an envelope to the connected app (waits for its connection). */
  sendEnvelope(envelope: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

const JsonObject = z.record(z.string(), z.unknown());

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json') === true) return JsonObject.parse(JSON.parse(raw === '' ? '{}' : raw));
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends arrays and objects (blocks) as JSON strings inside the form.
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const posts: SlackCall[] = [];
  const updates: SlackCall[] = [];
  const live = new Set<string>(); // "channel ts" of posted messages not deleted
  let sequence = 0; // ts stay unique when a test empties `posts`
  const responses: FakeSlack['responses'] = [];
  const limits: number[] = [];
  let postDelayMs = 0;

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
    return status;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = parseBody(raw, req.headers['content-type']);
      if (url.pathname.startsWith('/respond/')) {
        responses.push({ id: url.pathname.slice('/respond/'.length), body, at: Date.now() });
        answer(res, 200, { ok: true });
        return;
      }
      const method = url.pathname.replace(/^\/api\//, '');
      const call: SlackCall = { method, body, authorization: req.headers.authorization ?? null, at: Date.now(), status: 200 };
      calls.push(call);
      if (method === 'apps.connections.open') {
        // Socket Mode: only the app-level token opens a connection.
        call.status = answer(res, 200, call.authorization === `Bearer ${FAKE_APP_TOKEN}` ? { ok: true, url: `ws://127.0.0.1:${port}/socket` } : { ok: false, error: 'invalid_auth' });
        return;
      }
      if (call.authorization !== `Bearer ${FAKE_BOT_TOKEN}`) {
        call.status = answer(res, 200, { ok: false, error: 'invalid_auth' });
        return;
      }
      switch (method) {
        case 'auth.test':
          call.status = answer(res, 200, { ok: true, url: 'https://test.slack.com/', team: 'Test', user: 'statements', team_id: FAKE_TEAM, user_id: FAKE_BOT_USER, bot_id: 'B0BOT', is_enterprise_install: false });
          return;
        case 'chat.postMessage': {
          if (postDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, postDelayMs));
          if (body.channel === GONE_CHANNEL) {
            call.status = answer(res, 200, { ok: false, error: 'channel_not_found' });
            return;
          }
          const retryAfter = limits.shift();
          if (retryAfter !== undefined) {
            call.status = answer(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
            return;
          }
          posts.push(call);
          const ts = `${Math.floor(Date.now() / 1000)}.${String(++sequence).padStart(6, '0')}`;
          call.ts = ts;
          live.add(`${String(body.channel)} ${ts}`);
          call.status = answer(res, 200, { ok: true, channel: body.channel, ts, message: { text: body.text } });
          return;
        }
        case 'chat.update': {
          // As Slack: the message is found by channel id and ts together.
          if (!live.has(`${String(body.channel)} ${String(body.ts)}`)) {
            call.status = answer(res, 200, { ok: false, error: 'message_not_found' });
            return;
          }
          updates.push(call);
          call.status = answer(res, 200, { ok: true, channel: body.channel, ts: body.ts, text: body.text, message: { text: body.text } });
          return;
        }
        default:
          call.status = answer(res, 200, { ok: false, error: 'unknown_method' });
      }
    })().catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  // Socket Mode: the app connects here, is greeted with "hello", and acknowledges each envelope.
  const socketFrames: Record<string, unknown>[] = [];
  let socket: WebSocket | null = null;
  const sockets = new WebSocketServer({ server, path: '/socket' });
  sockets.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => socketFrames.push(JsonObject.parse(JSON.parse(String(data)))));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0TEST' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    calls,
    posts,
    updates,
    deleteMessage(ts) {
      for (const key of live) if (key.endsWith(` ${ts}`)) live.delete(key);
    },
    responses,
    rateLimitNextPosts(count, retryAfterSeconds) {
      for (let i = 0; i < count; i++) limits.push(retryAfterSeconds);
    },
    delayPosts(ms) {
      postDelayMs = ms;
    },
    socketFrames,
    async sendEnvelope(envelope) {
      const deadline = Date.now() + 5_000;
      while (socket === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      if (socket === null) throw new Error('no Socket Mode connection within 5 s');
      socket.send(JSON.stringify(envelope));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface SlashOptions {
  secret: string;
  /** Seconds since the epoch the request claims; now by default. */
  timestamp?: number;
  /** Replaces the computed signature (a forged request). */
  signature?: string;
}

/** POSTs a slash command to the app as Slack would; returns the HTTP status and body. */
export async function postSlash(eventsUrl: string, fields: Record<string, string>, options: SlashOptions): Promise<{ status: number; body: string; ms: number }> {
  const body = new URLSearchParams({ command: '/statements', token: 'legacy-verification-token', team_domain: 'test', user_name: 'analyst', channel_name: 'news', api_app_id: 'A0TEST', trigger_id: '1.2.3', ...fields }).toString();
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = options.signature ?? `v0=${createHmac('sha256', options.secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const started = performance.now();
  const res = await fetch(eventsUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - started };
}
