/**
 * Completions for what has been typed so far (Discord's autocomplete, a shell): sub-commands and
 * watchlist names (keywords after `on `; actors and keywords after subscribe, unsubscribe, mute and
 * unmute), each the whole text the option would hold once chosen.
 */
import type { Watchlist } from '../model/index.js';
import { fold } from './resolve.js';

/** Discord accepts at most 25 choices. */
export const MAX_COMPLETIONS = 25;
const SUB_COMMANDS = ['subscribe', 'unsubscribe', 'on', 'list', 'mute', 'unmute', 'mutes', 'actors', 'feeds', 'help'];

export function completions(typed: string, watchlist: Watchlist, max = MAX_COMPLETIONS): string[] {
  const text = typed.trimStart();
  const lower = text.toLowerCase();
  // mute and unmute take one actor or keyword: no comma to split on, so the same completion fits.
  const termsCommand = /^(subscribe|unsubscribe|mute|unmute)\s+/i.exec(text);
  // After `on ` a topic is being typed: keywords only.
  const onCommand = termsCommand === null ? /^on\s+/i.exec(text) : null;
  // After subscribe/unsubscribe the last comma-separated part is being typed; else the whole text.
  const head = termsCommand === null ? (onCommand?.[0] ?? '') : text.slice(0, text.lastIndexOf(',') + 1 || termsCommand[0].length);
  const partial = fold(text.slice(head.length));
  const keywords = watchlist.keywords.map((k) => k.label);
  const names = onCommand !== null ? keywords : [...watchlist.actors.map((a) => a.name), ...(termsCommand === null ? [] : keywords)];
  const out: string[] = [];
  if (termsCommand === null && onCommand === null) for (const sub of SUB_COMMANDS) if (sub.startsWith(lower)) out.push(sub);
  const starts = (name: string): boolean => partial === '' || fold(name).startsWith(partial) || fold(name).split(' ').some((w) => w.startsWith(partial));
  const joiner = head === '' || head.endsWith(' ') ? '' : ' ';
  for (const name of names) if (starts(name)) out.push(`${head}${joiner}${name}`);
  return [...new Set(out)].slice(0, max);
}
