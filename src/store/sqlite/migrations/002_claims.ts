/**
 * Claims on deliveries. A delivery being sent is claimed until `claimed_until`; the claim ends
 * when the platform's answer is recorded. A claim that ends otherwise (the process died or hung
 * mid-send) leaves the delivery `in_doubt`: the platform may already have the message, so the
 * next attempt must be one the platform can recognise as the same (Discord's nonce).
 */
export const sql = `
ALTER TABLE deliveries ADD COLUMN claimed_until INTEGER;
ALTER TABLE deliveries ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0 CHECK (in_doubt IN (0, 1));
CREATE INDEX deliveries_failed ON deliveries (status, channel) WHERE status = 'failed';
`;
