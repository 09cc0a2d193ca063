/**
 * /healthz: named checks, each passing or failing with a reason, run side by side with a time
 * limit (a store that hangs is as unhealthy as one that refuses). A check is null when what it
 * checks is not configured (Slack without a token): reported "n/a", never failing.
 */
import { redact } from '../log.js';

/** Resolves when healthy; throws (or rejects) with the reason when not. */
export type HealthCheck = () => Promise<void> | void;

export type CheckState = 'ok' | 'n/a' | 'failing';

export interface HealthReport {
  status: 'ok' | 'failing';
  checks: Record<string, CheckState>;
  /** Why each failing check fails (token shapes and URL passwords redacted). */
  errors?: Record<string, string>;
}

/** Longer than a healthy ping takes, shorter than a probe's usual time-out (Kubernetes: 1 s+). */
export const CHECK_TIMEOUT_MS = 2_000;

export async function checkHealth(checks: Readonly<Record<string, HealthCheck | null>>, timeoutMs = CHECK_TIMEOUT_MS): Promise<HealthReport> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, CheckState, string | null]> => {
      if (check === null) return [name, 'n/a', null];
      try {
        await within(Promise.resolve().then(check), timeoutMs);
        return [name, 'ok', null];
      } catch (err) {
        return [name, 'failing', redact(err instanceof Error ? err.message : String(err), [])];
      }
    }),
  );
  const failing = results.filter(([, state]) => state === 'failing');
  return {
    status: failing.length === 0 ? 'ok' : 'failing',
    checks: Object.fromEntries(results.map(([name, state]) => [name, state])),
    ...(failing.length === 0 ? {} : { errors: Object.fromEntries(failing.map(([name, , error]) => [name, error ?? 'failing'])) }),
  };
}

function within(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
