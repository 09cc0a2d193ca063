/**
 * Finds quoted spans: “curly”, "straight", « guillemets », „low-high“, and ‘single’ quotes outside
 * double ones (headlines, British style). One linear scan per paragraph; a quote still open at a
 * paragraph's end continues when the next paragraph opens with a quote mark (the news convention
 * for multi-paragraph quotes), and each paragraph's piece is its own span.
 */
import { isSpace, type Paragraph } from './paragraphs.js';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark's last character, or -1 when the quote runs on past its paragraph. */
  close: number;
  /** Offsets of the quoted words (marks, surrounding spaces and a trailing comma left out). */
  start: number;
  end: number;
  paragraph: number;
  /** This piece continues a quote opened in an earlier paragraph. */
  continued: boolean;
  /** This piece runs on into the next paragraph. */
  continues: boolean;
  single: boolean;
}

type Role = 'open' | 'close' | 'either';

const DOUBLE_OPENERS = new Set([0x201c, 0x201e, 0x201f, 0xab]);
const DOUBLE_CLOSERS = new Set([0x201d, 0xbb]);
const STRAIGHT_DOUBLE = 0x22;
const SINGLE_OPENERS = new Set([0x2018, 0x201a]);
const SINGLE_CLOSERS = new Set([0x2019]);
const STRAIGHT_SINGLE = 0x27;
const BACKTICK = 0x60;

// Called for every character: plain comparisons, no set look-ups.
export function isDoubleMark(code: number): boolean {
  return code === 0x22 || code === 0x201c || code === 0x201d || code === 0x201e || code === 0x201f || code === 0xab || code === 0xbb;
}

function isSingleMark(code: number): boolean {
  return code === 0x27 || code === 0x2018 || code === 0x2019 || code === 0x201a;
}

function isOpeningContext(code: number): boolean {
  // ( [ { / — – - and other quote marks may precede an opening mark.
  return code === 0x28 || code === 0x5b || code === 0x7b || code === 0x2f || code === 0x2014 || code === 0x2013 || code === 0x2d || isDoubleMark(code) || isSingleMark(code);
}

function isClosingContext(code: number): boolean {
  // . , ; : ! ? ) ] } … — – and other quote marks may follow a closing mark.
  return code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f || code === 0x29 || code === 0x5d || code === 0x7d || code === 0x2026 || code === 0x2014 || code === 0x2013 || code === 0x2d || isDoubleMark(code) || isSingleMark(code);
}

function isSentencePunctuation(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f || code === 0x29;
}

function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000);
}

/** Decides from the characters around a mark whether it can open or close a quote. */
function roleOf(text: string, i: number, from: number, to: number, opener: Set<number>, closer: Set<number>, length = 1): Role {
  const prev = i > from ? text.charCodeAt(i - 1) : 32;
  const next = i + length < to ? text.charCodeAt(i + length) : 32;
  // A mark followed by , . ; : ! ? closes whatever precedes it (« Non », a-t-il dit).
  const canOpen = !isSpace(next) && !isSentencePunctuation(next) && (isSpace(prev) || isOpeningContext(prev));
  const canClose = !isSpace(prev) && (isSpace(next) || isClosingContext(next));
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  const code = text.charCodeAt(i);
  if (opener.has(code)) return 'open';
  if (closer.has(code)) return 'close';
  return 'either';
}

export function findQuotes(text: string, paragraphs: readonly Paragraph[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let carried = false; // the previous paragraph's quote runs on into this one
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    if (para.kind === 'boilerplate') {
      carried = false;
      continue;
    }
    const doubles = scanDoubles(text, para, p, carried, paragraphs[p + 1]);
    carried = doubles.length > 0 && doubles[doubles.length - 1]!.continues;
    spans.push(...doubles, ...scanSingles(text, para, p, doubles));
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Length of the double quote mark at i: 1, 2 for '' and `` (typewriter style), or 0. */
function doubleMarkAt(text: string, i: number, to: number): number {
  const code = text.charCodeAt(i);
  if (isDoubleMark(code)) return 1;
  if ((code === STRAIGHT_SINGLE || code === BACKTICK) && i + 1 < to && text.charCodeAt(i + 1) === code) return 2;
  return 0;
}

function scanDoubles(text: string, para: Paragraph, p: number, carried: boolean, nextPara: Paragraph | undefined): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  let openLength = 1;
  let continued = false;
  for (let i = para.start; i < para.end; i++) {
    const length = doubleMarkAt(text, i, para.end);
    if (length === 0) continue;
    const role = text.charCodeAt(i) === BACKTICK ? 'open' : roleOf(text, i, para.start, para.end, DOUBLE_OPENERS, DOUBLE_CLOSERS, length);
    if (openAt === -1) {
      if (role !== 'close') {
        openAt = i;
        openLength = length;
        continued = carried && i === para.start;
      }
    } else if (role === 'open') {
      openAt = i; // the earlier mark was never closed: drop it rather than guess its end
      openLength = length;
      continued = false;
    } else {
      pushSpan(text, spans, openAt, openLength, i + length - 1, i, p, continued, false, false);
      openAt = -1;
    }
    i += length - 1;
  }
  if (openAt !== -1) {
    const runsOn = nextPara !== undefined && nextPara.kind !== 'boilerplate' && opensWithQuote(text, nextPara);
    // An unclosed quote that fills its paragraph lost its closing mark; anything else is noise.
    if (runsOn || openAt === para.start) pushSpan(text, spans, openAt, openLength, -1, para.end, p, continued, runsOn, false);
  }
  return spans;
}

function opensWithQuote(text: string, para: Paragraph): boolean {
  const length = doubleMarkAt(text, para.start, para.end);
  return length > 0 && roleOf(text, para.start, para.start, para.end, DOUBLE_OPENERS, DOUBLE_CLOSERS, length) !== 'close';
}

/** Single quotes outside double quotes: ‘…’ or '…' within one paragraph, at most 60 words. */
function scanSingles(text: string, para: Paragraph, p: number, doubles: readonly QuoteSpan[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  let words = 0;
  let d = 0;
  for (let i = para.start; i < para.end; i++) {
    const inside = doubles[d];
    if (inside !== undefined && i >= inside.open) {
      if (inside.close === -1) break;
      if (i <= inside.close) {
        i = inside.close;
        d++;
        openAt = -1;
        continue;
      }
    }
    const code = text.charCodeAt(i);
    if (code === 32 && openAt !== -1 && ++words > 60) openAt = -1;
    if (!isSingleMark(code)) continue;
    const prev = i > para.start ? text.charCodeAt(i - 1) : 32;
    const next = i + 1 < para.end ? text.charCodeAt(i + 1) : 32;
    if (isWordChar(prev) && isWordChar(next)) continue; // an apostrophe: Russia’s, don't
    const role = roleOf(text, i, para.start, para.end, SINGLE_OPENERS, SINGLE_CLOSERS);
    if (role === 'open' && isWordChar(next)) {
      openAt = i;
      words = 0;
    } else if (role !== 'open' && openAt !== -1) {
      pushSpan(text, spans, openAt, 1, i, i, p, false, false, true);
      openAt = -1;
    }
  }
  return spans;
}

function pushSpan(text: string, spans: QuoteSpan[], open: number, openLength: number, close: number, contentEnd: number, paragraph: number, continued: boolean, continues: boolean, single: boolean): void {
  let start = open + openLength;
  let end = contentEnd;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && (isSpace(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 0x2c)) end--;
  if (end > start) spans.push({ open, close, start, end, paragraph, continued, continues, single });
}
