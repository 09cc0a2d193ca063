/**
 * Finding a new article's story by index instead of reading every recent copy: its link, its
 * headline, and the bands of its MinHash signature (locality-sensitive hashing: two bodies alike
 * enough to be one story share a band with near certainty; unrelated ones rarely do).
 */
export const sql = `
CREATE TABLE story_bands (
  band     TEXT NOT NULL,
  identity TEXT NOT NULL REFERENCES story_members (identity) ON DELETE CASCADE,
  PRIMARY KEY (band, identity)
) STRICT, WITHOUT ROWID;
CREATE INDEX story_members_url ON story_members (url) WHERE url IS NOT NULL;
CREATE INDEX story_members_title ON story_members (title_key);
`;
