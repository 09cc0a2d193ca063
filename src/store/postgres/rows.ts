/**
 * Reading PostgreSQL rows back: node-postgres gives int8 columns as strings (a JavaScript
 * number cannot hold every int8); times and ids here are epoch milliseconds and serial numbers,
 * well inside the safe range, so they are parsed to numbers, and anything else is a bad row.
 */
import { z } from 'zod';
import type { ColumnCodecs } from '../columns.js';

export { parseRow } from '../sqlite/rows.js';

export const int = z.number().int();
export const int8 = z
  .string()
  .regex(/^-?\d+$/)
  .transform(Number)
  .pipe(z.number().int());
export const nullableInt8 = int8.nullable();
export const nullableText = z.string().nullable();
export const textArray = z.array(z.string());

/** How PostgreSQL returns the columns the engines share (src/store/columns.ts): jsonb comes back parsed. */
export const CODECS: ColumnCodecs = { long: int8, bool: z.boolean(), json: (schema) => z.unknown().pipe(schema) };
