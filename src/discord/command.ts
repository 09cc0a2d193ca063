/**
 * The `/statements` command as Discord registers it: one required string option carrying the same
 * text as in Slack (`nato`, `subscribe nato`, `list`…), with autocomplete.
 */
import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType, REST, Routes, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import type { DiscordSettings } from '../config/env.js';
import { StatementsError } from '../errors.js';

export const COMMAND_NAME = 'statements';
export const OPTION_NAME = 'text';

export const COMMAND: RESTPutAPIApplicationCommandsJSONBody[number] = {
  name: COMMAND_NAME,
  type: ApplicationCommandType.ChatInput,
  description: 'What officials said, from the watched news; subscribe this channel to actors and topics',
  // Subscriptions belong to server channels: no DMs.
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: OPTION_NAME,
      description: 'nato · subscribe nato, troop withdrawal · unsubscribe all · list · actors · feeds · help',
      required: true,
      autocomplete: true,
      max_length: 500,
    },
  ],
};

/** A bot token's first part is its user id, which for a bot is the application id, in base64. */
export function applicationIdOf(settings: DiscordSettings): string {
  if (settings.applicationId !== null) return settings.applicationId;
  const id = Buffer.from(settings.token.split('.')[0] ?? '', 'base64').toString('utf8');
  if (!/^\d{15,25}$/.test(id)) throw new StatementsError('discord', 'DISCORD_APP_ID', 'cannot tell the application id from DISCORD_TOKEN; set DISCORD_APPLICATION_ID (General Information → Application ID)');
  return id;
}

/** `statements discord register`: per guild when DISCORD_GUILD_ID is set (instant), else global (up to an hour). */
export async function registerCommand(settings: DiscordSettings, rest: REST): Promise<{ scope: string }> {
  const app = applicationIdOf(settings);
  const route = settings.guildId === null ? Routes.applicationCommands(app) : Routes.applicationGuildCommands(app, settings.guildId);
  try {
    await rest.put(route, { body: [COMMAND] });
  } catch (err) {
    throw new StatementsError('discord', 'DISCORD_REGISTER', `Discord refused the /statements command (${err instanceof Error ? err.message : String(err)}); check DISCORD_TOKEN, DISCORD_APPLICATION_ID${settings.guildId === null ? '' : ' and DISCORD_GUILD_ID (the bot must be in that server)'}`, { cause: err });
  }
  return { scope: settings.guildId === null ? 'global' : `guild ${settings.guildId}` };
}
