import { describe, expect, it } from 'vitest';
import { handleCommand, parseCommand, type Reply } from '../../src/commands/index.js';
import { HOUR, seededContext, seedStatements } from './helpers.js';

async function ask(text: string, now?: number): Promise<Reply> {
  const { ctx } = await seededContext(now === undefined ? {} : { now });
  return handleCommand(parseCommand(text), ctx);
}

const isNewestFirst = (times: number[]): boolean => times.every((t, i) => i === 0 || t <= times[i - 1]!);

describe('query', () => {
  it('nato: statements by NATO and its people, Stoltenberg’s included, newest first', async () => {
    const reply = await ask('nato limit:50');
    const items = reply.items ?? [];
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toMatch(/^Latest statements by \*\*NATO\*\* and its people:/);
    expect(new Set(items.map((s) => s.speakerId))).toEqual(new Set(['nato', 'jens-stoltenberg', 'julianne-smith']));
    expect(isNewestFirst(items.map((s) => s.published ?? s.seenAt))).toBe(true);
    const stoltenberg = items.filter((s) => s.speakerId === 'jens-stoltenberg');
    expect(stoltenberg.length).toBeGreaterThanOrEqual(4);
    // Seed 001 is an hour newer than seed 000, so its Stoltenberg quotes come first.
    expect(stoltenberg[0]!.identity).toMatch(/^001_/);
    expect(stoltenberg[stoltenberg.length - 1]!.identity).toMatch(/^000_/);
    expect(reply.text).toContain('“It remains to be seen whether there is a Russian withdrawal');
    expect(reply.text).toMatch(/— Jens Stoltenberg, NATO Secretary[- ]General · Outlet \d · \d+ h ago · https:\/\/news\.example\//);
  });

  it('one line per statement, at most `limit`', async () => {
    const reply = await ask('nato limit:3');
    expect(reply.items).toHaveLength(3);
    expect(reply.text.split('\n')).toHaveLength(4);
  });

  it('peskov: only his statements, newest first', async () => {
    const reply = await ask('peskov');
    const items = reply.items ?? [];
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.every((s) => s.speakerId === 'dmitry-peskov')).toBe(true);
    expect(items[0]!.identity).toMatch(/^003_/);
    expect(reply.text).toMatch(/^Latest statements by \*\*Dmitry Peskov\*\*:/);
    expect(reply.text).toContain('Kremlin spokesperson');
  });

  it('follows affiliations transitively: Russia includes the Kremlin’s spokesperson', async () => {
    const ids = new Set((await ask('russia limit:50')).items?.map((s) => s.speakerId));
    expect(ids).toContain('dmitry-peskov');
    expect(ids).toContain('russia');
    expect(ids).not.toContain('jens-stoltenberg');
  });

  it('resolves ids and casual spellings', async () => {
    expect((await ask('jens-stoltenberg')).items?.[0]?.speakerId).toBe('jens-stoltenberg');
    expect((await ask('Mr. Peskov')).items?.[0]?.speakerId).toBe('dmitry-peskov');
  });

  it('falls back to statements mentioning an actor who said nothing, saying so', async () => {
    // Lavrov speaks in no seed, but Julianne Smith's reported words name him.
    const reply = await ask('lavrov');
    expect(reply.text).toMatch(/^Nothing said by \*\*Sergey Lavrov\*\*\. Statements that mention Sergey Lavrov:/);
    expect(reply.items?.[0]?.speakerId).toBe('julianne-smith');
    const silent = await ask('putin');
    expect(silent.text).toMatch(/^Nothing said by or about \*\*Vladimir Putin\*\* yet\. .*`subscribe Vladimir Putin`/);
  });

  it('searches the text for a keyword or a word that is not an actor, saying so', async () => {
    const keyword = await ask('troop withdrawal');
    expect(keyword.text).toMatch(/^Statements that mention \*\*troop withdrawal\*\*:/);
    expect(keyword.items?.length).toBeGreaterThan(0);
    const word = await ask('permanent bases');
    expect(word.text).toMatch(/^“permanent bases” is not on the watchlist; statements that mention it:/);
    expect(word.items?.every((s) => s.quote.toLowerCase().includes('permanent bases'))).toBe(true);
  });

  it('an unknown term gets close names and a pointer to help, never an empty answer', async () => {
    const reply = await ask('natto');
    expect(reply.items).toEqual([]);
    expect(reply.text).toContain('I found nothing for “natto”');
    expect(reply.text).toContain('`NATO`');
    expect(reply.text).toContain('`help`');
    expect((await ask('stoltenbreg')).text).toContain('`Jens Stoltenberg`');
    const nothingClose = await ask('qwertyuiop');
    expect(nothingClose.text).toMatch(/not on the watchlist.*`actors`.*`help`/);
  });

  it('since: limits to recent statements and says when there are none', async () => {
    const { ctx } = await seededContext();
    const recent = await handleCommand(parseCommand('nato since:9h'), ctx);
    // now is BASE + 10 h: seeds 001–003 were seen within 9 h, seed 000 was not.
    expect(recent.items?.some((s) => s.identity.startsWith('000_'))).toBe(false);
    expect(recent.text).toContain('in the last 9 h');
    const none = await handleCommand(parseCommand('nato since:30m'), ctx);
    expect(none.text).toMatch(/^Nothing said by or about \*\*NATO\*\* in the last 30 min yet\. .*`subscribe NATO`/);
  });

  it('no term with since: the latest statements from anyone', async () => {
    const reply = await ask('since:1w limit:5');
    expect(reply.text).toMatch(/^\*\*Latest statements in the last 1 w\*\*/);
    expect(reply.items).toHaveLength(5);
  });

  it('shows the same words from the same speaker once', async () => {
    const { ctx, store } = await seededContext();
    const first = seedStatements().find((s) => s.speakerId === 'dmitry-peskov')!;
    await store.saveStatements([{ ...first, identity: 'republished', outlet: 'Other outlet', published: first.published! + HOUR }]);
    const reply = await handleCommand(parseCommand('peskov limit:50'), ctx);
    const quotes = reply.items?.map((s) => s.quote) ?? [];
    expect(quotes.filter((q) => q === first.quote)).toHaveLength(1);
    // …naming the other outlet that carried them on the line of the newest copy.
    const line = reply.text.split('\n').find((l) => l.includes(first.quote.slice(0, 30)));
    expect(line).toContain(`Other outlet (also ${first.outlet})`);
  });
});
