import { z } from 'zod';
import type { Delivery, DeliveryStatus } from '../../../model/index.js';
import { AlertSchema } from '../../alert.js';
import { int, jsonColumn, nullableInt, nullableText } from '../rows.js';

export const DELIVERY_COLUMNS = `id, subscription_id, channel, key, alert, status, attempts,
  next_attempt_at, last_error, created_at, sent_at, in_doubt, digest, message_ref`;

const STATUSES: { [S in DeliveryStatus]: S } = { pending: 'pending', sent: 'sent', failed: 'failed' };

export const DeliveryRow = z
  .object({
    id: int,
    subscription_id: z.string(),
    channel: z.string(),
    key: z.string(),
    alert: jsonColumn(AlertSchema),
    status: z.enum(STATUSES),
    attempts: int,
    next_attempt_at: int,
    last_error: nullableText,
    created_at: int,
    sent_at: nullableInt,
    in_doubt: int,
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
      inDoubt: r.in_doubt === 1,
      digest: r.digest,
      messageRef: r.message_ref,
    }),
  );

/** Just the id, to name a row that does not parse. */
export const DeliveryId = z.object({ id: int });
