/**
 * Lines of page furniture that survive HTML cleaning because they are ordinary paragraphs:
 * "Also read | …", captions, share and sign-up prompts, credits, and a trailing list of related
 * headlines. Text in, text out; paragraphs are lines, blank lines between them are kept as one.
 */

// A label and a separator: "Also read | …", "Photo – …", "Read more: …".
const LABELLED =
  /^(?:also read|read also|read more|see also|more on this|recommended|related(?: stories| articles| coverage| news| content| reading)?|watch|listen|photo|photos|image|images|picture|file photo|video|caption|credit|advertisement)\s*[|:–—-]/i;
// Calls to action, whatever follows.
const PROMPT =
  /^(?:click here|tap here|sign up for|sign up to|subscribe to|subscribe now|subscribe here|follow us|like us on|join us on|download (?:the|our) app|share this|share on|share via|copy link|get the latest|get our)\b/i;
// Lone labels of buttons and slots.
const LABEL_ONLY =
  /^(?:advertisement|ad|sponsored|share|share this(?: article| story)?|tweet|email|print|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy link|comments?|continue reading|story continues below(?: advertisement)?|scroll to continue(?: with content)?)[.:]?$/i;
// Wire credits: "(Reporting by …; Editing by …)".
const CREDIT = /^\(?(?:(?:additional )?reporting|writing|editing|compiled) by\b/i;
// The heading of a closing list of other stories.
const RELATED_HEADING =
  /^(?:related(?: stories| articles| coverage| news| content| reading| topics| links)?|more (?:stories|news|on this story|from [^.]{1,40})|read next|what to read next|you (?:may|might) also like|most (?:read|popular|viewed)|trending(?: now)?|top stories|latest news|recommended(?: for you| stories)?)\s*:?$/i;

/** A paragraph longer than this is reporting, whatever it starts with. */
const MAX_FURNITURE_CHARS = 600;
/** Entries of a related-stories list are headlines, never longer than this. */
const MAX_HEADLINE_CHARS = 200;

export function isBoilerplateLine(line: string): boolean {
  if (line.length > MAX_FURNITURE_CHARS) return false;
  return LABELLED.test(line) || PROMPT.test(line) || LABEL_ONLY.test(line) || CREDIT.test(line);
}

export function removeBoilerplate(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const end = relatedListStart(lines);
  return lines
    .slice(0, end)
    .filter((line) => !isBoilerplateLine(line))
    .join('\n\n');
}

/** Where a trailing "Related" list begins: a heading followed only by headline-sized lines. */
function relatedListStart(lines: readonly string[]): number {
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (RELATED_HEADING.test(line)) start = i;
    else if (line.length > MAX_HEADLINE_CHARS) break;
  }
  return start;
}
