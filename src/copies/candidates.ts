/**
 * Candidate pairs of documents that may share text, found without comparing every pair.
 *
 * Two indexes, each a map from a key to the documents that hold it:
 * - MinHash with LSH banding finds documents that are mostly the same (Jaccard over shingles of
 *   about 0.5 or more). One-permutation hashing (a single hash per shingle, the minimum kept per
 *   bin, empty bins filled from the next bin) keeps signing linear in the document's length.
 * - Winnowed fingerprints find documents that share a passage but little else: with a window of
 *   w shingles, any shared run of w or more shingles shares a selected fingerprint, so a passage
 *   of `minPassageWords` words cannot be missed. About 2/(w+1) of the shingles are kept.
 *
 * A key held by many documents (a stock phrase, or one wire story run by a hundred sites) would
 * make every pair of them a candidate; past `maxBucket` documents, each is paired only with the
 * key's first document instead, so the work stays linear and a syndicated story is still linked
 * to its earliest copy.
 */
import { mix } from '../ner/hash.js';
import { SHINGLE_WORDS, type ShingledText } from './shingles.js';

const BINS = 64;
const BANDS = 16;
const ROWS = BINS / BANDS;
const BIN_BITS = 6;
const EMPTY = 0xffffffff;
const SIGNATURE_SEED = 0x5bd1e995;

export interface CandidateOptions {
  minPassageWords: number;
  maxBucket: number;
}

/** The MinHash signature of one document's shingles (one-permutation hashing, densified). */
export function signature(shingles: Uint32Array): Uint32Array {
  const bins = new Uint32Array(BINS).fill(EMPTY);
  for (const shingle of shingles) {
    const hashed = mix(shingle, SIGNATURE_SEED);
    const bin = hashed >>> (32 - BIN_BITS);
    const value = hashed & ((1 << (32 - BIN_BITS)) - 1);
    if (value < bins[bin]!) bins[bin] = value;
  }
  // An empty bin borrows the next filled bin's value, mixed with its distance, so two documents
  // with the same shingles still agree bin for bin.
  const filled = bins.slice();
  for (let bin = 0; bin < BINS; bin += 1) {
    if (filled[bin] !== EMPTY) continue;
    for (let step = 1; step < BINS; step += 1) {
      const donor = filled[(bin + step) % BINS]!;
      if (donor !== EMPTY) {
        bins[bin] = mix(donor, step);
        break;
      }
    }
  }
  return bins;
}

/** The shingle hashes a document is indexed under for shared passages (winnowing, rightmost minimum). */
export function fingerprints(shingles: Uint32Array, window: number): Uint32Array {
  if (shingles.length === 0) return new Uint32Array(0);
  if (shingles.length <= window) return Uint32Array.of(Math.min(...shingles));
  const chosen = new Set<number>();
  let lastPicked = -1;
  for (let start = 0; start + window <= shingles.length; start += 1) {
    let best = start + window - 1;
    for (let index = best - 1; index >= start; index -= 1) if (shingles[index]! < shingles[best]!) best = index;
    if (best !== lastPicked) {
      chosen.add(shingles[best]!);
      lastPicked = best;
    }
  }
  return Uint32Array.from(chosen);
}

/** A growable list of float64 codes, so that millions of index entries never become heap objects. */
class Codes {
  private items = new Float64Array(1024);
  length = 0;

  push(code: number): void {
    if (this.length === this.items.length) {
      const grown = new Float64Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = code;
  }

  /** The codes sorted, each once. */
  sortedUnique(): Float64Array {
    const sorted = this.items.subarray(0, this.length).sort();
    let kept = 0;
    for (let index = 0; index < sorted.length; index += 1) if (index === 0 || sorted[index] !== sorted[kept - 1]) sorted[kept++] = sorted[index]!;
    return sorted.slice(0, kept);
  }
}

/**
 * Pairs of document indexes worth verifying, each once, as codes `lower * count + higher` in
 * increasing order. `texts[i]` is document i's shingled text; documents are in input order.
 */
export function candidatePairs(texts: readonly ShingledText[], options: CandidateOptions): Float64Array {
  const count = texts.length;
  // Each index entry is one float64: the key in the high bits, the document in the low ones.
  // Keys are cut to the bits left over; two keys that then collide only add candidates.
  const docBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const docSlots = 2 ** docBits;
  const keySlots = 2 ** (53 - docBits);
  const entries = new Codes();
  const file = (key: number, doc: number) => entries.push((key % keySlots) * docSlots + doc);

  const window = Math.max(1, options.minPassageWords - SHINGLE_WORDS + 1);
  for (const [doc, text] of texts.entries()) {
    if (text.shingleHashes.length === 0) continue;
    const bins = signature(text.shingleHashes);
    for (let band = 0; band < BANDS; band += 1) {
      let key = mix(band, 0x27d4eb2d);
      for (let row = 0; row < ROWS; row += 1) key = mix(key, bins[band * ROWS + row]!);
      // Band keys and fingerprints share one index; the lowest bit keeps them apart.
      file(key * 2 + 1, doc);
    }
    for (const print of fingerprints(text.shingleHashes, window)) file(print * 2, doc);
  }

  const pairs = new Codes();
  const pair = (a: number, b: number) => pairs.push(a < b ? a * count + b : b * count + a);
  const sorted = entries.sortedUnique();
  let start = 0;
  while (start < sorted.length) {
    const key = Math.floor(sorted[start]! / docSlots);
    let end = start + 1;
    while (end < sorted.length && Math.floor(sorted[end]! / docSlots) === key) end += 1;
    const size = end - start;
    const docAt = (index: number) => sorted[start + index]! - key * docSlots;
    if (size > options.maxBucket) {
      for (let index = 1; index < size; index += 1) pair(docAt(0), docAt(index));
    } else {
      for (let a = 0; a < size; a += 1) for (let b = a + 1; b < size; b += 1) pair(docAt(a), docAt(b));
    }
    start = end;
  }
  return pairs.sortedUnique();
}
