/**
 * Derives the tagger's word clusters from GloVe vectors by spherical k-means, once; the result
 * is cached in models/ner/clusters.txt.gz so training never needs the 300 MB vector file again.
 * Fine clusters are grouped into middle and coarse ones by clustering their centroids, which
 * gives nested granularities like the bit prefixes of Brown clusters.
 */
import { readFileSync } from 'node:fs';
import type { WordClusters } from '../clusters.js';

interface Embeddings {
  words: string[];
  vectors: Record<string, number[]>;
  dimensions: number;
}

export interface ClusterOptions {
  vocabulary: number;
  fine: number;
  middle: number;
  coarse: number;
  iterations: number;
  seed: number;
}

export function deriveClusters(embeddingsPath: string, options: ClusterOptions, log: (line: string) => void = () => {}): WordClusters {
  const embeddings = JSON.parse(readFileSync(embeddingsPath, 'utf8')) as Embeddings;
  const dims = embeddings.dimensions;
  const words: string[] = [];
  for (const word of embeddings.words) {
    if (words.length >= options.vocabulary) break;
    if (/\p{L}/u.test(word) && !/\s/u.test(word)) words.push(word);
  }
  const data = new Float32Array(words.length * dims);
  words.forEach((word, row) => {
    const vector = embeddings.vectors[word]!;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += vector[d]! * vector[d]!;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) data[row * dims + d] = vector[d]! / norm;
  });
  log(`clusters: ${words.length} words, ${dims} dimensions`);
  const random = seededRandom(options.seed);
  const fine = sphericalKMeans(data, null, words.length, dims, options.fine, options.iterations, random, Math.min(words.length, 30000), log);
  const middle = sphericalKMeans(fine.centroids, fine.sizes, options.fine, dims, options.middle, 25, random, options.fine, log);
  const coarse = sphericalKMeans(middle.centroids, middle.sizes, options.middle, dims, options.coarse, 25, random, options.middle, log);
  const map = new Map<string, number>();
  words.forEach((word, row) => map.set(word, fine.assignment[row]!));
  return { sizes: [options.fine, options.middle, options.coarse], fine: map, middleOfFine: middle.assignment, coarseOfMiddle: coarse.assignment };
}

interface KMeansResult {
  assignment: Int32Array;
  centroids: Float32Array;
  sizes: Float64Array;
}

function sphericalKMeans(
  data: Float32Array,
  weights: Float64Array | null,
  rows: number,
  dims: number,
  k: number,
  iterations: number,
  random: () => number,
  seedPool: number,
  log: (line: string) => void,
): KMeansResult {
  const centroids = new Float32Array(k * dims);
  const chosen = new Set<number>();
  for (let c = 0; c < k; c++) {
    let row = Math.floor(random() * seedPool);
    while (chosen.has(row)) row = Math.floor(random() * seedPool);
    chosen.add(row);
    centroids.set(data.subarray(row * dims, row * dims + dims), c * dims);
  }
  const assignment = new Int32Array(rows);
  const sizes = new Float64Array(k);
  for (let iteration = 0; iteration < iterations; iteration++) {
    let changed = 0;
    for (let row = 0; row < rows; row++) {
      let best = 0;
      let bestScore = -Infinity;
      const offset = row * dims;
      for (let c = 0; c < k; c++) {
        const centre = c * dims;
        let score = 0;
        for (let d = 0; d < dims; d++) score += data[offset + d]! * centroids[centre + d]!;
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      if (assignment[row] !== best) changed++;
      assignment[row] = best;
    }
    centroids.fill(0);
    sizes.fill(0);
    for (let row = 0; row < rows; row++) {
      const c = assignment[row]!;
      const weight = weights ? weights[row]! : 1;
      sizes[c]! += weight;
      for (let d = 0; d < dims; d++) centroids[c * dims + d]! += weight * data[row * dims + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centroids[c * dims + d]! ** 2;
      if (norm === 0) {
        // An empty cluster restarts on a random row so that no id goes unused.
        const row = Math.floor(random() * rows);
        centroids.set(data.subarray(row * dims, row * dims + dims), c * dims);
        continue;
      }
      norm = Math.sqrt(norm);
      for (let d = 0; d < dims; d++) centroids[c * dims + d]! /= norm;
    }
    log(`k-means k=${k} iteration ${iteration + 1}: ${changed} changed`);
    if (changed === 0) break;
  }
  return { assignment, centroids, sizes };
}

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}
