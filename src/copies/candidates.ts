/**
 * Candidate pairs of documents that may share text, found without comparing every pair.
 *
 * One index, from a key to the documents that hold it, with two kinds of key:
 * - MinHash with LSH banding finds documents that are mostly the same (Jaccard over shingles of
 *   about 0.5 or more). One-permutation hashing (a single hash per shingle, the minimum kept per
 *   bin, empty bins filled from the next bin) keeps signing linear in the document's length.
 * - Winnowed fingerprints find documents that share a passage but little else: with a window of
 *   w shingles, any shared run of w or more shingles shares a selected fingerprint, so a passage
 *   of `minPassageWords` words cannot be missed. About 2/(w+1) of the shingles are kept.
 *
 * A key held by many documents (a stock phrase, or one wire story run by a hundred sites) would
 * make every pair of them a candidate; instead each document is paired with the key's first
 * document and with the one before it, so the work stays linear and a syndicated story is still
 * linked to its earliest copy.
 */
import { mix } from '../ner/hash.js';
import { float64Column } from './columns.js';
import { SHINGLE_WORDS, type ShingledCorpus } from './shingles.js';

const BINS = 64;
const BANDS = 16;
const ROWS = BINS / BANDS;
const BIN_BITS = 6;
const EMPTY = 0xffffffff;
const SIGNATURE_SEED = 0x5bd1e995;

export interface CandidateOptions {
  minPassageWords: number;
}

/**
 * The MinHash signature of one document's shingles (one-permutation hashing, densified), written
 * into `bins`; `filled` is scratch of the same size.
 */
function signature(shingles: Uint32Array, bins: Uint32Array, filled: Uint32Array): void {
  bins.fill(EMPTY);
  for (const shingle of shingles) {
    const hashed = mix(shingle, SIGNATURE_SEED);
    const bin = hashed >>> (32 - BIN_BITS);
    const value = hashed & ((1 << (32 - BIN_BITS)) - 1);
    if (value < bins[bin]!) bins[bin] = value;
  }
  // An empty bin borrows the next filled bin's value, mixed with its distance, so two documents
  // with the same shingles still agree bin for bin.
  filled.set(bins);
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
}

/**
 * Calls `keep` with the shingle hashes a document is indexed under for shared passages
 * (winnowing, rightmost minimum; a hash may come twice, which the index's deduplication absorbs).
 */
function winnow(shingles: Uint32Array, window: number, keep: (hash: number) => void): void {
  if (shingles.length === 0) return;
  if (shingles.length <= window) {
    keep(Math.min(...shingles));
    return;
  }
  let lastPicked = -1;
  for (let start = 0; start + window <= shingles.length; start += 1) {
    let best = start + window - 1;
    for (let index = best - 1; index >= start; index -= 1) if (shingles[index]! < shingles[best]!) best = index;
    if (best !== lastPicked) {
      keep(shingles[best]!);
      lastPicked = best;
    }
  }
}

/** The codes sorted, each once. */
function sortedUnique(codes: Float64Array): Float64Array {
  const sorted = codes.sort();
  let kept = 0;
  for (let index = 0; index < sorted.length; index += 1) if (kept === 0 || sorted[index] !== sorted[kept - 1]) sorted[kept++] = sorted[index]!;
  return sorted.subarray(0, kept);
}

/**
 * Pairs of document indexes worth verifying, each once, as codes `lower * count + higher` in
 * increasing order; documents are numbered in input order.
 */
export function candidatePairs(corpus: ShingledCorpus, options: CandidateOptions): Float64Array {
  const count = corpus.count;
  // Each index entry is one float64: the key in the high bits, the document in the low ones.
  // Keys are cut to the bits left over; two keys that then collide only add candidates.
  const docBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const docSlots = 2 ** docBits;
  const keySlots = 2 ** (53 - docBits);
  const window = Math.max(1, options.minPassageWords - SHINGLE_WORDS + 1);
  // Sized for the expected number of entries (the bands, and about 2/(w+1) of the shingles), so
  // that it rarely grows: on a large run every big allocation costs a full garbage collection.
  let expected = 0;
  for (let doc = 0; doc < count; doc += 1) expected += BANDS + Math.ceil((3 * corpus.text(doc).shingleHashes.length) / (window + 1)) + 1;
  const entries = float64Column(expected);
  const bins = new Uint32Array(BINS);
  const filled = new Uint32Array(BINS);
  for (let doc = 0; doc < count; doc += 1) {
    const shingles = corpus.text(doc).shingleHashes;
    if (shingles.length === 0) continue;
    const file = (key: number) => entries.push((key % keySlots) * docSlots + doc);
    signature(shingles, bins, filled);
    for (let band = 0; band < BANDS; band += 1) {
      let key = mix(band, 0x27d4eb2d);
      for (let row = 0; row < ROWS; row += 1) key = mix(key, bins[band * ROWS + row]!);
      // Band keys and fingerprints share one index; the lowest bit keeps them apart.
      file(key * 2 + 1);
    }
    winnow(shingles, window, (print) => file(print * 2));
  }

  // Each document of a key is paired with the key's first document and with the one before it:
  // at most two pairs per index entry, so the work stays linear however common a key is, every
  // copy of a syndicated story is linked to the earliest, and a passage that documents share
  // still links them in a chain when a stock phrase put strangers between them.
  const pairs = float64Column(entries.length * 2);
  const pair = (a: number, b: number) => pairs.push(a < b ? a * count + b : b * count + a);
  const sorted = sortedUnique(entries.view());
  let start = 0;
  while (start < sorted.length) {
    const key = Math.floor(sorted[start]! / docSlots);
    const first = sorted[start]! - key * docSlots;
    let end = start + 1;
    for (; end < sorted.length && Math.floor(sorted[end]! / docSlots) === key; end += 1) {
      const doc = sorted[end]! - key * docSlots;
      pair(first, doc);
      if (end - 1 > start) pair(sorted[end - 1]! - key * docSlots, doc);
    }
    start = end;
  }
  return sortedUnique(pairs.view());
}
