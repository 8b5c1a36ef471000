/**
 * What two prepared sentences have in common, as numbers a classifier can weigh: shared words
 * (plain, bigrams, weighted by rarity), meaning (sentence vectors, and each word's best match by
 * vector in the other sentence, a cheap cousin of the word mover's distance), and the slots where
 * one fact can differ while nearly every word is shared: numbers, dates, names, negation.
 */
import { MONTHS, WEEKDAYS } from './lexicon.js';
import type { NumberMention, PreparedSentence } from './prepare.js';
import { shippedVectors, type WordVectors } from './vectors.js';

/** The feature names, in the order of the vector `pairFeatures` returns; models store them. */
export const FEATURE_NAMES = [
  'contentJaccard',
  'contentContainment',
  'wordF1',
  'bigramDice',
  'trigramDice',
  'weightedJaccard',
  'weightedCoverageMin',
  'weightedCoverageMax',
  'sentenceCosine',
  'alignedMin',
  'alignedMax',
  'alignedMean',
  'unalignedMax',
  'unalignedWeight',
  'lcsRatio',
  'numbersEqual',
  'numbersOnlyOneSide',
  'numberConflict',
  'dateConflict',
  'negationMismatch',
  'hedgeMismatch',
  'namesJaccard',
  'namesUnmatched',
  'lengthRatio',
  'lengthDifference',
  'logLength',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type PairFeatures = Record<FeatureName, number>;

/**
 * Cosines of unrelated GloVe words reach 0.3 and more, which would let any two sentences look
 * half aligned; below COSINE_FLOOR a match counts nothing, from COSINE_FULL it counts as the same
 * word, linearly in between.
 */
const COSINE_FLOOR = 0.35;
const COSINE_FULL = 0.75;
/** A word counts as aligned from this match score (a cosine of 0.55) up. */
const ALIGNED = 0.5;

/**
 * Every content word of `a` against every content word of `b`, 0..1: 1 for the same key, else
 * the cosine of their vectors between COSINE_FLOOR and COSINE_FULL. Numbers, dates and words
 * without vectors match only themselves. Computed once per pair, read by features and rules.
 */
export class Matches {
  readonly values: Float64Array;

  constructor(
    readonly a: PreparedSentence,
    readonly b: PreparedSentence,
    vectors: WordVectors,
  ) {
    const { dims, unit } = vectors;
    const columns = b.keys.length;
    this.values = new Float64Array(a.keys.length * columns);
    for (let i = 0; i < a.keys.length; i++) {
      const row = a.rows[i]!;
      for (let j = 0; j < columns; j++) {
        if (a.keys[i] === b.keys[j]) {
          this.values[i * columns + j] = 1;
          continue;
        }
        const other = b.rows[j]!;
        if (row < 0 || other < 0) continue;
        let dot = 0;
        for (let d = 0, x = row * dims, y = other * dims; d < dims; d++, x++, y++) dot += unit[x]! * unit[y]!;
        this.values[i * columns + j] = Math.min(1, Math.max(0, (dot - COSINE_FLOOR) / (COSINE_FULL - COSINE_FLOOR)));
      }
    }
  }

  /** Match of word `i` of `from` (a or b) with word `j` of the other sentence. */
  get(from: PreparedSentence, i: number, j: number): number {
    return from === this.a ? this.values[i * this.b.keys.length + j]! : this.values[j * this.b.keys.length + i]!;
  }

  /** The best match of word `i` of `from` among the other sentence's words (all, or those listed). */
  best(from: PreparedSentence, i: number, among?: readonly number[]): number {
    const other = from === this.a ? this.b : this.a;
    let top = 0;
    const count = among ? among.length : other.keys.length;
    for (let n = 0; n < count && top < 1; n++) top = Math.max(top, this.get(from, i, among ? among[n]! : n));
    return top;
  }
}

export function pairFeatures(a: PreparedSentence, b: PreparedSentence, matches: Matches = new Matches(a, b, shippedVectors())): PairFeatures {
  const shared = sharedKeys(a.keyWeights, b.keyWeights);
  const totalA = a.keyWeightTotal;
  const totalB = b.keyWeightTotal;
  const sharedWords = sharedCount(a.wordSet, b.wordSet);
  const alignA = alignment(a, matches);
  const alignB = alignment(b, matches);
  const numbers = numberComparison(a, b);
  const sharedNames = a.names.filter((name) => b.names.includes(name)).length;
  const namesTotal = a.names.length + b.names.length;
  const lengthA = a.words.length;
  const lengthB = b.words.length;
  const uniqueA = a.keyWeights.size;
  const uniqueB = b.keyWeights.size;

  return {
    contentJaccard: ratio(shared.count, uniqueA + uniqueB - shared.count),
    contentContainment: ratio(shared.count, Math.min(uniqueA, uniqueB)),
    wordF1: ratio(2 * sharedWords, a.wordSet.size + b.wordSet.size),
    bigramDice: ratio(2 * sortedOverlap(a.bigrams, b.bigrams), a.bigrams.length + b.bigrams.length),
    trigramDice: ratio(2 * sortedOverlap(a.trigrams, b.trigrams), a.trigrams.length + b.trigrams.length),
    weightedJaccard: ratio(shared.weight, totalA + totalB - shared.weight),
    weightedCoverageMin: Math.min(ratio(shared.weightA, totalA), ratio(shared.weightB, totalB)),
    weightedCoverageMax: Math.max(ratio(shared.weightA, totalA), ratio(shared.weightB, totalB)),
    sentenceCosine: cosineOf(a.vector, b.vector),
    alignedMin: Math.min(alignA.score, alignB.score),
    alignedMax: Math.max(alignA.score, alignB.score),
    alignedMean: (alignA.score + alignB.score) / 2,
    unalignedMax: Math.max(alignA.unaligned, alignB.unaligned),
    unalignedWeight: Math.log1p(Math.max(alignA.unalignedWeight, alignB.unalignedWeight)),
    lcsRatio: ratio(commonSubsequence(a.keys, b.keys), Math.min(a.keys.length, b.keys.length)),
    numbersEqual: numbers.equal ? 1 : 0,
    numbersOnlyOneSide: numbers.onlyOneSide,
    numberConflict: numbers.conflict ? 1 : 0,
    dateConflict: datesConflict(a, b) ? 1 : 0,
    negationMismatch: polarityConflict(matches) ? 1 : 0,
    hedgeMismatch: (a.hedges > 0) !== (b.hedges > 0) ? 1 : 0,
    namesJaccard: namesTotal > 0 ? ratio(sharedNames, namesTotal - sharedNames) : 1,
    namesUnmatched: namesTotal - 2 * sharedNames,
    lengthRatio: ratio(Math.min(lengthA, lengthB), Math.max(lengthA, lengthB)),
    lengthDifference: Math.abs(lengthA - lengthB),
    logLength: Math.log1p(lengthA + lengthB),
  };
}

export function featureVector(features: PairFeatures): Float64Array {
  return Float64Array.from(FEATURE_NAMES, (name) => features[name]);
}

interface Alignment {
  /** Weighted mean of each word's best match in the other sentence. */
  score: number;
  /** Weighted share of words whose best match is below ALIGNED. */
  unaligned: number;
  /** Summed weight of those words. */
  unalignedWeight: number;
}

/** Each content word of `from` (one of the two sentences of `matches`) with its best match in the other. */
function alignment(from: PreparedSentence, matches: Matches): Alignment {
  let total = 0;
  let score = 0;
  let unalignedWeight = 0;
  for (let i = 0; i < from.keys.length; i++) {
    const top = matches.best(from, i);
    const weight = from.weights[i]!;
    total += weight;
    score += weight * top;
    if (top < ALIGNED) unalignedWeight += weight;
  }
  return { score: ratio(score, total), unaligned: ratio(unalignedWeight, total), unalignedWeight };
}

/** A match this strong makes two words the same word for polarity. */
const SAME_WORD = 0.8;

/**
 * Whether one sentence states under negation what the other states plainly: their counts of
 * negation cues differ in parity (both negated, "never declared" / "has not recognised", is no
 * conflict), and a word in a negation's scope has strong matches in the other sentence only
 * outside any scope ("has not withdrawn" / "has withdrawn"). The second test keeps a negation
 * in a side clause ("divisions that have not abated") from flipping the whole sentence.
 */
/** Nouns and verbs of prohibition: "the ban on drinking tap water" says what "nobody should drink tap water" says. */
const PROHIBITIONS = new Set('ban bans banned banning prohibit prohibits prohibited prohibiting prohibition forbid forbids forbade forbidden embargo moratorium'.split(' '));

/** How many content words after a prohibition it covers, as a negation cue covers its scope. */
const PROHIBITION_SCOPE = 4;

/** Whether a content word is in a prohibition's scope (one of the few content words after it). */
function prohibited(sentence: PreparedSentence, index: number): boolean {
  for (let k = Math.max(0, index - PROHIBITION_SCOPE); k < index; k++) if (PROHIBITIONS.has(sentence.forms[k]!)) return true;
  return false;
}

/**
 * Whether a word negated on one side is stated plainly on the other. The contradiction rule
 * counts a prohibition as a negation (`prohibitions`); the matcher's `negationMismatch` feature
 * does not, as the classifier was trained without it.
 */
export function polarityConflict(matches: Matches, prohibitions = false): boolean {
  if (matches.a.negations % 2 === matches.b.negations % 2) return false;
  for (const [from, to] of [
    [matches.a, matches.b],
    [matches.b, matches.a],
  ] as const) {
    for (let i = 0; i < from.keys.length; i++) {
      if (!from.negated[i]) continue;
      let plain = false;
      let negated = false;
      for (let j = 0; j < to.keys.length; j++) {
        if (matches.get(from, i, j) < SAME_WORD) continue;
        if (to.negated[j] || (prohibitions && prohibited(to, j))) negated = true;
        else plain = true;
      }
      if (plain && !negated) return true;
    }
  }
  return false;
}

/** Two figures, one said to be approximate, agree within this share of the larger ("about 40" / "42"). */
const APPROXIMATE = 0.15;

interface NumberComparison {
  /** Both mention numbers and the same ones. */
  equal: boolean;
  /** Numbers that only one sentence mentions. */
  onlyOneSide: number;
  /** One slot filled with different numbers ("12 people" against "15 people", not "about 40" against "42"). */
  conflict: boolean;
}

export function numberComparison(a: PreparedSentence, b: PreparedSentence): NumberComparison {
  const valuesA = new Set(a.numbers.map((number) => number.value));
  const valuesB = new Set(b.numbers.map((number) => number.value));
  const onlyA = a.numbers.filter((number) => !valuesB.has(number.value));
  const onlyB = b.numbers.filter((number) => !valuesA.has(number.value));
  // The same slot with other figures, or the one figure of each sentence.
  const conflict =
    onlyA.some((x) => onlyB.some((y) => y.slot === x.slot && disagree(x, y))) ||
    (valuesA.size === 1 && valuesB.size === 1 && disagree(a.numbers[0]!, b.numbers[0]!));
  return {
    equal: valuesA.size > 0 && onlyA.length === 0 && onlyB.length === 0,
    onlyOneSide: new Set(onlyA.map((number) => number.value)).size + new Set(onlyB.map((number) => number.value)).size,
    conflict,
  };
}

function disagree(x: NumberMention, y: NumberMention): boolean {
  if (x.value === y.value) return false;
  const close = Math.abs(x.value - y.value) <= APPROXIMATE * Math.max(Math.abs(x.value), Math.abs(y.value));
  return !(close && (x.approximate || y.approximate));
}

type DateKind = 'weekday' | 'month' | 'day' | 'year';

function dateKind(date: string): DateKind | null {
  if (WEEKDAYS.has(date)) return 'weekday';
  if (MONTHS.has(date)) return 'month';
  if (/^\p{L}+ \d+$/u.test(date)) return 'day';
  if (/^\d{4}$/.test(date)) return 'year';
  return null; // "yesterday" may be any weekday
}

/** Dates of one kind on both sides that share nothing ("Tuesday" / "Wednesday"; not "yesterday" / "Wednesday"). */
export function datesConflict(a: PreparedSentence, b: PreparedSentence): boolean {
  const kinds = new Set(a.dates.map(dateKind).filter((kind) => kind !== null));
  for (const kind of kinds) {
    const ofA = a.dates.filter((date) => dateKind(date) === kind);
    const ofB = new Set(b.dates.filter((date) => dateKind(date) === kind));
    if (ofB.size > 0 && !ofA.some((date) => ofB.has(date))) return true;
  }
  return false;
}

/** Keys two weight maps share: how many, the summed weight on each side, and of the larger of the two. */
function sharedKeys(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): { count: number; weight: number; weightA: number; weightB: number } {
  let count = 0;
  let weight = 0;
  let weightA = 0;
  let weightB = 0;
  for (const [key, ofA] of a) {
    const ofB = b.get(key);
    if (ofB === undefined) continue;
    count++;
    weightA += ofA;
    weightB += ofB;
    weight += Math.max(ofA, ofB);
  }
  return { count, weight, weightA, weightB };
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const key of a) if (b.has(key)) count++;
  return count;
}

/** How many values two sorted arrays share. */
function sortedOverlap(a: Uint32Array, b: Uint32Array): number {
  let count = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      count++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return count;
}

/** Length of the longest common subsequence: shared words in the same order. */
function commonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export function cosineOf(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d]! * b[d]!;
  return dot;
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
