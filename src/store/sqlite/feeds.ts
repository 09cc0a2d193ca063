import type Database from 'better-sqlite3';
import type { FeedState } from '../../model/index.js';
import { FEED_COLUMNS, feedRow } from '../columns.js';
import { CODECS, parseRow } from './rows.js';

const COLUMNS = FEED_COLUMNS;
const FeedRow = feedRow(CODECS);
const toFeedState = (row: unknown): FeedState => parseRow(FeedRow, row, 'feeds');

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
