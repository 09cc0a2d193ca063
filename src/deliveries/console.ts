import { renderConsole, renderConsoleDigest } from '../alerts/index.js';
import type { Sink } from './sink.js';

/** Prints alerts for a person to read: what runs when no chat credentials are set. */
export function consoleSink(write: (text: string) => void = (text) => process.stdout.write(text)): Sink {
  return {
    platform: 'console',
    send: async (_channel, alert) => {
      write(`${renderConsole(alert, { color: process.stdout.isTTY === true })}\n\n`);
    },
    sendDigest: async (_channel, digest) => {
      write(`${renderConsoleDigest(digest, { color: process.stdout.isTTY === true })}\n\n`);
    },
  };
}
