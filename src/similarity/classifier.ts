/**
 * The trained decision "same proposition?" over pair features: a logistic regression or a
 * one-hidden-layer perceptron on standardised features, small enough to ship as JSON
 * (models/claims/classifier.json, trained by scripts/train-claims.ts on MRPC).
 */
import { readFileSync } from 'node:fs';
import { loadShippedModel } from '../models.js';
import { FEATURE_NAMES } from './features.js';

interface Standardised {
  /** The feature names the model was trained on, in order: a check against stale models. */
  features: string[];
  mean: number[];
  scale: number[];
}

export interface LogisticModel extends Standardised {
  kind: 'logistic';
  weights: number[];
  bias: number;
}

export interface MlpModel extends Standardised {
  kind: 'mlp';
  /** Hidden units' input weights, one row per unit; tanh activation. */
  hidden: number[][];
  hiddenBias: number[];
  output: number[];
  outputBias: number;
}

export type PairClassifier = LogisticModel | MlpModel;

export const CLASSIFIER_URL = new URL('../../models/claims/classifier.json', import.meta.url);

/** Probability that the pair states the same proposition. */
export function classify(model: PairClassifier, features: Float64Array): number {
  const x = new Float64Array(features.length);
  for (let i = 0; i < features.length; i++) x[i] = (features[i]! - model.mean[i]!) / model.scale[i]!;
  if (model.kind === 'logistic') return sigmoid(dot(model.weights, x) + model.bias);
  let z = model.outputBias;
  model.hidden.forEach((row, unit) => {
    z += model.output[unit]! * Math.tanh(dot(row, x) + model.hiddenBias[unit]!);
  });
  return sigmoid(z);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function dot(weights: readonly number[], x: Float64Array): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += weights[i]! * x[i]!;
  return total;
}

export function parseClassifier(text: string): PairClassifier {
  const model = JSON.parse(text) as PairClassifier;
  const expected = FEATURE_NAMES.join(',');
  if (!Array.isArray(model.features) || model.features.join(',') !== expected) {
    throw new Error('Claim classifier: its feature list differs from the code\'s (a stale model): retrain it.');
  }
  const n = FEATURE_NAMES.length;
  const sizesOk =
    model.mean?.length === n &&
    model.scale?.length === n &&
    (model.kind === 'logistic'
      ? model.weights?.length === n && Number.isFinite(model.bias)
      : model.kind === 'mlp' && model.hidden?.every((row) => row.length === n) && model.hiddenBias?.length === model.hidden.length && model.output?.length === model.hidden.length && Number.isFinite(model.outputBias));
  if (!sizesOk) throw new Error(`Claim classifier: expected a logistic or mlp model over ${n} features.`);
  return model;
}

export function readClassifier(path: string | URL): PairClassifier {
  return loadShippedModel('claims', () => parseClassifier(readFileSync(path, 'utf8')));
}

let shipped: PairClassifier | undefined;

export function shippedClassifier(): PairClassifier {
  shipped ??= readClassifier(CLASSIFIER_URL);
  return shipped;
}
