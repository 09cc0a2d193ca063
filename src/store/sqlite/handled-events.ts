import type Database from 'better-sqlite3';
import { HANDLED_EVENT_KEPT_MS } from '../types.js';

/** First-to-handle records of events all replicas receive (migration 012). */
export function prepareHandledEvents(db: Database.Database) {
  const prune = db.prepare<[number]>('DELETE FROM handled_events WHERE at < ?');
  const insert = db.prepare<[string, number]>('INSERT INTO handled_events (key, at) VALUES (?, ?) ON CONFLICT DO NOTHING');
  return db.transaction((key: string, now: number): boolean => {
    prune.run(now - HANDLED_EVENT_KEPT_MS);
    return insert.run(key, now).changes === 1;
  });
}
