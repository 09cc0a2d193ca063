// The real discord.js client against a fake Discord gateway and REST API on 127.0.0.1: slash
// commands and autocomplete answered through the shared handlers, Manage Channels required to
// subscribe, embeds with mentions off, a 429 waited out, a dropped gateway survived, and a sent
// alert edited in place when another outlet carries its story.
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startChatAdapters, type App, type ChatAdapters } from '../../src/app.js';
import { startDeliveryLoop, type DeliveryLoop } from '../../src/deliveries/index.js';
import { registerCommand } from '../../src/discord/command.js';
import { discordRest } from '../../src/discord/sink.js';
import { pollDueFeeds } from '../../src/pipeline/index.js';
import { laterNato, natoItem, openTestApp, seedItems, type TestApp } from '../helpers/chat-app.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { DISCORD_TOKEN as TOKEN } from '../helpers/secrets.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { rss, type RssItem } from '../helpers/feed-xml.js';

const MANAGER = String(PermissionFlagsBits.ManageChannels | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel);
const MEMBER = String(PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel);
const EPHEMERAL = 64;

const Callback = z.object({ type: z.number(), data: z.object({ content: z.string().optional(), flags: z.number().optional(), choices: z.array(z.object({ name: z.string(), value: z.string() })).optional() }).loose() });
const Message = z.object({ embeds: z.array(z.object({ title: z.string(), url: z.string().optional(), fields: z.array(z.object({ name: z.string(), value: z.string() })) }).loose()), allowed_mentions: z.object({ parse: z.array(z.string()) }) }).loose();

// A new NATO statement whose title and quote try to ping everyone and a user.
const hostile = natoItem('nato-hostile', '@everyone @here <@123>');

