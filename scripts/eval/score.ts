/** Scoring shared by both corpora: quotes found, missed and falsely reported, and the ratios. */
import type { Statement } from '../../src/model/index.js';
import { matchSpans, type Span } from './match.js';

export interface QuoteScore<G extends Span> {
  found: Array<{ gold: G; statement: Statement }>;
  missed: G[];
  /** Extracted direct or partial quotes that match no gold quote. */
  falsePositives: Statement[];
  /** Extracted direct and partial quotes: the precision denominator. */
  extracted: number;
}

export const isQuote = (s: Statement): boolean => s.kind === 'direct' || s.kind === 'partial';

/** Matches gold spans against the statements that `keep` accepts (direct and partial unless told). */
export function scoreSpans<G extends Span>(
  gold: readonly G[],
  statements: readonly Statement[],
  keep: (s: Statement) => boolean = isQuote,
): QuoteScore<G> {
  const candidates = statements.filter(keep);
  const pairs = matchSpans(gold, candidates);
  const matchedGold = new Set(pairs.map(([g]) => g));
  const matchedExtracted = new Set(pairs.map(([, x]) => x));
  return {
    found: pairs.flatMap(([g, x]) => {
      const goldSpan = gold[g];
      const statement = candidates[x];
      return goldSpan && statement ? [{ gold: goldSpan, statement }] : [];
    }),
    missed: gold.filter((_, g) => !matchedGold.has(g)),
    falsePositives: candidates.filter((_, x) => !matchedExtracted.has(x)),
    extracted: candidates.length,
  };
}

export interface Ratios {
  precision: number;
  recall: number;
  f1: number;
}

/** Nothing extracted or nothing to find counts as 0, so a stub engine scores 0 rather than NaN. */
export function ratios(matched: number, extracted: number, gold: number): Ratios {
  const precision = extracted === 0 ? 0 : matched / extracted;
  const recall = gold === 0 ? 0 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Runs the engine on one article; an engine that throws scores that article as finding nothing
 * (its gold all missed) and the error goes into the report, so one bug does not hide every figure.
 */
export function extractOrNote(
  extract: () => { statements: Statement[] },
  file: string,
  notes: string[],
): Statement[] {
  try {
    return extract().statements;
  } catch (err) {
    notes.push(`engine failed on ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
}
