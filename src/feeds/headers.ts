/** The few response headers that steer polling: Retry-After and Cache-Control. */

/** Retry-After as a delay in ms: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Cache-Control max-age in seconds; null when absent, or when no-store/no-cache make it moot. */
export function parseMaxAge(value: string | undefined): number | null {
  if (value === undefined) return null;
  let maxAge: number | null = null;
  for (const part of value.toLowerCase().split(',')) {
    const directive = part.trim();
    if (directive === 'no-store' || directive === 'no-cache') return null;
    const match = /^max-age\s*=\s*"?(\d+)"?$/.exec(directive);
    if (match?.[1] !== undefined) maxAge = Number(match[1]);
  }
  return maxAge;
}

/** A header Node may give as a list (set-cookie style) or not at all, as one string. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
