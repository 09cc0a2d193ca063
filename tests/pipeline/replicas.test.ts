// Two workers on one store split the due feeds: each feed is fetched once per due time, whoever
// claims it, and a worker that dies holding a claim delays its feeds only until the claim lapses.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { feedSchema } from '../../src/config/schema.js';
import type { Feed } from '../../src/model/index.js';
import { pollDueFeeds, type PipelineDeps } from '../../src/pipeline/index.js';
import { natoItem, openTestApp, type TestApp } from '../helpers/chat-app.js';
import { rss } from '../helpers/feed-xml.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

const FEEDS = 24;
let server: FeedServer;
let test: TestApp;
let feeds: Feed[];

beforeAll(async () => {
  server = await startFeedServer();
  feeds = Array.from({ length: FEEDS }, (_, i) => {
    server.routes.set(`/f${i}.xml`, (_req, res) => {
      // A little latency, so both workers are polling at the same time.
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([natoItem(`f${i}`)])), 5);
    });
    return feedSchema.parse({ id: `f${i}`, url: server.url(`/f${i}.xml`), fetchArticles: false, alertNewestOnFirstPoll: 1, maxAgeHours: 0 });
  });
  test = await openTestApp({}, null, true);
});
afterAll(async () => {
  await test.close();
  await server.close();
});

function worker(owner: string, now: () => number): PipelineDeps {
  return { ...test.app.deps, feeds, now, worker: { owner, feedLeaseMs: 60_000, concurrency: 4 } };
}

it('splits the due feeds between two workers, fetching each once, and resumes a dead worker\u2019s feeds after its lease', async () => {
  let clock = Date.UTC(2022, 1, 17, 10);
  const now = (): number => clock;
  const [a, b] = await Promise.all([pollDueFeeds(worker('a', now)), pollDueFeeds(worker('b', now))]);
  const polledBy = (reports: typeof a) => reports.filter((r) => r.status !== 'not-due').map((r) => r.feedId);
  const byA = polledBy(a);
  const byB = polledBy(b);
  console.log(`replicas: worker a polled ${byA.length}, worker b ${byB.length} of ${FEEDS} feeds`);
  expect([...byA, ...byB].sort()).toEqual(feeds.map((f) => f.id).sort());
  expect(byA.filter((id) => byB.includes(id))).toEqual([]);
  expect(byA.length).toBeGreaterThan(0);
  expect(byB.length).toBeGreaterThan(0);
  expect(server.requests).toHaveLength(FEEDS);
  // Polled a moment ago: nobody polls again before the feed's interval has passed.
  expect(polledBy(await pollDueFeeds(worker('c', now)))).toEqual([]);

  // Worker d claims a feed and dies without releasing it: others skip it until the lease lapses.
  clock += 16 * 60_000;
  await test.app.store.claimFeeds(['f0'], 'd', clock, 60_000);
  expect(polledBy(await pollDueFeeds(worker('a', now)))).toEqual(feeds.slice(1).map((f) => f.id));
  clock += 61_000;
  expect(polledBy(await pollDueFeeds(worker('b', now)))).toEqual(['f0']);
});
