import { z } from 'zod';
import type { ItemRecord } from '../../model/index.js';
import { DECISIONS } from '../sqlite/items.js';
import type { Db } from './db.js';
import { int8, nullableInt8, nullableText, parseRow } from './rows.js';

const COLUMNS = 'identity, feed_id, link, title, published, first_seen_at, decision, reason';

const ItemRow = z
  .object({
    identity: z.string(),
    feed_id: z.string(),
    link: nullableText,
    title: z.string(),
    published: nullableInt8,
    first_seen_at: int8,
    decision: z.enum(DECISIONS),
    reason: z.string(),
  })
  .transform(
    (r): ItemRecord => ({
      identity: r.identity,
      feedId: r.feed_id,
      link: r.link,
      title: r.title,
      published: r.published,
      firstSeenAt: r.first_seen_at,
      decision: r.decision,
      reason: r.reason,
    }),
  );

export function itemsOver(db: Db) {
  return {
    async hasItem(identity: string): Promise<boolean> {
      return (await db.query('SELECT 1 FROM items WHERE identity = $1', [identity])).rowCount > 0;
    },
    async recordItem(item: ItemRecord): Promise<boolean> {
      const { rowCount } = await db.query(
        `INSERT INTO items (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (identity) DO NOTHING`,
        [item.identity, item.feedId, item.link, item.title, item.published, item.firstSeenAt, item.decision, item.reason],
      );
      return rowCount === 1;
    },
    async itemByLink(url: string): Promise<ItemRecord | null> {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM items WHERE link = $1 ORDER BY first_seen_at DESC, identity LIMIT 1`, [url]);
      return rows.length === 0 ? null : parseRow(ItemRow, rows[0], 'items');
    },
  };
}
