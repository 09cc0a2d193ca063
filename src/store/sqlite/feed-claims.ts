import type Database from 'better-sqlite3';

/** Claims of feeds being polled (see migration 009): taken and ended in single statements. */
export function prepareFeedClaims(db: Database.Database) {
  // A new row is an unclaimed, due feed; an existing one is taken only when free and (unless forced) due.
  const claim = db.prepare<{ feedId: string; owner: string; now: number; until: number; force: number }>(`
    INSERT INTO feed_claims (feed_id, owner, claimed_until, due_at) VALUES (@feedId, @owner, @until, NULL)
    ON CONFLICT (feed_id) DO UPDATE SET owner = excluded.owner, claimed_until = excluded.claimed_until
    WHERE (feed_claims.claimed_until IS NULL OR feed_claims.claimed_until <= @now)
      AND (@force = 1 OR feed_claims.due_at IS NULL OR feed_claims.due_at <= @now)`);
  const release = db.prepare<{ feedId: string; owner: string; due: number | null }>(
    'UPDATE feed_claims SET claimed_until = NULL, due_at = @due WHERE feed_id = @feedId AND owner = @owner',
  );
  const claimAll = db.transaction((ids: readonly string[], owner: string, now: number, leaseMs: number, force: boolean): string[] =>
    ids.filter((feedId) => claim.run({ feedId, owner, now, until: now + leaseMs, force: force ? 1 : 0 }).changes === 1),
  );
  return {
    claimFeeds: (ids: readonly string[], owner: string, now: number, leaseMs: number, force = false): string[] => claimAll(ids, owner, now, leaseMs, force),
    releaseFeed: (feedId: string, owner: string, nextPollAt: number | null): void => void release.run({ feedId, owner, due: nextPollAt }),
  };
}
