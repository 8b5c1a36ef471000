/**
 * The verified overlap of two documents: the maximal runs of words they share, found from their
 * shared shingles (a run is a diagonal of consecutive shingles) and checked word by word, then
 * mapped back to character spans in each text.
 */
import type { Span } from '../document.js';
import { SHINGLE_WORDS, type ShingledText } from './shingles.js';

/** A shingle that recurs more often than this in one text is a refrain (a chant, a list), not evidence. */
const MAX_REPEATS = 8;
const POSITION = 2 ** 21;

export interface SharedRun {
  a: Span;
  b: Span;
  words: number;
  /** First word of the run in each text. */
  wordA: number;
  wordB: number;
  /** Words of the passage this run belongs to: runs a few edited words apart, in order in both texts, make one passage. */
  passageWords: number;
}

/** Words that may differ between two runs of one passage (a changed name, a dropped "also"). */
const PASSAGE_GAP = 3;

export interface Alignment {
  /** Shared runs of at least `minRunWords` words, in the order of `a`. */
  runs: SharedRun[];
  /** Kept words of each document that lie in a shared run. */
  coveredA: number;
  coveredB: number;
  /** Words of the longest passage. */
  longest: number;
}

// Scratch reused by every alignment: a large run aligns tens of thousands of pairs, and fresh
// buffers for each made garbage collection the cost.
let scratchKeys = new Float64Array(1024);
let scratchCover = new Uint8Array(4096);

/** Aligns `a` with `b`; null when they share no run of `minRunWords` words. */
export function alignTexts(a: ShingledText, b: ShingledText, minRunWords: number): Alignment | null {
  // One key per shared shingle, ordered by diagonal then position: a run is consecutive words on one diagonal.
  const keys = sharedShingles(a, b);
  if (keys.length < Math.max(1, minRunWords - SHINGLE_WORDS + 1)) return null;
  keys.sort();

  const runs: SharedRun[] = [];
  const words = a.wordHashes.length + b.wordHashes.length;
  if (scratchCover.length < words) scratchCover = new Uint8Array(Math.max(words, scratchCover.length * 2));
  const coverA = scratchCover.subarray(0, a.wordHashes.length).fill(0);
  const coverB = scratchCover.subarray(a.wordHashes.length, words).fill(0);
  let index = 0;
  while (index < keys.length) {
    const diagonal = Math.floor(keys[index]! / POSITION);
    const first = keys[index]! - diagonal * POSITION;
    let last = first;
    index += 1;
    while (index < keys.length && keys[index] === diagonal * POSITION + last + 1) {
      last += 1;
      index += 1;
    }
    const offset = diagonal - POSITION;
    const wordsEnd = last + SHINGLE_WORDS;
    // Check the words themselves, cutting the run where a hash collision let a stranger in.
    let runStart = first;
    for (let word = first; word <= wordsEnd; word += 1) {
      const same = word < wordsEnd && a.wordHashes[word] === b.wordHashes[word + offset];
      if (same) continue;
      const length = word - runStart;
      if (length >= minRunWords) {
        runs.push({
          a: { start: a.wordStarts[runStart]!, end: a.wordEnds[word - 1]! },
          b: { start: b.wordStarts[runStart + offset]!, end: b.wordEnds[word - 1 + offset]! },
          words: length,
          wordA: runStart,
          wordB: runStart + offset,
          passageWords: length,
        });
        coverA.fill(1, runStart, word);
        coverB.fill(1, runStart + offset, word + offset);
      }
      runStart = word + 1;
    }
  }
  if (runs.length === 0) return null;

  runs.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
  return {
    runs,
    coveredA: count(coverA),
    coveredB: count(coverB),
    longest: markPassages(runs),
  };
}

/**
 * Joins runs that follow each other in both texts with at most PASSAGE_GAP words between into
 * passages, marks each run with its passage's words, and returns the longest passage's words.
 */
function markPassages(runs: SharedRun[]): number {
  let longest = 0;
  let first = 0;
  let words = 0;
  for (let index = 0; index <= runs.length; index += 1) {
    const run = runs[index];
    const previous = runs[index - 1];
    const gapA = run && previous ? run.wordA - previous.wordA - previous.words : -1;
    const gapB = run && previous ? run.wordB - previous.wordB - previous.words : -1;
    if (run && index > first && gapA >= 0 && gapA <= PASSAGE_GAP && gapB >= 0 && gapB <= PASSAGE_GAP) {
      words += run.words;
      continue;
    }
    // The passage from `first` ends before `index`.
    for (let member = first; member < index; member += 1) runs[member]!.passageWords = words;
    longest = Math.max(longest, words);
    first = index;
    words = run?.words ?? 0;
  }
  return longest;
}

/** Every shingle the two texts share, as keys `(diagonal + POSITION) * POSITION + word in a`. */
function sharedShingles(a: ShingledText, b: ShingledText): Float64Array {
  let found = 0;
  const add = (wordA: number, wordB: number) => {
    if (found === scratchKeys.length) {
      const grown = new Float64Array(scratchKeys.length * 2);
      grown.set(scratchKeys);
      scratchKeys = grown;
    }
    scratchKeys[found++] = (wordB - wordA + POSITION) * POSITION + wordA;
  };
  let i = 0;
  let j = 0;
  while (i < a.sortedHashes.length && j < b.sortedHashes.length) {
    const hashA = a.sortedHashes[i]!;
    const hashB = b.sortedHashes[j]!;
    if (hashA < hashB) i += 1;
    else if (hashB < hashA) j += 1;
    else {
      let endA = i;
      while (endA < a.sortedHashes.length && a.sortedHashes[endA] === hashA) endA += 1;
      let endB = j;
      while (endB < b.sortedHashes.length && b.sortedHashes[endB] === hashB) endB += 1;
      if (endA - i <= MAX_REPEATS && endB - j <= MAX_REPEATS) {
        for (let x = i; x < endA; x += 1) {
          for (let y = j; y < endB; y += 1) add(a.shingleWords[a.sortedShingles[x]!]!, b.shingleWords[b.sortedShingles[y]!]!);
        }
      }
      i = endA;
      j = endB;
    }
  }
  return scratchKeys.subarray(0, found);
}

function count(cover: Uint8Array): number {
  let total = 0;
  for (let index = 0; index < cover.length; index += 1) total += cover[index]!;
  return total;
}
