import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/commands/claims.js';
import { BOARD_SPEAKERS, completions, handleCommand, parseCommand, type Reply } from '../../src/commands/index.js';
import type { StoredStatement } from '../../src/model/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { BASE, baseContext, HOUR, matcher, seededContext, watchlist } from './helpers.js';

async function ask(text: string): Promise<Reply> {
  const { ctx } = await seededContext();
  return handleCommand(parseCommand(text), ctx);
}

const withdrawal = watchlist.keywords.find((k) => k.id === 'troop-withdrawal')!;
/** The keyword as the watchlist matcher sees it, to check each line independently of the store. */
const onWithdrawal = (s: StoredStatement): boolean => matcher.scan(s.quote).some((h) => h.kind === 'keyword' && h.id === withdrawal.id);
const speakerKey = (s: StoredStatement): string => s.speakerId ?? s.speaker?.toLowerCase() ?? '';

describe('parse', () => {
  it.each<[string, unknown]>([
    ['on withdrawal', { kind: 'claims', topic: 'withdrawal', since: null, limit: BOARD_SPEAKERS }],
    ['ON "troop withdrawal"', { kind: 'claims', topic: 'troop withdrawal', since: null, limit: BOARD_SPEAKERS }],
    ['on withdrawal since:7d', { kind: 'claims', topic: 'withdrawal', since: 7 * 24 * HOUR, limit: BOARD_SPEAKERS }],
    ['since:1d on permanent bases limit:5', { kind: 'claims', topic: 'permanent bases', since: 24 * HOUR, limit: 5 }],
    ['/statements on de-escalation', { kind: 'claims', topic: 'de-escalation', since: null, limit: BOARD_SPEAKERS }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it('`on` with nothing after it says what to type', async () => {
    for (const text of ['on', 'on   ', 'on since:7d', 'on ""']) {
      const command = parseCommand(text);
      expect(command).toMatchObject({ kind: 'invalid', message: expect.stringContaining('`on troop withdrawal`') });
    }
    const reply = await ask('on');
    expect(reply).toEqual({ ephemeral: true, text: expect.stringMatching(/^Say which topic/) });
  });
});

describe('on <topic>: the claims board', () => {
  it('on withdrawal: each speaker’s latest statement on troop withdrawal, newest first', async () => {
    const reply = await ask('on withdrawal');
    const items = reply.items ?? [];
    const lines = reply.text.split('\n');
    console.log(`on withdrawal → ${items.length} speakers:\n${reply.text}`);

    expect(reply.ephemeral).toBe(true);
    expect(lines[0]).toBe('**Who says what on troop withdrawal**: each speaker’s latest statement on it, newest first:');
    expect(items.length).toBeGreaterThanOrEqual(5);
    // One line per speaker, every one of them on the topic.
    expect(new Set(items.map(speakerKey)).size).toBe(items.length);
    expect(items.every(onWithdrawal)).toBe(true);
    expect(items.map((s) => s.speakerId)).toEqual(expect.arrayContaining(['jens-stoltenberg', 'ben-wallace', 'joe-biden', 'dmitry-peskov', 'dmytro-kuleba']));
    // Newest speakers first.
    const times = items.map((s) => s.published ?? s.seenAt);
    expect(times.every((t, i) => i === 0 || t <= times[i - 1]!)).toBe(true);
    // Fits one Discord message.
    expect(reply.text.length).toBeLessThanOrEqual(2_000);
  });

  it('shows each speaker’s latest statement on it, not an older one or one on something else', async () => {
    const { ctx, store } = await seededContext();
    const reply = await handleCommand(parseCommand('on withdrawal'), ctx);
    const all = await store.queryStatements({ limit: 1_000 });
    for (const shown of reply.items ?? []) {
      const newer = all.filter((s) => speakerKey(s) === speakerKey(shown) && onWithdrawal(s) && (s.published ?? s.seenAt) > (shown.published ?? shown.seenAt));
      expect(newer, `${shown.speaker} said something newer on it`).toEqual([]);
    }
    // Peskov speaks in seed 003 (the newest) on withdrawal: that is his line.
    expect(reply.items?.find((s) => s.speakerId === 'dmitry-peskov')?.identity).toMatch(/^003_/);
    // Biden's newest words on it are in seed 002, Stoltenberg's in seed 000.
    expect(reply.items?.find((s) => s.speakerId === 'joe-biden')?.identity).toMatch(/^002_/);
    expect(reply.items?.find((s) => s.speakerId === 'jens-stoltenberg')?.identity).toMatch(/^000_/);
  });

  it('each line: quote excerpt, speaker with role, outlet, time and link; reported speech without quote marks', async () => {
    const reply = await ask('on troop withdrawal');
    expect(reply.text).toMatch(/\n• [^\n]+ — Ben Wallace, British defence minister · Outlet 0 · 10 h ago · https:\/\/news\.example\/000_/);
    expect(reply.text).toMatch(/\n• “[^\n]+” — Dmitry Peskov, Kremlin spokesperson · Outlet 3 · 7 h ago · https:\/\/news\.example\/003_/i);
    const indirect = reply.items?.find((s) => s.kind === 'indirect');
    expect(indirect).toBeDefined();
    const line = reply.text.split('\n').find((l) => l.includes(` — ${indirect!.speaker}`));
    expect(line).toMatch(/^• [^“]/);
    for (const l of reply.text.split('\n').slice(1)) expect(l.length).toBeLessThan(400);
  });

  it('unattributed statements are one line, at the end', async () => {
    const store = await openSqliteStore(':memory:');
    const base: StoredStatement = { identity: 'a', ordinal: 0, quote: 'We see no withdrawal.', speaker: 'Ben Wallace', speakerId: 'ben-wallace', role: 'UK Defence Secretary', kind: 'direct', start: 0, end: 1, cue: 'said', title: 't', url: 'https://news.example/a', outlet: 'Wire', published: BASE, seenAt: BASE };
    await store.saveStatements([
      base,
      { ...base, identity: 'b', quote: 'The withdrawal is real.', speaker: null, speakerId: null, role: null, published: BASE + 2 * HOUR },
      { ...base, identity: 'c', quote: 'A withdrawal, they said.', speaker: null, speakerId: null, role: null, published: BASE + HOUR },
      { ...base, identity: 'd', quote: 'Withdrawal? Maybe.', speaker: 'Ann Lee', speakerId: null, role: null, published: BASE + HOUR },
      { ...base, identity: 'e', quote: 'No withdrawal in sight.', speaker: 'ANN LEE', speakerId: null, role: null, published: BASE + 3 * HOUR },
    ]);
    const reply = await handleCommand(parseCommand('on withdrawal'), baseContext(store));
    expect(reply.items?.map((s) => s.identity)).toEqual(['e', 'a', 'b']);
    const lines = reply.text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^• “The withdrawal is real\.” — unattributed · Wire/);
  });

  it('since: only what was said in that window', async () => {
    const { ctx } = await seededContext();
    // Now is 10 h after seed 000; 8 h back reaches seeds 002 and 003 only.
    const reply = await handleCommand(parseCommand('on withdrawal since:8h'), ctx);
    expect(reply.text).toMatch(/^\*\*Who says what on troop withdrawal\*\* in the last 8 h:/);
    expect(reply.items?.length).toBeGreaterThan(0);
    expect(reply.items?.every((s) => /^00[23]_/.test(s.identity))).toBe(true);
    expect(reply.items?.map((s) => s.speakerId)).not.toContain('jens-stoltenberg');
  });

  it('limit: caps the speakers; the reply stays within one message and counts what it leaves out', async () => {
    expect((await ask('on withdrawal limit:2')).items).toHaveLength(2);
    const store = await openSqliteStore(':memory:');
    await store.saveStatements(
      Array.from({ length: 30 }, (_, n): StoredStatement => ({
        identity: `s${n}`, ordinal: 0, quote: `Speaker ${n} says the withdrawal is ${'very '.repeat(40)}slow.`, speaker: `Speaker ${n}`, speakerId: null, role: 'Analyst', kind: 'direct', start: 0, end: 1, cue: 'said', title: 't',
        url: `https://news.example/a-rather-long-path/to/the/article/number/${n}`, outlet: 'Wire', published: BASE + n * HOUR, seenAt: BASE + n * HOUR,
      })),
    );
    const reply = await handleCommand(parseCommand('on withdrawal limit:50'), baseContext(store));
    expect(reply.items).toHaveLength(30);
    expect(reply.text.length).toBeLessThanOrEqual(1_900);
    expect(reply.text).toMatch(/\n… and \d+ more speakers\.$/);
  });

  it('a topic that is not a keyword is searched as words, whole words only', async () => {
    const reply = await ask('on permanent bases');
    expect(reply.text).toMatch(/^“permanent bases” is not a watchlist keyword; what each speaker last said that mentions it, newest first:/);
    expect(reply.items?.length).toBeGreaterThan(0);
    expect(reply.items?.every((s) => /permanent bases/i.test(s.quote))).toBe(true);
    // "withdraw" is a variant of troop withdrawal, so as a keyword it means all of them; a word
    // that is not on the watchlist is never found inside a longer one.
    expect((await ask('on evidenc')).items).toEqual([]);
  });

  it('an unknown topic gets close keywords, as queries do', async () => {
    const reply = await ask('on withdrawl');
    expect(reply.items).toEqual([]);
    expect(reply.text).toContain('I found nothing on “withdrawl”');
    expect(reply.text).toContain('`on troop withdrawal`');
    expect(reply.text).toContain('`help`');
  });

  it('a keyword nobody spoke on says so, with how to hear of it', async () => {
    const { ctx } = await seededContext({ now: BASE + 1_000 * HOUR });
    const reply = await handleCommand(parseCommand('on withdrawal since:1h'), ctx);
    expect(reply.text).toBe('Nobody has said anything on **troop withdrawal** in the last 1 h yet. To hear of it when it happens: `subscribe troop withdrawal`.');
  });

  it('help mentions it', async () => {
    expect((await ask('help')).text).toContain('`on troop withdrawal`');
  });
});

describe('completions', () => {
  it('offers `on` as a sub-command and keyword labels after it', () => {
    expect(completions('o', watchlist)).toContain('on');
    expect(completions('', watchlist)).toContain('on');
    expect(completions('on ', watchlist)).toEqual(watchlist.keywords.map((k) => `on ${k.label}`).slice(0, 25));
    expect(completions('on with', watchlist)).toEqual(['on troop withdrawal']);
    expect(completions('ON de', watchlist)).toContain('ON de-escalation');
    // Actors are not topics.
    expect(completions('on stolt', watchlist)).toEqual([]);
  });
});

describe('excerpt', () => {
  it('keeps the mention of the topic in view, cut at words', () => {
    const text = `${'word '.repeat(40)}the troops are withdrawing now ${'tail '.repeat(10)}`.trim();
    const cut = excerpt(text, text.indexOf('withdrawing'), 70);
    expect(cut.length).toBeLessThanOrEqual(70);
    expect(cut).toMatch(/^…(word )?the troops are withdrawing now tail .*…$/);
    expect(excerpt(text, -1, 70)).toMatch(/^word word .*…$/);
    expect(excerpt('Short enough.', 6, 70)).toBe('Short enough.');
    // Near the end: as much before it as fits.
    const end = excerpt(text, text.lastIndexOf('tail'), 70);
    expect(end.endsWith('tail')).toBe(true);
    expect(end.length).toBeLessThanOrEqual(70);
  });
});
