/**
 * Item identity: the first stable key of guid, canonical link, title + day, hashed. Feeds re-send
 * the same item with tracking parameters or a fragment changed; those must not look new.
 */
import { createHash } from 'node:crypto';

/** Query parameters that identify a campaign or a click, never the article. */
const TRACKING = new Set(['fbclid', 'gclid', 'mc_cid', 'mc_eid', 'ref', 'cmpid', 'ocid', 'smid']);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING.has(lower);
}

/**
 * Lower-case scheme and host (URL does that), no fragment, no tracking parameters, the rest sorted
 * by name; path and parameter values are kept byte for byte. Relative links resolve against
 * `base`. Not a URL → null.
 */
export function canonicalLink(link: string, base?: string): string | null {
  let href: string;
  try {
    href = new URL(link.trim(), base).href;
  } catch {
    return null;
  }
  const hash = href.indexOf('#');
  if (hash >= 0) href = href.slice(0, hash);
  const query = href.indexOf('?');
  if (query < 0) return href;
  // Split by hand rather than via URLSearchParams, which would re-encode values (%20 → +).
  const kept = href
    .slice(query + 1)
    .split('&')
    .filter((pair) => pair !== '' && !isTracking(paramName(pair)))
    .sort((a, b) => compare(paramName(a), paramName(b)));
  return kept.length === 0 ? href.slice(0, query) : `${href.slice(0, query)}?${kept.join('&')}`;
}

function paramName(pair: string): string {
  const eq = pair.indexOf('=');
  return eq < 0 ? pair : pair.slice(0, eq);
}

/** By code unit, like URLSearchParams#sort; Array#sort is stable, so repeated names keep their order. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface IdentityParts {
  guid: string | null;
  link: string | null;
  title: string | null;
  published: number | null;
}

/** The key an identity is hashed from; exported so `why` and tests can show it. */
export function identityKey({ guid, link, title, published }: IdentityParts): string {
  const cleanGuid = guid?.trim() ?? '';
  if (cleanGuid !== '') return `guid:${cleanGuid}`;
  const canonical = link === null ? null : canonicalLink(link);
  if (canonical !== null) return `link:${canonical}`;
  // Date's own range (±8.64e15 ms); beyond it toISOString would throw.
  const day = published === null || !(Math.abs(published) <= 8.64e15) ? '' : new Date(published).toISOString().slice(0, 10);
  return `title:${normaliseTitle(title ?? '')}|${day}`;
}

/** sha256 hex of identityKey. */
export function itemIdentity(parts: IdentityParts): string {
  return createHash('sha256').update(identityKey(parts)).digest('hex');
}

function normaliseTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
