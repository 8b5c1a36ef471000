/**
 * What a careful reader checks in "who said what", run on every golden fixture and on the
 * seeds: a speaker is a name, a role or a pronoun (not a date fragment, a clause or a
 * possessive); content says something (more than function words, more than a bare name); a
 * cue is a word of saying (not a name); nothing reported was said "not" to be said. Written
 * apart from the quote stage's own guard (src/quotes/plausible.ts) so that it checks it.
 */
import type { Analysis, Quote } from '../../src/contract.js';
import { wordsOf } from '../../src/quotes/plausible.js';
import { FUNCTION_WORDS } from '../../src/similarity/lexicon.js';

const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it']);


/**
 * Why `name` is not a speaker a reader would accept, or null when it is one. A role (`asRole`)
 * may hold a clause that narrows it ("Residents we spoke to"), a name may not.
 */
export function speakerProblem(name: string, asRole = false): string | null {
  const words = wordsOf(name);
  if (words.length === 1 && SUBJECT_PRONOUNS.has(words[0]!)) return null;
  if (!/\p{L}/u.test(name) || /^\p{N}+[/.:]\p{N}/u.test(name.trim()) || /^[()[\]]/u.test(name.trim())) return 'a date or number fragment';
  if (/['’]s?$/u.test(name.trim())) return 'a possessive without what it possesses';
  if ((name.match(/\(/gu) ?? []).length !== (name.match(/\)/gu) ?? []).length) return 'an unbalanced bracket';
  if (words.every((word) => FUNCTION_WORDS.has(word))) return 'function words only';
  if (words.some((word) => /^(?:who|whom|whose|which)$/u.test(word))) return 'a relative clause';
  if (asRole) return null;
  if (words.some((word) => /^(?:is|are|was|were|has|have|had|says?|said|told|tells?)$/u.test(word))) return 'a clause with a verb';
  if (words.length > 1 && words.some((word) => SUBJECT_PRONOUNS.has(word) && word !== 'it')) return 'a clause with a subject pronoun';
  return null;
}

/** Why a quote's content is not something said, or null. */
export function contentProblem(content: string, kind: Quote['kind']): string | null {
  const words = wordsOf(content);
  if (!words.some((word) => !FUNCTION_WORDS.has(word))) return 'function words only';
  // "…, reports The Telegraph": an unquoted content that is only a name is a source read as content.
  if (kind !== 'indirect') return null;
  // "The claim could not be verified": a predicate without its subject is no reported clause.
  if (/^(?:could|would|should|can|may|might|must|will|is|are|was|were|has|have|had)\b/iu.test(content)) return 'a predicate without its subject';
  // "in a statement on Tuesday that …": the channel belongs before the content.
  if (/^(?:in|on|at|via)\s[^,]*?\sthat\s/iu.test(content)) return 'a channel before the clause';
  if (/^(?:[Tt]he\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,4}[.,]?$/u.test(content.trim())) return 'a bare name';
  return null;
}

/** Why a cue does not name an act of saying, or null; a negated cue must be flagged `negated`. */
export function cueProblem(cue: string, negated: boolean): string | null {
  if (!/(?:^|\s)\p{Ll}|:/u.test(cue) && !/^(?:according|said|says|asked|added)\b/iu.test(cue)) return 'a name, not a word of saying';
  if (!negated && /\b(?:not|never)\b|n[’']t\b/iu.test(cue)) return 'says that nothing was said, unflagged';
  return null;
}

/** Every problem a careful reader would find in the quotes of an analysis, one line each. */
export function quoteProblems(analysis: Analysis): string[] {
  const texts = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  const problems: string[] = [];
  for (const quote of analysis.quotes) {
    const text = texts.get(quote.doc) ?? '';
    const content = text.slice(quote.content.start, quote.content.end);
    const cue = quote.cue ? text.slice(quote.cue.start, quote.cue.end) : null;
    const speakerIs = quote.speaker.name === null ? null : speakerProblem(quote.speaker.name);
    const roleIs = quote.speaker.role === null ? null : speakerProblem(quote.speaker.role, true);
    const contentIs = contentProblem(content, quote.kind);
    const cueIs = cue === null ? null : cueProblem(cue, quote.negated);
    if (speakerIs) problems.push(`${quote.id}: speaker "${quote.speaker.name}" is ${speakerIs}`);
    if (roleIs) problems.push(`${quote.id}: role "${quote.speaker.role}" is ${roleIs}`);
    if (contentIs) problems.push(`${quote.id}: content "${content}" is ${contentIs}`);
    if (cueIs) problems.push(`${quote.id}: cue "${cue}" is ${cueIs}`);
  }
  return problems;
}
