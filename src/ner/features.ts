/**
 * Feature extraction for the name tagger, shared by training and tagging so the two can never
 * drift apart. Each token's attributes (word, shape, affixes, clusters, gazetteer match,
 * document-level casing) are hashed once per sentence; a feature is then the mix of a template
 * id with one or more of those hashes. Features that depend on earlier decisions (the previous
 * tags, what this word was tagged as earlier in the document) are added during decoding.
 */
import type { WordClusters } from './clusters.js';
import { matchGazetteer, type Gazetteer, type GazetteerKind } from './gazetteer.js';
import * as hashing from './hash.js';

// Local bindings: hot calls then skip the module namespace lookups some loaders add.
const hashString = hashing.hashString;
const mix = hashing.mix;
const mix3 = hashing.mix3;

export interface NerResources {
  clusters: WordClusters;
  gazetteer: Gazetteer;
}

/** Static feature templates; the numbers are part of the model format. */
const enum T {
  Bias = 1,
  Word,
  Form,
  WordM1,
  WordP1,
  WordM2,
  WordP2,
  WordM1Word,
  WordWordP1,
  Prefix1,
  Prefix2,
  Prefix3,
  Prefix4,
  Suffix1,
  Suffix2,
  Suffix3,
  Suffix4,
  Suffix5,
  Shape,
  ShapeM1,
  ShapeP1,
  ShapeM1Shape,
  ShapeShapeP1,
  ShapeM1ShapeP1,
  LongShape,
  Fine,
  Middle,
  Coarse,
  FineM1,
  FineP1,
  MiddleM1,
  MiddleP1,
  CoarseM2,
  CoarseP2,
  Gaz,
  GazM1,
  GazP1,
  GazShape,
  FirstShape,
  CapsSentenceShape,
  DocCase,
  DocCaseWord,
  WordM1Shape,
  ShapeWordP1,
  MiddleM1Middle,
  MiddleMiddleP1,
  AggregatePrev,
  AggregateNext,
  // Dynamic templates.
  Prev = 60,
  Prev2,
  PrevWord,
  PrevShape,
  History,
  HistoryShape,
  PrevMiddle,
}

export const STATIC_PER_TOKEN = 58;
const AGGREGATE_LIMIT = 8;
export const DYNAMIC_PER_TOKEN = 5;


