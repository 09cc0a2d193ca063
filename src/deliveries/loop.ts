/**
 * Sends alerts as soon as they are queued, and retries when they are due, independently of the
 * poll schedule: a poll every few minutes must not mean alerts every few minutes, nor a
 * rate-limited alert waiting for the next poll. One drain at a time, so nothing is sent twice.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import { drainOutbox, type DrainReport, type OutboxOptions } from './outbox.js';
import type { Sink } from './sink.js';

export interface DeliveryLoop {
  /** Drains now (after the drain in flight): new alerts were queued. */
  kick(): void;
  /** Stops after the drain in flight, which finishes its sends, and one more if kicked meanwhile. */
  stop(): Promise<void>;
}

export interface DeliveryLoopOptions extends OutboxOptions {
  /** How often due retries are looked for when nothing kicks the loop. */
  idleMs?: number;
  onDrain?: (report: DrainReport) => void;
}

export function startDeliveryLoop(store: Store, sinks: readonly Sink[], now: () => number, options: DeliveryLoopOptions, log: Logger): DeliveryLoop {
  let stopped = false;
  let kicked = false;
  let wake: (() => void) | null = null;
  const idleMs = options.idleMs ?? 1_000;
  const batch = options.batch ?? 100;

  const loop = (async () => {
    // A kick before stopping still gets its drain: a poll's alerts leave before the process does.
    while (!stopped || kicked) {
      kicked = false;
      let report: DrainReport | null = null;
      try {
        report = await drainOutbox(store, sinks, now, options, log);
        options.onDrain?.(report);
      } catch (err) {
        log.log('error', `outbox drain failed, trying again shortly: ${err instanceof Error ? err.message : String(err)}`);
      }
      const handled = report === null ? 0 : report.sent + report.failed + report.retried + report.postponed + report.revised;
      // A full batch means more may be waiting; a postponed channel is retried by the timer.
      if (stopped || kicked || (report !== null && handled >= batch && report.postponed < handled)) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();

  return {
    kick() {
      kicked = true;
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
