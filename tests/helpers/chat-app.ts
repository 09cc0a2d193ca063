/**
 * The real app for chat end-to-end tests: a temporary config and SQLite file, the given chat
 * variables, a local feed, and log lines kept for assertions. Plus the feed items those tests use.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App } from '../../src/app.js';
import { createLogger, secretsOf } from '../../src/log.js';
import type { RssItem } from './feed-xml.js';
import { leakedSecrets } from './secrets.js';
import { SEED_FILES } from './seeds.js';

export interface TestApp {
  app: App;
  logs: string[];
  close(): Promise<void>;
}

/**
 * Opens the app with `env` (chat variables); `feedUrl` adds one feed whose first poll alerts its
 * newest 10. Loopback is fetched only when allowed (by default when there is a local feed).
 */
export async function openTestApp(env: Record<string, string>, feedUrl: string | null = null, allowLoopback = feedUrl !== null): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'statements-chat-'));
  const config = join(dir, 'config.yaml');
  const fetch = allowLoopback ? 'fetch: { allowAddresses: ["127.0.0.0/8", "::1/128"] }\n' : '';
  const feeds = feedUrl === null ? 'feeds: []' : `feeds:\n  - { id: wire, url: "${feedUrl}", intervalMinutes: 1, fetchArticles: false, alertNewestOnFirstPoll: 10, maxAgeHours: 0 }`;
  writeFileSync(config, `deliveries: { maxAttempts: 5, retryBaseSeconds: 1 }\n${fetch}${feeds}\n`);
  const logs: string[] = [];
  try {
    const fullEnv = { STATEMENTS_CONFIG: config, STATEMENTS_DB: join(dir, 'statements.db'), ...env };
    const app = await openApp({ env: fullEnv, log: createLogger((line) => logs.push(line), 'debug', secretsOf(fullEnv), 'json') });
    return {
      app,
      logs,
      close: async () => {
        await app.close();
        // Every log line of the run, scanned: a token or secret must never reach one.
        const leaked = leakedSecrets(logs.join('\n'));
        if (leaked.length > 0) throw new Error(`a log line carried a secret (${leaked.length})`);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** The four seed articles as feed items (published 16 Feb 2022). */
export function seedItems(): RssItem[] {
  return SEED_FILES.map((file, i) => {
    const text = readFileSync(file, 'utf8');
    return { guid: `seed-${i}`, title: text.split('\n')[0]!.slice(0, 80), text, date: 'Wed, 16 Feb 2022 12:00:00 GMT' };
  });
}

/**
 * A new NATO statement, a story of its own for each `guid` (its headline and quote name it);
 * `ping` is put in its title and its quote (hostile feed text).
 */
export function natoItem(guid: string, ping = ''): RssItem {
  return {
    guid,
    title: `Stoltenberg ${ping} sees no pullback (${guid})`.replace(/\s+/g, ' '),
    date: 'Thu, 17 Feb 2022 09:00:00 GMT',
    text: [
      'BRUSSELS (Local Wire) – NATO said on Thursday it saw no sign of a Russian withdrawal.',
      `“We have not seen any de-escalation on the ground ${ping}, quite the opposite, report ${guid},” NATO Secretary General Jens Stoltenberg told reporters in Brussels.`,
    ].join('\n'),
  };
}

/** Another NATO statement, a day later. */
export const laterNato: RssItem = {
  guid: 'nato-later',
  title: 'NATO allies meet again',
  date: 'Fri, 18 Feb 2022 09:00:00 GMT',
  text: 'BRUSSELS (Local Wire) – “The risk of an attack remains very real,” NATO Secretary General Jens Stoltenberg said on Friday after a meeting of allies.',
};
