/**
 * The scoring convention (shared/polnear/README.md): a gold quote is found when one extracted quote
 * covers at least half of it and at least half of the extracted quote lies inside it. Each
 * extracted quote matches at most one gold quote and each gold quote at most one extracted quote,
 * assigned greedily, largest overlap first.
 */

export interface Span {
  start: number;
  end: number;
}

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function halfAndHalf(gold: Span, extracted: Span): boolean {
  const shared = overlap(gold, extracted);
  return shared > 0 && 2 * shared >= gold.end - gold.start && 2 * shared >= extracted.end - extracted.start;
}

/** Pairs [goldIndex, extractedIndex], one-to-one, greedy by overlap (ties: text order). */
export function matchSpans(gold: readonly Span[], extracted: readonly Span[]): Array<[number, number]> {
  const candidates: Array<{ g: number; x: number; shared: number }> = [];
  gold.forEach((g, gi) => {
    extracted.forEach((x, xi) => {
      if (halfAndHalf(g, x)) candidates.push({ g: gi, x: xi, shared: overlap(g, x) });
    });
  });
  candidates.sort((a, b) => b.shared - a.shared || a.g - b.g || a.x - b.x);
  const usedGold = new Set<number>();
  const usedExtracted = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const { g, x } of candidates) {
    if (usedGold.has(g) || usedExtracted.has(x)) continue;
    usedGold.add(g);
    usedExtracted.add(x);
    pairs.push([g, x]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}
