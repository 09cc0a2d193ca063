/**
 * latestBySpeaker: each speaker's latest statement on a topic (the claims board, `on <topic>`).
 *
 * A statement is on the topic when its quote contains one of the phrases as whole words, ignoring
 * case, accents and the punctuation between words ("Troop-withdrawal" = "troop withdrawal";
 * "withdrawal" is not found in "withdrawals"). The test runs inside SQL, as a function, so the
 * window function ranks only statements that really match: a filter applied afterwards would
 * drop a speaker whose latest candidate was a false one instead of showing their previous match.
 * Every statement is read (about 0.2 s per 100,000 on a laptop; `since` narrows it by index).
 */
import type Database from 'better-sqlite3';
import type { StoredStatement } from '../../model/index.js';
import type { SpeakerQuery } from '../types.js';
import { comparable, comparisonWords } from '../words.js';
import { COLUMNS, toStoredStatement } from './statements.js';

const WORDS = 'store_words';
const MENTIONS = 'store_mentions';

/**
 * One test for all the phrases (each given as its words): any of them, as whole words, with
 * anything but letters and digits between the words, ignoring case and accents.
 */
function mentionsAny(phrases: readonly (readonly string[])[]): (text: string) => boolean {
  // The words are letters and digits only: nothing in them is special to a RegExp.
  const alternatives = phrases.map((words) => words.join('[^\\p{L}\\p{N}]+'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');
  // A text can only match where it contains each phrase's longest word, so most texts are turned
  // away by a plain substring search (much faster than the RegExp): "draw" stands for withdraw,
  // withdrawal and drawdown alike.
  const longest = phrases.map((words) => words.reduce((a, b) => (b.length > a.length ? b : a), ''));
  const anchors = [...new Set(longest)].filter((word, _, all) => !all.some((other) => other !== word && word.includes(other)));
  return (text) => {
    const folded = comparable(text);
    return anchors.some((a) => folded.includes(a)) && pattern.test(folded);
  };
}

interface Params {
  since?: number;
  limit: number;
}

export function prepareLatestBySpeaker(db: Database.Database) {
  db.function(WORDS, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? comparisonWords(value).join(' ') : null));
  // The test of the query running now. better-sqlite3 runs a query to its end synchronously, so
  // no other query can change it meanwhile; it is set just before and cleared just after.
  let mentions: ((text: string) => boolean) | null = null;
  db.function(MENTIONS, (text: unknown) => (typeof text === 'string' && mentions !== null && mentions(text) ? 1 : 0));

  const sql = (since: boolean): string => `
    SELECT ${COLUMNS} FROM (
      SELECT *, ROW_NUMBER() OVER (
          -- A watchlist actor by id, anybody else by name; no speaker at all is one group too.
          PARTITION BY CASE WHEN speaker_id IS NOT NULL THEN 'id:' || speaker_id
                            WHEN speaker IS NOT NULL THEN 'name:' || ${WORDS}(speaker) END
          ORDER BY COALESCE(published, seen_at) DESC, identity, ordinal) AS latest
        FROM statements
        WHERE ${MENTIONS}(quote) = 1 ${since ? 'AND seen_at >= @since' : ''})
    WHERE latest = 1
    ORDER BY COALESCE(published, seen_at) DESC, identity, ordinal
    LIMIT @limit`;
  const all = db.prepare<[Params]>(sql(false));
  const recent = db.prepare<[Params]>(sql(true));

  return {
    latestBySpeaker(query: SpeakerQuery): StoredStatement[] {
      const limit = Math.floor(query.limit);
      const phrases = query.phrases.map(comparisonWords).filter((words) => words.length > 0);
      // Room for nothing (SQLite would read LIMIT -1 as "no limit"), or nothing to look for.
      if (!(limit > 0) || phrases.length === 0) return [];
      const params: Params = { limit };
      if (query.since !== undefined) params.since = query.since;
      mentions = mentionsAny(phrases);
      try {
        return (query.since === undefined ? all : recent).all(params).map(toStoredStatement);
      } finally {
        mentions = null;
      }
    },
  };
}
