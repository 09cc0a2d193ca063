/**
 * Prometheus metrics of one app: a registry of its own (not prom-client's global one, so one
 * process can open several apps, as the tests do), Node's process metrics, the pipeline's and
 * the outbox's counters through the Observer, and the outbox's depth read from the store at
 * scrape time (another replica's work shows too, and nothing has to be kept in step).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from '../log.js';
import type { Observer } from '../observer.js';
import type { OutboxSummary, Store } from '../store/types.js';

export interface Metrics {
  observer: Observer;
  /** The exposition text (Prometheus text format 0.0.4). */
  text(): Promise<string>;
  contentType: string;
}

/** Outbox states as the `state` label: the summary's fields, snake_case as Prometheus likes. */
const OUTBOX_STATES: Record<keyof OutboxSummary, string> = { pending: 'pending', sending: 'sending', sent: 'sent', failed: 'failed', inDoubt: 'in_doubt' };

export function createMetrics(store: Pick<Store, 'outboxSummary'>, now: () => number, log: Logger): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const feedsPolled = new Counter({ name: 'statements_feeds_polled_total', help: 'Feed fetches by outcome (ok, not-modified, error).', labelNames: ['status'], registers });
  // Every outcome from the start: a rate() over a series that appears late misses its first count.
  for (const status of ['ok', 'not-modified', 'error']) feedsPolled.inc({ status }, 0);
  const fetchErrors = new Counter({ name: 'statements_fetch_errors_total', help: 'Failed feed fetches by error code (FEED_TIMEOUT, FEED_HTTP…).', labelNames: ['kind'], registers });
  const items = new Counter({ name: 'statements_items_total', help: 'New feed items by decision (alerted, baseline, too-old, no-statements…).', labelNames: ['decision'], registers });
  const statements = new Counter({ name: 'statements_statements_total', help: 'Statements extracted from new articles.', registers });
  const sent = new Counter({ name: 'statements_alerts_sent_total', help: 'Alerts the chat platform accepted.', labelNames: ['platform'], registers });
  const failed = new Counter({ name: 'statements_alerts_failed_total', help: 'Failed alert attempts; final="true" when given up (a dead letter).', labelNames: ['platform', 'final'], registers });
  const latency = new Histogram({
    name: 'statements_delivery_latency_seconds',
    help: 'From an alert being queued to the platform accepting it (digests wait for their period).',
    // Seconds when all is well, minutes when rate-limited or retrying, hours for digests and outages.
    buckets: [0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800, 3600, 4 * 3600, 12 * 3600, 24 * 3600],
    registers,
  });
  new Gauge({
    name: 'statements_outbox_depth',
    help: 'Deliveries in the outbox by state (sending and in_doubt are pending ones; read from the store at scrape time).',
    labelNames: ['state'],
    registers,
    async collect() {
      this.reset();
      try {
        const summary = await store.outboxSummary(now());
        for (const [field, state] of Object.entries(OUTBOX_STATES) as [keyof OutboxSummary, string][]) this.set({ state }, summary[field]);
      } catch (err) {
        // The other metrics are still worth a scrape; /healthz says what is wrong with the store.
        log.log('warn', `metrics: outbox depth not read: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  });
  return {
    observer: {
      feedPolled(status, errorCode) {
        feedsPolled.inc({ status });
        if (errorCode !== null) fetchErrors.inc({ kind: errorCode });
      },
      itemDecided: (decision) => items.inc({ decision }),
      statementsFound: (count) => statements.inc(count),
      alertSent(platform, latencyMs) {
        sent.inc({ platform });
        latency.observe(Math.max(0, latencyMs) / 1000);
      },
      alertFailed: (platform, final) => failed.inc({ platform, final: String(final) }),
    },
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
