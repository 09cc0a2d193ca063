/**
 * Drains the outbox: every due delivery goes to its platform's sink, is marked sent once the
 * platform accepted it, or is retried later with backoff. Written before sent, so a crash never
 * loses an alert; unique per (subscription, key), so a restart never sends one twice.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import { DeliveryError, platformOf, type Sink } from './sink.js';

export interface OutboxOptions {
  maxAttempts: number;
  retryBaseMs: number;
  /** Deliveries taken per drain. */
  batch?: number;
}

export interface DrainReport {
  sent: number;
  failed: number;
  retried: number;
}

/** The retry delay, in one place: exponential from the base, capped at an hour, never before retry_after. */
export function retryDelay(attempts: number, baseMs: number, retryAfterMs: number | null): number {
  const backoff = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
  return Math.max(backoff, retryAfterMs ?? 0);
}

export async function drainOutbox(store: Store, sinks: readonly Sink[], now: () => number, options: OutboxOptions, log: Logger): Promise<DrainReport> {
  const report: DrainReport = { sent: 0, failed: 0, retried: 0 };
  // Only platforms this process can reach: the others' alerts wait, attempts untouched, for a
  // process that has their credentials.
  const due = await store.dueDeliveries(now(), options.batch ?? 100, sinks.map((s) => s.platform));
  for (const delivery of due) {
    const sink = sinks.find((s) => s.platform === platformOf(delivery.channel));
    if (sink === undefined) continue;
    const fields = { delivery: delivery.id, channel: delivery.channel, item: delivery.key };
    try {
      await sink.send(delivery.channel, delivery.alert);
      await store.markSent(delivery.id, now());
      report.sent++;
    } catch (err) {
      const attempts = delivery.attempts + 1;
      const permanent = err instanceof DeliveryError && err.permanent;
      const retryAfter = err instanceof DeliveryError ? err.retryAfterMs : null;
      const giveUp = permanent || attempts >= options.maxAttempts;
      const message = err instanceof Error ? err.message : String(err);
      await store.markFailed(delivery.id, message, giveUp ? null : now() + retryDelay(attempts, options.retryBaseMs, retryAfter));
      if (giveUp) report.failed++;
      else report.retried++;
      log.log(giveUp ? 'error' : 'warn', giveUp ? `delivery failed for good after ${attempts} attempts: ${message}` : `delivery failed, will retry: ${message}`, fields);
    }
  }
  return report;
}
