/**
 * The store: everything the monitor remembers. One interface, an implementation per engine
 * (SQLite now, PostgreSQL later); async so both fit. Implementations hold no pipeline logic.
 */
import type { AddedFeed, Delivery, FeedState, ItemRecord, StoredStatement, Subscription } from '../model/index.js';

export interface StatementQuery {
  /** Statements spoken by any of these actors (watchlist ids). */
  speakerIds?: string[];
  /** Statements whose quote, speaker or article title contains this text (case-insensitive). */
  text?: string;
  /** Only statements seen at or after this time. */
  since?: number;
  limit: number;
}

export interface NewDelivery {
  subscriptionId: string;
  channel: string;
  key: string;
  alert: Delivery['alert'];
  nextAttemptAt: number;
}

/** How many deliveries are in each state; `sending` are pending ones claimed right now. */
export interface OutboxSummary {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  /** Pending deliveries an earlier attempt may already have delivered. */
  inDoubt: number;
}

export interface Store {
  // Feeds
  feedState(feedId: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  feedStates(): Promise<FeedState[]>;
  /** Keeps a feed added from chat; false when its id or URL is there already. */
  addFeed(feed: AddedFeed): Promise<boolean>;
  /** Removes a feed added from chat, returning it (null when there is none with this id). */
  removeFeed(id: string): Promise<AddedFeed | null>;
  addedFeeds(): Promise<AddedFeed[]>;

  // Items: identity is unique; recording twice keeps the first record.
  hasItem(identity: string): Promise<boolean>;
  /** Records the item; returns false when it was already known (nothing changed). */
  recordItem(item: ItemRecord): Promise<boolean>;
  /** Latest record whose link is `url` (canonical form), for `why`. */
  itemByLink(url: string): Promise<ItemRecord | null>;

  // Statements
  saveStatements(statements: StoredStatement[]): Promise<void>;
  /** Newest first (published, else seen time). */
  queryStatements(query: StatementQuery): Promise<StoredStatement[]>;

  // Subscriptions
  /** Adds, or replaces the filters of the subscription with this id (keeping its creation time). */
  addSubscription(subscription: Subscription): Promise<void>;
  /** Removes it, with its deliveries still pending. */
  removeSubscription(id: string): Promise<boolean>;
  subscriptions(channel?: string): Promise<Subscription[]>;

  // Outbox
  /** Inserts what is not there yet (unique per subscription and key); returns how many were new. */
  enqueue(deliveries: NewDelivery[]): Promise<number>;
  /**
   * Pending deliveries due at `now`, oldest first, at most `limit`; only for these platforms
   * (`console`, `slack`…) when given, so alerts for a platform this process cannot reach wait
   * without holding up the others.
   */
  dueDeliveries(now: number, limit: number, platforms?: readonly string[]): Promise<Delivery[]>;
  /**
   * The same deliveries, claimed until `now + leaseMs` at once, so no other drain takes them.
   * A delivery whose earlier claim expired unanswered comes back with `inDoubt` set.
   */
  claimDeliveries(now: number, limit: number, platforms: readonly string[] | undefined, leaseMs: number): Promise<Delivery[]>;
  /** Ends every claim at once, marking those deliveries in doubt: on start, when no other process can hold one. */
  releaseClaims(): Promise<number>;
  markSent(id: number, at: number): Promise<void>;
  /** Records a failed attempt; `nextAttemptAt` null gives up (status failed). */
  markFailed(id: number, error: string, nextAttemptAt: number | null): Promise<void>;
  /** Waits until `until` without counting an attempt (the platform rate-limited us). */
  postpone(id: number, reason: string, until: number): Promise<void>;
  outboxSummary(now: number): Promise<OutboxSummary>;
  /** Deliveries given up (the dead letters), newest first, each with its last error. */
  failedDeliveries(limit: number): Promise<Delivery[]>;
  /** Gives failed deliveries (these ids, or all) a fresh set of attempts from `now`; returns how many. */
  retryFailed(ids: readonly number[] | 'all', now: number): Promise<number>;

  close(): Promise<void>;
}
