/**
 * The first PostgreSQL schema: what the SQLite schema reached over its migrations (stories,
 * digests, claims, mutes, revisions) in one step, with the same table and column names where
 * they mean the same thing.
 * Times are epoch milliseconds (int8); ids and keys that order results are COLLATE "C" so ties
 * sort byte-wise as SQLite sorts them, whatever the database's locale.
 */
export const sql = `
CREATE TABLE feeds (
  feed_id         text COLLATE "C" PRIMARY KEY,
  url             text NOT NULL,
  etag            text,
  last_modified   text,
  last_polled_at  bigint,
  last_success_at bigint,
  next_poll_at    bigint,
  failures        integer NOT NULL DEFAULT 0,
  last_error_code text,
  last_error      text,
  baselined       boolean NOT NULL DEFAULT false,
  feed_title      text
);

-- Who polls a feed now and when it is next due, on one row per feed: a claim is one
-- INSERT … ON CONFLICT DO UPDATE, atomic however many replicas ask at once.
CREATE TABLE feed_claims (
  feed_id       text COLLATE "C" PRIMARY KEY,
  owner         text NOT NULL,   -- the last holder
  claimed_until bigint,          -- null: released
  due_at        bigint           -- null: due now
);

-- Feeds added from chat by channel managers; configured feeds stay in the config file.
CREATE TABLE added_feeds (
  id         text COLLATE "C" PRIMARY KEY,
  url        text NOT NULL UNIQUE,
  title      text,
  added_by   text NOT NULL,
  created_at bigint NOT NULL
);

CREATE TABLE items (
  identity      text COLLATE "C" PRIMARY KEY,
  feed_id       text NOT NULL,
  link          text,
  title         text NOT NULL,
  published     bigint,
  first_seen_at bigint NOT NULL,
  decision      text NOT NULL,
  reason        text NOT NULL
);
-- "why <url>": the latest record for a link.
CREATE INDEX items_link ON items (link, first_seen_at DESC, identity);

CREATE TABLE statements (
  identity     text COLLATE "C" NOT NULL,
  ordinal      integer NOT NULL,
  quote        text NOT NULL,
  speaker      text,
  speaker_id   text,
  role         text,
  kind         text NOT NULL CHECK (kind IN ('direct', 'partial', 'indirect')),
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  cue          text,
  title        text NOT NULL,
  url          text,
  outlet       text,
  published    bigint,
  seen_at      bigint NOT NULL,
  -- Newest first means this, everywhere: stored so that one index serves every listing.
  sort_at      bigint GENERATED ALWAYS AS (COALESCE(published, seen_at)) STORED,
  -- Written by the store at insert (JavaScript folds them, as SQLite does at query time; a
  -- change of those functions needs a migration that recomputes these columns):
  search       text NOT NULL, -- quote, speaker and title in lower case, for text queries
  quote_words  text NOT NULL, -- the quote's comparison words, ' a b c ', for whole-word phrases
  speaker_key  text,          -- 'id:<actor>', 'name:<words>' or null: the claims board's speaker
  PRIMARY KEY (identity, ordinal)
);
-- Queries list newest first in exactly these orders, so the latest N need no sort.
CREATE INDEX statements_recency ON statements (sort_at DESC, identity, ordinal);
CREATE INDEX statements_speaker ON statements (speaker_id, sort_at DESC, identity, ordinal);
CREATE INDEX statements_seen ON statements (seen_at);

CREATE TABLE subscriptions (
  id         text COLLATE "C" PRIMARY KEY,
  channel    text NOT NULL,
  actors     text[] NOT NULL,
  keywords   text[] NOT NULL,
  created_at bigint NOT NULL,
  digest     text CHECK (digest IN ('hourly', 'daily'))
);
CREATE INDEX subscriptions_channel ON subscriptions (channel);

-- A channel not hearing of an actor or keyword until a time.
CREATE TABLE mutes (
  channel     text COLLATE "C" NOT NULL,
  target      text COLLATE "C" NOT NULL,
  until       bigint NOT NULL,
  created_at  bigint NOT NULL,
  PRIMARY KEY (channel, target)
);
CREATE INDEX mutes_until ON mutes (until);

-- The outbox. No foreign key to subscriptions: a delivery is a record of what was sent, and
-- removing a subscription deletes only its pending deliveries. A delivery being sent is claimed
-- until claimed_until; a claim that expires unanswered leaves it in_doubt. A message already
-- sent whose story gained outlets is owed an edit (a revision) while revision_due_at is set;
-- revision_version counts the revisions asked for, so an edit finishing after a newer one was
-- asked leaves that one owed; the edit has its own claim, revision_claimed_until.
CREATE TABLE deliveries (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- never reused: ids appear in logs
  subscription_id        text NOT NULL,
  channel                text NOT NULL,
  key                    text NOT NULL,
  alert                  jsonb NOT NULL,
  status                 text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts               integer NOT NULL DEFAULT 0,
  next_attempt_at        bigint NOT NULL,
  last_error             text,
  created_at             bigint NOT NULL,
  sent_at                bigint,
  claimed_until          bigint,
  in_doubt               boolean NOT NULL DEFAULT false,
  digest                 text CHECK (digest IN ('hourly', 'daily')),
  message_ref            text, -- the platform's id of the message sent (null: none given), for edits
  revision_version       integer NOT NULL DEFAULT 0,
  revision_due_at        bigint,
  revision_attempts      integer NOT NULL DEFAULT 0,
  revision_claimed_until bigint,
  revision_error         text,
  UNIQUE (subscription_id, key)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at, id) WHERE status = 'pending';
-- Channels with a send in progress, which no other drain may take deliveries of.
CREATE INDEX deliveries_sending ON deliveries (channel, claimed_until) WHERE status = 'pending' AND claimed_until IS NOT NULL;
CREATE INDEX deliveries_failed ON deliveries (id) WHERE status = 'failed';
CREATE INDEX deliveries_revisions_due ON deliveries (revision_due_at, id) WHERE revision_due_at IS NOT NULL;
-- reviseAlerts finds a story's deliveries by key at every later copy of the story.
CREATE INDEX deliveries_key ON deliveries (key);

-- Stories: each item's story and the fingerprint it was matched by.
CREATE TABLE story_members (
  seq       bigint GENERATED ALWAYS AS IDENTITY, -- insertion order, for ties (SQLite's rowid)
  identity  text COLLATE "C" PRIMARY KEY,        -- the item
  story_id  text COLLATE "C" NOT NULL,           -- the identity of the story's first item
  url       text,
  outlet    text,
  title_key text NOT NULL,
  signature bytea NOT NULL, -- MinHash slots, 32-bit little-endian
  quotes    text[] NOT NULL,
  seen_at   bigint NOT NULL
);
CREATE INDEX story_members_seen ON story_members (seen_at);
CREATE INDEX story_members_story ON story_members (story_id, seen_at);
CREATE INDEX story_members_url ON story_members (url) WHERE url IS NOT NULL;
CREATE INDEX story_members_title ON story_members (title_key);
-- The bands of each copy's signature (stories/signature.ts), to find a story by index.
CREATE TABLE story_bands (
  band     text NOT NULL,
  identity text COLLATE "C" NOT NULL REFERENCES story_members (identity) ON DELETE CASCADE,
  PRIMARY KEY (band, identity)
);
`;
