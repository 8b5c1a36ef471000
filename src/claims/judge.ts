/**
 * The proposition matcher of src/similarity, in the shape the claim and statement groupings ask
 * for. The groupings take the judge as a parameter, so their tests can use a judge of their own.
 */
import { comparePrepared, prepareSentence, type PairScore, type PreparedSentence } from '../similarity/index.js';
import type { PairJudgement, PropositionJudge } from './group.js';

/** Share of the less covered claim's weighted words that must be matched for a contradiction. */
const MIN_COVERAGE = 0.5;

/**
 * A claim prepared twice when it names entities: with each mention as its entity (so "the
 * Kremlin" meets "Russia"), and as plain words, since identity may keep two spellings of one actor
 * apart ("U.S. Food and Drug Administration" / "US Food and Drug Administration") and the entity
 * form would then hide words the two claims share.
 */
interface PreparedClaim {
  withEntities: PreparedSentence;
  plain: PreparedSentence | null;
}

let shared: PropositionJudge<PreparedClaim> | null = null;

/** The shipped matcher (its models load on first use). */
export function propositionJudge(): PropositionJudge<PreparedClaim> {
  shared ??= {
    prepare: (text, mentions) => ({
      withEntities: prepareSentence(text, { entities: mentions.map(({ start, end, entity }) => ({ start, end, id: entity })) }),
      plain: mentions.length ? prepareSentence(text) : null,
    }),
    compare: (a, b) => {
      const score = comparePrepared(a.withEntities, b.withEntities);
      const judgement = judgementOf(score);
      if (judgement.contradicts > 0 || (!a.plain && !b.plain)) return judgement;
      const plain = judgementOf(comparePrepared(a.plain ?? a.withEntities, b.plain ?? b.withEntities));
      return { ...judgement, same: Math.max(judgement.same, plain.same), covers: Math.max(judgement.covers, plain.covers) };
    },
  };
  return shared;
}

function judgementOf(score: PairScore): PairJudgement {
  return {
    same: score.same,
    // A contradiction between two claims needs most of each one's words matched in the other
    // ("X employs 600 people" and "X has denied this" share a name, not a proposition), and
    // another actor doing the same thing is no contradiction: both may be true.
    contradicts: score.features.weightedCoverageMin >= MIN_COVERAGE && score.contradiction?.kind !== 'actor' ? score.contradicts : 0,
    covers: score.features.weightedCoverageMax,
    polarityConflict: score.contradiction?.kind === 'polarity',
  };
}
