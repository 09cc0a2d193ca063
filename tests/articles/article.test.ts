import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { articleFromItem, FULL_TEXT_MIN_CHARS } from '../../src/articles/index.js';
import { StatementsError } from '../../src/errors.js';
import type { Feed, FeedItem } from '../../src/model/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), 'utf8');

const feed: Feed = { id: 'herald', url: 'https://herald.example/rss', title: null, intervalMinutes: 15, fetchArticles: true, alertNewestOnFirstPoll: 0, maxAgeHours: 48 };

function item(extra: Partial<FeedItem>): FeedItem {
  return { feedId: 'herald', identity: 'id-1', guid: 'g1', link: 'https://herald.example/world/air-defence', title: 'Alliance ministers weigh new air defence pledges', published: 1_677_840_000_000, content: null, summary: null, ...extra };
}

const teaser = '<p>Defence ministers met in Brussels to discuss air defence. <a href="https://herald.example/world/air-defence">Read more</a></p>';

describe('articleFromItem', () => {
  it('uses content:encoded when it carries the whole article', async () => {
    const fetchPage = vi.fn(async () => fixture('page.html'));
    const article = await articleFromItem(item({ content: fixture('content-encoded.html'), summary: 'Talks on a grain corridor resume.' }), feed, 'Example Herald', fetchPage);
    expect(article.source).toBe('feed');
    expect(fetchPage).not.toHaveBeenCalled();
    expect(article.text.length).toBeGreaterThan(FULL_TEXT_MIN_CHARS);
    expect(article.text.split('\n\n')[1]).toMatch(/^“We are ready to sit down again/);
    expect(article.text).not.toMatch(/Also read|Ships wait/);
    expect(article).toMatchObject({ identity: 'id-1', feedId: 'herald', outlet: 'Example Herald', url: 'https://herald.example/world/air-defence', published: 1_677_840_000_000 });
  });

  it('fetches the page for a teaser-only item and reads it with Readability', async () => {
    const fetchPage = vi.fn(async (_url: string) => fixture('page.html'));
    const article = await articleFromItem(item({ summary: teaser }), feed, 'Example Herald', fetchPage);
    expect(fetchPage).toHaveBeenCalledWith('https://herald.example/world/air-defence');
    expect(article.source).toBe('page');
    expect(article.text).toMatch(/^BRUSSELS, March 3 \(Herald\)/);
    expect(article.text).toContain('Secretary General Maria Holm told reporters');
    // The title is not part of the text, nor is furniture.
    expect(article.title).toBe('Alliance ministers weigh new air defence pledges');
    expect(article.text).not.toMatch(/Alliance ministers weigh|Also read|Advertisement|Ministers arrive/);
  });

  it('falls back to the teaser when pages are not fetched', async () => {
    const noFetch = { ...feed, fetchArticles: false };
    const fetchPage = vi.fn(async () => fixture('page.html'));
    const article = await articleFromItem(item({ summary: teaser }), noFetch, null, fetchPage);
    expect(fetchPage).not.toHaveBeenCalled();
    expect(article.source).toBe('summary');
    expect(article.text).toBe('Defence ministers met in Brussels to discuss air defence. Read more');
    expect(article.outlet).toBeNull();
  });

  it('falls back to the teaser without a link, a fetcher, or a readable page', async () => {
    expect((await articleFromItem(item({ summary: 'Plain teaser.', link: null }), feed, null, async () => fixture('page.html'))).source).toBe('summary');
    expect((await articleFromItem(item({ summary: 'Plain teaser.' }), feed, null, null)).text).toBe('Plain teaser.');
    const empty = await articleFromItem(item({ summary: 'Plain teaser.' }), feed, null, async () => '<html><body></body></html>');
    expect(empty).toMatchObject({ source: 'summary', text: 'Plain teaser.' });
  });

  it('prefers the configured outlet name over the feed’s own title', async () => {
    const article = await articleFromItem(item({ summary: 'x' }), { ...feed, title: 'The Herald' }, 'Example Herald', null);
    expect(article.outlet).toBe('The Herald');
  });

  it('reports a failed page fetch with a code and the cause', async () => {
    const cause = new Error('HTTP 503');
    const error = await articleFromItem(item({ summary: teaser }), feed, null, async () => Promise.reject(cause)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatementsError);
    expect(error).toMatchObject({ code: 'ARTICLE_FETCH_FAILED', module: 'articles', cause, message: expect.stringContaining('HTTP 503') });
  });

  it('splits plain-text content into paragraphs', async () => {
    const long = 'A sentence of plain reporting that goes on for a while. '.repeat(15).trim();
    const article = await articleFromItem(item({ content: `${long}\n\n${long}`, summary: 'Short.' }), feed, null, null);
    expect(article).toMatchObject({ source: 'feed', text: `${long}\n\n${long}` });
  });
});
