/** Feeds added from chat by channel managers; configured feeds stay in the config file. */
export const sql = `
CREATE TABLE added_feeds (
  id         TEXT PRIMARY KEY,
  url        TEXT NOT NULL UNIQUE,
  title      TEXT,
  added_by   TEXT NOT NULL, -- the channel it was added from
  created_at INTEGER NOT NULL
) STRICT;
`;
