/**
 * The one grammar, for Slack, Discord and the CLI alike:
 *   <term>                           latest statements by an actor (or mentioning a term)
 *   on <topic>                       each speaker's latest statement on a keyword (or words)
 *   subscribe <term>[, <term>…]      unsubscribe <term>[, …] | all
 *   mute <term> [<n><m|h|d>]         unmute <term>      mutes
 *   list | actors | feeds | mutes | help
 *   feeds add <url> | feeds remove <id>
 * with `since:<n><m|h|d|w>` and `limit:<1–50>` anywhere in a query or an `on` board.
 */
import type { Command, DigestChoice } from './types.js';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;
/** Speakers on a claims board (`on <topic>`) unless `limit:` says otherwise. */
export const BOARD_SPEAKERS = 15;
/** A mute with no time given lasts a day; longer than 30 days is what `unsubscribe` is for. */
export const DEFAULT_MUTE_MS = 86_400_000;
export const MAX_MUTE_MS = 30 * 86_400_000;
/** Longer input is not a term anybody meant to type. */
const MAX_TEXT_CHARS = 500;

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const MODIFIER = /^(since|limit|digest):(.*)$/i;
// A Map, not an object: "constructor" must not be a sub-command.
const BARE_WORDS = new Map<string, Command>([
  ['list', { kind: 'list' }],
  ['actors', { kind: 'actors' }],
  ['feeds', { kind: 'feeds' }],
  ['mutes', { kind: 'mutes' }],
  ['help', { kind: 'help' }],
]);

export function parseCommand(text: string): Command {
  if (text.length > MAX_TEXT_CHARS) return invalid(`That is too long to be a command (over ${MAX_TEXT_CHARS} characters). Type \`help\` to see what I understand.`);
  // The slash command's own name may arrive with the text (CLI, copy-paste).
  const words = text.trim().replace(/^\/statements\b/i, '').split(/\s+/).filter((w) => w !== '');

  let since: number | null = null;
  let limit: number | null = null;
  let digest: DigestChoice | null = null;
  const rest: string[] = [];
  for (const word of words) {
    const modifier = MODIFIER.exec(word);
    if (modifier === null) {
      rest.push(word);
      continue;
    }
    const key = modifier[1]!.toLowerCase();
    const value = modifier[2]!;
    if (key === 'since') {
      since = parseDuration(value);
      if (since === null) return invalid(`\`since:${value}\` is not a time span: use a number and m, h, d or w, e.g. \`since:24h\` or \`since:7d\`.`);
    } else if (key === 'digest') {
      const choice = value.toLowerCase();
      if (choice !== 'hourly' && choice !== 'daily' && choice !== 'off') return invalid(`\`digest:${value}\` is not a digest period: use \`digest:hourly\`, \`digest:daily\` or \`digest:off\` (one alert each).`);
      digest = choice;
    } else {
      limit = /^\d{1,3}$/.test(value) ? Number(value) : null;
      if (limit === null || limit < 1 || limit > MAX_LIMIT) return invalid(`\`limit:${value}\` is not a count: use a whole number from 1 to ${MAX_LIMIT}, e.g. \`limit:5\`.`);
    }
  }

  const first = rest[0]?.toLowerCase();
  const argument = rest.slice(1).join(' ');
  const modified = since !== null || limit !== null;
  const notForQueries = (name: string): Command => invalid(`\`since:\` and \`limit:\` only apply to searches, not to \`${name}\`.`);

  if (digest !== null && first !== 'subscribe') return invalid('`digest:` only applies to `subscribe`, e.g. `subscribe nato digest:hourly`.');
  if (first === 'subscribe' || first === 'unsubscribe') {
    if (modified) return notForQueries(first);
    const terms = splitTerms(argument);
    // `subscribe digest:daily` alone changes how the channel hears what it follows.
    if (first === 'subscribe' && digest !== null) return { kind: 'subscribe', terms, digest };
    if (first === 'unsubscribe' && terms.length === 1 && terms[0]!.toLowerCase() === 'all') return { kind: 'unsubscribe', terms: 'all' };
    if (terms.length === 0) return invalid(`Say what to ${first} ${first === 'subscribe' ? 'to' : 'from'}, e.g. \`${first} nato, troop withdrawal\`${first === 'unsubscribe' ? ' or `unsubscribe all`' : ''}.`);
    return { kind: first, terms };
  }
  if (first === 'mute' || first === 'unmute') {
    if (modified) return notForQueries(first);
    return first === 'mute' ? parseMute(rest.slice(1)) : parseUnmute(argument);
  }
  if (first === 'on') {
    const topic = unquote(argument);
    if (topic === '') return invalid('Say which topic, e.g. `on troop withdrawal`: what each speaker last said on it, side by side. Add `since:7d` for the last 7 days only.');
    return { kind: 'claims', topic, since, limit: limit ?? BOARD_SPEAKERS };
  }
  if (first === 'feeds' && rest.length > 1) {
    const verb = rest[1]?.toLowerCase();
    const target = rest.slice(2).join(' ').replace(/^<|>$/g, ''); // Slack wraps links in <…>
    if (modified) return notForQueries('feeds');
    if ((verb === 'add' || verb === 'remove') && target !== '' && rest.length === 3) return verb === 'add' ? { kind: 'feed-add', url: target } : { kind: 'feed-remove', id: target };
    return invalid('Say `feeds` to see the feeds, `feeds add <link to an RSS or Atom feed>` to add one, or `feeds remove <id>` to remove one added from chat.');
  }
  const bare = first === undefined ? undefined : BARE_WORDS.get(first);
  if (bare !== undefined) {
    // "help subscribe" still wants help; the others take nothing.
    if (bare.kind !== 'help' && (argument !== '' || modified)) return invalid(`\`${first}\` takes nothing after it. Type \`help\` to see what I understand.`);
    return { ...bare };
  }
  if (rest.length === 0 && !modified) return { kind: 'help' };
  return { kind: 'query', term: unquote(rest.join(' ')), since, limit: limit ?? DEFAULT_LIMIT };
}

