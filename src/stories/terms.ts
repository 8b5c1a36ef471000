/**
 * What a document is about, as counts of telling features: content words cut to a rough stem,
 * the entities the identity stage linked across the corpus, numbers, and calendar dates. Only
 * the kept sentences count (cleaning's debris is already cut out of them), and the headline's
 * words count extra, as an editor chose them to say what the story is.
 *
 * The stemmer is our own few suffix rules rather than Porter's: it only has to make "arrested",
 * "arrests" and "arresting" one feature for grouping, and a wrong merge costs little there.
 */
import type { Doc, Span } from '../document.js';
import { tokenize, type Token } from '../text/tokens.js';

/** How much each kind of evidence counts; defaults from `npm run eval:crossdoc -- --tune` (ECB+ train topics). */
export interface TermWeights {
  /** Extra count for each headline word (on top of its count in the body). */
  title: number;
  /** Extra count for each word of the first kept sentence, the lead. */
  lead: number;
  /** Multiplier for entity features. */
  entity: number;
  /** Multiplier for numbers (amounts, magnitudes, tolls). */
  number: number;
  /** Multiplier for calendar dates. */
  date: number;
  /** Count the words of recognised names as words too, not only as their entity. */
  nameWords: boolean;
}

export const DEFAULT_TERM_WEIGHTS: TermWeights = { title: 1, lead: 0, entity: 1, number: 1, date: 1, nameWords: true };

/** Features of one kind share a first character, so that kinds can be weighted apart. */
export const ENTITY_PREFIX = '@';
export const NUMBER_PREFIX = '#';
export const DATE_PREFIX = '~';

export type FeatureKind = 'word' | 'entity' | 'number' | 'date';

export function featureKind(key: string): FeatureKind {
  switch (key[0]) {
    case ENTITY_PREFIX:
      return 'entity';
    case NUMBER_PREFIX:
      return 'number';
    case DATE_PREFIX:
      return 'date';
    default:
      return 'word';
  }
}

/** One entity mention in a document, as the identity stage resolved it. */
export interface EntityOccurrence extends Span {
  entity: string;
}

export interface DocumentTerms {
  /** Feature → weighted count (title and lead words counted up). */
  counts: Map<string, number>;
  /** Words seen outside names, lower-cased, with their counts (labels pick spellings from them). */
  spellings: Map<string, number>;
}

/** A body word inside a name, where it stands. */
interface SpeltWord extends Span {
  word: string;
}

/**
 * The features of one document. `occurrences` are its entity mentions (pronouns excluded by the
 * caller), in any order.
 *
 * @example documentTerms(doc, [{ entity: 'org-hamas', start: 0, end: 5 }]).counts.get('@org-hamas') // 1
 */
export function documentTerms(
  doc: Readonly<Doc>,
  occurrences: readonly EntityOccurrence[],
  weights: TermWeights = DEFAULT_TERM_WEIGHTS,
  stems: Map<string, string> = new Map(),
): DocumentTerms {
  const names = [...occurrences].sort((a, b) => a.start - b.start);
  if (weights.nameWords) {
    const reading = readingOf(doc, weights, stems);
    if (names.every((name) => reading.mentionSpans.has(spanKey(name)))) return termsFromReading(reading, names);
  }
  const { counts, spellings } = readTerms(doc, names, weights, stems, entityCounts(names));
  return { counts, spellings };
}

/**
 * A document's features before any entity is known: its words read with the mention stage's
 * spans standing for the names, and the words inside those spans put aside. An entity mention is
 * one of those spans, so the features for any set of entities follow without a second reading:
 * identity's provisional grouping and the stories stage, which differ only in their entities,
 * read each document once between them.
 */
interface DocumentReading extends WordReading {
  /** Each mention span of the document (`spanKey`). */
  mentionSpans: Set<number>;
}

interface WordReading extends DocumentTerms {
  /** The body words inside names, in text order. */
  inNames: SpeltWord[];
}

/**
 * Readings by document object and by the weights they depend on. A stage never changes a
 * document it is given, so what was read off one stays true, and is forgotten with it.
 */
const readings = new WeakMap<Readonly<Doc>, Map<string, DocumentReading>>();

function readingOf(doc: Readonly<Doc>, weights: TermWeights, stems: Map<string, string>): DocumentReading {
  const key = `${weights.title}\u0000${weights.lead}`;
  let byWeights = readings.get(doc);
  if (!byWeights) readings.set(doc, (byWeights = new Map()));
  let reading = byWeights.get(key);
  if (!reading) {
    const mentions = doc.results.mentions?.mentions ?? [];
    const words = readTerms(doc, [...mentions].sort((a, b) => a.start - b.start), weights, stems, new Map());
    byWeights.set(key, (reading = { ...words, mentionSpans: new Set(mentions.map(spanKey)) }));
  }
  return reading;
}

