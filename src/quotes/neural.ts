/**
 * The neural attribution tagger: tags each token of a unit (a sentence or a paragraph) as
 * source, cue or content (BIO), like the linear labeller (src/quotes/labeller.ts) but with a
 * BiLSTM-CRF trained by scripts/train-attribution.py. It is slower and more accurate; the
 * quotes stage picks it with `attribution: 'accurate'`.
 *
 * Written here with typed arrays rather than through an inference runtime: the only runtimes
 * that run such a model in Node need native binaries or install scripts, and one LSTM layer is
 * a few loops. Each token is read as its shipped GloVe-derived vector (models/vectors, frozen in
 * training, so not stored twice), a learned embedding of frequent words, a character CNN and the
 * flags of src/quotes/neural/inputs.ts. The part of the LSTM input projection that depends on
 * the word alone is cached per word, so a common word costs only the recurrence.
 *
 * File format (gzipped): the ASCII magic CCNT, a uint32 header length, a JSON header (sizes,
 * vocabularies, tensor names, shapes and byte offsets), zero padding to a multiple of 4, then
 * the tensors as little-endian float16, row-major (PyTorch's layout).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { loadShippedModel } from '../models.js';
import { shippedVectors, type WordVectors } from '../similarity/vectors.js';
import { FLAG_COUNT, tokenInputs, writeFlags, type TokenInputs } from './neural/inputs.js';
import { loadLabeller, type AttributionTagger } from './labeller.js';
import { NON_SPEECH_CUES } from './attribution.js';
import { SPEECH_CUES, SPEECH_NOUNS } from './lexicon.js';
import { TAGS, viterbi, type Tag } from './perceptron.js';
import { chunksOf } from './polnear.js';

export const NEURAL_MODEL_URL = new URL('../../models/quotes-neural/tagger.bin.gz', import.meta.url);

const MAGIC = 'CCNT';
const T = TAGS.length;

interface TensorEntry {
  name: string;
  shape: number[];
  offset: number;
}

interface Header {
  format: string;
  version: number;
  tags: string[];
  hidden: number;
  maxChars: number;
  flags: number;
  vectorDims: number;
  words: string[];
  chars: string[];
  tensors: TensorEntry[];
}

/** float16 bits → float32, every value decoded once into a table. */
const HALF = ((): Float64Array => {
  const table = new Float64Array(65536);
  for (let bits = 0; bits < 65536; bits++) {
    const sign = bits & 0x8000 ? -1 : 1;
    const exponent = (bits >> 10) & 0x1f;
    const fraction = bits & 0x3ff;
    table[bits] =
      exponent === 0 ? sign * 2 ** -14 * (fraction / 1024) : exponent === 31 ? (fraction ? NaN : sign * Infinity) : sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
  }
  return table;
})();

/** Row `row` of a row-major matrix (starting at that offset) times `vector[0..length)`, four products a step. */
function dot(matrix: Float64Array, row: number, vector: Float64Array, length: number): number {
  return dotAt(matrix, row, vector, 0, length);
}

