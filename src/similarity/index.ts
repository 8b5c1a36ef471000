/**
 * Sentence-pair matching for the cross-document stages: do two sentences from different outlets
 * state the same proposition, do two quotes render the same utterance (also in two translations),
 * and do two propositions contradict each other? Offline, from our own models: a classifier
 * trained on MRPC (models/claims) over lexical, numeric and word-vector features (models/vectors).
 *
 * API (stable):
 * - `prepareSentence(text, extras?)`: prepare once per sentence. `text` may be a whole document
 *   with `extras.start`/`extras.end` giving the sentence; `extras.entities` lists mentions
 *   `{start, end, id}` (same coordinates) so that two names of one actor match.
 * - `comparePrepared(a, b)`: `{ same, contradicts, contradiction, features }` for two prepared
 *   sentences; `pairScore(a, b)` does the same from two strings.
 *   - `same` (0..1): probability of the same proposition, already lowered by a contradiction.
 *   - `contradicts` (0..1) with `contradiction: {kind: 'polarity'|'number'|'date'|'actor',
 *     score, frame} | null` (rules, see contradiction.ts).
 * - `THRESHOLDS`: `sameProposition` for claims, `sameUtterance` for two quotes of one speaker,
 *   `contradiction`.
 * - `candidatePairs(prepared[], {maxBucket?})` and `blockingKeys(prepared)`: pairs worth
 *   comparing, without all pairs.
 *
 * @example
 * const a = prepareSentence('I appeal to the rulers of Arab states: build an alliance');
 * const b = prepareSentence('I urge the heads of Arab countries to form an alliance');
 * comparePrepared(a, b).same >= THRESHOLDS.sameUtterance; // true (0.82)
 * pairScore('Police said 12 people were killed.', 'Police said 15 people were killed.').contradiction?.kind; // 'number'
 */
import { classify, shippedClassifier } from './classifier.js';
import { findContradiction, type Contradiction } from './contradiction.js';
import { featureVector, Matches, pairFeatures, type PairFeatures } from './features.js';
import { prepareSentence, type PreparedSentence } from './prepare.js';
import { shippedVectors } from './vectors.js';

export { blockingKeys, candidatePairs, type CandidateOptions } from './blocking.js';
export type { ConflictKind, Contradiction } from './contradiction.js';
export { FEATURE_NAMES, type PairFeatures } from './features.js';
export { prepareSentence, type EntityMention, type NumberMention, type PreparedSentence, type SentenceExtras } from './prepare.js';

/** Recommended decision thresholds; see models/claims/MODEL_CARD.md for how they were chosen. */
export const THRESHOLDS = {
  /** `same` from which two sentences state the same proposition (claims). */
  sameProposition: 0.5,
  /** `same` from which two quotes of one speaker render the same utterance (statements). */
  sameUtterance: 0.3,
  /** `contradicts` from which two propositions count as contradicting (disputed). */
  contradiction: 0.5,
} as const;

export interface PairScore {
  same: number;
  contradicts: number;
  contradiction: Contradiction | null;
  features: PairFeatures;
}

export function comparePrepared(a: PreparedSentence, b: PreparedSentence): PairScore {
  const matches = new Matches(a, b, shippedVectors());
  const features = pairFeatures(a, b, matches);
  const probability = classify(shippedClassifier(), featureVector(features));
  const contradiction = findContradiction(a, b, matches);
  const contradicts = contradiction?.score ?? 0;
  // MRPC seldom pairs a sentence with its negation, so the classifier alone would call
  // "12 killed" and "15 killed" the same claim; a contradiction keeps them apart.
  return { same: probability * (1 - contradicts), contradicts, contradiction, features };
}

export function pairScore(a: string, b: string): PairScore {
  return comparePrepared(prepareSentence(a), prepareSentence(b));
}
