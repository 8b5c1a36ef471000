/**
 * Claims that state the same proposition, grouped across outlets, and the pairs of claims that
 * state opposite ones. Candidate pairs come from shared entities and rare words (no all-pairs
 * step); each candidate is judged by the proposition matcher (src/similarity), which weighs
 * wording, word vectors, entities, numbers and negation. Two claims that contradict are never
 * joined: their groups are linked as contradicting instead.
 */
import { candidatePairs } from '../crossdoc/candidates.js';
import { DisjointSets } from '../crossdoc/disjoint-sets.js';
import { contentKeys } from '../crossdoc/keys.js';
import type { ClaimCandidate, EntityAt } from './extract.js';
import { frameOf, otherActor, sameFrame } from './frame.js';

/** What a matcher says of two claims, in one comparison. */
export interface PairJudgement {
  /** Probability that the two state the same proposition. */
  same: number;
  /** Probability that the two contradict each other (opposite polarity, or a conflicting figure). */
  contradicts: number;
  /** Share (0..1) of the shorter one's weighted words that the other also states. */
  covers: number;
  /** Whether the matcher sees opposite polarity in one shared frame of words (one side negated). */
  polarityConflict: boolean;
}

/** What the grouping needs from a matcher: a prepared form, and a judgement of two of them. */
export interface PropositionJudge<Prepared> {
  /** `mentions` are entity mentions in `text`'s own coordinates, so two names of one actor match. */
  prepare(text: string, mentions: readonly EntityAt[]): Prepared;
  compare(a: Prepared, b: Prepared): PairJudgement;
}

export interface GroupingOptions {
  /** `same` at or above this joins two claims. */
  sameThreshold: number;
  /** `same` at or above this joins two claims that share a frame (actor, act, object). */
  framedSameThreshold: number;
  /** `covers` at or above this joins two claims: one states the other and adds detail. */
  coverThreshold: number;
  /** `contradicts` at or above this links two claims as contradicting. */
  contradictionThreshold: number;
}

export interface ClaimGrouping {
  /** Groups of candidate indexes, each in increasing order, ordered by first member. */
  groups: number[][];
  /** For each group, the indexes of the groups it contradicts. */
  contradicts: number[][];
}

export function groupClaims<Prepared>(claims: readonly ClaimCandidate[], judge: PropositionJudge<Prepared>, options: GroupingOptions): ClaimGrouping {
  const prepared = claims.map((claim) => judge.prepare(claim.text, relativeMentions(claim)));
  const keys = claims.map((claim) => [...claim.entities.map((id) => `entity:${id}`), ...contentKeys(claim.text)]);
  const pairs = candidatePairs(keys, {
    minShared: 1,
    window: CANDIDATE_WINDOW,
    maxCandidates: 8,
    // Two claims of one article are compared too: an outlet may state what it quotes someone
    // denying, and a contradiction inside one article is still a contradiction.
    comparable: (a, b) => claims[a]!.doc !== claims[b]!.doc || claims[a]!.start !== claims[b]!.start,
  });
  const frames = claims.map((claim) => frameOf(claim.text, relativeMentions(claim)));
  const sets = new DisjointSets(claims.length);
  const opposed: [number, number][] = [];
  for (const [a, b] of pairs) {
    const framed = sameFrame(frames[a]!, frames[b]!);
    const samePolarity = claims[a]!.polarity === claims[b]!.polarity;
    const { same, contradicts, covers, polarityConflict } = judge.compare(prepared[a]!, prepared[b]!);
    // One actor, act and object stated with and without negation: both our polarity and the
    // matcher's word alignment must see the negation, or a "not" in a side clause would do.
    if ((framed && !samePolarity && polarityConflict) || contradicts >= options.contradictionThreshold) {
      opposed.push([a, b]);
      continue;
    }
    // A paraphrase corpus calls "X, which lies 3 km upstream" and "X" different sentences; for
    // corroboration, a claim that states another and adds detail still carries it.
    const contained = same >= MIN_SAME_TO_CONTAIN && Math.min(wordCount(claims[a]!), wordCount(claims[b]!)) >= MIN_CONTAINED_WORDS && covers >= options.coverThreshold;
    // "Hamas launched an attack on Israel" / "Israel launched an attack on Gaza": many shared
    // words, two events.
    const joined = !otherActor(frames[a]!, frames[b]!) && (same >= options.sameThreshold || (framed && same >= options.framedSameThreshold) || contained);
    if (joined) sets.union(a, b);
  }
  const groups = sets.groups();
  const groupOf = new Map<number, number>();
  groups.forEach((members, group) => members.forEach((member) => groupOf.set(member, group)));
  const contradicts = groups.map(() => new Set<number>());
  for (const [a, b] of opposed) {
    const groupA = groupOf.get(a)!;
    const groupB = groupOf.get(b)!;
    if (groupA === groupB) continue;
    contradicts[groupA]!.add(groupB);
    contradicts[groupB]!.add(groupA);
  }
  return { groups, contradicts: contradicts.map((set) => [...set].sort((x, y) => x - y)) };
}

/** How many later claims sharing a key each claim meets (see src/crossdoc/candidates.ts). */
const CANDIDATE_WINDOW = 4;

/** A claim carried inside a longer one must say this much on its own ("X has denied this" does not). */
const MIN_CONTAINED_WORDS = 8;
/** Even a contained claim must read as somewhat alike to the matcher. */
const MIN_SAME_TO_CONTAIN = 0.1;

function wordCount(claim: ClaimCandidate): number {
  return claim.text.split(/\s+/u).filter((word) => /\p{L}/u.test(word)).length;
}

/** A claim's mentions in the coordinates of its own words. */
function relativeMentions(claim: ClaimCandidate): EntityAt[] {
  return claim.mentions.map((mention) => ({ ...mention, start: mention.start - claim.start, end: mention.end - claim.start }));
}
