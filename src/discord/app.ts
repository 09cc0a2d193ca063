/**
 * The Discord side of the bot: a discord.js client (Guilds intent only, mentions off everywhere)
 * that answers `/statements` through the shared command handlers and its autocomplete.
 * discord.js resumes or reconnects the gateway by itself; we log it. Alerts do not need the
 * gateway: they go out over REST through the sink, so a dropped gateway delays no alert.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, MessageFlags, PermissionFlagsBits, Status, type AutocompleteInteraction, type ChatInputCommandInteraction, type ClientOptions } from 'discord.js';
import { ACK_BUDGET_MS, announcesToChannel, answer, completions, within, type CommandContext } from '../commands/index.js';
import type { DiscordSettings } from '../config/env.js';
import { StatementsError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Watchlist } from '../model/index.js';
import { discordChannel } from './channel.js';
import { COMMAND_NAME, OPTION_NAME } from './command.js';
import { discordReplies } from './reply.js';

/** Discord's limit on a choice's name and value. */
const CHOICE_CHARS = 100;

export interface DiscordAppOptions {
  settings: DiscordSettings;
  watchlist: Watchlist;
  context: (channel: string, canManage: boolean) => CommandContext;
  /** Whether this process is the first to take the event (replicas each receive every interaction). */
  firstToHandle: (key: string) => Promise<boolean>;
  log: Logger;
  ackBudgetMs?: number;
  /** Extra client options (tests shorten the identify throttle). */
  client?: Partial<ClientOptions>;
}

export interface DiscordApp {
  client: Client;
  /** Why the gateway cannot deliver commands right now (null: ready). */
  unready(): string | null;
  stop(): Promise<void>;
}

export async function startDiscordApp(options: DiscordAppOptions): Promise<DiscordApp> {
  const { settings, log } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...options.client,
    rest: { ...options.client?.rest, ...(settings.apiUrl === null ? {} : { api: settings.apiUrl }) },
  });

  client.on(Events.InteractionCreate, (interaction) => {
    const ours = (interaction.isAutocomplete() || interaction.isChatInputCommand()) && interaction.commandName === COMMAND_NAME;
    if (!ours) return;
    // Every replica's gateway session gets the interaction; Discord takes one answer.
    void options
      .firstToHandle(`discord:interaction:${interaction.id}`)
      .catch((err: unknown) => {
        // Answered twice (Discord refuses the second) beats not answered at all.
        log.log('warn', `Discord: could not record interaction ${interaction.id}, answering it anyway: ${err instanceof Error ? err.message : String(err)}`);
        return true;
      })
      .then((first) => {
        if (!first) return;
        if (interaction.isAutocomplete()) return complete(interaction, options);
        if (interaction.isChatInputCommand()) return command(interaction, options);
      })
      .catch((err: unknown) => log.log('error', `Discord: interaction ${interaction.id} not answered: ${err instanceof Error ? err.message : String(err)}`));
  });
  client.on(Events.ShardDisconnect, (event) => log.log('warn', `Discord: gateway closed (${event.code}); reconnecting`));
  client.on(Events.ShardResume, () => log.log('info', 'Discord: gateway resumed'));
  client.on(Events.ShardReady, () => log.log('info', 'Discord: gateway ready'));
  client.on(Events.Error, (err) => log.log('error', `Discord: ${err.message}`));

  try {
    // login() resolves on READY; clientReady also waits for the servers, so commands find them.
    const ready = once(client, Events.ClientReady);
    await client.login(settings.token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw new StatementsError('discord', 'DISCORD_LOGIN', `could not log in to Discord (${err instanceof Error ? err.message : String(err)}); check DISCORD_TOKEN (Bot → Reset Token)${settings.apiUrl === null ? '' : ` and DISCORD_API_URL (${settings.apiUrl})`}`, { cause: err });
  }
  log.log('info', `Discord: logged in as ${client.user?.tag ?? 'the bot'}`);
  return {
    client,
    // isReady() alone stays true while a shard reconnects: commands only arrive on a ready shard.
    unready: () => (client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready) ? null : 'the Discord gateway is not connected (reconnecting)'),
    stop: () => client.destroy(),
  };
}

async function command(interaction: ChatInputCommandInteraction, options: DiscordAppOptions): Promise<void> {
  const started = performance.now();
  const text = interaction.options.getString(OPTION_NAME) ?? '';
  const channel = discordChannel(interaction.guildId, interaction.channelId);
  const canManage = interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
  const pending = answer(text, () => options.context(channel, canManage), options.log, { channel });
  const fields = { channel, command: pending.command.kind };
  try {
    const ready = await within(pending.reply, options.ackBudgetMs ?? ACK_BUDGET_MS);
    if (ready !== null) {
      const [first, ...rest] = discordReplies(ready);
      if (first !== undefined) await interaction.reply(first);
      for (const more of rest) await interaction.followUp(more);
      options.log.log('info', `/statements ${pending.command.kind} answered`, { ...fields, ms: Math.round(performance.now() - started) });
      return;
    }
    // Late: acknowledge now (visibility is decided here, so channel changes stay public).
    const announce = announcesToChannel(pending.command);
    await interaction.deferReply(announce ? {} : { flags: MessageFlags.Ephemeral });
    const [first, ...rest] = discordReplies(await pending.reply);
    if (first !== undefined) await interaction.editReply({ content: first.content, allowedMentions: first.allowedMentions });
    for (const more of rest) await interaction.followUp(more);
    options.log.log('info', `/statements ${pending.command.kind} deferred, then answered`, { ...fields, ms: Math.round(performance.now() - started) });
  } catch (err) {
    options.log.log('error', `could not answer /statements: ${err instanceof Error ? err.message : String(err)}`, fields);
  }
}

async function complete(interaction: AutocompleteInteraction, options: DiscordAppOptions): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const choices = completions(typed, options.watchlist)
    .filter((c) => c.length <= CHOICE_CHARS)
    .map((c) => ({ name: c, value: c }));
  try {
    await interaction.respond(choices);
  } catch (err) {
    options.log.log('warn', `could not answer autocomplete: ${err instanceof Error ? err.message : String(err)}`);
  }
}
