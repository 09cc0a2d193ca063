import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readablePageText } from '../../src/articles/index.js';

const page = readFileSync(new URL('../fixtures/articles/page.html', import.meta.url), 'utf8');

describe('readablePageText', () => {
  const text = readablePageText(page, 'https://herald.example/world/air-defence') ?? '';
  const paragraphs = text.split('\n\n');

  it('finds the article paragraphs, in order', () => {
    expect(paragraphs[0]).toMatch(/^BRUSSELS, March 3 \(Herald\) – Defence ministers/);
    expect(paragraphs[1]).toMatch(/^“We have to be honest with ourselves: .*,” Secretary General Maria Holm told reporters/);
    expect(text.indexOf('Holm said that at least four')).toBeLessThan(text.indexOf('Diplomats said'));
    expect(paragraphs[paragraphs.length - 1]).toMatch(/^The ministers are due to meet again in June/);
  });

  it('leaves out navigation, ads, share bars, captions, related links, byline and footer', () => {
    for (const noise of ['World', 'Business', 'Share on Facebook', 'Subscribe to the Herald', 'Ministers arrive', 'Budget rules divide', 'By A. Reporter', 'All rights reserved', 'Example Herald']) {
      expect(text).not.toContain(noise);
    }
  });

  it('keeps an embedded tweet’s words without its chrome, and not the headline', () => {
    expect(paragraphs).toContain('Productive talks with allies today on air defence. More to come soon.');
    expect(text).not.toMatch(/@MariaHolm|pic\.twitter\.com|t\.co\//);
    expect(text).not.toContain('Alliance ministers weigh new air defence pledges');
  });

  it('returns null for a page with no article', () => {
    expect(readablePageText('<html><body><nav><a href="/">Home</a></nav></body></html>', 'https://x.example/')).toBeNull();
    expect(readablePageText('', 'https://x.example/')).toBeNull();
  });
});
