/**
 * How Slack channels are named in subscriptions and the outbox: `slack:<team>:<channel>`, so a
 * channel is keyed by its workspace too (the same id in two workspaces is two channels).
 * `slack:<channel>` (typed by hand with `statements chat --channel`) is read as well.
 */
import { StatementsError } from '../errors.js';

export interface SlackChannel {
  teamId: string | null;
  channelId: string;
}

const ID = /^[A-Z0-9]+$/;

export function slackChannel(teamId: string, channelId: string): string {
  return `slack:${teamId}:${channelId}`;
}

export function parseSlackChannel(channel: string): SlackChannel {
  const [platform, ...ids] = channel.split(':');
  const channelId = ids.at(-1);
  const teamId = ids.length === 2 ? (ids[0] ?? null) : null;
  if (platform !== 'slack' || channelId === undefined || ids.length > 2 || !ID.test(channelId) || (teamId !== null && !ID.test(teamId))) {
    throw new StatementsError('deliveries', 'SLACK_CHANNEL', `"${channel}" is not a Slack channel of the form slack:<team id>:<channel id>, e.g. slack:T0123:C0456; unsubscribe it and subscribe again from Slack`);
  }
  return { teamId, channelId };
}
