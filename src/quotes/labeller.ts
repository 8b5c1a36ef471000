/**
 * The attribution labeller: tags each token of a sentence as source, cue or content (BIO) with
 * the shipped perceptron models. A first pass tags from the words alone; a second pass (stacking)
 * sees the first pass's tags around each token, which fixes content that starts in the wrong
 * place and sources cut off from their cue. Runs on token texts, so it scores CoNLL-style token
 * files and our own tokens alike. The model is read once from the package's own files.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadShippedModel } from '../models.js';
import { prepareUnit, roleCodes, unitFeatures } from './features.js';
import { scaled, SequenceModel, TAGS, viterbi, WeightTable, type Tag } from './perceptron.js';

export const MODEL_URL = new URL('../../models/quotes/labeller.bin.gz', import.meta.url);

/** Anything that tags a unit of token texts with BIO attribution tags (this labeller, the neural tagger). */
export interface AttributionTagger {
  tag(words: readonly string[]): Tag[];
}

/** The two passes; `second` is null for a first-pass-only model. */
export class Labeller implements AttributionTagger {
  /** Both passes' weights in one table; null for a first-pass-only model. */
  private readonly passes: WeightTable | null;

  constructor(
    readonly first: SequenceModel,
    readonly second: SequenceModel | null,
  ) {
    this.passes = second ? new WeightTable([first, second]) : null;
  }

  get size(): number {
    return this.first.size + (this.second?.size ?? 0);
  }

  /** Tag indices (into TAGS) for one unit of token texts. */
  tagIndices(words: readonly string[]): Uint8Array {
    if (words.length === 0) return new Uint8Array(0);
    const unit = prepareUnit(words);
    const base = unitFeatures(unit);
    if (!this.second || !this.passes) return this.first.tag(base);
    const firstSums = new Int32Array(words.length * TAGS.length);
    const secondSums = new Int32Array(words.length * TAGS.length);
    this.passes.add(base, firstSums, secondSums);
    const first = viterbi(scaled(firstSums, this.passes.unscale[0]!), words.length, this.first.transitions);
    // Pass two only reshapes what pass one found: on PolNeAR dev it never adds an attribution to
    // a unit where pass one found none, so such units (most sentences of a story) stop here.
    if (first.every((tag) => tag === 0)) return first;
    this.passes.add(unitFeatures(unit, roleCodes(first)), null, secondSums);
    return viterbi(scaled(secondSums, this.passes.unscale[1]!), words.length, this.second.transitions);
  }

  tag(words: readonly string[]): Tag[] {
    return Array.from(this.tagIndices(words), (t) => TAGS[t]!);
  }

  /** Both models, length-prefixed, gzipped. */
  serialize(): Buffer {
    const parts = [this.first, this.second].filter((model): model is SequenceModel => model !== null).map((model) => model.serialize());
    const chunks: Buffer[] = [];
    for (const part of parts) {
      const length = Buffer.alloc(4);
      length.writeUInt32LE(part.length);
      chunks.push(length, part);
    }
    return gzipSync(Buffer.concat(chunks), { level: 9 });
  }

  static deserialize(data: Buffer): Labeller {
    const raw = gunzipSync(data);
    const models: SequenceModel[] = [];
    for (let at = 0; at < raw.length; ) {
      const length = raw.readUInt32LE(at);
      models.push(SequenceModel.deserialize(raw.subarray(at + 4, at + 4 + length)));
      at += 4 + length;
    }
    if (models.length === 0) throw new Error('Expected one or two models in the quotes labeller file; rebuild it with npm run train:quotes.');
    return new Labeller(models[0]!, models[1] ?? null);
  }
}

let shipped: Labeller | null = null;

/** The shipped labeller, loaded on first use. */
export function loadLabeller(): Labeller {
  shipped ??= loadShippedModel('quotes', () => Labeller.deserialize(readFileSync(MODEL_URL)));
  return shipped;
}

/** BIO tags for one sentence of token texts. */
export function labelTokens(words: readonly string[], labeller: AttributionTagger = loadLabeller()): Tag[] {
  return labeller.tag(words);
}
