/**
 * rss-parser's output, checked. Its types promise strings, but xml2js hands over objects for
 * elements with attributes (`<guid isPermaLink="false">`, `<title type="html">`) and arrays for
 * repeated ones; this schema turns each field into a string or null whatever arrived.
 */
import { z } from 'zod';

export function toText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return toText(value[0]);
  if (typeof value === 'object' && value !== null && '_' in value) return toText(value._);
  return null;
}

const text = z.unknown().optional().transform(toText);

export const ParsedItemSchema = z.object({
  title: text,
  link: text,
  guid: text,
  /** Atom entry id. */
  id: text,
  isoDate: text,
  pubDate: text,
  /** RSS: rss-parser copies description here; Atom: the entry's content. */
  content: text,
  'content:encoded': text,
  /** A custom field: present only in RSS/RDF, which tells the two meanings of `content` apart. */
  description: text,
  /** Atom summary. */
  summary: text,
  contentSnippet: text,
});

export const ParserOutputSchema = z.object({
  title: text,
  ttl: text,
  items: z.array(z.unknown()).default([]),
});

export type ParsedItem = z.output<typeof ParsedItemSchema>;
