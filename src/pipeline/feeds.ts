/**
 * The feeds watched: those in the config and those channel managers added from chat. Adding one
 * fetches and parses it once first (through the same fetcher, with its address checks), so what
 * is kept is known to work.
 */
import { createHash } from 'node:crypto';
import { feedSchema } from '../config/schema.js';
import type { FeedChange } from '../commands/index.js';
import { FEED_ACCEPT, parseFeed } from '../feeds/index.js';
import type { AddedFeed, Feed } from '../model/index.js';
import type { PipelineDeps } from './deps.js';

/** Configured feeds first; an added feed whose address is configured too is polled once. */
export async function watchedFeeds(deps: Pick<PipelineDeps, 'feeds' | 'store'>): Promise<Feed[]> {
  const configured = new Set(deps.feeds.map((f) => f.url));
  const added = (await deps.store.addedFeeds()).filter((f) => !configured.has(f.url));
  return [...deps.feeds, ...added.map(asFeed)];
}

/** An added feed polls with the config's defaults for a feed (baseline first, 48 h age limit…). */
function asFeed(feed: AddedFeed): Feed {
  return feedSchema.parse({ id: feed.id, url: feed.url, title: feed.title });
}

export async function addFeed(deps: PipelineDeps, url: string, channel: string): Promise<FeedChange> {
  const known = (await watchedFeeds(deps)).find((f) => f.url === url);
  if (known !== undefined) return { ok: false, message: `it is watched already, as \`${known.id}\`.` };
  const result = await deps.fetcher.fetch(url, { accept: FEED_ACCEPT });
  if (result.kind !== 'ok') return { ok: false, message: result.kind === 'error' ? result.message : `the server answered ${result.kind} to a first request.` };
  const id = feedId(url);
  let title: string | null;
  let items: number;
  try {
    const parsed = await parseFeed(result.body, id, result.finalUrl);
    title = parsed.title;
    items = parsed.items.length;
  } catch (err) {
    return { ok: false, message: `${url} does not read as an RSS or Atom feed (${err instanceof Error ? err.message : String(err)}). Look for a link to the site's feed, often ending in /rss or /feed.` };
  }
  const added: AddedFeed = { id, url, title, addedBy: channel, createdAt: deps.now() };
  if (!(await deps.store.addFeed(added))) return { ok: false, message: `it is watched already, as \`${id}\`.` };
  deps.log.log('info', `feed added from chat: ${url}`, { feed: id, channel });
  return { ok: true, id, title, items };
}

export async function removeFeed(deps: PipelineDeps, id: string): Promise<FeedChange> {
  if (deps.feeds.some((f) => f.id === id)) return { ok: false, message: `\`${id}\` is in the config file; only whoever runs the bot can remove it there.` };
  const removed = await deps.store.removeFeed(id);
  if (removed === null) return { ok: false, message: `There is no feed \`${id}\` added from chat. Type \`feeds\` to see the feeds and their ids.` };
  deps.log.log('info', `feed removed from chat: ${removed.url}`, { feed: id });
  return { ok: true, id, title: removed.title, items: 0 };
}

/** `chat-<host>-<hash>`: readable, stable for the same URL, a valid feed id. */
function feedId(url: string): string {
  const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 6);
  return `chat-${host === '' ? 'feed' : host}-${hash}`;
}
