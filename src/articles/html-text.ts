/** HTML to plain article text: one paragraph per block, blank lines between, furniture dropped. */
import { type DomElement, type DomNode, bodyOf, isElement, parseDocument, TEXT_NODE } from './dom.js';
import { isFurniture, isTweet, tweetParagraphs } from './furniture.js';

/** Elements that start and end a paragraph; text directly inside them is a paragraph of its own. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** One `<br>` is a line break inside a paragraph; two in a row (`<br><br>`) end the paragraph. */
const LINE_BREAK = '\n';
const PARAGRAPH_BREAK = /\n *\n/;

// Invisible characters that would otherwise glue or split words.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export function htmlToText(html: string): string {
  const body = bodyOf(parseDocument(html));
  return body === null ? '' : elementText(body);
}

/** The paragraphs under `root`, walked with an explicit stack so deep nesting cannot overflow. */
export function elementText(root: DomElement): string {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = (): void => {
    for (const part of buffer.split(PARAGRAPH_BREAK)) {
      const text = collapseWhitespace(part);
      if (text !== '') paragraphs.push(text);
    }
    buffer = '';
  };
  // `null` marks the end of a block element.
  const stack: (DomNode | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      // Source line breaks are only whitespace; only <br> makes a break.
      buffer += (node.textContent ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.localName;
    if (tag === 'br') {
      buffer += LINE_BREAK;
      continue;
    }
    if (tag === 'hr') {
      flush();
      continue;
    }
    if (node !== root && isFurniture(node)) continue;
    if (isTweet(node)) {
      flush();
      for (const text of tweetParagraphs(node)) {
        buffer = text;
        flush();
      }
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push(null);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  flush();
  return paragraphs.join('\n\n');
}
