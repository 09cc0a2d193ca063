/**
 * Plain data shared by the pipeline stages. Stages exchange these values and nothing else:
 * no database handles, no clients.
 */

/** How the words reached the article: verbatim sentence(s), a quoted fragment, or paraphrase. */
export type StatementKind = 'direct' | 'partial' | 'indirect';

export interface Statement {
  /** The words inside the quote marks; for `indirect`, the reported clause. */
  quote: string;
  /** Full name or organisation, or null when nobody can be named with confidence. */
  speaker: string | null;
  /** Watchlist actor id when the speaker is a known actor. */
  speakerId: string | null;
  /** Role and affiliation as the article gives them ("NATO Secretary General"), or the watchlist's. */
  role: string | null;
  kind: StatementKind;
  /** Offsets of `quote` in the article text (UTF-16 code units, as JavaScript indexes strings). */
  start: number;
  end: number;
  /** The attribution cue as written ("told reporters", "said", "according to"), if any. */
  cue: string | null;
}

export type ActorKind = 'person' | 'organisation';

export interface Actor {
  /** Stable slug, e.g. `jens-stoltenberg`. */
  id: string;
  /** Canonical display name. */
  name: string;
  kind: ActorKind;
  /** Other names and spellings, matched on word boundaries ignoring case and accents (two- or three-letter acronyms such as US match capitals only). */
  aliases: string[];
  role: string | null;
  /** Ids of the actors this one belongs to or speaks for (Peskov → kremlin → russia). */
  affiliations: string[];
  gender: 'female' | 'male' | null;
}

export interface Keyword {
  id: string;
  /** Display label, e.g. `troop withdrawal`. */
  label: string;
  /** Phrases that count as this keyword, including spelling variants. */
  variants: string[];
}

export interface Watchlist {
  actors: Actor[];
  keywords: Keyword[];
}

/** One occurrence of a watchlist entry in a text. */
export interface Hit {
  kind: 'actor' | 'keyword';
  id: string;
  start: number;
  end: number;
}

/** An actor the article mentions or quotes; `id` is null for speakers the watchlist does not know. */
export interface ActorMention {
  id: string | null;
  name: string;
}

export interface Extraction {
  statements: Statement[];
  /** Watchlist actors mentioned in the article body, then unknown speakers, in order of first mention. */
  actors: ActorMention[];
  /** Ids of watchlist keywords found, in order of first mention. */
  keywords: string[];
}

/* ---------------------------------------------------------------------------------------------
 * The monitor: feeds → items → articles → statements → matches → alerts → deliveries.
 * Times are epoch milliseconds; ids are strings.
 * ------------------------------------------------------------------------------------------- */

/** A feed to poll, as configured. */
export interface Feed {
  id: string;
  url: string;
  /** Display name of the outlet; the feed's own title when not configured. */
  title: string | null;
  /** Minimum minutes between polls of this feed (the schedule may run more often). */
  intervalMinutes: number;
  /** Fetch the article page when the feed carries only a teaser. */
  fetchArticles: boolean;
  /** On the first successful poll, alert the newest N items instead of none (baseline). */
  alertNewestOnFirstPoll: number;
  /** Items published longer ago than this are recorded but never alerted. */
  maxAgeHours: number;
}

/** What the monitor remembers about a feed between polls. */
/** A feed a channel manager added from chat. */
export interface AddedFeed {
  id: string;
  url: string;
  title: string | null;
  /** The channel it was added from. */
  addedBy: string;
  createdAt: number;
}

export interface FeedState {
  feedId: string;
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: number | null;
  lastSuccessAt: number | null;
  /** Earliest time of the next poll (interval, TTL, Retry-After or backoff). */
  nextPollAt: number | null;
  /** Consecutive failed polls; 0 after a success. */
  failures: number;
  lastErrorCode: string | null;
  lastError: string | null;
  /** The first successful poll has recorded the baseline. */
  baselined: boolean;
  /** Title the feed gives itself. */
  feedTitle: string | null;
}

/** One entry of a parsed feed. */
export interface FeedItem {
  feedId: string;
  /** Stable identity: hash of guid, else canonical link, else title + date. */
  identity: string;
  guid: string | null;
  /** Canonical link (tracking parameters stripped), or null. */
  link: string | null;
  title: string;
  published: number | null;
  /** Full text or HTML the feed carries (content:encoded, Atom content), or null. */
  content: string | null;
  /** Teaser (description, summary), or null. */
  summary: string | null;
}

