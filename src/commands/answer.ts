/**
 * Answering a chat command in time. Slack and Discord both give a command 3 seconds: the adapters
 * put the answer in the acknowledgement when it is ready within a budget, otherwise they
 * acknowledge at once and send the answer when it comes.
 */
import type { Logger } from '../log.js';
import { handleCommand } from './handle.js';
import { parseCommand } from './parse.js';
import type { Command, CommandContext, Reply } from './types.js';

/** Time an adapter allows itself before acknowledging without the answer; the platforms allow 3,000 ms. */
export const ACK_BUDGET_MS = 2_000;

export interface PendingAnswer {
  command: Command;
  /** Never rejects: a failure becomes an apology (and a log line), not a platform time-out. */
  reply: Promise<Reply>;
}

export function answer(text: string, ctx: () => CommandContext, log: Logger, fields: Record<string, string> = {}): PendingAnswer {
  const command = parseCommand(text);
  const reply = (async (): Promise<Reply> => {
    try {
      return await handleCommand(command, ctx());
    } catch (err) {
      log.log('error', `/statements ${command.kind} failed: ${err instanceof Error ? err.message : String(err)}`, fields);
      return { text: 'Sorry, that failed on our side. Please try again in a minute; if it keeps failing, tell whoever runs this bot.', ephemeral: true };
    }
  })();
  return { command, reply };
}

/**
 * Commands whose confirmation the channel sees, because they change what it hears: an adapter
 * that must choose a late answer's visibility before the answer exists (Discord's deferral) asks this.
 */
export function announcesToChannel(command: Command): boolean {
  return command.kind === 'subscribe' || command.kind === 'unsubscribe' || command.kind === 'mute' || command.kind === 'unmute';
}

/** The value if it settles within `ms`, else null (the work goes on). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
