/**
 * The PostgreSQL store: several replicas share one database. Work is claimed with leases
 * (deliveries and revisions `FOR UPDATE SKIP LOCKED`, feeds by an atomic upsert), so any number
 * of bot processes can poll and deliver without doing anything twice. Behaves as the SQLite store
 * (the reference: tests/store/contract.ts holds both to it) except where sharing demands
 * otherwise: releaseClaims ends nothing, claims end by expiry.
 */
import pg from 'pg';
import { StatementsError } from '../../errors.js';
import type { Store } from '../types.js';
import { addedFeedsOver } from './added-feeds.js';
import { dbOver } from './db.js';
import { openFailure, operationFailure, targetOf, type Target } from './errors.js';
import { feedClaimsOver } from './feed-claims.js';
import { feedsOver } from './feeds.js';
import { itemsOver } from './items.js';
import { latestBySpeakerOver } from './latest-by-speaker.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { mutesOver } from './mutes.js';
import { handledEventsOver } from './handled-events.js';
import { serialQueue } from '../serial.js';
import { answersOver } from './outbox/answers.js';
import { dueDeliveriesOver } from './outbox/claim.js';
import { enqueueOver } from './outbox/enqueue.js';
import { inspectionOver } from './outbox/inspect.js';
import { revisionsOver } from './outbox/revisions.js';
import { statementsOver } from './statements.js';
import { storiesOver } from './stories.js';
import { subscriptionsOver } from './subscriptions.js';

export interface PostgresOptions {
  /** Connections at most (node-postgres's default, 10, when absent). */
  maxConnections?: number;
}

