/**
 * Alerts to Discord channels, edited in place when their story gains outlets: one embed per
 * message, mentions off (`allowed_mentions.parse` empty, on every message and edit), each with an
 * enforced nonce so that no resend is ever posted twice. Rate limits are left to discord.js's REST
 * queue, which waits out each 429's retry_after and retries; a refusal of the channel (unknown, no
 * access, missing permission) or of an edit (message deleted) gives up with what to do; anything
 * else is retried by the outbox with backoff.
 */
import { REST, Routes, type APIEmbed, type RESTOptions } from 'discord.js';
import { z } from 'zod';
import { discordAlert, discordDigest } from '../alerts/discord.js';
import { DeliveryError, type SendReceipt, type Sink } from '../deliveries/index.js';
import { parseDiscordChannel } from './channel.js';

/** Refusals of this channel or message that retrying cannot fix (Discord JSON error codes). */
const PERMANENT: Readonly<Record<number, string>> = {
  10003: 'the channel no longer exists; unsubscribe it',
  10004: 'the bot is no longer in this server; invite it again or unsubscribe the channel',
  50001: 'the bot cannot see this channel; give it View Channel there',
  50013: 'the bot lacks a permission in this channel; give it Send Messages and Embed Links (invite permissions 19456)',
  50006: 'Discord refused an empty message (a rendering bug: please report it)',
  50035: 'Discord refused the message as malformed (a rendering bug: please report it)',
  10008: 'the message was deleted; it is not edited again',
  50005: 'the message is not the bot’s own, so it cannot edit it',
};

const ApiError = z.object({ status: z.number(), code: z.union([z.number(), z.string()]), message: z.string() });
const HttpError = z.object({ status: z.number() });
// The message Discord created (or, for a resend with an enforced nonce, the one it had): its id is for edits.
const Created = z.object({ id: z.string().min(1) });

/** A REST client for the sink; `api` is the base without the version (discord.js appends /v10). */
export function discordRest(token: string, api: string | null, options: Partial<RESTOptions> = {}): REST {
  return new REST({ ...options, version: '10', ...(api === null ? {} : { api }) }).setToken(token);
}

export function discordSink(rest: REST): Sink {
  async function post(channel: string, embed: APIEmbed, nonce: string): Promise<SendReceipt> {
    const channelId = channelIdOf(channel);
    try {
      // The nonce, enforced, makes a resend of a message Discord already has return that message
      // instead of posting it again (after a crash mid-send, or an answer lost on the way back).
      const created = Created.safeParse(await rest.post(Routes.channelMessages(channelId), { body: { embeds: [embed], allowed_mentions: { parse: [] }, nonce, enforce_nonce: true } }));
      return { messageRef: created.success ? created.data.id : null };
    } catch (err) {
      throw deliveryError(err);
    }
  }
  return {
    platform: 'discord',
    send: (channel, alert, context) => post(channel, discordAlert(alert), context.idempotencyKey),
    sendDigest: async (channel, digest, context) => void (await post(channel, discordDigest(digest), context.idempotencyKey)),
    async edit(channel, messageId, alert) {
      const channelId = channelIdOf(channel);
      try {
        // allowed_mentions applies to each body sent, edits included: mentions stay off.
        await rest.patch(Routes.channelMessage(channelId, messageId), { body: { embeds: [discordAlert(alert)], allowed_mentions: { parse: [] } } });
      } catch (err) {
        throw deliveryError(err);
      }
    },
  };
}

function channelIdOf(channel: string): string {
  try {
    return parseDiscordChannel(channel).channelId;
  } catch (err) {
    throw new DeliveryError(err instanceof Error ? err.message : String(err), { permanent: true });
  }
}

function deliveryError(err: unknown): DeliveryError {
  const api = ApiError.safeParse(err);
  if (api.success) {
    const advice = typeof api.data.code === 'number' ? PERMANENT[api.data.code] : undefined;
    const operator = api.data.status === 401 ? ' (Discord rejects DISCORD_TOKEN; set a valid bot token)' : '';
    return new DeliveryError(`Discord refused the message: ${api.data.code} ${api.data.message}${advice === undefined ? operator : ` (${advice})`}`, { permanent: advice !== undefined });
  }
  const http = HttpError.safeParse(err);
  if (http.success) return new DeliveryError(`Discord answered HTTP ${http.data.status}`);
  return new DeliveryError(`could not reach Discord: ${err instanceof Error ? err.message : String(err)}`);
}
