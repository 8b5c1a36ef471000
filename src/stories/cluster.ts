/**
 * Online single-pass clustering: each document, in input order, joins the story whose centroid
 * it is most similar to (cosine at least `threshold`) or opens a new story. Nothing compares all
 * pairs: a document is scored only against the stories an inverted index offers, the stories
 * that list one of its strongest features among their own strongest, and each posting list
 * keeps only its most recently active stories. The work per document is therefore bounded by
 * constants, and a run grows linearly with the number of documents.
 *
 * A centroid is the sum of its members' unit vectors, trimmed to its strongest features so that
 * a story of thousands of articles costs no more to score than one of dozens.
 */
import type { SparseVector } from './vectors.js';

export interface ClusterOptions {
  /** The cosine to a story's centroid at which a document joins it. */
  threshold: number;
  /** How many of a document's strongest features look up candidate stories. */
  queryFeatures?: number;
  /** How many of a story's strongest features it is listed under. */
  indexedFeatures?: number;
  /** How many of the best-looking candidates are scored in full. */
  candidates?: number;
  /** How many stories a feature's posting list keeps (the most recently joined). */
  postingLimit?: number;
  /** A centroid is trimmed to this many features when it grows past twice as many. */
  centroidFeatures?: number;
}

export interface Cluster {
  /** Document indexes in input order. */
  members: number[];
  /** Sum of the members' vectors (trimmed), feature id → weight. */
  sum: Map<number, number>;
}

/** Counts of the work done, for tests that the clustering never turns quadratic. */
export interface ClusterWork {
  /** Story ids read from posting lists. */
  postingsRead: number;
  /** Full document-to-centroid similarities computed. */
  similarities: number;
}

export interface Clustering {
  /** Cluster index of each document. */
  assignment: Int32Array;
  clusters: Cluster[];
  work: ClusterWork;
}

/** The stories listed under one feature, with the feature's share of each story's centroid. */
interface Posting {
  clusters: number[];
  /** The feature's weight in the story's unit centroid when the story was last listed. */
  weights: number[];
}

interface ClusterState extends Cluster {
  squares: number;
  norm: number;
  /** Features this story is listed under. */
  listed: Set<number>;
}

const RELIST_ALWAYS = 8;
const RELIST_EVERY = 4;

const DEFAULTS = { queryFeatures: 24, indexedFeatures: 32, candidates: 8, postingLimit: 64, centroidFeatures: 300 };

/**
 * Groups unit vectors, deterministically for a given input order.
 *
 * @example clusterOnline(vectors, { threshold: 0.3 }).assignment // Int32Array [0, 0, 1, ...]
 */
export function clusterOnline(vectors: readonly SparseVector[], options: ClusterOptions): Clustering {
  const settings = { ...DEFAULTS, ...options };
  const clusters: ClusterState[] = [];
  const postings = new Map<number, Posting>();
  const assignment = new Int32Array(vectors.length);
  const work: ClusterWork = { postingsRead: 0, similarities: 0 };
  const scores = new CandidateScores();

  vectors.forEach((vector, index) => {
    let best = -1;
    let bestSimilarity = -Infinity;
    for (const candidate of candidatesFor(vector, postings, scores, settings, work)) {
      const similarity = dot(vector, clusters[candidate]!.sum) / clusters[candidate]!.norm;
      work.similarities += 1;
      if (similarity > bestSimilarity || (similarity === bestSimilarity && candidate < best)) {
        best = candidate;
        bestSimilarity = similarity;
      }
    }
    if (best < 0 || bestSimilarity < settings.threshold) {
      best = clusters.length;
      clusters.push({ members: [], sum: new Map(), squares: 0, norm: 1, listed: new Set() });
    }
    const cluster = clusters[best]!;
    cluster.members.push(index);
    assignment[index] = best;
    addToCentroid(cluster, vector, settings.centroidFeatures);
    // A big story's strongest features barely move with one more article: relisting it every
    // few joins keeps the index fresh at a fraction of the cost.
    if (cluster.members.length <= RELIST_ALWAYS || cluster.members.length % RELIST_EVERY === 0) relist(best, clusters, postings, settings);
  });

  return { assignment, clusters: clusters.map(({ members, sum }) => ({ members, sum })), work };
}

/**
 * Scratch space for scoring candidates, reused across documents so that scoring allocates
 * nothing per document: a partial score per story and the list of stories touched.
 */
class CandidateScores {
  private scores = new Float64Array(64);
  private touched: number[] = [];

