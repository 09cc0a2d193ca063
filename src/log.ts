/**
 * Log lines for operators: one line each, on stderr, with the feed and item they concern, so
 * alerts on stdout stay readable. Secrets never reach a log line: callers pass ids, not tokens,
 * and every line is redacted anyway (libraries' messages are not ours to vet).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

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

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

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

/** Writes `level message key=value …` lines at or above `min` (STATEMENTS_LOG_LEVEL, default info), secrets redacted. */
export function createLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`), min: LogLevel = levelFromEnv(), secrets: readonly string[] = secretsOf(process.env)): Logger {
  return {
    log(level, message, fields = {}) {
      if (ORDER[level] < ORDER[min]) return;
      const extra = Object.entries(fields)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v)}`)
        .join(' ');
      write(redact(`${new Date().toISOString()} ${level.padEnd(5)} ${message}${extra === '' ? '' : ` ${extra}`}`, secrets));
    },
  };
}

function levelFromEnv(): LogLevel {
  const level = process.env.STATEMENTS_LOG_LEVEL;
  return level === 'debug' || level === 'info' || level === 'warn' || level === 'error' ? level : 'info';
}

/** Discards everything: for tests that do not look at logs. */
export const silentLogger: Logger = { log: () => undefined };
