/**
 * One sentence made ready for comparison, once: its words, its content words with their vector
 * rows and weights, its numbers and dates with the slot each fills, its negation and hedge cues,
 * the names it mentions, and one sentence vector. A claims stage prepares every sentence once and
 * then compares candidate pairs cheaply; the rarest words and the names let it pick candidates
 * without comparing all pairs (blocking.ts).
 */
import { normaliseForm } from '../ner/features.js';
import { hashString, mix, mix3 } from '../ner/hash.js';
import { tokenize } from '../text/tokens.js';
import { APPROXIMATORS, FUNCTION_WORDS, HEDGE_CUES, MONTHS, MULTIPLIERS, NEGATING_VERBS, NEGATION_CUES, NUMBER_WORDS, PERCENT_WORDS, RELATIVE_DAYS, WEEKDAYS } from './lexicon.js';
import { shippedVectors, type WordVectors } from './vectors.js';

/** A known entity mention, in the same coordinates as the text, with the entity's id. */
export interface EntityMention {
  start: number;
  end: number;
  id: string;
}

export interface SentenceExtras {
  /** Where the sentence starts in `text` (default 0): pass a whole document and a sentence's span. */
  start?: number;
  /** Where it ends (default: the end of `text`). */
  end?: number;
  /**
   * Entity mentions with their resolved ids: a mention becomes one word `@id`, so two names for
   * one actor ("the Kremlin", "Russia") match exactly.
   */
  entities?: readonly EntityMention[];
}

/** A number with the word it counts ("12 people": slot "people"; "5%": slot "percent"). */
export interface NumberMention {
  value: number;
  slot: string;
  /** Said to be approximate or a bound ("about 40", "more than 6,000"). */
  approximate: boolean;
}

export interface PreparedSentence {
  /** Lower-cased words in order, punctuation left out, an entity mention as one `@id` word. */
  words: readonly string[];
  /** Content words: their lower-cased forms, in order. */
  forms: readonly string[];
  /** Content words: the keys two words must share to count as the same word (stems, `@id`, `#12`). */
  keys: readonly string[];
  /** Content words: vector rows, -1 for a word without one (and for numbers and dates). */
  rows: Int32Array;
  /** Content words: weights, higher for rarer words. */
  weights: Float64Array;
  /** Content words: 1 inside a negation's scope (the next few content words of its clause). */
  negated: Uint8Array;
  numbers: readonly NumberMention[];
  /** Date expressions, normalised: "tuesday", "june", "june 5", "2003", "yesterday". */
  dates: readonly string[];
  /** How many negation cues ("not", "never", "no", "denied", "failed to", "stopped bombing"). */
  negations: number;
  /** How many hedge cues ("reportedly", "allegedly", "could"). */
  hedges: number;
  /** Entity ids when mentions were given, otherwise the lower-cased capitalised words. */
  names: readonly string[];
  /** Whether `names` are resolved entity ids (mentions were given), not just capitalised words. */
  namesAreIds: boolean;
  /** Unit-length weighted mean of the content words' vectors; all zero when none has a vector. */
  vector: Float32Array;
  /** Each distinct content key with its weight, and their sum. */
  keyWeights: ReadonlyMap<string, number>;
  keyWeightTotal: number;
  /** The distinct words. */
  wordSet: ReadonlySet<string>;
  /** Hashes of the word bigrams and trigrams, sorted, distinct. */
  bigrams: Uint32Array;
  trigrams: Uint32Array;
}

/** Rank given to a word the vectors do not know: rarer than any they do. */
const UNKNOWN_RANK = 400000;

/** Information content of a word from its frequency rank (Zipf: probability ~ 1/rank). */
function weightOfRank(rank: number): number {
  return Math.log(rank + 2);
}

const UNKNOWN_WEIGHT = weightOfRank(UNKNOWN_RANK);

/** How many content words after a negation cue it negates, within its clause. */
const NEGATION_SCOPE = 4;

interface Word {
  lower: string;
  capitalised: boolean;
  /** Clause punctuation (, ; : — brackets) or a sentence start before this word: a negation's scope ends there. */
  breakBefore: boolean;
  /** Entity id when the word stands for a whole entity mention. */
  entity: string | null;
  /** Vector lookup form for an entity mention: its last word. */
  head: string;
}

/** Prepares a sentence with the shipped word vectors. */
export function prepareSentence(text: string, extras: SentenceExtras = {}): PreparedSentence {
  return prepareWith(shippedVectors(), text, extras);
}

