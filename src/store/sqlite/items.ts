import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ItemDecision, ItemRecord } from '../../model/index.js';
import { int, nullableInt, nullableText, parseRow } from './rows.js';

// Keyed by every decision: a decision added to the model must be added here before it compiles.
export const DECISIONS: { [D in ItemDecision]: D } = {
  alerted: 'alerted',
  baseline: 'baseline',
  'too-old': 'too-old',
  'no-statements': 'no-statements',
  'no-subscriber': 'no-subscriber',
  duplicate: 'duplicate',
  'article-failed': 'article-failed',
};

const COLUMNS = 'identity, feed_id, link, title, published, first_seen_at, decision, reason';

const ItemRow = z.object({
  identity: z.string(),
  feed_id: z.string(),
  link: nullableText,
  title: z.string(),
  published: nullableInt,
  first_seen_at: int,
  decision: z.enum(DECISIONS),
  reason: z.string(),
});

function toItemRecord(row: unknown): ItemRecord {
  const r = parseRow(ItemRow, row, 'items');
  return {
    identity: r.identity,
    feedId: r.feed_id,
    link: r.link,
    title: r.title,
    published: r.published,
    firstSeenAt: r.first_seen_at,
    decision: r.decision,
    reason: r.reason,
  };
}

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
