/**
 * Stage 2, segment: paragraphs, sentences and word tokens over the text that cleaning kept.
 * Removed debris is cut out before anything is split, so no sentence can reach into a menu or a
 * repeated paragraph, and every later stage that walks sentences sees only the story.
 */
import { z } from 'zod';
import type { Span } from '../../document.js';
import { defineDocumentStage } from '../../stage.js';
import { splitSentences } from '../../text/sentences.js';
import { tokenize, type Token } from '../../text/tokens.js';

declare module '../../document.js' {
  interface StageResults {
    segment: SegmentResult;
  }
}

export interface Sentence extends Span {
  tokens: Token[];
  /** A headline or other line that stands alone without final punctuation. */
  headline?: boolean;
}

export interface SegmentResult {
  /** Kept paragraphs (blocks separated by a blank line or a line break), in order. */
  paragraphs: Span[];
  /** Kept sentences, in order; none overlaps a removed span. */
  sentences: Sentence[];
}

export const segmentOptions = z.object({}).strict();

export const segmentStage = defineDocumentStage({
  name: 'segment',
  summary: 'split the kept text into paragraphs, sentences and tokens',
  options: segmentOptions,
  run(doc) {
    return { result: segmentText(doc.text, doc.results.clean?.removed ?? []) };
  },
});

/** The stage's work on a bare string and its removed spans (any order), for tests and tools. */
export function segmentText(text: string, removed: readonly Span[] = []): SegmentResult {
  const paragraphs = keptParagraphs(text, removed);
  const sentences: Sentence[] = [];
  for (const paragraph of paragraphs) {
    const spans = splitSentences(text, paragraph.start, paragraph.end);
    const alone = spans.length === 1;
    for (const span of spans) {
      const sentence: Sentence = { start: span.start, end: span.end, tokens: tokenize(text, span.start, span.end) };
      if (alone && !FINAL_PUNCTUATION.test(text.slice(Math.max(span.start, span.end - 4), span.end))) sentence.headline = true;
      sentences.push(sentence);
    }
  }
  return { paragraphs, sentences };
}

/** Ends with a sentence mark, a lead-in colon or a trailing comma, maybe inside closing quotes. */
const FINAL_PUNCTUATION = /[.!?…:;,]["'”’»)\]]*$/u;

/**
 * Each line is a paragraph, except that a line which stops mid-sentence and is followed by a
 * line starting in lower case continues it (hard-wrapped text). Removed spans cut paragraphs.
 */
export function keptParagraphs(text: string, removed: readonly Span[]): Span[] {
  const cuts = [...removed].sort((a, b) => a.start - b.start);
  const blocks: Span[] = [];
  const lineBreak = /\r\n|\r|\n|\u2028|\u2029/g;
  let from = 0;
  let block: Span | null = null;
  for (;;) {
    const match = lineBreak.exec(text);
    const to = match ? match.index : text.length;
    const line = trim(text, from, to);
    if (line) {
      if (block && continuesParagraph(text, block, line)) block.end = line.end;
      else {
        if (block) blocks.push(block);
        block = line;
      }
    } else if (block) {
      blocks.push(block);
      block = null;
    }
    if (!match) break;
    from = match.index + match[0].length;
  }
  if (block) blocks.push(block);
  return cuts.length === 0 ? blocks : subtract(text, blocks, cuts);
}

function continuesParagraph(text: string, block: Span, line: Span): boolean {
  const last = text[block.end - 1] ?? '';
  return !/[.!?…:;"'”’»)\]]/u.test(last) && /^\p{Ll}/u.test(text[line.start] ?? '');
}

/** The parts of each block outside the removed spans, trimmed; blocks and cuts are sorted. */
function subtract(text: string, blocks: readonly Span[], cuts: readonly Span[]): Span[] {
  const kept: Span[] = [];
  let cut = 0;
  for (const block of blocks) {
    while (cut < cuts.length && cuts[cut]!.end <= block.start) cut += 1;
    let from = block.start;
    for (let next = cut; next < cuts.length && cuts[next]!.start < block.end; next += 1) {
      const piece = trim(text, from, Math.min(cuts[next]!.start, block.end));
      if (piece) kept.push(piece);
      from = Math.max(from, cuts[next]!.end);
    }
    const rest = trim(text, from, block.end);
    if (rest && from < block.end) kept.push(rest);
  }
  return kept;
}

function trim(text: string, from: number, to: number): Span | null {
  let start = from;
  let end = to;
  while (start < end && /\s/u.test(text[start]!)) start += 1;
  while (end > start && /\s/u.test(text[end - 1]!)) end -= 1;
  return end > start ? { start, end } : null;
}
