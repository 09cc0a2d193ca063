/** Article text is untrusted: what every rendering does to it before showing it to a person. */
import { truncate } from './quotes.js';

// Control characters could move a terminal's cursor or break a chat payload, and bidirectional
// overrides could disguise a link.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g;

/** One line of safe text: control and bidi-override characters out, whitespace collapsed. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/** "Speaker, Role", or "" when neither is known. */
export function speakerLine(speaker: string | null, role: string | null): string {
  return [speaker, role].filter((p): p is string => p !== null && p.trim() !== '').map(cleanText).join(', ');
}

/** Only web links become links or buttons: never javascript:, data: or file: from a feed. */
export function webLink(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * `text` rendered character by character with `escape` (a platform's escaping, which can only
 * lengthen a character) and cut so that the rendering fits `limit`, ellipsis included: an
 * escape is never split, nor an emoji, and the cut falls at a word end when one is near.
 */
export function fitEscaped(text: string, limit: number, escape: (ch: string) => string): string {
  const render = (s: string): string => {
    let out = '';
    for (const ch of s) out += escape(ch);
    return out;
  };
  const full = render(text);
  if (full.length <= limit) return full;
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const cost = escape(ch).length;
    if (used + cost > limit - 1) break;
    used += cost;
    end += ch.length;
  }
  return render(truncate(text, end + 1));
}
