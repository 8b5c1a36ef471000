/**
 * Feature counts → unit-length tf-idf vectors. Document frequencies come from the run itself
 * (a first pass over all documents), blended with a background of news at large so that two or
 * three articles still weigh an everyday word below a telling one: the background acts as
 * `BACKGROUND_ARTICLES` imagined articles in which each word occurs as often as in the news
 * generally. With thousands of documents the run's own counts decide.
 */
import { articleShare, backgroundRanks } from './background.js';
import { DATE_PREFIX, ENTITY_PREFIX, featureKind, NUMBER_PREFIX, stem, type FeatureKind, type TermWeights } from './terms.js';

const BACKGROUND_ARTICLES = 20;

/** A sparse unit vector over feature ids, strongest feature first. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface VectorSpace {
  /** Feature key → id. */
  ids: Map<string, number>;
  keys: string[];
  idf: Float64Array;
  /** In how many of the run's documents each feature occurs. */
  frequency: Int32Array;
  documents: number;
}

/** The most telling features a document keeps; the rest barely move a cosine (100 and 200 score alike on ECB+ train). */
export const MAX_DOCUMENT_FEATURES = 100;

/**
 * The vector space of a run: ids for every feature and their inverse document frequency.
 * `entityNames` gives each entity's name, so that "Russia" counts as common as the word "russia".
 */
export function buildSpace(documents: readonly Map<string, number>[], entityNames: ReadonlyMap<string, string> = new Map()): VectorSpace {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const frequency: number[] = [];
  for (const counts of documents) {
    for (const key of counts.keys()) {
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        ids.set(key, id);
        keys.push(key);
        frequency.push(0);
      }
      frequency[id]! += 1;
    }
  }
  const ranks = backgroundRanks();
  const stemRanks = stemmedRanks(ranks);
  const total = documents.length + BACKGROUND_ARTICLES;
  const idf = new Float64Array(keys.length);
  keys.forEach((key, id) => {
    const share = backgroundShare(key, ranks, stemRanks, entityNames);
    idf[id] = Math.max(0, Math.log(total / (frequency[id]! + BACKGROUND_ARTICLES * share + 0.5)));
  });
  return { ids, keys, idf, frequency: Int32Array.from(frequency), documents: documents.length };
}

/** How common a feature is in news at large, by its word, number or the words of its name. */
function backgroundShare(
  key: string,
  ranks: ReadonlyMap<string, number>,
  stemRanks: ReadonlyMap<string, number>,
  entityNames: ReadonlyMap<string, string>,
): number {
  switch (featureKind(key)) {
    case 'word':
      return articleShare(stemRanks.get(key));
    case 'number':
      return articleShare(ranks.get(key.slice(NUMBER_PREFIX.length)));
    case 'date':
      return articleShare(ranks.get(key.slice(DATE_PREFIX.length)));
    case 'entity': {
      // A name is as common as its rarest word: "United States" as "states", "Kadyrov" rare.
      const words = (entityNames.get(key.slice(ENTITY_PREFIX.length)) ?? '').toLowerCase().match(/\p{L}+/gu) ?? [];
      return words.length ? Math.min(...words.map((word) => articleShare(ranks.get(word)))) : articleShare(undefined);
    }
  }
}

let stemmed: { from: ReadonlyMap<string, number>; ranks: Map<string, number> } | null = null;

/** Ranks by stem: a stem is as common as its most common spelling. */
function stemmedRanks(ranks: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  if (stemmed?.from === ranks) return stemmed.ranks;
  const byStem = new Map<string, number>();
  for (const [word, rank] of ranks) {
    const key = stem(word);
    const known = byStem.get(key);
    if (known === undefined || rank < known) byStem.set(key, rank);
  }
  stemmed = { from: ranks, ranks: byStem };
  return byStem;
}

/**
 * A feature no other document of the run has cannot make two documents alike: at full weight it
 * would only lengthen the vector and shrink every similarity of a long, detailed article. Left
 * out entirely, two unrelated articles of a small run would be alike on their few common words.
 * A third of its weight scored best on ECB+ train (with 0: alike; 1: 1.5 points lower).
 */
const UNSHARED_WEIGHT = 0.3;

/**
 * One document's unit vector: (1 + ln count) × idf × the weight of the feature's kind, keeping
 * the `MAX_DOCUMENT_FEATURES` strongest. Features unknown to the space are skipped.
 */
export function toVector(counts: ReadonlyMap<string, number>, space: VectorSpace, weights: TermWeights): SparseVector {
  const kindWeight: Record<FeatureKind, number> = { word: 1, entity: weights.entity, number: weights.number, date: weights.date };
  const ids: number[] = [];
  const raw: number[] = [];
  for (const [key, count] of counts) {
    const id = space.ids.get(key);
    if (id === undefined || count <= 0) continue;
    const shared = space.frequency[id]! >= 2 || space.documents === 1 ? 1 : UNSHARED_WEIGHT;
    const weight = (count >= 1 ? 1 + Math.log(count) : count) * space.idf[id]! * kindWeight[featureKind(key)] * shared;
    if (weight > 0) {
      ids.push(id);
      raw.push(weight);
    }
  }
  const order = strongest(raw, ids, MAX_DOCUMENT_FEATURES);
  let squares = 0;
  for (const index of order) squares += raw[index]! * raw[index]!;
  const norm = Math.sqrt(squares) || 1;
  // Filled by hand: a typed array's `from` with a mapping function is several times slower.
  const vector: SparseVector = { ids: new Int32Array(order.length), weights: new Float64Array(order.length) };
  order.forEach((index, at) => {
    vector.ids[at] = ids[index]!;
    vector.weights[at] = raw[index]! / norm;
  });
  return vector;
}

/**
 * The indexes of the `count` largest weights, largest first (ties to the lower id). A document
 * has a few hundred features and keeps a hundred: a plain numeric sort finds where to cut, and
 * only the weights kept are sorted by the two keys.
 */
function strongest(weights: readonly number[], ids: readonly number[], count: number): number[] {
  let floor = -Infinity;
  if (weights.length > count) {
    const sorted = new Float64Array(weights).sort();
    floor = sorted[sorted.length - count]!;
  }
  const kept: number[] = [];
  for (let index = 0; index < weights.length; index++) if (weights[index]! >= floor) kept.push(index);
  kept.sort((a, b) => weights[b]! - weights[a]! || ids[a]! - ids[b]!);
  if (kept.length > count) kept.length = count;
  return kept;
}

/** Cosine of two unit vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.ids.length <= b.ids.length ? [a, b] : [b, a];
  const lookup = new Map<number, number>();
  for (let index = 0; index < large.ids.length; index++) lookup.set(large.ids[index]!, large.weights[index]!);
  let sum = 0;
  for (let index = 0; index < small.ids.length; index++) sum += small.weights[index]! * (lookup.get(small.ids[index]!) ?? 0);
  return sum;
}
