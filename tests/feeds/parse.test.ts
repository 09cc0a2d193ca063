import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StatementsError } from '../../src/errors.js';
import { parseFeed } from '../../src/feeds/index.js';
import { parseFailure } from '../helpers/parse-failure.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

describe('parseFeed', () => {
  it.each([
    {
      file: 'rss2.xml',
      title: 'Wire & World',
      ttl: 30,
      items: [
        {
          guid: 'wire-0001',
          link: 'https://wire.example/world/nato?a=1&b=2',
          title: 'Stoltenberg: “No withdrawal yet” – NATO',
          published: Date.UTC(2022, 1, 16, 11, 20),
          content: '<p>Full text one.</p>',
          summary: 'Teaser <b>one</b>',
        },
        // Relative link resolved against the feed URL, tracking stripped; an unreadable date is null.
        { guid: null, link: 'https://wire.example/world/peskov', title: 'Peskov says units return to bases', published: null, content: null, summary: 'Teaser two' },
      ],
    },
    {
      file: 'atom.xml',
      title: 'Atom Times',
      ttl: null,
      items: [
        {
          guid: 'tag:atom.example,2022:kuleba',
          link: 'https://atom.example/2022/02/kuleba?id=7',
          title: 'Kuleba: talks & guarantees',
          published: Date.UTC(2022, 1, 16, 10),
          content: '<p>Full Atom text.</p>',
          summary: 'Kuleba said talks continue.',
        },
        // rss-parser throws on an invalid Atom date; the entry survives without one.
        { guid: 'tag:atom.example,2022:broken', link: 'https://atom.example/2022/02/broken', title: 'Entry with a broken date', published: null, content: null, summary: 'Still parsed.' },
      ],
    },
    {
      file: 'rdf.xml',
      title: 'RDF Daily',
      ttl: null,
      items: [
        { guid: null, link: 'https://rdf.example/a', title: 'Blinken warns of "imminent" attack', published: Date.UTC(2022, 1, 17, 8, 30), content: null, summary: 'Blinken teaser.' },
        { guid: null, link: 'https://rdf.example/b', title: 'Second RDF item', published: Date.UTC(2022, 1, 17, 9, 30), content: null, summary: null },
      ],
    },
  ])('maps $file to items with identities', async ({ file, title, ttl, items }) => {
    const parsed = await parseFeed(fixture(file), 'feed-1', 'https://wire.example/feed.xml');
    expect(parsed.title).toBe(title);
    expect(parsed.ttlMinutes).toBe(ttl);
    expect(parsed.items.map(({ identity: _identity, feedId: _feedId, ...rest }) => rest)).toEqual(items);
    for (const item of parsed.items) {
      expect(item.feedId).toBe('feed-1');
      expect(item.identity).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(parsed.items.map((i) => i.identity)).size).toBe(items.length);
  });

  it('gives guid-less items the same identity when tracking parameters, fragments or order change', async () => {
    const a = await parseFeed(fixture('rdf.xml'), 'f');
    const changed = fixture('rdf.xml')
      .replace('?ocid=rss&amp;smid=tw', '?utm_campaign=x#top')
      .replace('https://rdf.example/b</link>', 'HTTPS://RDF.EXAMPLE/b?utm_source=y</link>');
    const b = await parseFeed(changed, 'f');
    expect(b.items.map((i) => i.identity)).toEqual(a.items.map((i) => i.identity));
  });

  it('falls back to title and day when an item has neither guid nor link', async () => {
    const xml = (time: string): string =>
      `<rss version="2.0"><channel><title>t</title><item><title>  Peskov:  pull-back continues </title><pubDate>Wed, 16 Feb 2022 ${time} GMT</pubDate></item></channel></rss>`;
    const [morning] = (await parseFeed(xml('08:00:00'), 'f')).items;
    const [evening] = (await parseFeed(xml('20:00:00'), 'f')).items;
    expect(morning?.title).toBe('Peskov: pull-back continues');
    expect(morning?.identity).toBe(evening?.identity);
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html>\n<html><head><title>Home</title></head><body><p>Hi<br></body></html>', 'FEED_NOT_A_FEED', /returned an HTML page, not a feed: check the feed URL/],
    ['an XHTML page', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'FEED_NOT_A_FEED', /HTML page/],
    ['XML that is not a feed', '<?xml version="1.0"?><urlset><url/></urlset>', 'FEED_NOT_A_FEED', /not RSS or Atom \(root element <urlset>\)/],
    ['malformed XML', '<rss version="2.0"><channel><title>Broken</channel></rss>', 'FEED_PARSE', /malformed feed XML: .*Unexpected close tag/],
    ['an empty body', '   ', 'FEED_PARSE', /empty/],
  ])('refuses %s with a coded error', async (_name, xml, code, message) => {
    const error = await parseFailure(xml);
    expect(error.code).toBe(code);
    expect(error.module).toBe('feeds');
    expect(error.message).toMatch(message);
  });
});
