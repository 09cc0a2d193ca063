import { HANDLED_EVENT_KEPT_MS } from '../types.js';
import type { Db } from './db.js';

/** First-to-handle records of events all replicas receive (migration 003). */
export function handledEventsOver(db: Db) {
  return async function firstToHandle(key: string, now: number): Promise<boolean> {
    await db.query('DELETE FROM handled_events WHERE at < $1', [now - HANDLED_EVENT_KEPT_MS]);
    return (await db.query('INSERT INTO handled_events (key, at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [key, now])).rowCount > 0;
  };
}
