/**
 * Stopping `statements run` on SIGTERM or SIGINT: the steps run in order within a time limit
 * (an orchestrator kills the process soon after anyway: Kubernetes waits 30 s), and a second
 * signal ends the process at once for an operator who will not wait.
 */
import { constants } from 'node:os';
import type { Logger } from '../log.js';

/** Under Kubernetes' default 30 s grace period, leaving time to exit before SIGKILL. */
export const SHUTDOWN_TIMEOUT_MS = 25_000;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
  /** What is still unfinished when time runs out during this step (default: its name). */
  left?: () => string[];
}

export interface ShutdownResult {
  completed: boolean;
  /** What had not finished when time ran out (empty when completed). */
  left: string[];
}

/** Runs `steps` one after the other, all within `timeoutMs`; a step that fails is logged and the next runs. */
export async function stopWithin(steps: readonly ShutdownStep[], timeoutMs: number, log: Logger): Promise<ShutdownResult> {
  let current = 0;
  const work = (async () => {
    for (; current < steps.length; current++) {
      const step = steps[current]!;
      try {
        await step.run();
      } catch (err) {
        log.log('error', `stopping: ${step.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  // Not unref'd: a step stuck on a promise with nothing else pending must still end in a timeout.
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  const outcome = await Promise.race([work.then(() => 'done' as const), late]);
  clearTimeout(timer);
  if (outcome === 'done') return { completed: true, left: [] };
  const step = steps[current];
  return { completed: false, left: step === undefined ? [] : [...(step.left?.() ?? [step.name]), ...steps.slice(current + 1).map((s) => s.name)] };
}

/** The first SIGINT or SIGTERM from now on. */
export function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals): void => {
      for (const s of SIGNALS) process.off(s, first);
      resolve(signal);
    };
    for (const s of SIGNALS) process.on(s, first);
  });
}

/** From now on, a SIGINT or SIGTERM exits at once with 128 + its number (130, 143), as shells report. */
export function exitOnNextSignal(log: Logger): void {
  const now = (signal: NodeJS.Signals): void => {
    log.log('warn', `${signal} again: exiting at once; alerts being sent are sent again at the next start (marked in doubt)`);
    process.exit(128 + constants.signals[signal]);
  };
  for (const s of SIGNALS) process.on(s, now);
}