/** `mute <term> [duration]`: the last word is the duration when it starts with a digit (and is not the whole term). */
function parseMute(words: readonly string[]): Command {
  const last = words[words.length - 1];
  const timed = words.length > 1 && last !== undefined && /^\d/.test(last);
  const term = unquote((timed ? words.slice(0, -1) : words).join(' '));
  // `mute 6h` alone names a time, not a target.
  if (term === '' || (words.length === 1 && parseDuration(term) !== null)) return invalid('Say what to mute, e.g. `mute nato 6h` (for 24 h when no time is given); `mutes` lists what is muted here.');
  if (term.includes(',')) return invalid('Mute one actor or keyword at a time, e.g. `mute nato 6h`.');
  if (!timed) return { kind: 'mute', term, durationMs: DEFAULT_MUTE_MS };
  const durationMs = parseDuration(last);
  if (durationMs === null) return invalid(`\`${last}\` is not a time span: use a number and m, h or d, e.g. \`mute ${term} 30m\`, \`6h\` or \`7d\` (24 h when left out).`);
  if (durationMs > MAX_MUTE_MS) return invalid(`A mute lasts 30 days at most, not \`${last}\`. To stop hearing about ${term} for good, \`unsubscribe ${term}\`.`);
  return { kind: 'mute', term, durationMs };
}

function parseUnmute(argument: string): Command {
  const term = unquote(argument);
  if (term === '') return invalid('Say what to unmute, e.g. `unmute nato`; `mutes` lists what is muted here.');
  return { kind: 'unmute', term };
}

/** "24h" → ms; null when it is not a positive number and a unit. */
export function parseDuration(value: string): number | null {
  const match = /^(\d{1,6})([mhdw])$/i.exec(value);
  if (match === null) return null;
  const amount = Number(match[1]);
  const unit = UNIT_MS[match[2]!.toLowerCase()]!;
  return amount > 0 ? amount * unit : null;
}

function splitTerms(text: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const raw of text.split(',')) {
    const term = unquote(raw.trim().replace(/\s+/g, ' '));
    const key = term.toLowerCase();
    if (term === '' || seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms;
}

/** `"troop withdrawal"` and `“nato”` mean the words inside. */
function unquote(term: string): string {
  return term.replace(/^["“‘']+|["”’']+$/g, '').trim();
}

function invalid(message: string): Command {
  return { kind: 'invalid', message };
}