describe('Discord: /statements and alerts through the real discord.js client', () => {
  let fake: FakeDiscord;
  let feeds: FeedServer;
  let items: RssItem[];
  let opened: TestApp;
  let app: App;
  let chat: ChatAdapters;
  let loop: DeliveryLoop;
  let logs: string[];

  /** Dispatches the command as a member with these permissions; resolves with the first callback. */
  const command = async (text: string, permissions = MEMBER) => {
    const { id } = fake.interaction({ text, permissions });
    const callback = await fake.waitFor(() => fake.callbacks.find((c) => c.interactionId === id));
    return Callback.parse(callback.body);
  };
  const channel = () => `discord:${fake.guildId}:${fake.channelId}`;

  beforeAll(async () => {
    feeds = await startFeedServer();
    feeds.routes.set('/rss.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items)));
  });
  afterAll(async () => {
    await feeds.close();
  });

  beforeEach(async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    items = seedItems();
    opened = await openTestApp({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.appId, DISCORD_API_URL: fake.restBase }, feeds.url('/rss.xml'));
    ({ app, logs } = opened);
    // discord.js spaces identifies 5 s apart; a test that re-identifies need not wait for that.
    chat = await startChatAdapters(app, { discordClient: { ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: async () => undefined }) } } });
    loop = startDeliveryLoop(app.store, app.sinks, app.deps.now, { ...app.outbox, idleMs: 50 }, app.log);
    await pollDueFeeds(app.deps, true); // the seeds: stored for queries, alerted to nobody
  });

  afterEach(async () => {
    await loop.stop();
    await chat.stop();
    await opened.close();
    await fake.close();
  });

  it('answers /statements nato with the stored NATO statements, only to the caller, links not unfurled', async () => {
    const reply = await command('nato');
    expect(reply.type).toBe(4);
    expect(reply.data.content).toContain('Latest statements by **NATO** and its people');
    expect(reply.data.content).toContain('Jens Stoltenberg');
    expect((reply.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.data.content!.length).toBeLessThanOrEqual(2_000);
  });

  it('answers an interaction every replica receives once: the first to record it answers', async () => {
    const { id } = fake.interaction({ text: 'nato', times: 3 });
    await fake.waitFor(() => fake.callbacks.find((c) => c.interactionId === id));
    const { id: typed } = fake.interaction({ text: 'stol', type: 4, times: 3 });
    await fake.waitFor(() => fake.callbacks.find((c) => c.interactionId === typed));
    await new Promise((resolve) => setTimeout(resolve, 300)); // a second answer would show here
    expect(fake.callbacks.filter((c) => c.interactionId === id)).toHaveLength(1);
    expect(fake.callbacks.filter((c) => c.interactionId === typed)).toHaveLength(1);
    expect(logs.join('\n')).not.toContain('already been acknowledged');
  });

  it('autocompletes actor names and sub-commands, at most 25 choices', async () => {
    const { id } = fake.interaction({ text: 'stol', type: 4 });
    const typed = Callback.parse((await fake.waitFor(() => fake.callbacks.find((c) => c.interactionId === id))).body);
    expect(typed.type).toBe(8);
    expect(typed.data.choices?.map((c) => c.value)).toContain('Jens Stoltenberg');
    const { id: empty } = fake.interaction({ text: '', type: 4 });
    const all = Callback.parse((await fake.waitFor(() => fake.callbacks.find((c) => c.interactionId === empty))).body);
    expect(all.data.choices?.length).toBe(25);
    const { id: sub } = fake.interaction({ text: 'subscribe troop', type: 4 });
    const keyword = Callback.parse((await fake.waitFor(() => fake.callbacks.find((c) => c.interactionId === sub))).body);
    expect(keyword.data.choices?.map((c) => c.value)).toContain('subscribe troop withdrawal');
  });

  it('refuses subscribe without Manage Channels; with it, one embed per new NATO statement, mentions off', async () => {
    const refused = await command('subscribe nato', MEMBER);
    expect(refused.data.content).toMatch(/Only people who can manage this channel/);
    expect((refused.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(await app.store.subscriptions(channel())).toEqual([]);

    const done = await command('subscribe nato', MANAGER);
    expect(done.data.content).toContain('Subscribed');
    expect((done.data.flags ?? 0) & EPHEMERAL).toBe(0); // the channel sees what it now follows
    expect(await app.store.subscriptions(channel())).toMatchObject([{ actors: ['nato'] }]);

    items = [...items, hostile];
    await pollDueFeeds(app.deps, true);
    await fake.waitFor(() => fake.messages.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.messages).toHaveLength(1);
    const [message] = fake.messages;
    expect(message?.channelId).toBe(fake.channelId);
    const body = Message.parse(message?.body);
    expect(body.allowed_mentions.parse).toEqual([]);
    expect(body.embeds).toHaveLength(1);
    expect(body.embeds[0]?.url).toBe('https://news.example/nato-hostile');
    expect(body.embeds[0]?.fields.map((f) => f.name)).toContain('Jens Stoltenberg, NATO Secretary General');
  });

  it('lets @everyone, @here and <@123> from a feed mention nobody', async () => {
    await command('subscribe nato', MANAGER);
    items = [...items, hostile];
    await pollDueFeeds(app.deps, true);
    const message = await fake.waitFor(() => fake.messages[0]);
    const body = Message.parse(message.body);
    expect(body.allowed_mentions.parse).toEqual([]);
    const json = JSON.stringify(body);
    for (const ping of ['@everyone', '@here', '<@123>']) expect(json).not.toContain(ping);
    expect(json).toContain('everyone'); // still readable, just not a mention
  });

  it('waits out a 429 and its retry_after, and delivers the alert once', async () => {
    await command('subscribe nato', MANAGER);
    fake.rateLimitNextMessages(1, 1);
    items = [...items, hostile];
    await pollDueFeeds(app.deps, true);
    await fake.waitFor(() => fake.messages.length > 0, 8_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.messageAttempts.map((a) => a.status)).toEqual([429, 200]);
    expect(fake.messages).toHaveLength(1);
    expect(fake.messageAttempts[1]!.at - fake.messageAttempts[0]!.at).toBeGreaterThanOrEqual(950);
  });

  describe('a story another outlet carries after its alert was sent', () => {
    const story = natoItem('nato-story');
    // The Evening Post's copy of the same wire story, on a feed added later (published now: an
    // added feed skips items older than 48 h).
    const copy: RssItem = { ...story, guid: 'post-nato-story', date: new Date().toUTCString() };
    let postItems: RssItem[];
    const Edited = z.object({ embeds: z.array(z.object({ footer: z.object({ text: z.string() }) }).loose()).length(1), allowed_mentions: z.object({ parse: z.array(z.string()) }) });

    beforeEach(async () => {
      postItems = [];
      feeds.routes.set('/post.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(postItems, 'Evening Post')));
      await app.store.addFeed({ id: 'post', url: feeds.url('/post.xml'), title: 'Evening Post', addedBy: channel(), createdAt: Date.now() });
      await command('subscribe nato', MANAGER);
      items = [...items, story];
      await pollDueFeeds(app.deps, true); // the wire's story is alerted; the added feed's first poll is its (empty) baseline
      await fake.waitFor(() => fake.messages.length === 1);
    });

    it('edits the sent embed (PATCH, mentions off) to list the new outlet, without a second message', async () => {
      const [sent] = fake.messages;
      postItems = [copy];
      await pollDueFeeds(app.deps, true);
      const polled = Date.now();
      const edit = await fake.waitFor(() => fake.messageEdits[0]);
      console.log(`discord: alert edited to list a later outlet ${edit.at - polled} ms after the poll that found it`);
      await new Promise((resolve) => setTimeout(resolve, 300)); // time for a second edit or message, if there were one
      expect(fake.messageEdits).toHaveLength(1);
      expect(fake.messages).toHaveLength(1);
      expect(edit).toMatchObject({ channelId: fake.channelId, messageId: sent?.id, status: 200 });
      const body = Edited.parse(edit.body);
      expect(body.allowed_mentions.parse).toEqual([]);
      expect(body.embeds[0]?.footer.text).toBe('Local Wire · also reported by Evening Post');
      // The same embed as sent, but for the footer.
      const { footer: _before, ...rest } = z.record(z.string(), z.unknown()).parse(Message.parse(sent?.body).embeds[0]);
      expect(body.embeds[0]).toMatchObject(rest);
    });

    it('gives up editing a message deleted meanwhile after one call, and keeps delivering', async () => {
      fake.deleteMessage(fake.messages[0]?.id ?? '');
      postItems = [copy];
      await pollDueFeeds(app.deps, true);
      await fake.waitFor(() => logs.find((l) => l.includes('10008')));
      expect(logs.find((l) => l.includes('10008'))).toMatch(/Unknown Message.*not trying again|not trying again.*Unknown Message/);
      items = [...items, laterNato];
      await pollDueFeeds(app.deps, true);
      await fake.waitFor(() => fake.messages.length === 2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fake.messageEdits.map((e) => e.status)).toEqual([404]);
    });
  });

  it('survives a dropped gateway: reconnects, answers commands, and the next alert arrives once', async () => {
    await command('subscribe nato', MANAGER);
    const before = { identifies: fake.identifies, resumes: fake.resumes };
    fake.dropGateway();
    await fake.waitFor(() => fake.resumes + fake.identifies > before.resumes + before.identifies && fake.gatewayConnected, 10_000);
    items = [...items, laterNato];
    await pollDueFeeds(app.deps, true);
    await fake.waitFor(() => fake.messages.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.messages).toHaveLength(1);
    expect((await command('list')).data.content).toContain('NATO');
    expect(logs.some((l) => l.includes('Discord: gateway'))).toBe(true);
  });

  it('registers /statements in one server at once, with one autocompleted string option', async () => {
    const rest = discordRest(TOKEN, fake.restBase);
    await expect(registerCommand({ token: TOKEN, applicationId: fake.appId, apiUrl: fake.restBase, guildId: fake.guildId }, rest)).resolves.toEqual({ scope: `guild ${fake.guildId}` });
    const [registration] = fake.commandRegistrations;
    expect(registration?.scope).toBe(fake.guildId);
    expect(registration?.body).toMatchObject([{ name: 'statements', options: [{ name: 'text', type: 3, required: true, autocomplete: true }] }]);
  });
});
