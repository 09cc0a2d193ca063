/**
 * Near-duplicate fingerprints of article bodies: MinHash over word 3-shingles. Two copies of one
 * wire story with light edits (a changed headline, a trimmed paragraph, an outlet's own
 * dateline) share most shingles; two different stories on the same topic, even quoting the same
 * sentence, share few. The fraction of equal MinHash slots estimates the Jaccard similarity.
 */
import { tokenize } from '../matches/index.js';

export const SIGNATURE_SLOTS = 64;
const SHINGLE_WORDS = 3;

/** Words as the watchlist matcher sees them (folded: lower case, no accents): one tokenizer for all. */
function words(text: string): string[] {
  return tokenize(text).map((t) => t.value);
}

/** 32-bit FNV-1a of a string: fast, and good enough to seed the slot hashes. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A cheap, well-mixed 32-bit hash family (murmur3's finaliser over the shingle hash and a seed). */
function mix(value: number, seed: number): number {
  let h = (value ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The body's signature; an empty text gives all-max slots (similar to nothing). */
export function storySignature(text: string): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SLOTS).fill(0xffffffff);
  const list = words(text);
  const count = Math.max(0, list.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < count; i++) {
    const shingle = fnv1a(`${list[i]} ${list[i + 1]} ${list[i + 2]}`);
    for (let slot = 0; slot < SIGNATURE_SLOTS; slot++) {
      const h = mix(shingle, slot + 1);
      if (h < signature[slot]!) signature[slot] = h;
    }
  }
  return signature;
}

/** Slots per band: 32 bands of 2 make bodies with a Jaccard similarity of 0.5 share a band with
 * probability 1 − (1 − 0.5²)³² > 0.9999, and unrelated ones (0.02) about 1%. */
const BAND_SLOTS = 2;

/** The signature's bands, as index keys; an empty body has none (it is like nothing). */
export function signatureBands(signature: Uint32Array): string[] {
  const bands: string[] = [];
  for (let start = 0; start + BAND_SLOTS <= signature.length; start += BAND_SLOTS) {
    const slots = [...signature.subarray(start, start + BAND_SLOTS)];
    if (slots.every((s) => s === 0xffffffff)) continue;
    bands.push(`${start / BAND_SLOTS}:${slots.map((s) => s.toString(36)).join('.')}`);
  }
  return bands;
}

/** Estimated Jaccard similarity of the two bodies' shingle sets, 0–1. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  let empty = 0;
  for (let slot = 0; slot < SIGNATURE_SLOTS; slot++) {
    if (a[slot] === 0xffffffff) empty++;
    if (a[slot] === b[slot] && a[slot] !== 0xffffffff) equal++;
  }
  return empty === SIGNATURE_SLOTS ? 0 : equal / SIGNATURE_SLOTS;
}

/** A quote as copies vary it least: its words, lower case, without accents or punctuation. */
export function quoteKey(quote: string): string {
  return words(quote).join(' ');
}

/** A headline as outlets vary it least: lower case, no punctuation, no " - Outlet" suffix. */
export function titleKey(title: string): string {
  const bare = title.replace(/\s+[-–—|:]\s+[^-–—|:]{2,40}$/u, '');
  return words(bare).join(' ');
}
