/**
 * Scrapers and CMS templates repeat blocks of a story, sometimes with a comma added or a quote
 * mark changed. Counting a repeated paragraph twice would double its claims and quotes, so every
 * later copy is marked and the first copy kept. Exact copies and copies equal once punctuation
 * and case are ignored are found by hashing; looser copies (a word changed) by shared word pairs.
 */
import { comparisonKey, type Line } from './lines.js';
import type { Mark } from './rules.js';

/** Short lines ("He denied it.") legitimately recur; only paragraphs this long count as copies. */
const MIN_WORDS = 8;
/** Share of word pairs two paragraphs must have in common to be the same paragraph. */
const NEAR_SIMILARITY = 0.85;
/** A looser copy may change one word and drop two; more than that is a different paragraph. */
const MAX_ADDED_WORDS = 1;
const MAX_DROPPED_WORDS = 2;
/** Word pairs this common ("of the") say nothing about which paragraphs match. */
const MAX_POSTINGS = 64;

export function markDuplicates(lines: readonly Line[], marks: (Mark | null)[], keep: ReadonlySet<number>): void {
  const exact = new Map<string, Line>();
  const normalized = new Map<string, Line>();
  const shingleIndex = new Map<string, number[]>();
  const shinglesOf = new Map<number, Set<string>>();

  for (const line of lines) {
    if (marks[line.index] || keep.has(line.index) || line.words < MIN_WORDS) continue;
    const firstExact = exact.get(line.text);
    if (firstExact) {
      marks[line.index] = { reason: 'duplicate', rule: 'clean/duplicate-paragraph', duplicateOf: spanOf(firstExact) };
      continue;
    }
    const norm = comparisonKey(line);
    const firstNormalized = normalized.get(norm);
    if (firstNormalized) {
      marks[line.index] = { reason: 'near-duplicate', rule: 'clean/near-duplicate-paragraph', duplicateOf: spanOf(firstNormalized) };
      continue;
    }

    const shingles = wordPairs(norm);
    const similar = mostSimilar(shingles, shingleIndex, shinglesOf);
    if (similar !== null && addsNothing(comparisonKey(lines[similar]!), norm)) {
      const first = lines[similar]!;
      marks[line.index] = { reason: 'near-duplicate', rule: 'clean/near-duplicate-paragraph', duplicateOf: spanOf(first) };
      continue;
    }

    exact.set(line.text, line);
    normalized.set(norm, line);
    shinglesOf.set(line.index, shingles);
    for (const shingle of shingles) {
      const postings = shingleIndex.get(shingle);
      if (!postings) shingleIndex.set(shingle, [line.index]);
      else if (postings.length < MAX_POSTINGS) postings.push(line.index);
    }
  }
}

/**
 * A looser copy counts only if dropping it loses nothing: it adds at most one word (a changed
 * word) and drops at most two. A body paragraph that repeats a pull quote and adds "he said", or
 * a lede that returns with an extra clause, carries new words and is kept.
 */
function addsNothing(first: string, later: string): boolean {
  const counts = new Map<string, number>();
  for (const word of first.split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
  let added = 0;
  for (const word of later.split(' ')) {
    const left = counts.get(word) ?? 0;
    if (left > 0) counts.set(word, left - 1);
    else added += 1;
  }
  let dropped = 0;
  for (const left of counts.values()) dropped += left;
  return added <= MAX_ADDED_WORDS && dropped <= MAX_DROPPED_WORDS;
}

function spanOf(line: Line): { start: number; end: number } {
  return { start: line.start, end: line.end };
}

function wordPairs(normalized: string): Set<string> {
  const words = normalized.split(' ');
  const pairs = new Set<string>();
  for (let index = 1; index < words.length; index += 1) pairs.add(`${words[index - 1]} ${words[index]}`);
  return pairs;
}

/** The earlier kept paragraph sharing the most word pairs with this one, if similar enough (Dice). */
function mostSimilar(shingles: Set<string>, index: Map<string, number[]>, shinglesOf: Map<number, Set<string>>): number | null {
  const shared = new Map<number, number>();
  for (const shingle of shingles) {
    const postings = index.get(shingle);
    if (!postings || postings.length >= MAX_POSTINGS) continue;
    for (const line of postings) shared.set(line, (shared.get(line) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestScore = NEAR_SIMILARITY;
  for (const [line, count] of shared) {
    const other = shinglesOf.get(line)!;
    const score = (2 * count) / (shingles.size + other.size);
    if (score >= bestScore) {
      best = line;
      bestScore = score;
    }
  }
  return best;
}
