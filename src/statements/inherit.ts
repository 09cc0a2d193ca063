import type { Found, Voice } from './found.js';
import type { Paragraph } from './paragraphs.js';

/**
 * Quotes with no cue of their own: the second half of a split quote takes the first half's speaker,
 * a quote before its tagged neighbour takes the neighbour's, and a paragraph that opens with an
 * untagged quote continues the previous paragraph's speaker.
 */
export function inheritSpeakers(inParagraph: Found[], before: Voice | null, para: Paragraph, text: string): void {
  // The nearest tagged quote after each position, found in one backward pass.
  const nextTagged: (Found | undefined)[] = new Array(inParagraph.length);
  let upcoming: Found | undefined;
  for (let i = inParagraph.length - 1; i >= 0; i--) {
    nextTagged[i] = upcoming;
    const f = inParagraph[i]!;
    if (f.entity !== null && f.local && f.quote !== null) upcoming = f;
  }
  let previous: Found | undefined;
  inParagraph.forEach((f, i) => {
    if (!f.local && f.quote !== null) {
      const neighbour = previous ?? nextTagged[i];
      // Across paragraphs only for a quote that stands alone: "„…“, sagte Scholz" has a tag we cannot read.
      const opensParagraph = f.quote.continued || (f.quote.open === para.start && f.alone);
      const voice = neighbour !== undefined ? voiceOf(neighbour) : opensParagraph ? before : null;
      if (voice !== null) adopt(f, voice, text);
    }
    if (f.entity !== null) previous = f;
  });
}

export function voiceOf(f: Found): Voice | null {
  return f.entity === null ? null : { entity: f.entity, role: f.statement.role };
}

function adopt(f: Found, voice: Voice, text: string): void {
  f.entity = voice.entity;
  f.statement = { ...f.statement, speaker: voice.entity.name, speakerId: voice.entity.actorId, role: voice.role };
  if (f.statement.kind === 'partial' && f.quote !== null && /^[\p{Lu}]/u.test(text.slice(f.quote.start, f.quote.start + 1))) {
    f.statement = { ...f.statement, kind: 'direct' };
  }
}

/** A quote running over several paragraphs is one speaker's, wherever its tag stands. */
export function unifyRunningQuotes(found: Found[], text: string): void {
  let chain: Found[] = [];
  const settle = (): void => {
    const tagged = chain.find((f) => f.local && f.entity !== null);
    const voice = tagged === undefined ? null : voiceOf(tagged);
    if (voice !== null) for (const f of chain) if (!f.local) adopt(f, voice, text);
    chain = [];
  };
  for (const f of found) {
    if (f.quote === null) continue;
    if (!f.quote.continued) settle();
    chain.push(f);
    if (!f.quote.continues) settle();
  }
  settle();
}

