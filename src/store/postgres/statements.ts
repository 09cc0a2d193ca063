import type { StoredStatement } from '../../model/index.js';
import { statementRow, STATEMENT_COLUMNS as COLUMNS } from '../columns.js';
import { escapeLike } from '../sqlite/statements.js';
import type { StatementQuery } from '../types.js';
import { comparable, comparisonWords } from '../words.js';
import type { Db } from './db.js';
import { CODECS, parseRow } from './rows.js';

export { STATEMENT_COLUMNS as COLUMNS } from '../columns.js';

/** Newest first (published, else seen), in article order within an article: the order of every listing. */
export const NEWEST_FIRST = 'sort_at DESC, identity, ordinal';

const StatementRow = statementRow(CODECS);

export const toStoredStatement = (row: unknown): StoredStatement => parseRow(StatementRow, row, 'statements');

/**
 * What text queries search: quote, speaker and title, kept apart by a character no query matches
 * across, folded in JavaScript (lower case, no accents: "zelenskiy" finds "Zelenskiý", as the
 * SQLite store's trigram index does) rather than by the database locale's rules.
 */
const SEARCH_SEPARATOR = '\u001f';
function searchText(s: StoredStatement): string {
  return [s.quote, s.speaker ?? '', s.title].map(comparable).join(SEARCH_SEPARATOR);
}

/** The quote's comparison words between spaces, so `LIKE '% a b %'` finds the phrase "a b" as whole words. */
function quoteWords(quote: string): string {
  return ` ${comparisonWords(quote).join(' ')} `;
}

/** Who a statement is by on the claims board: the watchlist actor, else the name's words; null for nobody. */
function speakerKey(s: StoredStatement): string | null {
  if (s.speakerId !== null) return `id:${s.speakerId}`;
  return s.speaker === null ? null : `name:${comparisonWords(s.speaker).join(' ')}`;
}

// Column by column, one array each: a batch of any size is one INSERT … SELECT FROM unnest.
const INSERT = `
  INSERT INTO statements (${COLUMNS}, search, quote_words, speaker_key)
  SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[],
    $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[], $15::bigint[], $16::text[], $17::text[], $18::text[])
  ON CONFLICT (identity, ordinal) DO NOTHING`;

export function statementsOver(db: Db) {
  return {
    async saveStatements(statements: StoredStatement[]): Promise<void> {
      if (statements.length === 0) return;
      const column = <T>(pick: (s: StoredStatement) => T): T[] => statements.map(pick);
      await db.query(INSERT, [
        column((s) => s.identity),
        column((s) => s.ordinal),
        column((s) => s.quote),
        column((s) => s.speaker),
        column((s) => s.speakerId),
        column((s) => s.role),
        column((s) => s.kind),
        column((s) => s.start),
        column((s) => s.end),
        column((s) => s.cue),
        column((s) => s.title),
        column((s) => s.url),
        column((s) => s.outlet),
        column((s) => s.published),
        column((s) => s.seenAt),
        column(searchText),
        column((s) => quoteWords(s.quote)),
        column(speakerKey),
      ]);
    },

    async queryStatements(query: StatementQuery): Promise<StoredStatement[]> {
      const limit = Math.floor(query.limit);
      if (!(limit > 0) || query.speakerIds?.length === 0) return [];
      const params: unknown[] = [limit];
      const where: string[] = [];
      if (query.text !== undefined && query.text !== '') {
        params.push(`%${escapeLike(comparable(query.text))}%`);
        where.push(`search LIKE $${params.length} ESCAPE '\\'`);
      }
      if (query.since !== undefined) {
        params.push(query.since);
        where.push(`seen_at >= $${params.length}`);
      }
      if (query.speakerIds === undefined) {
        const sql = `SELECT ${COLUMNS} FROM statements ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${NEWEST_FIRST} LIMIT $1`;
        return (await db.query(sql, params)).rows.map(toStoredStatement);
      }
      // Each speaker's newest N straight from the (speaker_id, sort_at) index, then the newest N
      // of those: a speaker with a million statements costs N rows, not a million.
      params.push([...new Set(query.speakerIds)]);
      const sql = `
        SELECT ${COLUMNS} FROM unnest($${params.length}::text[]) AS wanted(id)
        CROSS JOIN LATERAL (
          SELECT * FROM statements WHERE speaker_id = wanted.id ${where.map((w) => `AND ${w}`).join(' ')}
          ORDER BY ${NEWEST_FIRST} LIMIT $1) AS theirs
        ORDER BY ${NEWEST_FIRST} LIMIT $1`;
      return (await db.query(sql, params)).rows.map(toStoredStatement);
    },
  };
}
