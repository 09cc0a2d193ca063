// Log lines are JSON objects (level, time, msg and the fields as properties) that never carry a
// secret: the chat tokens and signing secret from the environment, and anything shaped like a
// Slack or Discord token or a password in a URL, are redacted in the message and every field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger, prettyLine, redact, secretsOf } from '../src/log.js';

const Line = z.object({ level: z.enum(['debug', 'info', 'warn', 'error']), time: z.iso.datetime(), msg: z.string(), pid: z.number(), hostname: z.string() }).catchall(z.unknown());

describe('log lines', () => {
  it('are JSON objects with level, time, msg and the fields as properties', () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line), 'info', [], 'json');
    log.log('warn', 'feed poll failed', { feed: 'wire', delivery: 12, code: 'FEED_HTTP', inDoubt: false, item: undefined, reason: null });
    log.log('debug', 'below the level: not written');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const line = Line.parse(JSON.parse(lines[0]!));
    expect(line).toMatchObject({ level: 'warn', msg: 'feed poll failed', feed: 'wire', delivery: 12, code: 'FEED_HTTP', inDoubt: false });
    expect(line).not.toHaveProperty('item');
    expect(line).not.toHaveProperty('reason');
  });

  it('keeps a field named like a line property apart instead of writing a duplicate key', () => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line), 'info', [], 'json').log('info', 'hello', { level: 'x', msg: 'y' });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'hello', level_: 'x', msg_: 'y' });
  });

  it('can be one readable line for a terminal', () => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line), 'debug', [], 'pretty').log('error', 'delivery failed', { channel: 'slack:T1:C1', reason: 'two words' });
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} ERROR delivery failed channel=slack:T1:C1 reason="two words"$/);
    expect(prettyLine('not json')).toBe('not json');
  });
});

describe('log redaction', () => {
  it('redacts the configured secrets wherever the message or a field carries them', () => {
    const env = { SLACK_SIGNING_SECRET: 'signing-secret-value', DISCORD_TOKEN: 'abc.def.ghi-short', SLACK_BOT_TOKEN: 'xoxb-1234-abcd-efgh' };
    for (const format of ['json', 'pretty'] as const) {
      const lines: string[] = [];
      const log = createLogger((line) => lines.push(line), 'debug', secretsOf(env), format);
      log.log('error', 'Slack said invalid_auth for xoxb-1234-abcd-efgh with signing-secret-value', { token: 'abc.def.ghi-short', url: 'https://x.example/?secret=signing-secret-value' });
      expect(lines).toHaveLength(1);
      for (const secret of Object.values(env)) expect(lines[0]).not.toContain(secret);
      expect(lines[0]).toContain('invalid_auth');
      if (format === 'json') expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'Slack said invalid_auth for [redacted] with [redacted]', token: '[redacted]', url: 'https://x.example/?secret=[redacted]' });
    }
  });

  it('redacts token shapes and URL passwords that did not come from the environment, in fields too', () => {
    const discord = `${'M'.repeat(24)}.GaBcDe.${'x'.repeat(38)}`;
    const line = redact(`xoxb-111-222-abcdefgh xapp-1-A0-123456789 ${discord} postgres://bot:hunter22@db/statements`, []);
    expect(line).toBe('[redacted] [redacted] [redacted] postgres://bot:[redacted]@db/statements');
    const lines: string[] = [];
    createLogger((l) => lines.push(l), 'info', [], 'json').log('info', `token ${discord}`, { database: 'postgres://bot:hunter22@db/statements' });
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'token [redacted]', database: 'postgres://bot:[redacted]@db/statements' });
  });

  it('leaves ordinary text alone', () => {
    expect(redact('feed wire: HTTP 500 from https://news.example/rss?x=1 (retry at 12:05)', ['short'])).toBe('feed wire: HTTP 500 from https://news.example/rss?x=1 (retry at 12:05)');
  });
});
