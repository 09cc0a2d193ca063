/**
 * Articles: the readable text of feed items. Pure functions over plain data; the only I/O is the
 * page fetcher the caller passes in.
 */
export { articleFromItem, FULL_TEXT_MIN_CHARS, type PageFetcher } from './article.js';
export { isBoilerplateLine, removeBoilerplate } from './boilerplate.js';
export { htmlToText } from './html-text.js';
export { readablePageText } from './readable.js';
