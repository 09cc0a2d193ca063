/** Article text is untrusted: what every rendering does to it before showing it to a person. */

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
