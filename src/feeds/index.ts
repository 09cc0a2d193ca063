/**
 * The feeds stage: fetch (conditional, bounded, polite), parse, identify items, and decide when
 * each feed is next due. Newness and baselines are the pipeline's business.
 */
export { FeedErrorCode } from './codes.js';
export { DEFAULT_FETCH_LIMITS, FEED_ACCEPT, Fetcher, type FetcherOptions, type FetchLimits } from './fetcher.js';
export { checkAddress, classifyAddress, guardedLookup, isCidr, type AddressPolicy, type AddressRefusal, type Resolver } from './address-guard.js';
export type { FetchOptions, FetchResult, Validators } from './result.js';
export { parseFeed, type ParsedFeed } from './parse.js';
export { canonicalLink, identityKey, itemIdentity, type IdentityParts } from './identity.js';
export { MAX_BACKOFF_MS, MAX_HINTED_DELAY_MS, MAX_RETRY_AFTER_MS, nextPollAfterFailure, nextPollAfterSuccess } from './schedule.js';
export { newFeedState, pollFeed, type FeedFetcher, type PollOptions, type PollOutcome } from './poll.js';
