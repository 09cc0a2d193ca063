/** The monitor's settings file (config/default.yaml): every key, its type and its default. */
import { isIP } from 'node:net';
import { validate as validCron } from 'node-cron';
import { z } from 'zod';

function isCidr(text: string): boolean {
  const [address = '', bits, ...rest] = text.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0 || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');

export const feedSchema = z.strictObject({
  id: slug,
  /** http(s) URL, file: URL, or a path relative to the project (the bundled sample feed). */
  url: z.string().regex(/^(?:https?:\/\/|file:|[^:]+$)/i, 'use an http(s):// URL, a file: URL or a path inside the project'),
  title: z.string().min(1).nullable().default(null),
  intervalMinutes: z.number().int().min(1).max(1440).default(15),
  fetchArticles: z.boolean().default(true),
  alertNewestOnFirstPoll: z.number().int().min(0).max(100).default(0),
  /** 0: no age limit. */
  maxAgeHours: z.number().min(0).default(48),
});

export const configSchema = z.strictObject({
  /** node-cron expression: how often due feeds are polled (the outbox is drained continuously). */
  schedule: z
    .string()
    .refine((expr) => validCron(expr), 'not a valid cron expression; five or six fields such as "* * * * *" (every minute) or "*/5 * * * *"')
    .default('* * * * *'),
  store: z.strictObject({ sqlite: z.string().min(1).default('data/statements.db') }).prefault({}),
  fetch: z
    .strictObject({
      userAgent: z.string().min(1).default('statements/0.1 (news statement monitor; contact: set fetch.userAgent)'),
      connectTimeoutMs: z.number().int().min(100).default(5_000),
      totalTimeoutMs: z.number().int().min(100).default(15_000),
      maxBodyBytes: z.number().int().min(1_024).default(5 * 1024 * 1024),
      maxRedirects: z.number().int().min(0).max(20).default(5),
      perHostConcurrency: z.number().int().min(1).max(64).default(2),
      /** Feeds polled at once by one process. */
      maxConcurrentFeeds: z.number().int().min(1).max(1_000).default(64),
      /**
       * Private and internal address ranges the fetcher may connect to, as CIDRs ("10.1.0.0/16",
       * "127.0.0.0/8", "::1/128"); everything non-public is refused by default (SSRF).
       */
      allowAddresses: z.array(z.string().refine(isCidr, 'use a CIDR range such as "10.1.0.0/16", "127.0.0.0/8" or "::1/128"')).default([]),
    })
    .prefault({}),
  alerts: z
    .strictObject({
      maxQuotes: z.number().int().min(1).max(10).default(3),
      maxQuoteChars: z.number().int().min(40).max(2_000).default(300),
    })
    .prefault({}),
  deliveries: z
    .strictObject({
      maxAttempts: z.number().int().min(1).max(100).default(8),
      retryBaseSeconds: z.number().min(1).default(30),
      /** A send not answered by then (its process died) is taken over by another replica, in doubt. */
      leaseSeconds: z.number().min(1).max(3600).default(300),
    })
    .prefault({}),
  feedClaims: z
    .strictObject({
      /** A poll not finished by then (its process died) lets another replica poll the feed. */
      leaseSeconds: z.number().min(1).max(86_400).default(600),
    })
    .prefault({}),
  slack: z
    .strictObject({
      /** Slack user ids (U…) who may subscribe and unsubscribe channels; empty: any member of the channel. */
      managers: z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'use Slack user ids such as U012AB3CD (profile → ⋮ → Copy member ID)')).default([]),
    })
    .prefault({}),
  /** Where alerts go when no chat platform is configured. */
  console: z
    .strictObject({
      /** Actor or keyword ids the console hears about; empty: every alert with a statement. */
      subscribe: z.array(z.string()).default([]),
    })
    .prefault({}),
  feeds: z.array(feedSchema).default([]),
});

export type Config = z.output<typeof configSchema>;
export type FeedConfig = z.output<typeof feedSchema>;
