/**
 * Tone toward an actor in an outlet's own words: evaluative words from a small valence lexicon
 * of our own, and the loaded terms the outlet itself uses of the actor. A word counts for the
 * main actor named nearest before it in the sentence (in news syntax, usually the one the clause
 * is about: "the Kremlin's desire to destabilise…"), else the nearest after it; a negation just
 * before it ("not peaceful") turns it over. A loaded term counts for its target: delegitimising,
 * dehumanising and emotive terms against it, legitimising ones for it.
 *
 * The lexicon holds words that judge, not words that report events: "killed" or "attack" say
 * what happened and are not tone, "brutal" and "destabilise" say what the writer makes of it.
 */
import type { FramingTerm } from '../contract.js';
import type { Span } from '../document.js';
import { findNegations } from '../claims/hedges.js';
import type { MentionAt, Word } from './context.js';

const NEGATIVE = [
  'aggressive',
  'brutal',
  'barbaric',
  'blatant',
  'cynical',
  'reckless',
  'illegal',
  'unlawful',
  'illegitimate',
  'destabilise',
  'destabilize',
  'destabilising',
  'destabilizing',
  'inciting',
  'incite',
  'provocation',
  'provocative',
  'dangerous',
  'threat',
  'threats',
  'threatening',
  'hostile',
  'obscene',
  'doomed',
  'disastrous',
  'corrupt',
  'propaganda',
  'lies',
  'disinformation',
  'chaos',
  'isolation',
  'adversaries',
  'adversary',
  'failure',
  'failed',
  'shameful',
  'disgraceful',
  'outrageous',
  'enraged',
  'atrocious',
  'sinister',
  'ruthless',
  'cruel',
];
const POSITIVE = [
  'peaceful',
  'legitimate',
  'fair',
  'successful',
  'heroic',
  'brave',
  'courageous',
  'generous',
  'constructive',
  'responsible',
  'restraint',
  'reasonable',
  'wise',
  'admirable',
  'helpful',
  'respected',
  'trusted',
  'stability',
];

/** Term categories that speak against their target, and for it. */
const AGAINST = new Set(['delegitimising', 'dehumanising', 'emotive-violence']);
const FOR = new Set(['legitimising']);

export interface ToneCue extends Span {
  entity: string;
  valence: 1 | -1;
}

const VALENCE = new Map<string, 1 | -1>([...NEGATIVE.map((word): [string, -1] => [word, -1]), ...POSITIVE.map((word): [string, 1] => [word, 1])]);
/** How far before a word a negation still governs it ("is not a peaceful"). */
const NEGATION_REACH = 16;

/**
 * The tone cues of one sentence: `parts` are its own words (outside quotes) and `words` the
 * words in them, `mentions` the entity mentions in the sentence in text order, `terms` the
 * framing terms found in it.
 */
export function toneCues(text: string, parts: readonly Span[], words: readonly Word[], mentions: readonly MentionAt[], terms: readonly FramingTerm[], mainActors: ReadonlySet<string>): ToneCue[] {
  const cues: ToneCue[] = [];
  const own = mentions.filter((mention) => mainActors.has(mention.entity) && parts.some((part) => mention.start >= part.start && mention.end <= part.end));
  if (own.length > 0) {
    for (const word of words) {
      const valence = VALENCE.get(word.lower);
      if (!valence) continue;
      const actor = [...own].reverse().find((mention) => mention.end <= word.start) ?? own.find((mention) => mention.start >= word.end);
      if (!actor) continue;
      const negated = findNegations(text, { start: Math.max(0, word.start - NEGATION_REACH), end: word.start }).length > 0;
      cues.push({ start: word.start, end: word.end, entity: actor.entity, valence: negated ? (-valence as 1 | -1) : valence });
    }
  }
  for (const term of terms) {
    if (term.voice !== 'outlet' || term.quoted || !term.loaded || !term.target || !mainActors.has(term.target)) continue;
    if (AGAINST.has(term.category)) cues.push({ start: term.start, end: term.end, entity: term.target, valence: -1 });
    else if (FOR.has(term.category)) cues.push({ start: term.start, end: term.end, entity: term.target, valence: 1 });
  }
  return cues;
}
