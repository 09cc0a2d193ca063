/**
 * How Discord channels are named in subscriptions and the outbox: `discord:<guild>:<channel>`.
 * `discord:<channel>` (typed by hand with `statements chat --channel`) is read as well.
 */
import { StatementsError } from '../errors.js';

export interface DiscordChannel {
  guildId: string | null;
  channelId: string;
}

const SNOWFLAKE = /^\d{1,25}$/;

export function discordChannel(guildId: string | null, channelId: string): string {
  return guildId === null ? `discord:${channelId}` : `discord:${guildId}:${channelId}`;
}

export function parseDiscordChannel(channel: string): DiscordChannel {
  const [platform, ...ids] = channel.split(':');
  const channelId = ids.at(-1);
  const guildId = ids.length === 2 ? (ids[0] ?? null) : null;
  if (platform !== 'discord' || channelId === undefined || ids.length > 2 || !SNOWFLAKE.test(channelId) || (guildId !== null && !SNOWFLAKE.test(guildId))) {
    throw new StatementsError('deliveries', 'DISCORD_CHANNEL', `"${channel}" is not a Discord channel of the form discord:<server id>:<channel id>, e.g. discord:81384788765712384:81384788765712385; unsubscribe it and subscribe again from Discord`);
  }
  return { guildId, channelId };
}
