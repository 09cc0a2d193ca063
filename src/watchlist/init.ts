/**
 * `statements init`: a first watchlist for a new situation, drafted from a few plain-text articles
 * about it. Actors are the people and organisations who speak in them (init-actors.ts); keywords
 * are the phrases the articles keep coming back to (init-keywords.ts). The two files are written
 * in the format `loadWatchlist` reads, with a header explaining each field and a comment on every
 * entry saying why it is there, for the user to review before use.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import { StatementsError } from '../errors.js';
import { compileWatchlist } from '../matches/index.js';
import type { Actor, Keyword, Watchlist } from '../model/index.js';
import { findActors, type FoundActor } from './init-actors.js';
import { findKeywords, type FoundKeyword } from './init-keywords.js';
import { readArticle, type SourceText } from './init-text.js';
import { parseWatchlist } from './parse.js';

export type { FoundActor } from './init-actors.js';
export type { FoundKeyword } from './init-keywords.js';
export type { SourceText } from './init-text.js';

/** At most this many keywords: a watchlist is read by people, and alerts should stay specific. */
export const MAX_KEYWORDS = 20;

export interface InitResult {
  actors: FoundActor[];
  keywords: FoundKeyword[];
  /** The watchlist as `loadWatchlist` will read it back. */
  watchlist: Watchlist;
  actorsYaml: string;
  keywordsYaml: string;
}

/** Drafts the watchlist of the situation the articles report on. Pure: reads nothing, writes nothing. */
export function initWatchlist(sources: readonly SourceText[], options: { maxKeywords?: number } = {}): InitResult {
  const articles = sources.map(readArticle);
  const actors = findActors(articles);
  const keywords = findKeywords(
    articles,
    actors.map((a) => a.actor),
    options.maxKeywords ?? MAX_KEYWORDS,
  );
  const names = sources.map((s) => s.name);
  const actorsYaml = actorsFile(actors, names);
  const keywordsYaml = keywordsFile(keywords, names);
  // What is written must load: checked here with the real parser and matcher, so a mistake in
  // the drafting shows up as an error now instead of at the next start of the monitor.
  const watchlist = parseWatchlist(actorsYaml, keywordsYaml);
  compileWatchlist(watchlist);
  return { actors, keywords, watchlist, actorsYaml, keywordsYaml };
}

export interface WrittenFiles {
  actors: string;
  keywords: string;
}

/** The two paths `init` writes in `dir`. */
export function watchlistFiles(dir: string): WrittenFiles {
  return { actors: join(dir, 'actors.yaml'), keywords: join(dir, 'keywords.yaml') };
}

/**
 * Writes actors.yaml and keywords.yaml to `dir` (created if missing). Without `force`, an existing
 * file is left alone and nothing is written: the error names every file in the way.
 */
export function writeWatchlist(dir: string, result: Pick<InitResult, 'actorsYaml' | 'keywordsYaml'>, options: { force?: boolean } = {}): WrittenFiles {
  const files = watchlistFiles(dir);
  if (!options.force) {
    const existing = [files.actors, files.keywords].filter((f) => existsSync(f));
    if (existing.length > 0) {
      throw new StatementsError(
        'watchlist',
        'INIT_EXISTS',
        `${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; pass --force to overwrite, or --out DIR to write elsewhere`,
      );
    }
  }
  mkdirSync(dir, { recursive: true });
  // Each file appears whole or not at all: written beside, then renamed over.
  const pending: [string, string][] = [];
  try {
    for (const [path, text] of [
      [files.actors, result.actorsYaml],
      [files.keywords, result.keywordsYaml],
    ] as const) {
      const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx' });
      pending.push([temporary, path]);
    }
    for (const [temporary, path] of pending) renameSync(temporary, path);
  } finally {
    for (const [temporary] of pending) rmSync(temporary, { force: true });
  }
  return files;
}

const ACTORS_HEADER = `Watchlist actors: the people and organisations to recognise in articles.
Drafted by "statements init" from {sources}.
Review it before use: keep, fix or remove each entry, and add who is missing. The comment above
each entry says why it is there.

Each entry:
  id:           lower-case slug, unique (jens-stoltenberg); chat commands use it (subscribe nato)
  name:         display name; also matched in text
  kind:         person | organisation
  role:         what they are, as a reader would say it (optional)
  gender:       female | male, persons only (optional; leave out when unknown)
  aliases:      other names and spellings (optional)
  affiliations: ids of the actors this one belongs to or speaks for (optional)

How names match: whole words, ignoring case, accents, hyphens and a trailing "'s"; a word of two
or three capitals (US, UK) only matches capitals; a leading "the" need not be listed.
Surnames alone are listed for people, because articles name speakers by surname after the first
mention; remove a surname that is a common word or shared with others ("Smith"), and any alias
that is a generic description ("the ministry"): it would name the wrong actor in other stories.
A capital standing for its government (Moscow, Washington) is listed as found; make it an alias
of the country if you prefer.`;

