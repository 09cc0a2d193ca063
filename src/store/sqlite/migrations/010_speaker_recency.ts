/**
 * "What did NATO's people say lately" reads each speaker's newest statements straight off this
 * index (one short range per speaker) instead of every statement they ever made, then sorting.
 */
export const sql = `
CREATE INDEX statements_speaker_recency ON statements (speaker_id, COALESCE(published, seen_at) DESC, identity, ordinal);
DROP INDEX statements_speaker;
`;
