/**
 * The last guard between the labeller's guesses and the reader: what a speaker name and a
 * quote's content must look like before they are reported. A speaker is a name, a role or a
 * pronoun, never a date fragment ("13/3)"), a clause ("who say the leak") or a possessive
 * ("her group's"); content says something, so it holds at least one word that is not a
 * function word ("this", "by" are not content).
 */
import { FUNCTION_WORDS } from '../similarity/lexicon.js';
import { PERSON_PRONOUNS } from './lexicon.js';

/** Words that make a phrase a clause: relative pronouns, finite auxiliaries and reporting verbs. */
const CLAUSE_WORDS = new Set(
  'who whom whose which is are was were has have had will would shall can could does did say says said tell tells told spoke speak speaks'.split(' '),
);

/** Pronouns that stand for some of a group already named: "some say", "both agreed". */
const QUANTIFIER_PRONOUNS = new Set('some many all both others most few several each none everyone someone anyone nobody'.split(' '));

/** Lower-cased words with curly apostrophes made straight, for the checks here and in tests. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/gu, "'")
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((word) => word.replace(/^'+|'+$/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * True when `name` can stand as a speaker: a name ("Mira Esk"), a role ("a company
 * spokeswoman", "Iran’s foreign minister") or a pronoun.
 *
 * @example isSpeakerName('Health officials') // true
 * @example isSpeakerName('13/3)') // false: a date fragment
 * @example isSpeakerName('who say the leak') // false: a clause
 * @example isSpeakerName("her group's") // false: a possessive, the thing possessed is missing
 */
export function isSpeakerName(name: string): boolean {
  const written = name.trim();
  // "13/3)", "9.30": a date, a time or a bare number is no one ("46 percent" of a poll may speak).
  if (written === '' || /^[(\[]/u.test(written) || /^\p{N}+(?:[/.:-]\p{N}+)+/u.test(written) || !/\p{L}/u.test(written)) return false;
  if ((written.match(/\(/gu) ?? []).length !== (written.match(/\)/gu) ?? []).length) return false;
  if (/['’]s?$/u.test(written)) return false;
  const words = wordsOf(written);
  if (words.length === 0 || words.length > 25) return false;
  if (words.length === 1 && (PERSON_PRONOUNS.has(words[0]!) || QUANTIFIER_PRONOUNS.has(words[0]!))) return true;
  if (words.every((word) => FUNCTION_WORDS.has(word))) return false;
  // "that" opens a clause anywhere but at the start ("that official" is rare but a role).
  if (words.some((word, i) => CLAUSE_WORDS.has(word) || (word === 'that' && i > 0))) return false;
  // A subject pronoun inside a longer phrase makes it a clause ("Residents we spoke to").
  return !words.some((word) => word === 'we' || word === 'i' || word === 'you' || word === 'he' || word === 'she' || word === 'they');
}

/** Words a speaker's mention never opens with: it would be a time, a place or a clause ("at Tuesday's hearing", "under a grey sky that"). */
const NOT_MENTION_START = new Set('at under among in on during after before with without by from since until if when while although because so for let appearing'.split(' '));
/** Words a speaker's mention never ends with: the phrase stops short of its noun ("The day that", "a discussion about"). */
const NOT_MENTION_END = new Set('and or but that about of to for with by the a an let than as at in on from into'.split(' '));

/**
 * True when `mention`, as written, can be a speaker's mention: a noun phrase, a name or a
 * pronoun, not a time or a place the labeller took ("at Tuesday's hearing", "among the crews ―"), nor a
 * phrase cut before its noun ("a rather long talk about").
 *
 * @example isSpeakerMention('Harbour chief and close ally of the Brenna mayor Ada Rimm, Piet Lorn') // true
 * @example isSpeakerMention("at Tuesday's hearing") // false
 */
export function isSpeakerMention(mention: string): boolean {
  const words = wordsOf(mention);
  if (words.length === 0) return false;
  if (words.length === 1) return true;
  return !NOT_MENTION_START.has(words[0]!) && !NOT_MENTION_END.has(words[words.length - 1]!) && !/[―—–-]\s*$/u.test(mention.trim());
}

/**
 * True when a quote's content says something: at least one word that is not a function word.
 *
 * @example carriesContent('this') // false
 * @example carriesContent('No injuries') // true
 */
export function carriesContent(content: string): boolean {
  return wordsOf(content).some((word) => !FUNCTION_WORDS.has(word));
}

/** Negation inside a cue ("did not say", "has never declared", "stopped short of"): the content was not said. */
const NEGATED_CUE = /\b(?:not|never|no longer|declined to|refused to|stop(?:s|ped|ping)? short of)\b|n[’']t\b/iu;

/**
 * True when a cue reports that something was not said: "did not say", "have not said", "has
 * never declared", "declined to", "stopped short of" (backing a plan: a stance held back, not stated).
 */
export function isNegatedCue(cue: string): boolean {
  return NEGATED_CUE.test(cue);
}
