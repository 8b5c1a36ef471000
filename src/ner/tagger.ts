/**
 * The name tagger: a greedy left-to-right averaged perceptron over hashed features, with the
 * CoNLL types PER, ORG, LOC and MISC. We wrote our own because no JavaScript NER tool is both
 * accurate and fast enough (compromise scores 48.8 F1 on CoNLL-2003), and a linear model with
 * good features runs at hundreds of thousands of tokens per second on one core.
 *
 * Model file (models/ner/weights.bin.gz, gzipped): the bytes `NER1`, a uint32 header length, a
 * JSON header {scheme, types, bits, rows, scale}, then `rows` uint32 feature buckets and
 * rows x tags int16 weights (multiply by `scale`).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readClusters } from './clusters.js';
import {
  DYNAMIC_PER_TOKEN,
  STATIC_PER_TOKEN,
  dynamicFeatures,
  normaliseForm,
  rememberSentence,
  sentenceAttributes,
  startDocument,
  staticFeatures,
  type DocumentContext,
  type SentenceAttributes,
  type NerResources,
} from './features.js';
import { readGazetteer } from './gazetteer.js';
import { makeTagSet, tagsToSpans, type Scheme, type TagSet, type TokenSpan } from './labels.js';
import { loadShippedModel } from '../models.js';

/** Beam width of decoding; 4 is worth about one point of F1 over greedy on CoNLL validation. */
export const DEFAULT_BEAM = 4;

export interface NerModel {
  tagSet: TagSet;
  resources: NerResources;
  scorer: Scorer;
}

/** Anything that can score features: the shipped weights, or the perceptron during training. */
export interface Scorer {
  tagCount: number;
  addScores(features: Uint32Array, from: number, to: number, scores: Float64Array): void;
}

/** Scores from a dense table of (2^bits) x tags weights, as training holds them. */
export function denseScorer(weights: Float32Array, tagCount: number, bits: number): Scorer {
  const mask = (1 << bits) - 1;
  return {
    tagCount,
    addScores(features, from, to, scores) {
      for (let f = from; f < to; f++) {
        const feature = features[f]!;
        if (feature === 0) continue;
        const base = (feature & mask) * tagCount;
        for (let t = 0; t < tagCount; t++) scores[t]! += weights[base + t]!;
      }
    },
  };
}

/**
 * Scores from the shipped sparse rows. Rows are found through a small open-addressing table
 * (a quarter full) rather than a 2^bits index, and weights stay int16: both keep the lookups in
 * cache, which is what bounds tagging speed. Scores come out multiplied by 1/scale, which
 * changes no decision.
 */
export function compactScorer(buckets: Uint32Array, quantised: Int16Array, tagCount: number, bits: number): Scorer {
  const mask = (1 << bits) - 1;
  let slotBits = 4;
  while (1 << slotBits < buckets.length * 4) slotBits++;
  const slotMask = (1 << slotBits) - 1;
  const keys = new Int32Array(1 << slotBits).fill(-1);
  const rows = new Int32Array(1 << slotBits);
  const slotOf = (bucket: number) => Math.imul(bucket, 0x9e3779b1) >>> (32 - slotBits);
  for (let row = 0; row < buckets.length; row++) {
    let slot = slotOf(buckets[row]!);
    while (keys[slot] !== -1) slot = (slot + 1) & slotMask;
    keys[slot] = buckets[row]!;
    rows[slot] = row * tagCount;
  }
  return {
    tagCount,
    addScores(features, from, to, scores) {
      for (let f = from; f < to; f++) {
        const feature = features[f]!;
        if (feature === 0) continue;
        const bucket = feature & mask;
        let slot = slotOf(bucket);
        let key = keys[slot]!;
        while (key !== bucket && key !== -1) {
          slot = (slot + 1) & slotMask;
          key = keys[slot]!;
        }
        if (key === -1) continue;
        const base = rows[slot]!;
        for (let t = 0; t < tagCount; t++) scores[t]! += quantised[base + t]!;
      }
    },
  };
}

/**
 * Tags one sentence: greedily while training (`learn` gets the features of each token with the
 * predicted and gold tag so the perceptron can update), with a small beam otherwise.
 */
