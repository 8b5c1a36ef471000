/**
 * Whether two sentences state one proposition frame with opposite content: one is negated and
 * the other not, or the same slot holds a different number or date, or another actor does the
 * same thing. There is no contradiction dataset among ours, so these are rules over the word
 * alignment of src/similarity/features.ts, pinned by the table in test/similarity.test.ts:
 *
 * 1. The frame: the content words of both sentences other than numbers, dates and words about
 *    evidence ("no clear evidence that Russia helped" frames "Russia helped"). Its score is the
 *    weighted alignment of the sentence with the smaller frame onto the other (how much of the
 *    shorter proposition the longer one also states), lowered when the longer one is mostly other
 *    matter. Without names, for the actor rule.
 * 2. A conflict: a word negated on one side and stated plainly on the other, a prohibition
 *    ("the ban on drinking") counting as a negation (polarity, see `polarityConflict`); a
 *    number slot filled differently ("12 people" / "15 people", not "about 40" / "42"); dates of one kind that share nothing (Tuesday / Wednesday, 2003 /
 *    2004); or, when both sentences came with resolved entity ids, entities on each side that
 *    the other lacks while the rest of the frame matches (actor).
 * 3. The score: the frame's strength above FRAME_FLOOR, scaled to 0..1, times the kind's weight
 *    (actor conflicts are weaker evidence: two actors may both have done it).
 */
import { EPISTEMIC_WORDS } from './lexicon.js';
import { datesConflict, Matches, numberComparison, polarityConflict } from './features.js';
import type { PreparedSentence } from './prepare.js';
import { shippedVectors } from './vectors.js';

export type ConflictKind = 'polarity' | 'number' | 'date' | 'actor';

export interface Contradiction {
  kind: ConflictKind;
  /** 0..1: how sure the rule is that the two state opposite things. */
  score: number;
  /** 0..1: how much of one proposition frame the other shares. */
  frame: number;
}

/** Below this frame score two sentences are about different things and cannot contradict. */
const FRAME_FLOOR = 0.45;
/** Frame score from which a conflict counts in full. */
const FRAME_FULL = 0.8;
const KIND_WEIGHT: Record<ConflictKind, number> = { polarity: 1, number: 1, date: 0.9, actor: 0.7 };

export function findContradiction(a: PreparedSentence, b: PreparedSentence, matches: Matches = new Matches(a, b, shippedVectors())): Contradiction | null {
  const kind = conflictOf(a, b, matches);
  if (kind === null) return null;
  const frame = frameScore(a, b, matches, kind !== 'actor');
  const strength = Math.min(1, Math.max(0, (frame - FRAME_FLOOR) / (FRAME_FULL - FRAME_FLOOR)));
  const score = strength * KIND_WEIGHT[kind];
  return score > 0 ? { kind, score, frame } : null;
}

function conflictOf(a: PreparedSentence, b: PreparedSentence, matches: Matches): ConflictKind | null {
  if (polarityConflict(matches, true)) return 'polarity';
  if (numberComparison(a, b).conflict) return 'number';
  if (datesConflict(a, b)) return 'date';
  // Without resolved identities "Moscow" and "Russia" would look like two actors.
  if (!a.namesAreIds || !b.namesAreIds) return null;
  const namesB = new Set(b.names);
  const namesA = new Set(a.names);
  if (a.names.some((name) => !namesB.has(name)) && b.names.some((name) => !namesA.has(name))) return 'actor';
  return null;
}

function frameScore(a: PreparedSentence, b: PreparedSentence, matches: Matches, withNames: boolean): number {
  const frameA = frameWords(a, withNames);
  const frameB = frameWords(b, withNames);
  if (frameA.length === 0 || frameB.length === 0) return 0;
  const [shorter, longer, shorterWords, longerWords] = frameA.length <= frameB.length ? [a, b, frameA, frameB] : [b, a, frameB, frameA];
  const covered = coverage(matches, shorter, shorterWords, longerWords);
  const back = coverage(matches, longer, longerWords, shorterWords);
  // A short proposition inside a long sentence on other matters is still stated there, but less surely.
  return covered * (0.75 + 0.25 * back);
}

function frameWords(sentence: PreparedSentence, withNames: boolean): number[] {
  const names = new Set(sentence.names);
  const indices: number[] = [];
  sentence.keys.forEach((key, i) => {
    if (key.startsWith('#') || key.startsWith('~') || EPISTEMIC_WORDS.has(sentence.forms[i]!)) return;
    if (!withNames && (key.startsWith('@') || names.has(sentence.forms[i]!))) return;
    indices.push(i);
  });
  return indices;
}

/** Weighted mean, over `fromWords` of `from`, of each word's best match among `toWords` of the other sentence. */
function coverage(matches: Matches, from: PreparedSentence, fromWords: readonly number[], toWords: readonly number[]): number {
  let total = 0;
  let matched = 0;
  for (const i of fromWords) {
    total += from.weights[i]!;
    matched += from.weights[i]! * matches.best(from, i, toWords);
  }
  return total > 0 ? matched / total : 0;
}
