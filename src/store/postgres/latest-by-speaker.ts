/**
 * latestBySpeaker: each speaker's latest statement on a topic (the claims board, `on <topic>`),
 * with the SQLite store's meaning (sqlite/latest-by-speaker.ts). Both read words with the same
 * function (store/words.ts); here they were stored at insert, ' a b c ', so "the quote has the
 * phrase as whole words" is `quote_words LIKE '% a b %'`, which a trigram index narrows down,
 * and DISTINCT ON keeps each speaker's first match in newest-first order.
 */
import type { StoredStatement } from '../../model/index.js';
import type { SpeakerQuery } from '../types.js';
import { comparisonWords } from '../words.js';
import type { Db } from './db.js';
import { COLUMNS, NEWEST_FIRST, toStoredStatement } from './statements.js';

export function latestBySpeakerOver(db: Db) {
  return {
    async latestBySpeaker(query: SpeakerQuery): Promise<StoredStatement[]> {
      const limit = Math.floor(query.limit);
      // Words are letters and digits only, so nothing in a pattern is special to LIKE.
      const patterns = query.phrases.map(comparisonWords).filter((words) => words.length > 0).map((words) => `% ${words.join(' ')} %`);
      if (!(limit > 0) || patterns.length === 0) return [];
      const params: unknown[] = [limit, patterns];
      if (query.since !== undefined) params.push(query.since);
      // DISTINCT ON groups the null speaker_key (nobody named) as one speaker, as SQLite's PARTITION BY does.
      const sql = `
        SELECT ${COLUMNS} FROM (
          SELECT DISTINCT ON (speaker_key) * FROM statements
          WHERE quote_words LIKE ANY ($2::text[]) ${query.since === undefined ? '' : 'AND seen_at >= $3'}
          ORDER BY speaker_key, ${NEWEST_FIRST}) AS latest
        ORDER BY ${NEWEST_FIRST} LIMIT $1`;
      return (await db.query(sql, params)).rows.map(toStoredStatement);
    },
  };
}
