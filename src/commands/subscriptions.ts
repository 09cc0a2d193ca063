/**
 * subscribe / unsubscribe / list.
 *
 * Model: one Subscription row per channel, holding every actor and keyword the channel follows
 * (OR: any one of them is enough). The outbox is unique per (subscription, story), so one row per
 * channel is what guarantees a channel hears of a story once. A row with no filters hears every
 * alert; so removing a channel's last filter deletes its row instead of leaving it empty.
 *
 * A change replaces the row in place (same id, which the outbox keys on; same creation time).
 * Several rows of one channel (written by config) are merged into the first the first time the
 * channel changes them.
 */
import { DAILY_DIGEST_HOUR_UTC } from '../deliveries/digest.js';
import type { DigestPeriod, Subscription } from '../model/index.js';
import { inlineCode, listing, onlyCaller, toChannel } from './format.js';
import { affiliatedActorIds, resolveTerm, suggestions, type Resolved } from './resolve.js';
import type { Command, CommandContext, Reply } from './types.js';

interface Filters {
  actors: string[];
  keywords: string[];
  /** Gathered per period; null: one message per alert. */
  digest: DigestPeriod | null;
}

export async function handleSubscribe(command: Extract<Command, { kind: 'subscribe' }>, ctx: CommandContext): Promise<Reply> {
  if (!ctx.canManage) return refused();
  const resolved = resolveAll(command.terms, ctx);
  if (!resolved.ok) return resolved.reply;
  const rows = await ctx.store.subscriptions(ctx.channel);
  if (rows.some(hearsEverything)) {
    return onlyCaller(`This channel already hears every alert, so there is nothing to add. To hear only some, type ${inlineCode('unsubscribe all')} first, then subscribe to what you want.`);
  }
  const current = merged(rows);
  const added = resolved.entries.filter((e) => !has(current, e));
  const digest = command.digest === undefined ? current.digest : command.digest === 'off' ? null : command.digest;
  const modeChanged = digest !== current.digest;
  if (added.length === 0 && !modeChanged) {
    if (resolved.entries.length === 0) return onlyCaller(`This channel already hears ${mode(digest)}. ${following(current, ctx)}`);
    return onlyCaller(`This channel already follows ${listing(resolved.entries.map((e) => label(e, ctx)))}.`);
  }
  const next: Filters = {
    actors: [...current.actors, ...added.flatMap((e) => (e.kind === 'actor' ? [e.actor.id] : []))],
    keywords: [...current.keywords, ...added.flatMap((e) => (e.kind === 'keyword' ? [e.keyword.id] : []))],
    digest,
  };
  if (next.actors.length === 0 && next.keywords.length === 0) return onlyCaller(`Subscribe to something first, e.g. ${inlineCode('subscribe nato digest:daily')}.`);
  await save(ctx, rows, next);
  const what = added.length > 0 ? `this channel will hear about ${listing(added.map((e) => label(e, ctx)))}, ${mode(digest)}` : `this channel now hears ${mode(digest)}`;
  return toChannel(`Subscribed: ${what}. ${following(next, ctx)}`);
}

export async function handleUnsubscribe(command: Extract<Command, { kind: 'unsubscribe' }>, ctx: CommandContext): Promise<Reply> {
  if (!ctx.canManage) return refused();
  const rows = await ctx.store.subscriptions(ctx.channel);
  if (command.terms === 'all') {
    if (rows.length === 0) return onlyCaller('This channel has no subscriptions; there is nothing to remove.');
    for (const row of rows) await ctx.store.removeSubscription(row.id);
    return toChannel(`Unsubscribed from everything: this channel hears no alerts now. ${inlineCode('subscribe <actor or keyword>')} starts again.`);
  }
  const resolved = resolveAll(command.terms, ctx);
  if (!resolved.ok) return resolved.reply;
  if (rows.length === 0) return onlyCaller('This channel has no subscriptions; there is nothing to remove.');
  if (rows.some(hearsEverything)) {
    return onlyCaller(`This channel hears every alert rather than chosen actors or keywords, so there is nothing to take out. ${inlineCode('unsubscribe all')} stops it.`);
  }
  const current = merged(rows);
  const removed = resolved.entries.filter((e) => has(current, e));
  const absent = resolved.entries.filter((e) => !has(current, e));
  const absentNote = absent.length > 0 ? ` It was not subscribed to ${listing(absent.map((e) => label(e, ctx)))}.` : '';
  if (removed.length === 0) return onlyCaller(`Nothing to remove: this channel does not follow ${listing(absent.map((e) => label(e, ctx)))}. ${following(current, ctx)}`);
  const next: Filters = {
    actors: current.actors.filter((id) => !removed.some((e) => e.kind === 'actor' && e.actor.id === id)),
    keywords: current.keywords.filter((id) => !removed.some((e) => e.kind === 'keyword' && e.keyword.id === id)),
    digest: current.digest,
  };
  await save(ctx, rows, next);
  return toChannel(`Unsubscribed from ${listing(removed.map((e) => label(e, ctx)))}.${absentNote} ${following(next, ctx)}`);
}

