/**
 * Splits an article into paragraphs (one per non-empty line, offsets into the original text) and
 * marks the ones that are page furniture rather than reporting.
 */

export type ParagraphKind = 'body' | 'headline' | 'boilerplate';

export interface Paragraph {
  start: number;
  end: number;
  kind: ParagraphKind;
}

// "Also read | …", "Photo – …", "Read more: …", "[Video: …]", share prompts, tweet chrome.
const BOILERPLATE_START =
  /^(?:(?:also read|read more|read also|related|see also|recommended|watch|listen|photo|photos|image|images|picture|file photo|video|caption|credit|correction|editor[’']s note|update)\s*[|:–—-]|(?:also read|read more|click here|sign up for|subscribe to|follow us|share this|advertisement)\b|follow [\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*)* on (?:twitter|facebook|instagram)\b)/iu;
const BRACKETED = /^\[[^\]]*\]\.?$/;
// Embedded tweet: "… — The White House (@WhiteHouse) February 15, 2022"
const TWEET_CHROME = /[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+\p{L}+ \d{1,2}, \d{4}\s*$/u;
const PHOTO_CREDIT = /\b(?:EPA-EFE|AP Photo|Getty Images|AFP via Getty|REUTERS\/|Reuters\/|Photograph:|Photo by|Photo credit)\b/;
const MAX_FURNITURE_LENGTH = 600;
const SENTENCE_END = /[.!?…"”’)\]]$/;

export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const length = text.length;
  let lineStart = 0;
  while (lineStart <= length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) paragraphs.push({ start, end, kind: classify(text.slice(start, end)) });
    lineStart = lineEnd + 1;
  }
  return paragraphs;
}

function classify(line: string): ParagraphKind {
  // Credits and tweet chrome mark a caption or an embed only on a line of their own size.
  const short = line.length <= MAX_FURNITURE_LENGTH;
  if (BOILERPLATE_START.test(line) || BRACKETED.test(line) || (short && (TWEET_CHROME.test(line) || PHOTO_CREDIT.test(line)))) {
    return 'boilerplate';
  }
  // A short line without closing punctuation is a headline, sub-head or dateline.
  if (!SENTENCE_END.test(line) && line.split(/\s+/).length <= 20) return 'headline';
  return 'body';
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2009 || code === 0x202f || code === 0x200b || code === 0xfeff || (code >= 0x2000 && code <= 0x200a);
}
