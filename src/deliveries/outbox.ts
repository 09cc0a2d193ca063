/**
 * Drains the outbox: every due delivery goes to its platform's sink, is marked sent once the
 * platform accepted it, or is retried later with backoff. Written before sent, so a crash never
 * loses an alert; unique per (subscription, key), so a restart never sends one twice.
 *
 * Channels are drained side by side and each channel in order, one message at a time: a sink that
 * paces a channel (Slack: about one message a second) or a channel that is rate-limited holds up
 * only that channel.
 */
import type { Logger } from '../log.js';
import type { Delivery } from '../model/index.js';
import type { Store } from '../store/types.js';
import { DeliveryError, platformOf, type Sink } from './sink.js';

export interface OutboxOptions {
  maxAttempts: number;
  retryBaseMs: number;
  /** Deliveries taken per drain. */
  batch?: number;
  /** Channels sent to at once. */
  channels?: number;
}

export interface DrainReport {
  sent: number;
  failed: number;
  retried: number;
  /** Deliveries the platform asked us to hold back (rate limits); no attempt counted. */
  postponed: number;
}

/** The retry delay, in one place: exponential from the base, capped at an hour, never before retry_after. */
export function retryDelay(attempts: number, baseMs: number, retryAfterMs: number | null): number {
  const backoff = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
  return Math.max(backoff, retryAfterMs ?? 0);
}

export async function drainOutbox(store: Store, sinks: readonly Sink[], now: () => number, options: OutboxOptions, log: Logger): Promise<DrainReport> {
  const report: DrainReport = { sent: 0, failed: 0, retried: 0, postponed: 0 };
  // Only platforms this process can reach: the others' alerts wait, attempts untouched, for a
  // process that has their credentials.
  const due = await store.dueDeliveries(now(), options.batch ?? 100, sinks.map((s) => s.platform));
  const byChannel = new Map<string, Delivery[]>();
  for (const delivery of due) byChannel.set(delivery.channel, [...(byChannel.get(delivery.channel) ?? []), delivery]);
  const queues = [...byChannel.values()];
  const workers = Array.from({ length: Math.min(queues.length, Math.max(1, options.channels ?? 8)) }, async () => {
    for (let queue = queues.shift(); queue !== undefined; queue = queues.shift()) await drainChannel(queue);
  });
  await Promise.all(workers);
  return report;

  async function drainChannel(queue: readonly Delivery[]): Promise<void> {
    for (const [index, delivery] of queue.entries()) {
      const sink = sinks.find((s) => s.platform === platformOf(delivery.channel));
      if (sink === undefined) continue;
      const fields = { delivery: delivery.id, channel: delivery.channel, item: delivery.key };
      try {
        await sink.send(delivery.channel, delivery.alert);
        await store.markSent(delivery.id, now());
        report.sent++;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (err instanceof DeliveryError && err.rateLimited && err.retryAfterMs !== null) {
          // The channel is told to wait: so is everything queued behind this one, in order.
          const until = now() + err.retryAfterMs;
          for (const held of queue.slice(index)) await store.postpone(held.id, message, until);
          report.postponed += queue.length - index;
          log.log('warn', `rate-limited, holding ${queue.length - index} alert(s) for ${Math.ceil(err.retryAfterMs / 1000)} s: ${message}`, fields);
          return;
        }
        const attempts = delivery.attempts + 1;
        const permanent = err instanceof DeliveryError && err.permanent;
        const retryAfter = err instanceof DeliveryError ? err.retryAfterMs : null;
        const giveUp = permanent || attempts >= options.maxAttempts;
        await store.markFailed(delivery.id, message, giveUp ? null : now() + retryDelay(attempts, options.retryBaseMs, retryAfter));
        if (giveUp) report.failed++;
        else report.retried++;
        log.log(giveUp ? 'error' : 'warn', giveUp ? `delivery failed for good after ${attempts} attempts: ${message}` : `delivery failed, will retry: ${message}`, fields);
      }
    }
  }
}
