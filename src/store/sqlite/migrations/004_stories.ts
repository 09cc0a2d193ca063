/**
 * Stories: each item's story and the fingerprint it was matched by, so that later copies from
 * other outlets join the story instead of alerting again.
 */
export const sql = `
CREATE TABLE story_members (
  identity  TEXT PRIMARY KEY, -- the item
  story_id  TEXT NOT NULL,    -- the identity of the story's first item
  url       TEXT,
  outlet    TEXT,
  title_key TEXT NOT NULL,
  signature BLOB NOT NULL,    -- MinHash slots, 32-bit little-endian
  quotes    TEXT NOT NULL,    -- JSON: the copy's quotes, normalised (quoteKey)
  seen_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX story_members_seen ON story_members (seen_at);
CREATE INDEX story_members_story ON story_members (story_id, seen_at);
`;
