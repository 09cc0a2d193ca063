import type { Found } from './found.js';
import type { Paragraph } from './paragraphs.js';

/**
 * Quotes with no cue of their own: the second half of a split quote takes the first half's speaker,
 * a quote before its tagged neighbour takes the neighbour's, and a paragraph that opens with an
 * untagged quote continues the previous paragraph's speaker.
 */
export function inheritSpeakers(inParagraph: Found[], earlier: readonly Found[], p: number, para: Paragraph, text: string): void {
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
      let source: Found | undefined = previous ?? nextTagged[i];
      if (source === undefined && (f.quote.continued || f.quote.open === para.start)) {
        const last = earlier[earlier.length - 1];
        if (last !== undefined && last.paragraph >= p - 1 && last.entity !== null) source = last;
      }
      if (source !== undefined && source.entity !== null) adopt(f, source, text);
    }
    if (f.entity !== null) previous = f;
  });
}

function adopt(f: Found, source: Found, text: string): void {
  f.entity = source.entity;
  f.statement = { ...f.statement, speaker: source.statement.speaker, speakerId: source.statement.speakerId, role: source.statement.role };
  if (f.statement.kind === 'partial' && f.quote !== null && /^[\p{Lu}]/u.test(text.slice(f.quote.start, f.quote.start + 1))) {
    f.statement = { ...f.statement, kind: 'direct' };
  }
}

/** A quote running over several paragraphs is one speaker's, wherever its tag stands. */
export function unifyRunningQuotes(found: Found[], text: string): void {
  let chain: Found[] = [];
  const settle = (): void => {
    const tagged = chain.find((f) => f.local && f.entity !== null);
    if (tagged !== undefined) for (const f of chain) if (!f.local) adopt(f, tagged, text);
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

