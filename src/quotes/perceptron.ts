/**
 * A structured averaged perceptron over BIO tags for source, cue and content, decoded with
 * Viterbi under BIO constraints (no I-x after anything but B-x or I-x). We wrote our own because
 * no maintained TypeScript CRF or sequence labeller exists that runs without native code or a
 * model download, and a linear model over hashed sparse features is small enough to ship and
 * fast enough for thousands of sentences a second.
 *
 * Features arrive as 32-bit hashes (see features.ts); the model keeps them in an open-addressing
 * table, so a lookup is a multiply, a shift and usually one comparison.
 */
import type { FeatureRows } from './features.js';

export const TAGS = ['O', 'B-source', 'I-source', 'B-cue', 'I-cue', 'B-content', 'I-content'] as const;
export type Tag = (typeof TAGS)[number];
const T = TAGS.length;
const START = T;

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
export function viterbi(emissions: Float64Array, n: number, transitions: Float64Array): Uint8Array {
  const path = new Uint8Array(n);
  if (n === 0) return path;
  const score = new Float64Array(n * T);
  const back = new Uint8Array(n * T);
  for (let t = 0; t < T; t++) {
    score[t] = ALLOWED[START * T + t] ? emissions[t]! + transitions[START * T + t]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const row = i * T;
    const prev = row - T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED[p * T + t]) continue;
        const s = score[prev + p]! + transitions[p * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[row + t] = best + emissions[row + t]!;
      back[row + t] = arg;
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
  path[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]!]!;
  return path;
}

/** The factor that maps the largest weight to 32767: the model file and the table store int16. */
function int16Scale(weights: Float32Array): number {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  return max > 0 ? 32767 / max : 1;
}

/**
 * Hash → int16 weights of one model, or of both passes of the labeller, with open addressing and
 * linear probing. A slot holds the key, the 7 weights of pass one and the 7 of pass two (32 bytes,
 * one cache line). Pass two reads every base feature pass one reads, so one lookup serves both
 * passes. Weights are int16 as in the model file, so nothing is lost by keeping them that way in
 * memory. Hash 0 is stored as 1.
 */
export class WeightTable {
  private readonly keys: Uint32Array;
  private readonly values: Int16Array;
  private readonly shift: number;
  private readonly mask: number;
  /** Multiply a pass's integer sums by its factor to get its scores. */
  readonly unscale: number[];

  constructor(models: readonly SequenceModel[]) {
    const scales = models.map((model) => int16Scale(model.weights));
    this.unscale = scales.map((scale) => 1 / scale);
    const distinct = new Set<number>();
    for (const model of models) for (const hash of model.hashes) distinct.add(hash || 1);
    let bits = 4;
    while (1 << bits < distinct.size * 1.34) bits++;
    const buffer = new ArrayBuffer((1 << bits) * 32);
    this.keys = new Uint32Array(buffer);
    this.values = new Int16Array(buffer);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    models.forEach((model, pass) => {
      model.hashes.forEach((hash, row) => {
        const key = hash || 1;
        const slot = this.slotOf(key);
        this.keys[slot * 8] = key;
        for (let t = 0; t < T; t++) this.values[slot * 16 + 2 + pass * T + t] = Math.round(model.weights[row * T + t]! * scales[pass]!);
      });
    });
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private slotOf(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const found = this.keys[slot * 8]!;
      if (found === key || found === 0) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Adds each row's pass-one weights to `first` and pass-two weights to `second` (n × T sums);
   * a null target skips that pass.
   */
  add(rows: FeatureRows, first: Int32Array | null, second: Int32Array | null): void {
    const { keys, values } = this;
    const { offsets, hashes, n } = rows;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) {
        const key = hashes[j]! || 1;
        const slot = this.slotOf(key);
        if (keys[slot * 8] !== key) continue;
        const at = slot * 16 + 2;
        if (first) for (let t = 0; t < T; t++) first[base + t]! += values[at + t]!;
        if (second) for (let t = 0; t < T; t++) second[base + t]! += values[at + T + t]!;
      }
    }
  }
}

/** Integer sums scaled back to scores, ready for Viterbi. */
export function scaled(sums: Int32Array, unscale: number): Float64Array {
  const out = new Float64Array(sums.length);
  for (let i = 0; i < sums.length; i++) out[i] = sums[i]! * unscale;
  return out;
}

const FORMAT = 'crosscheck-quotes-perceptron/2';

/** The shipped, read-only model: feature hash → T weights, plus tag transitions. */
export class SequenceModel {
  /** Built on first use: the two-pass labeller reads a table of both passes instead. */
  private table: WeightTable | null = null;
  readonly hashes: Uint32Array;
  readonly weights: Float32Array;
  readonly transitions: Float64Array;

