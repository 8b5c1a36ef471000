/**
 * Training for the name tagger: an averaged perceptron over hashed features (weights averaged
 * lazily with per-weight time stamps), then pruning and int16 quantisation so the shipped model
 * stays a few megabytes.
 */
import type { Scorer } from '../tagger.js';

export class AveragedPerceptron implements Scorer {
  readonly tagCount: number;
  readonly bits: number;
  private readonly mask: number;
  readonly weights: Float32Array;
  private readonly totals: Float64Array;
  private readonly stamps: Int32Array;
  /** Instances seen so far; the clock of the lazy average. */
  now = 1;

  constructor(tagCount: number, bits: number) {
    this.tagCount = tagCount;
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    const size = (1 << bits) * tagCount;
    this.weights = new Float32Array(size);
    this.totals = new Float64Array(size);
    this.stamps = new Int32Array(size);
  }

  addScores(features: Uint32Array, from: number, to: number, scores: Float64Array): void {
    const n = this.tagCount;
    for (let f = from; f < to; f++) {
      const feature = features[f]!;
      if (feature === 0) continue;
      const base = (feature & this.mask) * n;
      for (let t = 0; t < n; t++) scores[t]! += this.weights[base + t]!;
    }
  }

  update(features: Uint32Array, count: number, gold: number, predicted: number): void {
    for (let f = 0; f < count; f++) {
      const feature = features[f]!;
      if (feature === 0) continue;
      const base = (feature & this.mask) * this.tagCount;
      this.bump(base + gold, 1);
      this.bump(base + predicted, -1);
    }
  }

  private bump(index: number, delta: number): void {
    this.totals[index]! += (this.now - this.stamps[index]!) * this.weights[index]!;
    this.stamps[index] = this.now;
    this.weights[index]! += delta;
  }

  /** The averaged weights (a new array; the perceptron keeps training on its own). */
  averaged(): Float32Array {
    const averaged = new Float32Array(this.weights.length);
    for (let i = 0; i < averaged.length; i++) {
      averaged[i] = (this.totals[i]! + (this.now - this.stamps[i]!) * this.weights[i]!) / this.now;
    }
    return averaged;
  }
}

export interface CompactWeights {
  buckets: Uint32Array;
  quantised: Int16Array;
  scale: number;
}

/** Keeps rows with some weight above `threshold` and quantises them to int16. */
export function compactWeights(weights: Float32Array, tagCount: number, threshold: number): CompactWeights {
  const rows = weights.length / tagCount;
  const kept: number[] = [];
  let maxAbs = 0;
  for (let row = 0; row < rows; row++) {
    let keep = false;
    for (let t = 0; t < tagCount; t++) {
      const value = Math.abs(weights[row * tagCount + t]!);
      if (value > threshold) keep = true;
      if (value > maxAbs) maxAbs = value;
    }
    if (keep) kept.push(row);
  }
  const scale = maxAbs / 32767 || 1;
  const quantised = new Int16Array(kept.length * tagCount);
  kept.forEach((row, index) => {
    for (let t = 0; t < tagCount; t++) quantised[index * tagCount + t] = Math.round(weights[row * tagCount + t]! / scale);
  });
  return { buckets: Uint32Array.from(kept), quantised, scale };
}
