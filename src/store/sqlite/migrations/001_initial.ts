/**
 * The first schema. Times are epoch milliseconds (INTEGER), booleans 0/1, lists and alerts JSON
 * text. STRICT tables so a value of the wrong type is an error, not a silent conversion. Column
 * names avoid words PostgreSQL reserves (`end`), so both dialects can keep the same names.
 */
export const sql = `
CREATE TABLE feeds (
  feed_id         TEXT PRIMARY KEY,
  url             TEXT NOT NULL,
  etag            TEXT,
  last_modified   TEXT,
  last_polled_at  INTEGER,
  last_success_at INTEGER,
  next_poll_at    INTEGER,
  failures        INTEGER NOT NULL DEFAULT 0,
  last_error_code TEXT,
  last_error      TEXT,
  baselined       INTEGER NOT NULL DEFAULT 0 CHECK (baselined IN (0, 1)),
  feed_title      TEXT
) STRICT;

CREATE TABLE items (
  identity      TEXT PRIMARY KEY,
  feed_id       TEXT NOT NULL,
  link          TEXT,
  title         TEXT NOT NULL,
  published     INTEGER,
  first_seen_at INTEGER NOT NULL,
  decision      TEXT NOT NULL,
  reason        TEXT NOT NULL
) STRICT;
-- "why <url>": the latest record for a link.
CREATE INDEX items_link ON items (link, first_seen_at DESC, identity);

CREATE TABLE statements (
  identity     TEXT NOT NULL,
  ordinal      INTEGER NOT NULL,
  quote        TEXT NOT NULL,
  speaker      TEXT,
  speaker_id   TEXT,
  role         TEXT,
  kind         TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'indirect')),
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  cue          TEXT,
  title        TEXT NOT NULL,
  url          TEXT,
  outlet       TEXT,
  published    INTEGER,
  seen_at      INTEGER NOT NULL,
  PRIMARY KEY (identity, ordinal)
) STRICT;
CREATE INDEX statements_speaker ON statements (speaker_id);
CREATE INDEX statements_seen ON statements (seen_at);
-- Queries list newest first in exactly this order, so the latest N need no sort.
CREATE INDEX statements_recency ON statements (COALESCE(published, seen_at) DESC, identity, ordinal);

CREATE TABLE subscriptions (
  id         TEXT PRIMARY KEY,
  channel    TEXT NOT NULL,
  actors     TEXT NOT NULL,
  keywords   TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX subscriptions_channel ON subscriptions (channel);

-- The outbox. No foreign key to subscriptions: a delivery is a record of what was sent, and
-- removing a subscription deletes only its pending deliveries (see removeSubscription).
CREATE TABLE deliveries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: ids appear in logs
  subscription_id TEXT NOT NULL,
  channel         TEXT NOT NULL,
  key             TEXT NOT NULL,
  alert           TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  UNIQUE (subscription_id, key)
) STRICT;
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at, id);
`;
