import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAlert } from '../../src/alerts/index.js';
import { compileWatchlist } from '../../src/matches/index.js';
import type { Alert, Article } from '../../src/model/index.js';
import { extractStatements } from '../../src/statements/index.js';
import { loadWatchlist } from '../../src/watchlist/index.js';
import { SEED_FILES, seedText } from '../helpers/seeds.js';

const matcher = compileWatchlist(loadWatchlist());

function seedArticle(path: string): Article {
  return { identity: basename(path), feedId: 'seeds', title: `Seed ${basename(path)}`, url: `https://news.example/${basename(path)}`, outlet: 'News Example', published: Date.UTC(2022, 1, 16, 12), text: seedText(path), source: 'feed' };
}

function alertFor(path: string, options?: Parameters<typeof buildAlert>[3]): Alert {
  const article = seedArticle(path);
  return buildAlert(article, extractStatements(article.text, { matcher, title: article.title }), matcher, options);
}

const seed = (prefix: string): string => {
  const path = SEED_FILES.find((p) => basename(p).startsWith(prefix));
  if (path === undefined) throw new Error(`no seed ${prefix}`);
  return path;
};

describe('buildAlert on seed 000 (Reuters, dateline)', () => {
  const alert = alertFor(seed('000'));

  it('carries the article’s identity, title, outlet, link and time', () => {
    expect(alert).toMatchObject({ key: basename(seed('000')), outlet: 'News Example', url: `https://news.example/${basename(seed('000'))}`, published: Date.UTC(2022, 1, 16, 12) });
  });

  it('leads with the reporter’s words, without the dateline', () => {
    expect(alert.lead.length).toBeGreaterThanOrEqual(1);
    expect(alert.lead.length).toBeLessThanOrEqual(2);
    expect(alert.lead[0]).toMatch(/^Russia’s defence ministry published video/);
    expect(alert.lead.join(' ')).not.toMatch(/MOSCOW|\(Reuters\)/);
  });

  it('quotes Stoltenberg with his NATO role', () => {
    const stoltenberg = alert.quotes.find((q) => q.speaker === 'Jens Stoltenberg');
    expect(stoltenberg?.role).toMatch(/NATO/);
    expect(stoltenberg?.kind).toBe('direct');
    expect(stoltenberg?.quote).toMatch(/^It remains to be seen whether there is a Russian withdrawal/);
  });

  it('hears several speakers before anyone twice', () => {
    expect(alert.quotes.map((q) => q.speaker)).toEqual(['Jens Stoltenberg', 'Ben Wallace', 'Anita Anand']);
  });

  it('names the watchlist speakers first, then the other actors, and labels the keywords', () => {
    expect(alert.actors.slice(0, 4)).toEqual(['Joe Biden', 'Jens Stoltenberg', 'Ben Wallace', 'Anita Anand']);
    expect(alert.actors).toContain('NATO');
    expect(new Set(alert.actors).size).toBe(alert.actors.length);
    expect(alert.keywords).toContain('troop withdrawal');
  });
});

describe.each(SEED_FILES.map((p) => [basename(p), p]))('buildAlert on %s', (_name, path) => {
  const alert = alertFor(path);

  it('has at most three quotes, none repeated, each attributed and within 300 characters', () => {
    expect(alert.quotes.length).toBeGreaterThan(0);
    expect(alert.quotes.length).toBeLessThanOrEqual(3);
    expect(new Set(alert.quotes.map((q) => q.quote)).size).toBe(alert.quotes.length);
    for (const q of alert.quotes) {
      expect(q.speaker).not.toBeNull();
      expect(q.quote.length).toBeLessThanOrEqual(300);
    }
  });

  it('leads with one or two sentences that are not quotes', () => {
    expect(alert.lead.length).toBeGreaterThanOrEqual(1);
    expect(alert.lead.length).toBeLessThanOrEqual(2);
    for (const sentence of alert.lead) expect(sentence).not.toMatch(/^["“‘«]/);
  });
});

describe('buildAlert options and edge cases', () => {
  it('cuts long quotes at a word boundary with an ellipsis', () => {
    const alert = alertFor(seed('002'), { maxQuoteChars: 80 });
    const long = alert.quotes.find((q) => q.quote.endsWith('…'));
    expect(long).toBeDefined();
    expect(long!.quote.length).toBeLessThanOrEqual(80);
    expect(long!.quote).toMatch(/\p{L}…$/u);
  });

  it('honours maxQuotes', () => {
    expect(alertFor(seed('000'), { maxQuotes: 1 }).quotes).toHaveLength(1);
    expect(alertFor(seed('000'), { maxQuotes: 0 }).quotes).toHaveLength(0);
  });

  it('never takes two quotes from the same sentence', () => {
    // Seed 003: “This is a process…,” Peskov further said, adding that units “can’t just take to
    // the air…” and that the withdrawal “has a schedule”: three statements, one sentence.
    const quotes = alertFor(seed('003'), { maxQuotes: 10 }).quotes.map((q) => q.quote);
    const sameSentence = quotes.filter((q) => q.startsWith('This is a process') || q.startsWith('can’t just take') || q === 'has a schedule');
    expect(sameSentence).toEqual(['This is a process that will take some time']);
  });

  it('works without a watchlist', () => {
    const article = seedArticle(seed('001'));
    const alert = buildAlert(article, extractStatements(article.text), undefined);
    expect(alert.lead[0]).toMatch(/^NATO on Tuesday called on Russia/);
    expect(alert.quotes.length).toBeGreaterThan(0);
  });

  it('gives an empty alert body for an article with no text', () => {
    const article: Article = { ...seedArticle(seed('000')), text: '' };
    const alert = buildAlert(article, { statements: [], actors: [], keywords: [] }, matcher);
    expect(alert).toMatchObject({ lead: [], quotes: [], actors: [], keywords: [] });
  });
});
