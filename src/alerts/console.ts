/** An alert as a block of terminal text: what the console sink prints when no chat is set up. */
import type { Alert, AlertQuote } from '../model/index.js';
import { cleanText, speakerLine } from './text.js';

export interface ConsoleOptions {
  /** Columns to wrap at (default 80). */
  width?: number;
  /** ANSI bold/dim/colour (default off: logs and pipes stay plain). */
  color?: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function renderConsole(alert: Alert, options: ConsoleOptions = {}): string {
  const width = Math.max(20, options.width ?? 80);
  const paint = (code: string, text: string): string => (options.color === true ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];

  lines.push(...wrap(cleanText(alert.title), width).map((l) => paint('1', l)));
  const meta = [alert.outlet === null ? null : cleanText(alert.outlet), alert.published === null ? null : localTime(alert.published)].filter((m) => m !== null && m !== '');
  if (meta.length > 0) lines.push(paint('2', meta.join(' · ')));
  if ((alert.alsoReportedBy ?? []).length > 0) lines.push(...wrap(`Also reported by ${(alert.alsoReportedBy ?? []).map(cleanText).join(', ')}`, width).map((l) => paint('2', l)));
  if (alert.lead.length > 0) lines.push('', ...wrap(cleanText(alert.lead.join(' ')), width));
  if (alert.quotes.length > 0) {
    lines.push('');
    for (const quote of alert.quotes) lines.push(...wrap(quoteLine(quote), width, '  ', '    ').map((l) => paint('36', l)));
  }
  const tags = [alert.actors.map(cleanText).join(', '), alert.keywords.map(cleanText).join(', ')].filter((t) => t !== '');
  if (tags.length > 0 || alert.url !== null) lines.push('');
  if (tags.length > 0) lines.push(...wrap(`Tags: ${tags.join(' · ')}`, width).map((l) => paint('2', l)));
  if (alert.url !== null) lines.push(paint('4', cleanText(alert.url)));
  return lines.join('\n');
}

function quoteLine(quote: AlertQuote): string {
  const who = speakerLine(quote.speaker, quote.role);
  // Reported speech is not the speaker's words: no quote marks for it.
  const words = quote.kind === 'indirect' ? cleanText(quote.quote) : `“${cleanText(quote.quote)}”`;
  return who === '' ? words : `${words} — ${who}`;
}

/** Epoch ms in the machine's time zone, as "16 Feb 2022, 14:03". */
function localTime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Greedy word wrap; words longer than a line (links) stay whole. */
function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

/** A digest: one heading, then each story as its own alert block. */
export function renderConsoleDigest(digest: { period: string; alerts: readonly Alert[] }, options: ConsoleOptions = {}): string {
  const count = digest.alerts.length;
  const heading = `${count} ${count === 1 ? 'story' : 'stories'} (${digest.period} digest)`;
  return [options.color === true ? `\u001b[1m${heading}\u001b[0m` : heading, ...digest.alerts.map((a) => renderConsole(a, options))].join('\n\n');
}
