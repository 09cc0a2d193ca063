import { describe, expect, it } from 'vitest';
import { fakeActors } from '../../bench/fake-watchlist.js';
import { compileWatchlist } from '../../src/matches/index.js';
import { actor, keyword } from './helpers.js';

describe('a watchlist with 10,000 generated aliases', () => {
  const generated = fakeActors(10_000);
  const real = [
    actor('jens-stoltenberg', 'Jens Stoltenberg', ['Stoltenberg']),
    actor('russian-defence-ministry', 'Russian Defence Ministry'),
    actor('russia', 'Russia'),
  ];
  const matcher = compileWatchlist({
    actors: [...generated, ...real],
    keywords: [keyword('withdrawal', 'troop withdrawal', ['withdrawal'])],
  });

  it('still finds the real entries, and generated ones, at the right places', () => {
    const someone = generated[1234]!;
    const text =
      `NATO chief Jens Stoltenberg said the Russian Defence Ministry announced a withdrawal; ` +
      `${someone.name} of the ${generated[4321]!.name} disagreed. Stoltenberg added that Russia ` +
      `must prove the troop withdrawal.`;
    const hits = matcher.scan(text).map((h) => [h.id, text.slice(h.start, h.end)]);
    expect(hits).toEqual([
      ['jens-stoltenberg', 'Jens Stoltenberg'],
      ['russian-defence-ministry', 'Russian Defence Ministry'],
      ['withdrawal', 'withdrawal'],
      [someone.id, someone.name],
      [generated[4321]!.id, generated[4321]!.name],
      ['jens-stoltenberg', 'Stoltenberg'],
      ['russia', 'Russia'],
      ['withdrawal', 'troop withdrawal'],
    ]);
  });

  it('does not report generated names that share only some words with the text', () => {
    const person = generated.find((a) => a.kind === 'person')!;
    const [first, , last] = person.aliases[0]!.split(' ');
    const text = `${first} ${last} and ${first} spoke; the Ministry of Fisheries said nothing.`;
    expect(matcher.scan(text)).toEqual([]);
  });

  it('resolves names through actorNamed too', () => {
    expect(matcher.actorNamed('Mr. Stoltenberg')?.id).toBe('jens-stoltenberg');
    expect(matcher.actorNamed(generated[9]!.name)?.id).toBe(generated[9]!.id);
  });
});
