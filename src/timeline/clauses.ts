/**
 * The clause a date governs, and the tense around it. A date belongs to the clause it sits in,
 * not to its whole sentence: in "X happened on Monday, while Y had begun a year earlier" Monday
 * dates X only. Clauses are cut at strong punctuation and at a comma before a conjunction or a
 * relative word; a comma after an opening adverbial ("On 9 October, ...") does not cut.
 */
import type { Span } from '../document.js';

// Each whitespace run is tried from its start only (the lookbehind), so a long run costs one pass.
const BOUNDARY = /[;:]\s+|(?<=\S)\s+[-–—]\s+|,\s+(?=(?:and|but|while|which|who|whereas|although|though|because|where|so|yet|as)\b)|(?<=\S)\s+(?=(?:while|whereas|although|though|because)\s)/g;

/** Words a clause needs besides its date to say what happened; shorter pieces join their neighbour. */
const MIN_WORDS = 3;

/** The clause of `sentence` (offsets into `text`) holding `date`, without edge punctuation. */
export function clauseOf(text: string, sentence: Span, date: Span): Span {
  const words = text.slice(sentence.start, sentence.end);
  const cuts = [0];
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(words); match; match = BOUNDARY.exec(words)) cuts.push(match.index, match.index + match[0].length);
  cuts.push(words.length);
  const pieces: Span[] = [];
  for (let index = 0; index + 1 < cuts.length; index += 2) pieces.push({ start: sentence.start + cuts[index]!, end: sentence.start + cuts[index + 1]! });
  let at = pieces.findIndex((piece) => date.start < piece.end && piece.start < date.end);
  if (at < 0) return trimmed(text, { start: Math.min(date.start, sentence.start), end: Math.max(date.end, sentence.end) }, date);
  let clause = { start: Math.min(pieces[at]!.start, date.start), end: Math.max(pieces[at]!.end, date.end) };
  // A date that straddles a cut ("3 – 5 March") spans its pieces.
  while (at + 1 < pieces.length && pieces[at + 1]!.start < date.end) clause = { start: clause.start, end: pieces[++at]!.end };
  const wordsBesides = (span: Span) => countWords(text.slice(span.start, date.start)) + countWords(text.slice(date.end, span.end));
  if (wordsBesides(clause) < MIN_WORDS && at + 1 < pieces.length) clause = { start: clause.start, end: pieces[at + 1]!.end };
  else if (wordsBesides(clause) < MIN_WORDS && at > 0) clause = { start: pieces[at - 1]!.start, end: clause.end };
  return trimmed(text, clause, date);
}

function countWords(words: string): number {
  return words.match(/\p{L}+/gu)?.length ?? 0;
}

const EDGE = new Set([...' \t\n\r\u00a0,;:“”"‘’\'()[]—–-']);

/** The span without spaces, quotation marks and punctuation at its edges, never cutting into the date. */
function trimmed(text: string, span: Span, date: Span): Span {
  let { start, end } = span;
  while (start < date.start && EDGE.has(text[start]!)) start += 1;
  while (end > date.end && EDGE.has(text[end - 1]!)) end -= 1;
  return { start, end };
}

/**
 * Words that put a clause in the future: a plan, a promise or a forecast ("will be known on
 * Thursday", "is due to visit", "would deliver by the evening" in reported speech, "could reach the towns by the weekend").
 */
const FUTURE = /\b(?:will|shall|won[’']t|going to|(?:is|are|was|were) (?:due|set|expected|scheduled|planning|poised) to|plans? to|intends? to|(?:would|could|may|might)(?! have| not)|upcoming)\b|[’']ll\b/i;

/** The tense of the verb a date goes with: the clause up to the date, and after it up to a subordinate "that" ("warned on Wednesday that the ban could last"). */
export function tenseOf(text: string, clause: Span, date: Span): 'past' | 'future' {
  const after = text.slice(date.end, clause.end);
  const own = /\b(?:that|which|who)\b|,/.exec(after);
  return FUTURE.test(text.slice(clause.start, date.start) + ' ' + after.slice(0, own ? own.index : after.length)) ? 'future' : 'past';
}
