/**
 * Gold reported speech from PolNeAR: Content spans whose Cue is a speech verb ("said", "told",
 * "warned"…). Beliefs and intentions ("thinks", "wants") are left out, since the engine reports
 * what people said, not what they think. Recall counts only contents without quote marks (a quote
 * statement covers the others); precision accepts a match with any of them.
 */
import { attributions, type BratDocument } from './brat.js';
import type { Span } from './match.js';
import { countWords } from './quotes.js';

export interface GoldReport extends Span {
  text: string;
  source: string | null;
  /** The content holds quote marks: a quote statement covers it, so it is not required as indirect. */
  quoted: boolean;
}

const SPEECH_CUE = /\b(?:said|says|say|told|tells|tell|added|adds|stated|states|announced|announces|warned|warns|urged|urges|insisted|insists|argued|argues|claimed|claims|noted|notes|explained|wrote|writes|reported|reports|confirmed|denied|suggested|predicted|promised|vowed|asserted|acknowledged|called on|stressed|declared)\b/i;
const QUOTE_MARK = /["“”«»„]|''/;
const MIN_WORDS = 4;

export function goldReports(text: string, doc: BratDocument, toUtf16: (offset: number) => number): GoldReport[] {
  const reports: GoldReport[] = [];
  for (const attribution of attributions(doc)) {
    if (!attribution.cues.some((cue) => SPEECH_CUE.test(cue.text))) continue;
    for (const content of attribution.contents) {
      const first = content.pieces[0];
      const last = content.pieces[content.pieces.length - 1];
      if (first === undefined || last === undefined) continue;
      const start = toUtf16(first.start);
      const end = toUtf16(last.end);
      const written = text.slice(start, end);
      if (written.includes('\n') || countWords(written) < MIN_WORDS) continue;
      reports.push({ start, end, text: written, source: attribution.sources.map((s) => s.text).join(' ').trim() || null, quoted: QUOTE_MARK.test(written) });
    }
  }
  return reports;
}
