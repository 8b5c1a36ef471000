/**
 * The attribution labeller: tags each token of a sentence as source, cue or content (BIO) with
 * the shipped perceptron model. Runs on token texts, so it scores CoNLL-style token files and
 * our own tokens alike. The model is read once from the package's own files, never downloaded.
 */
import { readFileSync } from 'node:fs';
import { sentenceFeatures } from './features.js';
import { SequenceModel, type Tag } from './perceptron.js';

export const MODEL_URL = new URL('../../models/quotes/labeller.json.gz', import.meta.url);

let shipped: SequenceModel | null = null;

/** The shipped model, loaded on first use. */
export function loadLabeller(): SequenceModel {
  shipped ??= SequenceModel.deserialize(readFileSync(MODEL_URL));
  return shipped;
}

/** BIO tags for one sentence of token texts. */
export function labelTokens(words: readonly string[], model: SequenceModel = loadLabeller()): Tag[] {
  if (words.length === 0) return [];
  return model.tag(sentenceFeatures(words));
}
