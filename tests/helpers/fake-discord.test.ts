/**
 * Smoke test of the fake Discord with the real discord.js client: login, interactions and their
 * callbacks, channel messages through a 429, command registration, and gateway drops, all on
 * 127.0.0.1.
 */
import { once } from 'node:events';
import {
  ApplicationCommandOptionType,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  type ChatInputApplicationCommandData,
  type ClientOptions,
  type Interaction,
  type SendableChannels,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
let clients: Client[];
let received: Interaction[];
let handlerErrors: unknown[];

/** A logged-in, ready client whose interactions land in `received`. */
async function readyClient(extra: Partial<ClientOptions> = {}): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restBase }, allowedMentions: { parse: [] }, ...extra });
  clients.push(client);
  client.on(Events.InteractionCreate, (interaction) => void received.push(interaction));
  // login() resolves on the gateway's READY; clientReady waits for the guilds as well.
  const ready = once(client, Events.ClientReady);
  await client.login('test-token');
  await ready;
  return client;
}

/** Runs `handle` for every interaction, collecting failures instead of leaving unhandled rejections. */
function onInteraction(client: Client, handle: (interaction: Interaction) => Promise<unknown>): void {
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
}

async function sendableChannel(client: Client): Promise<SendableChannels> {
  const channel = await client.channels.fetch(fake.channelId);
  if (channel === null || !channel.isSendable()) throw new Error('the fake channel is not sendable');
  return channel;
}

beforeEach(async () => {
  fake = await startFakeDiscord();
  clients = [];
  received = [];
  handlerErrors = [];
});

afterEach(async () => {
  for (const client of clients) await client.destroy();
  await fake.close();
  expect(handlerErrors).toEqual([]);
});

