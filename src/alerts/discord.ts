/**
 * An alert as a Discord embed: the headline linking to the article, the lead, one field per quote
 * (speaker and role above the words), who and what matched, the outlet and the time. Within
 * Discord's limits (title 256, description 4096, 25 fields of 256/1,024, footer 2048, 6,000 in
 * all), cut with an ellipsis rather than refused. Article text cannot ping: messages are sent with
 * `allowed_mentions.parse` empty, and mentions in the text are broken up as well so they do not
 * even render as one; markdown in it is escaped so it shows as written.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Alert, AlertQuote } from '../model/index.js';
import { truncate } from './quotes.js';
import { cleanText, fitEscaped, webLink } from './text.js';

export const DISCORD_LIMITS = { title: 256, description: 4_096, fields: 25, fieldName: 256, fieldValue: 1_024, footer: 2_048, author: 256, total: 6_000, content: 2_000 } as const;

const ACCENT = 0x1d3557;
const ZWSP = '\u200b';

/** @everyone, @here, <@id>, <@!id>, <@&role>, <#channel> shown as written, never as mentions. */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/g, `@${ZWSP}$1`).replace(/<(@[!&]?|#)(\d+)>/g, `<$1${ZWSP}$2>`);
}

// Markdown characters, and brackets (a masked link [text](url) renders in embeds).
const MARKDOWN = /[\\*_~`|[\]]/;
const escapeChar = (ch: string): string => (MARKDOWN.test(ch) ? `\\${ch}` : ch);

/** Article text for Discord: cleaned, mentions defused, markdown escaped, cut to `limit` (ellipsis). */
export function discordText(text: string, limit: number): string {
  const clean = defuseMentions(cleanText(text));
  // A heading, quote or list marker at the start would format the whole line.
  const lead = /^[#>-]/.test(clean) ? '\\' : '';
  return lead + fitEscaped(clean, limit - lead.length, escapeChar);
}

export function discordAlert(alert: Alert): APIEmbed {
  const link = webLink(alert.url);
  const embed: APIEmbed = { color: ACCENT, title: discordText(alert.title, DISCORD_LIMITS.title) || 'News', ...(link === null ? {} : { url: link }) };
  const lead = cleanText(alert.lead.join(' '));
  if (lead !== '') embed.description = discordText(lead, 1_000);
  const tags: APIEmbedField[] = [];
  if (alert.actors.length > 0) tags.push({ name: 'Who', value: discordText(alert.actors.join(', '), 300), inline: true });
  if (alert.keywords.length > 0) tags.push({ name: 'Topics', value: discordText(alert.keywords.join(', '), 300), inline: true });
  const quotes = alert.quotes.slice(0, DISCORD_LIMITS.fields - tags.length).map(quoteField);
  const also = (alert.alsoReportedBy ?? []).map(cleanText).filter((o) => o !== '');
  const footer = [alert.outlet === null ? '' : cleanText(alert.outlet), also.length > 0 ? `also reported by ${also.join(', ')}` : ''].filter((p) => p !== '').join(' · ');
  if (footer !== '') embed.footer = { text: truncate(footer, 600) };
  if (alert.published !== null && !Number.isNaN(new Date(alert.published).getTime())) embed.timestamp = new Date(alert.published).toISOString();
  // The 6,000-character total: the last quotes give way first, the tags and the link never.
  while (quotes.length > 0 && size({ ...embed, fields: [...quotes, ...tags] }) > DISCORD_LIMITS.total) quotes.pop();
  embed.fields = [...quotes, ...tags];
  return embed;
}

function quoteField(quote: AlertQuote): APIEmbedField {
  const who = [quote.speaker, quote.role].filter((p): p is string => p !== null && cleanText(p) !== '').map(cleanText).join(', ');
  const name = who === '' ? 'Unattributed' : discordText(who, DISCORD_LIMITS.fieldName);
  const marks = quote.kind === 'indirect' ? 0 : 2;
  const words = discordText(quote.quote, DISCORD_LIMITS.fieldValue - 2 - marks);
  return { name, value: `> ${marks === 0 ? words : `“${words}”`}` };
}

/** Characters Discord counts towards an embed's 6,000. */
function size(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
}

/** A digest as one embed: per story its linked headline, outlet and best quote, within 4,096 characters. */
export function discordDigest(digest: { period: string; alerts: readonly Alert[] }): APIEmbed {
  const count = digest.alerts.length;
  const lines: string[] = [];
  let length = 0;
  for (const [i, alert] of digest.alerts.entries()) {
    const link = webLink(alert.url);
    const title = discordText(alert.title, 200);
    const headline = link === null ? `**${title}**` : `**[${title}](${link.replace(/\)/g, '%29')})**`;
    const quote = alert.quotes[0];
    const who = quote === undefined ? '' : [quote.speaker, quote.role].filter((p): p is string => p !== null && p.trim() !== '').join(', ');
    const words = quote === undefined ? '' : discordText(quote.quote, 300);
    const line = [headline, alert.outlet === null ? '' : discordText(alert.outlet, 100), quote === undefined ? '' : `${who === '' ? '' : `${discordText(who, 150)}: `}${quote.kind === 'indirect' ? words : `“${words}”`}`].filter((p) => p !== '').join(' · ');
    const more = `… and ${count - i} more`;
    if (length + line.length + 1 > DISCORD_LIMITS.description - more.length - 1) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return { color: ACCENT, title: `${count} ${count === 1 ? 'story' : 'stories'} (${digest.period} digest)`, description: lines.join('\n') };
}
