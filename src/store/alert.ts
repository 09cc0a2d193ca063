/**
 * The shape of an alert as every engine stores it (JSON), checked when it is written and when it
 * is read back: a row written by another version must not reach a chat adapter half-formed.
 */
import { z } from 'zod';
import type { Alert, StatementKind } from '../model/index.js';

// An object keyed by every member of the union: adding a kind to the model breaks this until added.
const KINDS: { [K in StatementKind]: K } = { direct: 'direct', partial: 'partial', indirect: 'indirect' };
export const StatementKindSchema = z.enum(KINDS);

const AlertQuoteSchema = z.object({
  quote: z.string(),
  speaker: z.string().nullable(),
  role: z.string().nullable(),
  kind: StatementKindSchema,
});

export const AlertSchema = z.object({
  key: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  published: z.number().nullable(),
  lead: z.array(z.string()),
  actors: z.array(z.string()),
  keywords: z.array(z.string()),
  quotes: z.array(AlertQuoteSchema),
  alsoReportedBy: z.array(z.string()).optional(),
}) satisfies z.ZodType<Alert>;
