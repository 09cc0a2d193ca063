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
import type { Observer } from '../observer.js';
import type { Store } from '../store/types.js';
import { drainRevisions } from './revisions.js';
import { DeliveryError, digestKey, idempotencyKey, platformOf, type Sink } from './sink.js';

export interface OutboxOptions {
  maxAttempts: number;
  retryBaseMs: number;
  /** Deliveries taken per drain. */
  batch?: number;
  /** Channels sent to at once. */
  channels?: number;
  /** How long a drain holds the deliveries it took (longer than any send can take). */
  leaseMs?: number;
  /** Told of each alert sent (with its latency) and each failed attempt (metrics). */
  events?: Observer;
  /** For tests: the jitter's source of randomness. */
  random?: () => number;
}

/** Longer than a send can take, rate-limit waits included; a crashed process's claims are released at start. */
export const DEFAULT_LEASE_MS = 5 * 60 * 1000;

export interface DrainReport {
  sent: number;
  failed: number;
  retried: number;
  /** Deliveries the platform asked us to hold back (rate limits); no attempt counted. */
  postponed: number;
  /** Messages already sent edited to list the story's later outlets. */
  revised: number;
}

/**
 * The retry delay, in one place: exponential from the base, capped at an hour, with equal jitter
 * (half fixed, half random) so that alerts failed together do not retry together; never before
 * the platform's retry_after.
 */
export function retryDelay(attempts: number, baseMs: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const backoff = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
  const jittered = backoff / 2 + (backoff / 2) * Math.min(1, Math.max(0, random()));
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

export async function drainOutbox(store: Store, sinks: readonly Sink[], now: () => number, options: OutboxOptions, log: Logger): Promise<DrainReport> {
  const report: DrainReport = { sent: 0, failed: 0, retried: 0, postponed: 0, revised: 0 };
  // Only platforms this process can reach: the others' alerts wait, attempts untouched, for a
  // process that has their credentials.
  const due = await store.claimDeliveries(now(), options.batch ?? 100, sinks.map((s) => s.platform), options.leaseMs ?? DEFAULT_LEASE_MS);
  const byChannel = new Map<string, Delivery[]>();
  for (const delivery of due) byChannel.set(delivery.channel, [...(byChannel.get(delivery.channel) ?? []), delivery]);
  const queues = [...byChannel.values()];
  const workers = Array.from({ length: Math.min(queues.length, Math.max(1, options.channels ?? 8)) }, async () => {
    for (let queue = queues.shift(); queue !== undefined; queue = queues.shift()) await drainChannel(queue);
  });
  await Promise.all(workers);
  // After the sends: a message sent just now whose story grew meanwhile is edited in this drain.
  report.revised = await drainRevisions(store, sinks, now, options, log);
  return report;

  async function drainChannel(queue: readonly Delivery[]): Promise<void> {
    // A sink that cannot send digests gets a digest's alerts one by one.
    const batches = inBatches(queue, (d) => sinks.find((s) => s.platform === platformOf(d.channel))?.sendDigest !== undefined);
    for (const [index, batch] of batches.entries()) {
      const first = batch[0]!;
      const sink = sinks.find((s) => s.platform === platformOf(first.channel));
      if (sink === undefined) continue;
      const fields = { delivery: first.id, channel: first.channel, item: first.key, ...(batch.length > 1 ? { digest: batch.length } : {}) };
      if (batch.some((d) => d.inDoubt)) log.log('warn', 'resending an alert whose last attempt never answered (the process stopped mid-send); the platform may already have it', fields);
      let messageRef: string | null = null;
      try {
        // inBatches made a batch of several only for a sink that sends digests. Digests are not
        // revised (their messages are never edited), so their message ids are not kept.
        if (first.digest !== null && sink.sendDigest !== undefined) {
          await sink.sendDigest(first.channel, { period: first.digest, alerts: batch.map((d) => d.alert) }, { idempotencyKey: digestKey(batch), inDoubt: batch.some((d) => d.inDoubt) });
        } else {
          const receipt = await sink.send(first.channel, first.alert, { idempotencyKey: idempotencyKey(first), inDoubt: first.inDoubt });
          if (receipt && first.digest === null) messageRef = receipt.messageRef;
        }
      } catch (err) {
        // The platform has not taken it (or cannot say): the claim ends with this answer.
        const message = err instanceof Error ? err.message : String(err);
        if (err instanceof DeliveryError && err.rateLimited && err.retryAfterMs !== null) {
          // The channel is told to wait: so is everything queued behind this one, in order.
          const held = batches.slice(index).flat();
          const until = now() + err.retryAfterMs;
          for (const d of held) await store.postpone(d.id, message, until);
          report.postponed += held.length;
          log.log('warn', `rate-limited, holding ${held.length} alert(s) for ${Math.ceil(err.retryAfterMs / 1000)} s: ${message}`, fields);
          return;
        }
        const permanent = err instanceof DeliveryError && err.permanent;
        const retryAfter = err instanceof DeliveryError ? err.retryAfterMs : null;
        for (const delivery of batch) {
          const attempts = delivery.attempts + 1;
          const giveUp = permanent || attempts >= options.maxAttempts;
          await store.markFailed(delivery.id, message, giveUp ? null : now() + retryDelay(attempts, options.retryBaseMs, retryAfter, options.random));
          if (giveUp) report.failed++;
          else report.retried++;
          options.events?.alertFailed(sink.platform, giveUp);
          log.log(giveUp ? 'error' : 'warn', giveUp ? `delivery failed for good after ${attempts} attempts (dead letter; "statements outbox" lists it, "statements outbox retry" sends it again): ${message}` : `delivery failed, will retry: ${message}`, { ...fields, delivery: delivery.id });
        }
        continue;
      }
      for (const delivery of batch) {
        try {
          await store.markSent(delivery.id, now(), messageRef);
          report.sent++;
          options.events?.alertSent(sink.platform, now() - delivery.createdAt);
        } catch (err) {
          // Sent, but not recorded: the claim will expire and the resend be marked in doubt.
          log.log('error', `alert sent but not recorded as sent: ${err instanceof Error ? err.message : String(err)}`, { ...fields, delivery: delivery.id });
        }
      }
    }
  }
}

/**
 * What goes out as one message, in queue order: an immediate delivery alone, a digest
 * subscription's due deliveries together (at the place of its first).
 */
function inBatches(queue: readonly Delivery[], digestible: (delivery: Delivery) => boolean): Delivery[][] {
  const batches: Delivery[][] = [];
  const digests = new Map<string, Delivery[]>();
  for (const delivery of queue) {
    if (delivery.digest === null || !digestible(delivery)) {
      batches.push([delivery]);
      continue;
    }
    const batch = digests.get(delivery.subscriptionId);
    if (batch !== undefined) {
      batch.push(delivery);
      continue;
    }
    const fresh = [delivery];
    digests.set(delivery.subscriptionId, fresh);
    batches.push(fresh);
  }
  return batches;
}
