/**
 * Plain text carries its headline only as a line near the top, often behind navigation debris
 * (a breadcrumb that ends with the headline, a tag list, share counters) and sometimes printed
 * twice. This module finds that line, marks the copies, and marks the labels standing before it.
 */
import type { Span } from '../../document.js';
import { comparisonKey, endsLikeSentence, isHeadlineLike, isLabelLike, normalizeForComparison, type Line } from './lines.js';
import { DATELINE } from './outlet.js';
import type { Mark } from './rules.js';

/** The header is short: a headline that comes later than this is not recovered. */
const HEADER_LINES = 10;

export interface GivenTitle {
  title: string | null;
  titleSpan: Span | null;
}

export function recoverTitle(lines: readonly Line[], marks: (Mark | null)[], given: GivenTitle): Span | null {
  const header = headerLines(lines, marks);
  let titleLine: Line | null = null;
  let title: Span | null = null;

  if (given.titleSpan) {
    title = given.titleSpan;
    titleLine = lines.find((line) => line.start <= given.titleSpan!.start && given.titleSpan!.end <= line.end) ?? null;
  } else if (given.title) {
    const wanted = normalizeForComparison(given.title);
    // A title of no letters or digits matches no line (a line of marks has the same empty key).
    titleLine = wanted ? (lines.slice(0, HEADER_LINES * 2).find((line) => !marks[line.index] && comparisonKey(line) === wanted) ?? null) : null;
  } else {
    titleLine = afterBreadcrumb(header, marks) ?? repeatedAfterLabels(header, marks, lines) ?? firstHeadline(lines, marks);
  }
  if (!titleLine) return title;
  title ??= { start: titleLine.start, end: titleLine.end };

  // Labels before the headline (a tag list, a section name) belong to the page, not the story.
  for (const line of header) {
    if (line.index >= titleLine.index) break;
    if (!marks[line.index] && (isHeadlineLike(line) || isLabelLike(line)) && !endsLikeSentence(line.text)) {
      marks[line.index] = { reason: 'navigation', rule: 'clean/header-debris' };
    }
  }

  const wanted = comparisonKey(titleLine);
  for (const line of lines) {
    if (line.index === titleLine.index || marks[line.index]) continue;
    if (comparisonKey(line) === wanted) {
      marks[line.index] = { reason: 'repeated-title', rule: 'clean/repeated-title', duplicateOf: title };
    }
  }
  return title;
}

/** The lines before the first one that reads like the story's body, at most HEADER_LINES. */
function headerLines(lines: readonly Line[], marks: readonly (Mark | null)[]): Line[] {
  const header: Line[] = [];
  for (const line of lines) {
    if (header.length >= HEADER_LINES) break;
    if (!marks[line.index] && isBodyLine(line)) break;
    header.push(line);
  }
  return header;
}

function isBodyLine(line: Line): boolean {
  return line.words > 30 || (line.words >= 8 && endsLikeSentence(line.text));
}

/** "Home » Blog » <headline>" followed by the headline on its own line. */
function afterBreadcrumb(header: readonly Line[], marks: readonly (Mark | null)[]): Line | null {
  for (const crumb of header) {
    if (marks[crumb.index]?.reason !== 'breadcrumb') continue;
    const segments = crumb.text.split(/\s*(?:»|›|>|\||\/)\s*/u).filter(Boolean);
    const last = segments[segments.length - 1];
    if (!last || segments.length < 2) continue;
    const truncated = /(?:\.\.\.|…)$/u.test(last);
    const wanted = normalizeForComparison(last);
    if (!wanted) continue;
    for (const line of header) {
      if (line.index <= crumb.index || marks[line.index]) continue;
      const seen = comparisonKey(line);
      if (seen === wanted || (truncated && seen.startsWith(wanted))) return line;
    }
  }
  return null;
}