export function prepareWith(vectors: WordVectors, text: string, extras: SentenceExtras = {}): PreparedSentence {
  const words = readWords(text, extras);
  const forms: string[] = [];
  const keys: string[] = [];
  const rows: number[] = [];
  const weights: number[] = [];
  const numbers: NumberMention[] = [];
  const dates: string[] = [];
  const names = new Set<string>();
  const negated: number[] = [];
  let negations = 0;
  let hedges = 0;
  /** Content words still to be marked as negated by the last negation cue. */
  let scope = 0;

  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const { lower } = word;
    if (word.breakBefore) scope = 0;
    if (word.entity !== null) {
      names.add(word.entity);
      const row = vectors.rows.get(word.head) ?? -1;
      pushContent(`@${word.entity}`, lower, row, UNKNOWN_WEIGHT);
      continue;
    }
    // "Do Not Call list": a capitalised cue inside the sentence is part of a name.
    if ((NEGATION_CUES.has(lower) && !(word.capitalised && i > 0)) || negatesNext(lower, words[i + 1]?.lower)) {
      negations++;
      scope = NEGATION_SCOPE;
      continue;
    }
    // "May" with a capital is the month, or a sentence-initial word we cannot tell from it.
    if (HEDGE_CUES.has(lower) && !(lower === 'may' && word.capitalised)) hedges++;
    const date = dateOf(words, i);
    if (date !== null) {
      dates.push(...date);
      pushContent(`~${date[date.length - 1]}`, lower, -1, weightOfRank(2000));
      // "June 5": the day is read with its month.
      if (date.length > 1) i++;
      continue;
    }
    const value = numberOf(lower);
    if (value !== null) {
      const before = words[i - 1]?.lower ?? '';
      // "about 40", "at least 40", "more than 40", "up to 40".
      const approximate = APPROXIMATORS.has(before) || ((before === 'than' || before === 'to') && APPROXIMATORS.has(words[i - 2]?.lower ?? ''));
      const next = words[i + 1]?.lower;
      const multiplier = next !== undefined ? MULTIPLIERS.get(next) : undefined;
      if (multiplier !== undefined) i++;
      const total = value * (multiplier ?? 1);
      numbers.push({ value: total, slot: slotOf(words, i), approximate });
      pushContent(`#${total}`, lower, -1, weightOfRank(5000));
      continue;
    }
    if (FUNCTION_WORDS.has(lower) || HEDGE_CUES.has(lower) || !/[\p{L}\p{N}]/u.test(lower)) continue;
    const key = stem(lower);
    const row = vectors.rows.get(lower) ?? vectors.rows.get(key) ?? -1;
    if (word.capitalised && !extras.entities && (i > 0 || row < 0 || vectors.ranks[row]! > 3000)) names.add(lower);
    pushContent(key, lower, row, row >= 0 ? weightOfRank(vectors.ranks[row]!) : UNKNOWN_WEIGHT);
  }

  function pushContent(key: string, form: string, row: number, weight: number): void {
    negated.push(scope > 0 ? 1 : 0);
    if (scope > 0) scope--;
    keys.push(key);
    forms.push(form);
    rows.push(row);
    weights.push(weight);
  }

  const texts = words.map((word) => word.lower);
  const wordHashes = texts.map(hashString);
  const keyWeights = new Map<string, number>();
  keys.forEach((key, i) => keyWeights.set(key, Math.max(keyWeights.get(key) ?? 0, weights[i]!)));
  let keyWeightTotal = 0;
  for (const weight of keyWeights.values()) keyWeightTotal += weight;
  return {
    words: texts,
    forms,
    keys,
    rows: Int32Array.from(rows),
    weights: Float64Array.from(weights),
    negated: Uint8Array.from(negated),
    numbers,
    dates,
    negations,
    hedges,
    names: [...names],
    namesAreIds: extras.entities !== undefined,
    vector: sentenceVector(vectors, rows, weights),
    keyWeights,
    keyWeightTotal,
    wordSet: new Set(texts),
    bigrams: ngramHashes(wordHashes, 2),
    trigrams: ngramHashes(wordHashes, 3),
  };
}

function readWords(text: string, extras: SentenceExtras): Word[] {
  const from = extras.start ?? 0;
  const to = extras.end ?? text.length;
  const mentions = (extras.entities ?? []).filter((mention) => mention.start < to && mention.end > from).sort((a, b) => a.start - b.start);
  const words: Word[] = [];
  let mention = 0;
  let folded: EntityMention | null = null;
  let breakBefore = true;
  for (const token of tokenize(text, from, to)) {
    while (mention < mentions.length && mentions[mention]!.end <= token.start) mention++;
    const inside = mentions[mention];
    const form = normaliseForm(text.slice(token.start, token.end));
    if (inside && inside.start <= token.start && token.end <= inside.end) {
      // A mention's tokens fold into one word, whose vector is its last word's.
      if (folded === inside) words[words.length - 1]!.head = form.toLowerCase();
      else words.push({ lower: `@${inside.id}`, capitalised: true, breakBefore, entity: inside.id, head: form.toLowerCase() });
      folded = inside;
      breakBefore = false;
      continue;
    }
    folded = null;
    if (!/[\p{L}\p{N}%]/u.test(form)) {
      if (CLAUSE_BREAK.test(form)) breakBefore = true;
      continue;
    }
    words.push({ lower: form.toLowerCase(), capitalised: /^\p{Lu}/u.test(form), breakBefore, entity: null, head: '' });
    breakBefore = false;
  }
  return words;
}

