/**
 * One new item through the stages: article text → statements → who wants it → alert → outbox.
 * Returns the decision to record; the outbox is written before the item is recorded, so a crash
 * between the two re-processes the item (harmless: deliveries are unique) instead of losing it.
 */
import { buildAlert } from '../alerts/index.js';
import { periodEnd } from '../deliveries/index.js';
import { articleFromItem } from '../articles/index.js';
import type { WatchlistMatcher } from '../matches/index.js';
import { mutedReasons, voicesOf, wants, withoutMuted, type Voices } from '../matches/subscriptions.js';
import type { Feed, FeedItem, ItemDecision, Mute, StoredStatement, Subscription } from '../model/index.js';
import { extractStatements } from '../statements/index.js';
import type { PipelineDeps } from './deps.js';
import { placeInStory } from './stories.js';

export interface ItemResult {
  decision: ItemDecision;
  reason: string;
  deliveries: number;
}

export async function processItem(deps: PipelineDeps, feed: Feed, feedTitle: string | null, item: FeedItem): Promise<ItemResult> {
  const now = deps.now();
  let article;
  try {
    article = await articleFromItem(item, feed, feedTitle, feed.fetchArticles ? deps.fetchPage : null);
  } catch (err) {
    // The page could not be fetched: the feed's own text (teaser) still gets read.
    const message = err instanceof Error ? err.message : String(err);
    deps.log.log('warn', `article page not read, using the feed's text: ${message}`, { feed: feed.id, item: item.link ?? item.identity });
    try {
      article = await articleFromItem(item, feed, feedTitle, null);
    } catch (again) {
      return { decision: 'article-failed', reason: `the article text could not be read: ${again instanceof Error ? again.message : String(again)}`, deliveries: 0 };
    }
  }
  const extraction = extractStatements(article.text, { matcher: deps.matcher, title: article.title });
  // Quoted words identify a statement across copies; a reported clause is rephrased too freely.
  const story = await placeInStory(deps, article, extraction.statements.filter((s) => s.kind !== 'indirect').map((s) => s.quote), now);
  const stored: StoredStatement[] = extraction.statements.map((s, ordinal) => ({
    ...s,
    identity: item.identity,
    ordinal,
    title: article.title,
    url: article.url,
    outlet: article.outlet,
    published: article.published,
    seenAt: now,
  }));
  await deps.store.saveStatements(stored);
  deps.events?.statementsFound(stored.length);
  if (extraction.statements.length === 0) {
    return { decision: 'no-statements', reason: `no quoted or reported statement found in ${article.text.length} characters of ${article.source} text`, deliveries: 0 };
  }
  const voices = voicesOf(extraction, deps.matcher);
  const wanting = (await deps.store.subscriptions()).filter((s) => wants(s, voices));
  // One read of the mutes per item, whatever the number of subscribers.
  const mutes = wanting.length === 0 ? [] : await deps.store.mutes(now);
  const mutedIn = (channel: string): string[] => mutes.filter((m) => m.channel === channel).map((m) => m.target);
  const subscribers = wanting.filter((s) => wants(s, withoutMuted(voices, mutedIn(s.channel), deps.matcher)));
  const silenced = silencedText(wanting.filter((s) => !subscribers.includes(s)), voices, mutes, deps.matcher);
  if (subscribers.length === 0) {
    const speakers = [...new Set(extraction.statements.map((s) => s.speaker).filter((s) => s !== null))];
    return {
      decision: 'no-subscriber',
      reason: `${extraction.statements.length} statements (${speakers.slice(0, 5).join(', ') || 'no named speaker'}), but ${silenced ?? 'no subscription asks for these speakers or topics'}`,
      deliveries: 0,
    };
  }
  const alert = { ...buildAlert(article, extraction, deps.matcher, deps.alerts), key: story.storyId };
  // Keyed by story: a channel already told of this story by another outlet's copy is not told again.
  // A digest subscription's alert waits for the end of its period, to go out with the others.
  const added = await deps.store.enqueue(subscribers.map((s) => ({ subscriptionId: s.id, channel: s.channel, key: story.storyId, alert, nextAttemptAt: s.digest ? periodEnd(now, s.digest) : now, digest: s.digest ?? null })));
  if (story.joined && added === 0) {
    return {
      decision: 'duplicate',
      reason: `another copy of a story already alerted (matched by ${story.tier ?? 'body'}); carried by ${story.outlets.join(', ')}, which its alerts list`,
      deliveries: 0,
    };
  }
  return {
    decision: 'alerted',
    reason: `${extraction.statements.length} statements; alert queued for ${subscribers.map((s) => s.channel).join(', ')}${silenced === null ? '' : ` (${silenced})`}`,
    deliveries: added,
  };
}

/** "slack:C1 muted nato until 2022-02-18T09:00:00.000Z", for `why`; null when no mute held an alert back. */
function silencedText(silenced: readonly Subscription[], voices: Voices, mutes: readonly Mute[], matcher: WatchlistMatcher): string | null {
  const parts = silenced.map((s) => {
    const own = mutes.filter((m) => m.channel === s.channel);
    const reasons = mutedReasons(s, voices, own.map((m) => m.target), matcher);
    const targets = own.filter((m) => reasons.includes(m.target)).map((m) => `${m.target} until ${new Date(m.until).toISOString()}`);
    return `${s.channel} muted ${targets.join(', ')}`;
  });
  return parts.length === 0 ? null : [...new Set(parts)].join('; ');
}