/** Normalises typographic variants to the ASCII forms of newswire training text. */
export function normaliseForm(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return text
    .replace(/[’‘‛ʼ`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[–—―‐‑]/g, '-')
    .replace(/…/g, '...')
    .normalize('NFC');
}

export interface SentenceAttributes {
  length: number;
  lower: string[];
  lowerHash: Uint32Array;
  formHash: Uint32Array;
  shapeHash: Uint32Array;
  longShapeHash: Uint32Array;
  fine: Int32Array;
  middle: Int32Array;
  coarse: Int32Array;
  gaz: Int32Array;
  capitalised: Uint8Array;
  /** Whether the sentence is mostly upper case (a headline in many wires). */
  capsSentence: boolean;
}

export interface DocumentContext {
  /** Per lower-cased word: 1 if seen capitalised inside a sentence, 2 if seen lower-cased. */
  caseFlags: Map<string, number>;
  /** Per lower-cased word: how often each type was predicted for it so far. */
  history: Map<string, Int32Array>;
  /**
   * Per capitalised word that occurs more than once: the words around its occurrences, as
   * feature hashes ("Kadyrov" is preceded by "President" somewhere else in the document).
   */
  aggregate: Map<string, Uint32Array>;
}

export function startDocument(sentences: readonly (readonly string[])[]): DocumentContext {
  const caseFlags = new Map<string, number>();
  for (const forms of sentences) {
    if (isCapsSentence(forms)) continue;
    for (let i = 1; i < forms.length; i++) {
      const form = forms[i]!;
      const first = form.charCodeAt(0);
      let flag = 0;
      if (isUpper(first)) flag = 1;
      else if (isLower(first)) flag = 2;
      if (!flag) continue;
      const lower = form.toLowerCase();
      caseFlags.set(lower, (caseFlags.get(lower) ?? 0) | flag);
    }
  }
  return { caseFlags, history: new Map(), aggregate: aggregateContexts(sentences) };
}

function aggregateContexts(sentences: readonly (readonly string[])[]): Map<string, Uint32Array> {
  const seen = new Map<string, Set<number>>();
  const counts = new Map<string, number>();
  for (const forms of sentences) {
    for (let i = 0; i < forms.length; i++) {
      const form = forms[i]!;
      if (!isUpper(form.charCodeAt(0)) || form.length < 2) continue;
      const lower = form.toLowerCase();
      counts.set(lower, (counts.get(lower) ?? 0) + 1);
      let set = seen.get(lower);
      if (!set) {
        set = new Set();
        seen.set(lower, set);
      }
      if (set.size >= AGGREGATE_LIMIT) continue;
      if (i > 0) set.add(mix(T.AggregatePrev, hashString(forms[i - 1]!.toLowerCase())));
      if (i + 1 < forms.length && set.size < AGGREGATE_LIMIT) set.add(mix(T.AggregateNext, hashString(forms[i + 1]!.toLowerCase())));
    }
  }
  const aggregate = new Map<string, Uint32Array>();
  for (const [lower, set] of seen) if ((counts.get(lower) ?? 0) > 1) aggregate.set(lower, Uint32Array.from(set));
  return aggregate;
}

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code > 127 && String.fromCharCode(code) !== String.fromCharCode(code).toLowerCase());
}

function isLower(code: number): boolean {
  return (code >= 97 && code <= 122) || (code > 127 && String.fromCharCode(code) !== String.fromCharCode(code).toUpperCase());
}

function isCapsSentence(forms: readonly string[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const form of forms) {
    if (!/[A-Za-z]/.test(form)) continue;
    letters++;
    if (form === form.toUpperCase()) caps++;
  }
  return letters >= 2 && caps / letters > 0.6;
}

const GAZ_KIND_BIT: Record<GazetteerKind, number> = { country: 1, place: 2, person: 4, org: 8 };

export function sentenceAttributes(resources: NerResources, forms: readonly string[]): SentenceAttributes {
  const length = forms.length;
  const attributes: SentenceAttributes = {
    length,
    lower: new Array<string>(length),
    lowerHash: new Uint32Array(length),
    formHash: new Uint32Array(length),
    shapeHash: new Uint32Array(length),
    longShapeHash: new Uint32Array(length),
    fine: new Int32Array(length),
    middle: new Int32Array(length),
    coarse: new Int32Array(length),
    gaz: new Int32Array(length),
    capitalised: new Uint8Array(length),
    capsSentence: isCapsSentence(forms),
  };
  for (let i = 0; i < length; i++) {
    const form = forms[i]!;
    const lower = form.toLowerCase();
    attributes.lower[i] = lower;
    attributes.lowerHash[i] = hashString(/\d/.test(lower) ? lower.replace(/\d/g, '0') : lower);
    attributes.formHash[i] = hashString(form);
    const [shortShape, longShape] = shapes(form);
    attributes.shapeHash[i] = shortShape;
    attributes.longShapeHash[i] = longShape;
    const fine = resources.clusters.fine.get(lower);
    if (fine === undefined) {
      attributes.fine[i] = attributes.middle[i] = attributes.coarse[i] = -1;
    } else {
      const middle = resources.clusters.middleOfFine[fine]!;
      attributes.fine[i] = fine;
      attributes.middle[i] = middle;
      attributes.coarse[i] = resources.clusters.coarseOfMiddle[middle]!;
    }
    attributes.capitalised[i] = isUpper(form.charCodeAt(0)) ? 1 : 0;
  }
  for (const match of matchGazetteer(resources.gazetteer, attributes.lower)) {
    let kinds = 0;
    for (const record of match.records) kinds |= GAZ_KIND_BIT[record.kind];
    const single = match.end - match.start === 1;
    for (let i = match.start; i < match.end; i++) {
      const position = single ? 1 : i === match.start ? 2 : i === match.end - 1 ? 3 : 4;
      attributes.gaz[i] = kinds * 8 + position;
    }
  }
  return attributes;
}

/** Short shape (runs collapsed: "Xx", "X.X.", "d,d") and long shape (up to 10 characters). */
function shapes(form: string): [number, number] {
  let short = 0x811c9dc5;
  let long = 0x811c9dc5;
  let last = -1;
  for (let i = 0; i < form.length; i++) {
    const code = form.charCodeAt(i);
    let kind: number;
    if (code >= 65 && code <= 90) kind = 88; // X
    else if (code >= 97 && code <= 122) kind = 120; // x
    else if (code >= 48 && code <= 57) kind = 100; // d
    else if (code > 127) kind = isUpper(code) ? 88 : isLower(code) ? 120 : code;
    else kind = code;
    if (i < 10) long = Math.imul(long ^ kind, 0x01000193);
    if (kind !== last) short = Math.imul(short ^ kind, 0x01000193);
    last = kind;
  }
  return [short >>> 0, long >>> 0];
}

/** Affix hashes of a lower-cased word: prefixes 1-4 and suffixes 1-5 (FNV over the affix). */
function affixes(lower: string, out: Uint32Array, at: number): number {
  let n = at;
  const length = lower.length;
  let hash = 0x811c9dc5;
  for (let k = 0; k < 4; k++) {
    if (k >= length - 1) break;
    hash = Math.imul(hash ^ lower.charCodeAt(k), 0x01000193);
    out[n++] = mix(T.Prefix1 + k, hash >>> 0);
  }
  hash = 0x811c9dc5;
  for (let k = 0; k < 5; k++) {
    if (k >= length - 1) break;
    hash = Math.imul(hash ^ lower.charCodeAt(length - 1 - k), 0x01000193);
    out[n++] = mix(T.Suffix1 + k, hash >>> 0);
  }
  return n;
}

const BOUNDARY = hashString('<s>');
const BOUNDARY_END = hashString('</s>');

/**
 * Writes the static features of every token into `out` (STATIC_PER_TOKEN slots per token,
 * unused slots 0) and returns it.
 */
export function staticFeatures(attributes: SentenceAttributes, doc: DocumentContext, out?: Uint32Array): Uint32Array {
  const n = attributes.length;
  const features = out && out.length >= n * STATIC_PER_TOKEN ? out : new Uint32Array(n * STATIC_PER_TOKEN);
  features.fill(0, 0, n * STATIC_PER_TOKEN);
  const { lowerHash, shapeHash, fine, middle, coarse, gaz } = attributes;
  const word = (i: number) => (i < 0 ? BOUNDARY : i >= n ? BOUNDARY_END : lowerHash[i]!);
  const shape = (i: number) => (i < 0 ? BOUNDARY : i >= n ? BOUNDARY_END : shapeHash[i]!);
  const cluster = (array: Int32Array, i: number) => (i < 0 ? -2 : i >= n ? -3 : array[i]!);
  const gazAt = (i: number) => (i < 0 || i >= n ? 0 : gaz[i]!);
  const caps = attributes.capsSentence ? 1 : 0;
  for (let i = 0; i < n; i++) {
    let k = i * STATIC_PER_TOKEN;
    const w = lowerHash[i]!;
    const s = shapeHash[i]!;
    features[k++] = T.Bias;
    features[k++] = mix(T.Word, w);
    features[k++] = mix(T.Form, attributes.formHash[i]!);
    features[k++] = mix(T.WordM1, word(i - 1));
    features[k++] = mix(T.WordP1, word(i + 1));
    features[k++] = mix(T.WordM2, word(i - 2));
    features[k++] = mix(T.WordP2, word(i + 2));
    features[k++] = mix3(T.WordM1Word, word(i - 1), w);
    features[k++] = mix3(T.WordWordP1, w, word(i + 1));
    k = affixes(attributes.lower[i]!, features, k);
    features[k++] = mix(T.Shape, s);
    features[k++] = mix(T.ShapeM1, shape(i - 1));
    features[k++] = mix(T.ShapeP1, shape(i + 1));
    features[k++] = mix3(T.ShapeM1Shape, shape(i - 1), s);
    features[k++] = mix3(T.ShapeShapeP1, s, shape(i + 1));
    features[k++] = mix3(T.ShapeM1ShapeP1, mix(shape(i - 1), s), shape(i + 1));
    features[k++] = mix(T.LongShape, attributes.longShapeHash[i]!);
    features[k++] = mix(T.Fine, fine[i]!);
    features[k++] = mix(T.Middle, middle[i]!);
    features[k++] = mix(T.Coarse, coarse[i]!);
    features[k++] = mix(T.FineM1, cluster(fine, i - 1));
    features[k++] = mix(T.FineP1, cluster(fine, i + 1));
    features[k++] = mix(T.MiddleM1, cluster(middle, i - 1));
    features[k++] = mix(T.MiddleP1, cluster(middle, i + 1));
    features[k++] = mix(T.CoarseM2, cluster(coarse, i - 2));
    features[k++] = mix(T.CoarseP2, cluster(coarse, i + 2));
    features[k++] = mix3(T.MiddleM1Middle, cluster(middle, i - 1), middle[i]!);
    features[k++] = mix3(T.MiddleMiddleP1, middle[i]!, cluster(middle, i + 1));
    features[k++] = mix3(T.WordM1Shape, word(i - 1), s);
    features[k++] = mix3(T.ShapeWordP1, s, word(i + 1));
    const g = gaz[i]!;
    if (g) {
      features[k++] = mix(T.Gaz, g);
      features[k++] = mix3(T.GazShape, g, s);
    }
    if (gazAt(i - 1)) features[k++] = mix(T.GazM1, gazAt(i - 1));
    if (gazAt(i + 1)) features[k++] = mix(T.GazP1, gazAt(i + 1));
    if (i === 0) features[k++] = mix(T.FirstShape, s);
    if (caps) features[k++] = mix(T.CapsSentenceShape, s);
    if (attributes.capitalised[i] && (i === 0 || caps)) {
      // A capital that the position explains: does the word keep it elsewhere in the document?
      const flags = doc.caseFlags.get(attributes.lower[i]!) ?? 0;
      const value = flags * 4 + (i === 0 ? 1 : 0) + caps * 2;
      features[k++] = mix(T.DocCase, value);
      features[k++] = mix3(T.DocCaseWord, value, middle[i]!);
    } else if (attributes.capitalised[i]) {
      const flags = doc.caseFlags.get(attributes.lower[i]!) ?? 0;
      features[k++] = mix(T.DocCase, 64 + flags);
    }
    if (attributes.capitalised[i]) {
      const around = doc.aggregate.get(attributes.lower[i]!);
      if (around) for (let a = 0; a < around.length; a++) features[k++] = around[a]!;
      // What this word was tagged as earlier in the document (fixed while a sentence is tagged).
      const counts = doc.history.get(attributes.lower[i]!);
      if (counts) {
        let best = 0;
        for (let t = 1; t < counts.length; t++) if (counts[t]! > counts[best]!) best = t;
        features[k++] = mix(T.History, best);
        features[k++] = mix3(T.HistoryShape, best, s);
      }
    }
  }
  return features;
}

/**
 * The features that depend on earlier decisions, for token `i` given the two previous tags
 * (-1 at the sentence start). Returns the number written.
 */
export function dynamicFeatures(
  attributes: SentenceAttributes,
  doc: DocumentContext,
  i: number,
  prev: number,
  prev2: number,
  out: Uint32Array,
): number {
  let k = 0;
  out[k++] = mix(T.Prev, prev);
  out[k++] = mix3(T.Prev2, prev, prev2);
  out[k++] = mix3(T.PrevWord, prev, attributes.lowerHash[i]!);
  out[k++] = mix3(T.PrevShape, prev, attributes.shapeHash[i]!);
  out[k++] = mix3(T.PrevMiddle, prev, attributes.middle[i]!);
  return k;
}

/** Records what each token of a tagged sentence was tagged as (type index, or -1 for none). */
export function rememberSentence(attributes: SentenceAttributes, doc: DocumentContext, typeOfToken: ArrayLike<number>, typeCount: number): void {
  for (let i = 0; i < attributes.length; i++) {
    if (!attributes.capitalised[i]) continue;
    const lower = attributes.lower[i]!;
    let counts = doc.history.get(lower);
    if (!counts) {
      counts = new Int32Array(typeCount + 1);
      doc.history.set(lower, counts);
    }
    const type = typeOfToken[i]!;
    if (type >= 0) counts[type]!++;
    else counts[typeCount]!++;
  }
}
