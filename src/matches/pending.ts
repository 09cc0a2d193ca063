/**
 * Leftmost-longest choice among overlapping occurrences, made while the automaton scans: of the
 * occurrences not yet decided, the one starting first (the longest of those) is chosen once no
 * later occurrence can start at or before it; the ones overlapping it are dropped.
 * "Russian Defence Ministry" thus beats the "Russia" inside it, "de-escalation" beats "escalation".
 */

/** Receives the chosen occurrences in text order: the phrase's terminal node and text[start, end). */
export type OnMatch = (node: number, start: number, end: number) => void;

/** Occurrences found but not yet decided, in parallel arrays to spare an object per occurrence. */
export class Pending {
  size = 0;
  /** Token index where the last chosen occurrence ended; nothing may start before it. */
  committedEnd = 0;
  private readonly node: number[] = [];
  private readonly first: number[] = [];
  private readonly last: number[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];

  add(node: number, first: number, last: number, start: number, end: number): void {
    const i = this.size++;
    this.node[i] = node;
    this.first[i] = first;
    this.last[i] = last;
    this.start[i] = start;
    this.end[i] = end;
  }

  /** Chooses, leftmost-longest, every pending occurrence that starts before token `horizon`. */
  decide(horizon: number, onMatch: OnMatch): void {
    while (this.size > 0) {
      let best = -1;
      for (let i = 0; i < this.size; i++) {
        const first = this.first[i]!;
        if (first < this.committedEnd) continue;
        if (best < 0 || first < this.first[best]! || (first === this.first[best]! && this.last[i]! > this.last[best]!)) best = i;
      }
      if (best < 0 || this.first[best]! >= horizon) {
        this.compact();
        return;
      }
      onMatch(this.node[best]!, this.start[best]!, this.end[best]!);
      this.committedEnd = this.last[best]!;
      this.compact();
    }
  }

  /** Drops occurrences that overlap the chosen ones. */
  private compact(): void {
    let kept = 0;
    for (let i = 0; i < this.size; i++) {
      if (this.first[i]! < this.committedEnd) continue;
      this.node[kept] = this.node[i]!;
      this.first[kept] = this.first[i]!;
      this.last[kept] = this.last[i]!;
      this.start[kept] = this.start[i]!;
      this.end[kept] = this.end[i]!;
      kept++;
    }
    this.size = kept;
  }
}
