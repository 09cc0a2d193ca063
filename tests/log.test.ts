// Log lines never carry a secret: the chat tokens and signing secret from the environment, and
// anything shaped like a Slack or Discord token or a password in a URL, are redacted.
import { describe, expect, it } from 'vitest';
import { createLogger, redact, secretsOf } from '../src/log.js';

describe('log redaction', () => {
  it('redacts the configured secrets wherever a message or field carries them', () => {
    const env = { SLACK_SIGNING_SECRET: 'signing-secret-value', DISCORD_TOKEN: 'abc.def.ghi-short', SLACK_BOT_TOKEN: 'xoxb-1234-abcd-efgh' };
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line), 'debug', secretsOf(env));
    log.log('error', 'Slack said invalid_auth for xoxb-1234-abcd-efgh with signing-secret-value', { token: 'abc.def.ghi-short' });
    expect(lines).toHaveLength(1);
    for (const secret of Object.values(env)) expect(lines[0]).not.toContain(secret);
    expect(lines[0]).toContain('invalid_auth');
  });

  it('redacts token shapes and URL passwords that did not come from the environment', () => {
    const discord = `${'M'.repeat(24)}.GaBcDe.${'x'.repeat(38)}`;
    const line = redact(`xoxb-111-222-abcdefgh xapp-1-A0-123456789 ${discord} postgres://bot:hunter22@db/statements`, []);
    expect(line).toBe('[redacted] [redacted] [redacted] postgres://bot:[redacted]@db/statements');
  });

  it('leaves ordinary text alone', () => {
    expect(redact('feed wire: HTTP 500 from https://news.example/rss?x=1 (retry at 12:05)', ['short'])).toBe('feed wire: HTTP 500 from https://news.example/rss?x=1 (retry at 12:05)');
  });
});
