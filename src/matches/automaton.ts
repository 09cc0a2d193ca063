/**
 * Aho–Corasick over word tokens. The alphabet is the vocabulary of alias tokens, so a text token
 * costs one Map lookup plus amortised O(1) transitions however many aliases there are; a token
 * outside the vocabulary can continue no alias and sends the automaton straight back to the root.
 *
 * Overlapping occurrences are resolved leftmost-longest during the same pass: an occurrence is
 * decided as soon as no later one can start at or before it, so only a handful are ever pending.
 */
import { StatementsError } from '../errors.js';
import type { OnMatch } from './pending.js';
import { Pending } from './pending.js';
import { TokenCursor } from './tokenize.js';

/** Decides whether a phrase occurrence counts (see `requireCheck`); text[start, end) is the occurrence. */
export type AcceptMatch = (node: number, start: number, end: number) => boolean;

export class TokenAutomaton {
  private readonly vocab = new Map<string, number>();
  /** Children of each node by token id; index 0 is the root. */
  private readonly children: Array<Map<number, number>> = [new Map()];
  // Built with `add`, then frozen into typed arrays by `build` for the scan loop.
  private readonly terminalList: boolean[] = [false];
  private readonly depthList: number[] = [0];
  private readonly checkedNodes = new Set<number>();
  private terminal = new Uint8Array(0);
  private depths = new Int32Array(0);
  /** 1 for nodes whose occurrences must pass the `accept` callback of `scan`. */
  private checked = new Uint8Array(0);
  private fail = new Int32Array(0);
  /** Nearest proper suffix node (via failure links) that ends a phrase; 0 when none. */
  private outputLink = new Int32Array(0);
  /** Root transitions as a dense array: the root is where almost every text token lands. */
  private rootNext = new Int32Array(0);
  private maxDepth = 0;
  private built = false;

  /** Adds a phrase (folded tokens, at least one) and returns its terminal node; equal phrases share it. */
  add(tokens: readonly string[]): number {
    if (this.built) throw internal('add() after build()');
    let node = 0;
    for (const token of tokens) {
      let id = this.vocab.get(token);
      if (id === undefined) {
        id = this.vocab.size;
        this.vocab.set(token, id);
      }
      const kids = this.children[node] as Map<number, number>;
      let next = kids.get(id);
      if (next === undefined) {
        next = this.children.length;
        kids.set(id, next);
        this.children.push(new Map());
        this.terminalList.push(false);
        this.depthList.push(this.depthList[node]! + 1);
      }
      node = next;
    }
    if (node === 0) throw internal('add() needs at least one token');
    this.terminalList[node] = true;
    this.maxDepth = Math.max(this.maxDepth, tokens.length);
    return node;
  }

  /** Computes failure and output links breadth-first; call once after the last `add`. */
  build(): this {
    const count = this.children.length;
    this.terminal = Uint8Array.from(this.terminalList, (t) => (t ? 1 : 0));
    this.depths = Int32Array.from(this.depthList);
    this.checked = new Uint8Array(count);
    for (const node of this.checkedNodes) this.checked[node] = 1;
    this.fail = new Int32Array(count);
    this.outputLink = new Int32Array(count);
    this.rootNext = new Int32Array(this.vocab.size);
    const queue: number[] = [];
    for (const [token, child] of this.children[0]!) {
      this.rootNext[token] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [token, child] of this.children[node]!) {
        const target = this.step(this.fail[node]!, token);
        this.fail[child] = target;
        this.outputLink[child] = this.terminal[target] ? target : this.outputLink[target]!;
        queue.push(child);
      }
    }
    this.built = true;
    return this;
  }

  /** Makes occurrences of the phrase ending at `node` subject to the `accept` callback of `scan`. */
  requireCheck(node: number): void {
    if (this.built) throw internal('requireCheck() after build()');
    this.checkedNodes.add(node);
  }

  /**
   * Finds the leftmost-longest, non-overlapping phrase occurrences in text[from, to) and passes
   * them to `onMatch` in text order. An occurrence of a node marked with `requireCheck` only
   * counts if `accept` returns true; otherwise it is as if the phrase were not there.
   */
  scan(text: string, from: number, to: number, onMatch: OnMatch, accept?: AcceptMatch): void {
    if (!this.built) throw internal('scan() before build()');
    const { vocab, terminal, outputLink, depths, checked } = this;
    // Start offsets of the last maxDepth tokens, enough to place the start of any occurrence.
    const size = 1 << Math.ceil(Math.log2(Math.max(1, this.maxDepth)));
    const mask = size - 1;
    const starts = new Int32Array(size);
    const pending = new Pending();
    const cursor = new TokenCursor(text, from, to);
    let state = 0;
    let index = 0;
    while (cursor.next()) {
      starts[index & mask] = cursor.start;
      index++;
      const id = vocab.get(cursor.value);
      state = id === undefined ? 0 : this.step(state, id);
      if (state !== 0) {
        let out = terminal[state] ? state : outputLink[state]!;
        while (out !== 0) {
          const first = index - depths[out]!;
          const start = starts[first & mask]!;
          if (first >= pending.committedEnd && (checked[out] === 0 || (accept?.(out, start, cursor.end) ?? true))) {
            pending.add(out, first, index, start, cursor.end);
          }
          out = outputLink[out]!;
        }
      }
      // No later occurrence can start before the first token of the current state.
      if (pending.size > 0) pending.decide(index - depths[state]!, onMatch);
    }
    pending.decide(Infinity, onMatch);
  }

  private step(state: number, token: number): number {
    let node = state;
    while (node !== 0) {
      const next = this.children[node]!.get(token);
      if (next !== undefined) return next;
      node = this.fail[node]!;
    }
    return this.rootNext[token] ?? 0;
  }
}

/** Misuse of the automaton by this module's own code, never by user data. */
function internal(what: string): StatementsError {
  return new StatementsError('matches', 'MATCHER_INTERNAL', `token automaton: ${what}; this is a bug in the matcher`);
}
