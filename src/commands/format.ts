/** Small text pieces the replies share. */
import { truncate } from '../alerts/index.js';
import type { StoredStatement } from '../model/index.js';
import type { Reply } from './types.js';

/** Quote excerpts in lists are shorter than in alerts: a list is for scanning. */
const EXCERPT_CHARS = 200;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `• “quote” — Speaker, Role · Outlet · 3 h ago · link` */
/** One statement as a list line; `alsoIn`: other outlets that carried the same words. */
export function statementLine(s: StoredStatement, now: number, alsoIn: readonly string[] = []): string {
  const excerpt = truncate(s.quote.replace(/\s+/g, ' ').trim(), EXCERPT_CHARS);
  const words = s.kind === 'indirect' ? excerpt : `“${excerpt}”`;
  const who = [s.speaker ?? 'unattributed', s.role].filter((p) => p !== null && p !== '').join(', ');
  const when = s.published ?? s.seenAt;
  const outlets = alsoIn.length === 0 ? s.outlet : `${s.outlet ?? 'unknown outlet'} (also ${alsoIn.slice(0, 3).join(', ')}${alsoIn.length > 3 ? ` and ${alsoIn.length - 3} more` : ''})`;
  const parts = [`${words} — ${who}`, outlets, ago(when, now), s.url].filter((p) => p !== null && p !== '');
  return `• ${parts.join(' · ')}`;
}

/** "12 min ago", "3 h ago", "2 d ago", then a UTC date: chat readers are in many time zones. */
export function ago(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days} d ago`;
  const d = new Date(at);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A length of time as people say it: "30 min", "5 h 20 min", "24 h", "6 d 3 h" (part minutes count as whole). */
export function timeSpan(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** A clock time for future events (next poll): "14:05 UTC", with the date when not today. */
export function utcTime(at: number, now: number): string {
  const d = new Date(at);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  return new Date(now).toISOString().slice(0, 10) === d.toISOString().slice(0, 10) ? time : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${time}`;
}

/** 86_400_000 → "the last 24 h"; the largest unit that divides it evenly. */
export function sinceText(ms: number): string {
  const units: [number, string][] = [
    [604_800_000, 'w'],
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
  ];
  for (const [size, unit] of units) if (ms % size === 0) return `the last ${ms / size} ${unit}`;
  return `the last ${Math.round(ms / 60_000)} min`;
}

/** "a, b and c" */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function inlineCode(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/**
 * A reply split at line ends into messages of at most `limit` characters, nothing lost; a line
 * longer than a whole message is cut by `cutLine` (which knows the platform's escapes).
 */
export function splitLines(text: string, limit: number, cutLine: (line: string) => string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.length > limit ? cutLine(raw) : raw;
    if (current !== '' && current.length + 1 + line.length > limit) {
      chunks.push(current);
      current = line;
    } else {
      current = current === '' ? line : `${current}\n${line}`;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** A reply only the caller sees. */
export function onlyCaller(text: string): Reply {
  return { text, ephemeral: true };
}

/** A reply the channel sees: changes to what a channel follows are announced to it. */
export function toChannel(text: string): Reply {
  return { text, ephemeral: false };
}

/** A search that found nothing (no statements to render), for the caller only. */
export function note(text: string): Reply {
  return { text, ephemeral: true, items: [] };
}
