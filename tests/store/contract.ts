/**
 * What every Store must do, whatever the engine. Each implementation's test file calls
 * describeStoreContract with a function that opens a fresh, empty store; nothing here may
 * depend on one engine (no SQL, no files).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatementsError } from '../../src/errors.js';
import { newFeedState } from '../../src/feeds/index.js';
import type { Alert, FeedState, ItemRecord, Mute, StoredStatement, Subscription } from '../../src/model/index.js';
import type { NewDelivery, Store } from '../../src/store/types.js';

const T0 = Date.UTC(2024, 5, 1, 12);
const MINUTE = 60_000;

function feedState(overrides: Partial<FeedState> = {}): FeedState {
  return { ...newFeedState({ id: 'reuters', url: 'https://example.test/reuters.xml' }), ...overrides };
}

function item(overrides: Partial<ItemRecord> = {}): ItemRecord {
  return {
    identity: 'item-1',
    feedId: 'reuters',
    link: 'https://example.test/news/1',
    title: 'NATO chief speaks',
    published: T0,
    firstSeenAt: T0,
    decision: 'alerted',
    reason: 'Alerted 1 subscription.',
    ...overrides,
  };
}

function statement(overrides: Partial<StoredStatement> = {}): StoredStatement {
  return {
    identity: 'article-1',
    ordinal: 0,
    quote: 'We will defend every inch of allied territory.',
    speaker: 'Jens Stoltenberg',
    speakerId: 'jens-stoltenberg',
    role: 'NATO Secretary General',
    kind: 'direct',
    start: 10,
    end: 57,
    cue: 'told reporters',
    title: 'NATO chief speaks',
    url: 'https://example.test/news/1',
    outlet: 'Reuters',
    published: T0,
    seenAt: T0,
    ...overrides,
  };
}

function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return { id: 'sub-1', channel: 'slack:C1', actors: ['nato'], keywords: [], createdAt: T0, ...overrides };
}

function mute(overrides: Partial<Mute> = {}): Mute {
  return { channel: 'slack:C1', target: 'nato', until: T0 + 60 * MINUTE, createdAt: T0, ...overrides };
}

function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    key: 'item-1',
    title: 'NATO chief speaks',
    outlet: 'Reuters',
    url: 'https://example.test/news/1',
    published: T0,
    lead: ['The alliance met in Brussels.'],
    actors: ['NATO'],
    keywords: [],
    quotes: [{ quote: 'We will defend.', speaker: 'Jens Stoltenberg', role: 'NATO Secretary General', kind: 'direct' }],
    ...overrides,
  };
}

function delivery(overrides: Partial<NewDelivery> = {}): NewDelivery {
  const key = overrides.key ?? 'item-1';
  return { subscriptionId: 'sub-1', channel: 'slack:C1', key, alert: alert({ key }), nextAttemptAt: T0, ...overrides };
}

const byFeedId = (a: FeedState, b: FeedState) => a.feedId.localeCompare(b.feedId);

/** What an engine is, where the contract allows engines to differ. */
export interface EngineTraits {
  /** Replicas share it (PostgreSQL): a claim still held may be a live one's, so releaseClaims ends none. */
  sharedByReplicas?: boolean;
}