const CLAUSE_BREAK = /^[,;:()\[\]—–-]+$|^\.\.\.$|^…$/u;

function ngramHashes(wordHashes: readonly number[], n: 2 | 3): Uint32Array {
  const hashes = new Set<number>();
  for (let i = 0; i + n <= wordHashes.length; i++) {
    hashes.add(n === 2 ? mix(wordHashes[i]!, wordHashes[i + 1]!) : mix3(wordHashes[i]!, wordHashes[i + 1]!, wordHashes[i + 2]!));
  }
  return Uint32Array.from(hashes).sort();
}

function negatesNext(lower: string, next: string | undefined): boolean {
  const wanted = NEGATING_VERBS.get(lower);
  if (wanted === undefined || next === undefined) return false;
  return wanted === '-ing' ? next.endsWith('ing') : next === wanted;
}

function sentenceVector(vectors: WordVectors, rows: readonly number[], weights: readonly number[]): Float32Array {
  const { dims, unit } = vectors;
  const sum = new Float32Array(dims);
  rows.forEach((row, i) => {
    if (row < 0) return;
    for (let d = 0; d < dims; d++) sum[d]! += weights[i]! * unit[row * dims + d]!;
  });
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += sum[d]! ** 2;
  if (norm > 0) for (let d = 0; d < dims; d++) sum[d]! /= Math.sqrt(norm);
  return sum;
}

const DIGITS = /^[+-]?(\d[\d,]*(?:\.\d+)?)([a-z]*)$/;

/** The value of a number written in digits ("6,000", "3.2bn") or words ("twelve"), or null. */
function numberOf(lower: string): number | null {
  const spelled = NUMBER_WORDS.get(lower);
  if (spelled !== undefined) return spelled;
  const digits = DIGITS.exec(lower);
  if (!digits) return null;
  const suffix = digits[2]!;
  const multiplier = suffix === '' ? 1 : MULTIPLIERS.get(suffix);
  // "1990s", "3rd", "5th": not amounts.
  if (multiplier === undefined) return null;
  return Number(digits[1]!.replace(/,/g, '')) * multiplier;
}

/** The dates that the word at `i` starts (a month and its day: both, the day last), or null. */
function dateOf(words: readonly Word[], i: number): string[] | null {
  const word = words[i]!;
  const { lower } = word;
  if (RELATIVE_DAYS.has(lower)) return [lower];
  if (word.capitalised && WEEKDAYS.has(lower)) return [lower];
  // "May" opening a sentence is more often the verb.
  if (word.capitalised && MONTHS.has(lower) && (i > 0 || lower !== 'may')) {
    const day = words[i + 1]?.lower;
    return day !== undefined && /^\d{1,2}$/.test(day) && Number(day) <= 31 ? [lower, `${lower} ${Number(day)}`] : [lower];
  }
  if (/^(18|19|20)\d\d$/.test(lower) && !MULTIPLIERS.has(words[i + 1]?.lower ?? '')) return [lower];
  return null;
}

/** The word a number counts: the next content word, else the one before. */
function slotOf(words: readonly Word[], i: number): string {
  const next = words[i + 1];
  if (next && PERCENT_WORDS.has(next.lower)) return 'percent';
  for (const j of [i + 1, i + 2, i - 1, i - 2]) {
    const word = words[j];
    if (word && !FUNCTION_WORDS.has(word.lower) && numberOf(word.lower) === null) return word.entity !== null ? word.lower : stem(word.lower);
  }
  return '';
}

/**
 * A light suffix stripper, enough for two outlets' wordings to meet: plurals, -ed, -ing, a final
 * e, and British -ise spellings ("recognised" and "recognized" both become "recogniz").
 */
function stem(lower: string): string {
  let word = lower.replace(/'s?$/, '');
  if (word.length <= 3) return word;
  word = word.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1').replace(/our$/, 'or');
  if (word.endsWith('ies') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (word.endsWith('ied') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (word.endsWith('sses')) word = word.slice(0, -2);
  else if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) word = undouble(word.slice(0, -3));
  else if (word.endsWith('ed') && word.length > 4) word = undouble(word.slice(0, -2));
  if (word.endsWith('e') && word.length > 3) word = word.slice(0, -1);
  return word;
}

function undouble(word: string): string {
  return /([^aeiouls])\1$/.test(word) ? word.slice(0, -1) : word;
}
