/**
 * Completions for what has been typed so far (Discord's autocomplete, a shell): sub-commands and
 * watchlist names (keywords after `on `), each the whole text the option would hold once chosen.
 */
import type { Watchlist } from '../model/index.js';
import { fold } from './resolve.js';

/** Discord accepts at most 25 choices. */
export const MAX_COMPLETIONS = 25;
const SUB_COMMANDS = ['subscribe', 'unsubscribe', 'on', 'list', 'actors', 'feeds', 'help'];

export function completions(typed: string, watchlist: Watchlist, max = MAX_COMPLETIONS): string[] {
  const text = typed.trimStart();
  const lower = text.toLowerCase();
  const listCommand = /^(subscribe|unsubscribe)\s+/i.exec(text);
  // After `on ` a topic is being typed: keywords only.
  const onCommand = listCommand === null ? /^on\s+/i.exec(text) : null;
  // After subscribe/unsubscribe the last comma-separated part is being typed; else the whole text.
  const head = listCommand === null ? (onCommand?.[0] ?? '') : text.slice(0, text.lastIndexOf(',') + 1 || listCommand[0].length);
  const partial = fold(text.slice(head.length));
  const keywords = watchlist.keywords.map((k) => k.label);
  const names = onCommand !== null ? keywords : [...watchlist.actors.map((a) => a.name), ...(listCommand === null ? [] : keywords)];
  const out: string[] = [];
  if (listCommand === null && onCommand === null) for (const sub of SUB_COMMANDS) if (sub.startsWith(lower)) out.push(sub);
  const starts = (name: string): boolean => partial === '' || fold(name).startsWith(partial) || fold(name).split(' ').some((w) => w.startsWith(partial));
  const joiner = head === '' || head.endsWith(' ') ? '' : ' ';
  for (const name of names) if (starts(name)) out.push(`${head}${joiner}${name}`);
  return [...new Set(out)].slice(0, max);
}
