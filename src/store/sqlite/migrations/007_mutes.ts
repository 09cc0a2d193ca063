/** Mutes: a channel not hearing of an actor or keyword until a time (`mute nato 24h`). */
export const sql = `
CREATE TABLE mutes (
  channel    TEXT NOT NULL,
  target     TEXT NOT NULL, -- watchlist actor or keyword id
  until      INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (channel, target)
) STRICT, WITHOUT ROWID;
CREATE INDEX mutes_until ON mutes (until);
`;
