// `/statements feeds add <url>` through the real app and fetcher: channel managers only, the
// address checked (loopback refused unless the operator allows it, before any connection), the
// feed fetched and parsed before it is kept, then polled with the others; `feeds remove` undoes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommand, parseCommand } from '../../src/commands/index.js';
import { pollDueFeeds } from '../../src/pipeline/index.js';
import { openTestApp } from '../helpers/chat-app.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { rss } from '../helpers/feed-xml.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  server.routes.set('/feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ guid: 'a', title: 'A', text: 'Text.', date: 'Wed, 16 Feb 2022 12:00:00 GMT' }], 'Added Wire')));
  server.routes.set('/page.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><p>Not a feed</p></body></html>'));
});
afterAll(async () => {
  await server.close();
});

describe('feeds add / feeds remove', () => {
  it('refuses a loopback feed with the reason when the operator has not allowed it, before connecting', async () => {
    const { app, close } = await openTestApp({}, null, false);
    try {
      const reply = await handleCommand(parseCommand(`feeds add ${server.url('/feed.xml')}`), app.commandContext('slack:T1:C1', true));
      expect(reply.ephemeral).toBe(true);
      expect(reply.text).toMatch(/^I did not add that feed: .*refused to connect to 127\.0\.0\.1 \(loopback\).*fetch\.allowAddresses/);
      expect(server.requests.filter((r) => r.path === '/feed.xml')).toEqual([]);
      expect(await app.store.addedFeeds()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('adds a working feed for managers only, polls it with the others, and removes it', async () => {
    const { app, close } = await openTestApp({}, null, true);
    try {
      const run = (text: string, canManage = true) => handleCommand(parseCommand(text), app.commandContext('slack:T1:C1', canManage));
      expect((await run(`feeds add ${server.url('/feed.xml')}`, false)).text).toMatch(/Only people who can manage this channel can add feeds/);
      expect((await run(`feeds add ${server.url('/page.html')}`)).text).toMatch(/does not read as an RSS or Atom feed/);
      expect((await run('feeds add ftp://example.org/feed')).text).toMatch(/Only http:\/\/ and https:\/\//);

      const added = await run(`feeds add <${server.url('/feed.xml')}>`); // as Slack sends links
      expect(added.ephemeral).toBe(false);
      expect(added.text).toMatch(/^Feed added: \*\*Added Wire\*\* \(`chat-127-0-0-1-[0-9a-f]{6}`\), 1 item now/);
      const [feed] = await app.store.addedFeeds();
      expect(feed).toMatchObject({ url: server.url('/feed.xml'), title: 'Added Wire', addedBy: 'slack:T1:C1' });
      expect((await run(`feeds add ${server.url('/feed.xml')}`)).text).toMatch(/watched already, as `chat-127-0-0-1-/);
      expect((await run('feeds')).text).toContain('Added Wire');

      const polled = await pollDueFeeds(app.deps, true);
      expect(polled).toMatchObject([{ feedId: feed?.id, status: 'ok', newItems: 1 }]);

      expect((await run(`feeds remove ${feed?.id ?? ''}`, false)).text).toMatch(/Only people who can manage/);
      expect((await run(`feeds remove ${feed?.id ?? ''}`)).text).toMatch(/^Feed removed: \*\*Added Wire\*\*/);
      expect(await pollDueFeeds(app.deps, true)).toEqual([]);
      expect((await run('feeds remove nope')).text).toMatch(/There is no feed `nope` added from chat/);
    } finally {
      await close();
    }
  });
});
