/**
 * Pairs quotation marks in a document: curly, straight, single and guillemets, nested quotes,
 * and quotes that run over several paragraphs by reopening the mark on each one. The labeller
 * sees one sentence at a time; this pass sees the whole text, so it is what joins a quote that a
 * sentence splitter cut in pieces, and what notices a quote that never closes.
 *
 * Apostrophes share their character with single closing quotes ("don’t", "Hamas’"), so a
 * single mark counts as a quote only at a word edge that an apostrophe cannot explain.
 */
import type { Span } from '../document.js';

export interface QuotedSpan extends Span {
  /** Inside the marks. */
  inner: Span;
  /** Double marks (“ ” " « » „) or single ones (‘ ’ ' ‹ ›). */
  double: boolean;
  /** False when the quote never closed; then `end` is the end of its last paragraph. */
  closed: boolean;
  /** Paragraph pieces for a quote that reopens its mark on each new paragraph. */
  pieces: Span[];
  /** How deep inside other quotes this one sits (0 for outermost). */
  depth: number;
}

export interface UnbalancedMark extends Span {
  kind: 'never-closed' | 'never-opened';
}

export interface MarkScan {
  quotes: QuotedSpan[];
  problems: UnbalancedMark[];
}

type Direction = 'open' | 'close' | null;

const OPEN_DOUBLE = new Set(['“', '«', '„']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const OPEN_SINGLE = new Set(['‘', '‹']);
const CLOSE_SINGLE = new Set(['’', '›']);

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function isSpaceOrStart(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{\u2014\u2013\-/]/u.test(ch);
}

/** Which way a mark at `i` faces, judged from its neighbours. */
function directionOf(text: string, i: number, double: boolean): Direction {
  const ch = text[i]!;
  const before = text[i - 1];
  const after = text[i + 1];
  if (double) {
    if (OPEN_DOUBLE.has(ch)) return 'open';
    // "”The council hid the figures …”": a closing mark typed where a quote opens (start of a line, before a word) opens it.
    if (CLOSE_DOUBLE.has(ch)) return isSpaceOrStart(before) && isWordChar(after) ? 'open' : 'close';
    // Straight double quote: opens after a space or opening punctuation, else closes.
    if (isSpaceOrStart(before) || before === '“' || before === '‘' || before === "'") return after === undefined || /\s/u.test(after) ? null : 'open';
    return 'close';
  }
  // Single marks: an apostrophe inside a word or after a plural s is not a quote, nor one
  // that starts a clitic split off by a tokenizer ("Obama 's", "we 're").
  if (isWordChar(before) && isWordChar(after)) return null;
  if (isSpaceOrStart(before) && /^(?:s|re|ve|ll|d|m)(?:\s|$)/iu.test(text.slice(i + 1, i + 4))) return null;
  if (OPEN_SINGLE.has(ch) || ch === "'") {
    if (isSpaceOrStart(before) || before === '“' || before === '"') return isWordChar(after) || after === '"' || after === '“' ? 'open' : null;
  }
  if (CLOSE_SINGLE.has(ch) || ch === "'") {
    if (isWordChar(after)) return null;
    // "Hamas’ attack" and "the Jones’ house": possessive after s, unless a single quote is open.
    return 'close';
  }
  return null;
}

interface Open {
  at: number;
  double: boolean;
  depth: number;
  pieces: Span[];
  pieceStart: number;
}

/**
 * Finds quoted spans in the kept paragraphs of a text. `paragraphs` must be in order; marks
 * outside them (in removed debris) are never looked at.
 */
export function scanQuoteMarks(text: string, paragraphs: readonly Span[]): MarkScan {
  const quotes: QuotedSpan[] = [];
  const problems: UnbalancedMark[] = [];
  let carried: Open | null = null;

  paragraphs.forEach((paragraph, index) => {
    const stack: Open[] = [];
    let i = paragraph.start;
    // A double quote left open by the previous paragraph continues here if this paragraph
    // reopens with a double mark; otherwise it never closed.
    if (carried) {
      const first = text.slice(paragraph.start, paragraph.end).search(/\S/u);
      const at = paragraph.start + Math.max(first, 0);
      const ch = text[at];
      if (ch !== undefined && (OPEN_DOUBLE.has(ch) || ch === '"')) {
        stack.push({ ...carried, pieceStart: at });
        i = at + 1;
      } else {
        closeUnclosed(carried, quotes, problems);
      }
      carried = null;
    }
    for (; i < paragraph.end; i++) {
      const ch = text[i]!;
      const double = OPEN_DOUBLE.has(ch) || CLOSE_DOUBLE.has(ch) || ch === '"';
      const single = OPEN_SINGLE.has(ch) || CLOSE_SINGLE.has(ch) || ch === "'";
      if (!double && !single) continue;
      const direction = directionOf(text, i, double);
      if (direction === null) continue;
      const top = stack[stack.length - 1];
      if (direction === 'close') {
        // Close the innermost open quote of the same kind; a stray single close is an apostrophe.
        const match = findOpen(stack, double);
        if (match < 0) {
          if (double && !(ch === '"' && top)) problems.push({ start: i, end: i + 1, kind: 'never-opened' });
          continue;
        }
        // Inner quotes left open inside the one that closes were apostrophes or mistakes.
        stack.length = match + 1;
        const open = stack.pop()!;
        const pieces = [...open.pieces, { start: open.pieceStart, end: i + 1 }];
        quotes.push({
          start: pieces[0]!.start,
          end: i + 1,
          inner: { start: pieces[0]!.start + 1, end: i },
          double,
          closed: true,
          pieces,
          depth: open.depth,
        });
      } else {
        // A straight double quote that could open while one is already open closes it instead.
        if (ch === '"' && top && top.double && text[top.at] === '"') {
          const open = stack.pop()!;
          const pieces = [...open.pieces, { start: open.pieceStart, end: i + 1 }];
          quotes.push({ start: pieces[0]!.start, end: i + 1, inner: { start: pieces[0]!.start + 1, end: i }, double: true, closed: true, pieces, depth: open.depth });
          continue;
        }
        stack.push({ at: i, double, depth: stack.length, pieces: [], pieceStart: i });
      }
    }
    // What is still open at the paragraph end: an outermost double quote may continue in the
    // next paragraph; single quotes left open were apostrophes.
    const outer = stack.find((open) => open.double);
    if (outer) {
      const next = paragraphs[index + 1];
      const pieces = [...outer.pieces, { start: outer.pieceStart, end: paragraph.end }];
      if (next) carried = { ...outer, pieces };
      else closeUnclosed({ ...outer, pieces }, quotes, problems);
    }
  });
  quotes.sort((a, b) => a.start - b.start || b.end - a.end);
  return { quotes, problems };
}

function findOpen(stack: readonly Open[], double: boolean): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.double === double) return k;
  return -1;
}

function closeUnclosed(open: Open, quotes: QuotedSpan[], problems: UnbalancedMark[]): void {
  const last = open.pieces[open.pieces.length - 1]!;
  const start = open.pieces[0]!.start;
  quotes.push({ start, end: last.end, inner: { start: start + 1, end: last.end }, double: open.double, closed: false, pieces: open.pieces, depth: open.depth });
  problems.push({ start, end: last.end, kind: 'never-closed' });
}