/** The readable text of an item, wherever it came from. */
export interface Article {
  identity: string;
  feedId: string;
  title: string;
  url: string | null;
  outlet: string | null;
  published: number | null;
  /** Plain text, paragraphs separated by blank lines, boilerplate removed. */
  text: string;
  /** Where the text came from. */
  source: 'feed' | 'page' | 'summary';
}

/** Why an item was or was not alerted: the answer to `statements why <url>`. */
export type ItemDecision =
  | 'alerted'
  | 'baseline'
  | 'too-old'
  | 'no-statements'
  | 'no-subscriber'
  | 'duplicate'
  | 'article-failed';

export interface ItemRecord {
  identity: string;
  feedId: string;
  link: string | null;
  title: string;
  published: number | null;
  firstSeenAt: number;
  decision: ItemDecision;
  /** A sentence for people: what happened to this item and why. */
  reason: string;
}

/** A statement as stored, with the article it came from. */
export interface StoredStatement extends Statement {
  identity: string;
  /** Position in the article, to keep article order. */
  ordinal: number;
  title: string;
  url: string | null;
  outlet: string | null;
  published: number | null;
  seenAt: number;
}

/** How often a digest subscription gets its one message. */
export type DigestPeriod = 'hourly' | 'daily';

/** What a channel wants to hear about. A subscription with no filters hears every alert. */
export interface Subscription {
  id: string;
  /** Where alerts go: `console`, `slack:<channel id>`, `discord:<channel id>`. */
  channel: string;
  /** Watchlist actor ids. */
  actors: string[];
  /** Watchlist keyword ids. */
  keywords: string[];
  createdAt: number;
  /** Alerts gathered into one message per period instead of one each (absent: immediate). */
  digest?: DigestPeriod | null;
}

/** A channel not hearing of an actor or keyword for a while (`mute nato 24h`). */
export interface Mute {
  channel: string;
  /** Watchlist actor or keyword id. */
  target: string;
  /** Muted until this time; from then on alerts for it come again. */
  until: number;
  createdAt: number;
}

export interface AlertQuote {
  quote: string;
  speaker: string | null;
  role: string | null;
  kind: StatementKind;
}

/** One copy of a story (an item), with what it was matched by. */
export interface StoryMember {
  /** Item identity of this copy. */
  identity: string;
  /** Identity of the story's first item: the key its alerts are sent under. */
  storyId: string;
  url: string | null;
  outlet: string | null;
  /** The headline normalised (see stories/signature.ts). */
  titleKey: string;
  /** MinHash of the body. */
  signature: Uint32Array;
  /** Its quotes, normalised: a copy with a quote its story lacks is news, not a copy. */
  quotes: string[];
  seenAt: number;
}

/** A platform-neutral alert: rendered by each sink within its own limits. */
export interface Alert {
  /** Item identity the alert is about (a story id once stories exist). */
  key: string;
  title: string;
  outlet: string | null;
  url: string | null;
  published: number | null;
  /** One or two lead sentences chosen from the article. */
  lead: string[];
  /** Names of the watchlist actors matched (speakers first). */
  actors: string[];
  /** Labels of the watchlist keywords matched. */
  keywords: string[];
  quotes: AlertQuote[];
  /** Other outlets carrying the same story, learnt after the alert was written. */
  alsoReportedBy?: string[];
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** An alert on its way to one channel: written before it is sent, unique per (subscription, key). */
export interface Delivery {
  id: number;
  subscriptionId: string;
  channel: string;
  key: string;
  alert: Alert;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
  /** An earlier attempt may have reached the platform (its claim ended without an answer). */
  inDoubt: boolean;
  /** Part of a digest: sent together with the subscription's other alerts of the period. */
  digest: DigestPeriod | null;
  /** The platform's id of the message once sent (Slack ts, Discord message id), for edits. */
  messageRef?: string | null;
}

/**
 * An edit owed to a message already sent: its story gained outlets, so the message is updated
 * in place to list them (`alert` carries the new `alsoReportedBy`).
 */
export interface Revision {
  deliveryId: number;
  subscriptionId: string;
  channel: string;
  key: string;
  messageRef: string;
  alert: Alert;
  /** Incremented by each reviseAlerts; finishing an older version leaves the newer one owed. */
  version: number;
  attempts: number;
}
