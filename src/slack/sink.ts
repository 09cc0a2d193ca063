/**
 * Alerts to Slack channels through chat.postMessage (edited with chat.update when their story
 * gains outlets): Block Kit, paced to about one message a second per channel (Slack's limit), and
 * every failure classified for the outbox: a rate limit waits for Retry-After without spending an
 * attempt, a refusal that retrying cannot fix (channel gone, bot not invited, message deleted)
 * gives up with what to do, anything else (a revoked token included, so that fixing it delivers
 * what waited) is retried with backoff.
 */
import { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { slackAlert, slackDigest, type SlackMessage } from '../alerts/slack.js';
import { DeliveryError, type SendReceipt, type Sink } from '../deliveries/index.js';
import type { SlackChannel } from './channel.js';
import { parseSlackChannel } from './channel.js';

/** Slack's chat.postMessage allows about one message per second per channel. */
export const SLACK_PACE_MS = 1_000;

/** Refusals of this channel or this message that retrying cannot fix, with what to do. */
const PERMANENT: Readonly<Record<string, string>> = {
  channel_not_found: 'the channel does not exist or the app cannot see it; invite the app (/invite @statements) or unsubscribe the channel',
  not_in_channel: 'the app is not in this channel; invite it with /invite @statements',
  is_archived: 'the channel is archived; unarchive it or unsubscribe it',
  channel_is_archived: 'the channel is archived; unarchive it or unsubscribe it',
  restricted_action: 'the workspace does not let the app post in this channel',
  msg_too_long: 'the message is too long for Slack (a rendering bug: please report it)',
  message_not_found: 'the message was deleted; it is not edited again',
  cant_update_message: 'Slack does not let the app edit this message',
  edit_window_closed: 'the workspace no longer allows editing this message',
  invalid_blocks: 'Slack refused the blocks (a rendering bug: please report it)',
};

/**
 * Refusals of the whole app: every alert would fail the same way until the operator acts, so
 * they are retried with backoff (not given up) to be delivered once the token is fixed.
 */
const OPERATOR: Readonly<Record<string, string>> = {
  invalid_auth: 'Slack rejects SLACK_BOT_TOKEN; set a valid bot token (xoxb-…)',
  not_authed: 'no token reached Slack; set SLACK_BOT_TOKEN',
  token_revoked: 'the bot token was revoked; reinstall the app and set the new SLACK_BOT_TOKEN',
  account_inactive: 'the bot token belongs to a deactivated app or user; reinstall the app',
  missing_scope: 'the app lacks the chat:write scope; add it from slack/manifest.yml and reinstall',
};

const RateLimited = z.object({ code: z.literal('slack_webapi_rate_limited_error'), retryAfter: z.number() });
const Platform = z.object({ code: z.literal('slack_webapi_platform_error'), data: z.object({ error: z.string() }) });
const Http = z.object({ code: z.literal('slack_webapi_http_error'), statusCode: z.number() });
// What chat.postMessage answers: the message's ts is its id, for later edits.
const Posted = z.object({ ts: z.string().min(1) });

export interface SlackSinkOptions {
  /** Gap between two messages to one channel (default SLACK_PACE_MS). */
  paceMs?: number;
}

/** A Web API client that leaves retries to the outbox: its own would hold up every channel. */
export function slackClient(token: string, apiUrl: string | null): WebClient {
  return new WebClient(token, {
    ...(apiUrl === null ? {} : { slackApiUrl: apiUrl }),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });
}

export function slackSink(client: WebClient, options: SlackSinkOptions = {}): Sink {
  const paceMs = options.paceMs ?? SLACK_PACE_MS;
  const lastSent = new Map<string, number>();
  async function post(channel: string, message: SlackMessage): Promise<SendReceipt> {
    const target = channelOf(channel);
    const wait = (lastSent.get(channel) ?? 0) + paceMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      // link_names stays unset and unfurls off: the alert carries its own link button.
      const answer = await client.chat.postMessage({ channel: target.channelId, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
      const posted = Posted.safeParse(answer);
      return { messageRef: posted.success ? posted.data.ts : null };
    } catch (err) {
      throw deliveryError(err, 'chat.postMessage');
    } finally {
      lastSent.set(channel, Date.now());
    }
  }
  return {
    platform: 'slack',
    send: (channel, alert) => post(channel, slackAlert(alert)),
    sendDigest: async (channel, digest) => void (await post(channel, slackDigest(digest))),
    // Not paced: the one-a-second limit is chat.postMessage's; chat.update has its own, answered by 429s.
    async edit(channel, ts, alert) {
      const message = slackAlert(alert);
      try {
        await client.chat.update({ channel: channelOf(channel).channelId, ts, text: message.text, blocks: message.blocks });
      } catch (err) {
        throw deliveryError(err, 'chat.update');
      }
    },
  };
}

function channelOf(channel: string): SlackChannel {
  try {
    return parseSlackChannel(channel);
  } catch (err) {
    throw new DeliveryError(err instanceof Error ? err.message : String(err), { permanent: true });
  }
}

function deliveryError(err: unknown, method: string): DeliveryError {
  const limited = RateLimited.safeParse(err);
  if (limited.success) {
    const seconds = Math.max(1, limited.data.retryAfter);
    return new DeliveryError(`Slack rate limit: retry after ${seconds} s`, { retryAfterMs: seconds * 1000, rateLimited: true });
  }
  const platform = Platform.safeParse(err);
  if (platform.success) {
    const code = platform.data.data.error;
    const advice = PERMANENT[code] ?? OPERATOR[code];
    return new DeliveryError(`Slack refused ${method}: ${code}${advice === undefined ? '' : ` (${advice})`}`, { permanent: PERMANENT[code] !== undefined });
  }
  const http = Http.safeParse(err);
  if (http.success) return new DeliveryError(`Slack answered HTTP ${http.data.statusCode} to ${method}`);
  return new DeliveryError(`could not reach Slack: ${err instanceof Error ? err.message : String(err)}`);
}
