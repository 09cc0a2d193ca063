/**
 * Due deliveries, and claiming them for a drain when several processes drain one outbox.
 *
 * Two promises across replicas: a delivery is claimed by one drain at a time (rows locked
 * `FOR UPDATE SKIP LOCKED`, then leased until `claimed_until`), and a channel's deliveries go
 * out in order, so no drain takes a channel's delivery while another of that channel is being
 * sent (under a live claim). Row locks alone cannot keep the second: two drains claiming at once
 * each see the other's claims only after it commits. So a drain first takes a transaction-level
 * advisory lock per channel (try, never wait: a channel another drain is claiming right now is
 * simply left to it) and only then, in a new statement whose snapshot sees every claim committed
 * before, reads that channel's due deliveries.
 */
import { z } from 'zod';
import type { Delivery } from '../../../model/index.js';
import type { Db, Query } from '../db.js';
import { parseRow } from '../rows.js';
import { DELIVERY_COLUMNS, DeliveryId, DeliveryRow, onPlatforms } from './row.js';

// $1 is now. Due: pending, its time come, and not claimed by a send in progress (or its claim expired).
const DUE = "d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.claimed_until IS NULL OR d.claimed_until <= $1)";
const SENDING = "EXISTS (SELECT 1 FROM deliveries b WHERE b.channel = d.channel AND b.status = 'pending' AND b.claimed_until > $1)";
// Schema-qualified: replicas of two deployments in one database do not hold up each other's channels.
export const CHANNEL_LOCK = "pg_try_advisory_xact_lock(hashtext('statements: deliveries'), hashtext(current_schema() || ' ' || channel))";

const Claimed = z.object({ claimed_until: z.string().nullable() });
const Channel = z.object({ channel: z.string() });

/** A due row: the delivery, or why it does not read as one. */
interface DueRow {
  id: number;
  channel: string;
  read: { delivery: Delivery; expired: boolean } | { malformed: string };
}

function readRows(rows: unknown[]): DueRow[] {
  return rows.map((row) => {
    const { id } = parseRow(DeliveryId, row, 'deliveries');
    const { channel } = parseRow(Channel, row, 'deliveries');
    const parsed = DeliveryRow.safeParse(row);
    // An expired claim means a send that never answered: the platform may have the message.
    if (parsed.success) return { id, channel, read: { delivery: parsed.data, expired: parseRow(Claimed, row, 'deliveries').claimed_until !== null } };
    return { id, channel, read: { malformed: `stored delivery is malformed: ${z.prettifyError(parsed.error)}` } };
  });
}

/**
 * Deliveries of the rows that read as such. A row that no longer reads is marked failed with the
 * reason rather than returned or thrown: one bad row must not stop the whole outbox.
 */
async function deliveriesOf(query: Query, rows: readonly DueRow[]): Promise<{ delivery: Delivery; expired: boolean }[]> {
  const out: { delivery: Delivery; expired: boolean }[] = [];
  for (const { id, read } of rows) {
    if ('delivery' in read) out.push(read);
    else await query("UPDATE deliveries SET status = 'failed', last_error = $2, claimed_until = NULL WHERE id = $1 AND status = 'pending'", [id, read.malformed]);
  }
  return out;
}

export function dueDeliveriesOver(db: Db) {
  return {
    async dueDeliveries(now: number, limit: number, platforms?: readonly string[]): Promise<Delivery[]> {
      const count = Math.floor(limit);
      if (!(count > 0)) return [];
      const { rows } = await db.query(
        `SELECT ${DELIVERY_COLUMNS}, claimed_until FROM deliveries d WHERE ${DUE} AND ${onPlatforms(3)} ORDER BY next_attempt_at, id LIMIT $2`,
        [now, count, platforms ?? null],
      );
      return (await deliveriesOf(db.query, readRows(rows))).map((r) => r.delivery);
    },

    async claimDeliveries(now: number, limit: number, platforms: readonly string[] | undefined, leaseMs: number): Promise<Delivery[]> {
      const count = Math.floor(limit);
      if (!(count > 0) || platforms?.length === 0) return [];
      return db.tx(async (query) => {
        // 1. The channels of the first due deliveries whose channel has no send in progress.
        const candidates = await query(
          `SELECT DISTINCT channel FROM (
            SELECT d.channel FROM deliveries d WHERE ${DUE} AND ${onPlatforms(3)} AND NOT ${SENDING}
            ORDER BY d.next_attempt_at, d.id LIMIT $2) AS due`,
          [now, count, platforms ?? null],
        );
        if (candidates.rowCount === 0) return [];
        // 2. Those no other drain is claiming at this moment (held until this transaction ends).
        const free = await query(`SELECT channel FROM unnest($1::text[]) AS c(channel) WHERE ${CHANNEL_LOCK}`, [
          candidates.rows.map((row) => parseRow(Channel, row, 'deliveries').channel),
        ]);
        const channels = free.rows.map((row) => parseRow(Channel, row, 'deliveries').channel);
        if (channels.length === 0) return [];
        // 3. A fresh snapshot: their due deliveries, in order, unless a claim committed since holds the channel.
        const due = await query(
          `SELECT ${DELIVERY_COLUMNS}, claimed_until FROM deliveries d
          WHERE d.channel = ANY ($3::text[]) AND ${DUE} AND NOT ${SENDING}
          ORDER BY d.next_attempt_at, d.id LIMIT $2`,
          [now, count, channels],
        );
        // 4. Row locks, skipping rows another transaction is updating (a revision, a retry); a
        // channel's deliveries are taken up to the first one skipped, never around it.
        const rows = readRows(due.rows);
        const locked = await query(`SELECT id FROM deliveries d WHERE d.id = ANY ($2::bigint[]) AND ${DUE} FOR UPDATE SKIP LOCKED`, [now, rows.map((r) => r.id)]);
        const mine = new Set(locked.rows.map((row) => parseRow(DeliveryId, row, 'deliveries').id));
        const stopped = new Set<string>();
        const kept = rows.filter((row) => {
          if (!stopped.has(row.channel) && mine.has(row.id)) return true;
          stopped.add(row.channel);
          return false;
        });
        const taken = await deliveriesOf(query, kept);
        if (taken.length === 0) return [];
        // 5. The claim. A revision owed from before is moot for a first attempt (it carries the
        // alert as it is now), but stays owed when an earlier attempt may have posted the old one.
        await query(
          `UPDATE deliveries SET claimed_until = $2, in_doubt = in_doubt OR claimed_until IS NOT NULL,
            revision_due_at = CASE WHEN claimed_until IS NULL AND NOT in_doubt THEN NULL ELSE revision_due_at END
          WHERE id = ANY ($1::bigint[])`,
          [taken.map((r) => r.delivery.id), now + leaseMs],
        );
        return taken.map(({ delivery, expired }) => (expired ? { ...delivery, inDoubt: true } : delivery));
      });
    },

    /** Replicas share the database: a claim still held may be a live drain's, so claims end by expiry only. */
    async releaseClaims(): Promise<number> {
      return 0;
    },
  };
}
