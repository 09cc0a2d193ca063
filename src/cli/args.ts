import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** parseArgs, strict, with its TypeError turned into a message for the user. */
export function parseCommandArgs<O extends Options>(
  args: string[],
  options: O,
): { ok: true; parsed: Parsed<O> } | { ok: false; message: string } {
  try {
    return { ok: true, parsed: parseArgs({ args, options, allowPositionals: true, strict: true }) };
  } catch (err) {
    // Node's messages ("Unknown option '--x'…", "Option '--format <value>' argument missing") say it well.
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
