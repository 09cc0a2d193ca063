import type Database from 'better-sqlite3';
import type { StoredStatement } from '../../model/index.js';
import { statementRow, STATEMENT_COLUMNS as COLUMNS } from '../columns.js';
import type { StatementQuery } from '../types.js';
import { CODECS, parseRow } from './rows.js';

export { STATEMENT_COLUMNS as COLUMNS } from '../columns.js';

const StatementRow = statementRow(CODECS);

export function toStoredStatement(row: unknown): StoredStatement {
  return parseRow(StatementRow, row, 'statements');
}

/** Makes `%`, `_` and the escape character itself match literally in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

// SQLite's LIKE ignores case for ASCII letters only; this function folds the rest (É, Ü, Д).
const FOLD = 'store_fold';
const NON_ASCII = /[^\u0000-\u007f]/;

function whereText(fold: boolean): string {
  const col = (name: string) => (fold ? `${FOLD}(${name})` : name);
  return ['quote', 'speaker', 'title'].map((c) => `${col(c)} LIKE @pattern ESCAPE '\\'`).join(' OR ');
}

/** The shortest text the trigram index can find; shorter text is searched by scanning. */
const TRIGRAM = 3;

interface QueryParams {
  ids?: string;
  pattern?: string;
  phrase?: string;
  since?: number;
  limit: number;
  /** @id0, @id1…: one per speaker of a per-speaker union. */
  [id: `id${number}`]: string;
}

/** Beyond this many speakers one IN list beats a union of ranges (and keeps the SQL short). */
const MAX_UNION_SPEAKERS = 40;

export function prepareStatements(db: Database.Database) {
  db.function(FOLD, { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  const insert = db.prepare<StoredStatement>(`
    INSERT INTO statements (${COLUMNS})
    VALUES (@identity, @ordinal, @quote, @speaker, @speakerId, @role, @kind, @start, @end,
      @cue, @title, @url, @outlet, @published, @seenAt)
    ON CONFLICT (identity, ordinal) DO NOTHING`);
  const insertAll = db.transaction((statements: StoredStatement[]) => {
    for (const statement of statements) insert.run(statement);
  });

  // One statement per combination of filters and number of speakers, prepared on first use: a
  // single statement with "@x IS NULL OR …" everywhere would keep SQLite from using the indexes.
  const queries = new Map<string, Database.Statement<[QueryParams]>>();
  function prepared(sql: string): Database.Statement<[QueryParams]> {
    let statement = queries.get(sql);
    if (statement === undefined) {
      statement = db.prepare<[QueryParams]>(sql);
      queries.set(sql, statement);
    }
    return statement;
  }
  const ORDER = 'ORDER BY COALESCE(published, seen_at) DESC, identity, ordinal LIMIT @limit';
  const select = (where: readonly string[]): string => `SELECT ${COLUMNS} FROM statements ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER}`;
  /**
   * Each speaker's newest `limit` off the (speaker, recency) index, then the newest `limit` of
   * those: a few short index ranges, however much each speaker said over the years.
   */
  const perSpeaker = (count: number, where: readonly string[]): string =>
    `SELECT ${COLUMNS} FROM (${Array.from({ length: count }, (_, i) => `SELECT * FROM (${select([`speaker_id = @id${i}`, ...where])})`).join(' UNION ALL ')}) ${ORDER}`;

  return {
    saveStatements(statements: StoredStatement[]): void {
      insertAll(statements);
    },
    queryStatements(query: StatementQuery): StoredStatement[] {
      const limit = Math.floor(query.limit);
      // Nobody to listen to, or room for nothing: SQLite would read LIMIT -1 as "no limit".
      if (!(limit > 0) || query.speakerIds?.length === 0) return [];
      const where: string[] = [];
      const params: QueryParams = { limit };
      if (query.text !== undefined && query.text !== '') {
        if ([...query.text].length >= TRIGRAM) {
          // A phrase of trigrams: the index finds the rows, in any case and with or without accents.
          where.push('rowid IN (SELECT rowid FROM statements_text WHERE statements_text MATCH @phrase)');
          params.phrase = `"${query.text.replaceAll('"', '""')}"`;
        } else {
          const fold = NON_ASCII.test(query.text);
          where.push(`(${whereText(fold)})`);
          params.pattern = `%${escapeLike(fold ? query.text.toLowerCase() : query.text)}%`;
        }
      }
      if (query.since !== undefined) {
        where.push('seen_at >= @since');
        params.since = query.since;
      }
      const ids = query.speakerIds === undefined ? [] : [...new Set(query.speakerIds)];
      if (ids.length === 0) return prepared(select(where)).all(params).map(toStoredStatement);
      if (ids.length > MAX_UNION_SPEAKERS) {
        params.ids = JSON.stringify(ids);
        return prepared(select(['speaker_id IN (SELECT value FROM json_each(@ids))', ...where])).all(params).map(toStoredStatement);
      }
      ids.forEach((id, i) => (params[`id${i}`] = id));
      return prepared(perSpeaker(ids.length, where)).all(params).map(toStoredStatement);
    },
  };
}
