/** The command grammar's values and what handlers need and return; no platform types here. */
import type { WatchlistMatcher } from '../matches/index.js';
import type { StoredStatement, Watchlist } from '../model/index.js';
import type { Store } from '../store/types.js';

export type Command =
  /** Latest statements by an actor and its people, else statements mentioning the term. */
  | { kind: 'query'; term: string; since: number | null; limit: number }
  /** Who says what on a topic (a watchlist keyword, else the words): each speaker's latest statement on it. */
  | { kind: 'claims'; topic: string; since: number | null; limit: number }
  | { kind: 'subscribe'; terms: string[]; digest?: DigestChoice }
  | { kind: 'unsubscribe'; terms: string[] | 'all' }
  | { kind: 'list' }
  /** The channel hears nothing because of this actor or keyword for `durationMs`. */
  | { kind: 'mute'; term: string; durationMs: number }
  | { kind: 'unmute'; term: string }
  /** The channel's mutes in force, with the time each has left. */
  | { kind: 'mutes' }
  | { kind: 'actors' }
  | { kind: 'feeds' }
  /** A feed added from chat (channel managers); it serves every channel, like a configured one. */
  | { kind: 'feed-add'; url: string }
  | { kind: 'feed-remove'; id: string }
  | { kind: 'help' }
  /** Text the grammar does not accept; `message` says what to type instead. */
  | { kind: 'invalid'; message: string };

/** How a channel hears its alerts: gathered per period, or `off` for one message each. */
export type DigestChoice = 'hourly' | 'daily' | 'off';

export interface FeedStatusLine {
  feedId: string;
  url: string;
  title: string | null;
  ok: boolean;
  lastError: string | null;
  nextPollAt: number | null;
  /** Consecutive failed polls. */
  failures: number;
}

export interface CommandContext {
  store: Store;
  watchlist: Watchlist;
  matcher: WatchlistMatcher;
  /** The channel the command came from, as subscriptions name it (`slack:C123`, `console`). */
  channel: string;
  /** The caller may change this channel's subscriptions (the platform adapter decides). */
  canManage: boolean;
  now: number;
  feedStatus: () => Promise<FeedStatusLine[]>;
  /** Adds a feed after checking it can be fetched and parsed (and is not on a refused address). */
  addFeed: (url: string) => Promise<FeedChange>;
  /** Removes a feed added from chat; configured feeds stay (they live in the config file). */
  removeFeed: (id: string) => Promise<FeedChange>;
}

export type FeedChange = { ok: true; id: string; title: string | null; items: number } | { ok: false; message: string };

/**
 * What to answer: plain text with a little markdown (`**bold**`, `` `code` ``, `•` bullets, bare
 * links) that each platform adapter converts and splits to its limits.
 */
export interface Reply {
  text: string;
  /** Only the caller sees it. */
  ephemeral: boolean;
  /** The statements a query found, for adapters that render them richly. */
  items?: StoredStatement[];
}
