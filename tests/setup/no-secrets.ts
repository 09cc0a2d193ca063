// Runs around every test file: everything written to stdout and stderr (log lines, console
// output, child processes relayed by tests) is scanned for the test secrets at the end.
import { afterAll } from 'vitest';
import { leakedSecrets } from '../helpers/secrets.js';

const seen: string[] = [];
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
    seen.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

afterAll(() => {
  const leaked = leakedSecrets(seen.join(''));
  if (leaked.length > 0) throw new Error(`a test secret was printed: ${leaked.map((s) => `${s.slice(0, 8)}…`).join(', ')}`);
});
