/**
 * Events every replica receives (a Discord interaction reaches each gateway session): the first
 * to record one handles it. Kept a day, far past any event's useful life.
 */
export const sql = `
CREATE TABLE handled_events (
  key TEXT PRIMARY KEY,
  at  INTEGER NOT NULL
) STRICT;
CREATE INDEX handled_events_at ON handled_events (at);
`;
