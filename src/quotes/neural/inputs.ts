/**
 * What the neural attribution tagger reads for each token, computed the same way when the
 * training data is exported (scripts/export-attribution-data.ts) and at run time, so the Python
 * trainer and the TypeScript tagger see identical inputs: the normalised word (for its
 * characters and its learned embedding), its row in the shipped GloVe vectors, and a few flags
 * the linear labeller already computes (shape, quotation mark, inside a quote, cue verb,
 * attributed quote).
 */
import { viewOf } from '../features.js';

/** Shape codes: lower-case word, capitalised, all capitals, has a digit, no letter or digit. */
export const SHAPES = 5;
/** Quotation mark codes from the labeller's view: none, open/close double, open/close single. */
export const MARKS = 5;
/** Dense flags per token: shape one-hot, mark one-hot, inside a quote, cue verb, attributed quote. */
export const FLAG_COUNT = SHAPES + MARKS + 3;

export interface TokenInputs {
  n: number;
  /** Normalised words, case kept (characters are read from these). */
  words: string[];
  /** Lower-cased normalised words (the learned embedding and the vectors are keyed on these). */
  lower: string[];
  shape: Uint8Array;
  mark: Uint8Array;
  inside: Uint8Array;
  cue: Uint8Array;
  attributed: Uint8Array;
}

function shapeOf(word: string): number {
  if (/\d/u.test(word)) return 3;
  if (!/\p{L}/u.test(word)) return 4;
  if (word.length > 1 && word === word.toUpperCase()) return 2;
  if (/^\p{Lu}/u.test(word)) return 1;
  return 0;
}

export function tokenInputs(tokens: readonly string[]): TokenInputs {
  const view = viewOf(tokens);
  return {
    n: view.n,
    words: view.words,
    lower: view.lower,
    shape: Uint8Array.from(view.words, shapeOf),
    mark: view.marks,
    inside: view.inside,
    cue: view.cue,
    attributed: view.attributedQuote,
  };
}

/** Writes token i's flags (FLAG_COUNT values) at `out[at..]`. */
export function writeFlags(inputs: TokenInputs, i: number, out: Float64Array, at: number): void {
  out.fill(0, at, at + FLAG_COUNT);
  out[at + inputs.shape[i]!] = 1;
  out[at + SHAPES + inputs.mark[i]!] = 1;
  out[at + SHAPES + MARKS] = inputs.inside[i]!;
  out[at + SHAPES + MARKS + 1] = inputs.cue[i]!;
  out[at + SHAPES + MARKS + 2] = inputs.attributed[i]!;
}
