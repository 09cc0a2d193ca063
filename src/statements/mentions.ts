import type { ActorMention, Extraction, Statement } from '../model/index.js';
import type { WatchlistMatcher } from '../matches/index.js';
import type { Paragraph } from './paragraphs.js';

/** Watchlist actors and keywords in the article (links to other stories excluded), then unknown speakers. */
export function mentions(text: string, paragraphs: readonly Paragraph[], statements: readonly Statement[], matcher: WatchlistMatcher | undefined, title: string | undefined): Pick<Extraction, 'actors' | 'keywords'> {
  const actors: ActorMention[] = [];
  const seenActors = new Set<string>();
  const keywords: string[] = [];
  const seenKeywords = new Set<string>();
  const sources = title === undefined ? [] : [title];
  if (matcher !== undefined) {
    const scan = (s: string, from: number, to: number): void => {
      for (const hit of matcher.scan(s, from, to)) {
        if (hit.kind === 'actor' && !seenActors.has(hit.id)) {
          seenActors.add(hit.id);
          actors.push({ id: hit.id, name: matcher.actor(hit.id)?.name ?? hit.id });
        } else if (hit.kind === 'keyword' && !seenKeywords.has(hit.id)) {
          seenKeywords.add(hit.id);
          keywords.push(hit.id);
        }
      }
    };
    for (const s of sources) scan(s, 0, s.length);
    for (const p of paragraphs) if (!isLinkLine(text, p)) scan(text, p.start, p.end);
  }
  const seenNames = new Set(actors.map((a) => a.name));
  for (const s of statements) {
    if (s.speaker === null || seenNames.has(s.speaker)) continue;
    if (s.speakerId !== null && seenActors.has(s.speakerId)) continue;
    seenNames.add(s.speaker);
    actors.push({ id: s.speakerId, name: s.speaker });
  }
  return { actors, keywords };
}

const LINK_LINE = /^(?:also read|read more|read also|related|see also|recommended|more:|click here)/i;

function isLinkLine(text: string, p: Paragraph): boolean {
  return p.kind === 'boilerplate' && LINK_LINE.test(text.slice(p.start, Math.min(p.end, p.start + 20)));
}
