/** Digest periods: when a digest subscription's alerts of the moment will be sent together. */
import type { DigestPeriod } from '../model/index.js';

/** Daily digests go out at this hour (UTC): early morning in Europe, late evening in the Americas. */
export const DAILY_DIGEST_HOUR_UTC = 6;

/** The end of the period `now` falls in: the next full hour, or the next daily digest hour. */
export function periodEnd(now: number, period: DigestPeriod): number {
  const hour = 3_600_000;
  if (period === 'hourly') return Math.floor(now / hour) * hour + hour;
  const day = 24 * hour;
  const todays = Math.floor(now / day) * day + DAILY_DIGEST_HOUR_UTC * hour;
  return todays > now ? todays : todays + day;
}
