/**
 * What the pipeline and the outbox tell whoever watches them (metrics today). An interface of
 * plain calls, so the core depends on no metrics library and tests can pass their own; every
 * caller takes it optionally, and absent means nobody is watching.
 */
import type { ItemDecision } from './model/index.js';

export interface Observer {
  /** A feed was fetched: its outcome, and the feed error code when it failed (FEED_TIMEOUT…). */
  feedPolled(status: 'ok' | 'not-modified' | 'error', errorCode: string | null): void;
  /** A new item was decided (alerted, baseline, too-old…). */
  itemDecided(decision: ItemDecision): void;
  /** Statements extracted from one article. */
  statementsFound(count: number): void;
  /** The platform accepted an alert, `latencyMs` after it was queued. */
  alertSent(platform: string, latencyMs: number): void;
  /** An attempt failed; `final` when it was the last (a dead letter), else it will be retried. */
  alertFailed(platform: string, final: boolean): void;
}
