/**
 * Log lines for operators: one line each, on stderr, with the feed and item they concern, so
 * alerts on stdout stay readable. Secrets never reach a log line: callers pass ids, not tokens.
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

/** Writes `level message key=value …` lines at or above `min` (STATEMENTS_LOG_LEVEL, default info). */
export function createLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`), min: LogLevel = levelFromEnv()): Logger {
  return {
    log(level, message, fields = {}) {
      if (ORDER[level] < ORDER[min]) return;
      const extra = Object.entries(fields)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v)}`)
        .join(' ');
      write(`${new Date().toISOString()} ${level.padEnd(5)} ${message}${extra === '' ? '' : ` ${extra}`}`);
    },
  };
}

function levelFromEnv(): LogLevel {
  const level = process.env.STATEMENTS_LOG_LEVEL;
  return level === 'debug' || level === 'info' || level === 'warn' || level === 'error' ? level : 'info';
}

/** Discards everything: for tests that do not look at logs. */
export const silentLogger: Logger = { log: () => undefined };
