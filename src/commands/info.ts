/** actors, feeds, help: answers that read configuration and state, never change them. */
import type { Actor, Watchlist } from '../model/index.js';
import { inlineCode, utcTime } from './format.js';
import type { CommandContext, Reply } from './types.js';

/** Replies this long still fit a Discord message (2000) and a Slack section (3000). */
const MAX_REPLY_CHARS = 1900;
/** Kept free for the closing "… and N more" line. */
const MORE_LINE_CHARS = 40;

export function handleActors(watchlist: Watchlist): Reply {
  if (watchlist.actors.length === 0) return { text: 'The watchlist has no actors yet: add some to config/actors.yaml.', ephemeral: true };
  const byId = new Map(watchlist.actors.map((a) => [a.id, a]));
  const groups = new Map<string, Actor[]>();
  for (const actor of watchlist.actors) {
    const root = rootOf(actor, byId);
    groups.set(root.id, [...(groups.get(root.id) ?? []), actor]);
  }
  const lines = [...groups.entries()].map(([rootId, actors]) => {
    const root = byId.get(rootId);
    const members = actors.filter((a) => a.id !== rootId).map((a) => (a.kind === 'person' && a.role !== null ? `${a.name} (${a.role})` : a.name));
    const head = root === undefined ? rootId : `**${root.name}**`;
    return members.length > 0 ? `• ${head}: ${members.join(', ')}` : `• ${head}`;
  });
  const header = `**Watched actors** (${watchlist.actors.length}), by organisation. Ask for any of them by name, e.g. ${inlineCode(watchlist.actors[0]!.name.toLowerCase())}:`;
  return { text: fit([header, ...lines], 'more organisations'), ephemeral: true };
}

/** The organisation an actor finally belongs to, following first affiliations (Peskov → Kremlin → Russia). */
function rootOf(actor: Actor, byId: ReadonlyMap<string, Actor>): Actor {
  let current = actor;
  const seen = new Set([actor.id]);
  for (;;) {
    const parent = current.affiliations.map((id) => byId.get(id)).find((a) => a !== undefined);
    if (parent === undefined || seen.has(parent.id)) return current;
    seen.add(parent.id);
    current = parent;
  }
}

export async function handleFeeds(ctx: CommandContext): Promise<Reply> {
  const feeds = await ctx.feedStatus();
  if (feeds.length === 0) return { text: 'No feeds are configured yet.', ephemeral: true };
  const failing = feeds.filter((f) => !f.ok).length;
  const header = `**Feeds** (${feeds.length}${failing > 0 ? `, ${failing} failing` : ', all well'}):`;
  // Failing feeds first: they are why anyone asks.
  const ordered = [...feeds.filter((f) => !f.ok), ...feeds.filter((f) => f.ok)];
  const lines = ordered.map((f) => {
    const name = `**${f.title ?? f.feedId}**`;
    const next = f.nextPollAt === null ? null : `${f.ok ? 'next poll' : 'retrying'} ${utcTime(f.nextPollAt, ctx.now)}`;
    const state = f.ok ? 'ok' : `failing (${f.failures} in a row)${f.lastError === null ? '' : `: ${f.lastError}`}`;
    return `• ${[`${name} ${state}`, next, f.url].filter((p) => p !== null).join(' · ')}`;
  });
  return { text: fit([header, ...lines], 'more feeds'), ephemeral: true };
}

export function handleHelp(): Reply {
  const c = inlineCode;
  const text = [
    '**/statements** — what officials said, from the watched news feeds.',
    `• ${c('nato')} — latest statements by an actor and its people (NATO → Stoltenberg…), newest first; any other word searches the quotes`,
    `• ${c('nato since:24h limit:5')} — only the last 24 h (m, h, d, w); up to 5 results (1–50, default 10)`,
    `• ${c('on troop withdrawal')} — who says what on a topic: each speaker’s latest statement on it, side by side (${c('since:7d')} works here too)`,
    `• ${c('subscribe nato, troop withdrawal')} — alerts in this channel when they speak or the topic comes up (channel managers)`,
    `• ${c('subscribe nato digest:hourly')} (or ${c('digest:daily')}) — one message per period with all its stories; ${c('digest:off')} goes back to one alert each`,
    `• ${c('unsubscribe nato')} or ${c('unsubscribe all')} — stop some or all alerts here (channel managers)`,
    `• ${c('list')} — what this channel follows`,
    `• ${c('mute nato 6h')} — no alerts here because of an actor or keyword for a while (30m, 6h, 7d…; 24 h when no time is given, 30 d at most); ${c('unmute nato')} ends it sooner, ${c('mutes')} lists the mutes and their time left (channel managers)`,
    `• ${c('actors')} — who is watched, by organisation`,
    `• ${c('feeds')} — the feeds and their health; ${c('feeds add <link>')} watches another RSS or Atom feed, ${c('feeds remove <id>')} stops (channel managers)`,
    `• ${c('help')} — this text`,
  ].join('\n');
  return { text, ephemeral: true };
}

/** Lines joined up to the reply budget; what does not fit is counted, not silently lost. */
export function fit(lines: readonly string[], what: string): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const rest = lines.length - i;
    if (length + line.length + 1 > MAX_REPLY_CHARS - MORE_LINE_CHARS) {
      out.push(`… and ${rest} ${what}.`);
      break;
    }
    out.push(line);
    length += line.length + 1;
  }
  return out.join('\n');
}
