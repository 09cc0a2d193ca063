/**
 * Feed text to FeedItems. rss-parser does the format work (RSS 0.9x/2.0, RDF/RSS 1.0, Atom); we
 * refuse HTML pages early with a useful message, check its loose output, and map each entry to
 * a FeedItem with a stable identity.
 */
import Parser from 'rss-parser';
import { StatementsError } from '../errors.js';
import type { FeedItem } from '../model/index.js';
import { FeedErrorCode, MODULE } from './codes.js';
import { CONTROL_CHARACTERS, cleanTitle } from './entities.js';
import { canonicalLink, itemIdentity } from './identity.js';
import { type ParsedItem, ParsedItemSchema, ParserOutputSchema, toText } from './parser-output.js';

export interface ParsedFeed {
  title: string | null;
  ttlMinutes: number | null;
  /** At most MAX_ITEMS_PER_FEED, the newest; in document order. */
  items: FeedItem[];
  /** Entries left out: beyond MAX_ITEMS_PER_FEED (the oldest), or with nothing to identify them by. */
  skipped: { overLimit: number; unidentifiable: number };
}

/**
 * Items read from one fetch of one feed. News feeds carry tens; archives a few hundred. A 5 MB
 * body can hold 150,000 empty items, and each would cost a store lookup on every poll.
 */
export const MAX_ITEMS_PER_FEED = 500;

/** Item titles beyond this are cut (a headline is a line, not a page). */
export const MAX_TITLE_CHARS = 500;

/** A date further ahead than this is a publisher's mistake, treated as no date at all. */
const MAX_FUTURE_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * `content:encoded` and `ttl` are in rss-parser's default field lists already and Atom `content`
 * is built in; `description` is the one addition, so RSS teasers are not mistaken for full text.
 */
const CUSTOM_FIELDS = { feed: ['ttl'], item: ['description', 'content:encoded'] };

/**
 * Parses a feed body; throws StatementsError FEED_NOT_A_FEED, FEED_PARSE or FEED_UNSAFE_XML. `baseUrl`
 * resolves relative links.
 */
export async function parseFeed(body: string, feedId: string, baseUrl?: string): Promise<ParsedFeed> {
  // Raw control characters are not XML; the parser would pass them on into titles and text.
  const xml = body.replace(CONTROL_CHARACTERS, '');
  refuseNonFeeds(xml);
  const cut = withoutMiddleItems(xml);
  const raw = cut === null ? await parseXml(xml) : await parseXml(cut.xml).catch(() => parseXml(xml));
  const output = ParserOutputSchema.safeParse(raw);
  if (!output.success) throw new StatementsError(MODULE, FeedErrorCode.Parse, `unexpected parser output: ${output.error.message}`);
  const notAfter = Date.now() + MAX_FUTURE_MS;
  // Chosen before they are checked and hashed, which is most of the cost of a huge feed.
  const entries = newest(output.data.items, MAX_ITEMS_PER_FEED, notAfter);
  const items: FeedItem[] = [];
  for (const entry of entries) {
    const parsed = ParsedItemSchema.safeParse(entry);
    const item = parsed.success ? toFeedItem(parsed.data, feedId, baseUrl, notAfter) : null;
    if (item !== null) items.push(item);
  }
  const title = output.data.title === null ? '' : cleanTitle(output.data.title).slice(0, MAX_TITLE_CHARS);
  const ttl = output.data.ttl === null ? Number.NaN : Number(output.data.ttl.trim());
  return {
    title: title === '' ? null : title,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    items,
    skipped: { overLimit: (cut?.dropped ?? 0) + output.data.items.length - entries.length, unidentifiable: entries.length - items.length },
  };
}

/** Items handed to the XML parser at most: parsing 50,000 empty items takes the event loop for half a second. */
const MAX_PARSED_ITEMS = 2 * MAX_ITEMS_PER_FEED;

const ITEM_TAG = /<(\/?)(?:[\w.-]+:)?(?:item|entry)(?=[\s/>])[^>]*>/g;

/**
 * The document with all but its first and last MAX_PARSED_ITEMS / 2 items cut out (so the newest
 * survive whether a feed lists the newest or the oldest first), when it has more. Null when it has
 * not, or when a scan cannot tell where its items begin and end (then the whole is parsed).
 */
function withoutMiddleItems(xml: string): { xml: string; dropped: number } | null {
  const opens: number[] = [];
  const closes: number[] = [];
  for (const tag of xml.matchAll(ITEM_TAG)) {
    if (tag[1] === '/') closes.push(tag.index + tag[0].length);
    else if (tag[0].endsWith('/>')) return null;
    else opens.push(tag.index);
  }
  const count = opens.length;
  if (count <= MAX_PARSED_ITEMS || closes.length !== count) return null;
  // Siblings only: each item closes before the next one opens.
  for (let i = 0; i < count; i++) {
    const close = closes[i] ?? 0;
    if (close <= (opens[i] ?? 0) || close > (opens[i + 1] ?? Number.POSITIVE_INFINITY)) return null;
  }
  const half = MAX_PARSED_ITEMS / 2;
  return { xml: xml.slice(0, closes[half - 1]) + xml.slice(opens[count - half]), dropped: count - MAX_PARSED_ITEMS };
}

