/**
 * Token features for the attribution labeller. A linear model sees one token at a time, so the
 * features carry the sentence-wide facts that decide a role: whether the token sits inside
 * quotation marks and whether that quote is attributed, where the nearest reporting verb is and
 * on which side, whether a comma and a cue follow ("…, he said"), and the usual word, cluster,
 * suffix and neighbour features. A second pass adds the first pass's tags around each token
 * (stacking), so a token can see "a cue was found three words to my left".
 *
 * Features are 32-bit hashes, never strings: each template mixes its id with the hashes of the
 * words or small codes it reads. Building and looking up strings was most of the labeller's
 * time; hashes make it several times faster and the model file smaller.
 *
 * Works on token texts only, so the same code scores CoNLL-style token files (`` '' -LRB-) and
 * our own tokens; `normalizeToken` maps both spellings to one.
 */
import { readClusters, type WordClusters } from '../ner/clusters.js';
import { loadShippedModel } from '../models.js';
import { isCueVerb } from './lexicon.js';

const PTB: Record<string, string> = {
  '``': '“',
  "''": '”',
  '`': '‘',
  '-LRB-': '(',
  '-RRB-': ')',
  '-LSB-': '[',
  '-RSB-': ']',
  '-LCB-': '{',
  '-RCB-': '}',
  '--': '—',
  '–': '—',
  '…': '...',
  '«': '“',
  '»': '”',
  '‹': '‘',
  '›': '’',
  '„': '“',
};

/**
 * One spelling per mark: PTB escapes and typographic variants map to curly quotes and plain
 * brackets, and an apostrophe inside a word is the straight one ("n’t" and "n't", "’s" and "'s"),
 * since the training text is typographic and CoreNLP-style token files are not.
 */
export function normalizeToken(token: string): string {
  const mark = PTB[token];
  if (mark !== undefined) return mark;
  return token.length > 1 && token.includes('’') ? token.replace(/’/gu, "'") : token;
}

/** Word clusters shipped with the NER model: unseen words still look like the words seen in training. */
export const CLUSTERS_URL = new URL('../../models/ner/clusters.txt.gz', import.meta.url);
let clusters: WordClusters | undefined;
function loadClusters(): WordClusters {
  clusters ??= loadShippedModel('ner', () => readClusters(CLUSTERS_URL));
  return clusters;
}
// ---- hashing ---------------------------------------------------------------------------------

/** 32-bit mix of two values (murmur3's finaliser over a combined word). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0xcc9e2d51), 0x1b873593);
  h ^= h >>> 13;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 units. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');

// ---- per-token facts --------------------------------------------------------------------------

const FINAL = new Set(['.', '?', '!']);
const CLOSING = new Set(['”', '’', ')', ']']);

const enum Mark {
  None = 0,
  OpenDouble = 1,
  CloseDouble = 2,
  OpenSingle = 3,
  CloseSingle = 4,
}

function markOf(token: string): Mark {
  switch (token) {
    case '“':
      return Mark.OpenDouble;
    case '”':
    case '"':
      return Mark.CloseDouble;
    case '‘':
      return Mark.OpenSingle;
    case '’':
    case "'":
      return Mark.CloseSingle;
    default:
      return Mark.None;
  }
}

/** Distance buckets: 0 none/same, 1, 2, 3, 4-6, 7-12, 13+. */
function bucket(distance: number): number {
  if (distance <= 0) return 0;
  if (distance <= 3) return distance;
  if (distance <= 6) return 4;
  if (distance <= 12) return 5;
  return 6;
}

/** Per-unit facts shared by every token's features. */
export interface UnitView {
  n: number;
  words: string[];
  lower: string[];
  hashes: Uint32Array;
  suffixes: Uint32Array;
  marks: Uint8Array;
  inside: Uint8Array;
  cue: Uint8Array;
  fine: Int32Array;
  middle: Int32Array;
  coarse: Int32Array;
  /** For tokens inside a double quote: 1 when a cue sits just before or after the quote. */
  attributedQuote: Uint8Array;
}