function dotAt(matrix: Float64Array, row: number, vector: Float64Array, from: number, length: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let j = 0;
  for (; j + 3 < length; j += 4) {
    a += matrix[row + j]! * vector[from + j]!;
    b += matrix[row + j + 1]! * vector[from + j + 1]!;
    c += matrix[row + j + 2]! * vector[from + j + 2]!;
    d += matrix[row + j + 3]! * vector[from + j + 3]!;
  }
  for (; j < length; j++) a += matrix[row + j]! * vector[from + j]!;
  return a + b + c + d;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** One direction of the LSTM: gate rows in PyTorch's order (input, forget, cell, output). */
interface Direction {
  /** 4H × D input weights. */
  input: Float64Array;
  /** 4H × H recurrent weights. */
  hidden: Float64Array;
  /** 4H, both PyTorch biases summed. */
  bias: Float64Array;
}

export class NeuralTagger {
  private readonly hiddenSize: number;
  private readonly inputSize: number;
  /** Columns of the input before the flags: vector, word embedding, character features. */
  private readonly wordPartSize: number;
  private readonly wordIds: Map<string, number>;
  private readonly charIds: Map<string, number>;
  private readonly wordProjections = new Map<string, Float64Array>();
  /** (T+1) × T, the start scores in the last row, as perceptron.viterbi reads them. */
  private readonly transitions: Float64Array;

  private constructor(
    private readonly header: Header,
    private readonly tensors: Map<string, Float64Array>,
    private readonly vectors: WordVectors,
  ) {
    this.hiddenSize = header.hidden;
    const wordDims = this.shapeOf('words')[1]!;
    const charFilters = this.shapeOf('char_conv.weight')[0]!;
    this.wordPartSize = header.vectorDims + wordDims + charFilters;
    this.inputSize = this.wordPartSize + FLAG_COUNT;
    this.wordIds = new Map(header.words.map((word, i) => [word, i + 1]));
    this.charIds = new Map(header.chars.map((char, i) => [char, i + 2]));
    this.transitions = new Float64Array((T + 1) * T);
    this.transitions.set(this.tensor('transitions'));
    this.transitions.set(this.tensor('start'), T * T);
    this.checkShapes();
  }

  private shapeOf(name: string): number[] {
    const entry = this.header.tensors.find((tensor) => tensor.name === name);
    if (!entry) throw new Error(`Neural tagger file: no tensor "${name}".`);
    return entry.shape;
  }

  private tensor(name: string): Float64Array {
    const value = this.tensors.get(name);
    if (!value) throw new Error(`Neural tagger file: no tensor "${name}".`);
    return value;
  }

  private checkShapes(): void {
    const h = this.hiddenSize;
    const expected: Record<string, number[]> = {
      words: [this.header.words.length + 1, this.shapeOf('words')[1]!],
      chars: [this.header.chars.length + 2, this.shapeOf('chars')[1]!],
      'char_conv.weight': [this.shapeOf('char_conv.weight')[0]!, this.shapeOf('chars')[1]!, 3],
      'char_conv.bias': [this.shapeOf('char_conv.weight')[0]!],
      'forward.input': [4 * h, this.inputSize],
      'forward.hidden': [4 * h, h],
      'forward.bias': [4 * h],
      'backward.input': [4 * h, this.inputSize],
      'backward.hidden': [4 * h, h],
      'backward.bias': [4 * h],
      'emit.weight': [T, 2 * h],
      'emit.bias': [T],
      transitions: [T, T],
      start: [T],
      end: [T],
    };
    for (const [name, shape] of Object.entries(expected)) {
      const actual = this.shapeOf(name);
      if (actual.join('x') !== shape.join('x')) throw new Error(`Neural tagger file: tensor "${name}" is ${actual.join('x')}, expected ${shape.join('x')}.`);
    }
    if (this.header.tags.join(' ') !== TAGS.join(' ')) throw new Error('Neural tagger file: its tag set differs from the labeller\'s.');
    if (this.header.flags !== FLAG_COUNT) throw new Error(`Neural tagger file: ${this.header.flags} token flags, the code computes ${FLAG_COUNT}.`);
    if (this.header.vectorDims !== this.vectors.dims) throw new Error(`Neural tagger file: trained on ${this.header.vectorDims}-dimensional vectors, models/vectors has ${this.vectors.dims}.`);
  }

  static deserialize(gzipped: Buffer, vectors: WordVectors): NeuralTagger {
    const raw = gunzipSync(gzipped);
    if (raw.length < 8 || raw.toString('ascii', 0, 4) !== MAGIC) throw new Error(`Neural tagger file: expected the magic "${MAGIC}" at its start.`);
    const headerLength = raw.readUInt32LE(4);
    if (8 + headerLength > raw.length) throw new Error('Neural tagger file: the header runs past the end of the file.');
    const header = JSON.parse(raw.toString('utf8', 8, 8 + headerLength)) as Header;
    if (header.format !== 'crosscheck-attribution-tagger' || header.version !== 1) throw new Error('Neural tagger file: not a version 1 attribution tagger.');
    const dataStart = 8 + headerLength + ((4 - ((8 + headerLength) % 4)) % 4);
    const tensors = new Map<string, Float64Array>();
    for (const entry of header.tensors) {
      const count = entry.shape.reduce((a, b) => a * b, 1);
      const from = dataStart + entry.offset;
      if (from + 2 * count > raw.length) throw new Error(`Neural tagger file: tensor "${entry.name}" runs past the end of the file.`);
      const values = new Float64Array(count);
      for (let i = 0; i < count; i++) values[i] = HALF[raw.readUInt16LE(from + 2 * i)]!;
      tensors.set(entry.name, values);
    }
    return new NeuralTagger(header, tensors, vectors);
  }

  /** Number of weights, the frozen word vectors not counted. */
  get size(): number {
    let total = 0;
    for (const values of this.tensors.values()) total += values.length;
    return total;
  }

  private direction(name: 'forward' | 'backward'): Direction {
    return { input: this.tensor(`${name}.input`), hidden: this.tensor(`${name}.hidden`), bias: this.tensor(`${name}.bias`) };
  }

  /** Vector, learned embedding and character features of one word (the flags come later). */
  private wordPart(word: string, lower: string, out: Float64Array): void {
    const dims = this.header.vectorDims;
    out.fill(0, 0, this.wordPartSize);
    const row = this.vectors.rows.get(lower);
    if (row !== undefined) out.set(this.vectors.unit.subarray(row * dims, (row + 1) * dims), 0);
    const words = this.tensor('words');
    const wordDims = this.shapeOf('words')[1]!;
    const id = this.wordIds.get(lower) ?? 0;
    out.set(words.subarray(id * wordDims, (id + 1) * wordDims), dims);
    // Character CNN: width 3, zero vectors beyond the word's ends, max over positions, ReLU.
    const chars = this.tensor('chars');
    const charDims = this.shapeOf('chars')[1]!;
    const weight = this.tensor('char_conv.weight');
    const bias = this.tensor('char_conv.bias');
    const filters = bias.length;
    const ids = Array.from(word).slice(0, this.header.maxChars).map((char) => this.charIds.get(char) ?? 1);
    if (ids.length === 0) ids.push(1);
    const at = dims + wordDims;
    for (let f = 0; f < filters; f++) {
      let best = -Infinity;
      for (let p = 0; p < ids.length; p++) {
        let sum = bias[f]!;
        for (let k = 0; k < 3; k++) {
          const q = p + k - 1;
          if (q < 0 || q >= ids.length) continue;
          const embedding = ids[q]! * charDims;
          const w = f * charDims * 3 + k;
          for (let c = 0; c < charDims; c++) sum += weight[w + c * 3]! * chars[embedding + c]!;
        }
        if (sum > best) best = sum;
      }
      out[at + f] = Math.max(best, 0);
    }
  }

  /**
   * Both directions' input projection of a word's own part (8H values: forward then backward),
   * cached: it does not depend on the word's neighbours.
   */
  private projection(word: string, lower: string, scratch: Float64Array): Float64Array {
    const cached = this.wordProjections.get(word);
    if (cached) return cached;
    this.wordPart(word, lower, scratch);
    const gates = 4 * this.hiddenSize;
    const projected = new Float64Array(2 * gates);
    (['forward', 'backward'] as const).forEach((name, d) => {
      const { input, bias } = this.direction(name);
      for (let g = 0; g < gates; g++) {
        projected[d * gates + g] = bias[g]! + dot(input, g * this.inputSize, scratch, this.wordPartSize);
      }
    });
    if (this.wordProjections.size > 100_000) this.wordProjections.clear();
    this.wordProjections.set(word, projected);
    return projected;
  }

  /** Runs one direction over the unit, writing each token's hidden state into `states` (n × 2H) at column `column`. */
  private run(direction: Direction, gatesIn: Float64Array, n: number, reverse: boolean, states: Float64Array, column: number): void {
    const h = this.hiddenSize;
    const gates = 4 * h;
    const hidden = new Float64Array(h);
    const cell = new Float64Array(h);
    const z = new Float64Array(gates);
    const recurrent = direction.hidden;
    for (let step = 0; step < n; step++) {
      const t = reverse ? n - 1 - step : step;
      z.set(gatesIn.subarray(t * gates, (t + 1) * gates));
      for (let g = 0; g < gates; g++) z[g]! += dot(recurrent, g * h, hidden, h);
      for (let j = 0; j < h; j++) {
        const inputGate = sigmoid(z[j]!);
        const forgetGate = sigmoid(z[h + j]!);
        const candidate = Math.tanh(z[2 * h + j]!);
        const outputGate = sigmoid(z[3 * h + j]!);
        cell[j] = forgetGate * cell[j]! + inputGate * candidate;
        hidden[j] = outputGate * Math.tanh(cell[j]!);
      }
      states.set(hidden, t * 2 * h + column);
    }
  }

  /** Emission scores (n × T) for a unit's inputs, the end scores added to the last token. */
  private emissions(inputs: TokenInputs): Float64Array {
    const n = inputs.n;
    const h = this.hiddenSize;
    const gates = 4 * h;
    const scratch = new Float64Array(this.inputSize);
    const forwardIn = new Float64Array(n * gates);
    const backwardIn = new Float64Array(n * gates);
    const forward = this.direction('forward');
    const backward = this.direction('backward');
    const flags = new Float64Array(FLAG_COUNT);
    for (let t = 0; t < n; t++) {
      const projected = this.projection(inputs.words[t]!, inputs.lower[t]!, scratch);
      forwardIn.set(projected.subarray(0, gates), t * gates);
      backwardIn.set(projected.subarray(gates), t * gates);
      // Flags are one-hot or 0/1: add the columns of the ones that are set.
      writeFlags(inputs, t, flags, 0);
      for (let f = 0; f < FLAG_COUNT; f++) {
        if (flags[f] === 0) continue;
        const column = this.wordPartSize + f;
        for (let g = 0; g < gates; g++) {
          forwardIn[t * gates + g]! += flags[f]! * forward.input[g * this.inputSize + column]!;
          backwardIn[t * gates + g]! += flags[f]! * backward.input[g * this.inputSize + column]!;
        }
      }
    }
    const states = new Float64Array(n * 2 * h);
    this.run(forward, forwardIn, n, false, states, 0);
    this.run(backward, backwardIn, n, true, states, h);
    const weight = this.tensor('emit.weight');
    const bias = this.tensor('emit.bias');
    const out = new Float64Array(n * T);
    for (let t = 0; t < n; t++) {
      for (let k = 0; k < T; k++) {
        out[t * T + k] = bias[k]! + dotAt(weight, k * 2 * h, states, t * 2 * h, 2 * h);
      }
    }
    const end = this.tensor('end');
    for (let k = 0; k < T; k++) out[(n - 1) * T + k]! += end[k]!;
    return out;
  }

  /** Tag indices (into TAGS) for one unit of token texts, or of its inputs when already read. */
  tagIndices(words: readonly string[], inputs: TokenInputs = tokenInputs(words)): Uint8Array {
    if (words.length === 0) return new Uint8Array(0);
    return viterbi(this.emissions(inputs), words.length, this.transitions);
  }

  tag(words: readonly string[]): Tag[] {
    return Array.from(this.tagIndices(words), (t) => TAGS[t]!);
  }
}

/**
 * The quotes stage's `attribution: 'accurate'`: the neural tagger where an attribution can be
 * (a unit with a cue word of speech or of belief, evidence or accusation, a quotation mark, or
 * where the linear labeller finds one), with
 * what the linear labeller reliably adds to it (`withLinearFinds`), and the linear labeller's
 * empty answer elsewhere. The neural tagger is over fifteen times slower, and
 * most sentences of a story hold no attribution; on PolNeAR dev this gate loses nothing against
 * the neural tagger alone.
 */
export class AccurateTagger implements AttributionTagger {
  constructor(
    readonly neural: NeuralTagger,
    readonly fast: AttributionTagger,
  ) {}

  /** Whether `tag` runs the neural tagger on this unit, given the fast tagger's tags for it. */
  usesNeural(words: readonly string[], fastTags: readonly Tag[] = this.fast.tag(words), inputs: TokenInputs = tokenInputs(words)): boolean {
    return fastTags.some((tag) => tag !== 'O') || inputs.cue.includes(1) || inputs.mark.some((mark) => mark !== 0) || inputs.lower.some((word) => NON_SPEECH_CUES.has(word));
  }

  tag(words: readonly string[]): Tag[] {
    const fastTags = this.fast.tag(words);
    const inputs = tokenInputs(words);
    if (!this.usesNeural(words, fastTags, inputs)) return fastTags;
    return withLinearFinds(words, Array.from(this.neural.tagIndices(words, inputs), (t) => TAGS[t]!), fastTags);
  }
}

/**
 * The neural tags, with two things the linear labeller finds and the neural tagger misses, both
 * neutral or better on PolNeAR dev: a whole report of speech ("X issued a statement that …": a
 * source, a cue with a verb or noun of saying, content opening with "that" right after it)
 * where the neural tagger tagged none of its words; and the content of an attribution whose
 * source and cue the neural tagger found without any content in the unit ("officials told crews
 * to stay in port"), where the linear content covers no neural tag.
 */
export function withLinearFinds(words: readonly string[], neural: readonly Tag[], linear: readonly Tag[]): Tag[] {
  const out = [...neural];
  const linearChunks = chunksOf(linear);
  const untagged = (from: number, to: number): boolean => neural.slice(from, to).every((tag) => tag === 'O');
  linearChunks.forEach((content, k) => {
    const cue = linearChunks[k - 1];
    const source = linearChunks[k - 2];
    if (content.role !== 'content' || words[content.start]?.toLowerCase() !== 'that' || cue?.role !== 'cue' || cue.end !== content.start || source?.role !== 'source') return;
    if (!words.slice(cue.start, cue.end).some((word) => SPEECH_CUES.has(word.toLowerCase()) || SPEECH_NOUNS.has(word.toLowerCase()))) return;
    if (untagged(source.start, content.end)) for (let i = source.start; i < content.end; i++) out[i] = linear[i]!;
  });
  const roles = new Set(chunksOf(neural).map((chunk) => chunk.role));
  if (roles.has('content') || !roles.has('cue') || !roles.has('source')) return out;
  for (const chunk of linearChunks) {
    if (chunk.role !== 'content' || !untagged(chunk.start, chunk.end)) continue;
    for (let i = chunk.start; i < chunk.end; i++) out[i] = i === chunk.start ? 'B-content' : 'I-content';
  }
  return out;
}

/** Reads a tagger file, as a coded MODEL_MISSING or MODEL_CORRUPT error when it cannot. */
export function readNeuralTagger(path: string | URL, vectors: WordVectors = shippedVectors()): NeuralTagger {
  return loadShippedModel('attribution', () => NeuralTagger.deserialize(readFileSync(path), vectors));
}

let shipped: NeuralTagger | undefined;
let shippedAccurate: AccurateTagger | undefined;

/** The shipped neural tagger, loaded on first use. */
export function loadNeuralTagger(): NeuralTagger {
  shipped ??= readNeuralTagger(NEURAL_MODEL_URL);
  return shipped;
}

/** The shipped accurate tagger (neural where it can matter, the linear labeller elsewhere). */
export function loadAccurateTagger(): AccurateTagger {
  shippedAccurate ??= new AccurateTagger(loadNeuralTagger(), loadLabeller());
  return shippedAccurate;
}