export function describeStoreContract(name: string, open: () => Promise<Store>, traits: EngineTraits = {}): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('feed state', () => {
      it('is null for a feed never saved', async () => {
        expect(await store.feedState('nope')).toBeNull();
        expect(await store.feedStates()).toEqual([]);
      });

      it('round-trips with every optional field null', async () => {
        const state = feedState();
        await store.saveFeedState(state);
        expect(await store.feedState('reuters')).toEqual(state);
      });

      it('round-trips with every field set, and a second save replaces the first', async () => {
        await store.saveFeedState(feedState());
        const state = feedState({
          etag: 'W/"abc"',
          lastModified: 'Sat, 01 Jun 2024 12:00:00 GMT',
          lastPolledAt: T0,
          lastSuccessAt: T0 - MINUTE,
          nextPollAt: T0 + 15 * MINUTE,
          failures: 3,
          lastErrorCode: 'FEED_HTTP',
          lastError: 'HTTP 503 from example.test',
          baselined: true,
          feedTitle: 'Reuters World News',
        });
        await store.saveFeedState(state);
        expect(await store.feedState('reuters')).toEqual(state);
        expect(await store.feedStates()).toEqual([state]);
      });

      it('lists every feed', async () => {
        const a = feedState({ feedId: 'ap', url: 'https://example.test/ap.xml' });
        const b = feedState({ feedId: 'bbc', url: 'https://example.test/bbc.xml', baselined: true });
        await store.saveFeedState(b);
        await store.saveFeedState(a);
        expect((await store.feedStates()).sort(byFeedId)).toEqual([a, b]);
      });
    });

    describe('items', () => {
      it('records an item once: the second record changes nothing', async () => {
        expect(await store.hasItem('item-1')).toBe(false);
        expect(await store.recordItem(item())).toBe(true);
        expect(await store.hasItem('item-1')).toBe(true);
        expect(await store.recordItem(item({ decision: 'duplicate', reason: 'again', firstSeenAt: T0 + MINUTE }))).toBe(false);
        expect(await store.itemByLink('https://example.test/news/1')).toEqual(item());
      });

      it('finds an item by its exact link, the latest seen first', async () => {
        await store.recordItem(item({ identity: 'old', firstSeenAt: T0, decision: 'baseline', reason: 'Baseline.' }));
        await store.recordItem(item({ identity: 'new', firstSeenAt: T0 + MINUTE, decision: 'too-old', reason: 'Too old.' }));
        await store.recordItem(item({ identity: 'other', link: 'https://example.test/news/10' }));
        const found = await store.itemByLink('https://example.test/news/1');
        expect(found?.identity).toBe('new');
        expect(found?.decision).toBe('too-old');
        expect(await store.itemByLink('https://example.test/news')).toBeNull();
        expect(await store.itemByLink('https://example.test/news/2')).toBeNull();
      });

      it('keeps items without a link and never returns them by link', async () => {
        const unlinked = item({ identity: 'nolink', link: null, published: null, decision: 'no-statements' });
        expect(await store.recordItem(unlinked)).toBe(true);
        expect(await store.hasItem('nolink')).toBe(true);
        expect(await store.itemByLink('')).toBeNull();
      });
    });

    describe('statements', () => {
      it('round-trip every field, nulls included', async () => {
        const full = statement();
        const bare = statement({
          identity: 'article-2',
          speaker: null,
          speakerId: null,
          role: null,
          kind: 'indirect',
          cue: null,
          url: null,
          outlet: null,
          published: null,
        });
        await store.saveStatements([full, bare]);
        const found = await store.queryStatements({ limit: 10 });
        expect(found).toHaveLength(2);
        expect(found).toContainEqual(full);
        expect(found).toContainEqual(bare);
      });

      it('accepts an empty batch', async () => {
        await store.saveStatements([]);
        expect(await store.queryStatements({ limit: 10 })).toEqual([]);
      });

      it('keeps the first save of an (identity, ordinal) pair', async () => {
        await store.saveStatements([statement()]);
        await store.saveStatements([statement({ quote: 'Something else entirely.' })]);
        const found = await store.queryStatements({ limit: 10 });
        expect(found.map((s) => s.quote)).toEqual([statement().quote]);
      });

      it('lists newest first (published, else seen), in article order within an article', async () => {
        await store.saveStatements([
          statement({ identity: 'mid', ordinal: 1, published: T0 + 2 * MINUTE, quote: 'mid 1' }),
          statement({ identity: 'mid', ordinal: 0, published: T0 + 2 * MINUTE, quote: 'mid 0' }),
          statement({ identity: 'oldest', ordinal: 0, published: T0, seenAt: T0 + 10 * MINUTE, quote: 'oldest' }),
          // No publication date: its seen time places it.
          statement({ identity: 'undated', ordinal: 0, published: null, seenAt: T0 + 3 * MINUTE, quote: 'undated' }),
          statement({ identity: 'early', ordinal: 0, published: T0 + MINUTE, seenAt: T0 + 20 * MINUTE, quote: 'early' }),
        ]);
        const found = await store.queryStatements({ limit: 10 });
        expect(found.map((s) => s.quote)).toEqual(['undated', 'mid 0', 'mid 1', 'early', 'oldest']);
      });

      it('stops at the limit, newest first', async () => {
        await store.saveStatements(
          [0, 1, 2, 3, 4].map((n) => statement({ identity: `a${n}`, published: T0 + n * MINUTE, quote: `q${n}` })),
        );
        expect((await store.queryStatements({ limit: 2 })).map((s) => s.quote)).toEqual(['q4', 'q3']);
        expect(await store.queryStatements({ limit: 0 })).toEqual([]);
      });

      it('filters by speaker ids', async () => {
        await store.saveStatements([
          statement({ identity: 'a', speakerId: 'jens-stoltenberg', quote: 'A' }),
          statement({ identity: 'b', speakerId: 'dmitry-peskov', speaker: 'Dmitry Peskov', quote: 'B' }),
          statement({ identity: 'c', speakerId: null, speaker: null, quote: 'C' }),
        ]);
        const quotes = async (speakerIds: string[]) =>
          (await store.queryStatements({ speakerIds, limit: 10 })).map((s) => s.quote).sort();
        expect(await quotes(['dmitry-peskov'])).toEqual(['B']);
        expect(await quotes(['dmitry-peskov', 'jens-stoltenberg', 'nobody'])).toEqual(['A', 'B']);
        // Any of no actors is nobody.
        expect(await quotes([])).toEqual([]);
      });

      it('filters by text in the quote, the speaker or the title, ignoring case', async () => {
        await store.saveStatements([
          statement({ identity: 'q', quote: 'The DRILLS are routine.', speaker: 'A', title: 'x' }),
          statement({ identity: 's', quote: 'nothing', speaker: 'Drills Sergeant', title: 'x' }),
          statement({ identity: 't', quote: 'nothing', speaker: null, title: 'Military drills begin' }),
          statement({ identity: 'n', quote: 'nothing', speaker: 'B', title: 'y' }),
        ]);
        const found = await store.queryStatements({ text: 'drills', limit: 10 });
        expect(found.map((s) => s.identity).sort()).toEqual(['q', 's', 't']);
      });

      it('ignores case in letters beyond ASCII', async () => {
        await store.saveStatements([statement({ quote: 'Talks at the ÉLYSÉE palace.' })]);
        expect(await store.queryStatements({ text: 'élysée', limit: 10 })).toHaveLength(1);
      });

      it('matches % and _ in the text literally', async () => {
        await store.saveStatements([
          statement({ identity: 'pct', quote: 'Spending rose 50% this year.' }),
          statement({ identity: 'num', quote: 'Spending rose 500 this year.' }),
          statement({ identity: 'und', quote: 'The file was war_plan.' }),
          statement({ identity: 'dot', quote: 'The file was war-plan.' }),
          statement({ identity: 'bsl', quote: 'A path C:\\war.' }),
        ]);
        const ids = async (text: string) =>
          (await store.queryStatements({ text, limit: 10 })).map((s) => s.identity).sort();
        expect(await ids('50%')).toEqual(['pct']);
        expect(await ids('war_plan')).toEqual(['und']);
        expect(await ids('%')).toEqual(['pct']);
        expect(await ids('C:\\war')).toEqual(['bsl']);
      });

      it('filters by seen time, inclusive', async () => {
        await store.saveStatements([
          statement({ identity: 'before', seenAt: T0 - 1 }),
          statement({ identity: 'at', seenAt: T0 }),
          statement({ identity: 'after', seenAt: T0 + MINUTE }),
        ]);
        const found = await store.queryStatements({ since: T0, limit: 10 });
        expect(found.map((s) => s.identity).sort()).toEqual(['after', 'at']);
      });

      it('combines filters', async () => {
        await store.saveStatements([
          statement({ identity: 'hit', speakerId: 'dmitry-peskov', quote: 'Drills end', seenAt: T0 }),
          statement({ identity: 'old', speakerId: 'dmitry-peskov', quote: 'Drills end', seenAt: T0 - MINUTE }),
          statement({ identity: 'who', speakerId: 'jens-stoltenberg', quote: 'Drills end', seenAt: T0 }),
          statement({ identity: 'what', speakerId: 'dmitry-peskov', quote: 'Talks', title: 'Talks', seenAt: T0 }),
        ]);
        const found = await store.queryStatements({ speakerIds: ['dmitry-peskov'], text: 'drills', since: T0, limit: 10 });
        expect(found.map((s) => s.identity)).toEqual(['hit']);
      });
    });

    describe('latestBySpeaker', () => {
      const on = async (phrases: string[], extra: { since?: number; limit?: number } = {}) =>
        (await store.latestBySpeaker({ phrases, limit: 10, ...extra })).map((s) => s.identity);

      it('gives each speaker’s latest statement on the phrases, speakers newest first', async () => {
        await store.saveStatements([
          statement({ identity: 'js-old', published: T0, quote: 'A withdrawal remains to be seen.' }),
          statement({ identity: 'js-new', published: T0 + 2 * MINUTE, quote: 'No sign of withdrawal yet.' }),
          // Said later, but not on the topic: the earlier statement on it stays his latest.
          statement({ identity: 'js-off', published: T0 + 9 * MINUTE, quote: 'Allies stand together.' }),
          statement({ identity: 'peskov', speaker: 'Dmitry Peskov', speakerId: 'dmitry-peskov', published: T0 + MINUTE, quote: 'The troops return to base; the withdrawal goes on.' }),
          // Not on the watchlist: one speaker by name, whatever the case.
          statement({ identity: 'ml-old', speaker: 'Maria Lopez', speakerId: null, published: T0 + 3 * MINUTE, quote: 'Withdrawal? Hardly.' }),
          statement({ identity: 'ml-new', speaker: 'MARIA LOPEZ', speakerId: null, published: T0 + 4 * MINUTE, quote: 'Still no withdrawal.' }),
          // Nobody named: one group of its own.
          statement({ identity: 'anon-1', speaker: null, speakerId: null, role: null, published: T0 + 5 * MINUTE, quote: 'A withdrawal, officials said.' }),
          statement({ identity: 'anon-2', speaker: null, speakerId: null, role: null, published: T0 + 6 * MINUTE, quote: 'The withdrawal is a ruse.' }),
        ]);
        const found = await store.latestBySpeaker({ phrases: ['withdrawal'], limit: 10 });
        expect(found.map((s) => s.identity)).toEqual(['anon-2', 'ml-new', 'js-new', 'peskov']);
        expect(found[2]).toEqual(statement({ identity: 'js-new', published: T0 + 2 * MINUTE, quote: 'No sign of withdrawal yet.' }));
        expect(await on(['withdrawal'], { limit: 2 })).toEqual(['anon-2', 'ml-new']);
        expect(await on(['withdrawal'], { limit: 0 })).toEqual([]);
      });

      it('matches any phrase as whole words, ignoring case, accents and punctuation between words', async () => {
        await store.saveStatements([
          statement({ identity: 'hyphen', speakerId: 'a', quote: 'A TROOP-WITHDRAWAL is under way.' }),
          statement({ identity: 'plural', speakerId: 'b', quote: 'Withdrawals are not what we see.' }),
          statement({ identity: 'inside', speakerId: 'c', quote: 'The pullbacks are slow.' }),
          statement({ identity: 'accent', speakerId: 'd', quote: 'Talks at the Élysée palace.' }),
          statement({ identity: 'other', speakerId: 'e', quote: 'Troops pull back.' }),
        ]);
        expect((await on(['troop withdrawal'])).sort()).toEqual(['hyphen']);
        expect((await on(['Withdrawal', 'pull back'])).sort()).toEqual(['hyphen', 'other']);
        expect(await on(['elysee'])).toEqual(['accent']);
        expect(await on(['pullback'])).toEqual([]);
        expect(await on([])).toEqual([]);
        expect(await on(['…'])).toEqual([]);
      });

      it('filters by seen time, inclusive', async () => {
        await store.saveStatements([
          statement({ identity: 'before', seenAt: T0 - 1, published: T0 + MINUTE, quote: 'withdrawal' }),
          statement({ identity: 'at', seenAt: T0, published: T0, quote: 'withdrawal' }),
          statement({ identity: 'other', speakerId: 'x', seenAt: T0 + MINUTE, published: T0 + MINUTE, quote: 'withdrawal' }),
        ]);
        expect(await on(['withdrawal'], { since: T0 })).toEqual(['other', 'at']);
      });
    });

    describe('subscriptions', () => {
      it('adds, lists by channel and removes', async () => {
        const a = subscription({ id: 'a', channel: 'slack:C1', actors: ['nato', 'kremlin'], keywords: ['troops'] });
        const b = subscription({ id: 'b', channel: 'discord:42', actors: [], keywords: [], createdAt: T0 + 1 });
        const c = subscription({ id: 'c', channel: 'slack:C1', createdAt: T0 + 2 });
        for (const s of [a, b, c]) await store.addSubscription(s);

        expect(await store.subscriptions()).toEqual([a, b, c]);
        expect(await store.subscriptions('slack:C1')).toEqual([a, c]);
        expect(await store.subscriptions('console')).toEqual([]);

        expect(await store.removeSubscription('a')).toBe(true);
        expect(await store.removeSubscription('a')).toBe(false);
        expect(await store.subscriptions('slack:C1')).toEqual([c]);
      });

      it('adding an id again replaces its filters and keeps its creation time', async () => {
        await store.addSubscription(subscription());
        await store.addSubscription(subscription({ actors: [], keywords: ['troops'], createdAt: T0 + MINUTE }));
        expect(await store.subscriptions()).toEqual([subscription({ actors: [], keywords: ['troops'] })]);
      });
    });

    describe('serially', () => {
      it('runs work under one name one at a time, in call order; a failure passes through and frees the name', async () => {
        const events: string[] = [];
        const step = (tag: string) => async (): Promise<string> => {
          events.push(`${tag} start`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          events.push(`${tag} end`);
          return tag;
        };
        const boom = new Error('boom');
        const results = await Promise.allSettled([store.serially('x', step('a')), store.serially('x', async () => Promise.reject(boom)), store.serially('x', step('b')), store.serially('y', step('c'))]);
        expect(results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason))).toEqual(['a', boom, 'b', 'c']);
        const x = events.filter((e) => !e.startsWith('c'));
        expect(x).toEqual(['a start', 'a end', 'b start', 'b end']);
        // Another name does not wait for this one.
        expect(events.indexOf('c start')).toBeLessThan(events.indexOf('a end'));
      });
    });

    describe('events every replica receives', () => {
      it('lets the first to record an event handle it, and nobody else for a day', async () => {
        expect(await store.firstToHandle('discord:interaction:1', T0)).toBe(true);
        expect(await store.firstToHandle('discord:interaction:1', T0 + 1)).toBe(false);
        expect(await store.firstToHandle('discord:interaction:2', T0 + 2)).toBe(true);
        expect(await store.firstToHandle('discord:interaction:1', T0 + 23 * 60 * MINUTE)).toBe(false);
        // Forgotten after a day: the table does not grow for ever.
        expect(await store.firstToHandle('discord:interaction:1', T0 + 25 * 60 * MINUTE)).toBe(true);
      });
    });

    describe('mutes', () => {
      it('lists a mute until it ends', async () => {
        const m = mute();
        await store.mute(m);
        expect(await store.mutes(T0)).toEqual([m]);
        expect(await store.mutes(m.until - 1)).toEqual([m]);
        expect(await store.mutes(m.until)).toEqual([]);
      });

      it('muting a target again replaces its end', async () => {
        await store.mute(mute());
        const again = mute({ until: T0 + 5 * MINUTE, createdAt: T0 + MINUTE });
        await store.mute(again);
        expect(await store.mutes(T0)).toEqual([again]);
      });

      it('leaves out mutes that have ended, and lists the rest soonest to end first', async () => {
        const ended = mute({ target: 'kremlin', until: T0 - 1 });
        const later = mute({ target: 'troop-withdrawal', until: T0 + 90 * MINUTE });
        const sooner = mute({ target: 'nato', until: T0 + 30 * MINUTE });
        for (const m of [ended, later, sooner]) await store.mute(m);
        expect(await store.mutes(T0)).toEqual([sooner, later]);
      });

      it('lists one channel’s mutes when asked', async () => {
        const here = mute({ channel: 'slack:C1', target: 'nato' });
        const there = mute({ channel: 'discord:42', target: 'nato', until: T0 + 10 * MINUTE });
        await store.mute(here);
        await store.mute(there);
        expect(await store.mutes(T0)).toEqual([there, here]);
        expect(await store.mutes(T0, 'slack:C1')).toEqual([here]);
        expect(await store.mutes(T0, 'discord:42')).toEqual([there]);
        expect(await store.mutes(T0, 'console')).toEqual([]);
      });

      it('unmutes one target in one channel: true, then false', async () => {
        await store.mute(mute({ channel: 'slack:C1', target: 'nato' }));
        await store.mute(mute({ channel: 'slack:C1', target: 'kremlin' }));
        await store.mute(mute({ channel: 'discord:42', target: 'nato' }));
        expect(await store.unmute('slack:C1', 'nato')).toBe(true);
        expect(await store.unmute('slack:C1', 'nato')).toBe(false);
        expect(await store.unmute('console', 'kremlin')).toBe(false);
        expect((await store.mutes(T0)).map((m) => `${m.channel} ${m.target}`).sort()).toEqual(['discord:42 nato', 'slack:C1 kremlin']);
      });
    });

    describe('outbox', () => {
      beforeEach(async () => {
        await store.addSubscription(subscription({ id: 'sub-1', channel: 'slack:C1' }));
        await store.addSubscription(subscription({ id: 'sub-2', channel: 'discord:42' }));
      });

      it('writes a pending delivery with nothing tried yet', async () => {
        expect(await store.enqueue([delivery()])).toBe(1);
        const [due, ...rest] = await store.dueDeliveries(T0, 10);
        expect(rest).toEqual([]);
        expect(due).toMatchObject({
          subscriptionId: 'sub-1',
          channel: 'slack:C1',
          key: 'item-1',
          alert: alert(),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: T0,
          lastError: null,
          sentAt: null,
        });
        expect(Number.isInteger(due?.id)).toBe(true);
        expect(Number.isInteger(due?.createdAt)).toBe(true);
      });

      it('hands out only the platforms asked for, so unreachable ones wait untouched', async () => {
        await store.enqueue([delivery(), delivery({ subscriptionId: 'sub-2', channel: 'discord:42' })]);
        expect((await store.dueDeliveries(T0, 10, ['discord'])).map((d) => d.channel)).toEqual(['discord:42']);
        expect((await store.dueDeliveries(T0, 10, ['slack', 'console'])).map((d) => d.channel)).toEqual(['slack:C1']);
        expect(await store.dueDeliveries(T0, 10, [])).toEqual([]);
        expect(await store.dueDeliveries(T0, 10)).toHaveLength(2);
      });

      it('queues one delivery per subscription and key, however often it is enqueued', async () => {
        expect(await store.enqueue([delivery(), delivery({ subscriptionId: 'sub-2', channel: 'discord:42' })])).toBe(2);
        expect(await store.enqueue([delivery(), delivery({ key: 'item-2' })])).toBe(1);
        expect(await store.enqueue([delivery({ key: 'item-3' }), delivery({ key: 'item-3' })])).toBe(1);
        expect(await store.enqueue([])).toBe(0);
        const due = await store.dueDeliveries(T0, 10);
        expect(due.map((d) => `${d.subscriptionId}/${d.key}`).sort()).toEqual([
          'sub-1/item-1',
          'sub-1/item-2',
          'sub-1/item-3',
          'sub-2/item-1',
        ]);
      });

      it('does not queue a delivery again once it was sent', async () => {
        await store.enqueue([delivery()]);
        const [first] = await store.dueDeliveries(T0, 10);
        await store.markSent(first?.id ?? -1, T0);
        expect(await store.enqueue([delivery()])).toBe(0);
        expect(await store.dueDeliveries(T0 + MINUTE, 10)).toEqual([]);
      });

      it('returns due deliveries only, the earliest due first, at most the limit', async () => {
        await store.enqueue([
          delivery({ key: 'later', nextAttemptAt: T0 + 2 * MINUTE }),
          delivery({ key: 'first', nextAttemptAt: T0 }),
          delivery({ key: 'future', nextAttemptAt: T0 + 60 * MINUTE }),
          delivery({ key: 'second', nextAttemptAt: T0 }),
        ]);
        const keys = async (now: number, limit: number) => (await store.dueDeliveries(now, limit)).map((d) => d.key);
        expect(await keys(T0 - 1, 10)).toEqual([]);
        expect(await keys(T0, 10)).toEqual(['first', 'second']);
        expect(await keys(T0 + 2 * MINUTE, 10)).toEqual(['first', 'second', 'later']);
        expect(await keys(T0 + 2 * MINUTE, 2)).toEqual(['first', 'second']);
      });

      it('markSent takes a delivery out of the due list', async () => {
        await store.enqueue([delivery({ key: 'a' }), delivery({ key: 'b' })]);
        const [a] = await store.dueDeliveries(T0, 10);
        await store.markSent(a?.id ?? -1, T0 + 1);
        expect((await store.dueDeliveries(T0 + MINUTE, 10)).map((d) => d.key)).toEqual(['b']);
      });

      it('markFailed reschedules, then gives up', async () => {
        await store.enqueue([delivery()]);
        const [d] = await store.dueDeliveries(T0, 10);
        const id = d?.id ?? -1;

        await store.markFailed(id, 'HTTP 429: rate limited', T0 + 5 * MINUTE);
        expect(await store.dueDeliveries(T0 + 5 * MINUTE - 1, 10)).toEqual([]);
        const [retry] = await store.dueDeliveries(T0 + 5 * MINUTE, 10);
        expect(retry).toMatchObject({ id, status: 'pending', attempts: 1, lastError: 'HTTP 429: rate limited', nextAttemptAt: T0 + 5 * MINUTE });

        await store.markFailed(id, 'HTTP 500', T0 + 10 * MINUTE);
        expect(await store.dueDeliveries(T0 + 10 * MINUTE, 10)).toMatchObject([{ id, attempts: 2, lastError: 'HTTP 500' }]);

        await store.markFailed(id, 'channel_not_found', null);
        expect(await store.dueDeliveries(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
        // Given up means given up: it can be neither sent nor retried now.
        await expect(store.markSent(id, T0)).rejects.toMatchObject({ module: 'store', code: 'STORE_NOT_PENDING' });
        await expect(store.markFailed(id, 'again', T0)).rejects.toMatchObject({ code: 'STORE_NOT_PENDING' });
      });

      it('postpone waits without counting an attempt, and only for a pending delivery', async () => {
        await store.enqueue([delivery()]);
        const [d] = await store.dueDeliveries(T0, 10);
        const id = d?.id ?? -1;
        await store.postpone(id, 'Slack rate limit: retry after 1 s', T0 + 1_000);
        expect(await store.dueDeliveries(T0 + 999, 10)).toEqual([]);
        expect(await store.dueDeliveries(T0 + 1_000, 10)).toMatchObject([{ id, attempts: 0, lastError: 'Slack rate limit: retry after 1 s' }]);
        await store.markSent(id, T0 + 1_000);
        await expect(store.postpone(id, 'again', T0)).rejects.toMatchObject({ code: 'STORE_NOT_PENDING' });
      });

      it('claims due deliveries once: a second drain does not get them until the claim expires, then in doubt', async () => {
        await store.enqueue([delivery({ key: 'a' }), delivery({ key: 'b' })]);
        const first = await store.claimDeliveries(T0, 10, undefined, MINUTE);
        expect(first.map((d) => [d.key, d.inDoubt])).toEqual([['a', false], ['b', false]]);
        expect(await store.claimDeliveries(T0 + 1, 10, undefined, MINUTE)).toEqual([]);
        expect(await store.dueDeliveries(T0 + 1, 10)).toEqual([]);
        await store.markSent(first[0]?.id ?? -1, T0 + 2);
        // b's sender never answered: once its claim expires it comes back, flagged.
        const again = await store.claimDeliveries(T0 + MINUTE, 10, undefined, MINUTE);
        expect(again.map((d) => [d.key, d.inDoubt])).toEqual([['b', true]]);
        await store.markFailed(again[0]?.id ?? -1, 'HTTP 500', T0 + 2 * MINUTE);
        expect(await store.claimDeliveries(T0 + 2 * MINUTE, 10, undefined, MINUTE)).toMatchObject([{ key: 'b', inDoubt: true, attempts: 1 }]);
      });

      it('releases every claim at start, marking those deliveries in doubt (a store of one process)', async () => {
        await store.enqueue([delivery({ key: 'a' })]);
        await store.claimDeliveries(T0, 10, undefined, 60 * MINUTE);
        if (traits.sharedByReplicas) {
          // Shared: the claim may be another replica's, live; it ends by expiry only.
          expect(await store.releaseClaims()).toBe(0);
          expect(await store.claimDeliveries(T0 + 1, 10, undefined, MINUTE)).toEqual([]);
          expect(await store.claimDeliveries(T0 + 60 * MINUTE, 10, undefined, MINUTE)).toMatchObject([{ key: 'a', inDoubt: true }]);
          return;
        }
        expect(await store.releaseClaims()).toBe(1);
        expect(await store.claimDeliveries(T0 + 1, 10, undefined, MINUTE)).toMatchObject([{ key: 'a', inDoubt: true }]);
      });

      it('keeps dead letters with their reason, counts the outbox, and retries dead letters on request', async () => {
        await store.enqueue([delivery({ key: 'a' }), delivery({ key: 'b' }), delivery({ key: 'c' })]);
        const [a, b] = await store.claimDeliveries(T0, 2, undefined, MINUTE);
        await store.markFailed(a?.id ?? -1, 'channel_not_found (unsubscribe the channel)', null);
        await store.markSent(b?.id ?? -1, T0);
        expect(await store.outboxSummary(T0)).toEqual({ pending: 1, sending: 0, sent: 1, failed: 1, inDoubt: 0 });
        expect(await store.failedDeliveries(10)).toMatchObject([{ key: 'a', status: 'failed', attempts: 1, lastError: 'channel_not_found (unsubscribe the channel)' }]);
        expect(await store.retryFailed('all', T0 + MINUTE)).toBe(1);
        expect(await store.failedDeliveries(10)).toEqual([]);
        expect(await store.dueDeliveries(T0 + MINUTE, 10)).toMatchObject([{ key: 'c' }, { key: 'a', attempts: 0 }]);
        expect(await store.retryFailed([424242], T0)).toBe(0);
      });

      it('keeps story members with their fingerprints, lists the outlets of a story in order, and revises pending alerts', async () => {
        const signature = Uint32Array.from({ length: 64 }, (_, i) => (i * 2654435761) >>> 0);
        const member = { identity: 'copy-1', storyId: 'copy-1', url: 'https://a.example/1', outlet: 'Wire A', titleKey: 'nato sees no withdrawal', signature, quotes: ['we see no withdrawal'], seenAt: T0 };
        await store.addStoryMember(member);
        await store.addStoryMember({ ...member, identity: 'copy-2', url: 'https://b.example/2', outlet: 'Wire B', seenAt: T0 + MINUTE });
        await store.addStoryMember({ ...member, identity: 'copy-3', url: 'https://c.example/3', outlet: 'Wire C', seenAt: T0 + MINUTE });
        const unrelated = Uint32Array.from({ length: 64 }, (_, i) => (i * 40503 + 7) >>> 0);
        await store.addStoryMember({ ...member, identity: 'other', storyId: 'other', url: 'https://d.example/4', titleKey: 'sanctions on banks widen', signature: unrelated, seenAt: T0 });
        const ids = async (probe: { url: string | null; titleKey: string; signature: Uint32Array }, since = T0): Promise<string[]> => (await store.storyCandidates(probe, since)).map((m) => m.identity);
        const nothing = { url: null, titleKey: 'a headline of its own', signature: new Uint32Array(64).fill(0xffffffff) };
        // Found by link, by headline or by one shared band of the signature; with its story's other copies.
        expect(await ids({ ...nothing, url: 'https://b.example/2' })).toEqual(['copy-1', 'copy-2', 'copy-3']);
        expect(await ids({ ...nothing, titleKey: 'nato sees no withdrawal' })).toEqual(['copy-1', 'copy-2', 'copy-3']);
        const oneBand = Uint32Array.from(unrelated, (slot, i) => (i < 2 ? (signature[i] ?? 0) : slot + 1));
        expect(await ids({ ...nothing, signature: oneBand })).toEqual(['copy-1', 'copy-2', 'copy-3']);
        expect(await ids(nothing)).toEqual([]);
        expect(await ids({ ...nothing, url: 'https://b.example/2' }, T0 + 1)).toEqual(['copy-2', 'copy-3']);
        const [first] = await store.storyCandidates({ ...nothing, url: member.url }, T0);
        expect(first).toEqual(member);
        expect(await store.storyOutlets('copy-1')).toEqual(['Wire A', 'Wire B', 'Wire C']);

        await store.enqueue([delivery({ key: 'copy-1', alert: alert({ key: 'copy-1', outlet: 'Wire A' }) })]);
        expect(await store.reviseAlerts('copy-1', ['Wire A', 'Wire B', 'Wire C'], T0)).toBe(1);
        const [pending] = await store.dueDeliveries(T0, 10);
        expect(pending?.alert.alsoReportedBy).toEqual(['Wire B', 'Wire C']);
      });

      it('refuses to mark a delivery that does not exist', async () => {
        await expect(store.markSent(424242, T0)).rejects.toBeInstanceOf(StatementsError);
        await expect(store.markSent(424242, T0)).rejects.toMatchObject({ module: 'store', code: 'STORE_NO_DELIVERY' });
        await expect(store.markFailed(424242, 'x', null)).rejects.toMatchObject({ code: 'STORE_NO_DELIVERY' });
      });

      it('round-trips the alert exactly', async () => {
        const rich = alert({
          key: 'rich',
          title: 'Peskov: “drills” are “routine” — «nothing new» 🚀',
          outlet: null,
          url: null,
          published: null,
          lead: ['Line one,\nline two with "quotes" and \\backslashes\\.', 'Second <lead> & more'],
          actors: ['Dmitry Peskov', 'Kremlin'],
          keywords: ['military drills'],
          quotes: [
            { quote: 'It is routine…', speaker: 'Dmitry Peskov', role: 'Kremlin spokesperson', kind: 'direct' },
            { quote: 'nothing new', speaker: null, role: null, kind: 'partial' },
            { quote: 'the drills would end', speaker: 'Dmitry Peskov', role: null, kind: 'indirect' },
          ],
        });
        await store.enqueue([delivery({ key: 'rich', alert: rich }), delivery({ key: 'empty', alert: alert({ key: 'empty', lead: [], actors: [], keywords: [], quotes: [] }) })]);
        const due = await store.dueDeliveries(T0, 10);
        expect(due.find((d) => d.key === 'rich')?.alert).toStrictEqual(rich);
        expect(due.find((d) => d.key === 'empty')?.alert).toStrictEqual(alert({ key: 'empty', lead: [], actors: [], keywords: [], quotes: [] }));
      });

      it('refuses a malformed alert and queues nothing of the batch', async () => {
        const broken = { ...alert({ key: 'bad' }), quotes: [{ quote: 'x', speaker: null, role: null, kind: 'shouted' }] };
        const batch = [delivery({ key: 'good' }), { ...delivery({ key: 'bad' }), alert: broken as unknown as Alert }];
        await expect(store.enqueue(batch)).rejects.toMatchObject({ module: 'store', code: 'STORE_BAD_ALERT' });
        expect(await store.dueDeliveries(T0, 10)).toEqual([]);
      });

      it('removing a subscription drops its pending deliveries', async () => {
        await store.enqueue([delivery({ key: 'a' }), delivery({ key: 'b', subscriptionId: 'sub-2', channel: 'discord:42' })]);
        await store.removeSubscription('sub-1');
        expect((await store.dueDeliveries(T0, 10)).map((d) => d.subscriptionId)).toEqual(['sub-2']);
      });
    });

    describe('revisions of sent alerts', () => {
      // A story first carried by Wire A, alerted to slack:C1 as message 1700000000.000100.
      const sendStory = async (overrides: Partial<NewDelivery> = {}, ref: string | null = '1700000000.000100'): Promise<number> => {
        await store.enqueue([delivery({ key: 'story-1', alert: alert({ key: 'story-1', outlet: 'Wire A' }), ...overrides })]);
        const [claimed] = await store.claimDeliveries(T0, 10, undefined, MINUTE);
        await store.markSent(claimed?.id ?? -1, T0, ref);
        return claimed?.id ?? -1;
      };
      beforeEach(async () => {
        await store.addSubscription(subscription({ id: 'sub-1', channel: 'slack:C1' }));
        await store.addSubscription(subscription({ id: 'sub-2', channel: 'discord:42' }));
      });

      it('owes one edit of a sent message when its story gains an outlet, claimed by one drain at a time', async () => {
        const id = await sendStory();
        expect(await store.reviseAlerts('story-1', ['Wire A', 'Wire B'], T0 + MINUTE)).toBe(1);
        expect(await store.claimRevisions(T0 + MINUTE - 1, 10, undefined, MINUTE)).toEqual([]);
        const [owed, ...more] = await store.claimRevisions(T0 + MINUTE, 10, undefined, MINUTE);
        expect(more).toEqual([]);
        expect(owed).toMatchObject({ deliveryId: id, subscriptionId: 'sub-1', channel: 'slack:C1', key: 'story-1', messageRef: '1700000000.000100', attempts: 0 });
        expect(owed?.alert).toEqual(alert({ key: 'story-1', outlet: 'Wire A', alsoReportedBy: ['Wire B'] }));
        expect(Number.isInteger(owed?.version)).toBe(true);
        // Claimed: no other drain takes it until the lease ends, then it comes back.
        expect(await store.claimRevisions(T0 + MINUTE + 1, 10, undefined, MINUTE)).toEqual([]);
        expect(await store.claimRevisions(T0 + 2 * MINUTE, 10, undefined, MINUTE)).toMatchObject([{ deliveryId: id, version: owed?.version }]);
        await store.finishRevision(id, owed?.version ?? -1, { error: null, nextAttemptAt: null });
        expect(await store.claimRevisions(Number.MAX_SAFE_INTEGER, 10, undefined, MINUTE)).toEqual([]);
        // An edit is not a resend: the delivery stays sent.
        expect(await store.dueDeliveries(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
        expect(await store.outboxSummary(T0)).toMatchObject({ pending: 0, sent: 1 });
      });

      it('owes nothing when the outlets are the ones already listed', async () => {
        await sendStory();
        expect(await store.reviseAlerts('story-1', ['Wire A'], T0)).toBe(0);
        expect(await store.reviseAlerts('story-1', ['Wire A', 'Wire B'], T0)).toBe(1);
        const [owed] = await store.claimRevisions(T0, 10, undefined, MINUTE);
        await store.finishRevision(owed?.deliveryId ?? -1, owed?.version ?? -1, { error: null, nextAttemptAt: null });
        expect(await store.reviseAlerts('story-1', ['Wire A', 'Wire B'], T0 + MINUTE)).toBe(0);
        expect(await store.claimRevisions(Number.MAX_SAFE_INTEGER, 10, undefined, MINUTE)).toEqual([]);
        // A pending alert likewise: revised once, then unchanged.
        await store.enqueue([delivery({ key: 'story-2', alert: alert({ key: 'story-2', outlet: 'Wire A' }) })]);
        expect(await store.reviseAlerts('story-2', ['Wire A', 'Wire C'], T0)).toBe(1);
        expect(await store.reviseAlerts('story-2', ['Wire A', 'Wire C'], T0)).toBe(0);
      });

      it('hands out only the platforms asked for', async () => {
        await sendStory({ subscriptionId: 'sub-2', channel: 'discord:42' }, '900000000000000001');
        await store.reviseAlerts('story-1', ['Wire A', 'Wire B'], T0);
        expect(await store.claimRevisions(T0, 10, ['slack', 'console'], MINUTE)).toEqual([]);
        expect(await store.claimRevisions(T0, 10, [], MINUTE)).toEqual([]);
        expect(await store.claimRevisions(T0, 10, ['discord'], MINUTE)).toMatchObject([{ channel: 'discord:42', messageRef: '900000000000000001' }]);
      });

      it('keeps a newer revision owed when an edit of the older one finishes', async () => {
        const id = await sendStory();
        await store.reviseAlerts('story-1', ['Wire A', 'Wire B'], T0);
        const [first] = await store.claimRevisions(T0, 10, undefined, MINUTE);
        // Wire C joins while the edit listing Wire B is in flight.
        expect(await store.reviseAlerts('story-1', ['Wire A', 'Wire B', 'Wire C'], T0 + 1)).toBe(1);
        await store.finishRevision(id, first?.version ?? -1, { error: null, nextAttemptAt: null });
        const [second] = await store.claimRevisions(T0 + 2, 10, undefined, MINUTE);
        expect(second?.alert.alsoReportedBy).toEqual(['Wire B', 'Wire C']);
        expect(second?.version).toBeGreaterThan(first?.version ?? Number.MAX_SAFE_INTEGER);
        // A failed older attempt does not push the newer one back either.
        await store.finishRevision(id, first?.version ?? -1, { error: 'HTTP 500', nextAttemptAt: T0 + 60 * MINUTE });
        expect(await store.claimRevisions(T0 + 3, 10, undefined, MINUTE)).toMatchObject([{ deliveryId: id, version: second?.version, attempts: 0 }]);
      });

      it('retries an edit at the time given, gives up without one, and owes again when the story grows further', async () => {
        const id = await sendStory();
        await store.reviseAlerts('story-1', ['Wire A', 'Wire B'], T0);
        const [owed] = await store.claimRevisions(T0, 10, undefined, MINUTE);
        await store.finishRevision(id, owed?.version ?? -1, { error: 'HTTP 503', nextAttemptAt: T0 + 5 * MINUTE });
        expect(await store.claimRevisions(T0 + 5 * MINUTE - 1, 10, undefined, MINUTE)).toEqual([]);
        const [retry] = await store.claimRevisions(T0 + 5 * MINUTE, 10, undefined, MINUTE);
        expect(retry).toMatchObject({ deliveryId: id, version: owed?.version, attempts: 1 });
        await store.finishRevision(id, retry?.version ?? -1, { error: 'message_not_found', nextAttemptAt: null });
        expect(await store.claimRevisions(Number.MAX_SAFE_INTEGER, 10, undefined, MINUTE)).toEqual([]);
        expect(await store.reviseAlerts('story-1', ['Wire A', 'Wire B', 'Wire C'], T0 + 10 * MINUTE)).toBe(1);
        expect(await store.claimRevisions(T0 + 10 * MINUTE, 10, undefined, MINUTE)).toMatchObject([{ deliveryId: id, attempts: 0, alert: { alsoReportedBy: ['Wire B', 'Wire C'] } }]);
      });

      it('owes nothing for a digest, a message sent without an id, or an alert given up', async () => {
        await sendStory({ digest: 'hourly' });
        await sendStory({ subscriptionId: 'sub-2', channel: 'discord:42' }, null);
        await store.addSubscription(subscription({ id: 'sub-3', channel: 'slack:C3' }));
        await store.enqueue([delivery({ subscriptionId: 'sub-3', channel: 'slack:C3', key: 'story-1', alert: alert({ key: 'story-1', outlet: 'Wire A' }) })]);
        const [failed] = await store.claimDeliveries(T0, 10, undefined, MINUTE);
        await store.markFailed(failed?.id ?? -1, 'channel_not_found', null);
        expect(await store.reviseAlerts('story-1', ['Wire A', 'Wire B'], T0)).toBe(0);
        expect(await store.claimRevisions(Number.MAX_SAFE_INTEGER, 10, undefined, MINUTE)).toEqual([]);
      });

      it('edits the message of an alert whose story grew while it was being sent, and not one resent revised', async () => {
        await store.enqueue([delivery({ key: 'story-1', alert: alert({ key: 'story-1', outlet: 'Wire A' }) })]);
        const [sending] = await store.claimDeliveries(T0, 10, undefined, MINUTE);
        expect(await store.reviseAlerts('story-1', ['Wire A', 'Wire B'], T0 + 1)).toBe(1);
        expect(await store.claimRevisions(T0 + 1, 10, undefined, MINUTE)).toEqual([]); // not sent yet
        await store.markSent(sending?.id ?? -1, T0 + 2, 'ts-1');
        expect(await store.claimRevisions(T0 + 2, 10, undefined, MINUTE)).toMatchObject([{ messageRef: 'ts-1', alert: { alsoReportedBy: ['Wire B'] } }]);

        // The send failed instead: the next attempt carries the revised alert, and nothing is owed.
        await store.enqueue([delivery({ key: 'story-2', alert: alert({ key: 'story-2', outlet: 'Wire A' }) })]);
        const [failing] = await store.claimDeliveries(T0, 10, undefined, MINUTE);
        await store.reviseAlerts('story-2', ['Wire A', 'Wire C'], T0 + 1);
        await store.markFailed(failing?.id ?? -1, 'HTTP 500', T0 + 2);
        const [resend] = await store.claimDeliveries(T0 + 2, 10, undefined, MINUTE);
        expect(resend?.alert.alsoReportedBy).toEqual(['Wire C']);
        await store.markSent(resend?.id ?? -1, T0 + 3, 'ts-2');
        expect(await store.claimRevisions(T0 + 3, 10, undefined, MINUTE)).toEqual([]);
      });

      it('refuses to finish the revision of a delivery that does not exist', async () => {
        await expect(store.finishRevision(424242, 1, { error: null, nextAttemptAt: null })).rejects.toMatchObject({ module: 'store', code: 'STORE_NO_DELIVERY' });
      });
    });

    describe('ping', () => {
      it('answers while the store is open, and fails with a store error once it is closed', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.ping()).rejects.toMatchObject({ module: 'store', code: 'STORE_CLOSED' });
        store = await open(); // for afterEach
      });
    });

    describe('feed claims', () => {
      const feeds = ['ap', 'bbc', 'reuters'];

      it('claims feeds never claimed, once each, in the order given; nobody else gets them while the claim lives', async () => {
        expect(await store.claimFeeds(['reuters', 'ap', 'reuters'], 'one', T0, MINUTE)).toEqual(['reuters', 'ap']);
        expect(await store.claimFeeds(feeds, 'two', T0 + 1, MINUTE)).toEqual(['bbc']);
        // Not the holder either, and not forced: a live claim is never taken.
        expect(await store.claimFeeds(feeds, 'one', T0 + MINUTE - 1, MINUTE, true)).toEqual([]);
        expect(await store.claimFeeds([], 'one', T0, MINUTE)).toEqual([]);
      });

      it('takes over a claim that expired unreleased (its owner died)', async () => {
        await store.claimFeeds(feeds, 'dead', T0, MINUTE);
        expect(await store.claimFeeds(feeds, 'alive', T0 + MINUTE, MINUTE)).toEqual(feeds);
        // The dead owner's late release does not end the new owner's claim.
        await store.releaseFeed('ap', 'dead', null);
        expect(await store.claimFeeds(['ap'], 'third', T0 + MINUTE + 1, MINUTE, true)).toEqual([]);
      });

      it('released with a next poll time, a feed is due again at that time; null is due now; force skips the wait', async () => {
        await store.claimFeeds(feeds, 'one', T0, MINUTE);
        await store.releaseFeed('ap', 'one', T0 + 15 * MINUTE);
        await store.releaseFeed('bbc', 'one', null);
        expect(await store.claimFeeds(['ap', 'bbc'], 'two', T0 + 1, MINUTE)).toEqual(['bbc']);
        expect(await store.claimFeeds(['ap'], 'two', T0 + 15 * MINUTE - 1, MINUTE)).toEqual([]);
        expect(await store.claimFeeds(['ap'], 'three', T0 + 2, MINUTE, true)).toEqual(['ap']);
        await store.releaseFeed('ap', 'three', T0 + 30 * MINUTE);
        expect(await store.claimFeeds(['ap'], 'two', T0 + 30 * MINUTE, MINUTE)).toEqual(['ap']);
      });

      it('ignores a release by an owner who does not hold the feed', async () => {
        await store.claimFeeds(['ap'], 'one', T0, MINUTE);
        await store.releaseFeed('ap', 'two', null);
        await store.releaseFeed('never-claimed', 'two', null);
        expect(await store.claimFeeds(['ap', 'never-claimed'], 'two', T0 + 1, MINUTE)).toEqual(['never-claimed']);
      });
    });

    describe('close', () => {
      it('can be called twice, and later calls fail with a store error', async () => {
        await store.close();
        await store.close();
        await expect(store.feedStates()).rejects.toMatchObject({ module: 'store', code: 'STORE_CLOSED' });
        store = await open(); // for afterEach
      });
    });
  });
}
