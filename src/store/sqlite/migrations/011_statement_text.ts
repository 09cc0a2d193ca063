/**
 * "Statements that mention troop withdrawal": a trigram full-text index over quote, speaker and
 * title, so a search reads the statements containing the words instead of every statement (a
 * million of them take a second to scan). Triggers keep it in step with the table; trigrams
 * ignore case and accents, so "Kyiv" finds "KYIV" and "Zelenskiy" finds "Zelenskiý".
 */
export const sql = `
CREATE VIRTUAL TABLE statements_text USING fts5(
  quote, speaker, title,
  content = 'statements', content_rowid = 'rowid',
  tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO statements_text (statements_text) VALUES ('rebuild');
CREATE TRIGGER statements_text_insert AFTER INSERT ON statements BEGIN
  INSERT INTO statements_text (rowid, quote, speaker, title) VALUES (new.rowid, new.quote, new.speaker, new.title);
END;
CREATE TRIGGER statements_text_delete AFTER DELETE ON statements BEGIN
  INSERT INTO statements_text (statements_text, rowid, quote, speaker, title) VALUES ('delete', old.rowid, old.quote, old.speaker, old.title);
END;
CREATE TRIGGER statements_text_update AFTER UPDATE OF quote, speaker, title ON statements BEGIN
  INSERT INTO statements_text (statements_text, rowid, quote, speaker, title) VALUES ('delete', old.rowid, old.quote, old.speaker, old.title);
  INSERT INTO statements_text (rowid, quote, speaker, title) VALUES (new.rowid, new.quote, new.speaker, new.title);
END;
`;
