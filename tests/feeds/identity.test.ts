import { describe, expect, it } from 'vitest';
import { canonicalLink, identityKey, itemIdentity } from '../../src/feeds/index.js';

describe('canonicalLink', () => {
  it.each([
    ['HTTPS://News.Example/World/Story?b=2&a=1#top', 'https://news.example/World/Story?a=1&b=2'],
    ['https://news.example/s?utm_source=rss&utm_medium=feed&UTM_Campaign=x', 'https://news.example/s'],
    ['https://news.example/s?id=7&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=5&cmpid=6&ocid=7&smid=8', 'https://news.example/s?id=7'],
    ['https://news.example:443/s/', 'https://news.example/s/'],
    ['  https://news.example/a%20b?q=x%20y&p=a+b  ', 'https://news.example/a%20b?p=a+b&q=x%20y'],
    ['https://news.example/s?b=2&a=1&b=1&utm_source=x&', 'https://news.example/s?a=1&b=2&b=1'],
    ['https://news.example/s?', 'https://news.example/s'],
    ['not a url', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(canonicalLink(input)).toBe(expected);
  });

  it('resolves relative links against a base', () => {
    expect(canonicalLink('/a?utm_source=x', 'https://news.example/feed.xml')).toBe('https://news.example/a');
  });
});

describe('itemIdentity', () => {
  const published = Date.UTC(2022, 1, 16, 11, 20);

  it.each([
    [{ guid: 'g-1', link: 'https://x.example/a', title: 'T', published }, 'guid:g-1'],
    [{ guid: '  ', link: 'https://x.example/a?utm_source=y#c', title: 'T', published }, 'link:https://x.example/a'],
    [{ guid: null, link: 'nonsense', title: ' Big  News ', published }, 'title:big news|2022-02-16'],
    [{ guid: null, link: null, title: 'Big News', published: null }, 'title:big news|'],
  ])('keys %o as %s', (parts, key) => {
    expect(identityKey(parts)).toBe(key);
    expect(itemIdentity(parts)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable for the same item and distinct for different ones', () => {
    const a = itemIdentity({ guid: null, link: 'https://x.example/a?utm_source=1', title: 'A', published: null });
    const b = itemIdentity({ guid: null, link: 'https://X.example/a#x', title: 'A, retitled', published });
    const c = itemIdentity({ guid: null, link: 'https://x.example/c', title: 'A', published: null });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
