/**
 * What the hostile-feed suite's server serves and its test expects, shared by both: feed
 * documents, the healthy NATO statements, and the quotes that mark items worth an alert.
 */
import { escapeXml, rss } from '../helpers/feed-xml.js';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
export const XML = 'application/rss+xml';
const DATE = 'Thu, 17 Feb 2022 09:00:00 GMT';

/** A statement the console subscription is alerted to: NATO's Secretary General, quoted. */
export const natoText = (quote: string): string =>
  `BRUSSELS (Local Wire) – NATO said on Thursday it saw no sign of a Russian withdrawal.\n“${quote},” NATO Secretary General Jens Stoltenberg told reporters.`;

export const natoHtml = (quote: string): string =>
  natoText(quote)
    .split('\n')
    .map((p) => `<p>${escapeXml(p)}</p>`)
    .join('');

export function doc(items: string, { prolog = '<?xml version="1.0" encoding="UTF-8"?>', title = 'Hostile Wire' } = {}): string {
  return `${prolog}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title><link>https://news.example/</link><description>d</description>${items}</channel></rss>`;
}

/** An RSS item; links are under https://news.example/ (never fetched: the feeds do not fetch pages). */
export function item(guid: string, title: string, { html = '', date = DATE, link = `https://news.example/${guid}`, summary = 'teaser' } = {}): string {
  const content = html === '' ? '' : `<content:encoded><![CDATA[${html}]]></content:encoded>`;
  return `<item><title>${title}</title><link>${link}</link><guid isPermaLink="false">${guid}</guid><pubDate>${date}</pubDate><description>${summary}</description>${content}</item>`;
}

export const plainFeed = (tag: string): string => doc(item(`${tag}-1`, `${tag} one`) + item(`${tag}-2`, `${tag} two`));

/** The healthy feeds' statements, two per feed: each must be alerted exactly once. */
export const HEALTHY_QUOTES = [
  'We see no withdrawal',
  'We have not seen any de-escalation on the ground, quite the opposite',
  'The risk of an attack remains very real',
  'Allies will defend every inch of allied territory',
  'We are ready to sit down and talk with Russia',
  'Moscow still has time to step back from the brink',
  'Our door remains open to dialogue with Moscow',
  'We call on Russia to pull back its forces now',
];

export const HEALTHY_FEEDS = ['healthy-rss', 'healthy-gzip', 'healthy-brotli', 'healthy-atom'] as const;

export function healthyRss(n: number): string {
  return rss(
    [0, 1].map((k) => {
      const quote = HEALTHY_QUOTES[n * 2 + k] ?? '';
      return { guid: `healthy-${n}-${k}`, title: `Stoltenberg: ${quote}`, text: natoText(quote), date: `Thu, 17 Feb 2022 0${k + 8}:00:00 GMT` };
    }),
    `Healthy ${n}`,
  );
}

export function healthyAtom(n: number): string {
  const entries = [0, 1]
    .map((k) => {
      const quote = HEALTHY_QUOTES[n * 2 + k] ?? '';
      return `<entry><title>Stoltenberg: ${quote}</title><id>urn:healthy:${n}:${k}</id><link href="https://news.example/atom/${n}/${k}"/><updated>2022-02-17T0${k + 8}:00:00Z</updated><content type="html">${escapeXml(natoHtml(quote))}</content></entry>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Healthy Atom</title><id>urn:healthy:${n}</id><updated>2022-02-17T09:00:00Z</updated>${entries}</feed>`;
}

/** Quotes inside hostile-but-readable feeds: alerted once when the feed is read as it should be. */
export const MARK = {
  strayBytes: 'We will not be intimidated by stray bytes',
  labelLie: 'Labels lie but quotes do not',
  declarationLie: 'Declarations lie but quotes do not',
  typeLie: 'Content types lie but quotes do not',
  duplicate: 'One story is one alert',
  future: 'The future is not a date',
  junkDate: 'Junk dates do not stop statements',
  atomDate: 'Broken Atom dates do not stop statements',
  nested: 'Nesting does not hide this',
  control: 'Terminals are not for feeds to drive',
  /** In a local file a feed item links to: must never be read. */
  secret: 'LOCAL-SECRET: this file must never be read by a feed',
} as const;

/** Ten levels of ten: a billion "lol"s from a few hundred bytes, if a parser expanded them. */
export const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;
export const QUADRATIC_BLOWUP = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "${'B'.repeat(50_000)}">]>`;
