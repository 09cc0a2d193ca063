/**
 * The engine reports UTF-16 offsets (JavaScript string indexes); the CLI contract promises code-point
 * offsets (Python's and most tools' idea of an index). They differ only after a surrogate pair
 * (emoji, rare CJK), so BMP-only text takes the identity and no table is built.
 */

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/** UTF-16 index of the high half of every surrogate pair, ascending. */
function pairStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const high = text.charCodeAt(i);
    if (high < 0xd800 || high > 0xdbff) continue;
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) starts.push(i++);
  }
  return starts;
}

/** How many values in the ascending array are below `value`. */
function countBelow(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A function from UTF-16 offset to code-point offset. An offset that falls between the halves of
 * a pair maps to the code point it splits (rounds down).
 */
export function toCodePointOffsets(text: string): (utf16: number) => number {
  if (!SURROGATE_PAIR.test(text)) return (utf16) => utf16;
  const starts = pairStarts(text);
  // Each pair that starts before the offset is two units but one code point.
  return (utf16) => utf16 - countBelow(starts, utf16);
}

/** The inverse: code-point offset to UTF-16 offset (for gold data written by Python tools). */
export function toUtf16Offsets(text: string): (codePoint: number) => number {
  if (!SURROGATE_PAIR.test(text)) return (codePoint) => codePoint;
  const starts = pairStarts(text);
  const pairCodePoints = Int32Array.from(starts, (start, k) => start - k);
  return (codePoint) => codePoint + countBelow(pairCodePoints, codePoint);
}
