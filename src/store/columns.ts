/**
 * The feeds, items, statements and deliveries tables as both engines lay them out: the column lists, and one
 * mapping from a row to the model. Engines differ only in how a column comes back (SQLite:
 * integers, 0/1, JSON text; PostgreSQL: bigint strings, booleans, parsed jsonb), so each passes
 * its own codecs for those and shares the rest.
 */
import { z } from 'zod';
import type { Delivery, DeliveryStatus, FeedState, ItemDecision, ItemRecord, Revision, StoredStatement } from '../model/index.js';
import { AlertSchema, StatementKindSchema } from './alert.js';

export interface ColumnCodecs {
  /** A time in epoch milliseconds or an id (SQLite INTEGER, PostgreSQL bigint). */
  long: z.ZodType<number>;
  bool: z.ZodType<boolean>;
  /** A JSON column of this shape (SQLite: text; PostgreSQL: jsonb, parsed by the driver). */
  json<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>>;
}

const int = z.number().int();
const nullableText = z.string().nullable();

export const STATEMENT_COLUMNS = `identity, ordinal, quote, speaker, speaker_id, role, kind, start_offset, end_offset,
  cue, title, url, outlet, published, seen_at`;

export function statementRow(c: ColumnCodecs) {
  return z
    .object({
      identity: z.string(),
      ordinal: int,
      quote: z.string(),
      speaker: nullableText,
      speaker_id: nullableText,
      role: nullableText,
      kind: StatementKindSchema,
      start_offset: int,
      end_offset: int,
      cue: nullableText,
      title: z.string(),
      url: nullableText,
      outlet: nullableText,
      published: c.long.nullable(),
      seen_at: c.long,
    })
    .transform(
      (r): StoredStatement => ({
        identity: r.identity,
        ordinal: r.ordinal,
        quote: r.quote,
        speaker: r.speaker,
        speakerId: r.speaker_id,
        role: r.role,
        kind: r.kind,
        start: r.start_offset,
        end: r.end_offset,
        cue: r.cue,
        title: r.title,
        url: r.url,
        outlet: r.outlet,
        published: r.published,
        seenAt: r.seen_at,
      }),
    );
}

export const DELIVERY_COLUMNS = `id, subscription_id, channel, key, alert, status, attempts,
  next_attempt_at, last_error, created_at, sent_at, in_doubt, digest, message_ref`;

const STATUSES: { [S in DeliveryStatus]: S } = { pending: 'pending', sent: 'sent', failed: 'failed' };

export function deliveryRow(c: ColumnCodecs) {
  return z
    .object({
      id: c.long,
      subscription_id: z.string(),
      channel: z.string(),
      key: z.string(),
      alert: c.json(AlertSchema),
      status: z.enum(STATUSES),
      attempts: int,
      next_attempt_at: c.long,
      last_error: nullableText,
      created_at: c.long,
      sent_at: c.long.nullable(),
      in_doubt: c.bool,
      digest: z.enum(['hourly', 'daily']).nullable(),
      message_ref: nullableText,
    })
    .transform(
      (r): Delivery => ({
        id: r.id,
        subscriptionId: r.subscription_id,
        channel: r.channel,
        key: r.key,
        alert: r.alert,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.next_attempt_at,
        lastError: r.last_error,
        createdAt: r.created_at,
        sentAt: r.sent_at,
        inDoubt: r.in_doubt,
        digest: r.digest,
        messageRef: r.message_ref,
      }),
    );
}

export const FEED_COLUMNS = `feed_id, url, etag, last_modified, last_polled_at, last_success_at, next_poll_at,
  failures, last_error_code, last_error, baselined, feed_title`;

export function feedRow(c: ColumnCodecs) {
  return z
    .object({
      feed_id: z.string(),
      url: z.string(),
      etag: nullableText,
      last_modified: nullableText,
      last_polled_at: c.long.nullable(),
      last_success_at: c.long.nullable(),
      next_poll_at: c.long.nullable(),
      failures: int,
      last_error_code: nullableText,
      last_error: nullableText,
      baselined: c.bool,
      feed_title: nullableText,
    })
    .transform(
      (r): FeedState => ({
        feedId: r.feed_id,
        url: r.url,
        etag: r.etag,
        lastModified: r.last_modified,
        lastPolledAt: r.last_polled_at,
        lastSuccessAt: r.last_success_at,
        nextPollAt: r.next_poll_at,
        failures: r.failures,
        lastErrorCode: r.last_error_code,
        lastError: r.last_error,
        baselined: r.baselined,
        feedTitle: r.feed_title,
      }),
    );
}

// Keyed by every decision: a decision added to the model must be added here before it compiles.
export const DECISIONS: { [D in ItemDecision]: D } = {
  alerted: 'alerted',
  baseline: 'baseline',
  'too-old': 'too-old',
  'no-statements': 'no-statements',
  'no-subscriber': 'no-subscriber',
  duplicate: 'duplicate',
  'article-failed': 'article-failed',
};

export const ITEM_COLUMNS = 'identity, feed_id, link, title, published, first_seen_at, decision, reason';

export function itemRow(c: ColumnCodecs) {
  return z
    .object({
      identity: z.string(),
      feed_id: z.string(),
      link: nullableText,
      title: z.string(),
      published: c.long.nullable(),
      first_seen_at: c.long,
      decision: z.enum(DECISIONS),
      reason: z.string(),
    })
    .transform(
      (r): ItemRecord => ({
        identity: r.identity,
        feedId: r.feed_id,
        link: r.link,
        title: r.title,
        published: r.published,
        firstSeenAt: r.first_seen_at,
        decision: r.decision,
        reason: r.reason,
      }),
    );
}

/** A story's delivery as reviseAlerts reads it (`also`: the alert's alsoReportedBy). */
export function storyDeliveryRow(c: ColumnCodecs) {
  return z.object({
    id: c.long,
    status: z.string(),
    message_ref: nullableText,
    digest: nullableText,
    claimed_until: c.long.nullable(),
    outlet: nullableText,
    also: c.json(z.array(z.string())).nullable(),
  });
}

/**
 * What reviseAlerts does to one of the story's deliveries, given every outlet carrying the story:
 * nothing (null: its list is already right, or it is a sent message that cannot be edited), or
 * set `also` on its alert, owing an edit of the message when one was (or is being) sent.
 */
export function revisionFor(row: z.output<ReturnType<typeof storyDeliveryRow>>, carriers: readonly string[]): { also: string[]; owe: boolean } | null {
  const also = carriers.filter((c) => c !== row.outlet);
  if (JSON.stringify(also) === JSON.stringify(row.also ?? [])) return null;
  // A pending one being sent right now goes out as it was read: its message needs the edit too.
  const owe = row.status === 'sent' ? row.message_ref !== null && row.digest === null : row.claimed_until !== null;
  if (row.status === 'sent' && !owe) return null;
  return { also, owe };
}

export const REVISION_COLUMNS = 'id, subscription_id, channel, key, message_ref, alert, revision_version, revision_attempts';

export function revisionRow(c: ColumnCodecs) {
  return z
    .object({ id: c.long, subscription_id: z.string(), channel: z.string(), key: z.string(), message_ref: z.string(), alert: c.json(AlertSchema), revision_version: int, revision_attempts: int })
    .transform((r): Revision => ({ deliveryId: r.id, subscriptionId: r.subscription_id, channel: r.channel, key: r.key, messageRef: r.message_ref, alert: r.alert, version: r.revision_version, attempts: r.revision_attempts }));
}
