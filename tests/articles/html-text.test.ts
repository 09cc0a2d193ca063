import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/articles/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), 'utf8');

describe('htmlToText', () => {
  it.each<[string, string, string]>([
    ['one paragraph per block', '<p>One.</p><h2>Two</h2><ul><li>Three.</li><li>Four.</li></ul>', 'One.\n\nTwo\n\nThree.\n\nFour.'],
    ['entities decoded', '<p>Q&amp;A &ldquo;yes&rdquo; &#8212; 12&nbsp;%</p>', 'Q&A “yes” — 12 %'],
    ['whitespace collapsed', '<p>  a\n\n   b\t c  </p>', 'a b c'],
    ['inline markup joins words', '<p>The <strong>minister</strong> <a href="#">said</a>.</p>', 'The minister said.'],
    ['text directly in a div is a paragraph', '<div>Lead text<p>Inner.</p>tail text</div>', 'Lead text\n\nInner.\n\ntail text'],
    ['one <br> is a space, two end a paragraph', '<p>a<br>b<br><br>c</p>', 'a b\n\nc'],
    ['blockquote and pre', '<blockquote>Quoted words.</blockquote><pre>x   = 1</pre>', 'Quoted words.\n\nx = 1'],
    ['furniture dropped', '<nav>Home</nav><p>Body.</p><script>x()</script><style>p{}</style><aside>Side</aside><figure><img><figcaption>Cap</figcaption></figure><footer>Foot</footer><form>Sign up</form><iframe></iframe>', 'Body.'],
    ['ads and share bars dropped by class', '<div class="ad-slot">Buy</div><p>Body.</p><div class="share-tools">Share</div><div class="headline">Kept</div>', 'Body.\n\nKept'],
    ['zero-width characters removed', '<p>de\u200bes\u00adcalation</p>', 'deescalation'],
    ['empty input', '', ''],
    ['plain text fragment', 'just words', 'just words'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('keeps an embedded tweet’s words but not its chrome', () => {
    const html =
      '<p>Before.</p><blockquote class="twitter-tweet"><p lang="en">Talks went well today. <a href="https://t.co/x1">https://t.co/x1</a> <a href="#">pic.twitter.com/x1</a></p>&mdash; Maria Holm (@MariaHolm) <a href="#">March 3, 2023</a></blockquote><p>After.</p>';
    expect(htmlToText(html)).toBe('Before.\n\nTalks went well today.\n\nAfter.');
  });

  it('turns content:encoded HTML into clean paragraphs', () => {
    const text = htmlToText(fixture('content-encoded.html'));
    const paragraphs = text.split('\n\n');
    expect(paragraphs[0]).toMatch(/^KYIV — The foreign minister said on Monday/);
    expect(paragraphs[1]).toMatch(/^“We are ready to sit down again, .*,” the minister said/);
    expect(text).toContain('the venue would be announced closer to the date.');
    expect(text).toContain('Prices rose by 12 percent.');
    expect(text).not.toMatch(/Ships wait|Photo:|trackView/);
    expect(text).not.toMatch(/\n{3}/);
  });

  it('does not overflow the stack on deeply nested markup', () => {
    const depth = 5000;
    const html = `${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`;
    expect(htmlToText(html)).toBe('deep');
  });
});
