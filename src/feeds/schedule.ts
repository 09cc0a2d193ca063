/**
 * When a feed is next due. Pure: the clock and the dice are arguments. A feed is never dropped:
 * however often it fails, it is retried at the backoff cap.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Server hints (TTL, max-age) may lengthen the interval up to this much, no further. */
export const MAX_HINTED_DELAY_MS = 24 * HOUR;
/** Backoff stops doubling here. */
export const MAX_BACKOFF_MS = 6 * HOUR;
/** Retry-After is obeyed up to this much; a larger value would amount to dropping the feed. */
export const MAX_RETRY_AFTER_MS = 24 * HOUR;
/** No retry sooner than this, whatever the interval. */
const MIN_DELAY_MS = MINUTE;

/**
 * After a 200 or 304: the largest of the configured interval, the feed's `<ttl>` and the
 * response's Cache-Control max-age; the hints are capped at a day, the configured interval is not.
 */
export function nextPollAfterSuccess(now: number, intervalMinutes: number, ttlMinutes: number | null, maxAgeSeconds: number | null): number {
  const interval = Math.max(MIN_DELAY_MS, intervalMinutes * MINUTE);
  const hinted = Math.min(MAX_HINTED_DELAY_MS, Math.max((ttlMinutes ?? 0) * MINUTE, (maxAgeSeconds ?? 0) * 1000));
  return now + Math.max(interval, hinted);
}

/**
 * After the `failures`-th consecutive failure (1 for the first): interval × 2^(failures−1), capped
 * at 6 h, ±10 % jitter so feeds that failed together do not retry together, and never before
 * Retry-After (itself capped at a day).
 */
export function nextPollAfterFailure(
  now: number,
  intervalMinutes: number,
  failures: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const interval = Math.max(MIN_DELAY_MS, intervalMinutes * MINUTE);
  const doublings = Math.max(0, Math.min(failures - 1, 30));
  const backoff = Math.min(interval * 2 ** doublings, MAX_BACKOFF_MS);
  const jittered = backoff * (0.9 + 0.2 * random());
  const floor = Math.min(Math.max(0, retryAfterMs ?? 0), MAX_RETRY_AFTER_MS);
  return now + Math.round(Math.max(MIN_DELAY_MS, jittered, floor));
}
