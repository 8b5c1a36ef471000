/**
 * A structured averaged perceptron over BIO tags for source, cue and content, decoded with
 * Viterbi under BIO constraints. We wrote our own because no maintained TypeScript CRF or
 * sequence labeller exists that runs without native code or a model download, and a linear
 * model over sparse features is small enough to ship and fast enough for thousands of
 * sentences a second.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

export const TAGS = ['O', 'B-source', 'I-source', 'B-cue', 'I-cue', 'B-content', 'I-content'] as const;
export type Tag = (typeof TAGS)[number];
const T = TAGS.length;
const START = T;

/** I-x may only follow B-x or I-x; nothing may start with I-x. */
function allowed(from: number, to: number): boolean {
  const tag = TAGS[to]!;
  if (!tag.startsWith('I-')) return true;
  if (from === START) return false;
  const type = tag.slice(2);
  return TAGS[from] === 'B-' + type || TAGS[from] === 'I-' + type;
}

const ALLOWED: boolean[] = [];
for (let from = 0; from <= T; from++) for (let to = 0; to < T; to++) ALLOWED.push(allowed(from, to));

/** Best tag sequence for per-token emission scores (n × T, flat) and transition scores ((T+1) × T). */
export function viterbi(emissions: Float64Array, n: number, transitions: Float64Array): number[] {
  if (n === 0) return [];
  const score = new Float64Array(n * T);
  const back = new Int8Array(n * T);
  for (let t = 0; t < T; t++) {
    score[t] = ALLOWED[START * T + t] ? emissions[t]! + transitions[START * T + t]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED[p * T + t]) continue;
        const s = score[(i - 1) * T + p]! + transitions[p * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + emissions[i * T + t]!;
      back[i * T + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (score[(n - 1) * T + t]! > best) {
      best = score[(n - 1) * T + t]!;
      arg = t;
    }
  }
  const path = new Array<number>(n);
  path[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]!]!;
  return path;
}

/** The shipped, read-only model: feature string → T weights. */
export class SequenceModel {
  private readonly index: Map<string, number>;
  private readonly weights: Float32Array;
  readonly transitions: Float64Array;

  constructor(features: readonly string[], weights: Float32Array, transitions: Float64Array) {
    this.index = new Map(features.map((feature, i) => [feature, i * T]));
    this.weights = weights;
    this.transitions = transitions;
  }

  get size(): number {
    return this.index.size;
  }

  /** Tags for one sentence given each token's feature strings. */
  tag(features: readonly (readonly string[])[]): Tag[] {
    const n = features.length;
    const emissions = new Float64Array(n * T);
    for (let i = 0; i < n; i++) {
      for (const feature of features[i]!) {
        const offset = this.index.get(feature);
        if (offset === undefined) continue;
        for (let t = 0; t < T; t++) emissions[i * T + t]! += this.weights[offset + t]!;
      }
    }
    return viterbi(emissions, n, this.transitions).map((t) => TAGS[t]!);
  }

  /** Compact form: features and transitions as JSON, weights as int16 scaled, all gzipped. */
  serialize(): Buffer {
    const features = [...this.index.keys()];
    let max = 0;
    for (const w of this.weights) max = Math.max(max, Math.abs(w));
    const scale = max > 0 ? 32767 / max : 1;
    const quantised = new Int16Array(this.weights.length);
    for (let i = 0; i < this.weights.length; i++) quantised[i] = Math.round(this.weights[i]! * scale);
    const body = JSON.stringify({
      format: 'crosscheck-quotes-perceptron/1',
      tags: TAGS,
      scale,
      transitions: [...this.transitions],
      features,
      weights: Buffer.from(quantised.buffer).toString('base64'),
    });
    return gzipSync(body, { level: 9 });
  }

  static deserialize(data: Buffer): SequenceModel {
    const parsed = JSON.parse(gunzipSync(data).toString('utf8')) as {
      format: string;
      scale: number;
      transitions: number[];
      features: string[];
      weights: string;
    };
    if (parsed.format !== 'crosscheck-quotes-perceptron/1') {
      throw new Error(`Expected a crosscheck-quotes-perceptron/1 model, got "${parsed.format}"; rebuild it with npm run train:quotes.`);
    }
    const raw = Buffer.from(parsed.weights, 'base64');
    const quantised = new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength / 2);
    const weights = new Float32Array(quantised.length);
    for (let i = 0; i < quantised.length; i++) weights[i] = quantised[i]! / parsed.scale;
    return new SequenceModel(parsed.features, weights, Float64Array.from(parsed.transitions));
  }
}

