/**
 * One poll of one feed, and one cycle over every due feed. A feed's failure is recorded on the
 * feed (with backoff) and never stops the others.
 */
import { createHash } from 'node:crypto';
import { pollFeed } from '../feeds/index.js';
import type { Feed, FeedItem, FeedState } from '../model/index.js';
import { SOLO_WORKER, type PipelineDeps } from './deps.js';
import { watchedFeeds } from './feeds.js';
import { processItem } from './item.js';

export interface FeedReport {
  feedId: string;
  status: 'ok' | 'not-modified' | 'error' | 'not-due';
  newItems: number;
  alerted: number;
  error: string | null;
}

const HOUR = 60 * 60 * 1000;
/** Feeds claimed in one round trip at most: their leases start together, so keep it small. */
const MAX_CLAIM_BATCH = 8;

export async function pollOneFeed(deps: PipelineDeps, feed: Feed): Promise<FeedReport> {
  return (await pollAndSchedule(deps, feed)).report;
}

/** The poll, and when the feed is next due (as saved in its state). */
async function pollAndSchedule(deps: PipelineDeps, feed: Feed): Promise<{ report: FeedReport; nextPollAt: number | null }> {
  const previous = await deps.store.feedState(feed.id);
  const outcome = await pollFeed(feed, previous, deps.fetcher, deps.now());
  deps.events?.feedPolled(outcome.status, outcome.error?.code ?? null);
  const report: FeedReport = { feedId: feed.id, status: outcome.status, newItems: 0, alerted: 0, error: outcome.error?.message ?? null };
  if (outcome.status === 'error') {
    await deps.store.saveFeedState(outcome.state);
    deps.log.log('warn', `feed poll failed (attempt ${outcome.state.failures}); next try ${new Date(outcome.state.nextPollAt ?? deps.now()).toISOString()}: ${outcome.error?.message ?? 'unknown error'}`, { feed: feed.id, code: outcome.error?.code });
    return { report, nextPollAt: outcome.state.nextPollAt };
  }
  for (const warning of outcome.warnings) deps.log.log('warn', warning, { feed: feed.id });
  const firstPoll = !(previous?.baselined ?? false);
  // Newest first, so that "alert the newest N" on the first poll means what it says.
  const items = [...outcome.items].sort((a, b) => (b.published ?? 0) - (a.published ?? 0));
  let rank = 0;
  for (const item of items) {
    if (await deps.store.hasItem(item.identity)) continue;
    report.newItems++;
    const result = await decide(deps, feed, outcome.state, item, firstPoll, rank++);
    deps.events?.itemDecided(result.decision);
    if (result.decision === 'alerted') report.alerted++;
    await deps.store.recordItem({
      identity: item.identity,
      feedId: feed.id,
      link: item.link,
      title: item.title,
      published: item.published,
      firstSeenAt: deps.now(),
      decision: result.decision,
      reason: result.reason,
    });
    deps.log.log(result.decision === 'alerted' ? 'info' : 'debug', `${result.decision}: ${result.reason}`, { feed: feed.id, item: item.link ?? item.identity });
  }
  await deps.store.saveFeedState({ ...outcome.state, baselined: true });
  return { report, nextPollAt: outcome.state.nextPollAt };
}

async function decide(deps: PipelineDeps, feed: Feed, state: FeedState, item: FeedItem, firstPoll: boolean, rank: number): ReturnType<typeof processItem> {
  if (firstPoll && rank >= feed.alertNewestOnFirstPoll) {
    return { decision: 'baseline', reason: `seen on the first poll of feed ${feed.id}, which records what is already there instead of alerting it (feeds.alertNewestOnFirstPoll: ${feed.alertNewestOnFirstPoll})`, deliveries: 0 };
  }
  if (feed.maxAgeHours > 0 && item.published !== null && item.published < deps.now() - feed.maxAgeHours * HOUR) {
    return { decision: 'too-old', reason: `published ${new Date(item.published).toISOString()}, older than feeds.maxAgeHours (${feed.maxAgeHours} h)`, deliveries: 0 };
  }
  return processItem(deps, feed, feed.title ?? state.feedTitle, item);
}

/**
 * Polls every feed that is due (never polled, or its next poll time has come), `worker.concurrency`
 * at a time. Each feed is claimed just before its poll, so replicas sharing a store split the
 * feeds between them instead of polling each twice; a feed another process holds (or polled a
 * moment ago) is reported not due.
 */
export async function pollDueFeeds(deps: PipelineDeps, force = false): Promise<FeedReport[]> {
  const now = deps.now();
  const worker = deps.worker ?? SOLO_WORKER;
  const states = new Map((await deps.store.feedStates()).map((s) => [s.feedId, s]));
  const feeds = await watchedFeeds(deps);
  const reports = new Map<string, FeedReport>();
  const due = feeds.filter((feed) => {
    const next = states.get(feed.id)?.nextPollAt ?? null;
    return force || next === null || next <= now;
  });
  // Replicas start their walk at different feeds, so they rarely reach for the same one at once.
  const start = due.length === 0 ? 0 : createHash('sha1').update(worker.owner).digest().readUInt32BE(0) % due.length;
  const queue = [...due.slice(start), ...due.slice(0, start)];
  // Claims are asked for a few feeds at a time (one round trip each), but never so many that this
  // replica's first claims take more than an eighth of the feeds: the others must get their share.
  const batch = Math.max(1, Math.min(MAX_CLAIM_BATCH, Math.floor(queue.length / (worker.concurrency * 8))));
  let next = 0;
  const take = async (): Promise<void> => {
    while (next < queue.length) {
      const mine = queue.slice(next, (next += batch));
      const claimed = new Set(await deps.store.claimFeeds(mine.map((f) => f.id), worker.owner, deps.now(), worker.feedLeaseMs, force));
      for (const feed of mine) if (claimed.has(feed.id)) reports.set(feed.id, await pollClaimed(deps, feed, worker.owner));
    }
  };
  await Promise.all(Array.from({ length: Math.min(worker.concurrency, Math.ceil(queue.length / batch)) }, take));
  return feeds.map((feed) => reports.get(feed.id) ?? { feedId: feed.id, status: 'not-due', newItems: 0, alerted: 0, error: null });
}

async function pollClaimed(deps: PipelineDeps, feed: Feed, owner: string): Promise<FeedReport> {
  try {
    const { report, nextPollAt } = await pollAndSchedule(deps, feed);
    await deps.store.releaseFeed(feed.id, owner, nextPollAt);
    return report;
  } catch (err) {
    // pollFeed never throws; the store might. One feed's trouble must not stop the cycle (its
    // claim then lapses by expiry).
    const message = err instanceof Error ? err.message : String(err);
    deps.log.log('error', `feed cycle failed: ${message}`, { feed: feed.id });
    return { feedId: feed.id, status: 'error', newItems: 0, alerted: 0, error: message };
  }
}
