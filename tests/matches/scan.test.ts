import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '../../src/matches/index.js';
import { actor, keyword } from './helpers.js';

const matcher = compileWatchlist({
  actors: [
    actor('nato', 'NATO', ['Nato', 'North Atlantic Treaty Organization']),
    actor('kremlin', 'Kremlin'),
    actor('russia', 'Russia', ['Russian Federation', 'Moscow']),
    actor('russian-defence-ministry', 'Russian Defence Ministry', [
      'Russian Defense Ministry',
      "Russia's defence ministry",
      'Russian Defence Ministry press service',
    ]),
    actor('zelenskiy', 'Volodymyr Zelenskiy', ['Zelensky', 'Zelenskyy', 'Zelenskiy']),
    actor('united-states', 'United States', ['US', 'U.S.', 'Washington']),
    actor('moscow-times', 'The Moscow Times'),
    actor('new-york', 'New York'),
    actor('york-times-square', 'York Times Square'),
  ],
  keywords: [
    keyword('de-escalation', 'de-escalation', ['deescalation', 'de-escalate']),
    keyword('escalation', 'escalation'),
    keyword('withdrawal', 'troop withdrawal', ['withdrawal', 'pull back', 'pullback', 'return to their bases']),
  ],
});

/** [id, matched text] pairs, in the order scan reports them. */
function found(text: string, from?: number, to?: number): [string, string][] {
  return matcher.scan(text, from, to).map((h) => [h.id, text.slice(h.start, h.end)]);
}

describe('scan', () => {
  it.each<[string, string, [string, string][]]>([
    ['ignores case', 'nato and NATO and Nato', [['nato', 'nato'], ['nato', 'NATO'], ['nato', 'Nato']]],
    ['matches whole words only', 'SENATOR Kremlinology NATOs Muscovite', []],
    ['finds a name followed by punctuation', '(NATO), Kremlin.', [['nato', 'NATO'], ['kremlin', 'Kremlin']]],
    ['matches a possessive, leaving the \'s out', 'Russia’s army and the Kremlin\'s line', [['russia', 'Russia'], ['kremlin', 'Kremlin']]],
    ['ignores diacritics', 'Zelenskýy and ZELENSKYY and Zelenský', [['zelenskiy', 'Zelenskýy'], ['zelenskiy', 'ZELENSKYY'], ['zelenskiy', 'Zelenský']]],
    ['treats hyphen, dash and space alike', 'de-escalation, de escalation, de–escalation', [
      ['de-escalation', 'de-escalation'], ['de-escalation', 'de escalation'], ['de-escalation', 'de–escalation'],
    ]],
    ['keeps a one-word spelling distinct unless listed', 'deescalation, pull-back, pullback', [
      ['de-escalation', 'deescalation'], ['withdrawal', 'pull-back'], ['withdrawal', 'pullback'],
    ]],
    ['matches multi-word aliases across line breaks', 'the North Atlantic\nTreaty Organization said', [
      ['nato', 'North Atlantic\nTreaty Organization'],
    ]],
    ['prefers the longest phrase at the same start', 'the Russian Defence Ministry press service said', [
      ['russian-defence-ministry', 'Russian Defence Ministry press service'],
    ]],
    ['reports the longer phrase instead of the name inside it', 'Russia’s defence ministry said', [
      ['russian-defence-ministry', 'Russia’s defence ministry'],
    ]],
    ['prefers the leftmost phrase over a longer one starting later', 'New York Times Square', [['new-york', 'New York']]],
    ['does not report a phrase inside a chosen one', 'told The Moscow Times', [['moscow-times', 'The Moscow Times']]],
    ['reports de-escalation, not the escalation inside it', 'de-escalation and escalation', [
      ['de-escalation', 'de-escalation'], ['escalation', 'escalation'],
    ]],
    ['falls back to a shorter phrase when a longer one breaks off', 'Russian Defence Minister Moscow', [['russia', 'Moscow']]],
    ['restarts right after a partial phrase', 'troop troop withdrawal', [['withdrawal', 'troop withdrawal']]],
    ['matches two- and three-letter capital acronyms only in capitals', 'US troops told us; the U.S. and Us', [
      ['united-states', 'US'], ['united-states', 'U.S'],
    ]],
    ['keeps adjacent matches apart', 'Moscow Washington Kremlin', [
      ['russia', 'Moscow'], ['united-states', 'Washington'], ['kremlin', 'Kremlin'],
    ]],
    ['finds nothing in text without watchlist words', 'Nothing to see here.', []],
    ['handles empty text', '', []],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('gives offsets that slice the matched words out of the original text', () => {
    const text = '“NATO’s chief met Zelenskýy — then the Russian Defence Ministry press service, de-escalation.”';
    const hits = matcher.scan(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([
      'NATO',
      'Zelenskýy',
      'Russian Defence Ministry press service',
      'de-escalation',
    ]);
    expect(hits.map((h) => h.kind)).toEqual(['actor', 'actor', 'actor', 'keyword']);
  });

  it('scans only text[from, to) but reports offsets into the whole text', () => {
    const text = 'Moscow said. NATO replied. Kremlin agreed.';
    expect(found(text, 13, 26)).toEqual([['nato', 'NATO']]);
    expect(matcher.scan(text, 13, 26)).toEqual([{ kind: 'actor', id: 'nato', start: 13, end: 17 }]);
  });

  it('clamps a range outside the text and returns nothing for an empty range', () => {
    expect(found('NATO', -5, 100)).toEqual([['nato', 'NATO']]);
    expect(found('NATO', 3, 1)).toEqual([]);
  });

  it('reports a phrase shared by two entries once per entry, actors first', () => {
    const shared = compileWatchlist({
      actors: [actor('belarus-actor', 'Belarus'), actor('minsk', 'Minsk', ['Belarus'])],
      keywords: [keyword('belarus', 'Belarus')],
    });
    const text = 'troops in Belarus';
    expect(shared.scan(text)).toEqual([
      { kind: 'actor', id: 'belarus-actor', start: 10, end: 17 },
      { kind: 'actor', id: 'minsk', start: 10, end: 17 },
      { kind: 'keyword', id: 'belarus', start: 10, end: 17 },
    ]);
  });

  it('looks entries up by id', () => {
    expect(matcher.actor('kremlin')?.name).toBe('Kremlin');
    expect(matcher.keyword('escalation')?.label).toBe('escalation');
    expect(matcher.actor('nobody')).toBeUndefined();
    expect(matcher.keyword('nothing')).toBeUndefined();
  });

  it('refuses a phrase with no letters or digits, naming the entry', () => {
    expect(() => compileWatchlist({ actors: [actor('x', 'X', ['—'])], keywords: [] })).toThrow(
      /actor "x": "—" has no letters or digits/,
    );
  });

  it('refuses duplicate ids', () => {
    expect(() => compileWatchlist({ actors: [actor('x', 'X'), actor('x', 'Y')], keywords: [] })).toThrow(
      /two actors have the id "x"/,
    );
  });
});
