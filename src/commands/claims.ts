/**
 * `on <topic>`: the claims board, who says what on a topic side by side (Russia says its troops
 * are returning to base; NATO, the UK and the US see no evidence). The topic is a watchlist
 * keyword by its label or any variant (`on withdrawal` is troop withdrawal, every phrase of it
 * counting), else the words as typed. One line per speaker with their latest statement on it,
 * newest first; statements nobody is named for share one line at the end.
 */
import { truncate } from '../alerts/index.js';
import type { StoredStatement } from '../model/index.js';
import { inlineCode, note, sinceText, statementLine } from './format.js';
import { fit } from './info.js';
import { resolveKeyword, suggestions } from './resolve.js';
import type { Command, CommandContext, Reply } from './types.js';

type Claims = Extract<Command, { kind: 'claims' }>;

/**
 * Excerpt lengths tried in turn until every speaker fits one message; shorter than a query's
 * excerpts, as a board is for comparing at a glance. What still does not fit is counted.
 */
const EXCERPT_CHARS = [140, 120, 100, 85, 70];

export async function handleClaims(command: Claims, ctx: CommandContext): Promise<Reply> {
  const keyword = resolveKeyword(command.topic, ctx.watchlist);
  const phrases = keyword === undefined ? [command.topic] : [keyword.label, ...keyword.variants];
  const since = command.since === null ? undefined : ctx.now - command.since;
  const window = command.since === null ? '' : ` in ${sinceText(command.since)}`;
  const shown = `“${truncate(command.topic, 60)}”`;

  // One group more than asked for: the unattributed one may be among them, and goes last.
  const found = await ctx.store.latestBySpeaker({ phrases, since, limit: command.limit + 1 });
  const unattributed = (s: StoredStatement): boolean => s.speaker === null && s.speakerId === null;
  const named = found.filter((s) => !unattributed(s)).slice(0, command.limit);
  const items = [...named, ...found.filter(unattributed)];

  if (items.length === 0) {
    if (keyword !== undefined) {
      return note(`Nobody has said anything on **${keyword.label}**${window} yet. To hear of it when it happens: ${inlineCode(`subscribe ${keyword.label}`)}.`);
    }
    const close = suggestions(command.topic, ctx.watchlist);
    const hint = close.length > 0 ? ` Did you mean ${close.map((n) => inlineCode(`on ${n}`)).join(' or ')}?` : '';
    return note(`I found nothing on ${shown}: it is not a watchlist keyword and no statement mentions it${window}.${hint} Type ${inlineCode('help')} to see what I understand.`);
  }
  const header =
    keyword === undefined
      ? `${shown} is not a watchlist keyword; what each speaker last said that mentions it${window}, newest first:`
      : `**Who says what on ${keyword.label}**${window}: each speaker’s latest statement on it, newest first:`;
  // Where the quote mentions the topic, so that a short excerpt still shows it.
  const topic = command.topic.toLowerCase();
  const mention = (text: string): number =>
    keyword === undefined ? text.toLowerCase().indexOf(topic) : (ctx.matcher.scan(text).find((h) => h.kind === 'keyword' && h.id === keyword.id)?.start ?? -1);
  let text = '';
  for (const chars of EXCERPT_CHARS) {
    const lines = [header, ...items.map((s) => statementLine(board(s, chars, mention, ctx), ctx.now))];
    text = fit(lines, 'more speakers');
    if (text === lines.join('\n')) break;
  }
  return { text, ephemeral: true, items };
}

/**
 * The statement as its board line shows it: a shorter excerpt around the mention of the topic,
 * and the actor's name when only the id is known.
 */
function board(s: StoredStatement, chars: number, mention: (text: string) => number, ctx: CommandContext): StoredStatement {
  const speaker = s.speaker ?? (s.speakerId === null ? null : (ctx.matcher.actor(s.speakerId)?.name ?? null));
  const quote = s.quote.replace(/\s+/g, ' ').trim();
  return { ...s, speaker, quote: excerpt(quote, mention(quote), chars) };
}

/** At most `chars` of `text` showing position `at` (-1: none) with some words before it, cut at words with "…". */
export function excerpt(text: string, at: number, chars: number): string {
  // Enough room after the mention for the words that make the claim.
  if (text.length <= chars || at < 0 || at < chars / 2) return truncate(text, chars);
  const start = Math.max(0, Math.min(at - Math.floor(chars / 4), text.length - chars + 2));
  const space = text.indexOf(' ', start);
  const from = space === -1 || space >= at ? start : space + 1;
  return truncate(`…${text.slice(from)}`, chars);
}

