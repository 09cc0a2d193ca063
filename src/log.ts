/**
 * Log lines for operators: one JSON object per line on stderr (pino), with the feed, item or
 * channel they concern as properties, so alerts on stdout stay readable and log collectors need
 * no parsing rules. Secrets never reach a log line: callers pass ids, not tokens, and every
 * message and field is redacted anyway (libraries' messages are not ours to vet).
 */
import { pino, stdTimeFunctions } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** `json` for collectors; `pretty` one-line text for a terminal (STATEMENTS_LOG_FORMAT). */
export type LogFormat = 'json' | 'pretty';

export interface LogFields {
  feed?: string;
  item?: string;
  delivery?: number;
  channel?: string;
  code?: string;
  [key: string]: string | number | boolean | null | undefined;
}

export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

/** Variables whose values are secrets: never printed, whatever a library puts in a message. */
const SECRET_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN'];
// Token shapes, for secrets that did not come from our variables (a pasted token in a URL…).
const TOKEN_SHAPES = [/\bxox[abposr]-[A-Za-z0-9-]{8,}/g, /\bxapp-[A-Za-z0-9-]{8,}/g, /\b[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,}\b/g, /(?<=:\/\/[^/\s:@]*:)[^@\s/]+(?=@)/g];

/** A line with every known secret and anything shaped like a chat token replaced by [redacted]. */
export function redact(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, '[redacted]');
  return out;
}

export function secretsOf(env: Readonly<Record<string, string | undefined>>): string[] {
  return SECRET_VARIABLES.map((name) => env[name]?.trim() ?? '').filter((value) => value !== '');
}

// Properties pino writes itself: a field of the same name would make a line with a duplicate key.
const RESERVED = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

/**
 * Writes lines at or above `min` (STATEMENTS_LOG_LEVEL, default info) to `write` (stderr by
 * default; tests collect them): `{"level":"warn","time":"…","pid":…,"hostname":"…","msg":"…",
 * "feed":"wire",…}`, or in `pretty` format `12:00:01.234 WARN  message feed=wire`.
 */
export function createLogger(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  min: LogLevel = levelFromEnv(),
  secrets: readonly string[] = secretsOf(process.env),
  format: LogFormat = formatFromEnv(),
): Logger {
  const out = pino(
    { level: min, timestamp: stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    {
      // pino hands over each serialized line, newline included; ours is a line without it.
      write(serialized: string) {
        const line = serialized.endsWith('\n') ? serialized.slice(0, -1) : serialized;
        write(format === 'pretty' ? prettyLine(line) : line);
      },
    },
  );
  return {
    log(level, message, fields = {}) {
      if (!out.isLevelEnabled(level)) return;
      // Redacted before serializing: the message and every field are all of a line that is not
      // ours (level, time, pid, host), and the JSON stays valid whatever a replacement spans.
      const props: Record<string, string | number | boolean> = {};
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined || value === null) continue;
        props[RESERVED.has(key) ? `${key}_` : key] = typeof value === 'string' ? redact(value, secrets) : value;
      }
      out[level](props, redact(message, secrets));
    },
  };
}

/** One pino line as `HH:MM:SS.mmm LEVEL message key=value …` (local time), for a terminal. */
export function prettyLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return json;
    record = parsed as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = typeof record.time === 'string' ? new Date(record.time) : new Date();
  const clock = `${[time.getHours(), time.getMinutes(), time.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')}.${String(time.getMilliseconds()).padStart(3, '0')}`;
  const level = String(record.level ?? '').toUpperCase().padEnd(5);
  const extra = Object.entries(record)
    .filter(([key]) => !RESERVED.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' && !/[\s"=]/.test(value) ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${clock} ${level} ${String(record.msg ?? '')}${extra === '' ? '' : ` ${extra}`}`;
}

function levelFromEnv(): LogLevel {
  const level = process.env.STATEMENTS_LOG_LEVEL;
  return level === 'debug' || level === 'info' || level === 'warn' || level === 'error' ? level : 'info';
}

/** STATEMENTS_LOG_FORMAT; unset: pretty on a terminal, JSON otherwise (containers, files, pipes). */
function formatFromEnv(): LogFormat {
  const format = process.env.STATEMENTS_LOG_FORMAT;
  if (format === 'json' || format === 'pretty') return format;
  return process.stderr.isTTY ? 'pretty' : 'json';
}

/** Discards everything: for tests that do not look at logs. */
export const silentLogger: Logger = { log: () => undefined };
