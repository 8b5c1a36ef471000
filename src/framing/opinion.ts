/**
 * Opinion in an outlet's own words: the cues that tell a reader a sentence judges rather than
 * reports. Our own short list, written from how news and comment pieces differ:
 *
 * - first person ("we", "our"): a report speaks of others; an outlet's "we" is its opinion
 *   (words inside quotes are removed before this runs, so a quoted "we" does not count);
 * - judgement modals ("should", "must", "ought to"): they prescribe, a report describes;
 * - stance adverbs and set phrases ("clearly", "of course", "it is not hard to guess", "doomed"):
 *   the writer vouches for a conclusion;
 * - evaluative adjectives ("shameful", "tragic", "cynical"): each is weak alone, since reports
 *   call an accident tragic, so it takes two of them (or one with a stronger cue);
 * - an exclamation or a question in the outlet's own voice.
 *
 * A sentence is opinion when its cues weigh 2 or more: a strong cue weighs 2, an evaluative
 * adjective 1. This is a detector of the visible cues, not a model of stance: an opinion stated
 * flatly ("Russia is behind the war") is not caught.
 */
import type { Span } from '../document.js';
import type { Word } from './context.js';

const FIRST_PERSON = ['i', 'we', 'our', 'ours', 'us', 'my', 'me', 'ourselves', 'myself'];
const JUDGEMENT_MODALS = ['should', "shouldn't", 'must', "mustn't", 'ought to', 'need to', 'needs to'];
const STANCE_MARKERS = [
  'clearly',
  'obviously',
  'of course',
  'undoubtedly',
  'no doubt',
  'surely',
  'plainly',
  'evidently',
  'frankly',
  'sadly',
  'unfortunately',
  'fortunately',
  'rightly',
  'wrongly',
  'shockingly',
  'it is not hard to',
  'it is clear',
  'it is obvious',
  'doomed',
  'the best confirmation',
  'make no mistake',
  'needless to say',
];
const EVALUATIVE_ADJECTIVES = [
  'shameful',
  'disgraceful',
  'outrageous',
  'absurd',
  'cynical',
  'reckless',
  'tragic',
  'heroic',
  'brave',
  'cowardly',
  'hypocritical',
  'scandalous',
  'disastrous',
  'blatant',
  'brutal',
  'barbaric',
  'despicable',
  'vile',
  'shocking',
  'appalling',
  'ridiculous',
  'naive',
  'foolish',
  'wise',
  'admirable',
  'deplorable',
  'sinister',
  'dangerous',
];

export interface OpinionCue extends Span {
  cue: string;
  weight: 1 | 2;
}

const ALL: [string, 1 | 2][] = [...[...FIRST_PERSON, ...JUDGEMENT_MODALS, ...STANCE_MARKERS].map((cue): [string, 2] => [cue, 2]), ...EVALUATIVE_ADJECTIVES.map((cue): [string, 1] => [cue, 1])];
/** Each cue by its first word, as its words and its weight, longest first. */
const BY_FIRST_WORD = new Map<string, { words: string[]; weight: 1 | 2 }[]>();
for (const [cue, weight] of ALL) {
  const words = cue.replace(/’/gu, "'").split(' ');
  BY_FIRST_WORD.set(words[0]!, [...(BY_FIRST_WORD.get(words[0]!) ?? []), { words, weight }].sort((a, b) => b.words.length - a.words.length));
}

/**
 * The opinion cues in the outlet's own words of a sentence: `parts` is the sentence outside
 * quotes and `words` the words in them (see `wordsIn`).
 */
export function opinionCues(text: string, parts: readonly Span[], words: readonly Word[]): OpinionCue[] {
  const cues: OpinionCue[] = [];
  words.forEach((word, at) => {
    const cue = BY_FIRST_WORD.get(word.lower)?.find((candidate) => candidate.words.every((next, offset) => words[at + offset]?.lower === next));
    if (!cue) return;
    const written = text.slice(word.start, word.end);
    // "I" is also an initial ("I. Petrov") and a numeral ("World War I"): it counts followed by a
    // lower-case word and not after a capitalised one. "US" is the country.
    if (written === 'I' && (!/^\s+\p{Ll}/u.test(text.slice(word.end, word.end + 3)) || /^\p{Lu}/u.test(text.slice(words[at - 1]?.start ?? word.start, word.start)))) return;
    if (written === 'US') return;
    const last = words[at + cue.words.length - 1]!;
    cues.push({ start: word.start, end: last.end, cue: cue.words.join(' '), weight: cue.weight });
  });
  for (const part of parts) {
    const mark = /[!?](?=\s*$|\s+\p{Lu})/u.exec(text.slice(part.start, part.end));
    if (mark) cues.push({ start: part.start + mark.index, end: part.start + mark.index + 1, cue: mark[0], weight: 2 });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** True when the cues of a sentence make it opinion (weight 2 or more). */
export function isOpinion(cues: readonly OpinionCue[]): boolean {
  return cues.reduce((sum, cue) => sum + cue.weight, 0) >= 2;
}
