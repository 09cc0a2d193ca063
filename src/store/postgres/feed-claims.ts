/**
 * Claims on feeds, so replicas sharing the database poll each feed once. A feed's claim and its
 * next due time are one row; claiming is one INSERT … ON CONFLICT DO UPDATE … WHERE: PostgreSQL
 * locks the row of each conflicting feed and re-checks the WHERE against its latest version, so
 * of two replicas asking at once exactly one gets it, without a table lock or a retry.
 */
import { z } from 'zod';
import type { Db } from './db.js';
import { parseRow } from './rows.js';

const Claimed = z.object({ feed_id: z.string() });

export function feedClaimsOver(db: Db) {
  return {
    async claimFeeds(feedIds: readonly string[], owner: string, now: number, leaseMs: number, force = false): Promise<string[]> {
      // Sorted and once each: one row cannot be claimed twice by one statement, and two replicas
      // locking rows in the same order cannot deadlock.
      const ids = [...new Set(feedIds)].sort();
      if (ids.length === 0) return [];
      const { rows } = await db.query(
        `INSERT INTO feed_claims AS c (feed_id, owner, claimed_until, due_at)
        SELECT id, $2, $3, NULL FROM unnest($1::text[]) AS ids(id) ORDER BY id
        ON CONFLICT (feed_id) DO UPDATE SET owner = excluded.owner, claimed_until = excluded.claimed_until
        WHERE (c.claimed_until IS NULL OR c.claimed_until <= $4)
          AND ($5 OR c.due_at IS NULL OR c.due_at <= $4)
        RETURNING c.feed_id`,
        [ids, owner, now + leaseMs, now, force],
      );
      const claimed = new Set(rows.map((row) => parseRow(Claimed, row, 'feed_claims').feed_id));
      return [...new Set(feedIds)].filter((id) => claimed.has(id));
    },
    async releaseFeed(feedId: string, owner: string, nextPollAt: number | null): Promise<void> {
      await db.query('UPDATE feed_claims SET claimed_until = NULL, due_at = $3 WHERE feed_id = $1 AND owner = $2', [feedId, owner, nextPollAt]);
    },
  };
}
