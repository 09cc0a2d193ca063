/**
 * Which story an article belongs to, by tiers: the same canonical link, the same normalised
 * headline, then a near-duplicate body, each only within a time window (a headline like "Live
 * updates" recurs; a wire story is republished within hours, not weeks).
 */
import type { StoryMember } from '../model/index.js';
import { quoteKey, similarity, storySignature, titleKey } from './signature.js';

export type { StoryMember };

export interface StoryMatch {
  storyId: string;
  tier: 'link' | 'title' | 'body';
  similarity: number;
}

export interface ClusterOptions {
  windowMs: number;
  /** Estimated Jaccard similarity from which two bodies are one story. */
  threshold: number;
  /** Headlines shorter than this many words are too generic to join stories on. */
  minTitleWords: number;
}

export const DEFAULT_CLUSTER: ClusterOptions = { windowMs: 72 * 60 * 60 * 1000, threshold: 0.5, minTitleWords: 4 };

export function storyMember(identity: string, article: { title: string; text: string; url: string | null; outlet: string | null }, seenAt: number, quotes: readonly string[] = []): Omit<StoryMember, 'storyId'> {
  return { identity, url: article.url, outlet: article.outlet, titleKey: titleKey(article.title), signature: storySignature(article.text), quotes: [...new Set(quotes.map(quoteKey))].filter((q) => q !== ''), seenAt };
}

/** The best story among recent members for this candidate, or null: it starts a story of its own. */
export function matchStory(candidate: Omit<StoryMember, 'storyId'>, recent: readonly StoryMember[], options: ClusterOptions = DEFAULT_CLUSTER): StoryMatch | null {
  let best: StoryMatch | null = null;
  const titled = candidate.titleKey.split(' ').length >= options.minTitleWords;
  // What each story has said: a copy bringing a quote its story lacks is a new statement, and a
  // new statement must be heard, not folded into an alert already sent.
  const said = new Map<string, Set<string>>();
  for (const member of recent) for (const quote of member.quotes) said.set(member.storyId, (said.get(member.storyId) ?? new Set()).add(quote));
  // An edited copy may cut a quote short: a quote inside one the story has counts as known.
  const known = (storyId: string, quote: string): boolean => {
    const quotes = said.get(storyId);
    return quotes !== undefined && (quotes.has(quote) || [...quotes].some((q) => q.includes(quote) || quote.includes(q)));
  };
  const addsNothing = (storyId: string): boolean => candidate.quotes.every((q) => known(storyId, q));
  for (const member of recent) {
    if (Math.abs(candidate.seenAt - member.seenAt) > options.windowMs) continue;
    if (candidate.url !== null && candidate.url === member.url) return { storyId: member.storyId, tier: 'link', similarity: 1 };
    if (!addsNothing(member.storyId)) continue;
    if (titled && candidate.titleKey === member.titleKey) {
      best = { storyId: member.storyId, tier: 'title', similarity: 1 };
      continue;
    }
    if (best?.tier === 'title') continue;
    const score = similarity(candidate.signature, member.signature);
    if (score >= options.threshold && (best === null || score > best.similarity)) best = { storyId: member.storyId, tier: 'body', similarity: score };
  }
  return best;
}
