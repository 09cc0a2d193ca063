import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { AddedFeed } from '../../model/index.js';
import { int, nullableText, parseRow } from './rows.js';

const COLUMNS = 'id, url, title, added_by, created_at';
const AddedFeedRow = z.object({ id: z.string(), url: z.string(), title: nullableText, added_by: z.string(), created_at: int });

function toAddedFeed(row: unknown): AddedFeed {
  const r = parseRow(AddedFeedRow, row, 'added_feeds');
  return { id: r.id, url: r.url, title: r.title, addedBy: r.added_by, createdAt: r.created_at };
}

export function prepareAddedFeeds(db: Database.Database) {
  const insert = db.prepare<AddedFeed>(`INSERT INTO added_feeds (${COLUMNS}) VALUES (@id, @url, @title, @addedBy, @createdAt) ON CONFLICT DO NOTHING`);
  const byId = db.prepare<[string]>(`SELECT ${COLUMNS} FROM added_feeds WHERE id = ?`);
  const remove = db.prepare<[string]>('DELETE FROM added_feeds WHERE id = ?');
  const all = db.prepare<[]>(`SELECT ${COLUMNS} FROM added_feeds ORDER BY created_at, id`);
  return {
    addFeed: (feed: AddedFeed): boolean => insert.run(feed).changes === 1,
    removeFeed: db.transaction((id: string): AddedFeed | null => {
      const row = byId.get(id);
      if (row === undefined) return null;
      remove.run(id);
      return toAddedFeed(row);
    }),
    addedFeeds: (): AddedFeed[] => all.all().map(toAddedFeed),
  };
}