/** Throws for what is not a feed, or is XML no feed needs and a parser should never see. */
function refuseNonFeeds(xml: string): void {
  const rest = skipProlog(xml);
  if (rest.trim() === '') throw new StatementsError(MODULE, FeedErrorCode.Parse, 'the response body is empty');
  // Entity declarations: a few hundred bytes can expand to gigabytes (billion laughs) or name local
  // files and internal URLs (XXE). No feed needs them. The parser does not expand them today;
  // refusing here keeps it so whatever parser sits below.
  const doctype = doctypeAt(rest);
  if (doctype !== null && /<!ENTITY/i.test(doctype)) {
    throw new StatementsError(MODULE, FeedErrorCode.UnsafeXml, 'declares XML entities (<!ENTITY …> in its DOCTYPE), which no feed needs and which can expand without bound or read local files: refused unread');
  }
  const root = rootElement(xml);
  if (/^(?:html|head|body)$/i.test(root ?? '') || /^<!doctype\s+html/i.test(rest)) {
    throw new StatementsError(MODULE, FeedErrorCode.NotAFeed, 'returned an HTML page, not a feed: check the feed URL');
  }
  if (root !== null) return;
  if (/^\s*[[{]/.test(rest)) throw new StatementsError(MODULE, FeedErrorCode.NotAFeed, 'returned JSON, not an RSS or Atom feed (JSON Feed is not supported): check the feed URL');
  const start = rest.trimStart().slice(0, 24).replace(/[^\x20-\x7e]/g, '?');
  throw new StatementsError(MODULE, FeedErrorCode.NotAFeed, `is not XML (it starts with "${start}"): check the feed URL`);
}

/**
 * The DOCTYPE declaration at the start of `rest`, internal subset included; null when there is
 * none. Scanned by hand: a "]>" or ">" inside a quoted value or a comment does not end it.
 */
function doctypeAt(rest: string): string | null {
  if (!/^<!DOCTYPE/i.test(rest)) return null;
  let subset = 0;
  let quote: string | null = null;
  for (let i = '<!DOCTYPE'.length; i < rest.length; i++) {
    const c = rest.charAt(i);
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (rest.startsWith('<!--', i)) {
      const end = rest.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 2;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') subset++;
    else if (c === ']') subset--;
    else if (c === '>' && subset <= 0) return rest.slice(0, i + 1);
  }
  // No end to the declaration: all of the rest belongs to it.
  return rest;
}

/**
 * The `limit` newest entries (by date; undated ones after dated ones, earlier in the document
 * first), kept in document order. By date, not position: some feeds list the oldest first.
 */
function newest(entries: unknown[], limit: number, notAfter: number): unknown[] {
  if (entries.length <= limit) return entries;
  const order = entries.map((entry, index) => ({ index, published: entryDate(entry, notAfter) ?? Number.NEGATIVE_INFINITY }));
  order.sort((a, b) => b.published - a.published || a.index - b.index);
  const keep = new Set(order.slice(0, limit).map((o) => o.index));
  return entries.filter((_, index) => keep.has(index));
}

/** An entry's date as toFeedItem will read it, without checking the rest of the entry. */
function entryDate(entry: unknown, notAfter: number): number | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const fields = entry as Record<string, unknown>;
  const date = dateMs(toText(fields.isoDate)) ?? dateMs(toText(fields.pubDate));
  return date !== null && date <= notAfter ? date : null;
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
    if (first instanceof RangeError && /call stack/i.test(message)) {
      throw new StatementsError(MODULE, FeedErrorCode.Parse, 'elements are nested too deeply to read (thousands of levels)', { cause: first });
    }
    if (/not recognized as RSS/i.test(message)) {
      throw new StatementsError(MODULE, FeedErrorCode.NotAFeed, `is XML but not RSS or Atom (root element <${rootElement(xml) ?? '?'}>): check the feed URL`, { cause: first });
    }
    throw new StatementsError(MODULE, FeedErrorCode.Parse, `malformed feed XML: ${message.replace(/\s+/g, ' ').trim()}`, { cause: first });
  }
}

function dropInvalidDates(xml: string): string {
  return xml.replace(/<(published|updated)>([^<]*)<\/\1>/g, (whole, _tag: string, value: string) => (Number.isNaN(Date.parse(value.trim())) ? '' : whole));
}

function toFeedItem(raw: ParsedItem, feedId: string, baseUrl: string | undefined, notAfter: number): FeedItem | null {
  const guid = nonEmpty(raw.guid ?? raw.id);
  const link = raw.link === null ? null : articleLink(raw.link, baseUrl);
  const title = raw.title === null ? '' : shorten(cleanTitle(raw.title), MAX_TITLE_CHARS);
  // Nothing to tell this entry from another: it could only collide, so it is not an item.
  if (guid === null && link === null && title === '') return null;
  const date = dateMs(raw.isoDate) ?? dateMs(raw.pubDate);
  const published = date !== null && date <= notAfter ? date : null;
  // In RSS `content` is rss-parser's copy of the description; only Atom (no description field) carries full text there.
  const content = nonEmpty(raw['content:encoded']) ?? (raw.description === null ? nonEmpty(raw.content) : null);
  const summary = nonEmpty(raw.description) ?? nonEmpty(raw.summary) ?? nonEmpty(raw.contentSnippet);
  return { feedId, identity: itemIdentity({ guid, link, title, published }), guid, link, title, published, content, summary };
}

/**
 * The canonical link when it is a web page. The articles stage fetches item links, and a feed
 * must not steer it to file:, data: or javascript: URLs.
 */
function articleLink(link: string, baseUrl: string | undefined): string | null {
  const canonical = canonicalLink(link, baseUrl);
  return canonical !== null && /^https?:\/\//i.test(canonical) ? canonical : null;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
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
  const prolog = skipProlog(xml);
  const rest = skipProlog(prolog.slice(doctypeAt(prolog)?.length ?? 0));
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1] ?? null;
}
