import type { FeedState } from '../../model/index.js';
import type { Db } from './db.js';
import { FEED_COLUMNS, feedRow } from '../columns.js';
import { CODECS, parseRow } from './rows.js';

const COLUMNS = FEED_COLUMNS;
const FeedRow = feedRow(CODECS);
const toFeedState = (row: unknown): FeedState => parseRow(FeedRow, row, 'feeds');

export function feedsOver(db: Db) {
  return {
    async feedState(feedId: string): Promise<FeedState | null> {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM feeds WHERE feed_id = $1`, [feedId]);
      return rows.length === 0 ? null : toFeedState(rows[0]);
    },
    async saveFeedState(s: FeedState): Promise<void> {
      await db.query(
        `INSERT INTO feeds (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        ON CONFLICT (feed_id) DO UPDATE SET
          url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified,
          last_polled_at = excluded.last_polled_at, last_success_at = excluded.last_success_at,
          next_poll_at = excluded.next_poll_at, failures = excluded.failures,
          last_error_code = excluded.last_error_code, last_error = excluded.last_error,
          baselined = excluded.baselined, feed_title = excluded.feed_title`,
        [s.feedId, s.url, s.etag, s.lastModified, s.lastPolledAt, s.lastSuccessAt, s.nextPollAt, s.failures, s.lastErrorCode, s.lastError, s.baselined, s.feedTitle],
      );
    },
    async feedStates(): Promise<FeedState[]> {
      return (await db.query(`SELECT ${COLUMNS} FROM feeds ORDER BY feed_id`)).rows.map(toFeedState);
    },
  };
}
