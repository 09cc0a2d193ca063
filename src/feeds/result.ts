/** What one fetch of a feed (or article page) came to. The fetcher never throws: faults are values. */
import type { FeedErrorCode } from './codes.js';

/** Validators from the previous successful fetch, sent as If-None-Match / If-Modified-Since. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchOptions extends Validators {
  /** Accept header; feeds by default. The articles stage asks for HTML. */
  accept?: string;
}

export type FetchResult =
  | {
      kind: 'ok';
      body: string;
      status: number;
      finalUrl: string;
      etag: string | null;
      lastModified: string | null;
      maxAgeSeconds: number | null;
    }
  | { kind: 'not-modified'; etag: string | null; lastModified: string | null; maxAgeSeconds: number | null }
  | { kind: 'error'; code: FeedErrorCode; message: string; status: number | null; retryAfterMs: number | null };

export type FetchError = Extract<FetchResult, { kind: 'error' }>;

export function fetchError(code: FeedErrorCode, message: string, status: number | null = null, retryAfterMs: number | null = null): FetchError {
  return { kind: 'error', code, message, status, retryAfterMs };
}
