// The real Bolt app and Web API client against a fake Slack on 127.0.0.1: signed slash commands
// in, ephemeral answers and Block Kit alerts out, forged and replayed requests refused, feed text
// that tries to ping a channel defused, a rate-limited alert delivered once after the wait, and a
// sent alert edited in place when another outlet carries its story.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startChatAdapters, type App, type ChatAdapters } from '../../src/app.js';
import { startDeliveryLoop, type DeliveryLoop } from '../../src/deliveries/index.js';
import { pollDueFeeds } from '../../src/pipeline/index.js';
import { startSlackApp } from '../../src/slack/app.js';
import { laterNato, natoItem, openTestApp, seedItems, type TestApp } from '../helpers/chat-app.js';
import { eventually } from '../helpers/eventually.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { rss, type RssItem } from '../helpers/feed-xml.js';
import { FAKE_BOT_TOKEN, FAKE_TEAM, GONE_CHANNEL, postSlash, startFakeSlack, type FakeSlack, type SlackCall } from '../helpers/fake-slack.js';
import { SLACK_SIGNING_SECRET as SECRET } from '../helpers/secrets.js';

const CHANNEL = 'C0NEWS';
const slackEnv = (fake: FakeSlack): Record<string, string> => ({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });

const Ack = z.object({ response_type: z.enum(['ephemeral', 'in_channel']), text: z.string(), blocks: z.array(z.object({ type: z.string(), text: z.object({ text: z.string() }).optional() })) });
const ackText = (body: string): { type: string; text: string } => {
  const ack = Ack.parse(JSON.parse(body));
  return { type: ack.response_type, text: ack.blocks.map((b) => b.text?.text ?? '').join('\n') };
};

// A new NATO statement whose title and quote try to ping the whole channel and a user.
const hostile = natoItem('nato-hostile', '<!channel> <!here> <@U123>');