export function tagSentence(
  scorer: Scorer,
  tagSet: TagSet,
  resources: NerResources,
  doc: DocumentContext,
  forms: readonly string[],
  learn?: { gold: Int32Array; update(features: Uint32Array, count: number, gold: number, predicted: number): void },
  beam = DEFAULT_BEAM,
): Int32Array {
  const n = scorer.tagCount;
  const attributes = sentenceAttributes(resources, forms);
  const features = staticFeatures(attributes, doc);
  if (!learn && beam > 1) {
    const tags = beamDecode(scorer, tagSet, attributes, features, doc, beam);
    const typeOfToken = new Int32Array(forms.length);
    for (let i = 0; i < forms.length; i++) typeOfToken[i] = tagSet.typeOf[tags[i]!]!;
    rememberSentence(attributes, doc, typeOfToken, tagSet.types.length);
    return tags;
  }
  const dynamic = new Uint32Array(DYNAMIC_PER_TOKEN);
  const combined = learn ? new Uint32Array(STATIC_PER_TOKEN + DYNAMIC_PER_TOKEN) : null;
  const scores = new Float64Array(n);
  const tags = new Int32Array(forms.length);
  let prev = n;
  let prev2 = n;
  for (let i = 0; i < forms.length; i++) {
    scores.fill(0);
    scorer.addScores(features, i * STATIC_PER_TOKEN, (i + 1) * STATIC_PER_TOKEN, scores);
    const dynamicCount = dynamicFeatures(attributes, doc, i, prev, prev2, dynamic);
    scorer.addScores(dynamic, 0, dynamicCount, scores);
    let best = -1;
    let bestScore = -Infinity;
    const allowedBase = prev * n;
    for (let t = 0; t < n; t++) {
      if (!learn && !tagSet.allowed[allowedBase + t]) continue;
      if (scores[t]! > bestScore) {
        bestScore = scores[t]!;
        best = t;
      }
    }
    if (learn) {
      const gold = learn.gold[i]!;
      if (best !== gold) {
        combined!.set(features.subarray(i * STATIC_PER_TOKEN, (i + 1) * STATIC_PER_TOKEN), 0);
        combined!.set(dynamic.subarray(0, dynamicCount), STATIC_PER_TOKEN);
        learn.update(combined!, STATIC_PER_TOKEN + dynamicCount, gold, best);
      }
    }
    tags[i] = best;
    prev2 = prev;
    prev = best;
  }
  const typeOfToken = new Int32Array(forms.length);
  for (let i = 0; i < forms.length; i++) typeOfToken[i] = tagSet.typeOf[tags[i]!]!;
  rememberSentence(attributes, doc, typeOfToken, tagSet.types.length);
  return tags;
}

/**
 * Beam search over the same features: static scores are computed once per token and shared by
 * every hypothesis, so a small beam costs little more than greedy decoding. It lets the tagger
 * back out of a name it opened (BILOU must close what it opens) instead of running on.
 */
function beamDecode(scorer: Scorer, tagSet: TagSet, attributes: SentenceAttributes, features: Uint32Array, doc: DocumentContext, width: number): Int32Array {
  const n = scorer.tagCount;
  const length = attributes.length;
  const allowed = tagSet.allowed;
  const tagAt = new Int32Array(length * width);
  const backAt = new Int32Array(length * width);
  let scores = new Float64Array(width);
  let prevs = new Int32Array(width).fill(n);
  let prev2s = new Int32Array(width).fill(n);
  let nextScores = new Float64Array(width);
  let nextPrevs = new Int32Array(width);
  let nextPrev2s = new Int32Array(width);
  let size = 1;
  const local = new Float64Array(n);
  const perTag = new Float64Array(n);
  const dynamic = new Uint32Array(DYNAMIC_PER_TOKEN);
  for (let i = 0; i < length; i++) {
    local.fill(0);
    scorer.addScores(features, i * STATIC_PER_TOKEN, (i + 1) * STATIC_PER_TOKEN, local);
    let kept = 0;
    const row = i * width;
    for (let b = 0; b < size; b++) {
      perTag.set(local);
      const count = dynamicFeatures(attributes, doc, i, prevs[b]!, prev2s[b]!, dynamic);
      scorer.addScores(dynamic, 0, count, perTag);
      const allowedBase = prevs[b]! * n;
      const base = scores[b]!;
      for (let t = 0; t < n; t++) {
        if (!allowed[allowedBase + t]) continue;
        const score = base + perTag[t]!;
        if (kept === width && score <= nextScores[width - 1]!) continue;
        // Insertion into the kept list, best first.
        let k = kept < width ? kept++ : width - 1;
        while (k > 0 && nextScores[k - 1]! < score) {
          nextScores[k] = nextScores[k - 1]!;
          nextPrevs[k] = nextPrevs[k - 1]!;
          nextPrev2s[k] = nextPrev2s[k - 1]!;
          backAt[row + k] = backAt[row + k - 1]!;
          k--;
        }
        nextScores[k] = score;
        nextPrevs[k] = t;
        nextPrev2s[k] = prevs[b]!;
        backAt[row + k] = b;
      }
    }
    for (let k = 0; k < kept; k++) tagAt[row + k] = nextPrevs[k]!;
    [scores, nextScores] = [nextScores, scores];
    [prevs, nextPrevs] = [nextPrevs, prevs];
    [prev2s, nextPrev2s] = [nextPrev2s, prev2s];
    size = kept;
  }
  // The best complete hypothesis must not leave a name open.
  let best = 0;
  for (let k = 0; k < size; k++) {
    const prefix = tagSet.prefixOf[prevs[k]!]!;
    if (prefix !== 'B' && prefix !== 'I') {
      best = k;
      break;
    }
  }
  const tags = new Int32Array(length);
  for (let i = length - 1; i >= 0; i--) {
    tags[i] = tagAt[i * width + best]!;
    best = backAt[i * width + best]!;
  }
  return tags;
}

