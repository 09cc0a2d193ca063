import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { FeedState } from '../../model/index.js';
import { int, nullableInt, nullableText, parseRow } from './rows.js';

const COLUMNS = `feed_id, url, etag, last_modified, last_polled_at, last_success_at, next_poll_at,
  failures, last_error_code, last_error, baselined, feed_title`;

const FeedRow = z.object({
  feed_id: z.string(),
  url: z.string(),
  etag: nullableText,
  last_modified: nullableText,
  last_polled_at: nullableInt,
  last_success_at: nullableInt,
  next_poll_at: nullableInt,
  failures: int,
  last_error_code: nullableText,
  last_error: nullableText,
  baselined: int,
  feed_title: nullableText,
});

function toFeedState(row: unknown): FeedState {
  const r = parseRow(FeedRow, row, 'feeds');
  return {
    feedId: r.feed_id,
    url: r.url,
    etag: r.etag,
    lastModified: r.last_modified,
    lastPolledAt: r.last_polled_at,
    lastSuccessAt: r.last_success_at,
    nextPollAt: r.next_poll_at,
    failures: r.failures,
    lastErrorCode: r.last_error_code,
    lastError: r.last_error,
    baselined: r.baselined === 1,
    feedTitle: r.feed_title,
  };
}

/** SQLite binds no booleans, hence the row's own parameter shape. */
type FeedParams = Omit<FeedState, 'baselined'> & { baselined: 0 | 1 };

export function prepareFeeds(db: Database.Database) {
  const byId = db.prepare<[string]>(`SELECT ${COLUMNS} FROM feeds WHERE feed_id = ?`);
  const all = db.prepare<[]>(`SELECT ${COLUMNS} FROM feeds ORDER BY feed_id`);
  const upsert = db.prepare<FeedParams>(`
    INSERT INTO feeds (${COLUMNS})
    VALUES (@feedId, @url, @etag, @lastModified, @lastPolledAt, @lastSuccessAt, @nextPollAt,
      @failures, @lastErrorCode, @lastError, @baselined, @feedTitle)
    ON CONFLICT (feed_id) DO UPDATE SET
      url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified,
      last_polled_at = excluded.last_polled_at, last_success_at = excluded.last_success_at,
      next_poll_at = excluded.next_poll_at, failures = excluded.failures,
      last_error_code = excluded.last_error_code, last_error = excluded.last_error,
      baselined = excluded.baselined, feed_title = excluded.feed_title`);

  return {
    feedState(feedId: string): FeedState | null {
      const row = byId.get(feedId);
      return row === undefined ? null : toFeedState(row);
    },
    saveFeedState(state: FeedState): void {
      upsert.run({ ...state, baselined: state.baselined ? 1 : 0 });
    },
    feedStates(): FeedState[] {
      return all.all().map(toFeedState);
    },
  };
}
