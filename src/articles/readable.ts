/** The main text of an article page, found by @mozilla/readability over a linkedom document. */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { type DomDocument, bodyOf, parseDocument } from './dom.js';
import { EMBED_CLASSES, isFurnitureByName } from './furniture.js';
import { collapseWhitespace, htmlToText } from './html-text.js';

// Stripped before Readability scores the page: they only ever add noise to its candidates. Forms
// stay: some sites wrap the whole page in one.
const PRE_STRIPPED = 'script, style, noscript, template, nav, aside, footer, iframe';
// Readability drops class names, so ads and share bars must go while they can still be recognised.
const NAMED = '[class], [id], [role], [hidden], [aria-hidden]';

/**
 * The article text of a page, paragraphs separated by blank lines, or null when Readability finds
 * no article. `url` is the page's address; the text keeps no links, so nothing is resolved against it.
 */
export function readablePageText(html: string, url: string): string | null {
  const document = parseDocument(html);
  if (bodyOf(document) === null) return null;
  removeAll(document, PRE_STRIPPED);
  for (const el of Array.from(document.querySelectorAll(NAMED))) if (isFurnitureByName(el)) el.remove();
  // Readability gives up on short pages by itself; a "no" here only says it may, so try anyway.
  const likely = isProbablyReaderable(document);
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(document, { classesToPreserve: EMBED_CLASSES, charThreshold: likely ? 500 : 200 }).parse();
  } catch {
    // Readability walks arbitrary markup; a page it cannot read is a page without an article.
    return null;
  }
  const content = parsed?.content;
  if (content === null || content === undefined) return null;
  const text = htmlToText(content);
  if (text === '') return null;
  return dropLeadingTitle(text, [parsed?.title ?? '']);
}

function removeAll(document: DomDocument, selectors: string): void {
  // Copied first: removing while iterating a live list would skip elements.
  for (const el of Array.from(document.querySelectorAll(selectors))) el.remove();
}

const comparable = (text: string): string => collapseWhitespace(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Drops a first paragraph that only repeats a title (pages repeat the headline in the body). */
export function dropLeadingTitle(text: string, titles: readonly string[]): string {
  const cut = text.indexOf('\n\n');
  const first = comparable(cut === -1 ? text : text.slice(0, cut));
  if (first === '') return text;
  for (const title of titles) {
    const t = comparable(title);
    if (t !== '' && (t === first || t.startsWith(`${first} `))) return cut === -1 ? '' : text.slice(cut + 2);
  }
  return text;
}