/** Everything the features read from one token text alone, computed once per distinct text. */
interface WordInfo {
  word: string;
  lower: string;
  hash: number;
  suffix: number;
  mark: Mark;
  cue: number;
  fine: number;
  middle: number;
  coarse: number;
}

const wordInfos = new Map<string, WordInfo>();
function wordInfo(token: string): WordInfo {
  const known = wordInfos.get(token);
  if (known !== undefined) return known;
  const word = normalizeToken(token);
  const lower = word.toLowerCase();
  const hash = hashString(lower);
  const wordClusters = loadClusters();
  const fine = wordClusters.fine.get(lower) ?? -1;
  const middle = fine >= 0 ? wordClusters.middleOfFine[fine]! : -1;
  const info: WordInfo = {
    word,
    lower,
    hash,
    suffix: lower.length > 3 ? hashString(lower.slice(-3)) : hash,
    mark: markOf(word),
    cue: isCueVerb(lower) ? 1 : 0,
    fine,
    middle,
    coarse: middle >= 0 ? wordClusters.coarseOfMiddle[middle]! : -1,
  };
  if (wordInfos.size > 300_000) wordInfos.clear();
  wordInfos.set(token, info);
  return info;
}

export function viewOf(tokens: readonly string[]): UnitView {
  const n = tokens.length;
  const words: string[] = new Array(n);
  const lower: string[] = new Array(n);
  const hashes = new Uint32Array(n);
  const suffixes = new Uint32Array(n);
  const marks = new Uint8Array(n);
  const cue = new Uint8Array(n);
  const fine = new Int32Array(n);
  const middle = new Int32Array(n);
  const coarse = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const info = wordInfo(tokens[i]!);
    words[i] = info.word;
    lower[i] = info.lower;
    hashes[i] = info.hash;
    suffixes[i] = info.suffix;
    marks[i] = info.mark;
    cue[i] = info.cue;
    fine[i] = info.fine;
    middle[i] = info.middle;
    coarse[i] = info.coarse;
  }
  // A closing mark where nothing is open and a sentence starts (unit start, or after a full
  // stop or colon) is an opening mark typed or converted the wrong way round.
  for (let i = 0; i < n; i++) {
    if (marks[i] !== Mark.CloseDouble) continue;
    const before = words[i - 1];
    const after = words[i + 1];
    if ((before === undefined || before === ':' || FINAL.has(before)) && after !== undefined && /^[\p{Lu}\d]/u.test(after)) marks[i] = Mark.OpenDouble;
  }
  // Inside-quote state: a closing mark before any opening one means the unit began inside a
  // quote that opened earlier.
  const inside = new Uint8Array(n);
  let firstDouble = -1;
  for (let i = 0; i < n && firstDouble < 0; i++) if (marks[i] === Mark.OpenDouble || marks[i] === Mark.CloseDouble) firstDouble = i;
  let open = firstDouble >= 0 && marks[firstDouble] === Mark.CloseDouble;
  let quoteStart = open ? 0 : -1;
  const attributedQuote = new Uint8Array(n);
  const closeQuote = (from: number, to: number): void => {
    // "…,” he said" / "…,” said X" / "X said: “…”": a cue within four tokens outside the marks.
    let attributed = false;
    for (let k = to + 1; k <= to + 4 && k < n; k++) if (cue[k]) attributed = true;
    for (let k = from - 1; k >= from - 4 && k >= 0; k--) if (cue[k]) attributed = true;
    if (attributed) for (let k = from; k <= to && k < n; k++) attributedQuote[k] = 1;
  };
  for (let i = 0; i < n; i++) {
    const mark = marks[i];
    if (mark === Mark.OpenDouble) {
      open = true;
      quoteStart = i;
      inside[i] = 1;
    } else if (mark === Mark.CloseDouble) {
      inside[i] = 1;
      if (open) closeQuote(Math.max(quoteStart, 0), i);
      open = false;
    } else {
      inside[i] = open ? 1 : 0;
    }
  }
  if (open) closeQuote(Math.max(quoteStart, 0), n - 1);
  return { n, words, lower, hashes, suffixes, marks, inside, cue, fine, middle, coarse, attributedQuote };
}

