/** Reading rows back: every row is checked against its shape, so nothing untyped leaves the store. */
import { z } from 'zod';
import type { ColumnCodecs } from '../columns.js';
import { StatementsError } from '../../errors.js';

export function parseRow<T extends z.ZodType>(schema: T, row: unknown, table: string): z.output<T> {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  throw new StatementsError(
    'store',
    'STORE_BAD_ROW',
    `a row of ${table} does not have the expected shape (${z.prettifyError(result.error)}); the database may have been written by another version of statements`,
    { cause: result.error },
  );
}

/** A TEXT column holding JSON of the given shape. */
export function jsonColumn<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

export const int = z.number().int();
export const nullableInt = int.nullable();
export const nullableText = z.string().nullable();

/** How SQLite returns the columns the engines share (src/store/columns.ts). */
export const CODECS: ColumnCodecs = { long: int, bool: int.transform((v) => v === 1), json: jsonColumn };
