// Chat credentials come from the environment: a wrong or missing variable is named with what it
// should hold, and its value (a secret) never appears in the message.
import { describe, expect, it } from 'vitest';
import { readChatEnv } from '../../src/config/env.js';

const TOKEN = 'xoxb-1234-5678-secretsecret';
const SECRET = 'signing-secret-do-not-print';

function failure(env: Record<string, string>): string {
  try {
    readChatEnv(env);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  throw new Error('expected readChatEnv to refuse');
}

describe('readChatEnv', () => {
  it('has no chat platform and port 3000 when nothing is set', () => {
    expect(readChatEnv({})).toEqual({ slack: null, discord: null, port: 3000, portSet: false, databaseUrl: null });
  });

  it('reads HTTP mode and Socket Mode, and makes the API base end in a slash', () => {
    expect(readChatEnv({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'http://127.0.0.1:9/api', PORT: '8080' })).toEqual({
      slack: { botToken: TOKEN, signingSecret: SECRET, appToken: null, apiUrl: 'http://127.0.0.1:9/api/' },
      discord: null,
      port: 8080,
      portSet: true,
      databaseUrl: null,
    });
    expect(readChatEnv({ SLACK_BOT_TOKEN: TOKEN, SLACK_APP_TOKEN: 'xapp-1-abc' }).slack).toMatchObject({ appToken: 'xapp-1-abc', signingSecret: null });
  });

  it('reads DATABASE_URL: a PostgreSQL URL or a SQLite file path', () => {
    const url = 'postgresql://bot:hunter22@db.example.test:5432/statements?sslmode=require';
    expect(readChatEnv({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(readChatEnv({ DATABASE_URL: ' data/other.db ' }).databaseUrl).toBe('data/other.db');
    expect(readChatEnv({ DATABASE_URL: '' }).databaseUrl).toBeNull();
  });

  it('names the variable and what it should hold, never its value', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ SLACK_BOT_TOKEN: 'xapp-wrong-kind-of-token' }, /SLACK_BOT_TOKEN must be the bot token \(starts with xoxb-/],
      [{ SLACK_BOT_TOKEN: TOKEN }, /neither SLACK_SIGNING_SECRET .* nor SLACK_APP_TOKEN/],
      [{ SLACK_SIGNING_SECRET: SECRET }, /SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not/],
      [{ SLACK_BOT_TOKEN: TOKEN, SLACK_APP_TOKEN: 'xoxb-not-an-app-token' }, /SLACK_APP_TOKEN must be an app-level token/],
      [{ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'ftp://x' }, /SLACK_API_URL must be an http\(s\) URL/],
      [{ PORT: 'eighty' }, /PORT must be a port number/],
      [{ DATABASE_URL: 'mysql://bot:hunter22@db/statements' }, /DATABASE_URL must be a PostgreSQL URL/],
      [{ DATABASE_URL: 'postgres://bot:hunter22@/statements' }, /DATABASE_URL must be a PostgreSQL URL/],
    ];
    for (const [env, expected] of cases) {
      const message = failure(env);
      expect(message).toMatch(expected);
      for (const value of Object.values(env)) expect(message).not.toContain(value);
    }
  });
});
