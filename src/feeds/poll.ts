/**
 * One poll of one feed: fetch with the stored validators, parse a fresh body (never a 304), and
 * work out the feed's next state. Never throws: every fault is an `error` outcome whose message
 * names the feed and says what to do, and the feed is simply due again later.
 */
import { StatementsError } from '../errors.js';
import type { Feed, FeedItem, FeedState } from '../model/index.js';
import { advice } from './advice.js';
import { FeedErrorCode } from './codes.js';
import type { FetchOptions, FetchResult } from './result.js';
import { MAX_ITEMS_PER_FEED, parseFeed, type ParsedFeed } from './parse.js';
import { nextPollAfterFailure, nextPollAfterSuccess } from './schedule.js';

export interface PollOutcome {
  state: FeedState;
  /** Every item of a fresh body (newness is the pipeline's call); empty on 304 and on error. */
  items: FeedItem[];
  status: 'ok' | 'not-modified' | 'error';
  error: { code: string; message: string } | null;
  /** What was read but left out, for the log: items over MAX_ITEMS_PER_FEED, or unidentifiable. */
  warnings: string[];
}

/** What pollFeed needs of a fetcher; a Fetcher is one, and tests may pass a fake. */
export interface FeedFetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
}

export interface PollOptions {
  /** Backoff jitter; Math.random by default. */
  random?: () => number;
}

export async function pollFeed(feed: Feed, state: FeedState | null, fetcher: FeedFetcher, now: number, options: PollOptions = {}): Promise<PollOutcome> {
  const previous = state ?? newFeedState(feed);
  // Validators belong to the URL they came from; a re-pointed feed starts afresh.
  const sameUrl = previous.url === feed.url;
  const base: FeedState = {
    ...previous,
    feedId: feed.id,
    url: feed.url,
    etag: sameUrl ? previous.etag : null,
    lastModified: sameUrl ? previous.lastModified : null,
    lastPolledAt: now,
  };
  const fail = (code: string, detail: string, status: number | null, retryAfterMs: number | null): PollOutcome => {
    const failures = base.failures + 1;
    const nextPollAt = nextPollAfterFailure(now, feed.intervalMinutes, failures, retryAfterMs, options.random);
    const message = [`Feed "${feed.id}" (${feed.url}): ${detail}.`, advice(code, status), `Next attempt at ${new Date(nextPollAt).toISOString()} (failure ${failures}).`]
      .filter((part) => part !== '')
      .join(' ');
    return { state: { ...base, failures, nextPollAt, lastErrorCode: code, lastError: message }, items: [], status: 'error', error: { code, message }, warnings: [] };
  };
  const succeed = (etag: string | null, lastModified: string | null, nextPollAt: number): FeedState => ({
    ...base,
    etag,
    lastModified,
    lastSuccessAt: now,
    nextPollAt,
    failures: 0,
    lastErrorCode: null,
    lastError: null,
  });

  try {
    const result = await fetcher.fetch(feed.url, { etag: base.etag, lastModified: base.lastModified });
    if (result.kind === 'error') return fail(result.code, result.message, result.status, result.retryAfterMs);
    if (result.kind === 'not-modified') {
      const next = nextPollAfterSuccess(now, feed.intervalMinutes, null, result.maxAgeSeconds);
      return { state: succeed(result.etag, result.lastModified, next), items: [], status: 'not-modified', error: null, warnings: [] };
    }
    // On a parse failure the old validators stay, so the next poll fetches the whole body again.
    const parsed = await parseFeed(result.body, feed.id, result.finalUrl);
    const next = nextPollAfterSuccess(now, feed.intervalMinutes, parsed.ttlMinutes, result.maxAgeSeconds);
    const fresh = succeed(result.etag, result.lastModified, next);
    return { state: { ...fresh, feedTitle: parsed.title ?? previous.feedTitle }, items: parsed.items, status: 'ok', error: null, warnings: skippedWarnings(feed, parsed.skipped) };
  } catch (err) {
    // The module prefix would read oddly after the feed's name.
    if (err instanceof StatementsError) return fail(err.code, err.message.slice(`${err.module}: `.length), null, null);
    return fail(FeedErrorCode.Internal, `unexpected failure: ${err instanceof Error ? err.message : String(err)}`, null, null);
  }
}

function skippedWarnings(feed: Feed, skipped: ParsedFeed['skipped']): string[] {
  const warnings: string[] = [];
  if (skipped.overLimit > 0) {
    warnings.push(`Feed "${feed.id}" (${feed.url}) has ${skipped.overLimit + MAX_ITEMS_PER_FEED} items; only the newest ${MAX_ITEMS_PER_FEED} were read, ${skipped.overLimit} older ones were left out.`);
  }
  if (skipped.unidentifiable > 0) {
    warnings.push(`Feed "${feed.id}" (${feed.url}): ${skipped.unidentifiable} entries without a guid, link or title were left out (nothing tells them apart).`);
  }
  return warnings;
}

/** What is known of a feed before its first poll: nothing. */
export function newFeedState(feed: Pick<Feed, 'id' | 'url'>): FeedState {
  return {
    feedId: feed.id,
    url: feed.url,
    etag: null,
    lastModified: null,
    lastPolledAt: null,
    lastSuccessAt: null,
    nextPollAt: null,
    failures: 0,
    lastErrorCode: null,
    lastError: null,
    baselined: false,
    feedTitle: null,
  };
}
