/**
 * What train-claims and eval-claims share: MRPC pairs turned into feature rows, classifier
 * variants, cross-validation and accuracy / F1 of the positive class (as MRPC results are
 * published).
 */
import { classify, type PairClassifier } from '../classifier.js';
import { FEATURE_NAMES, featureVector, Matches, pairFeatures, type FeatureName } from '../features.js';
import { prepareWith } from '../prepare.js';
import type { WordVectors } from '../vectors.js';
import { fitLogistic, fitMlp, type Example } from './fit.js';
import { foldOf, FOLDS, type MrpcPair } from './mrpc.js';

export interface LabelledRow extends Example {
  id: string;
}

export function featurize(pairs: readonly MrpcPair[], vectors: WordVectors): LabelledRow[] {
  return pairs.map((pair) => {
    const a = prepareWith(vectors, pair.first);
    const b = prepareWith(vectors, pair.second);
    return { id: pair.id, label: pair.label, features: featureVector(pairFeatures(a, b, new Matches(a, b, vectors))) };
  });
}

/** Features that need the word vectors: left out (held constant) in the "without vectors" variants. */
export const VECTOR_FEATURES: readonly FeatureName[] = ['sentenceCosine', 'alignedMin', 'alignedMax', 'alignedMean', 'unalignedMax', 'unalignedWeight'];

export interface Variant {
  name: string;
  kind: 'logistic' | 'mlp';
  vectors: boolean;
  l2: number;
  hidden?: number;
  epochs?: number;
  rate?: number;
  /** MLPs from several seeds are trained; their average probability decides. */
  seeds?: number;
}

/** The variants train-claims compares (and eval-claims re-scores). */
export const VARIANTS: Variant[] = [
  { name: 'logistic, no vectors', kind: 'logistic', vectors: false, l2: 1 },
  { name: 'logistic', kind: 'logistic', vectors: true, l2: 1 },
  { name: 'logistic, l2 10', kind: 'logistic', vectors: true, l2: 10 },
  { name: 'MLP 8 tanh, no vectors', kind: 'mlp', vectors: false, l2: 1e-3, hidden: 8, epochs: 40, rate: 0.003 },
  { name: 'MLP 8 tanh', kind: 'mlp', vectors: true, l2: 1e-3, hidden: 8, epochs: 40, rate: 0.003 },
  { name: 'MLP 16 tanh, l2 0.01', kind: 'mlp', vectors: true, l2: 1e-2, hidden: 16, epochs: 20, rate: 0.002 },
];

export function fitVariant(variant: Variant, rows: readonly Example[]): PairClassifier[] {
  const input = variant.vectors ? rows : rows.map((row) => ({ ...row, features: withoutVectors(row.features) }));
  const models: PairClassifier[] =
    variant.kind === 'logistic'
      ? [fitLogistic(input, variant.l2)]
      : Array.from({ length: variant.seeds ?? 1 }, (_, seed) =>
          fitMlp(input, { hidden: variant.hidden ?? 8, epochs: variant.epochs ?? 60, rate: variant.rate ?? 0.003, l2: variant.l2, seed: seed + 1 }),
        );
  if (!variant.vectors) for (const model of models) ignoreVectorFeatures(model);
  return models;
}

/** Zero weights on the vector features, so a model trained without them also predicts without them. */
function ignoreVectorFeatures(model: PairClassifier): void {
  for (const name of VECTOR_FEATURES) {
    const i = FEATURE_NAMES.indexOf(name);
    if (model.kind === 'logistic') model.weights[i] = 0;
    else for (const row of model.hidden) row[i] = 0;
  }
}

export function predict(models: readonly PairClassifier[], features: Float64Array): number {
  let total = 0;
  for (const model of models) total += classify(model, features);
  return total / models.length;
}

function withoutVectors(features: Float64Array): Float64Array {
  const copy = Float64Array.from(features);
  for (const name of VECTOR_FEATURES) copy[FEATURE_NAMES.indexOf(name)] = 0;
  return copy;
}

export interface Scores {
  accuracy: number;
  f1: number;
  precision: number;
  recall: number;
  pairs: number;
}

export function scoresOf(probabilities: readonly number[], labels: readonly number[], threshold = 0.5): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  probabilities.forEach((p, i) => {
    const predicted = p >= threshold ? 1 : 0;
    const label = labels[i]!;
    if (predicted === label) correct++;
    if (predicted === 1 && label === 1) tp++;
    if (predicted === 1 && label === 0) fp++;
    if (predicted === 0 && label === 1) fn++;
  });
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { accuracy: correct / labels.length, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0, precision, recall, pairs: labels.length };
}

/** Ten-fold cross-validation: every row is scored by a model that never saw it. */
export function crossValidate(variant: Variant, rows: readonly LabelledRow[]): Scores {
  const probabilities = new Array<number>(rows.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const models = fitVariant(
      variant,
      rows.filter((row) => foldOf(row.id) !== fold),
    );
    rows.forEach((row, i) => {
      if (foldOf(row.id) === fold) probabilities[i] = predict(models, row.features);
    });
  }
  return scoresOf(probabilities, rows.map((row) => row.label));
}

export function heldOutScores(variant: Variant, train: readonly LabelledRow[], heldOut: readonly LabelledRow[]): Scores {
  const models = fitVariant(variant, train);
  return scoresOf(
    heldOut.map((row) => predict(models, row.features)),
    heldOut.map((row) => row.label),
  );
}

export function percent(value: number): string {
  return (100 * value).toFixed(1);
}
