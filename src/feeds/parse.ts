/**
 * Feed text to FeedItems. rss-parser does the format work (RSS 0.9x/2.0, RDF/RSS 1.0, Atom); we
 * refuse HTML pages early with a useful message, check its loose output, and map each entry to
 * a FeedItem with a stable identity.
 */
import Parser from 'rss-parser';
import { StatementsError } from '../errors.js';
import type { FeedItem } from '../model/index.js';
import { FeedErrorCode, MODULE } from './codes.js';
import { cleanTitle } from './entities.js';
import { canonicalLink, itemIdentity } from './identity.js';
import { type ParsedItem, ParsedItemSchema, ParserOutputSchema } from './parser-output.js';

export interface ParsedFeed {
  title: string | null;
  ttlMinutes: number | null;
  items: FeedItem[];
}

/**
 * `content:encoded` and `ttl` are in rss-parser's default field lists already and Atom `content`
 * is built in; `description` is the one addition, so RSS teasers are not mistaken for full text.
 */
const CUSTOM_FIELDS = { feed: ['ttl'], item: ['description', 'content:encoded'] };

/** Parses `xml`; throws StatementsError FEED_NOT_A_FEED or FEED_PARSE. `baseUrl` resolves relative links. */
export async function parseFeed(xml: string, feedId: string, baseUrl?: string): Promise<ParsedFeed> {
  const root = rootElement(xml);
  if (root === null) throw new StatementsError(MODULE, FeedErrorCode.Parse, 'the document is empty or has no XML element');
  if (/^(?:html|head|body)$/i.test(root) || /^<!doctype\s+html/i.test(skipProlog(xml))) {
    throw new StatementsError(MODULE, FeedErrorCode.NotAFeed, 'returned an HTML page, not a feed: check the feed URL');
  }
  const raw = await parseXml(xml);
  const output = ParserOutputSchema.safeParse(raw);
  if (!output.success) throw new StatementsError(MODULE, FeedErrorCode.Parse, `unexpected parser output: ${output.error.message}`);
  const items: FeedItem[] = [];
  for (const entry of output.data.items) {
    const parsed = ParsedItemSchema.safeParse(entry);
    const item = parsed.success ? toFeedItem(parsed.data, feedId, baseUrl) : null;
    if (item !== null) items.push(item);
  }
  const title = output.data.title === null ? '' : cleanTitle(output.data.title);
  const ttl = output.data.ttl === null ? Number.NaN : Number(output.data.ttl.trim());
  return { title: title === '' ? null : title, ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null, items };
}

async function parseXml(xml: string): Promise<unknown> {
  // A parser per call: xml2js keeps per-parse state on the instance, and a failed parse must not leak into the next.
  const parser = new Parser({ customFields: CUSTOM_FIELDS });
  try {
    return await parser.parseString(xml);
  } catch (first) {
    // rss-parser's Atom code calls toISOString() on dates unguarded, so one bad <updated> sinks the feed.
    if (first instanceof RangeError) {
      const repaired = dropInvalidDates(xml);
      if (repaired !== xml) return parseXml(repaired);
    }
    const message = first instanceof Error ? first.message : String(first);
    if (/not recognized as RSS/i.test(message)) {
      throw new StatementsError(MODULE, FeedErrorCode.NotAFeed, `is XML but not RSS or Atom (root element <${rootElement(xml) ?? '?'}>): check the feed URL`, { cause: first });
    }
    throw new StatementsError(MODULE, FeedErrorCode.Parse, `malformed feed XML: ${message.replace(/\s+/g, ' ').trim()}`, { cause: first });
  }
}

function dropInvalidDates(xml: string): string {
  return xml.replace(/<(published|updated)>([^<]*)<\/\1>/g, (whole, _tag: string, value: string) => (Number.isNaN(Date.parse(value.trim())) ? '' : whole));
}

function toFeedItem(raw: ParsedItem, feedId: string, baseUrl: string | undefined): FeedItem | null {
  const guid = nonEmpty(raw.guid ?? raw.id);
  const link = raw.link === null ? null : canonicalLink(raw.link, baseUrl);
  const title = raw.title === null ? '' : cleanTitle(raw.title);
  // Nothing to tell this entry from another: it could only collide, so it is not an item.
  if (guid === null && link === null && title === '') return null;
  const published = dateMs(raw.isoDate) ?? dateMs(raw.pubDate);
  // In RSS `content` is rss-parser's copy of the description; only Atom (no description field) carries full text there.
  const content = nonEmpty(raw['content:encoded']) ?? (raw.description === null ? nonEmpty(raw.content) : null);
  const summary = nonEmpty(raw.description) ?? nonEmpty(raw.summary) ?? nonEmpty(raw.contentSnippet);
  return { feedId, identity: itemIdentity({ guid, link, title, published }), guid, link, title, published, content, summary };
}

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function dateMs(value: string | null): number | null {
  if (value === null) return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : ms;
}

/** Text after the BOM, XML declaration, comments, processing instructions and whitespace. */
function skipProlog(xml: string): string {
  return xml.replace(/^\uFEFF?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/, '');
}

/** Name of the first element, skipping the prolog and any DOCTYPE; null when there is none. */
function rootElement(xml: string): string | null {
  const rest = skipProlog(xml).replace(/^<!doctype[^>]*>(?:\s+|<!--[\s\S]*?-->)*/i, '');
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1] ?? null;
}