export async function handleList(ctx: CommandContext): Promise<Reply> {
  const rows = await ctx.store.subscriptions(ctx.channel);
  if (rows.length === 0) return onlyCaller(`This channel has no subscriptions. Start with, e.g., ${inlineCode('subscribe nato, troop withdrawal')}.`);
  if (rows.some(hearsEverything)) return onlyCaller('This channel hears every alert (no filters).');
  const current = merged(rows);
  return onlyCaller(`${following(current, ctx)} It hears them ${mode(current.digest)}.`);
}

/** Every term resolved, or a reply naming those that are not, with close names: all or nothing. */
export function resolveAll(terms: readonly string[], ctx: CommandContext): { ok: true; entries: Resolved[] } | { ok: false; reply: Reply } {
  const entries: Resolved[] = [];
  const unknown: string[] = [];
  for (const term of terms) {
    const found = resolveTerm(term, ctx.watchlist, ctx.matcher);
    if (found === undefined) unknown.push(term);
    else if (!entries.some((e) => sameEntry(e, found))) entries.push(found);
  }
  if (unknown.length === 0) return { ok: true, entries };
  const lines = unknown.map((term) => {
    const close = suggestions(term, ctx.watchlist);
    return `• “${term}” is not a watchlist actor or keyword${close.length > 0 ? `; did you mean ${close.map((n) => inlineCode(n)).join(' or ')}?` : '.'}`;
  });
  return { ok: false, reply: onlyCaller([...lines, `Nothing was changed. Type ${inlineCode('actors')} to see who is watched.`].join('\n')) };
}

async function save(ctx: CommandContext, rows: readonly Subscription[], filters: Filters): Promise<void> {
  const keep = rows[0];
  // Extra rows are merged into the first; the first is replaced in place (addSubscription
  // replaces by id), so alerts already queued for it are kept.
  for (const row of rows.slice(1)) await ctx.store.removeSubscription(row.id);
  if (filters.actors.length === 0 && filters.keywords.length === 0) {
    if (keep !== undefined) await ctx.store.removeSubscription(keep.id);
    return;
  }
  await ctx.store.addSubscription({
    id: keep?.id ?? `channel:${ctx.channel}`,
    channel: ctx.channel,
    actors: filters.actors,
    keywords: filters.keywords,
    createdAt: keep?.createdAt ?? ctx.now,
    digest: filters.digest,
  });
}

/** "one alert each" or "as an hourly digest (…)". */
function mode(digest: DigestPeriod | null): string {
  if (digest === null) return 'one alert per story as it comes';
  return digest === 'hourly' ? 'as an hourly digest (one message at the end of each hour)' : `as a daily digest (one message a day at ${String(DAILY_DIGEST_HOUR_UTC).padStart(2, '0')}:00 UTC)`;
}

function following(filters: Filters, ctx: CommandContext): string {
  if (filters.actors.length === 0 && filters.keywords.length === 0) return 'This channel hears no alerts now.';
  const actors = filters.actors.map((id) => ctx.matcher.actor(id)?.name ?? `${id} (no longer on the watchlist)`);
  const keywords = filters.keywords.map((id) => ctx.matcher.keyword(id)?.label ?? `${id} (no longer on the watchlist)`);
  const parts = [actors.length > 0 ? `actors: ${actors.join(', ')}` : '', keywords.length > 0 ? `keywords: ${keywords.join(', ')}` : ''].filter((p) => p !== '');
  return `This channel follows ${parts.join('; ')}.`;
}

/** How replies name an actor or keyword: **NATO** (and its people), **troop withdrawal**. */
export function label(entry: Resolved, ctx: CommandContext): string {
  if (entry.kind === 'keyword') return `**${entry.keyword.label}**`;
  const people = affiliatedActorIds(ctx.watchlist, entry.actor.id).length > 1;
  return `**${entry.actor.name}**${people ? ' (and its people)' : ''}`;
}

function merged(rows: readonly Subscription[]): Filters {
  return {
    actors: [...new Set(rows.flatMap((r) => r.actors))],
    keywords: [...new Set(rows.flatMap((r) => r.keywords))],
    digest: rows[0]?.digest ?? null,
  };
}

function hearsEverything(row: Subscription): boolean {
  return row.actors.length === 0 && row.keywords.length === 0;
}

function has(filters: Filters, entry: Resolved): boolean {
  return entry.kind === 'actor' ? filters.actors.includes(entry.actor.id) : filters.keywords.includes(entry.keyword.id);
}

function sameEntry(a: Resolved, b: Resolved): boolean {
  if (a.kind === 'actor') return b.kind === 'actor' && a.actor.id === b.actor.id;
  return b.kind === 'keyword' && a.keyword.id === b.keyword.id;
}

function refused(): Reply {
  return onlyCaller(`Only people who can manage this channel can change what it follows. Ask a channel manager, or type ${inlineCode('list')} to see what it follows now.`);
}


