// /metrics of the real app on 127.0.0.1: the text is strict Prometheus exposition format, and the
// counters move as a poll runs (feeds polled, items by decision, statements, alerts sent, the
// latency histogram, the outbox depth read from the store at scrape time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCycle } from '../../src/pipeline/index.js';
import { startServing, type Serving } from '../../src/ops/serve.js';
import { natoItem, openTestApp, type TestApp } from '../helpers/chat-app.js';
import { conditional, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { rss } from '../helpers/feed-xml.js';
import { parseExposition, type Exposition } from './exposition.js';

describe('/metrics', () => {
  let feeds: FeedServer;
  let opened: TestApp;
  let serving: Serving;
  let failing = false;
  const items = [natoItem('metrics-1'), natoItem('metrics-2')];
  const printed: string[] = [];

  beforeAll(async () => {
    feeds = await startFeedServer();
    const feed = conditional('application/rss+xml', () => rss(items), () => '"v1"');
    feeds.routes.set('/rss.xml', (req, res) => (failing ? res.writeHead(500).end('down') : feed(req, res)));
    opened = await openTestApp({}, feeds.url('/rss.xml'));
    printed.length = 0;
    serving = await startServing(opened.app, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await serving.stop();
    await opened.close();
    await feeds.close();
  });

  const scrape = async (): Promise<{ type: string | null; metrics: Exposition }> => {
    const res = await fetch(`http://127.0.0.1:${serving.httpPort}/metrics`);
    expect(res.status).toBe(200);
    return { type: res.headers.get('content-type'), metrics: parseExposition(await res.text()) };
  };
  const cycle = () => runCycle(opened.app.deps, opened.app.sinks, opened.app.outbox, true);

  it('serves strict Prometheus text with every statements_ metric declared, and process metrics', async () => {
    const { type, metrics } = await scrape();
    expect(type).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(Object.fromEntries([...metrics.types].filter(([name]) => name.startsWith('statements_')))).toEqual({
      statements_feeds_polled_total: 'counter',
      statements_fetch_errors_total: 'counter',
      statements_items_total: 'counter',
      statements_statements_total: 'counter',
      statements_alerts_sent_total: 'counter',
      statements_alerts_failed_total: 'counter',
      statements_delivery_latency_seconds: 'histogram',
      statements_outbox_depth: 'gauge',
    });
    expect(metrics.types.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(metrics.value('process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts a poll: the feed, its new items and statements, the alerts sent and their latency', async () => {
    const before = (await scrape()).metrics;
    const report = await cycle();
    expect(report.sent).toBe(2);
    const after = (await scrape()).metrics;
    const delta = (name: string, labels?: Record<string, string>): number => after.value(name, labels) - before.value(name, labels);
    expect(delta('statements_feeds_polled_total', { status: 'ok' })).toBe(1);
    expect(delta('statements_items_total', { decision: 'alerted' })).toBe(2);
    expect(delta('statements_statements_total')).toBeGreaterThanOrEqual(2);
    expect(delta('statements_alerts_sent_total', { platform: 'console' })).toBe(2);
    expect(delta('statements_delivery_latency_seconds_count')).toBe(2);
    expect(delta('statements_delivery_latency_seconds_bucket', { le: '+Inf' })).toBe(2);
    expect(after.value('statements_outbox_depth', { state: 'sent' })).toBe(2);
    expect(after.value('statements_outbox_depth', { state: 'pending' })).toBe(0);
  });

  it('counts an unchanged feed as not-modified, and a failing one by its error code', async () => {
    const before = (await scrape()).metrics;
    await cycle();
    failing = true;
    await cycle();
    const after = (await scrape()).metrics;
    const delta = (name: string, labels?: Record<string, string>): number => after.value(name, labels) - before.value(name, labels);
    expect(delta('statements_feeds_polled_total', { status: 'not-modified' })).toBe(1);
    expect(delta('statements_feeds_polled_total', { status: 'error' })).toBe(1);
    expect(delta('statements_fetch_errors_total', { kind: 'FEED_HTTP' })).toBe(1);
    expect(delta('statements_items_total', { decision: 'alerted' })).toBe(0);
  });
});

describe('the exposition validator', () => {
  it('refuses what Prometheus would refuse', () => {
    expect(() => parseExposition('a_total 1\n')).toThrow(/without a TYPE/);
    expect(() => parseExposition('# TYPE a counter\na{x="1} 1\n')).toThrow(/neither/);
    expect(() => parseExposition('# TYPE a counter\na 1')).toThrow(/newline/);
    expect(() => parseExposition('# TYPE h histogram\nh_bucket{le="1"} 1\nh_count 1\n')).toThrow(/\+Inf/);
    expect(() => parseExposition('# TYPE a gauge\na 1\na 2\n')).toThrow(/twice/);
    expect(parseExposition('# HELP a A "quoted" help\n# TYPE a gauge\na{x="q\\"\\\\"} -1.5e3\n').value('a', { x: 'q"\\' })).toBe(-1500);
  });
});