const KEYWORDS_HEADER = `Watchlist keywords: topics to flag in articles.
Drafted by "statements init" from {sources}.
Review it before use: keep the phrases that define the situation, remove the rest, add synonyms.

Each entry:
  id:       lower-case slug, unique (troop-withdrawal); chat commands use it
  label:    display label; also matched in text, so a phrase that occurs in articles
  variants: other phrases that count as this keyword (optional)

Matching is on whole words like actor names: case, accents and hyphens are ignored, but there is
no stemming, so each word form is listed ("withdraw", "withdrew", "withdrawn"). Synonyms are not
found automatically ("pullback" for "withdrawal"): merge entries by hand where you want them.
Do not put actor names inside variants: the longer keyword phrase would hide the actor mention.`;

function sourcesLine(names: readonly string[]): string {
  const shown = names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
  return `${names.length} article${names.length === 1 ? '' : 's'} (${shown})`;
}

/** A YAML comment block: every line prefixed so that "#" starts it. */
function comment(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : ` ${line}`))
    .join('\n');
}

function actorsFile(found: readonly FoundActor[], sources: readonly string[]): string {
  const entries = found.map(({ actor }) => actorEntry(actor));
  const doc = new Document({ actors: entries });
  doc.commentBefore = comment(ACTORS_HEADER.replace('{sources}', sourcesLine(sources)));
  const list = doc.get('actors', true);
  if (isSeq(list)) {
    list.items.forEach((item, i) => {
      const entry = found[i];
      if (entry === undefined || !isMap(item)) return;
      item.commentBefore = comment(actorNote(entry, sources.length));
      if (i > 0) item.spaceBefore = true;
      flowList(item, 'affiliations');
    });
  }
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

function keywordsFile(found: readonly FoundKeyword[], sources: readonly string[]): string {
  const entries = found.map(({ keyword }) => keywordEntry(keyword));
  const doc = new Document({ keywords: entries });
  doc.commentBefore = comment(KEYWORDS_HEADER.replace('{sources}', sourcesLine(sources)));
  const list = doc.get('keywords', true);
  if (isSeq(list)) {
    list.items.forEach((item, i) => {
      const entry = found[i];
      if (entry === undefined || !isMap(item)) return;
      item.commentBefore = comment(`in ${entry.articles} article${entry.articles === 1 ? '' : 's'}, ${entry.occurrences} time${entry.occurrences === 1 ? '' : 's'}`);
      if (i > 0) item.spaceBefore = true;
    });
  }
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

/** Keys in the order of config/actors.yaml; empty ones left out. */
function actorEntry(actor: Actor): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: actor.id, name: actor.name, kind: actor.kind };
  if (actor.role !== null) entry.role = actor.role;
  if (actor.gender !== null) entry.gender = actor.gender;
  if (actor.aliases.length > 0) entry.aliases = actor.aliases;
  if (actor.affiliations.length > 0) entry.affiliations = actor.affiliations;
  return entry;
}

function keywordEntry(keyword: Keyword): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: keyword.id, label: keyword.label };
  if (keyword.variants.length > 0) entry.variants = keyword.variants;
  return entry;
}

function actorNote(entry: FoundActor, total: number): string {
  const core: string[] = [];
  if (entry.statements > 0) core.push(`speaks ${entry.statements} time${entry.statements === 1 ? '' : 's'}`);
  if (entry.cited) core.push('cited as a source');
  const parts = core.length > 0 ? [`${core.join(', ')} (in ${entry.articles} of ${total} article${total === 1 ? '' : 's'})`] : [];
  if (entry.inRoleOf.length > 0) parts.push(`named in the role of ${entry.inRoleOf.join(', ')}`);
  let note = parts.join('; ') || 'found in the articles';
  if (entry.actor.gender !== null) note += '; gender from the given name';
  if (entry.generic.length > 0) {
    const names = entry.generic.map((n) => `"${n}"`).join(', ');
    note += `\nalso called ${names}, not listed as an alias: a generic name could mean another one elsewhere`;
  }
  return note;
}

/** `affiliations: [nato, kremlin]` on one line, as in config/actors.yaml. */
function flowList(item: YAMLMap, key: string): void {
  const value = item.get(key, true);
  if (isSeq(value)) value.flow = true;
}