/** A span as one number (exact while offsets stay below 2^26, far beyond any article). */
function spanKey(span: Span): number {
  return span.start * 0x4000000 + span.end;
}

/** The terms for `names`, all of them mention spans: the words put aside that no name covers are spelt again. */
function termsFromReading(reading: DocumentReading, names: readonly EntityOccurrence[]): DocumentTerms {
  // Entity features first, then the words in reading order, as one reading with the names files them.
  const counts = entityCounts(names);
  for (const [key, count] of reading.counts) counts.set(key, count);
  const spellings = new Map(reading.spellings);
  const inName = nameCursor(names);
  reading.inNames.forEach((word) => {
    if (!inName(word)) spellings.set(word.word, (spellings.get(word.word) ?? 0) + 1);
  });
  return { counts, spellings };
}

/** Each entity's mention count, as features, in order of first mention. */
function entityCounts(names: readonly EntityOccurrence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) {
    const key = ENTITY_PREFIX + name.entity;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Whether a token overlaps one of `names` (sorted by start); asked of tokens in text order. */
function nameCursor(names: readonly Span[]): (token: Span) => boolean {
  let name = 0;
  return (token) => {
    while (name < names.length && names[name]!.end <= token.start) name += 1;
    return name < names.length && names[name]!.start < token.end;
  };
}

/**
 * Reads the document's tokens into `counts`; `names` (sorted by start) decide which words are
 * spelt, and without name words, which are counted.
 */
function readTerms(doc: Readonly<Doc>, names: readonly Span[], weights: TermWeights, stems: Map<string, string>, counts: Map<string, number>): WordReading {
  const spellings = new Map<string, number>();
  const inNames: SpeltWord[] = [];
  const add = (key: string, amount: number) => counts.set(key, (counts.get(key) ?? 0) + amount);
  const inName = nameCursor(names);
  keptSentences(doc).forEach((tokens, index) => {
    const weight = index === 0 ? 1 + weights.lead : 1;
    readTokens(doc.text, tokens, (token, word) => {
      const hidden = inName(token);
      if (hidden && !weights.nameWords) return;
      add(stemOf(word, stems), weight);
      if (!hidden) spellings.set(word, (spellings.get(word) ?? 0) + 1);
      else inNames.push({ start: token.start, end: token.end, word });
    }, add);
  });

  if (weights.title > 0) {
    const title = doc.results.clean?.title ?? null;
    const text = title ? doc.text : (doc.meta.title ?? '');
    const tokens = title ? tokenize(doc.text, title.start, title.end) : tokenize(text);
    // Numbers and dates in a headline are already counted where the body repeats them.
    readTokens(text, tokens, (_token, word) => add(stemOf(word, stems), weights.title), () => {});
  }
  return { counts, spellings, inNames };
}

/** The kept sentences' tokens; without the segment stage, the text outside removed spans. */
function keptSentences(doc: Readonly<Doc>): Token[][] {
  const segment = doc.results.segment;
  if (segment) return segment.sentences.map((sentence) => sentence.tokens);
  const removed = doc.results.clean?.removed ?? [];
  const kept: Token[][] = [];
  let from = 0;
  for (const span of [...removed].sort((a, b) => a.start - b.start)) {
    if (span.start > from) kept.push(tokenize(doc.text, from, span.start));
    from = Math.max(from, span.end);
  }
  kept.push(tokenize(doc.text, from, doc.text.length));
  return kept;
}

const MONTHS = new Map<string, number>(
  Object.entries({
    jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
    jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
    dec: 12, december: 12,
  }),
);

const YEAR = /^(?:1[89]|20)\d\d$/;
const AMOUNT = /^\d[\d,]*(?:\.\d+)?$/;
const DAY = /^(?:[12]?\d|3[01])(?:st|nd|rd|th)?$/;
const ISO_DATE = /^((?:1[89]|20)\d\d)-(\d\d)-(\d\d)/;
const WORD = /^\p{L}[\p{L}\p{N}'’.-]*$/u;

/**
 * Walks the tokens once: words go to `onWord` (lower-cased), numbers and dates straight to
 * `addFeature`. A month next to a day or a year makes a date ("7 October", "Oct. 7, 2023").
 */
function readTokens(
  text: string,
  tokens: readonly Token[],
  onWord: (token: Token, word: string) => void,
  addFeature: (key: string, amount: number) => void,
): void {
  const lower = tokens.map((token) => text.slice(token.start, token.end).toLowerCase());
  for (let index = 0; index < tokens.length; index++) {
    const word = lower[index]!;
    const first = word.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      readNumber(word, lower, index, addFeature);
      continue;
    }
    const month = monthOf(word);
    // "may" is a month only beside a day or a year, and then it is a date, not a word.
    if (month !== undefined && isCapitalised(text, tokens[index]!)) {
      const next = lower[index + 1] ?? '';
      const after = lower[index + 2] === ',' ? (lower[index + 3] ?? '') : (lower[index + 2] ?? '');
      const before = lower[index - 1] ?? '';
      const day = DAY.test(next) ? parseInt(next, 10) : DAY.test(before) ? parseInt(before, 10) : null;
      const year = YEAR.test(next) ? next : day !== null && YEAR.test(after) ? after : null;
      if (day !== null) addFeature(`${DATE_PREFIX}${pad(month)}-${pad(day)}`, 1);
      if (year) addFeature(`${DATE_PREFIX}${year}-${pad(month)}`, 1);
      if (day !== null || year) continue;
    }
    if (word.length >= 2 && WORD.test(word)) onWord(tokens[index]!, withoutTrailingMarks(word));
  }
}

/** A token that starts with a digit: a year, an ISO date, an amount, or a day beside a month. */
function readNumber(word: string, lower: readonly string[], index: number, addFeature: (key: string, amount: number) => void): void {
  if (YEAR.test(word)) {
    addFeature(DATE_PREFIX + word, 1);
    return;
  }
  const iso = ISO_DATE.exec(word);
  if (iso) {
    addFeature(DATE_PREFIX + iso[1], 1);
    addFeature(`${DATE_PREFIX}${iso[2]}-${iso[3]}`, 1);
    return;
  }
  if (!AMOUNT.test(word)) return;
  // A day beside a month was counted with the month.
  if (DAY.test(word) && (monthOf(lower[index - 1]) !== undefined || monthOf(lower[index + 1]) !== undefined)) return;
  addFeature(NUMBER_PREFIX + word.replace(/,/g, ''), 1);
}

/** "u.s." → "u.s", "jones’" → "jones"; most words have nothing to cut, and a regular expression would still scan them. */
function withoutTrailingMarks(word: string): string {
  let end = word.length;
  for (let last = word[end - 1]; last === '.' || last === '’' || last === "'"; last = word[end - 1]) end -= 1;
  return end === word.length ? word : word.slice(0, end);
}

function monthOf(word: string | undefined): number | undefined {
  return word === undefined ? undefined : MONTHS.get(word.endsWith('.') ? word.slice(0, -1) : word);
}

function isCapitalised(text: string, token: Token): boolean {
  return /\p{Lu}/u.test(text[token.start] ?? '');
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** The stem of a lower-cased word, through a cache that lives as long as one run. */
export function stemOf(word: string, cache: Map<string, string>): string {
  let found = cache.get(word);
  if (found === undefined) cache.set(word, (found = stem(word)));
  return found;
}

const VOWEL = /[aeiouy]/;

/**
 * A rough English stem: plural and verb endings off, a final "e" off, so that "charges",
 * "charged" and "charging" meet at "charg". Words with other letters are left alone.
 *
 * @example stem('arrested') // 'arrest'
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let result = word;
  if (/[^aeiou]ies$/.test(result) && result.length > 4) result = result.slice(0, -3) + 'y';
  else if (/[^aeiou]ied$/.test(result) && result.length > 4) result = result.slice(0, -3) + 'y';
  else if (/(?:ss|ch|sh|x|z)es$/.test(result)) result = result.slice(0, -2);
  else if (result.endsWith('s') && !/(?:ss|us|is)$/.test(result)) result = result.slice(0, -1);
  if (result.endsWith('ing') && result.length >= 6 && VOWEL.test(result.slice(0, -3))) result = undouble(result.slice(0, -3));
  else if (result.endsWith('ed') && result.length >= 5 && VOWEL.test(result.slice(0, -2))) result = undouble(result.slice(0, -2));
  if (result.endsWith('e') && result.length > 4) result = result.slice(0, -1);
  return result;
}

/** "runn" → "run", "stopp" → "stop"; but "kill", "pass" and "buzz" keep their pair. */
function undouble(word: string): string {
  return /([^aeiouslz])\1$/.test(word) ? word.slice(0, -1) : word;
}
