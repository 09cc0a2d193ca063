/**
 * Revisions of sent alerts: a story that gains outlets after its alert went out has the message
 * edited in place. A delivery keeps the platform's id of its message (`message_ref`, null when
 * the platform gives none: console, digests); a revision is owed while `revision_due_at` is set.
 * `revision_version` counts the revisions asked for, so an edit that finishes after a newer
 * revision was asked leaves that one owed. Its claim (`revision_claimed_until`) is separate from
 * the delivery's own: the delivery is sent, the edit is new work.
 */
export const sql = `
ALTER TABLE deliveries ADD COLUMN message_ref TEXT;
ALTER TABLE deliveries ADD COLUMN revision_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN revision_due_at INTEGER;
ALTER TABLE deliveries ADD COLUMN revision_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN revision_claimed_until INTEGER;
ALTER TABLE deliveries ADD COLUMN revision_error TEXT;
CREATE INDEX deliveries_revisions_due ON deliveries (revision_due_at, id) WHERE revision_due_at IS NOT NULL;
-- reviseAlerts finds a story's deliveries by key at every later copy of the story.
CREATE INDEX deliveries_key ON deliveries (key);
`;
