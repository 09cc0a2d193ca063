/**
 * `/statements <term>`: what an actor and its people said, newest first; else statements that
 * mention the term; else a helpful answer. Never an empty reply.
 */
import { truncate } from '../alerts/index.js';
import type { StoredStatement } from '../model/index.js';
import type { StatementQuery } from '../store/types.js';
import { inlineCode, note, sinceText, statementLine } from './format.js';
import { affiliatedActorIds, fold, resolveActor, resolveKeyword, suggestions } from './resolve.js';
import type { Command, CommandContext, Reply } from './types.js';

type Query = Extract<Command, { kind: 'query' }>;

/** Shorter words ("us", "eu") would find them inside every other word. */
const MIN_SEARCH_CHARS = 4;

export async function handleQuery(command: Query, ctx: CommandContext): Promise<Reply> {
  const since = command.since === null ? undefined : ctx.now - command.since;
  const window = command.since === null ? '' : ` in ${sinceText(command.since)}`;
  const find = (query: Omit<StatementQuery, 'since' | 'limit'>): Promise<Listed[]> => distinct(ctx, [{ ...query, since, limit: command.limit }]);
  const shown = `“${truncate(command.term, 60)}”`;

  if (command.term === '') {
    const items = await find({});
    return items.length > 0 ? listReply(`**Latest statements${window}**`, items, ctx) : note(`No statements recorded${window} yet.`);
  }

  const actor = resolveActor(command.term, ctx.watchlist, ctx.matcher);
  if (actor !== undefined) {
    const ids = affiliatedActorIds(ctx.watchlist, actor.id);
    const who = `**${actor.name}**${ids.length > 1 ? ' and its people' : ''}`;
    const spoken = await find({ speakerIds: ids });
    if (spoken.length > 0) return listReply(`Latest statements by ${who}${window}:`, spoken, ctx);
    // The name as written and as typed: "putin" finds "Putin" where "Vladimir Putin" would not.
    const spellings = [...new Set([actor.name, command.term].filter((t) => t.length >= MIN_SEARCH_CHARS).map((t) => t.toLowerCase()))];
    const mentioning = await distinct(ctx, spellings.map((text) => ({ text, since, limit: command.limit })));
    if (mentioning.length > 0) return listReply(`Nothing said by ${who}${window}. Statements that mention ${actor.name}:`, mentioning, ctx);
    return note(`Nothing said by or about **${actor.name}**${window} yet. To hear of it when it happens: ${inlineCode(`subscribe ${actor.name}`)}.`);
  }

  const keyword = resolveKeyword(command.term, ctx.watchlist);
  const mentioning = await find({ text: keyword?.label ?? command.term });
  if (keyword !== undefined) {
    if (mentioning.length > 0) return listReply(`Statements that mention **${keyword.label}**${window}:`, mentioning, ctx);
    return note(`No statement mentions **${keyword.label}**${window} yet. To hear of it when it happens: ${inlineCode(`subscribe ${keyword.label}`)}.`);
  }
  if (mentioning.length > 0) return listReply(`${shown} is not on the watchlist; statements that mention it${window}:`, mentioning, ctx);
  const close = suggestions(command.term, ctx.watchlist);
  const hint = close.length > 0 ? ` Did you mean ${close.map((n) => inlineCode(n)).join(' or ')}?` : '';
  return note(`I found nothing for ${shown}: it is not on the watchlist and no statement mentions it${window}.${hint} Type ${inlineCode('actors')} to see who is watched, or ${inlineCode('help')}.`);
}

/** A statement as listed: once, with the other outlets that carried the same words. */
type Listed = StoredStatement & { alsoIn: string[] };

/**
 * The queries' results merged newest first, the same words from the same speaker shown once, with
 * the other outlets that carried them (wire copy repeats quotes across outlets). Asks for extra
 * rows so dropping repeats still fills the limit.
 */
async function distinct(ctx: CommandContext, queries: readonly StatementQuery[]): Promise<Listed[]> {
  const limit = queries[0]?.limit ?? 0;
  const results = await Promise.all(queries.map((q) => ctx.store.queryStatements({ ...q, limit: Math.min(q.limit * 2, 100) })));
  const rows = results.flat().sort((a, b) => (b.published ?? b.seenAt) - (a.published ?? a.seenAt));
  const shown = new Map<string, Listed>();
  for (const row of rows) {
    const key = `${row.speakerId ?? row.speaker ?? ''}|${fold(row.quote)}`;
    const first = shown.get(key);
    if (first === undefined) {
      if (shown.size < limit) shown.set(key, { ...row, alsoIn: [] });
    } else if (row.outlet !== null && row.outlet !== first.outlet && !first.alsoIn.includes(row.outlet)) {
      first.alsoIn.push(row.outlet);
    }
  }
  return [...shown.values()];
}

function listReply(header: string, items: Listed[], ctx: CommandContext): Reply {
  return { text: [header, ...items.map((s) => statementLine(s, ctx.now, s.alsoIn))].join('\n'), ephemeral: true, items };
}

