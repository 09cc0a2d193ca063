// Edits of sent alerts through the outbox drain, with a real (in-memory SQLite) store and a sink
// that fails on demand: a story that gains an outlet edits the message once and sends nothing
// new; a rate limit waits exactly its retry-after; a deleted message is given up at once; other
// failures back off and give up after maxAttempts.
import { beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError, drainOutbox, retryDelay, type Sink } from '../../src/deliveries/index.js';
import type { Logger } from '../../src/log.js';
import type { Alert } from '../../src/model/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';

const T0 = Date.UTC(2022, 1, 16, 12);
const alert: Alert = { key: 'story-1', title: 'NATO sees no withdrawal', outlet: 'Wire', url: 'https://news.example/1', published: T0, lead: ['Lead.'], actors: ['NATO'], keywords: [], quotes: [] };
const options = { maxAttempts: 3, retryBaseMs: 30_000, random: () => 1 };

function editableSink(failures: (Error | null)[]): Sink & { sent: string[]; edits: { ref: string; also: string[] }[] } {
  const sent: string[] = [];
  const edits: { ref: string; also: string[] }[] = [];
  return {
    platform: 'slack',
    sent,
    edits,
    send: async (_channel, a) => {
      sent.push(a.key);
      return { messageRef: `m-${sent.length}` };
    },
    edit: async (_channel, ref, a) => {
      const failure = failures.shift() ?? null;
      if (failure !== null) throw failure;
      edits.push({ ref, also: a.alsoReportedBy ?? [] });
    },
  };
}

describe('drainOutbox: revisions of sent alerts', () => {
  let store: Store;
  let now: number;
  let lines: string[];
  const clock = () => now;
  const log: Logger = { log: (level, message) => void lines.push(`${level} ${message}`) };

  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    now = T0;
    lines = [];
    await store.addSubscription({ id: 'sub', channel: 'slack:C1', actors: [], keywords: [], createdAt: T0 });
    await store.enqueue([{ subscriptionId: 'sub', channel: 'slack:C1', key: 'story-1', alert, nextAttemptAt: T0 }]);
  });

  it('edits the sent message once when its story gains an outlet, and sends nothing new', async () => {
    const sink = editableSink([]);
    expect((await drainOutbox(store, [sink], clock, options, log)).sent).toBe(1);
    now += 60_000;
    await store.reviseAlerts('story-1', ['Wire', 'Evening Post'], now);
    expect(await drainOutbox(store, [sink], clock, options, log)).toEqual({ sent: 0, failed: 0, retried: 0, postponed: 0, revised: 1 });
    expect(sink.edits).toEqual([{ ref: 'm-1', also: ['Evening Post'] }]);
    expect((await drainOutbox(store, [sink], clock, options, log)).revised).toBe(0);
    expect(sink.sent).toEqual(['story-1']);
  });

  it('leaves revisions to a process whose sink can edit', async () => {
    const sink = editableSink([]);
    await drainOutbox(store, [sink], clock, options, log);
    await store.reviseAlerts('story-1', ['Wire', 'Evening Post'], now);
    const { edit: _cannot, ...plain } = sink;
    expect((await drainOutbox(store, [plain], clock, options, log)).revised).toBe(0);
    expect((await drainOutbox(store, [sink], clock, options, log)).revised).toBe(1);
  });

  it('waits out a rate limit exactly, and gives up on a deleted message after one call', async () => {
    const sink = editableSink([new DeliveryError('Slack rate limit: retry after 2 s', { retryAfterMs: 2_000, rateLimited: true }), new DeliveryError('Slack refused chat.update: message_not_found', { permanent: true })]);
    await drainOutbox(store, [sink], clock, options, log);
    await store.reviseAlerts('story-1', ['Wire', 'Evening Post'], now);
    expect((await drainOutbox(store, [sink], clock, options, log)).revised).toBe(0);
    now += 1_999;
    await drainOutbox(store, [sink], clock, options, log);
    expect(sink.edits).toEqual([]);
    now += 1;
    expect((await drainOutbox(store, [sink], clock, options, log)).revised).toBe(0); // message_not_found
    expect(lines.some((l) => l.startsWith('warn') && l.includes('not trying again') && l.includes('message_not_found'))).toBe(true);
    now += 24 * 3_600_000;
    await drainOutbox(store, [sink], clock, options, log);
    expect(sink.edits).toEqual([]);
    expect(sink.sent).toEqual(['story-1']);
  });

  it('backs off other failures and gives up after maxAttempts', async () => {
    const sink = editableSink([new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'), null]);
    await drainOutbox(store, [sink], clock, options, log);
    await store.reviseAlerts('story-1', ['Wire', 'Evening Post'], now);
    await drainOutbox(store, [sink], clock, options, log);
    now += retryDelay(1, options.retryBaseMs, null, options.random) - 1;
    await drainOutbox(store, [sink], clock, options, log); // not due yet: the failure list is untouched
    now += 1;
    await drainOutbox(store, [sink], clock, options, log);
    now += retryDelay(2, options.retryBaseMs, null, options.random);
    await drainOutbox(store, [sink], clock, options, log); // the third failure: given up
    now += 24 * 3_600_000;
    expect((await drainOutbox(store, [sink], clock, options, log)).revised).toBe(0);
    expect(sink.edits).toEqual([]);
    expect(lines.filter((l) => l.includes('will retry'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes('not trying again'))).toHaveLength(1);
  });
});