/** Tags a document given as sentences of token texts; returns token spans per sentence. */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[], beam = DEFAULT_BEAM): TokenSpan[][] {
  const scorer = model.scorer;
  const normalised = sentences.map((forms) => forms.map(normaliseForm));
  const doc = startDocument(normalised);
  return normalised.map((forms) => tagsToSpans(model.tagSet, tagSentence(scorer, model.tagSet, model.resources, doc, forms, undefined, beam)));
}

export interface ModelHeader {
  scheme: Scheme;
  types: string[];
  bits: number;
  rows: number;
  scale: number;
}

export function encodeModel(header: ModelHeader, buckets: Uint32Array, weights: Int16Array): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(8);
  head.write('NER1', 0, 'ascii');
  head.writeUInt32LE(json.length, 4);
  return gzipSync(
    Buffer.concat([head, json, Buffer.from(buckets.buffer, buckets.byteOffset, buckets.byteLength), Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength)]),
    { level: 9 },
  );
}

export function decodeModel(gzipped: Buffer, resources: NerResources): NerModel {
  const bytes = gunzipSync(gzipped);
  if (bytes.toString('ascii', 0, 4) !== 'NER1') throw new Error('NER model file: expected the bytes "NER1" at the start; the file is not a tagger model.');
  const headerLength = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as ModelHeader;
  const tagSet = makeTagSet(header.scheme, header.types);
  const n = tagSet.tags.length;
  let offset = 8 + headerLength;
  const aligned = new Uint8Array(bytes.length - offset);
  aligned.set(bytes.subarray(offset));
  const buckets = new Uint32Array(aligned.buffer, 0, header.rows);
  offset = header.rows * 4;
  const quantised = new Int16Array(aligned.buffer, offset, header.rows * n);
  return { tagSet, resources, scorer: compactScorer(buckets, quantised, n, header.bits) };
}

const MODEL_FOLDER = new URL('../../models/ner/', import.meta.url);

export interface ModelPaths {
  weights: string | URL;
  clusters: string | URL;
  gazetteer: string | URL;
}

export const DEFAULT_MODEL_PATHS: ModelPaths = {
  weights: new URL('weights.bin.gz', MODEL_FOLDER),
  clusters: new URL('clusters.txt.gz', MODEL_FOLDER),
  gazetteer: new URL('gazetteer.tsv.gz', MODEL_FOLDER),
};

export function loadResources(paths: Pick<ModelPaths, 'clusters' | 'gazetteer'> = DEFAULT_MODEL_PATHS): NerResources {
  return { clusters: readClusters(paths.clusters), gazetteer: readGazetteer(paths.gazetteer) };
}

let shared: NerModel | null = null;

/** The shipped model, loaded once on first use (about a quarter of a second). */
export function defaultModel(): NerModel {
  shared ??= loadShippedModel('ner', () => loadModel(DEFAULT_MODEL_PATHS));
  return shared;
}

export function loadModel(paths: ModelPaths): NerModel {
  return decodeModel(readFileSync(paths.weights), loadResources(paths));
}
