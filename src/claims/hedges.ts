/**
 * Hedges and negation: the words that tell a reader how firmly a sentence states what it states.
 * A claim reported "reportedly", one that "cannot be verified", or one stated with "no clear
 * evidence" must never be counted as established, so the claim stage marks each hedge with its
 * span. Negation decides a claim's polarity, which is what lets two claims contradict.
 *
 * The phrases are ours, kept with the sentence matcher's word cues in src/similarity/lexicon.ts;
 * each is matched case-insensitively on word boundaries.
 */
import type { Span } from '../document.js';
import { HEDGE_PHRASES, NEGATION_PHRASES } from '../similarity/lexicon.js';

export interface PhraseMatch extends Span {
  phrase: string;
}

function compile(phrases: readonly string[]): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  const escaped = sorted.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  // "n't" is glued to its verb, so it needs no word boundary before it.
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])|n[’']t(?![\\p{L}])`, 'giu');
}

const HEDGE_PATTERN = compile(HEDGE_PHRASES);
const NEGATION_PATTERN = compile(NEGATION_PHRASES);

function findAll(pattern: RegExp, text: string, region: Span): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  const slice = text.slice(region.start, region.end);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    found.push({ start: region.start + match.index, end: region.start + match.index + match[0].length, phrase: match[0].toLowerCase() });
  }
  return found;
}

/** The hedges inside `region` of `text`, in order. "May" with a capital is the month, not the modal. */
export function findHedges(text: string, region: Span): PhraseMatch[] {
  return findAll(HEDGE_PATTERN, text, region).filter((hedge) => !(hedge.phrase === 'may' && text[hedge.start] === 'M'));
}

/** The negation cues inside `region` of `text`, in order. */
export function findNegations(text: string, region: Span): PhraseMatch[] {
  return findAll(NEGATION_PATTERN, text, region);
}

/**
 * The polarity of a clause: negative when it holds an odd number of negation cues ("never
 * declared" is negative; "not without" cancels out). Cues inside `skip` (quoted words inside an
 * outlet's sentence) do not count.
 */
export function polarityOf(text: string, region: Span, skip: readonly Span[] = []): 'positive' | 'negative' {
  const cues = findNegations(text, region).filter((cue) => !skip.some((span) => cue.start >= span.start && cue.end <= span.end));
  return cues.length % 2 === 1 ? 'negative' : 'positive';
}
