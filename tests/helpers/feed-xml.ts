/** Feed documents for tests that serve them from a local server. */

export interface RssItem {
  guid: string;
  title: string;
  /** Article text; blank-line separated paragraphs become <p>s in content:encoded. */
  text: string;
  /** RFC 822 date, e.g. "Wed, 16 Feb 2022 12:00:00 GMT". */
  date: string;
}

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraphs as HTML, escaped (article text may contain "<" and "&"). */
export const paragraphs = (text: string): string =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${escapeXml(l)}</p>`)
    .join('');

/** An RSS 2.0 feed with full text in content:encoded and links under https://news.example/. */
export function rss(items: readonly RssItem[], title = 'Local Wire'): string {
  const entries = items
    .map((i) => `<item><title>${escapeXml(i.title)}</title><link>https://news.example/${i.guid}?utm_source=rss</link><guid isPermaLink="false">${i.guid}</guid><pubDate>${i.date}</pubDate><description>teaser</description><content:encoded><![CDATA[${paragraphs(i.text)}]]></content:encoded></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escapeXml(title)}</title><link>https://news.example/</link><description>d</description>${entries}</channel></rss>`;
}
