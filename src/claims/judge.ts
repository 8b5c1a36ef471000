/**
 * The proposition matcher of src/similarity, in the shape the claim and statement groupings ask
 * for. The groupings take the judge as a parameter, so their tests can use a judge of their own.
 */
import { comparePrepared, prepareSentence, type PreparedSentence } from '../similarity/index.js';
import type { PropositionJudge } from './group.js';

/** Share of the less covered claim's weighted words that must be matched for a contradiction. */
const MIN_COVERAGE = 0.5;

let shared: PropositionJudge<PreparedSentence> | null = null;

/** The shipped matcher (its models load on first use). */
export function propositionJudge(): PropositionJudge<PreparedSentence> {
  shared ??= {
    prepare: (text, mentions) => prepareSentence(text, { entities: mentions.map(({ start, end, entity }) => ({ start, end, id: entity })) }),
    compare: (a, b) => {
      const score = comparePrepared(a, b);
      return {
        same: score.same,
        // A contradiction between two claims needs most of each one's words matched in the other:
        // "X employs 600 people" and "X has denied this" share a name, not a proposition.
        contradicts: score.features.weightedCoverageMin >= MIN_COVERAGE ? score.contradicts : 0,
        covers: score.features.weightedCoverageMax,
      };
    },
  };
  return shared;
}
