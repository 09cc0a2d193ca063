/**
 * The store: everything the monitor remembers. One interface, an implementation per engine
 * (SQLite now, PostgreSQL later); async so both fit. Implementations hold no pipeline logic.
 */
import type { AddedFeed, Delivery, FeedState, ItemRecord, StoredStatement, StoryMember, Subscription } from '../model/index.js';

export interface StatementQuery {
  /** Statements spoken by any of these actors (watchlist ids). */
  speakerIds?: string[];
  /** Statements whose quote, speaker or article title contains this text (case-insensitive). */
  text?: string;
  /** Only statements seen at or after this time. */
  since?: number;
  limit: number;
}

/** Statements on a topic, for each speaker's latest (the claims board, `on <topic>`). */
export interface SpeakerQuery {
  /**
   * The quote must contain one of these as whole words, ignoring case, accents and the
   * punctuation between words ("Troop-withdrawal" has "troop withdrawal"; "withdrawals" has not
   * "withdrawal"). No phrases, nothing found.
   */
  phrases: string[];
  /** Only statements seen at or after this time. */
  since?: number;
  /** Speakers at most. */
  limit: number;
}

export interface NewDelivery {
  subscriptionId: string;
  channel: string;
  key: string;
  alert: Delivery['alert'];
  nextAttemptAt: number;
  /** For a digest subscription: its period (nextAttemptAt is then the period's end). */
  digest?: Delivery['digest'];
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

/** What a new article is looked up by when finding its story. */
export type StoryProbe = Pick<StoryMember, 'url' | 'titleKey' | 'signature'>;

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
  /**
   * Each speaker's latest statement on the phrases, speakers ordered by it, newest first
   * (published, else seen time; in article order within an article). A speaker is the watchlist
   * actor when known (`speakerId`), else the name ignoring case and accents; statements nobody is
   * named for (no `speakerId`, no `speaker`) are one group of their own.
   */
  latestBySpeaker(query: SpeakerQuery): Promise<StoredStatement[]>;

  // Stories
  addStoryMember(member: StoryMember): Promise<void>;
  /**
   * The copies, seen at or after `since`, of every story that may be the probe's: a recent copy
   * shares its link, its headline or a band of its signature (oldest first).
   */
  storyCandidates(probe: StoryProbe, since: number): Promise<StoryMember[]>;
  /** The outlets carrying a story, in the order they were seen. */
  storyOutlets(storyId: string): Promise<string[]>;
  /** Sets `alsoReportedBy` (these outlets but each alert's own) on the story's alerts not sent yet; returns how many. */
  reviseAlerts(key: string, outlets: readonly string[]): Promise<number>;

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