export interface TrainingSentence {
  features: string[][];
  tags: number[];
}

export interface TrainOptions {
  epochs: number;
  /** Features seen fewer times than this in training are dropped. */
  minCount: number;
  /** Averaged weights smaller than this (in absolute value, for every tag) are dropped. */
  prune: number;
  seed: number;
  log?: (line: string) => void;
}

/** Trains with the averaged perceptron (weights averaged over every update step). */
export function trainSequenceModel(sentences: readonly TrainingSentence[], options: TrainOptions): SequenceModel {
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const token of sentence.features) for (const f of token) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names: string[] = [];
  const index = new Map<string, number>();
  for (const [name, count] of counts) {
    if (count >= options.minCount) {
      index.set(name, names.length);
      names.push(name);
    }
  }
  counts.clear();
  const encoded = sentences.map((sentence) => ({
    ids: sentence.features.map((token) => Int32Array.from(token.map((f) => index.get(f) ?? -1).filter((id) => id >= 0))),
    tags: sentence.tags,
  }));
  options.log?.(`${names.length} features kept of those seen ${options.minCount}+ times; ${encoded.length} sentences`);

  const F = names.length;
  const w = new Float64Array(F * T);
  const u = new Float64Array(F * T);
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  let c = 1;
  let random = options.seed;
  const next = (): number => {
    random = (random * 1103515245 + 12345) % 2147483648;
    return random / 2147483648;
  };
  const order = encoded.map((_, i) => i);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let wrong = 0;
    let total = 0;
    for (const k of order) {
      const { ids, tags } = encoded[k]!;
      const n = ids.length;
      const emissions = new Float64Array(n * T);
      for (let i = 0; i < n; i++) {
        for (const id of ids[i]!) for (let t = 0; t < T; t++) emissions[i * T + t]! += w[id * T + t]!;
      }
      const guess = viterbi(emissions, n, tw);
      total += n;
      let same = true;
      for (let i = 0; i < n; i++) if (guess[i] !== tags[i]) same = false;
      if (!same) {
        for (let i = 0; i < n; i++) {
          const gold = tags[i]!;
          const got = guess[i]!;
          if (gold !== got) {
            wrong++;
            for (const id of ids[i]!) {
              w[id * T + gold]! += 1;
              u[id * T + gold]! += c;
              w[id * T + got]! -= 1;
              u[id * T + got]! -= c;
            }
          }
          const goldPrev = i === 0 ? START : tags[i - 1]!;
          const gotPrev = i === 0 ? START : guess[i - 1]!;
          if (goldPrev !== gotPrev || gold !== got) {
            tw[goldPrev * T + gold]! += 1;
            tu[goldPrev * T + gold]! += c;
            tw[gotPrev * T + got]! -= 1;
            tu[gotPrev * T + got]! -= c;
          }
        }
      }
      c++;
    }
    options.log?.(`epoch ${epoch + 1}: token error ${((100 * wrong) / total).toFixed(2)}%`);
  }

  const kept: string[] = [];
  const keptWeights: number[] = [];
  for (let f = 0; f < F; f++) {
    let keep = false;
    const row: number[] = [];
    for (let t = 0; t < T; t++) {
      const avg = w[f * T + t]! - u[f * T + t]! / c;
      row.push(avg);
      if (Math.abs(avg) >= options.prune) keep = true;
    }
    if (keep) {
      kept.push(names[f]!);
      keptWeights.push(...row);
    }
  }
  const transitions = new Float64Array((T + 1) * T);
  for (let i = 0; i < transitions.length; i++) transitions[i] = tw[i]! - tu[i]! / c;
  options.log?.(`${kept.length} features kept after pruning at ${options.prune}`);
  return new SequenceModel(kept, Float32Array.from(keptWeights), transitions);
}
