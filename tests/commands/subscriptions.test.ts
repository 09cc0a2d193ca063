import { describe, expect, it } from 'vitest';
import { type CommandContext, handleCommand, parseCommand, type Reply } from '../../src/commands/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { BASE, baseContext } from './helpers.js';

function context(store: Store, extra: Partial<CommandContext> = {}): CommandContext {
  return { ...baseContext(store), now: BASE, ...extra };
}

const run = (ctx: CommandContext, text: string): Promise<Reply> => handleCommand(parseCommand(text), ctx);

describe('subscribe / unsubscribe / list', () => {
  it('refuses people who cannot manage the channel, and changes nothing', async () => {
    const store = await openSqliteStore(':memory:');
    const ctx = context(store, { canManage: false });
    for (const text of ['subscribe nato', 'unsubscribe nato', 'unsubscribe all']) {
      const reply = await run(ctx, text);
      expect(reply).toMatchObject({ ephemeral: true, text: expect.stringMatching(/^Only people who can manage this channel can change what it follows\./) });
    }
    expect(await store.subscriptions()).toEqual([]);
  });

  it('round trip: one row per channel, accumulated, listed, taken apart, removed when empty', async () => {
    const store = await openSqliteStore(':memory:');
    const ctx = context(store);

    const first = await run(ctx, 'subscribe nato, troop withdrawal');
    expect(first.ephemeral).toBe(false);
    expect(first.text).toBe('Subscribed: this channel will hear about **NATO** (and its people) and **troop withdrawal**, one alert per story as it comes. This channel follows actors: NATO; keywords: troop withdrawal.');
    const [row] = await store.subscriptions('slack:C1');
    expect(row).toEqual({ id: 'channel:slack:C1', channel: 'slack:C1', actors: ['nato'], keywords: ['troop-withdrawal'], createdAt: BASE });

    await run({ ...ctx, now: BASE + 1000 }, 'subscribe Peskov');
    const rows = await store.subscriptions('slack:C1');
    expect(rows).toEqual([{ ...row, actors: ['nato', 'dmitry-peskov'] }]);

    const again = await run(ctx, 'subscribe nato');
    expect(again).toMatchObject({ ephemeral: true, text: 'This channel already follows **NATO** (and its people).' });

    const list = await run(ctx, 'list');
    expect(list).toMatchObject({ ephemeral: true, text: 'This channel follows actors: NATO, Dmitry Peskov; keywords: troop withdrawal. It hears them one alert per story as it comes.' });

    const less = await run(ctx, 'unsubscribe nato, kremlin');
    expect(less.text).toBe('Unsubscribed from **NATO** (and its people). It was not subscribed to **Kremlin** (and its people). This channel follows actors: Dmitry Peskov; keywords: troop withdrawal.');
    expect((await store.subscriptions('slack:C1'))[0]).toMatchObject({ id: row!.id, actors: ['dmitry-peskov'], keywords: ['troop-withdrawal'] });

    // Taking out the last filter must not leave an empty row, which would hear everything.
    const none = await run(ctx, 'unsubscribe peskov, troop withdrawal');
    expect(none.text).toMatch(/This channel hears no alerts now\.$/);
    expect(await store.subscriptions()).toEqual([]);
    expect((await run(ctx, 'list')).text).toMatch(/^This channel has no subscriptions\. Start with, e\.g\., `subscribe nato, troop withdrawal`\./);
  });

  it('applies nothing when one term is unknown, and suggests close names', async () => {
    const store = await openSqliteStore(':memory:');
    const ctx = context(store);
    const reply = await run(ctx, 'subscribe peskov, natto');
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toContain('“natto” is not a watchlist actor or keyword; did you mean `NATO`?');
    expect(reply.text).toContain('Nothing was changed.');
    expect(await store.subscriptions()).toEqual([]);
  });

  it('unsubscribe all clears the channel and leaves other channels alone', async () => {
    const store = await openSqliteStore(':memory:');
    await run(context(store), 'subscribe nato');
    await run(context(store, { channel: 'discord:42' }), 'subscribe peskov');
    const reply = await run(context(store), 'unsubscribe all');
    expect(reply).toMatchObject({ ephemeral: false, text: expect.stringMatching(/^Unsubscribed from everything/) });
    expect((await store.subscriptions()).map((s) => s.channel)).toEqual(['discord:42']);
    expect((await run(context(store), 'unsubscribe all')).text).toBe('This channel has no subscriptions; there is nothing to remove.');
  });

  it('a channel that hears everything is not narrowed by a subscribe', async () => {
    const store = await openSqliteStore(':memory:');
    await store.addSubscription({ id: 'console', channel: 'console', actors: [], keywords: [], createdAt: 0 });
    const ctx = context(store, { channel: 'console' });
    expect((await run(ctx, 'subscribe nato')).text).toMatch(/^This channel already hears every alert/);
    expect((await run(ctx, 'unsubscribe nato')).text).toMatch(/^This channel hears every alert rather than chosen/);
    expect((await run(ctx, 'list')).text).toBe('This channel hears every alert (no filters).');
    expect(await store.subscriptions()).toEqual([{ id: 'console', channel: 'console', actors: [], keywords: [], createdAt: 0 }]);
  });

  it('merges rows written elsewhere into the channel’s first row when it changes', async () => {
    const store = await openSqliteStore(':memory:');
    await store.addSubscription({ id: 'cfg-1', channel: 'slack:C1', actors: ['nato'], keywords: [], createdAt: 1 });
    await store.addSubscription({ id: 'cfg-2', channel: 'slack:C1', actors: [], keywords: ['sanctions'], createdAt: 2 });
    await run(context(store), 'subscribe kremlin');
    expect(await store.subscriptions('slack:C1')).toEqual([{ id: 'cfg-1', channel: 'slack:C1', actors: ['nato', 'kremlin'], keywords: ['sanctions'], createdAt: 1 }]);
  });
});
