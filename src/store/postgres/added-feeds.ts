import { z } from 'zod';
import type { AddedFeed } from '../../model/index.js';
import type { Db } from './db.js';
import { int8, nullableText, parseRow } from './rows.js';

const COLUMNS = 'id, url, title, added_by, created_at';
const AddedFeedRow = z
  .object({ id: z.string(), url: z.string(), title: nullableText, added_by: z.string(), created_at: int8 })
  .transform((r): AddedFeed => ({ id: r.id, url: r.url, title: r.title, addedBy: r.added_by, createdAt: r.created_at }));

const toAddedFeed = (row: unknown): AddedFeed => parseRow(AddedFeedRow, row, 'added_feeds');

export function addedFeedsOver(db: Db) {
  return {
    async addFeed(feed: AddedFeed): Promise<boolean> {
      // No conflict target: a taken id and a taken URL both mean "there already".
      const { rowCount } = await db.query(`INSERT INTO added_feeds (${COLUMNS}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [feed.id, feed.url, feed.title, feed.addedBy, feed.createdAt]);
      return rowCount === 1;
    },
    async removeFeed(id: string): Promise<AddedFeed | null> {
      const { rows } = await db.query(`DELETE FROM added_feeds WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
      return rows.length === 0 ? null : toAddedFeed(rows[0]);
    },
    async addedFeeds(): Promise<AddedFeed[]> {
      return (await db.query(`SELECT ${COLUMNS} FROM added_feeds ORDER BY created_at, id`)).rows.map(toAddedFeed);
    },
  };
}