  constructor(hashes: Uint32Array, weights: Float32Array, transitions: Float64Array) {
    this.hashes = hashes;
    this.weights = weights;
    this.transitions = transitions;
  }

  get size(): number {
    return this.hashes.length;
  }

  /** Tag indices (into TAGS) for one unit, summing the weights of every feature row set given. */
  tag(...rowSets: FeatureRows[]): Uint8Array {
    const n = rowSets[0]?.n ?? 0;
    const sums = new Int32Array(n * T);
    this.table ??= new WeightTable([this]);
    for (const rows of rowSets) this.table.add(rows, sums, null);
    return viterbi(scaled(sums, this.table.unscale[0]!), n, this.transitions);
  }

  /**
   * Binary form: a JSON header line, then the hashes (sorted, delta-coded uint32) and the
   * weights as int16 with one scale, tag-major so that gzip finds the runs of small values.
   */
  serialize(): Buffer {
    const F = this.hashes.length;
    const order = Array.from({ length: F }, (_, i) => i).sort((a, b) => this.hashes[a]! - this.hashes[b]!);
    const scale = int16Scale(this.weights);
    const deltas = new Uint32Array(F);
    const quantised = new Int16Array(F * T);
    let last = 0;
    order.forEach((row, k) => {
      deltas[k] = (this.hashes[row]! - last) >>> 0;
      last = this.hashes[row]!;
      for (let t = 0; t < T; t++) quantised[t * F + k] = Math.round(this.weights[row * T + t]! * scale);
    });
    const header = Buffer.from(JSON.stringify({ format: FORMAT, tags: TAGS, features: F, scale, transitions: [...this.transitions] }) + '\n');
    return Buffer.concat([header, Buffer.from(deltas.buffer), Buffer.from(quantised.buffer)]);
  }

  static deserialize(data: Buffer): SequenceModel {
    const newline = data.indexOf(10);
    const header = JSON.parse(data.subarray(0, newline).toString('utf8')) as { format: string; features: number; scale: number; transitions: number[] };
    if (header.format !== FORMAT) {
      throw new Error(`Expected a ${FORMAT} model, got "${header.format}"; rebuild it with npm run train:quotes.`);
    }
    const F = header.features;
    const body = Uint8Array.prototype.slice.call(data, newline + 1);
    const deltas = new Uint32Array(body.buffer, 0, F);
    const quantised = new Int16Array(body.buffer, F * 4, F * T);
    const hashes = new Uint32Array(F);
    const weights = new Float32Array(F * T);
    let last = 0;
    for (let k = 0; k < F; k++) {
      last = (last + deltas[k]!) >>> 0;
      hashes[k] = last;
      for (let t = 0; t < T; t++) weights[k * T + t] = quantised[t * F + k]! / header.scale;
    }
    return new SequenceModel(hashes, weights, Float64Array.from(header.transitions));
  }
}

export interface TrainingUnit {
  rows: FeatureRows;
  tags: Uint8Array;
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
export function trainSequenceModel(units: readonly TrainingUnit[], options: TrainOptions): SequenceModel {
  const counts = new Map<number, number>();
  for (const unit of units) for (const hash of unit.rows.hashes) counts.set(hash, (counts.get(hash) ?? 0) + 1);
  const names: number[] = [];
  const index = new Map<number, number>();
  for (const [hash, count] of counts) {
    if (count >= options.minCount) {
      index.set(hash, names.length);
      names.push(hash);
    }
  }
  counts.clear();
  const encoded = units.map((unit) => {
    const ids = new Int32Array(unit.rows.hashes.length);
    for (let j = 0; j < ids.length; j++) ids[j] = index.get(unit.rows.hashes[j]!) ?? -1;
    return { ids, offsets: unit.rows.offsets, n: unit.rows.n, tags: unit.tags };
  });
  options.log?.(`${names.length} features kept of those seen ${options.minCount}+ times; ${encoded.length} units`);

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
      const { ids, offsets, n, tags } = encoded[k]!;
      const emissions = new Float64Array(n * T);
      for (let i = 0; i < n; i++) {
        for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
          const id = ids[j]!;
          if (id < 0) continue;
          for (let t = 0; t < T; t++) emissions[i * T + t]! += w[id * T + t]!;
        }
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
            for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
              const id = ids[j]!;
              if (id < 0) continue;
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

  const kept: number[] = [];
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
      for (const value of row) keptWeights.push(value);
    }
  }
  const transitions = new Float64Array((T + 1) * T);
  for (let i = 0; i < transitions.length; i++) transitions[i] = tw[i]! - tu[i]! / c;
  options.log?.(`${kept.length} features kept after pruning at ${options.prune}`);
  return new SequenceModel(Uint32Array.from(kept), Float32Array.from(keptWeights), transitions);
}
