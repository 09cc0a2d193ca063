import type Database from 'better-sqlite3';
import type { ItemRecord } from '../../model/index.js';
import { ITEM_COLUMNS, itemRow } from '../columns.js';
import { CODECS, parseRow } from './rows.js';

const COLUMNS = ITEM_COLUMNS;
const ItemRow = itemRow(CODECS);
const toItemRecord = (row: unknown): ItemRecord => parseRow(ItemRow, row, 'items');

export function prepareItems(db: Database.Database) {
  const exists = db.prepare<[string]>('SELECT 1 FROM items WHERE identity = ?');
  const insert = db.prepare<ItemRecord>(`
    INSERT INTO items (${COLUMNS})
    VALUES (@identity, @feedId, @link, @title, @published, @firstSeenAt, @decision, @reason)
    ON CONFLICT (identity) DO NOTHING`);
  const byLink = db.prepare<[string]>(
    `SELECT ${COLUMNS} FROM items WHERE link = ? ORDER BY first_seen_at DESC, identity LIMIT 1`,
  );

  return {
    hasItem(identity: string): boolean {
      return exists.get(identity) !== undefined;
    },
    recordItem(item: ItemRecord): boolean {
      return insert.run(item).changes === 1;
    },
    itemByLink(url: string): ItemRecord | null {
      const row = byLink.get(url);
      return row === undefined ? null : toItemRecord(row);
    },
  };
}
