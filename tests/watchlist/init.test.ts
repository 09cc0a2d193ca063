// `statements init` on the four seed articles: the drafted watchlist, written and loaded back with
// the real loader, must name at least 90% of the people and organisations who speak in them
// (seeds.gold.json), with their roles.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileWatchlist } from '../../src/matches/index.js';
import type { Actor, Watchlist } from '../../src/model/index.js';
import { loadWatchlist } from '../../src/watchlist/index.js';
import { initWatchlist, writeWatchlist } from '../../src/watchlist/init.js';
import { SEED_FILES, seedText } from '../helpers/seeds.js';

interface GoldQuote {
  speaker: string | null;
}
interface GoldArticle {
  file: string;
  quotes: GoldQuote[];
  indirect?: GoldQuote[];
}

const gold = JSON.parse(readFileSync(new URL('../fixtures/seeds.gold.json', import.meta.url), 'utf8')) as GoldArticle[];
/** Everyone who speaks in the seeds: distinct speakers of direct, partial and reported statements. */
const SPEAKERS = [...new Set(gold.flatMap((a) => [...a.quotes, ...(a.indirect ?? [])].flatMap((q) => (q.speaker === null ? [] : [q.speaker]))))];

const dir = mkdtempSync(join(tmpdir(), 'statements-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sources = SEED_FILES.map((path) => ({ name: path, text: seedText(path) }));
const drafted = initWatchlist(sources);
writeWatchlist(dir, drafted);
const loaded = loadWatchlist(dir);

/** Names compared as a reader would: case, accents, punctuation and a leading "the" ignored. */
function normal(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

function actorFor(watchlist: Watchlist, name: string): Actor | undefined {
  const wanted = normal(name);
  return watchlist.actors.find((a) => [a.name, ...a.aliases].some((n) => normal(n) === wanted));
}

describe('statements init on the seed articles', () => {
  it('writes files the real watchlist loader accepts', () => {
    expect(loaded).toEqual(drafted.watchlist);
    expect(() => compileWatchlist(loaded)).not.toThrow();
    const actorsText = readFileSync(join(dir, 'actors.yaml'), 'utf8');
    const keywordsText = readFileSync(join(dir, 'keywords.yaml'), 'utf8');
    // A header explaining the fields, and a note on each entry.
    expect(actorsText).toMatch(/^# Watchlist actors/);
    expect(actorsText).toContain('affiliations: ids of the actors');
    expect(actorsText).toMatch(/# speaks \d+ times? \(in \d of 4 articles\)/);
    expect(keywordsText).toMatch(/^# Watchlist keywords/);
  });

  it('covers at least 90% of the speakers in the gold labels, with their roles', () => {
    const covered = SPEAKERS.map((name) => ({ name, actor: actorFor(loaded, name) }));
    const found = covered.filter((c) => c.actor !== undefined);
    const withRoles = found.filter((c) => c.actor?.role !== null);
    const share = found.length / SPEAKERS.length;
    console.log(
      `init: ${found.length}/${SPEAKERS.length} speakers covered (${(share * 100).toFixed(0)}%), ${withRoles.length} with roles; ` +
        `${loaded.actors.length} actors, ${loaded.keywords.length} keywords`,
    );
    const missing = covered.filter((c) => c.actor === undefined).map((c) => c.name);
    expect(share, `missing: ${missing.join(', ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('gives every person who speaks a role, and the organisations named in it as affiliations', () => {
    const people = SPEAKERS.map((name) => actorFor(loaded, name)).filter((a): a is Actor => a?.kind === 'person');
    expect(people.length).toBeGreaterThanOrEqual(6);
    for (const person of people) expect(person.role, `${person.name} has no role`).not.toBeNull();
    const stoltenberg = actorFor(loaded, 'Jens Stoltenberg');
    expect(stoltenberg?.role).toMatch(/NATO/);
    expect(stoltenberg?.aliases).toContain('Stoltenberg');
    expect(stoltenberg?.affiliations).toContain(actorFor(loaded, 'NATO')?.id);
    const peskov = actorFor(loaded, 'Dmitry Peskov');
    expect(peskov?.role).toMatch(/Kremlin/);
    expect(peskov?.affiliations).toContain(actorFor(loaded, 'Kremlin')?.id);
    expect(actorFor(loaded, 'Julianne Smith')?.role).toMatch(/Ambassador to NATO/);
    expect(actorFor(loaded, 'Interfax')).toMatchObject({ kind: 'organisation', role: 'Russian news agency' });
  });

  it('names nobody the articles do not name, and no generic description', () => {
    const text = sources.map((s) => s.text).join('\n');
    for (const actor of loaded.actors) {
      // Every name is written in the articles (an acronym's expansion included).
      expect(text.includes(actor.name) || actor.aliases.some((a) => text.includes(a)), actor.name).toBe(true);
      expect(normal(actor.name)).not.toMatch(/^(?:officials?|spokes(?:person|man|woman)|analysts?|ministry( of defen[cs]e)?|sources?)$/);
    }
    const ids = loaded.actors.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('drafts keywords with a withdrawal-like phrase and its word forms', () => {
    expect(loaded.keywords.length).toBeGreaterThan(0);
    expect(loaded.keywords.length).toBeLessThanOrEqual(20);
    const withdrawal = loaded.keywords.find((k) => /withdraw|pull ?back|pullout/.test([k.label, ...k.variants].join(' ')));
    expect(withdrawal, loaded.keywords.map((k) => k.label).join(', ')).toBeDefined();
    expect(withdrawal?.variants).toEqual(expect.arrayContaining(['withdrawal', 'withdraw', 'withdrew', 'withdrawn']));
    // No keyword repeats an actor's name.
    const names = new Set(loaded.actors.flatMap((a) => [a.name, ...a.aliases].map(normal)));
    for (const k of loaded.keywords) for (const phrase of [k.label, ...k.variants]) expect(names.has(normal(phrase)), phrase).toBe(false);
    // The drafted watchlist finds the withdrawal in an article it was drafted from.
    const hits = compileWatchlist(loaded).scan(sources[0]!.text);
    expect(hits.some((h) => h.kind === 'keyword' && h.id === withdrawal?.id)).toBe(true);
  });

  it('shares most actors with the hand-made default watchlist (informational)', () => {
    const defaults = loadWatchlist();
    const shared = defaults.actors.filter((a) => [a.name, ...a.aliases].some((n) => actorFor(loaded, n) !== undefined));
    console.log(
      `init: ${shared.length}/${defaults.actors.length} actors of the default watchlist drafted too ` +
        `(missing: ${defaults.actors.filter((a) => !shared.includes(a)).map((a) => a.name).join(', ')})`,
    );
    expect(shared.length).toBeGreaterThan(0);
  });

  it('leaves existing files alone unless forced', () => {
    const other = mkdtempSync(join(dir, 'existing-'));
    writeFileSync(join(other, 'keywords.yaml'), 'keywords: []\n');
    expect(() => writeWatchlist(other, drafted)).toThrow(/keywords\.yaml already exists; pass --force/);
    expect(() => readFileSync(join(other, 'actors.yaml'))).toThrow();
    writeWatchlist(other, drafted, { force: true });
    expect(loadWatchlist(other)).toEqual(drafted.watchlist);
  });
});
