/**
 * Time-outs that do not charge a server for time this process was too busy to listen. Parsing a
 * 5 MB feed holds the event loop for a few hundred milliseconds; a cycle over many feeds holds it
 * for seconds. Responses that arrive meanwhile wait unread in the socket, and a plain timer would
 * then call those servers slow. Here the time the event loop was busy (its `active` time, from
 * `performance.eventLoopUtilization`) since the exchange began is added back, up to `maxMs`, so a
 * silent or trickling server still times out on time in an idle process, and never later than
 * `maxMs` in a busy one.
 */
import { type EventLoopUtilization, performance } from 'node:perf_hooks';

/** Less owed than this is not worth another timer. */
const MIN_EXTENSION_MS = 20;

/**
 * Calls `expire` once `ms` have passed beyond the event loop's busy time since `busySince` (now by
 * default; earlier for the later hops of one exchange), or at `maxMs` at the latest. Every timer it
 * sets is pushed to `timers` (clearing them all cancels it); the returned function cancels it too.
 */
export function patientTimeout(
  ms: number,
  maxMs: number,
  expire: () => void,
  timers: NodeJS.Timeout[],
  busySince: EventLoopUtilization = performance.eventLoopUtilization(),
): () => void {
  const start = Date.now();
  const busy = busySince;
  let current: NodeJS.Timeout | null = null;
  const arm = (delay: number): void => {
    current = setTimeout(() => {
      const owed = Math.min(ms + performance.eventLoopUtilization(busy).active, maxMs);
      const left = owed - (Date.now() - start);
      if (left >= MIN_EXTENSION_MS) arm(left);
      else expire();
    }, Math.max(0, delay));
    timers.push(current);
  };
  arm(ms);
  return () => {
    if (current !== null) clearTimeout(current);
  };
}
