/**
 * Scraped text arrives as lines: a paragraph, a menu, a counter or a prompt each sit on their own
 * line. Cleaning therefore decides line by line, and this module gives each non-blank line its
 * trimmed span and a few cheap shape facts that several rules share.
 */
import type { Span } from '../../document.js';

export interface Line extends Span {
  /** Position among the non-blank lines. */
  index: number;
  text: string;
  words: number;
  /** Cache of `comparisonKey`. */
  key?: string;
}

const BLANK = /^\s*$/;

/** The non-blank lines of `text`, each trimmed of surrounding white space (\n, \r\n or \r breaks). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n|\u2028|\u2029/g;
  let from = 0;
  for (;;) {
    const match = breaks.exec(text);
    const to = match ? match.index : text.length;
    const raw = text.slice(from, to);
    if (!BLANK.test(raw)) {
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      lines.push({ start: from + lead, end: from + lead + body.length, index: lines.length, text: body, words: countWords(body) });
    }
    if (!match) break;
    from = match.index + match[0].length;
  }
  return lines;
}

/** White-space separated chunks: rules only compare word counts against rough thresholds. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const space = code === 32 || code === 9 || code === 160 || code === 0x202f;
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}

/** Ends like a sentence: a full stop, question or exclamation mark, maybe inside closing quotes. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…]["'”’»)\]]*$/u.test(text);
}

/**
 * A short line that stands alone without sentence punctuation: a headline, a teaser title,
 * a menu entry or a label.
 */
export function isHeadlineLike(line: Line): boolean {
  if (line.words < 2 || line.words > 25 || line.text.length > 220) return false;
  if (!/\p{L}/u.test(line.text)) return false;
  // A truncated teaser ("Violence in Middle Eas...") or a lead-in ("He said:") is not a headline.
  if (/(?:\.\.\.|…|[.,;:])$/u.test(line.text)) return false;
  return true;
}

/** A line whose every word is capitalised, without function words: a tag list or a menu. */
export function isLabelLike(line: Line): boolean {
  if (line.words > 10 || /[.!?,;:"“”]/u.test(line.text)) return false;
  const words = line.text.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
  return words.length > 0 && words.every((word) => /^[\p{Lu}\p{N}]/u.test(word));
}

/** Letters and digits only, lower-cased, one space between words: what "the same paragraph" means. */
export function normalizeForComparison(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** `normalizeForComparison` of a line, computed once: title and duplicate passes both compare lines. */
export function comparisonKey(line: Line): string {
  line.key ??= normalizeForComparison(line.text);
  return line.key;
}
