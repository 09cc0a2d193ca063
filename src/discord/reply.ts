/**
 * A command reply as Discord messages: the handlers' markdown is Discord's own; mentions in it
 * (quotes come from articles) are defused, link previews suppressed (a list of statements would
 * otherwise unfurl every link), and long answers split into 2,000-character messages at line ends.
 */
import { MessageFlags } from 'discord.js';
import { defuseMentions, DISCORD_LIMITS } from '../alerts/discord.js';
import { truncate } from '../alerts/index.js';
import { splitLines, type Reply } from '../commands/index.js';

export interface DiscordMessage {
  content: string;
  flags: number;
  allowedMentions: { parse: [] };
}

export function discordReplies(reply: Reply): DiscordMessage[] {
  const flags = MessageFlags.SuppressEmbeds | (reply.ephemeral ? MessageFlags.Ephemeral : 0);
  const chunks = splitLines(defuseMentions(reply.text), DISCORD_LIMITS.content, (line) => truncate(line, DISCORD_LIMITS.content));
  if (chunks.length === 0) chunks.push('…');
  return chunks.map((content) => ({ content, flags, allowedMentions: { parse: [] } }));
}
