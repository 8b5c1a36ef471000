/**
 * Fitting the pair classifiers of src/similarity/classifier.ts: logistic regression by Newton's
 * method with an L2 penalty (exact and fast for a few dozen features), and a one-hidden-layer
 * tanh perceptron by Adam on the logistic loss, both on standardised features.
 */
import { seededRandom } from '../../ner/training/derive-clusters.js';
import { FEATURE_NAMES } from '../features.js';
import { sigmoid, type LogisticModel, type MlpModel } from '../classifier.js';

export interface Example {
  features: Float64Array;
  /** 1 for the same proposition, 0 for not. */
  label: number;
}

function standardise(examples: readonly Example[]): { mean: number[]; scale: number[]; rows: Float64Array[] } {
  const n = FEATURE_NAMES.length;
  const mean = new Array<number>(n).fill(0);
  const scale = new Array<number>(n).fill(0);
  for (const { features } of examples) for (let i = 0; i < n; i++) mean[i]! += features[i]! / examples.length;
  for (const { features } of examples) for (let i = 0; i < n; i++) scale[i]! += (features[i]! - mean[i]!) ** 2 / examples.length;
  for (let i = 0; i < n; i++) scale[i] = Math.sqrt(scale[i]!) || 1;
  const rows = examples.map(({ features }) => Float64Array.from(features, (value, i) => (value - mean[i]!) / scale[i]!));
  return { mean, scale, rows };
}

export function fitLogistic(examples: readonly Example[], l2: number): LogisticModel {
  const { mean, scale, rows } = standardise(examples);
  const n = FEATURE_NAMES.length + 1; // the last weight is the bias
  const w = new Float64Array(n);
  for (let iteration = 0; iteration < 30; iteration++) {
    const gradient = new Float64Array(n);
    const hessian = new Float64Array(n * n);
    rows.forEach((row, k) => {
      const x = withBias(row);
      let z = 0;
      for (let i = 0; i < n; i++) z += w[i]! * x[i]!;
      const p = sigmoid(z);
      const residual = p - examples[k]!.label;
      const curvature = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < n; i++) {
        gradient[i]! += residual * x[i]!;
        for (let j = 0; j < n; j++) hessian[i * n + j]! += curvature * x[i]! * x[j]!;
      }
    });
    for (let i = 0; i < n - 1; i++) {
      gradient[i]! += l2 * w[i]!;
      hessian[i * n + i]! += l2;
    }
    const step = solve(hessian, gradient, n);
    let change = 0;
    for (let i = 0; i < n; i++) {
      w[i]! -= step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < 1e-8) break;
  }
  return { kind: 'logistic', features: [...FEATURE_NAMES], mean, scale, weights: Array.from(w.subarray(0, n - 1)), bias: w[n - 1]! };
}

export interface MlpOptions {
  hidden: number;
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
}

export function fitMlp(examples: readonly Example[], options: MlpOptions): MlpModel {
  const { mean, scale, rows } = standardise(examples);
  const n = FEATURE_NAMES.length;
  const h = options.hidden;
  const random = seededRandom(options.seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  // Parameters in one array: hidden weights (h x n), hidden biases (h), output weights (h), output bias.
  const size = h * n + h + h + 1;
  const theta = new Float64Array(size);
  for (let i = 0; i < h * n; i++) theta[i] = gaussian() / Math.sqrt(n);
  for (let i = 0; i < h; i++) theta[h * n + h + i] = gaussian() / Math.sqrt(h);
  const first = new Float64Array(size);
  const second = new Float64Array(size);
  const gradient = new Float64Array(size);
  const activation = new Float64Array(h);
  const order = Array.from(rows.keys());
  const batch = 32;
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let from = 0; from < order.length; from += batch) {
      gradient.fill(0);
      const members = order.slice(from, from + batch);
      for (const k of members) {
        const x = rows[k]!;
        let z = theta[size - 1]!;
        for (let u = 0; u < h; u++) {
          let a = theta[h * n + u]!;
          for (let i = 0; i < n; i++) a += theta[u * n + i]! * x[i]!;
          activation[u] = Math.tanh(a);
          z += theta[h * n + h + u]! * activation[u]!;
        }
        const delta = (sigmoid(z) - examples[k]!.label) / members.length;
        gradient[size - 1]! += delta;
        for (let u = 0; u < h; u++) {
          gradient[h * n + h + u]! += delta * activation[u]!;
          const back = delta * theta[h * n + h + u]! * (1 - activation[u]! ** 2);
          gradient[h * n + u]! += back;
          for (let i = 0; i < n; i++) gradient[u * n + i]! += back * x[i]!;
        }
      }
      t++;
      for (let p = 0; p < size; p++) {
        const g = gradient[p]! + (p < h * n || (p >= h * n + h && p < size - 1) ? options.l2 * theta[p]! : 0);
        first[p] = 0.9 * first[p]! + 0.1 * g;
        second[p] = 0.999 * second[p]! + 0.001 * g * g;
        theta[p]! -= (options.rate * (first[p]! / (1 - 0.9 ** t))) / (Math.sqrt(second[p]! / (1 - 0.999 ** t)) + 1e-8);
      }
    }
  }
  return {
    kind: 'mlp',
    features: [...FEATURE_NAMES],
    mean,
    scale,
    hidden: Array.from({ length: h }, (_, u) => Array.from(theta.subarray(u * n, u * n + n))),
    hiddenBias: Array.from(theta.subarray(h * n, h * n + h)),
    output: Array.from(theta.subarray(h * n + h, h * n + 2 * h)),
    outputBias: theta[size - 1]!,
  };
}

function withBias(row: Float64Array): Float64Array {
  const x = new Float64Array(row.length + 1);
  x.set(row);
  x[row.length] = 1;
  return x;
}

/** Solves a small symmetric positive definite system by Gaussian elimination with pivoting. */
function solve(matrix: Float64Array, vector: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(vector);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = row;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k]!, a[col * n + k]!];
      [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    }
    const diagonal = a[col * n + col]! || 1e-12;
    for (let row = col + 1; row < n; row++) {
      const factor = a[row * n + col]! / diagonal;
      if (factor === 0) continue;
      for (let k = col; k < n; k++) a[row * n + k]! -= factor * a[col * n + k]!;
      b[row]! -= factor * b[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let row = n - 1; row >= 0; row--) {
    let total = b[row]!;
    for (let k = row + 1; k < n; k++) total -= a[row * n + k]! * x[k]!;
    x[row] = total / (a[row * n + row]! || 1e-12);
  }
  return x;
}