/** How long to wait for a connection before calling the server unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens the database at `url` (`postgres://user:password@host:port/database`, with any
 * node-postgres parameter, e.g. `?options=-c%20search_path%3Dbot` for a schema of its own) and
 * brings its schema up to date. Fails with a StatementsError (module store, code STORE_OPEN, or
 * STORE_SCHEMA_NEWER / STORE_MIGRATE) that names the server but never the URL.
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const target = targetOf(url);
  let pool: pg.Pool | undefined;
  try {
    pool = new pg.Pool({
      connectionString: url,
      application_name: 'statements',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      ...(options.maxConnections === undefined ? {} : { max: options.maxConnections }),
    });
    // An idle connection the server drops (a restart) is an 'error' event, fatal to the process
    // when unheard. The pool discards that connection; the next query opens another or fails itself.
    pool.on('error', () => undefined);
    await migrate(dbOver(pool), migrations, target.server);
    return storeOver(pool, target);
  } catch (error) {
    await pool?.end().catch(() => undefined);
    throw openFailure(target, error);
  }
}

function storeOver(pool: pg.Pool, target: Target): Store {
  const db = dbOver(pool);
  const feeds = feedsOver(db);
  const feedClaims = feedClaimsOver(db);
  const added = addedFeedsOver(db);
  const items = itemsOver(db);
  const statements = statementsOver(db);
  const latest = latestBySpeakerOver(db);
  const stories = storiesOver(db);
  const subscriptions = subscriptionsOver(db);
  const mutes = mutesOver(db);
  const firstToHandle = handledEventsOver(db);
  const local = serialQueue();
  // The transaction holds the lock (and one connection) while `work` runs on other connections;
  // the local queue first, so one waiter per process holds a connection, however many calls wait.
  // Work's own errors pass through as they are; only the lock's are the store's.
  const serially = <T>(name: string, work: () => Promise<T>): Promise<T> =>
    local(name, async () => {
      let failed: { error: unknown } | null = null;
      try {
        return await db.tx(async (query) => {
          await query("SELECT pg_advisory_xact_lock(hashtext('statements: serially'), hashtext(current_schema() || ' ' || $1))", [name]);
          return work().catch((error: unknown) => {
            failed = { error };
            throw error;
          });
        });
      } catch (error) {
        if (failed !== null) throw (failed as { error: unknown }).error;
        throw operationFailure(`run ${name} alone`, target, error);
      }
    });
  const enqueue = enqueueOver(db, Date.now);
  const due = dueDeliveriesOver(db);
  const answers = answersOver(db);
  const inspect = inspectionOver(db);
  const revisions = revisionsOver(db);
  let closed = false;

  // Every failure leaves as a StatementsError naming the operation and what to do.
  async function run<T>(operation: string, work: () => Promise<T>): Promise<T> {
    if (closed) throw new StatementsError('store', 'STORE_CLOSED', `could not ${operation}: the store (PostgreSQL at ${target.server}) is closed`);
    try {
      return await work();
    } catch (error) {
      throw operationFailure(operation, target, error);
    }
  }

  return {
    ping: () => run('reach the database', async () => void (await db.query('SELECT 1'))),
    claimFeeds: (ids, owner, now, leaseMs, force) => run(`claim ${ids.length} feeds`, () => feedClaims.claimFeeds(ids, owner, now, leaseMs, force)),
    releaseFeed: (feedId, owner, next) => run(`release feed ${feedId}`, () => feedClaims.releaseFeed(feedId, owner, next)),

    feedState: (feedId) => run(`read the state of feed ${feedId}`, () => feeds.feedState(feedId)),
    saveFeedState: (state) => run(`save the state of feed ${state.feedId}`, () => feeds.saveFeedState(state)),
    feedStates: () => run('read the feed states', () => feeds.feedStates()),
    addFeed: (feed) => run(`add feed ${feed.id}`, () => added.addFeed(feed)),
    removeFeed: (id) => run(`remove feed ${id}`, () => added.removeFeed(id)),
    addedFeeds: () => run('read the feeds added from chat', () => added.addedFeeds()),

    hasItem: (identity) => run(`look up item ${identity}`, () => items.hasItem(identity)),
    recordItem: (item) => run(`record item ${item.identity}`, () => items.recordItem(item)),
    itemByLink: (url) => run(`look up the item at ${url}`, () => items.itemByLink(url)),

    saveStatements: (list) => run(`save ${list.length} statements`, () => statements.saveStatements(list)),
    queryStatements: (query) => run('query statements', () => statements.queryStatements(query)),
    latestBySpeaker: (query) => run('find the latest statement of each speaker', () => latest.latestBySpeaker(query)),

    addStoryMember: (member) => run(`record item ${member.identity} in story ${member.storyId}`, () => stories.addStoryMember(member)),
    storyCandidates: (probe, since) => run('find the candidate stories of an article', () => stories.storyCandidates(probe, since)),
    storyOutlets: (storyId) => run(`read the outlets of story ${storyId}`, () => stories.storyOutlets(storyId)),
    reviseAlerts: (key, outlets, now) => run(`revise the alerts of story ${key}`, () => revisions.reviseAlerts(key, outlets, now)),
    claimRevisions: (now, limit, platforms, leaseMs) => run('claim due revisions of sent alerts', () => revisions.claimRevisions(now, limit, platforms, leaseMs)),
    finishRevision: (id, version, outcome) => run(`finish the revision of delivery ${id}`, () => revisions.finishRevision(id, version, outcome)),

    serially: (name, work) => {
      if (closed) return Promise.reject(new StatementsError('store', 'STORE_CLOSED', `could not run ${name} alone: the store (PostgreSQL at ${target.server}) is closed`));
      return serially(name, work);
    },
    firstToHandle: (key, now) => run(`record event ${key}`, () => firstToHandle(key, now)),
    mute: (m) => run(`mute ${m.target} in ${m.channel}`, () => mutes.mute(m)),
    unmute: (channel, target) => run(`unmute ${target} in ${channel}`, () => mutes.unmute(channel, target)),
    mutes: (now, channel) => run('list mutes', () => mutes.mutes(now, channel)),

    addSubscription: (s) => run(`add subscription ${s.id}`, () => subscriptions.addSubscription(s)),
    removeSubscription: (id) => run(`remove subscription ${id}`, () => subscriptions.removeSubscription(id)),
    subscriptions: (channel) => run('list subscriptions', () => subscriptions.subscriptions(channel)),

    enqueue: (list) => run(`queue ${list.length} deliveries`, () => enqueue(list)),
    dueDeliveries: (now, limit, platforms) => run('read due deliveries', () => due.dueDeliveries(now, limit, platforms)),
    claimDeliveries: (now, limit, platforms, leaseMs) => run('claim due deliveries', () => due.claimDeliveries(now, limit, platforms, leaseMs)),
    releaseClaims: () => run('release delivery claims', () => due.releaseClaims()),
    markSent: (id, at, ref) => run(`mark delivery ${id} sent`, () => answers.markSent(id, at, ref ?? null)),
    markFailed: (id, error, next) => run(`record a failed attempt of delivery ${id}`, () => answers.markFailed(id, error, next)),
    postpone: (id, reason, until) => run(`postpone delivery ${id}`, () => answers.postpone(id, reason, until)),
    outboxSummary: (now) => run('count the outbox', () => inspect.outboxSummary(now)),
    failedDeliveries: (limit) => run('list failed deliveries', () => inspect.failedDeliveries(limit)),
    retryFailed: (ids, now) => run('retry failed deliveries', () => inspect.retryFailed(ids, now)),

    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