/** A headline printed twice, after a label line such as a tag list: "World Politics" / title / title. */
function repeatedAfterLabels(header: readonly Line[], marks: readonly (Mark | null)[], lines: readonly Line[]): Line | null {
  const unmarked = header.filter((line) => !marks[line.index]);
  for (const [position, line] of unmarked.entries()) {
    if (!isHeadlineLike(line)) return null;
    const wanted = comparisonKey(line);
    const repeated = lines.some((other) => other.index > line.index && other.index <= line.index + HEADER_LINES && comparisonKey(other) === wanted);
    if (repeated) return position === 0 || unmarked.slice(0, position).every(isLabelLike) ? line : null;
    if (!isLabelLike(line)) return null;
  }
  return null;
}

/**
 * The first line that is not debris, when it stands like a headline (a story may start with a
 * sentence instead). Some exports end every headline with a full stop (PolNeAR does); such a line
 * is still a headline when it is in Title Case, or when it is one short sentence followed by a
 * dateline ("DALLAS (AP) —") or by a much longer first paragraph, in the terse grammar of headlines.
 */
function firstHeadline(lines: readonly Line[], marks: readonly (Mark | null)[]): Line | null {
  const unmarked = lines.slice(0, HEADER_LINES).filter((line) => !marks[line.index]);
  const first = unmarked[0];
  if (!first) return null;
  if (isHeadlineLike(first) && !endsLikeSentence(first.text)) return first;
  if (first.words < 3 || !endsLikeSentence(first.text) || /(?:\.\.\.|…)["'”’]?$/u.test(first.text)) return null;
  if (first.words <= TITLE_CASE_WORDS && isTitleCase(first.text)) return first;
  const next = unmarked[1];
  if (!next || first.words > HEADLINE_WORDS || !/\.["'”’]?$/u.test(first.text) || !isOneSentence(first.text) || DATELINE.test(first.text)) return null;
  if (DATELINE.test(next.text)) return first;
  return isBodyLine(next) && next.words >= 2 * first.words && readsLikeHeadline(first.text) ? first : null;
}

/** Headlines are short; a longer first line is the story's opening sentence. */
const HEADLINE_WORDS = 20;
/** Title Case is itself a headline's mark, so a longer line may still be one. */
const TITLE_CASE_WORDS = 30;

/** Abbreviations whose full stop ends no sentence ("Dr. Ben Carson", "U.N. envoy", "Roe v. Wade"). */
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}|(?:\p{L}\.)+\p{L}|Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|St|Jr|Sr|Mt|No|vs|Inc|Corp|Co|Ltd)$/u;

/** No sentence ends inside the line: a stop followed by a capital starts another sentence. */
function isOneSentence(text: string): boolean {
  const inner = /[.!?]["'”’)]*\s+["'“‘(]*\p{Lu}/gu;
  const body = text.slice(0, -1);
  for (let match = inner.exec(body); match; match = inner.exec(body)) {
    if (!(body[match.index] === '.' && ABBREVIATION.test(body.slice(0, match.index)))) return false;
  }
  return true;
}

/** Articles and auxiliaries that headline grammar drops ("Mayor backs inquiry", not "The mayor has backed an inquiry"). */
const FULL_GRAMMAR = /^(?:a|an|the|is|are|was|were|has|have|had|been)$/iu;

/**
 * A headline, not an opening sentence: it does not start with an article or a quotation mark,
 * says neither "said" nor "on Monday" (a headline speaks in the present, and the day belongs to
 * the first paragraph) and uses few articles and auxiliaries. Three or more
 * of those are in 5% of PolNeAR's headlines and in half of the short opening lines of
 * headline-less bodies.
 */
function readsLikeHeadline(text: string): boolean {
  if (/^(?:(?:an?|the)\s|["“])/iu.test(text) || /\bsaid\b|\b(?:on|last|this) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/u.test(text)) return false;
  const grammar = text.split(/\s+/u).filter((word) => FULL_GRAMMAR.test(word.replace(/[^\p{L}]/gu, ''))).length;
  return grammar < 3;
}

/** Every word of four letters or more starts with a capital, as in "Mayor Backs Dam Inquiry". */
function isTitleCase(text: string): boolean {
  const long = text.split(/\s+/u).filter((word) => /^\P{L}*\p{L}{4,}/u.test(word));
  return long.length >= 2 && long.every((word) => /^\P{L}*\p{Lu}/u.test(word));
}
