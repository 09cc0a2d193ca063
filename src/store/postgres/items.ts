import type { ItemRecord } from '../../model/index.js';
import type { Db } from './db.js';
import { ITEM_COLUMNS, itemRow } from '../columns.js';
import { CODECS, parseRow } from './rows.js';

const COLUMNS = ITEM_COLUMNS;
const ItemRow = itemRow(CODECS);

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