describe('Slack: /statements and alerts through the real Bolt app', () => {
  let fake: FakeSlack;
  let feeds: FeedServer;
  let items: RssItem[];
  let opened: TestApp;
  let app: App;
  let chat: ChatAdapters;
  let loop: DeliveryLoop;
  let events: string;
  let logs: string[];

  const slash = (text: string, extra: Record<string, string> = {}) =>
    postSlash(events, { text, team_id: FAKE_TEAM, channel_id: CHANNEL, user_id: 'U0ANALYST', response_url: fake.responseUrl('r1'), ...extra }, { secret: SECRET });
  const postsTo = (channel: string) => fake.posts.filter((p) => p.body.channel === channel);

  beforeAll(async () => {
    fake = await startFakeSlack();
    feeds = await startFeedServer();
    feeds.routes.set('/rss.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items)));
  });
  afterAll(async () => {
    await feeds.close();
    await fake.close();
  });

  beforeEach(async () => {
    items = seedItems();
    fake.calls.length = 0;
    fake.posts.length = 0;
    fake.updates.length = 0;
    fake.responses.length = 0;
    opened = await openTestApp(slackEnv(fake), feeds.url('/rss.xml'));
    ({ app, logs } = opened);
    chat = await startChatAdapters(app, { port: 0, host: '127.0.0.1' });
    events = `http://127.0.0.1:${chat.slackPort}/slack/events`;
    loop = startDeliveryLoop(app.store, app.sinks, app.deps.now, { ...app.outbox, idleMs: 50 }, app.log);
    // The seeds are on the feed before anyone subscribes: stored for queries, alerted to nobody.
    await pollDueFeeds(app.deps, true);
  });

  afterEach(async () => {
    await loop.stop();
    await chat.stop();
    await opened.close();
  });

  it('answers /statements nato with the stored NATO statements, ephemeral, in the acknowledgement', async () => {
    const res = await slash('nato');
    expect(res.status).toBe(200);
    const ack = ackText(res.body);
    expect(ack.type).toBe('ephemeral');
    expect(ack.text).toContain('Latest statements by *NATO* and its people');
    expect(ack.text).toContain('Jens Stoltenberg');
    expect(fake.posts).toEqual([]);
    // Bolt checked the token with auth.test, with the bot token, against the fake.
    expect(fake.calls.some((c) => c.method === 'auth.test' && c.authorization === `Bearer ${FAKE_BOT_TOKEN}`)).toBe(true);
  });

  it('lists the commands on help, and suggests the watched name for a misspelt one', async () => {
    const help = ackText((await slash('help')).body).text;
    for (const word of ['subscribe', 'unsubscribe', 'list', 'actors', 'feeds', 'since:24h']) expect(help).toContain(word);
    const typo = ackText((await slash('stoltenbreg')).body).text;
    expect(typo).toMatch(/Did you mean `Jens Stoltenberg`/);
  });

  it('subscribe nato → one Block Kit alert for a new NATO statement; list shows it; unsubscribe stops it', async () => {
    const subscribed = ackText((await slash('subscribe nato')).body);
    expect(subscribed.type).toBe('in_channel');
    expect(subscribed.text).toContain('NATO');
    expect(await app.store.subscriptions(`slack:${FAKE_TEAM}:${CHANNEL}`)).toMatchObject([{ actors: ['nato'] }]);

    items = [...items, hostile];
    await pollDueFeeds(app.deps, true);
    const [post] = await eventually(() => postsTo(CHANNEL).length > 0 && postsTo(CHANNEL), 5_000, 'the alert');
    await new Promise((resolve) => setTimeout(resolve, 300)); // time for a second post, if there were one
    expect(postsTo(CHANNEL)).toHaveLength(1);
    expect(fake.posts).toHaveLength(1);
    const blocks = z.array(z.object({ type: z.string() }).loose()).parse(post?.body.blocks);
    expect(blocks[0]).toMatchObject({ type: 'header' });
    expect(blocks.map((b) => b.type)).toEqual(expect.arrayContaining(['header', 'context', 'section', 'actions']));
    const payload = JSON.stringify(post?.body);
    expect(payload).toContain('Jens Stoltenberg');
    expect(payload).toContain('https://news.example/nato-hostile');

    const list = ackText((await slash('list')).body).text;
    expect(list).toContain('NATO');

    expect(ackText((await slash('unsubscribe nato')).body).text).toMatch(/unsubscribed|no longer|nothing/i);
    items = [...items, laterNato];
    await pollDueFeeds(app.deps, true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.posts).toHaveLength(1);
    expect(await app.store.itemByLink('https://news.example/nato-later')).toMatchObject({ decision: 'no-subscriber' });
  });

  it('defuses <!channel>, <!here> and <@U…> from a feed: escaped in blocks and fallback text', async () => {
    await slash('subscribe nato');
    items = [...items, hostile];
    await pollDueFeeds(app.deps, true);
    const [post] = await eventually(() => fake.posts.length > 0 && fake.posts, 5_000, 'the alert');
    const payload = JSON.stringify(post?.body);
    for (const ping of ['<!channel>', '<!here>', '<@U123>']) expect(payload).not.toContain(ping);
    expect(payload).toContain('&lt;!channel&gt;');
    expect(payload).toContain('&lt;!here&gt;');
    expect(payload).toContain('&lt;@U123&gt;');
    expect(String(post?.body.text)).toContain('&lt;!channel&gt;');
    expect(post?.body.link_names).toBeUndefined();
  });

  it('refuses a bad signature and a replayed (old) timestamp with 401, and runs nothing', async () => {
    const forged = await postSlash(events, { text: 'subscribe nato', team_id: FAKE_TEAM, channel_id: CHANNEL, user_id: 'U0EVE', response_url: fake.responseUrl('eve') }, { secret: 'not-the-secret' });
    const stale = await postSlash(events, { text: 'subscribe nato', team_id: FAKE_TEAM, channel_id: CHANNEL, user_id: 'U0EVE', response_url: fake.responseUrl('eve') }, { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect([forged.status, stale.status]).toEqual([401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await app.store.subscriptions(`slack:${FAKE_TEAM}:${CHANNEL}`)).toEqual([]);
    expect(fake.responses).toEqual([]);
  });

  it('paces one channel to about a message a second, without holding up another channel', async () => {
    await slash('subscribe nato');
    await slash('subscribe nato', { channel_id: 'C0OTHER' });
    items = [...items, hostile, laterNato];
    await pollDueFeeds(app.deps, true);
    await eventually(() => fake.posts.length === 4, 6_000, 'two alerts in each of two channels');
    const [first, second] = postsTo(CHANNEL);
    const [other] = postsTo('C0OTHER');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(Math.abs(other!.at - first!.at)).toBeLessThan(900);
  });

  it('gives up on a channel Slack says is gone, with what to do, and keeps delivering elsewhere', async () => {
    await slash('subscribe nato', { channel_id: GONE_CHANNEL });
    await slash('subscribe nato');
    items = [...items, hostile];
    await pollDueFeeds(app.deps, true);
    await eventually(() => postsTo(CHANNEL).length === 1, 5_000, 'the alert in the live channel');
    await eventually(() => logs.find((l) => l.includes('channel_not_found')), 5_000, 'the refusal in the log');
    const refusal = logs.find((l) => l.includes('channel_not_found')) ?? '';
    expect(refusal).toMatch(/failed for good after 1 attempts/);
    expect(refusal).toContain('invite the app');
    expect(fake.calls.filter((c) => c.body.channel === GONE_CHANNEL)).toHaveLength(1);
  });

  it('waits out two 429s with Retry-After: 1 and delivers the alert once', async () => {
    await slash('subscribe nato');
    fake.rateLimitNextPosts(2, 1);
    items = [...items, hostile];
    const queued = Date.now();
    await pollDueFeeds(app.deps, true);
    await eventually(() => fake.posts.length > 0, 8_000, 'the alert after two rate limits');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const attempts = fake.calls.filter((c) => c.method === 'chat.postMessage');
    expect(attempts.map((c) => c.status)).toEqual([429, 429, 200]);
    expect(fake.posts).toHaveLength(1);
    // Each retry came no sooner than Slack asked.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(950);
    const waited = attempts[2]!.at - queued;
    expect(logs.some((l) => l.includes('rate-limited'))).toBe(true);
    const [delivery] = await app.store.dueDeliveries(Number.MAX_SAFE_INTEGER, 10);
    expect(delivery).toBeUndefined(); // sent, nothing left pending
    console.log(`slack 429×2 (Retry-After: 1): delivered once, ${waited} ms after queueing, 3 calls`);
  });

  describe('a story another outlet carries after its alert was sent', () => {
    const story = natoItem('nato-story');
    // The Evening Post's copy of the same wire story, on a feed added later (published now: an
    // added feed skips items older than 48 h).
    const copy: RssItem = { ...story, guid: 'post-nato-story', date: new Date().toUTCString() };
    let postItems: RssItem[];
    const alsoReported = (call: SlackCall | undefined): string => JSON.stringify(call?.body.blocks).match(/also reported by [^"·]*/)?.[0] ?? '';

    beforeEach(async () => {
      postItems = [];
      feeds.routes.set('/post.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(postItems, 'Evening Post')));
      await app.store.addFeed({ id: 'post', url: feeds.url('/post.xml'), title: 'Evening Post', addedBy: `slack:${FAKE_TEAM}:${CHANNEL}`, createdAt: Date.now() });
      await slash('subscribe nato');
      items = [...items, story];
      await pollDueFeeds(app.deps, true); // the wire's story is alerted; the added feed's first poll is its (empty) baseline
      await eventually(() => postsTo(CHANNEL).length === 1, 5_000, 'the alert from the first outlet');
    });

    it('edits the sent alert with chat.update to list the new outlet, without a second message', async () => {
      const [post] = postsTo(CHANNEL);
      expect(alsoReported(post)).toBe('');
      postItems = [copy];
      await pollDueFeeds(app.deps, true);
      const polled = Date.now();
      const [update] = await eventually(() => fake.updates.length > 0 && fake.updates, 5_000, 'the edit');
      console.log(`slack: alert edited to list a later outlet ${update!.at - polled} ms after the poll that found it`);
      await new Promise((resolve) => setTimeout(resolve, 300)); // time for a second edit or message, if there were one
      expect(fake.updates).toHaveLength(1);
      expect(fake.posts).toHaveLength(1);
      // The same message, rendered as before with the other outlet added.
      expect(update?.body).toMatchObject({ channel: CHANNEL, ts: post?.ts });
      expect(alsoReported(update)).toBe('also reported by Evening Post');
      expect(update?.body.text).toBe(post?.body.text);
      expect(JSON.stringify(update?.body.blocks).replace(' · also reported by Evening Post', '')).toBe(JSON.stringify(post?.body.blocks));
      expect(await app.store.itemByLink('https://news.example/post-nato-story')).toMatchObject({ decision: 'duplicate' });
    });

    it('gives up editing a message deleted meanwhile after one call, and keeps delivering', async () => {
      fake.deleteMessage(postsTo(CHANNEL)[0]?.ts ?? '');
      postItems = [copy];
      await pollDueFeeds(app.deps, true);
      const refusal = await eventually(() => logs.find((l) => l.includes('message_not_found')), 5_000, 'the refusal in the log');
      expect(refusal).toMatch(/not trying again/);
      items = [...items, laterNato];
      await pollDueFeeds(app.deps, true);
      await eventually(() => postsTo(CHANNEL).length === 2, 5_000, 'the next alert');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fake.calls.filter((c) => c.method === 'chat.update')).toHaveLength(1);
      expect(fake.updates).toEqual([]);
    });
  });
});

describe('Slack: /statements nato with 100,000 statements stored', () => {
  it('is acknowledged, with the answer, well within Slack’s 3 seconds', async () => {
    const fake = await startFakeSlack();
    const { app, close } = await openTestApp(slackEnv(fake));
    try {
      // 100,000 statements by every watched actor over a year; NATO's people are about 1 in 14.
      const ids = app.watchlist.actors.map((a) => a.id);
      const t0 = Date.UTC(2022, 0, 1);
      for (let chunk = 0; chunk < 10; chunk++) {
        await app.store.saveStatements(
          Array.from({ length: 10_000 }, (_, j) => {
            const n = chunk * 10_000 + j;
            const speakerId = ids[n % ids.length]!;
            return { identity: `item-${Math.floor(n / 5)}`, ordinal: n % 5, title: `Story ${n}`, url: `https://news.example/${n}`, outlet: 'Wire', published: t0 + n * 300_000, seenAt: t0 + n * 300_000, quote: `Statement number ${n} on troop movements near the border`, speaker: speakerId, speakerId, role: null, kind: 'direct' as const, start: 0, end: 10, cue: 'said' };
          }),
        );
      }
      const chat = await startChatAdapters(app, { port: 0, host: '127.0.0.1' });
      try {
        const events = `http://127.0.0.1:${chat.slackPort}/slack/events`;
        const fields = { text: 'nato', team_id: FAKE_TEAM, channel_id: CHANNEL, user_id: 'U0ANALYST', response_url: fake.responseUrl('load') };
        await postSlash(events, fields, { secret: SECRET }); // warm-up: the first request pays for auth.test and statement preparation
        const timings: number[] = [];
        let last = '';
        for (let i = 0; i < 5; i++) {
          const res = await postSlash(events, fields, { secret: SECRET });
          expect(res.status).toBe(200);
          timings.push(res.ms);
          last = res.body;
        }
        const median = [...timings].sort((a, b) => a - b)[2]!;
        console.log(`slack /statements nato with 100,000 statements: acknowledged with the answer in ${median.toFixed(1)} ms (median of 5; max ${Math.max(...timings).toFixed(1)} ms)`);
        // Generous: Slack's limit is 3,000 ms; the answer must have come in the acknowledgement itself.
        expect(Math.max(...timings)).toBeLessThan(2_000);
        expect(ackText(last).text).toContain('Latest statements by *NATO* and its people');
        expect(ackText(last).text).toContain('Statement number 99');
        expect(fake.responses).toEqual([]);
      } finally {
        await chat.stop();
      }
    } finally {
      await close();
      await fake.close();
    }
  }, 60_000);
});

describe('Slack: a slow answer', () => {
  it('is acknowledged at once and follows through response_url', async () => {
    const fake = await startFakeSlack();
    const { app, close } = await openTestApp(slackEnv(fake));
    // A store that takes 400 ms to answer, against an acknowledgement budget of 100 ms.
    const slowContext = (channel: string, canManage: boolean) => {
      const ctx = app.commandContext(channel, canManage);
      const store = Object.create(ctx.store) as typeof ctx.store;
      store.queryStatements = async (q) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return ctx.store.queryStatements(q);
      };
      return { ...ctx, store };
    };
    const slack = await startSlackApp({ settings: app.chat.slack!, port: 0, host: '127.0.0.1', managers: [], context: slowContext, log: app.log, ackBudgetMs: 100 });
    try {
      const res = await postSlash(`http://127.0.0.1:${slack.port}/slack/events`, { text: 'nato', team_id: FAKE_TEAM, channel_id: CHANNEL, user_id: 'U0ANALYST', response_url: fake.responseUrl('slow') }, { secret: SECRET });
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(390);
      expect(JSON.parse(res.body)).toMatchObject({ response_type: 'ephemeral', text: 'Looking that up…' });
      const [answer] = await eventually(() => fake.responses.length > 0 && fake.responses, 5_000, 'the answer through response_url');
      expect(answer?.id).toBe('slow');
      expect(JSON.stringify(answer?.body)).toContain('NATO');
      expect(answer?.body.response_type).toBe('ephemeral');
    } finally {
      await slack.stop();
      await close();
      await fake.close();
    }
  });
});
