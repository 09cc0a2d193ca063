/**
 * Puts an article in its story (src/stories decides which): the first copy starts the story and
 * its alerts go out under the story's key; a later copy from another outlet joins it, so the
 * outbox (unique per subscription and key) sends it to nobody twice, and the story's alerts list
 * the new outlet: those not sent yet before they go, those sent by an edit of their message.
 */
import { DEFAULT_CLUSTER, matchStory, storyMember } from '../stories/index.js';
import type { Article } from '../model/index.js';
import type { PipelineDeps } from './deps.js';

export interface StoryPlacement {
  storyId: string;
  /** This article is a later copy of a story seen before. */
  joined: boolean;
  tier: 'link' | 'title' | 'body' | null;
  /** Every outlet carrying the story so far. */
  outlets: string[];
}

export async function placeInStory(deps: PipelineDeps, article: Article, quotes: readonly string[], now: number): Promise<StoryPlacement> {
  const candidate = storyMember(article.identity, article, now, quotes);
  // Read the candidates and add this copy as one step: two copies placed at once (two feeds, two
  // replicas) would otherwise each miss the other and start two stories.
  const match = await deps.store.serially('story placement', async () => {
    const found = matchStory(candidate, await deps.store.storyCandidates(candidate, now - DEFAULT_CLUSTER.windowMs));
    await deps.store.addStoryMember({ ...candidate, storyId: found?.storyId ?? article.identity });
    return found;
  });
  const storyId = match?.storyId ?? article.identity;
  if (match === null) return { storyId, joined: false, tier: null, outlets: article.outlet === null ? [] : [article.outlet] };
  const outlets = await deps.store.storyOutlets(storyId);
  if (outlets.length > 1) await deps.store.reviseAlerts(storyId, outlets, now);
  return { storyId, joined: true, tier: match.tier, outlets };
}