  add(cluster: number, amount: number): void {
    if (!(amount > 0)) return;
    if (cluster >= this.scores.length) {
      const grown = new Float64Array(Math.max(cluster + 1, this.scores.length * 2));
      grown.set(this.scores);
      this.scores = grown;
    }
    if (this.scores[cluster] === 0) this.touched.push(cluster);
    this.scores[cluster]! += amount;
  }

  /** The `count` best stories (ties to the older story), then a reset for the next document. */
  takeBest(count: number): number[] {
    const best: number[] = [];
    for (const cluster of this.touched) {
      const score = this.scores[cluster]!;
      let at = best.length;
      while (at > 0 && (this.scores[best[at - 1]!]! < score || (this.scores[best[at - 1]!]! === score && best[at - 1]! > cluster))) at -= 1;
      if (at < count) {
        best.splice(at, 0, cluster);
        if (best.length > count) best.pop();
      }
    }
    for (const cluster of this.touched) this.scores[cluster] = 0;
    this.touched.length = 0;
    return best;
  }
}

/** The stories worth scoring: best partial dot product over the document's strongest features. */
function candidatesFor(
  vector: SparseVector,
  postings: ReadonlyMap<number, Posting>,
  scores: CandidateScores,
  settings: typeof DEFAULTS,
  work: ClusterWork,
): number[] {
  const query = Math.min(settings.queryFeatures, vector.ids.length);
  for (let feature = 0; feature < query; feature++) {
    const posting = postings.get(vector.ids[feature]!);
    if (!posting) continue;
    work.postingsRead += posting.clusters.length;
    const weight = vector.weights[feature]!;
    for (let entry = 0; entry < posting.clusters.length; entry++) scores.add(posting.clusters[entry]!, weight * posting.weights[entry]!);
  }
  return scores.takeBest(settings.candidates);
}

function dot(vector: SparseVector, sum: ReadonlyMap<number, number>): number {
  let total = 0;
  for (let feature = 0; feature < vector.ids.length; feature++) total += vector.weights[feature]! * (sum.get(vector.ids[feature]!) ?? 0);
  return total;
}

function addToCentroid(cluster: ClusterState, vector: SparseVector, keep: number): void {
  for (let feature = 0; feature < vector.ids.length; feature++) {
    const id = vector.ids[feature]!;
    const before = cluster.sum.get(id) ?? 0;
    const after = before + vector.weights[feature]!;
    cluster.sum.set(id, after);
    cluster.squares += after * after - before * before;
  }
  if (cluster.sum.size > keep * 2) {
    // Rare (once per `keep` new features), so a plain sort will do.
    const strongest = [...cluster.sum].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, keep);
    cluster.sum = new Map(strongest);
    cluster.squares = strongest.reduce((total, [, weight]) => total + weight * weight, 0);
  }
  cluster.norm = Math.sqrt(cluster.squares) || 1;
}

/** The `count` heaviest features of a centroid, heaviest first (ties to the lower id). */
function strongestFeatures(sum: ReadonlyMap<number, number>, count: number): [number, number][] {
  const ids: number[] = [];
  const weights: number[] = [];
  sum.forEach((weight, id) => {
    if (ids.length === count && (weight < weights[count - 1]! || (weight === weights[count - 1]! && id > ids[count - 1]!))) return;
    let at = ids.length;
    while (at > 0 && (weights[at - 1]! < weight || (weights[at - 1]! === weight && ids[at - 1]! > id))) at -= 1;
    ids.splice(at, 0, id);
    weights.splice(at, 0, weight);
    if (ids.length > count) {
      ids.pop();
      weights.pop();
    }
  });
  return ids.map((id, index) => [id, weights[index]!]);
}

/**
 * Lists a story under its strongest features, most recently joined last; a posting list that
 * grows past its limit forgets its least recently joined story.
 */
function relist(index: number, clusters: readonly ClusterState[], postings: Map<number, Posting>, settings: typeof DEFAULTS): void {
  const cluster = clusters[index]!;
  for (const [feature, weight] of strongestFeatures(cluster.sum, settings.indexedFeatures)) {
    let posting = postings.get(feature);
    if (!posting) postings.set(feature, (posting = { clusters: [], weights: [] }));
    if (cluster.listed.has(feature)) {
      const at = posting.clusters.indexOf(index);
      posting.clusters.splice(at, 1);
      posting.weights.splice(at, 1);
    } else cluster.listed.add(feature);
    posting.clusters.push(index);
    posting.weights.push(weight / cluster.norm);
    if (posting.clusters.length > settings.postingLimit) {
      clusters[posting.clusters.shift()!]!.listed.delete(feature);
      posting.weights.shift();
    }
  }
}
