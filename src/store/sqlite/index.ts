/**
 * The SQLite store: one file, one connection, statements prepared once at open. better-sqlite3
 * is synchronous; the methods are async only to share the Store interface with PostgreSQL.
 */
import type Database from 'better-sqlite3';
import { StatementsError } from '../../errors.js';
import type { Store } from '../types.js';
import { connect } from './connect.js';
import { openFailure, operationFailure } from './errors.js';
import { prepareFeedClaims } from './feed-claims.js';
import { prepareFeeds } from './feeds.js';
import { prepareItems } from './items.js';
import { prepareLatestBySpeaker } from './latest-by-speaker.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { prepareDueDeliveries } from './outbox/due-deliveries.js';
import { prepareEnqueue } from './outbox/enqueue.js';
import { prepareMarkFailed } from './outbox/mark-failed.js';
import { prepareAddedFeeds } from './added-feeds.js';
import { prepareStories } from './stories.js';
import { prepareOutboxInspection } from './outbox/inspect.js';
import { preparePostpone } from './outbox/postpone.js';
import { prepareMarkSent } from './outbox/mark-sent.js';
import { prepareRevisions } from './outbox/revisions.js';
import { prepareMutes } from './mutes.js';
import { prepareHandledEvents } from './handled-events.js';
import { serialQueue } from '../serial.js';
import { prepareStatements } from './statements.js';
import { prepareSubscriptions } from './subscriptions.js';

/**
 * Opens the database file at `path` (or `:memory:`), creating its directory and bringing its
 * schema up to date. Fails with a StatementsError (module store, code STORE_OPEN, or
 * STORE_SCHEMA_NEWER / STORE_MIGRATE) that names the file and what to do.
 */
export async function openSqliteStore(path: string): Promise<Store> {
  let db: Database.Database | undefined;
  try {
    db = connect(path);
    migrate(db, migrations, path);
    return storeOver(db, path);
  } catch (error) {
    db?.close();
    throw openFailure(path, error);
  }
}

function storeOver(db: Database.Database, path: string): Store {
  const feeds = prepareFeeds(db);
  const feedClaims = prepareFeedClaims(db);
  const items = prepareItems(db);
  const statements = prepareStatements(db);
  const latest = prepareLatestBySpeaker(db);
  const subscriptions = prepareSubscriptions(db);
  const mutes = prepareMutes(db);
  const firstToHandle = prepareHandledEvents(db);
  // One process per SQLite file: serial in this process is serial everywhere.
  const serially = serialQueue();
  const added = prepareAddedFeeds(db);
  const stories = prepareStories(db);
  const enqueue = prepareEnqueue(db, Date.now);
  const due = prepareDueDeliveries(db);
  const inspect = prepareOutboxInspection(db);
  const markSent = prepareMarkSent(db);
  const markFailed = prepareMarkFailed(db);
  const postpone = preparePostpone(db);
  const revisions = prepareRevisions(db);

  // Every failure leaves as a StatementsError naming the operation and what to do.
  async function run<T>(operation: string, work: () => T): Promise<T> {
    if (!db.open) {
      throw new StatementsError('store', 'STORE_CLOSED', `could not ${operation}: the store ${path} is closed`);
    }
    try {
      return work();
    } catch (error) {
      throw operationFailure(operation, path, error);
    }
  }

  // Placeholders until their implementations land (issue 7 muting/revisions, issue 8 feed claims).
  const later = (what: string) => (): never => {
    throw new StatementsError('store', 'STORE_UNSUPPORTED', `${what} is not implemented by the SQLite store yet`);
  };

  return {
    ping: () => run('reach the database', () => void db.prepare('SELECT 1').get()),
    claimFeeds: (ids, owner, now, leaseMs, force) => run(`claim ${ids.length} feeds`, () => feedClaims.claimFeeds(ids, owner, now, leaseMs, force)),
    releaseFeed: (feedId, owner, next) => run(`release feed ${feedId}`, () => feedClaims.releaseFeed(feedId, owner, next)),
    claimRevisions: (now, limit, platforms, leaseMs) => run('claim due revisions of sent alerts', () => revisions.claimRevisions(now, limit, platforms, leaseMs)),
    finishRevision: (id, version, outcome) => run(`finish the revision of delivery ${id}`, () => revisions.finishRevision(id, version, outcome)),
    serially,
    firstToHandle: (key, now) => run(`record event ${key}`, () => firstToHandle(key, now)),
    mute: (m) => run(`mute ${m.target} in ${m.channel}`, () => mutes.mute(m)),
    unmute: (channel, target) => run(`unmute ${target} in ${channel}`, () => mutes.unmute(channel, target)),
    mutes: (now, channel) => run('list mutes', () => mutes.mutes(now, channel)),
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
    addSubscription: (s) => run(`add subscription ${s.id}`, () => subscriptions.addSubscription(s)),
    removeSubscription: (id) => run(`remove subscription ${id}`, () => subscriptions.removeSubscription(id)),
    subscriptions: (channel) => run('list subscriptions', () => subscriptions.subscriptions(channel)),

    enqueue: (list) => run(`queue ${list.length} deliveries`, () => enqueue(list)),
    dueDeliveries: (now, limit, platforms) => run('read due deliveries', () => due.dueDeliveries(now, limit, platforms)),
    claimDeliveries: (now, limit, platforms, leaseMs) => run('claim due deliveries', () => due.claimDeliveries(now, limit, platforms, leaseMs)),
    releaseClaims: () => run('release delivery claims', () => inspect.releaseClaims()),
    markSent: (id, at, ref) => run(`mark delivery ${id} sent`, () => markSent(id, at, ref ?? null)),
    markFailed: (id, error, next) => run(`record a failed attempt of delivery ${id}`, () => markFailed(id, error, next)),
    postpone: (id, reason, until) => run(`postpone delivery ${id}`, () => postpone(id, reason, until)),
    outboxSummary: (now) => run('count the outbox', () => inspect.outboxSummary(now)),
    failedDeliveries: (limit) => run('list failed deliveries', () => inspect.failedDeliveries(limit)),
    retryFailed: (ids, now) => run('retry failed deliveries', () => inspect.retryFailed(ids, now)),

    async close() {
      if (!db.open) return;
      // Keeps the query planner's statistics fresh, as SQLite advises before closing.
      db.pragma('optimize');
      db.close();
    },
  };
}
