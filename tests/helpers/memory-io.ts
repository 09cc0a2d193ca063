import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';

function sink(chunks: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      callback();
    },
  });
}

/** Streams for a CLI command run in-process: stdin holds `input`, outputs are collected. */
export function memoryIo(input: string | Uint8Array = ''): { io: CliIo; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  return {
    io: { stdin: Readable.from([bytes]), stdout: sink(out), stderr: sink(err) },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
