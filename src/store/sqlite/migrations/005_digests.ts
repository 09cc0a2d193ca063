/**
 * Digests: a subscription can gather its alerts into one message per period; its deliveries wait
 * for the period's end and carry the period so the drain sends them together.
 */
export const sql = `
ALTER TABLE subscriptions ADD COLUMN digest TEXT CHECK (digest IN ('hourly', 'daily'));
ALTER TABLE deliveries ADD COLUMN digest TEXT CHECK (digest IN ('hourly', 'daily'));
`;
