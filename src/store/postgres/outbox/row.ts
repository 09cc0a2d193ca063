import { z } from 'zod';
import type { Delivery, DeliveryStatus } from '../../../model/index.js';
import { AlertSchema } from '../../alert.js';
import { int8, int, nullableInt8, nullableText } from '../rows.js';

export const DELIVERY_COLUMNS = `id, subscription_id, channel, key, alert, status, attempts,
  next_attempt_at, last_error, created_at, sent_at, in_doubt, digest, message_ref`;

const STATUSES: { [S in DeliveryStatus]: S } = { pending: 'pending', sent: 'sent', failed: 'failed' };

// jsonb comes back parsed; the alert is still checked, as a row written by another version may differ.
export const DeliveryRow = z
  .object({
    id: int8,
    subscription_id: z.string(),
    channel: z.string(),
    key: z.string(),
    alert: AlertSchema,
    status: z.enum(STATUSES),
    attempts: int,
    next_attempt_at: int8,
    last_error: nullableText,
    created_at: int8,
    sent_at: nullableInt8,
    in_doubt: z.boolean(),
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

/** Just the id, to name a row that does not parse. */
export const DeliveryId = z.object({ id: int8 });

/**
 * Only deliveries for the platforms in parameter `$n` (all when it is null). The platform is the
 * channel up to its first colon: "slack:T1:C1" → "slack", "console" → "console".
 */
export const onPlatforms = (n: number): string => `($${n}::text[] IS NULL OR split_part(d.channel, ':', 1) = ANY ($${n}::text[]))`;
