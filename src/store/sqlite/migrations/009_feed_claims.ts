/**
 * Feed claims: a feed being polled is claimed by one process until `claimed_until`, and is next
 * due at `due_at`. Both live on one row so that "due and unclaimed" is decided in one statement:
 * a replica that read the schedule just before another finished polling cannot poll it again.
 */
export const sql = `
CREATE TABLE feed_claims (
  feed_id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  claimed_until INTEGER,
  due_at INTEGER
) STRICT;
`;
