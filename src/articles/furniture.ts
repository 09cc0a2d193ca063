/**
 * Page furniture: the elements that are never article text (scripts, navigation, captions, ads,
 * share bars), and embedded social posts, whose text may matter but whose chrome does not.
 */
import type { DomElement } from './dom.js';

const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'aside', 'figure', 'figcaption', 'footer', 'form',
  'iframe', 'object', 'embed', 'video', 'audio', 'picture', 'img', 'svg', 'canvas', 'button', 'select',
  'input', 'textarea', 'label', 'dialog', 'menu', 'head', 'title', 'meta', 'link',
]);

// Whole class or id tokens only: "ad" must not catch "lead" or "header".
const FURNITURE_NAME =
  /^(?:ads?|advert(?:isement)?s?|ad[-_].+|.+[-_]ads?|sponsor(?:ed)?|promo(?:tion)?s?|share|sharing|share[-_].+|.+[-_]share|social(?:[-_].+)?|related(?:[-_].+)?|.+[-_]related|newsletter(?:[-_].+)?|subscribe|paywall|outbrain|taboola|comments?|breadcrumbs?|byline)$/i;

// Posts embedded from social sites; only tweets carry words worth keeping.
const TWEET_CLASS = /(?:^|\s)twitter-(?:tweet|video)(?:\s|$)/;
const OTHER_EMBED_CLASS = /(?:^|\s)(?:instagram-media|tiktok-embed|fb-post|reddit-card)(?:\s|$)/;

/** Elements that are structure and must never be dropped for their class names. */
const NEVER_DROPPED = new Set(['html', 'body', 'main', 'article']);

export function isFurniture(el: DomElement): boolean {
  return DROPPED_TAGS.has(el.localName) || isFurnitureByName(el);
}

/** Furniture by its class, id, role or visibility, whatever the tag. */
export function isFurnitureByName(el: DomElement): boolean {
  if (NEVER_DROPPED.has(el.localName)) return false;
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'complementary' || role === 'banner' || role === 'contentinfo') return true;
  const klass = el.getAttribute('class') ?? '';
  if (OTHER_EMBED_CLASS.test(klass)) return true;
  const names = `${klass} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
  return names.some((name) => name !== '' && FURNITURE_NAME.test(name));
}

export function isTweet(el: DomElement): boolean {
  return el.localName === 'blockquote' && TWEET_CLASS.test(el.getAttribute('class') ?? '');
}

/** Class names Readability must keep so that `htmlToText` still recognises embeds in its output. */
export const EMBED_CLASSES = ['twitter-tweet', 'twitter-video', 'instagram-media', 'tiktok-embed', 'fb-post', 'reddit-card'];

const LINK_CHROME = /(?:https?:\/\/\S+|pic\.twitter\.com\/\S+)/g;

/**
 * The words of an embedded tweet: its `<p>`s without links to the post itself; the
 * "— Name (@handle) date" trailer outside them is chrome.
 */
export function tweetParagraphs(el: DomElement): string[] {
  const out: string[] = [];
  const paragraphs = el.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length; i++) {
    const text = paragraphs[i]?.textContent ?? '';
    out.push(text.replace(LINK_CHROME, ' '));
  }
  return out;
}
