/**
 * mute / unmute / mutes: a channel stops hearing of an actor or keyword for a while without
 * changing what it follows. A mute ends by itself; `unmute` ends it sooner. While it lasts, the
 * pipeline leaves the muted target out of an article's matches for this channel only, so an
 * alert that also matches something else the channel follows still comes.
 */
import type { Mute } from '../model/index.js';
import { inlineCode, onlyCaller, timeSpan, toChannel, utcTime } from './format.js';
import { fit } from './info.js';
import type { Resolved } from './resolve.js';
import { label, resolveAll } from './subscriptions.js';
import type { Command, CommandContext, Reply } from './types.js';

export async function handleMute(command: Extract<Command, { kind: 'mute' }>, ctx: CommandContext): Promise<Reply> {
  if (!ctx.canManage) return refused();
  const resolved = resolveAll([command.term], ctx);
  if (!resolved.ok) return resolved.reply;
  const [entry] = resolved.entries;
  if (entry === undefined) return onlyCaller('Say what to mute, e.g. `mute nato 6h`.');
  const until = ctx.now + command.durationMs;
  await ctx.store.mute({ channel: ctx.channel, target: targetOf(entry), until, createdAt: ctx.now });
  return toChannel(`Muted ${label(entry, ctx)} for ${timeSpan(command.durationMs)}, until ${utcTime(until, ctx.now)}: this channel gets no alerts because of it until then (alerts for anything else it follows still come). ${inlineCode(`unmute ${command.term}`)} ends it sooner.`);
}

export async function handleUnmute(command: Extract<Command, { kind: 'unmute' }>, ctx: CommandContext): Promise<Reply> {
  if (!ctx.canManage) return refused();
  const resolved = resolveAll([command.term], ctx);
  if (!resolved.ok) return resolved.reply;
  const [entry] = resolved.entries;
  if (entry === undefined) return onlyCaller('Say what to unmute, e.g. `unmute nato`.');
  const target = targetOf(entry);
  const muted = (await ctx.store.mutes(ctx.now, ctx.channel)).some((m) => m.target === target);
  // Also clears a mute that has ended, which the store keeps until then.
  await ctx.store.unmute(ctx.channel, target);
  if (!muted) return onlyCaller(`${label(entry, ctx)} is not muted in this channel. ${inlineCode('mutes')} lists what is.`);
  return toChannel(`Unmuted ${label(entry, ctx)}: this channel gets alerts because of it again.`);
}

export async function handleMutes(ctx: CommandContext): Promise<Reply> {
  const mutes = await ctx.store.mutes(ctx.now, ctx.channel);
  if (mutes.length === 0) return onlyCaller(`Nothing is muted in this channel. ${inlineCode('mute nato 6h')} holds back alerts about NATO for 6 hours.`);
  const lines = mutes.map((m) => `• ${nameOf(m, ctx)} — ${timeSpan(m.until - ctx.now)} left (until ${utcTime(m.until, ctx.now)})`);
  return onlyCaller(fit([`**Muted in this channel** (${mutes.length}), soonest to end first:`, ...lines], 'more mutes'));
}

function targetOf(entry: Resolved): string {
  return entry.kind === 'actor' ? entry.actor.id : entry.keyword.id;
}

function nameOf(mute: Mute, ctx: CommandContext): string {
  const name = ctx.matcher.actor(mute.target)?.name ?? ctx.matcher.keyword(mute.target)?.label;
  return name === undefined ? `${mute.target} (no longer on the watchlist)` : `**${name}**`;
}

function refused(): Reply {
  return onlyCaller(`Only people who can manage this channel can mute or unmute here. Ask a channel manager, or type ${inlineCode('mutes')} to see what is muted now.`);
}
