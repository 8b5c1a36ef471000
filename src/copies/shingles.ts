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

/** Every document's words and shingles, in one shared buffer; `text(doc)` views one document. */
export interface ShingledCorpus {
  count: number;
  text(doc: number): ShingledText;
}

interface WordColumns {
  starts: Int32Array;
  ends: Int32Array;
  hashes: Uint32Array;
  stretchOf: Int32Array;
}

/**
 * The kept words of `text` from `from` on, written into `into` (or only counted, when it is null);
 * returns the position after the last word written.
 */
function scanWords(text: string, stretches: readonly Span[], into: WordColumns | null, from: number): number {
  let word = from;
  const limit = from + MAX_WORDS;
  for (const [index, stretch] of stretches.entries()) {
    // A hand-rolled scan with the word's hash folded in as it goes: this loop is most of the
    // stage's time, and a regex plus a lower-cased copy of every word doubled it.
    let at = stretch.start;
    while (at < stretch.end && word < limit) {
      while (at < stretch.end && !isWordChar(text, at)) at += 1;
      if (at >= stretch.end) break;
      const start = at;
      let hash = 0x811c9dc5;
      while (at < stretch.end && isWordChar(text, at)) {
        if (into) hash = Math.imul(hash ^ lowerCode(text, at), 0x01000193);
        at += 1;
      }
      if (into) {
        into.starts[word] = start;
        into.ends[word] = at;
        into.hashes[word] = hash;
        into.stretchOf[word] = index;
      }
      word += 1;
    }
  }
  return word;
}

/**
 * Shingles every document of a run. `documents[i]` is document i's text and its removed spans.
 * Words are counted first so that everything fits in one buffer allocated once: with a large
 * run in memory, every big allocation costs a full garbage collection, and growing arrays made
 * that the stage's main cost.
 *
 * @example shingleCorpus([{ text: 'Crews closed the bridge on Thursday.', removed: [] }]).text(0).wordHashes.length // 6
 */
export function shingleCorpus(documents: readonly { text: string; removed: readonly Span[] }[]): ShingledCorpus {
  const stretches = documents.map(({ text, removed }) => keptStretches(text.length, removed));
  const firstWord = new Int32Array(documents.length + 1);
  for (const [doc, { text }] of documents.entries()) firstWord[doc + 1] = scanWords(text, stretches[doc]!, null, firstWord[doc]!);
  const total = firstWord[documents.length]!;

  // Four word columns and four shingle columns (at most one shingle per word), four bytes each.
  const buffer = new ArrayBuffer(total * 4 * 8);
  const column = <T>(make: new (buffer: ArrayBuffer, offset: number, length: number) => T, index: number) => new make(buffer, total * 4 * index, total);
  const words: WordColumns = { starts: column(Int32Array, 0), ends: column(Int32Array, 1), hashes: column(Uint32Array, 2), stretchOf: column(Int32Array, 3) };
  const shingleHashes = column(Uint32Array, 4);
  const shingleWords = column(Int32Array, 5);
  const sortedHashes = column(Uint32Array, 6);
  const sortedShingles = column(Int32Array, 7);
  const firstShingle = new Int32Array(documents.length + 1);
  let keys = new Float64Array(1024);

  for (const [doc, { text }] of documents.entries()) {
    const base = firstWord[doc]!;
    const end = scanWords(text, stretches[doc]!, words, base);
    let shingle = firstShingle[doc]!;
    for (let first = base; first + SHINGLE_WORDS <= end; first += 1) {
      if (words.stretchOf[first] !== words.stretchOf[first + SHINGLE_WORDS - 1]) continue;
      let hash = words.hashes[first]!;
      for (let next = 1; next < SHINGLE_WORDS; next += 1) hash = mix(hash, words.hashes[first + next]!);
      shingleHashes[shingle] = hash;
      shingleWords[shingle] = first - base;
      shingle += 1;
    }
    const from = firstShingle[doc]!;
    const count = shingle - from;
    firstShingle[doc + 1] = shingle;
    if (count > keys.length) keys = new Float64Array(Math.max(count, keys.length * 2));
    const sorted = keys.subarray(0, count);
    for (let index = 0; index < count; index += 1) sorted[index] = shingleHashes[from + index]! * MAX_WORDS + index;
    sorted.sort();
    for (let index = 0; index < count; index += 1) {
      const key = sorted[index]!;
      sortedShingles[from + index] = key % MAX_WORDS;
      sortedHashes[from + index] = (key - sortedShingles[from + index]!) / MAX_WORDS;
    }
  }

  return {
    count: documents.length,
    text(doc) {
      const w0 = firstWord[doc]!;
      const w1 = firstWord[doc + 1]!;
      const s0 = firstShingle[doc]!;
      const s1 = firstShingle[doc + 1]!;
      return {
        wordStarts: words.starts.subarray(w0, w1),
        wordEnds: words.ends.subarray(w0, w1),
        wordHashes: words.hashes.subarray(w0, w1),
        shingleHashes: shingleHashes.subarray(s0, s1),
        shingleWords: shingleWords.subarray(s0, s1),
        sortedHashes: sortedHashes.subarray(s0, s1),
        sortedShingles: sortedShingles.subarray(s0, s1),
      };
    },
  };
}
