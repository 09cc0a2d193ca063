/**
 * An item's readable text, wherever it is: the feed's full content, else the article page, else
 * the teaser.
 */
import { StatementsError } from '../errors.js';
import type { Article, Feed, FeedItem } from '../model/index.js';
import { removeBoilerplate } from './boilerplate.js';
import { collapseWhitespace, htmlToText } from './html-text.js';
import { dropLeadingTitle, readablePageText } from './readable.js';

/** Fetches an article page (with the feed fetcher's limits) and returns its HTML. */
export type PageFetcher = (url: string) => Promise<string>;

/** Feed content shorter than this (in characters of text) is a teaser, not the article. */
export const FULL_TEXT_MIN_CHARS = 600;

const LOOKS_LIKE_HTML = /<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/**
 * The article for a feed item. Throws `ARTICLE_FETCH_FAILED` (cause attached) when the page had to
 * be fetched and the fetcher failed: the caller decides between retrying later and calling again
 * with `fetchPage` null, which settles for the teaser.
 */
export async function articleFromItem(
  item: FeedItem,
  feed: Feed,
  feedTitle: string | null,
  fetchPage: PageFetcher | null,
): Promise<Article> {
  const title = feedText(item.title).replace(/\n+/g, ' ');
  const base = { identity: item.identity, feedId: item.feedId, title, url: item.link, outlet: feed.title ?? feedTitle, published: item.published };
  const finish = (text: string): string => dropLeadingTitle(removeBoilerplate(text), [title]);
  const content = finish(feedText(item.content));
  const summary = finish(feedText(item.summary));

  if (content.length > FULL_TEXT_MIN_CHARS && content.length > summary.length) return { ...base, text: content, source: 'feed' };

  if (feed.fetchArticles && item.link !== null && fetchPage !== null) {
    const html = await fetchOrExplain(fetchPage, item.link);
    const page = readablePageText(html, item.link);
    const text = page === null ? '' : finish(page);
    // A page that yields less than the feed's own teaser is a paywall or a consent wall.
    if (text.length > Math.max(content.length, summary.length)) return { ...base, text, source: 'page' };
  }
  return { ...base, text: content.length > summary.length ? content : summary, source: 'summary' };
}

async function fetchOrExplain(fetchPage: PageFetcher, url: string): Promise<string> {
  try {
    return await fetchPage(url);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new StatementsError('articles', 'ARTICLE_FETCH_FAILED', `cannot fetch the article page ${url} (${reason}); it will be read from the feed's teaser if retried without fetching`, { cause });
  }
}

/** Feed fields hold HTML or plain text; either becomes paragraphs separated by blank lines. */
function feedText(value: string | null): string {
  if (value === null) return '';
  if (LOOKS_LIKE_HTML.test(value)) return htmlToText(value);
  // Plain text: blank lines separate paragraphs when there are any, else every line is one.
  const paragraphs = /\n\s*\n/.test(value) ? value.split(/\n\s*\n/) : value.split('\n');
  return paragraphs
    .map(collapseWhitespace)
    .filter((p) => p !== '')
    .join('\n\n');
}
