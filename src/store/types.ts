/**
 * The store: everything the monitor remembers. One interface, an implementation per engine
 * (SQLite now, PostgreSQL later); async so both fit. Implementations hold no pipeline logic.
 */
import type { AddedFeed, Delivery, FeedState, ItemRecord, Mute, Revision, StoredStatement, StoryMember, Subscription } from '../model/index.js';

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

/** How a revision attempt ended: done (null error), retry at a time, or given up (null time). */
export interface RevisionOutcome {
  error: string | null;
  nextAttemptAt: number | null;
}

/** How long a handled event is remembered (see firstToHandle). */
export const HANDLED_EVENT_KEPT_MS = 24 * 60 * 60 * 1000;

export interface Store {
  /** Throws when the database cannot be reached (for /healthz); cheap. */
  ping(): Promise<void>;

  // Feeds
  feedState(feedId: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  feedStates(): Promise<FeedState[]>;
  /** Keeps a feed added from chat; false when its id or URL is there already. */
  addFeed(feed: AddedFeed): Promise<boolean>;
  /** Removes a feed added from chat, returning it (null when there is none with this id). */
  removeFeed(id: string): Promise<AddedFeed | null>;
  addedFeeds(): Promise<AddedFeed[]>;
  /**
   * Claims for `owner`, until `now + leaseMs`, those of these feeds that no live claim holds and
   * that are due at `now` (never released, or released with a next poll time ≤ now; `force`
   * skips the due check but never a live claim). Returns the ids claimed. Atomic across
   * processes: two replicas never hold one feed at once.
   */
  claimFeeds(feedIds: readonly string[], owner: string, now: number, leaseMs: number, force?: boolean): Promise<string[]>;
  /** Ends `owner`'s claim on a feed, which is next due at `nextPollAt` (null: due now). No-op if another owner holds it. */
  releaseFeed(feedId: string, owner: string, nextPollAt: number | null): Promise<void>;

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
  /**
   * Sets `alsoReportedBy` (these outlets but each alert's own) on the story's alerts: those not
   * sent yet simply go out revised; those sent as a single message with a `messageRef` (not
   * digests) get a revision owed, due at `now`, so the message is edited in place. One being sent
   * at that moment (claimed) left as it was: it owes the revision too, kept if markSent gives a
   * messageRef, dropped when a later claim resends it revised. Returns how many alerts changed (an
   * unchanged outlet list changes nothing and owes nothing).
   */
  reviseAlerts(key: string, outlets: readonly string[], now: number): Promise<number>;
  /** Owed revisions due at `now`, claimed until `now + leaseMs` (only these platforms when given). */
  claimRevisions(now: number, limit: number, platforms: readonly string[] | undefined, leaseMs: number): Promise<Revision[]>;
  /** Records a revision attempt of `version`; a newer version owed stays owed whatever the outcome. */
  finishRevision(deliveryId: number, version: number, outcome: RevisionOutcome): Promise<void>;

  /**
   * Runs `work` while no other call under `name` runs, in this process or (PostgreSQL) any
   * replica: placing an article in its story reads the recent copies and then adds this one, and
   * two copies placed at once would each start a story of their own and be alerted twice.
   */
  serially<T>(name: string, work: () => Promise<T>): Promise<T>;

  // Events every replica receives
  /**
   * True for the first caller with this key, false for every later one (for a day): replicas
   * that all receive one event (a Discord interaction reaches every gateway session) let the
   * first to record it answer.
   */
  firstToHandle(key: string, now: number): Promise<boolean>;

  // Mutes
  /** Mutes a target in a channel until `mute.until` (replacing an earlier mute of it). */
  mute(mute: Mute): Promise<void>;
  /** Ends a mute early; false when the target was not muted there. */
  unmute(channel: string, target: string): Promise<boolean>;
  /** Mutes in force at `now` (of one channel when given), soonest to end first. */
  mutes(now: number, channel?: string): Promise<Mute[]>;

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
  /**
   * Ends every claim at once, marking those deliveries in doubt: on start of a store only one
   * process uses (SQLite). A store shared by replicas returns 0: claims there end by expiry.
   */
  releaseClaims(): Promise<number>;
  /** Records the platform's acceptance, with its message id when it gave one (for later edits). */
  markSent(id: number, at: number, messageRef?: string | null): Promise<void>;
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
