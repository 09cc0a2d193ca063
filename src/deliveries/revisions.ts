/**
 * Edits of alerts already sent: when more outlets carry a story after its alert went out, the
 * message is edited to list them ("also reported by …") instead of alerting again. Only sinks
 * that can edit (Slack, Discord) get revisions; console output and digests are never edited.
 * Failures follow the deliveries' policy: a rate limit waits its retry-after, a refusal retrying
 * cannot fix (the message was deleted) gives up, anything else backs off up to maxAttempts.
 */
import type { Logger } from '../log.js';
import type { Revision } from '../model/index.js';
import type { Store } from '../store/types.js';
import { DEFAULT_LEASE_MS, retryDelay, type OutboxOptions } from './outbox.js';
import { DeliveryError, idempotencyKey, platformOf, type Sink } from './sink.js';

/** Claims the due revisions of platforms whose sink edits, edits each message; returns how many were edited. */
export async function drainRevisions(store: Store, sinks: readonly Sink[], now: () => number, options: OutboxOptions, log: Logger): Promise<number> {
  const editors = sinks.filter((s) => s.edit !== undefined);
  if (editors.length === 0) return 0;
  const owed = await store.claimRevisions(now(), options.batch ?? 100, editors.map((s) => s.platform), options.leaseMs ?? DEFAULT_LEASE_MS);
  let revised = 0;
  // Channels side by side, each in order, as for deliveries: a slow or rate-limited channel holds up only itself.
  const byChannel = new Map<string, Revision[]>();
  for (const revision of owed) byChannel.set(revision.channel, [...(byChannel.get(revision.channel) ?? []), revision]);
  const queues = [...byChannel.values()];
  const workers = Array.from({ length: Math.min(queues.length, Math.max(1, options.channels ?? 8)) }, async () => {
    for (let queue = queues.shift(); queue !== undefined; queue = queues.shift()) {
      for (const revision of queue) if (await revise(revision)) revised++;
    }
  });
  await Promise.all(workers);
  return revised;

  async function revise(revision: Revision): Promise<boolean> {
    const sink = editors.find((s) => s.platform === platformOf(revision.channel));
    if (sink?.edit === undefined) return false;
    const fields = { delivery: revision.deliveryId, channel: revision.channel, item: revision.key };
    try {
      await sink.edit(revision.channel, revision.messageRef, revision.alert, { idempotencyKey: idempotencyKey(revision), inDoubt: false });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const attempts = revision.attempts + 1;
      const limited = err instanceof DeliveryError && err.rateLimited && err.retryAfterMs !== null;
      // A rate limit never gives up an edit: it says when, not whether.
      const giveUp = !limited && ((err instanceof DeliveryError && err.permanent) || attempts >= options.maxAttempts);
      const retryAfter = err instanceof DeliveryError ? err.retryAfterMs : null;
      const next = giveUp ? null : now() + (limited ? (retryAfter ?? 0) : retryDelay(attempts, options.retryBaseMs, retryAfter, options.random));
      await store.finishRevision(revision.deliveryId, revision.version, { error: message, nextAttemptAt: next });
      log.log('warn', giveUp ? `the alert's message could not be edited to list the story's other outlets; not trying again: ${message}` : `editing the alert's message failed, will retry: ${message}`, fields);
      return false;
    }
    await store.finishRevision(revision.deliveryId, revision.version, { error: null, nextAttemptAt: null });
    log.log('debug', `alert edited to list ${(revision.alert.alsoReportedBy ?? []).length} other outlet(s)`, fields);
    return true;
  }
}
