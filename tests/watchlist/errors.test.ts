import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StatementsError } from '../../src/errors.js';
import { loadWatchlist, parseWatchlist } from '../../src/watchlist/index.js';

const FILES = { actors: 'config/actors.yaml', keywords: 'config/keywords.yaml' };
const NATO = 'actors:\n  - id: nato\n    name: NATO\n    kind: organisation\n';
const NO_KEYWORDS = 'keywords: []\n';

/** The StatementsError that parsing throws. */
function failure(actors: string, keywords = NO_KEYWORDS): StatementsError {
  try {
    parseWatchlist(actors, keywords, FILES);
  } catch (error) {
    if (error instanceof StatementsError) return error;
    throw error;
  }
  throw new Error('expected parseWatchlist to throw');
}

describe('watchlist errors', () => {
  it.each<[string, string, string, string[]]>([
    [
      'malformed YAML names file, line and column',
      `${NATO}    aliases: [Nato\n  - id: x\n`,
      'WATCHLIST_YAML',
      ['config/actors.yaml:', 'YAML syntax error'],
    ],
    [
      'a repeated key is a YAML error with its position',
      `${NATO}    name: Nato\n`,
      'WATCHLIST_YAML',
      ['config/actors.yaml:5:5: YAML syntax error: Map keys must be unique'],
    ],
    [
      'an unknown key names the entry, the key and the allowed keys',
      `${NATO}    alias: [Nato]\n`,
      'WATCHLIST_INVALID',
      ['config/actors.yaml: actors[0] (id "nato"): unknown key "alias"; the keys of an actor are: id, name, kind, role, gender, aliases, affiliations (line 5)'],
    ],
    [
      'a duplicate id names both entries',
      `${NATO}  - id: nato\n    name: North Atlantic Treaty Organization\n    kind: organisation\n`,
      'WATCHLIST_INVALID',
      ['config/actors.yaml: actors[1] (id "nato").id: duplicate id "nato", already used by actors[0]'],
    ],
    [
      'a dangling affiliation names the entry and the reference, and suggests a fix',
      `${NATO}  - id: jens-stoltenberg\n    name: Jens Stoltenberg\n    kind: person\n    affiliations: [natoo]\n`,
      'WATCHLIST_INVALID',
      [
        'config/actors.yaml: actors[1] (id "jens-stoltenberg").affiliations[0]: unknown actor id "natoo"; did you mean "nato"? add an actor with that id or fix the reference',
      ],
    ],
    [
      'a wrong value says what is allowed',
      `${NATO}    role: Alliance\n  - id: x\n    name: X\n    kind: persn\n`,
      'WATCHLIST_INVALID',
      ['actors[1] (id "x").kind: must be person or organisation, found "persn"'],
    ],
    [
      'a missing field says what to add',
      'actors:\n  - name: NATO\n    kind: organisation\n',
      'WATCHLIST_INVALID',
      ['actors[0] (name "NATO").id: missing; add an id such as "jens-stoltenberg"'],
    ],
    [
      'an id that is not a slug',
      'actors:\n  - id: Jens Stoltenberg\n    name: Jens Stoltenberg\n    kind: person\n',
      'WATCHLIST_INVALID',
      ['.id: must be a lower-case slug'],
    ],
    [
      'an alias without letters could never match',
      `${NATO}    aliases: ["—"]\n`,
      'WATCHLIST_INVALID',
      ['actors[0] (id "nato").aliases[0]: must contain at least one letter or digit'],
    ],
    [
      'an organisation cannot have a gender',
      `${NATO}    gender: female\n`,
      'WATCHLIST_INVALID',
      ['actors[0] (id "nato").gender: only a person has a gender'],
    ],
    [
      'affiliations may not go round in a circle',
      'actors:\n  - id: a\n    name: A\n    kind: organisation\n    affiliations: [b]\n  - id: b\n    name: B\n    kind: organisation\n    affiliations: [a]\n',
      'WATCHLIST_INVALID',
      ['affiliations go round in a circle (a → b → a)'],
    ],
    [
      'the top level must hold the list',
      '- id: nato\n',
      'WATCHLIST_INVALID',
      ['config/actors.yaml: must be a mapping with the key "actors:" holding the list of actors, found a list'],
    ],
  ])('%s', (_name, actors, code, fragments) => {
    const error = failure(actors);
    expect(error.code).toBe(code);
    expect(error.module).toBe('watchlist');
    for (const fragment of fragments) expect(error.message).toContain(fragment);
  });

  it('reports every problem of both files in one error', () => {
    const error = failure(
      `${NATO}    alias: [Nato]\n  - id: nato\n    name: NATO 2\n    kind: organisation\n    affiliations: [natoo]\n`,
      'keywords:\n  - id: invasion\n    label: invasion\n    variant: [invade]\n',
    );
    expect(error.code).toBe('WATCHLIST_INVALID');
    expect(error.message).toMatch(/^watchlist: 4 problems in the watchlist config/);
    expect(error.message).toContain('config/actors.yaml: actors[0] (id "nato"): unknown key "alias"');
    expect(error.message).toContain('config/actors.yaml: actors[1] (id "nato").id: duplicate id');
    expect(error.message).toContain('config/actors.yaml: actors[1] (id "nato").affiliations[0]: unknown actor id "natoo"');
    expect(error.message).toContain('config/keywords.yaml: keywords[0] (id "invasion"): unknown key "variant"');
  });

  it('reports YAML errors of both files', () => {
    const error = failure('actors: [\n', 'keywords: {\n');
    expect(error.code).toBe('WATCHLIST_YAML');
    expect(error.message).toMatch(/config\/actors\.yaml:\d+:\d+: YAML syntax error/);
    expect(error.message).toMatch(/config\/keywords\.yaml:\d+:\d+: YAML syntax error/);
  });

  describe('loading from a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'watchlist-errors-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('names a missing file and says what to do', () => {
      writeFileSync(join(dir, 'actors.yaml'), NATO);
      expect(() => loadWatchlist(dir)).toThrow(
        expect.objectContaining({
          code: 'WATCHLIST_MISSING',
          message: expect.stringContaining(`keywords.yaml: file not found; create it`),
        }),
      );
    });

    it('names the file it read in validation errors', () => {
      writeFileSync(join(dir, 'actors.yaml'), `${NATO}    alias: [Nato]\n`);
      writeFileSync(join(dir, 'keywords.yaml'), NO_KEYWORDS);
      const shown = relative(process.cwd(), join(dir, 'actors.yaml'));
      const expected = shown.startsWith('..') ? join(dir, 'actors.yaml') : shown;
      expect(() => loadWatchlist(dir)).toThrow(`${expected}: actors[0] (id "nato"): unknown key "alias"`);
    });
  });
});
