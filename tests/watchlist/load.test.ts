import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WATCHLIST_DIR, loadWatchlist, parseWatchlist } from '../../src/watchlist/index.js';

const watchlist = loadWatchlist();
const byId = new Map(watchlist.actors.map((a) => [a.id, a]));

describe('the default watchlist', () => {
  it('is read from the project config/ folder', () => {
    expect(DEFAULT_WATCHLIST_DIR).toBe(fileURLToPath(new URL('../../config/', import.meta.url)));
  });

  it.each([
    ['jens-stoltenberg', 'Jens Stoltenberg', 'person', ['nato']],
    ['nato', 'NATO', 'organisation', []],
    ['dmitry-peskov', 'Dmitry Peskov', 'person', ['kremlin']],
    ['kremlin', 'Kremlin', 'organisation', ['russia']],
    ['russia', 'Russia', 'organisation', []],
    ['russian-defence-ministry', 'Russian Defence Ministry', 'organisation', ['russia']],
    ['joe-biden', 'Joe Biden', 'person', ['united-states']],
    ['white-house', 'The White House', 'organisation', ['united-states']],
    ['pentagon', 'Pentagon', 'organisation', ['united-states']],
    ['united-states', 'United States', 'organisation', []],
    ['julianne-smith', 'Julianne Smith', 'person', ['united-states', 'nato']],
    ['ben-wallace', 'Ben Wallace', 'person', ['united-kingdom', 'uk-ministry-of-defence']],
    ['united-kingdom', 'United Kingdom', 'organisation', []],
    ['anita-anand', 'Anita Anand', 'person', ['canada']],
    ['canada', 'Canada', 'organisation', []],
    ['dmytro-kuleba', 'Dmytro Kuleba', 'person', ['ukraine']],
    ['ukraine', 'Ukraine', 'organisation', []],
    ['volodymyr-zelenskiy', 'Volodymyr Zelenskiy', 'person', ['ukraine']],
    ['vladimir-putin', 'Vladimir Putin', 'person', ['russia', 'kremlin']],
    ['sergey-lavrov', 'Sergey Lavrov', 'person', ['russia']],
    ['interfax', 'Interfax', 'organisation', []],
    ['sputnik', 'Sputnik', 'organisation', ['russia']],
    ['southern-military-district', 'Southern Military District', 'organisation', ['russian-defence-ministry']],
  ])('has %s', (id, name, kind, affiliations) => {
    const actor = byId.get(id);
    expect(actor).toMatchObject({ id, name, kind, affiliations });
  });

  it('gives every person a role and no organisation a gender', () => {
    for (const actor of watchlist.actors) {
      if (actor.kind === 'person') expect(actor.role, actor.id).not.toBeNull();
      else expect(actor.gender, actor.id).toBeNull();
    }
  });

  it('lists the spelling variants the news uses', () => {
    expect(byId.get('volodymyr-zelenskiy')?.aliases).toEqual(
      expect.arrayContaining(['Zelensky', 'Zelenskyy', 'Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'Vladimir Zelensky']),
    );
    expect(byId.get('dmitry-peskov')?.aliases).toEqual(expect.arrayContaining(['Dmitri Peskov', 'Dmitriy Peskov', 'Peskov']));
    expect(byId.get('russian-defence-ministry')?.aliases).toEqual(
      expect.arrayContaining(['Russian Defense Ministry', 'Russian Ministry of Defence', "Russia's defence ministry"]),
    );
    expect(byId.get('united-states')?.aliases).toEqual(expect.arrayContaining(['US', 'U.S.', 'USA', 'Washington']));
    expect(byId.get('russia')?.aliases).toEqual(expect.arrayContaining(['Russian Federation', 'Moscow']));
  });

  it('has the topic keywords with their variants', () => {
    const keywords = new Map(watchlist.keywords.map((k) => [k.id, k]));
    expect(keywords.get('troop-withdrawal')?.variants).toEqual(
      expect.arrayContaining(['withdrawal', 'withdraw', 'pull back', 'pullback', 'pulling out', 'drawdown', 'rolling back']),
    );
    expect(keywords.get('de-escalation')?.variants).toEqual(expect.arrayContaining(['de-escalate', 'deescalation']));
    for (const id of ['troop-build-up', 'military-drills', 'invasion', 'security-guarantees', 'arms-control', 'crimea', 'belarus']) {
      expect(keywords.has(id), id).toBe(true);
    }
  });
});

describe('loading from a folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'watchlist-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills in the optional fields', () => {
    writeFileSync(join(dir, 'actors.yaml'), 'actors:\n  - id: nato\n    name: NATO\n    kind: organisation\n');
    writeFileSync(join(dir, 'keywords.yaml'), 'keywords:\n  - id: invasion\n    label: invasion\n');
    expect(loadWatchlist(dir)).toEqual({
      actors: [{ id: 'nato', name: 'NATO', kind: 'organisation', role: null, gender: null, aliases: [], affiliations: [] }],
      keywords: [{ id: 'invasion', label: 'invasion', variants: [] }],
    });
  });

  it('accepts empty lists and empty files', () => {
    expect(parseWatchlist('actors:\n', '')).toEqual({ actors: [], keywords: [] });
    expect(parseWatchlist('actors: []\n', 'keywords:\n  - id: a\n    label: a\n    variants:\n')).toEqual({
      actors: [],
      keywords: [{ id: 'a', label: 'a', variants: [] }],
    });
  });
});
