/**
 * The words a document keeps and the word shingles over them: the units that copies are found
 * and aligned with. Words are runs of letters and digits, lower-cased, so "Hamas’" and "Hamas"
 * match and punctuation edits do not break a copy. Removed debris is a hard break: no word comes
 * from it and no shingle spans it, so every shared passage lies in kept text.
 */
import type { Span } from '../document.js';
import { mix } from '../ner/hash.js';

/** Words per shingle: long enough that a shared shingle is rarely chance, short enough to survive light edits. */
export const SHINGLE_WORDS = 5;

// Sorting (hash, position) pairs as one float64 keeps 21 bits for the position.
const MAX_WORDS = 1 << 21;

export interface ShingledText {
  /** Start and end offset of each kept word. */
  wordStarts: Int32Array;
  wordEnds: Int32Array;
  /** The lower-cased word's hash, to verify a shared run word by word. */
  wordHashes: Uint32Array;
  /** One entry per shingle: its hash and the index of its first word. */
  shingleHashes: Uint32Array;
  shingleWords: Int32Array;
  /** The shingle hashes sorted, with their shingle index alongside: merged to find shared shingles. */
  sortedHashes: Uint32Array;
  sortedShingles: Int32Array;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  // Surrogate halves count as word characters so that a letter outside the BMP stays one word.
  return (code >= 0xd800 && code <= 0xdfff) || LETTER_OR_DIGIT.test(text[at]!);
}

function lowerCode(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  return text[at]!.toLowerCase().charCodeAt(0);
}

/** The kept stretches of `text`: everything outside the removed spans. */
export function keptStretches(length: number, removed: readonly Span[]): Span[] {
  const stretches: Span[] = [];
  let at = 0;
  for (const span of [...removed].sort((a, b) => a.start - b.start)) {
    if (span.start > at) stretches.push({ start: at, end: span.start });
    at = Math.max(at, span.end);
  }
  if (at < length) stretches.push({ start: at, end: length });
  return stretches;
}

/**
 * Scratch space shared by every call, grown as needed: allocating these per document made the
 * garbage collector, not the scan, the cost on large runs. Only the exact-size results are new.
 */
let scratch = { starts: new Int32Array(0), ends: new Int32Array(0), hashes: new Uint32Array(0), stretchOf: new Int32Array(0), keys: new Float64Array(0) };

function scratchFor(capacity: number): typeof scratch {
  if (scratch.starts.length < capacity) {
    const size = Math.max(capacity, scratch.starts.length * 2);
    scratch = { starts: new Int32Array(size), ends: new Int32Array(size), hashes: new Uint32Array(size), stretchOf: new Int32Array(size), keys: new Float64Array(size) };
  }
  return scratch;
}

export function shingleText(text: string, removed: readonly Span[]): ShingledText {
  // A word takes at least one character and one separator, which bounds the arrays up front.
  const capacity = Math.min(MAX_WORDS, (text.length >> 1) + 1);
  const { starts, ends, hashes, stretchOf, keys: scratchKeys } = scratchFor(capacity);
  let words = 0;
  for (const [index, stretch] of keptStretches(text.length, removed).entries()) {
    // A hand-rolled scan with the word's hash folded in as it goes: this loop is most of the
    // stage's time, and a regex plus a lower-cased copy of every word doubled it.
    let at = stretch.start;
    while (at < stretch.end && words < capacity) {
      while (at < stretch.end && !isWordChar(text, at)) at += 1;
      if (at >= stretch.end) break;
      starts[words] = at;
      let hash = 0x811c9dc5;
      while (at < stretch.end && isWordChar(text, at)) {
        hash = Math.imul(hash ^ lowerCode(text, at), 0x01000193);
        at += 1;
      }
      ends[words] = at;
      hashes[words] = hash;
      stretchOf[words] = index;
      words += 1;
    }
  }

  const shingleHashes = new Uint32Array(Math.max(0, words - SHINGLE_WORDS + 1));
  const shingleWords = new Int32Array(shingleHashes.length);
  let shingles = 0;
  for (let first = 0; first + SHINGLE_WORDS <= words; first += 1) {
    if (stretchOf[first] !== stretchOf[first + SHINGLE_WORDS - 1]) continue;
    let hash = hashes[first]!;
    for (let next = 1; next < SHINGLE_WORDS; next += 1) hash = mix(hash, hashes[first + next]!);
    shingleHashes[shingles] = hash;
    shingleWords[shingles] = first;
    shingles += 1;
  }

  const keys = scratchKeys.subarray(0, shingles);
  for (let index = 0; index < shingles; index += 1) keys[index] = shingleHashes[index]! * MAX_WORDS + index;
  keys.sort();
  const sortedHashes = new Uint32Array(shingles);
  const sortedShingles = new Int32Array(shingles);
  for (let index = 0; index < shingles; index += 1) {
    const key = keys[index]!;
    sortedShingles[index] = key % MAX_WORDS;
    sortedHashes[index] = (key - sortedShingles[index]!) / MAX_WORDS;
  }

  return {
    wordStarts: starts.slice(0, words),
    wordEnds: ends.slice(0, words),
    wordHashes: hashes.slice(0, words),
    shingleHashes: shingleHashes.subarray(0, shingles),
    shingleWords: shingleWords.subarray(0, shingles),
    sortedHashes,
    sortedShingles,
  };
}
