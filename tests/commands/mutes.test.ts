// A channel manager mutes an actor or keyword for a while (`mute nato 6h`), sees what is muted
// with the time left (`mutes`), and ends a mute early (`unmute nato`).
import { describe, expect, it } from 'vitest';
import { announcesToChannel, type Command, type CommandContext, completions, handleCommand, parseCommand, type Reply } from '../../src/commands/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { baseContext, HOUR, watchlist } from './helpers.js';

const MINUTE = 60_000;
const DAY = 24 * HOUR;
const run = (ctx: CommandContext, text: string): Promise<Reply> => handleCommand(parseCommand(text), ctx);

async function fresh(extra: Partial<CommandContext> = {}): Promise<{ store: Store; ctx: CommandContext }> {
  const store = await openSqliteStore(':memory:');
  return { store, ctx: { ...baseContext(store), ...extra } };
}

describe('parsing mute, unmute and mutes', () => {
  it.each<[string, Command]>([
    ['mute nato', { kind: 'mute', term: 'nato', durationMs: DAY }],
    ['mute nato 30m', { kind: 'mute', term: 'nato', durationMs: 30 * MINUTE }],
    ['MUTE Nato 6H', { kind: 'mute', term: 'Nato', durationMs: 6 * HOUR }],
    ['mute troop withdrawal 7d', { kind: 'mute', term: 'troop withdrawal', durationMs: 7 * DAY }],
    ['mute “troop withdrawal” 30d', { kind: 'mute', term: 'troop withdrawal', durationMs: 30 * DAY }],
    ['/statements mute North Atlantic Alliance', { kind: 'mute', term: 'North Atlantic Alliance', durationMs: DAY }],
    ['unmute nato', { kind: 'unmute', term: 'nato' }],
    ['unmute troop withdrawal', { kind: 'unmute', term: 'troop withdrawal' }],
    ['mutes', { kind: 'mutes' }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each<[string, RegExp]>([
    ['mute', /^Say what to mute, e\.g\. `mute nato 6h`/],
    ['mute 6h', /^Say what to mute/],
    ['mute nato 31d', /^A mute lasts 30 days at most, not `31d`\. To stop hearing about nato for good, `unsubscribe nato`\./],
    ['mute nato 5w', /^A mute lasts 30 days at most/],
    ['mute nato 6x', /^`6x` is not a time span: use a number and m, h or d, e\.g\. `mute nato 30m`, `6h` or `7d` \(24 h when left out\)\./],
    ['mute nato 0h', /^`0h` is not a time span/],
    ['mute nato, kremlin', /^Mute one actor or keyword at a time/],
    ['mute nato since:24h', /only apply to searches, not to `mute`/],
    ['unmute', /^Say what to unmute, e\.g\. `unmute nato`/],
    ['mutes nato', /^`mutes` takes nothing after it/],
  ])('%j is refused with what to type', (text, message) => {
    const command = parseCommand(text);
    expect(command.kind).toBe('invalid');
    expect(command.kind === 'invalid' ? command.message : '').toMatch(message);
  });
});

describe('mute / unmute / mutes', () => {
  it('refuses mute and unmute to people who cannot manage the channel, and changes nothing; mutes still answers', async () => {
    const { store, ctx } = await fresh();
    await run(ctx, 'mute kremlin');
    const viewer = { ...ctx, canManage: false };
    for (const text of ['mute nato', 'unmute kremlin']) {
      expect(await run(viewer, text)).toEqual({ ephemeral: true, text: 'Only people who can manage this channel can mute or unmute here. Ask a channel manager, or type `mutes` to see what is muted now.' });
    }
    expect((await store.mutes(ctx.now)).map((m) => m.target)).toEqual(['kremlin']);
    expect((await run(viewer, 'mutes')).text).toContain('**Kremlin**');
  });

  it('mutes for 24 h when no time is given, announced to the channel, through an alias', async () => {
    const { store, ctx } = await fresh();
    const reply = await run(ctx, 'mute North Atlantic Alliance');
    // now is 16 Feb 2022 18:00 UTC
    expect(reply).toEqual({
      ephemeral: false,
      text: 'Muted **NATO** (and its people) for 24 h, until 17 Feb 18:00 UTC: this channel gets no alerts because of it until then (alerts for anything else it follows still come). `unmute North Atlantic Alliance` ends it sooner.',
    });
    expect(await store.mutes(ctx.now)).toEqual([{ channel: 'slack:C1', target: 'nato', until: ctx.now + DAY, createdAt: ctx.now }]);
  });

  it('mutes a keyword for the time given, by any of its variants', async () => {
    const { store, ctx } = await fresh();
    const reply = await run(ctx, 'mute withdrawal 30m');
    expect(reply.text).toMatch(/^Muted \*\*troop withdrawal\*\* for 30 min, until 18:30 UTC:/);
    expect(await store.mutes(ctx.now)).toEqual([{ channel: 'slack:C1', target: 'troop-withdrawal', until: ctx.now + 30 * MINUTE, createdAt: ctx.now }]);
  });

  it('answers a bad time privately and mutes nothing', async () => {
    const { store, ctx } = await fresh();
    for (const text of ['mute nato 45d', 'mute nato 6x', 'mute nato 6hours']) {
      const reply = await run(ctx, text);
      expect(reply.ephemeral).toBe(true);
    }
    expect((await run(ctx, 'mute nato 45d')).text).toMatch(/^A mute lasts 30 days at most/);
    expect((await run(ctx, 'mute nato 6hours')).text).toMatch(/^`6hours` is not a time span/);
    expect(await store.mutes(ctx.now)).toEqual([]);
  });

  it('names an unknown target with close names, as subscribe does, and mutes nothing', async () => {
    const { store, ctx } = await fresh();
    const reply = await run(ctx, 'mute natto 6h');
    expect(reply).toEqual({
      ephemeral: true,
      text: '• “natto” is not a watchlist actor or keyword; did you mean `NATO`?\nNothing was changed. Type `actors` to see who is watched.',
    });
    expect((await run(ctx, 'unmute natto')).text).toContain('did you mean `NATO`?');
    expect(await store.mutes(ctx.now)).toEqual([]);
  });

  it('lists this channel’s mutes with the time each has left, soonest to end first, until they end', async () => {
    const { ctx } = await fresh();
    await run(ctx, 'mute troop withdrawal 7d');
    await run(ctx, 'mute nato 6h');
    await run({ ...ctx, channel: 'discord:42' }, 'mute kremlin');
    const later = { ...ctx, now: ctx.now + 90 * MINUTE };
    expect(await run(later, 'mutes')).toEqual({
      ephemeral: true,
      text: [
        '**Muted in this channel** (2), soonest to end first:',
        '• **NATO** — 4 h 30 min left (until 17 Feb 00:00 UTC)',
        '• **troop withdrawal** — 6 d 22 h left (until 23 Feb 18:00 UTC)',
      ].join('\n'),
    });
    const afterNato = await run({ ...ctx, now: ctx.now + 6 * HOUR }, 'mutes');
    expect(afterNato.text).not.toContain('NATO');
    expect(afterNato.text).toContain('**troop withdrawal** — 6 d 18 h left');
    expect(await run({ ...ctx, now: ctx.now + 7 * DAY }, 'mutes')).toEqual({ ephemeral: true, text: 'Nothing is muted in this channel. `mute nato 6h` holds back alerts about NATO for 6 hours.' });
  });

  it('muting again replaces the end of the mute', async () => {
    const { store, ctx } = await fresh();
    await run(ctx, 'mute nato 7d');
    await run({ ...ctx, now: ctx.now + HOUR }, 'mute nato 1h');
    expect((await store.mutes(ctx.now)).map((m) => m.until)).toEqual([ctx.now + 2 * HOUR]);
  });

  it('unmutes: announced to the channel, then “not muted” privately; an ended mute is not muted', async () => {
    const { store, ctx } = await fresh();
    await run(ctx, 'mute nato 6h');
    await run({ ...ctx, channel: 'discord:42' }, 'mute nato 6h');
    expect(await run(ctx, 'unmute Nato')).toEqual({ ephemeral: false, text: 'Unmuted **NATO** (and its people): this channel gets alerts because of it again.' });
    expect(await run(ctx, 'unmute nato')).toEqual({ ephemeral: true, text: '**NATO** (and its people) is not muted in this channel. `mutes` lists what is.' });
    expect((await store.mutes(ctx.now)).map((m) => m.channel)).toEqual(['discord:42']);

    await run(ctx, 'mute troop withdrawal 30m');
    expect((await run({ ...ctx, now: ctx.now + HOUR }, 'unmute troop withdrawal')).text).toBe('**troop withdrawal** is not muted in this channel. `mutes` lists what is.');
  });
});

describe('finding mute', () => {
  it('help lists mute, unmute and mutes', async () => {
    const { ctx } = await fresh();
    const help = (await run(ctx, 'help')).text;
    for (const part of ['`mute nato 6h`', '`unmute nato`', '`mutes`', '24 h when no time is given, 30 d at most']) expect(help).toContain(part);
  });

  it.each<[string, string]>([
    ['mu', 'mute'],
    ['unm', 'unmute'],
    ['mute stolt', 'mute Jens Stoltenberg'],
    ['unmute troop w', 'unmute troop withdrawal'],
  ])('completes %j with %j', (typed, choice) => {
    expect(completions(typed, watchlist)).toContain(choice);
  });

  it('a late answer to mute or unmute is still shown to the channel, the list of mutes only to the caller', () => {
    expect(['mute nato', 'unmute nato', 'mutes', 'mute nato 99d'].map((text) => announcesToChannel(parseCommand(text)))).toEqual([true, true, false, false]);
  });
});
