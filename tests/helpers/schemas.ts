import { z } from 'zod';

/** The `statements extract` jsonl contract (DESIGN.md, "Contracts other tools rely on"). */
export const StatementRecordSchema = z.object({
  quote: z.string(),
  speaker: z.string().min(1).nullable(),
  kind: z.enum(['direct', 'partial', 'indirect']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  speakerId: z.string().nullable(),
  role: z.string().nullable(),
  cue: z.string().nullable(),
});

export const FileRecordSchema = z.object({
  file: z.string(),
  statements: z.array(StatementRecordSchema),
  actors: z.array(z.string()),
  keywords: z.array(z.string()),
});

export type FileRecordOut = z.infer<typeof FileRecordSchema>;

/** Parses every line of jsonl output against the contract. */
export function parseJsonl(output: string): FileRecordOut[] {
  return output
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => FileRecordSchema.parse(JSON.parse(line)));
}
