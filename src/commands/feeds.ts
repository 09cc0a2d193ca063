/**
 * feeds add / feeds remove: channel managers add news sources from chat. The address is checked
 * and the feed fetched and parsed once before it is kept, so a typo, a web page or an address
 * the bot may not reach is refused on the spot, with the reason, instead of failing later.
 */
import { truncate } from '../alerts/index.js';
import { inlineCode, onlyCaller, toChannel } from './format.js';
import type { CommandContext, Reply } from './types.js';

/** A link longer than this is not a feed anybody typed. */
const MAX_URL_CHARS = 2_000;

export async function handleFeedAdd(url: string, ctx: CommandContext): Promise<Reply> {
  if (!ctx.canManage) return onlyCaller('Only people who can manage this channel can add feeds. Ask a channel manager, or type `feeds` to see the feeds watched now.');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return onlyCaller(`${inlineCode(truncate(url, 80))} is not a link. Give the whole address of an RSS or Atom feed, e.g. ${inlineCode('feeds add https://example.org/news/rss.xml')}.`);
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || url.length > MAX_URL_CHARS) {
    return onlyCaller(`Only http:// and https:// feeds can be added from chat (not ${inlineCode(parsed.protocol)}).`);
  }
  const result = await ctx.addFeed(parsed.href);
  if (!result.ok) return onlyCaller(`I did not add that feed: ${result.message}`);
  const name = result.title === null ? inlineCode(result.id) : `**${result.title}** (${inlineCode(result.id)})`;
  return toChannel(`Feed added: ${name}, ${result.items} item${result.items === 1 ? '' : 's'} now. What is already there is not alerted; new statements in it will be, to every channel that subscribed to their actors or topics. ${inlineCode(`feeds remove ${result.id}`)} undoes it.`);
}

export async function handleFeedRemove(id: string, ctx: CommandContext): Promise<Reply> {
  if (!ctx.canManage) return onlyCaller('Only people who can manage this channel can remove feeds.');
  const result = await ctx.removeFeed(id);
  if (!result.ok) return onlyCaller(result.message);
  return toChannel(`Feed removed: ${result.title === null ? inlineCode(result.id) : `**${result.title}** (${inlineCode(result.id)})`}. Its statements already found stay searchable.`);
}


