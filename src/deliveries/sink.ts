import { createHash } from 'node:crypto';
import type { Alert, Delivery, DigestPeriod } from '../model/index.js';

/** What a sink knows of the delivery it sends, beyond channel and alert. */
export interface SendContext {
  /**
   * The same for every attempt of one alert to one subscription, and for nothing else: a
   * platform that deduplicates on a key (Discord's nonce) turns a resend into a no-op.
   */
  idempotencyKey: string;
  /** An earlier attempt may have reached the platform (the process died before hearing back). */
  inDoubt: boolean;
}

/** Where alerts leave the process: the console, Slack, Discord. */
export interface Sink {
  /** Channel prefix this sink serves: `console`, `slack`, `discord`. */
  readonly platform: string;
  /**
   * Sends one alert to one channel; throws on failure (a DeliveryError may say when to retry).
   * Resolves with the platform's id of the message when the message can be edited later.
   */
  send(channel: string, alert: Alert, context: SendContext): Promise<SendReceipt | void>;
  /** Sends a digest subscription's alerts of one period as one message (without it: one by one). */
  sendDigest?(channel: string, digest: Digest, context: SendContext): Promise<void>;
  /**
   * Replaces a message `send` posted with this alert, rendered the same way (its story gained
   * outlets); throws like send. Absent where output cannot be edited (the console).
   */
  edit?(channel: string, messageRef: string, alert: Alert, context: SendContext): Promise<void>;
}

/** What the platform said of a message it accepted. */
export interface SendReceipt {
  /** Its id there (Slack ts, Discord message id), to edit it; null when it gave none. */
  messageRef: string | null;
}

/** One period's alerts for one digest subscription, oldest first. */
export interface Digest {
  period: DigestPeriod;
  alerts: Alert[];
}

/** 22 characters (132 bits) from the subscription and the story: fits Discord's 25-character nonce. */
export function idempotencyKey(delivery: Pick<Delivery, 'subscriptionId' | 'key'>): string {
  return createHash('sha256').update(`${delivery.subscriptionId}\n${delivery.key}`).digest('base64url').slice(0, 22);
}

/** A digest's key: the same set of deliveries, the same key. */
export function digestKey(deliveries: readonly Pick<Delivery, 'subscriptionId' | 'key'>[]): string {
  return idempotencyKey({ subscriptionId: deliveries[0]?.subscriptionId ?? '', key: deliveries.map((d) => d.key).join('\n') });
}

export interface DeliveryErrorOptions {
  /** The platform said when to try again (HTTP 429 retry_after, Retry-After). */
  retryAfterMs?: number | null;
  /** The platform refused for good (unknown channel, no permission): retrying cannot help. */
  permanent?: boolean;
  /** A rate limit: the alert is fine, the channel must wait; no attempt is counted. */
  rateLimited?: boolean;
}

/** A failed send that knows whether and when the platform wants to hear from us again. */
export class DeliveryError extends Error {
  readonly retryAfterMs: number | null;
  readonly permanent: boolean;
  readonly rateLimited: boolean;
  constructor(message: string, options: DeliveryErrorOptions = {}) {
    super(message);
    this.name = 'DeliveryError';
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.permanent = options.permanent ?? false;
    this.rateLimited = options.rateLimited ?? false;
  }
}

/** The platform part of a channel id: `slack:T1:C123` → `slack`. */
export function platformOf(channel: string): string {
  const colon = channel.indexOf(':');
  return colon === -1 ? channel : channel.slice(0, colon);
}
