/**
 * Plain text carries its headline only as a line near the top, often behind navigation debris
 * (a breadcrumb that ends with the headline, a tag list, share counters) and sometimes printed
 * twice. This module finds that line, marks the copies, and marks the labels standing before it.
 */
import type { Span } from '../../document.js';
import { comparisonKey, endsLikeSentence, isHeadlineLike, isLabelLike, normalizeForComparison, type Line } from './lines.js';
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
    titleLine = lines.slice(0, HEADER_LINES * 2).find((line) => !marks[line.index] && comparisonKey(line) === wanted) ?? null;
  } else {
    titleLine = afterBreadcrumb(header, marks) ?? repeatedAfterLabels(header, marks, lines) ?? firstHeadline(header, marks);
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

/** The first line that is not debris, when it stands like a headline (a story may start with a sentence instead). */
function firstHeadline(header: readonly Line[], marks: readonly (Mark | null)[]): Line | null {
  const first = header.find((line) => !marks[line.index]);
  if (!first) return null;
  if (isHeadlineLike(first) && !endsLikeSentence(first.text)) return first;
  // Some exports end every headline with a full stop; a Title Case line is still a headline.
  return first.words >= 3 && first.words <= 20 && /\.$/u.test(first.text) && isTitleCase(first.text) ? first : null;
}

/** Every word of four letters or more starts with a capital, as in "Mayor Backs Dam Inquiry". */
function isTitleCase(text: string): boolean {
  const long = text.split(/\s+/u).filter((word) => /^\P{L}*\p{L}{4,}/u.test(word));
  return long.length >= 2 && long.every((word) => /^\P{L}*\p{Lu}/u.test(word));
}
