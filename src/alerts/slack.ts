/**
 * An alert as a Slack Block Kit message: header, outlet and time, the lead, one section per quote
 * with speaker and role, who and what matched, a link button, and a fallback text for
 * notifications. Within Slack's limits (50 blocks, 3,000 characters a section, 150 a header), cut
 * with an ellipsis rather than refused. Every piece of article text is escaped, so `<!channel>`,
 * `<!here>` or `<@U…>` in a feed pings nobody and `<https://x|y>` links nowhere.
 */
import type { ActionsBlock, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { Alert, AlertQuote } from '../model/index.js';
import { cleanText, fitEscaped, speakerLine, webLink } from './text.js';

export const SLACK_LIMITS = { blocks: 50, section: 3_000, header: 150, button: 75, url: 3_000, fallback: 500 } as const;

export interface SlackMessage {
  /** Fallback for notifications and clients without blocks; escaped like the blocks. */
  text: string;
  blocks: KnownBlock[];
}

const SLACK_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escapeChar = (ch: string): string => SLACK_ESCAPES[ch] ?? ch;

/** Slack's three control characters; everything else is shown as written. */
export function escapeSlack(text: string): string {
  return text.replace(/[&<>]/g, escapeChar);
}

/** Cleaned, escaped and cut so that the escaped text fits `limit` (an entity is never split). */
export function slackText(text: string, limit: number): string {
  return fitEscaped(cleanText(text), limit, escapeChar);
}

export function slackAlert(alert: Alert): SlackMessage {
  const header: HeaderBlock = { type: 'header', text: { type: 'plain_text', text: slackText(alert.title, SLACK_LIMITS.header) || 'News', emoji: false } };
  const top: KnownBlock[] = [header];
  const meta = [alert.outlet === null ? '' : `*${slackText(alert.outlet, 200)}*`, alert.published === null ? '' : slackDate(alert.published)].filter((m) => m !== '');
  const also = alert.alsoReportedBy ?? [];
  if (also.length > 0) meta.push(`also reported by ${slackText(also.join(', '), 600)}`);
  if (meta.length > 0) top.push(context(meta.join(' · ')));
  const lead = alert.lead.join(' ');
  if (cleanText(lead) !== '') top.push(section(slackText(lead, SLACK_LIMITS.section)));

  const bottom: KnownBlock[] = [];
  const tags: string[] = [];
  if (alert.actors.length > 0) tags.push(`*Who:* ${slackText(alert.actors.join(', '), 900)}`);
  if (alert.keywords.length > 0) tags.push(`*Topics:* ${slackText(alert.keywords.join(', '), 900)}`);
  if (tags.length > 0) bottom.push(context(tags.join('   ')));
  const link = webLink(alert.url);
  if (link !== null && link.length <= SLACK_LIMITS.url) {
    const label = alert.outlet === null ? 'Read the article' : `Read at ${cleanText(alert.outlet)}`;
    const actions: ActionsBlock = {
      type: 'actions',
      elements: [{ type: 'button', action_id: 'open_article', text: { type: 'plain_text', text: slackText(label, SLACK_LIMITS.button), emoji: false }, url: link }],
    };
    bottom.push(actions);
  }

  const room = SLACK_LIMITS.blocks - top.length - bottom.length;
  const quotes = alert.quotes.slice(0, Math.max(0, room)).map((q) => section(quoteText(q)));
  return { text: fallback(alert), blocks: [...top, ...quotes, ...bottom] };
}

/** `>“words”` and `— *Speaker*, Role`; reported speech is not the speaker's words: no marks. */
function quoteText(quote: AlertQuote): string {
  const speaker = quote.speaker === null || cleanText(quote.speaker) === '' ? '' : `*${slackText(quote.speaker, 150)}*`;
  const role = quote.role === null || cleanText(quote.role) === '' ? '' : slackText(quote.role, 150);
  const who = [speaker, role].filter((p) => p !== '').join(', ');
  const attribution = who === '' ? '' : `\n— ${who}`;
  const marks = quote.kind === 'indirect' ? 0 : 2;
  const words = slackText(quote.quote, SLACK_LIMITS.section - attribution.length - marks - 1);
  return `>${marks === 0 ? words : `“${words}”`}${attribution}`;
}

function fallback(alert: Alert): string {
  const first = alert.quotes[0];
  const who = first === undefined ? '' : speakerLine(first.speaker, null);
  const quote = first === undefined ? '' : ` — ${who === '' ? '' : `${who}: `}${first.kind === 'indirect' ? first.quote : `“${first.quote}”`}`;
  return slackText(`${alert.title}${quote}`, SLACK_LIMITS.fallback);
}

/** Slack shows the time in each reader's own time zone; the fallback is UTC. */
function slackDate(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '';
  const utc = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} at {time}|${utc}>`;
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** A digest as one message: a header, then per story its linked headline, outlet and best quote. */
export function slackDigest(digest: { period: string; alerts: readonly Alert[] }): SlackMessage {
  const count = digest.alerts.length;
  const heading = `${count} ${count === 1 ? 'story' : 'stories'} (${digest.period} digest)`;
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: heading, emoji: false } }];
  // Two blocks a story, and room kept for the "and N more" line.
  const room = Math.floor((SLACK_LIMITS.blocks - 2) / 2);
  for (const alert of digest.alerts.slice(0, room)) {
    const link = webLink(alert.url);
    // In <url|text>, the text must not end the link: escaped, with any "|" replaced.
    const title = slackText(alert.title, 300).replace(/\|/g, '¦');
    const headline = link === null || link.length > 2_000 ? `*${title}*` : `*<${link.replace(/\|/g, '%7C').replace(/>/g, '%3E')}|${title}>*`;
    const quote = alert.quotes[0];
    blocks.push(section(quote === undefined ? headline : `${headline}\n${quoteText(quote)}`.slice(0, SLACK_LIMITS.section)));
    const meta = [alert.outlet === null ? '' : slackText(alert.outlet, 200), alert.published === null ? '' : slackDate(alert.published)].filter((m) => m !== '');
    if (meta.length > 0) blocks.push(context(meta.join(' · ')));
  }
  if (count > room) blocks.push(context(`… and ${count - room} more`));
  return { text: slackText(`${heading}: ${digest.alerts.map((a) => a.title).join(' · ')}`, SLACK_LIMITS.fallback), blocks };
}
