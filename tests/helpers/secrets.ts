/**
 * The chat secrets the tests use, in one place, so that a scan of everything the suite prints
 * and logs (tests/setup/no-secrets.ts, openTestApp) can prove none of them ever leaks.
 */
export const SLACK_BOT_TOKEN = 'xoxb-test-token-4f1c9a';
export const SLACK_APP_TOKEN = 'xapp-test-token-77b2e0';
export const SLACK_SIGNING_SECRET = 'test-signing-secret-0123456789';
export const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GfAkEd.fake-token-for-local-tests';

export const TEST_SECRETS: readonly string[] = [SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, DISCORD_TOKEN];

/** The secrets that appear in `text` (none, one hopes). */
export function leakedSecrets(text: string): string[] {
  return TEST_SECRETS.filter((secret) => text.includes(secret));
}