/** Sentence ranges inside a unit that may hold a whole paragraph (CofeNet's units often do). */
export function sentenceRanges(words: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < words.length; i++) {
    if (!FINAL.has(words[i]!)) continue;
    let last = i;
    while (last + 1 < words.length && CLOSING.has(words[last + 1]!)) last++;
    const next = words[last + 1];
    if (next === undefined || !/^[\p{Lu}\d“‘(\[]/u.test(next)) continue;
    ranges.push([from, last + 1]);
    from = last + 1;
    i = last;
  }
  if (from < words.length) ranges.push([from, words.length]);
  return ranges;
}

// ---- feature rows -------------------------------------------------------------------------------

/** Every token's feature hashes, flat: token i owns hashes[offsets[i]..offsets[i+1]). */
export interface FeatureRows {
  n: number;
  offsets: Int32Array;
  hashes: Uint32Array;
}

class RowBuilder {
  hashes: Uint32Array;
  offsets: Int32Array;
  length = 0;
  constructor(n: number, perToken: number) {
    this.hashes = new Uint32Array(Math.max(64, n * perToken));
    this.offsets = new Int32Array(n + 1);
  }
  push(hash: number): void {
    if (this.length === this.hashes.length) {
      const grown = new Uint32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.length++] = hash;
  }
}

/** The first pass's tags as role codes: 0 O, 1 source, 2 cue, 3 content (B and I alike). */
export type RoleCodes = Uint8Array;

/** One unit read once, for both passes. */
export interface Unit {
  view: UnitView;
  ranges: [number, number][];
}

export function prepareUnit(tokens: readonly string[]): Unit {
  const view = viewOf(tokens);
  return { view, ranges: sentenceRanges(view.words) };
}

/**
 * Feature hashes for every token of one unit (a sentence or a paragraph). Quote state runs over
 * the whole unit, so a quote that spans sentences is seen as one; cue and position features stay
 * inside each sentence. With `previous` (the first pass's role codes), only the stacking
 * features of the second pass; that pass adds them to the base features.
 */
export function unitFeatures(unit: Unit, previous?: RoleCodes): FeatureRows {
  const { view, ranges } = unit;
  const rows = new RowBuilder(view.n, previous ? 12 : 40);
  ranges.forEach(([from, to]) => rangeFeatures(view, from, to, rows, previous));
  rows.offsets[view.n] = rows.length;
  return { n: view.n, offsets: rows.offsets, hashes: rows.hashes.subarray(0, rows.length) };
}

/** Base features of a unit of token texts (the first pass's input). */
export function sentenceFeatures(tokens: readonly string[]): FeatureRows {
  return unitFeatures(prepareUnit(tokens));
}

/** Both feature sets of each token in one row set, for training the second pass. */
export function joinRows(a: FeatureRows, b: FeatureRows): FeatureRows {
  const offsets = new Int32Array(a.n + 1);
  const hashes = new Uint32Array(a.hashes.length + b.hashes.length);
  let at = 0;
  for (let i = 0; i < a.n; i++) {
    offsets[i] = at;
    hashes.set(a.hashes.subarray(a.offsets[i]!, a.offsets[i + 1]!), at);
    at += a.offsets[i + 1]! - a.offsets[i]!;
    hashes.set(b.hashes.subarray(b.offsets[i]!, b.offsets[i + 1]!), at);
    at += b.offsets[i + 1]! - b.offsets[i]!;
  }
  offsets[a.n] = at;
  return { n: a.n, offsets, hashes };
}

function rangeFeatures(view: UnitView, from: number, to: number, rows: RowBuilder, previous?: RoleCodes): void {
  const { lower, hashes, marks, inside, cue } = view;
  const n = to;
  const wordAt = (i: number): number => (i < from ? BOS : i >= n ? EOS : hashes[i]!);
  const isQuote = (i: number): boolean => marks[i] === Mark.OpenDouble || marks[i] === Mark.CloseDouble;

  // Nearest cue verb outside quotes, quotation marks and commas, left and right of each token.
  const len = to - from;
  const cueLeft = new Int32Array(len);
  const cueRight = new Int32Array(len);
  const quoteLeft = new Int32Array(len);
  const quoteRight = new Int32Array(len);
  const commaLeft = new Int32Array(len);
  const commaRight = new Int32Array(len);
  let c = -1;
  let q = -1;
  let m = -1;
  let hasQuote = false;
  let according = -1;
  let colon = -1;
  for (let i = from; i < to; i++) {
    cueLeft[i - from] = c;
    quoteLeft[i - from] = q;
    commaLeft[i - from] = m;
    if (cue[i] && !inside[i]) c = i;
    if (isQuote(i)) {
      q = i;
      hasQuote = true;
    }
    if (lower[i] === ',') m = i;
    if (according < 0 && lower[i] === 'according' && lower[i + 1] === 'to' && i + 1 < to) according = i;
    if (colon < 0 && lower[i] === ':') colon = i;
  }
  c = -1;
  q = -1;
  m = -1;
  for (let i = to - 1; i >= from; i--) {
    cueRight[i - from] = c;
    quoteRight[i - from] = q;
    commaRight[i - from] = m;
    if (cue[i] && !inside[i]) c = i;
    if (isQuote(i)) q = i;
    if (lower[i] === ',') m = i;
  }
  const end = len > 0 && /^[.?!]$/u.test(lower[to - 1]!) ? to - 1 : to;

  // Stacking: where the first pass put cues, sources and content in this sentence.
  let predictedCueLeft: Int32Array | null = null;
  let predictedCueRight: Int32Array | null = null;
  let sentenceRoles = 0;
  if (previous) {
    predictedCueLeft = new Int32Array(len);
    predictedCueRight = new Int32Array(len);
    let p = -1;
    for (let i = from; i < to; i++) {
      predictedCueLeft[i - from] = p;
      if (previous[i] === 2) p = i;
      sentenceRoles |= 1 << previous[i]!;
    }
    p = -1;
    for (let i = to - 1; i >= from; i--) {
      predictedCueRight[i - from] = p;
      if (previous[i] === 2) p = i;
    }
  }

  for (let i = from; i < to; i++) {
    rows.offsets[i] = rows.length;
    const k = i - from;
    const w = hashes[i]!;
    const io = inside[i]! + (hasQuote ? 0 : 2);
    if (previous && predictedCueLeft && predictedCueRight) {
      const pl = predictedCueLeft[k]!;
      const pr = predictedCueRight[k]!;
      const role = previous[i]!;
      const before = i > from ? previous[i - 1]! : 4;
      const after = i + 1 < to ? previous[i + 1]! : 4;
      rows.push(mix(100, role));
      rows.push(mix(101, before * 8 + role));
      rows.push(mix(102, role * 8 + after));
      rows.push(mix(103, before * 64 + role * 8 + after));
      rows.push(mix(mix(104, w), role));
      rows.push(mix(105, (pl < 0 ? 7 : bucket(i - pl)) * 8 + (pr < 0 ? 7 : bucket(pr - i))));
      rows.push(mix(106, sentenceRoles * 8 + role));
      rows.push(mix(107, (pl < 0 ? 7 : bucket(i - pl)) * 64 + role * 8 + io));
      rows.push(mix(108, (pr < 0 ? 7 : bucket(pr - i)) * 64 + role * 8 + io));
      rows.push(mix(109, (i > from + 1 ? previous[i - 2]! : 4) * 8 + (i + 2 < to ? previous[i + 2]! : 4)));
      rows.push(mix(mix(110, w), before * 8 + role));
      rows.push(mix(mix(111, i > from ? hashes[i - 1]! : BOS), role));
      rows.push(mix(mix(112, w), role * 8 + after));
      continue;
    }
    const left = cueLeft[k]!;
    const right = cueRight[k]!;
    const leftDistance = left < 0 ? 7 : bucket(i - left);
    const rightDistance = right < 0 ? 7 : bucket(right - i);
    const p1 = wordAt(i - 1);
    const n1 = wordAt(i + 1);
    rows.push(mix(1, 0));
    rows.push(mix(2, w));
    rows.push(mix(3, p1));
    rows.push(mix(4, n1));
    rows.push(mix(mix(7, p1), w));
    rows.push(mix(mix(8, w), n1));
    rows.push(mix(10, view.suffixes[i]!));
    rows.push(mix(14, leftDistance * 4 + io));
    rows.push(mix(15, rightDistance * 4 + io));
    rows.push(mix(16, (left < 0 ? 0 : 2) + (right < 0 ? 0 : 1) + 4 * io));
    const ql = quoteLeft[k]!;
    const qr = quoteRight[k]!;
    rows.push(mix(19, ql < 0 ? 99 : marks[ql]! * 8 + bucket(i - ql)));
    rows.push(mix(20, qr < 0 ? 99 : marks[qr]! * 8 + bucket(qr - i)));
    const cl = commaLeft[k]!;
    const cr = commaRight[k]!;
    rows.push(mix(22, (cl < 0 ? 0 : 2) + (cr < 0 ? 0 : 1) + (right >= 0 && cr >= 0 && cr < right ? 4 : 0)));
    if (left >= 0 && lower[left + 1] === 'that' && i > left + 1) rows.push(mix(23, 1));
    if (according >= 0) rows.push(mix(24, i < according ? 0 : i <= according + 1 ? 1 : 2));
    if (colon >= 0) rows.push(mix(25, (i < colon ? 0 : i === colon ? 1 : 2) * 4 + io));
    if (i >= end) rows.push(mix(26, 1));
    // Richer conjunctions: the word with its quote state and with the cue on its right.
    rows.push(mix(mix(28, w), io));
    rows.push(mix(mix(29, w), rightDistance));
    rows.push(mix(mix(30, w), leftDistance));
    rows.push(mix(31, view.attributedQuote[i]! * 8 + io));
    // Word clusters: the fine cluster of the word, coarse ones around it.
    const fine = view.fine[i]!;
    rows.push(mix(32, fine + 1));
    rows.push(mix(33, view.middle[i]! + 1));
    rows.push(mix(34, (i > from ? view.coarse[i - 1]! + 1 : 999) * 1024 + (i + 1 < to ? view.coarse[i + 1]! + 1 : 999)));
    rows.push(mix(mix(35, fine + 1), rightDistance * 4 + io));
    // Wider word context: the pairs on each side, clusters of the neighbours.
    const p2 = wordAt(i - 2);
    const n2 = wordAt(i + 2);
    rows.push(mix(mix(37, p2), p1));
    rows.push(mix(mix(38, n1), n2));
    rows.push(mix(mix(39, i > from ? view.fine[i - 1]! + 1 : 9999), w));
    rows.push(mix(mix(40, w), i + 1 < to ? view.fine[i + 1]! + 1 : 9999));
    rows.push(mix(mix(41, right < 0 ? 0 : hashes[right]!), rightDistance * 32 + io * 8 + (cr >= 0 && cr < right ? 1 : 0)));
  }
}

/** Role codes (0 O, 1 source, 2 cue, 3 content) from tag indices in TAGS order. */
export function roleCodes(tags: ArrayLike<number>): RoleCodes {
  const out = new Uint8Array(tags.length);
  for (let i = 0; i < tags.length; i++) out[i] = (tags[i]! + 1) >> 1;
  return out;
}