describe('fake Discord with the real discord.js client', () => {
  it('logs in: gateway info over REST, one JSON IDENTIFY, ready with the guild and its channel', async () => {
    const started = Date.now();
    const client = await readyClient();
    expect(Date.now() - started).toBeLessThan(3000);

    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /gateway/bot 200']);
    expect(fake.requests[0]?.auth).toBe('Bot test-token');
    expect(fake.gatewayConnections).toEqual(['v=10&encoding=json']);
    expect(fake.identifies).toBe(1);
    expect(fake.gatewayFrames.find((f) => f.op === 2)?.d).toMatchObject({ token: 'test-token', intents: GatewayIntentBits.Guilds });
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.application?.id).toBe(fake.appId);
    expect(client.guilds.cache.get(fake.guildId)?.available).toBe(true);
    expect(client.channels.cache.get(fake.channelId)?.isTextBased()).toBe(true);
  });

  it('acknowledges heartbeats', async () => {
    await fake.close();
    fake = await startFakeDiscord({ heartbeatIntervalMs: 50 });
    const client = await readyClient();
    await fake.waitFor(() => fake.gatewayFrames.filter((f) => f.op === 1).length >= 2 && client.ws.ping >= 0);
  });

  it('refuses a wrong token like Discord (401 on gateway info)', async () => {
    await fake.close();
    fake = await startFakeDiscord({ token: 'right-token' });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restBase } });
    clients.push(client);
    await expect(client.login('wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(fake.identifies).toBe(0);
  });

  it('delivers a slash command to interactionCreate; an ephemeral reply is one type-4 callback', async () => {
    const client = await readyClient();
    onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'hi', flags: MessageFlags.Ephemeral });
    });

    const sent = fake.interaction({ text: 'nato', permissions: PermissionFlagsBits.ManageGuild.toString() });
    const callback = await fake.waitFor(() => fake.callbacks[0]);

    const interaction = received[0];
    if (!interaction?.isChatInputCommand()) throw new Error('expected a chat-input command');
    expect(interaction.commandName).toBe('statements');
    expect(interaction.options.getString('text')).toBe('nato');
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(true);
    expect(interaction.channelId).toBe(fake.channelId);

    expect(fake.callbacks).toHaveLength(1);
    expect(callback).toMatchObject({ interactionId: sent.id, token: sent.token, withResponse: false });
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'hi', flags: MessageFlags.Ephemeral } });
    // Interaction callbacks go without the bot token, and with ?with_response=false.
    const request = fake.requests.find((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(request).toMatchObject({ method: 'POST', auth: null, query: { with_response: 'false' }, status: 204 });
  });

  it('answers an autocomplete with respond() as a type-8 callback', async () => {
    const client = await readyClient();
    onInteraction(client, async (interaction) => {
      if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond([{ name: `${typed.toUpperCase()} (actor)`, value: typed }]);
      }
    });

    fake.interaction({ text: 'nat', type: 4 });
    const callback = await fake.waitFor(() => fake.callbacks[0]);
    expect(received[0]?.isAutocomplete()).toBe(true);
    expect(callback.body).toEqual({ type: 8, data: { choices: [{ name: 'NAT (actor)', value: 'nat' }] } });
  });

  it('deferReply then editReply: a type-5 callback, then PATCH @original', async () => {
    const client = await readyClient();
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      const reply = await interaction.editReply({ embeds: [new EmbedBuilder().setTitle('NATO').setDescription('2 statements')] });
      expect(reply.embeds[0]?.title).toBe('NATO');
    });

    const sent = fake.interaction({ text: 'nato' });
    const edit = await fake.waitFor(() => fake.edits[0]);
    expect(fake.callbacks.map((c) => c.body)).toEqual([{ type: 5, data: { flags: 0 } }]);
    expect(edit).toMatchObject({ token: sent.token, messageId: '@original', body: { embeds: [{ title: 'NATO', description: '2 statements' }] } });
    expect(fake.requests.find((r) => r.method === 'PATCH')?.path).toBe(`/webhooks/${fake.appId}/${sent.token}/messages/@original`);
  });

  it('returns the callback resource when a reply asks withResponse', async () => {
    const client = await readyClient();
    const replies: string[] = [];
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'with body', withResponse: true });
      replies.push(response.resource?.message?.content ?? 'none');
    });

    fake.interaction({ text: 'nato' });
    await fake.waitFor(() => replies[0]);
    expect(replies).toEqual(['with body']);
    expect(fake.callbacks[0]?.withResponse).toBe(true);
  });

  it('posts an embed to the channel with allowed_mentions.parse empty', async () => {
    const client = await readyClient();
    const channel = await client.channels.fetch(fake.channelId, { force: true });
    if (channel === null || !channel.isSendable()) throw new Error('the fake channel is not sendable');
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${fake.channelId}`)).toBe(true);

    const sent = await channel.send({ embeds: [new EmbedBuilder().setTitle('Stoltenberg').setDescription('“We stand ready.”')], allowedMentions: { parse: [] } });
    expect(sent.embeds[0]?.title).toBe('Stoltenberg');
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]?.channelId).toBe(fake.channelId);
    expect(fake.messages[0]?.body).toMatchObject({ embeds: [{ title: 'Stoltenberg' }], allowed_mentions: { parse: [] } });

    // The client's default allowedMentions applies when a send gives none; files go as multipart.
    const sent2 = await channel.send({ content: 'plain', files: [{ attachment: Buffer.from('quote'), name: 'quote.txt' }] });
    expect(fake.messages[1]?.body).toMatchObject({ content: 'plain', allowed_mentions: { parse: [] }, attachments: [{ id: '0' }] });
    expect(fake.requests.at(-1)?.files).toEqual([{ field: 'files[0]', filename: 'quote.txt', size: 5 }]);
    expect(sent2.attachments.first()?.name).toBe('quote.txt');
  });

  it('waits out a 429 and sends the message exactly once', async () => {
    const client = await readyClient();
    const channel = await sendableChannel(client);
    fake.rateLimitNextMessages(1, 1);

    const started = Date.now();
    await channel.send({ content: 'after the limit' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    expect(fake.messageAttempts.map((a) => a.status)).toEqual([429, 200]);
    const [first, second] = fake.messageAttempts;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    expect(fake.messages).toHaveLength(1);
  });

  it('refuses what Discord refuses and records unknown routes', async () => {
    const client = await readyClient();
    const channel = await sendableChannel(client);

    const tooLong = await channel.send({ content: 'x'.repeat(2001) }).catch((error: unknown) => error);
    expect(tooLong).toBeInstanceOf(DiscordAPIError);
    expect(tooLong).toMatchObject({ status: 400, code: 50035 });
    expect(fake.messages).toHaveLength(0);

    // override() injects any answer, e.g. a missing permission; its undo restores the built-in route.
    const undo = fake.override('POST', /^\/channels\/\d+\/messages$/, () => ({ status: 403, body: { message: 'Missing Permissions', code: 50013 } }));
    await expect(channel.send({ content: 'x' })).rejects.toMatchObject({ status: 403, code: 50013 });
    undo();
    await channel.send({ content: 'x' });
    expect(fake.messages).toHaveLength(1);

    const stale = client.rest.post(Routes.interactionCallback('1', 'no-such-token'), { body: { type: 4, data: { content: 'x' } }, auth: false });
    await expect(stale).rejects.toMatchObject({ status: 404, code: 10062 });

    const unknown = await client.rest.get('/guilds/1/nothing-here').catch((error: unknown) => error);
    expect(unknown).toMatchObject({ status: 404, code: 0 });
    expect(fake.unknownRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /guilds/1/nothing-here']);
  });

  it('records command registration and answers with ids', async () => {
    const client = await readyClient();
    const commands: ChatInputApplicationCommandData[] = [
      {
        name: 'statements',
        description: 'Statements by an actor',
        options: [{ type: ApplicationCommandOptionType.String, name: 'text', description: 'Who', required: true, autocomplete: true }],
      },
    ];
    const guildCommands = await client.application!.commands.set(commands, fake.guildId);
    const globalCommands = await client.application!.commands.set(commands);

    expect([...guildCommands.values()].map((c) => c.name)).toEqual(['statements']);
    expect(guildCommands.first()?.id).toMatch(/^\d+$/);
    expect(globalCommands.size).toBe(1);
    expect(fake.commandRegistrations.map((r) => r.scope)).toEqual([fake.guildId, 'global']);
    expect(fake.commandRegistrations[0]?.body).toMatchObject([{ name: 'statements', options: [{ name: 'text', autocomplete: true }] }]);
  });

  it('resumes after a dropped gateway, replaying what was dispatched meanwhile', async () => {
    const client = await readyClient();
    const resumed = once(client, Events.ShardResume);

    fake.dropGateway();
    const missed = fake.interaction({ text: 'while away' }); // queued; replayed on RESUME
    await resumed;
    await fake.waitFor(() => received.length === 1);
    expect(received[0]?.id).toBe(missed.id);

    const later = fake.interaction({ text: 'after' });
    await fake.waitFor(() => received.length === 2);
    expect(received[1]?.id).toBe(later.id);
    expect(fake.resumes).toBe(1);
    expect(fake.identifies).toBe(1);
  });

  it('identifies again when the session cannot be resumed', async () => {
    // discord.js spaces IDENTIFYs 5 s apart (plus jitter); a fake Discord has no such limit.
    const client = await readyClient({ ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) } });

    fake.dropGateway({ resumable: false });
    await fake.waitFor(() => fake.identifies === 2 && fake.gatewayConnected);
    expect(fake.resumes).toBe(1); // the RESUME that got INVALID_SESSION

    const later = fake.interaction({ text: 'after' });
    await fake.waitFor(() => received.length === 1);
    expect(received[0]?.id).toBe(later.id);
    expect(client.guilds.cache.get(fake.guildId)?.available).toBe(true);
  });
});
