/**
 * The running monitor: a node-cron schedule that, on each tick, polls the due feeds, and a
 * delivery loop that sends what they queued at once and retries when due. Ticks never overlap;
 * stopping waits for the poll in flight and the sends in flight.
 */
import { schedule } from 'node-cron';
import { drainOutbox, startDeliveryLoop, type DeliveryLoopOptions, type OutboxOptions, type Sink } from '../deliveries/index.js';
import type { PipelineDeps } from './deps.js';
import { pollDueFeeds, type FeedReport } from './poll.js';

export interface CycleReport {
  feeds: FeedReport[];
  sent: number;
  retried: number;
  failed: number;
  postponed: number;
}

/** One cycle: poll what is due, then send what waits (`poll --once`; the monitor sends continuously). */
export async function runCycle(deps: PipelineDeps, sinks: readonly Sink[], outbox: OutboxOptions, force = false): Promise<CycleReport> {
  const feeds = await pollDueFeeds(deps, force);
  const drained = await drainOutbox(deps.store, sinks, deps.now, outbox, deps.log);
  const polled = feeds.filter((f) => f.status !== 'not-due');
  deps.log.log('debug', `cycle done: ${polled.length} feeds polled, ${feeds.reduce((n, f) => n + f.newItems, 0)} new items, ${drained.sent} alerts sent`);
  return { feeds, ...drained };
}

export interface Monitor {
  /** Stops the schedule and waits for the poll and the sends in flight. */
  stop(): Promise<void>;
  /** What is still running (to name what a stop cut short): the poll, the sends. */
  inFlight(): string[];
}

export function startMonitor(deps: PipelineDeps, sinks: readonly Sink[], options: { schedule: string; outbox: DeliveryLoopOptions }): Monitor {
  const deliveries = startDeliveryLoop(deps.store, sinks, deps.now, options.outbox, deps.log);
  let running: Promise<unknown> | null = null;
  let stopped = false;
  let sending = true;
  const tick = (): void => {
    if (running !== null || stopped) return; // a slow cycle is not run twice at once
    running = pollDueFeeds(deps)
      .then((feeds) => {
        const polled = feeds.filter((f) => f.status !== 'not-due');
        deps.log.log('debug', `poll done: ${polled.length} feeds polled, ${feeds.reduce((n, f) => n + f.newItems, 0)} new items`);
        deliveries.kick();
      })
      .catch((err: unknown) => deps.log.log('error', `poll cycle failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        running = null;
      });
  };
  const task = schedule(options.schedule, tick);
  tick(); // the first cycle now, not at the next minute
  return {
    async stop() {
      stopped = true;
      await task.stop();
      await running;
      await deliveries.stop();
      sending = false;
    },
    inFlight: () => [...(running === null ? [] : ['the poll in flight']), ...(sending ? ['the alerts being sent'] : [])],
  };
}
