/**
 * Stage 2, segment: paragraphs, sentences and word tokens over the text that cleaning kept.
 * Removed debris is cut out before anything is split, so no sentence can reach into a menu or a
 * repeated paragraph, and every later stage that walks sentences sees only the story.
 *
 * It is also where absurd inputs are bounded, since every later stage works sentence by
 * sentence: a "sentence" longer than `maxSentenceLength` characters (a table or a dump without
 * full stops) is cut at spaces into pieces, and a document with more than `maxSentences`
 * sentences is analysed up to that many; each is a warning on the document saying where.
 */
import { z } from 'zod';
import type { Message, Span } from '../../document.js';
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

/** The longest news sentences run to a few hundred characters; past this, a text has no full stops. */
export const MAX_SENTENCE_LENGTH = 5_000;
/** About 2 million words: far beyond any article, yet analysed in a few minutes. */
export const MAX_SENTENCES = 100_000;

export const segmentOptions = z
  .object({
    /** Longer sentences are cut at spaces into pieces of at most this many characters. Default 5,000. */
    maxSentenceLength: z.number().int().min(100).default(MAX_SENTENCE_LENGTH),
    /** Sentences after this many are not analysed (a warning says so). Default 100,000. */
    maxSentences: z.number().int().min(1).default(MAX_SENTENCES),
  })
  .strict();

export type SegmentLimits = z.infer<typeof segmentOptions>;

export const segmentStage = defineDocumentStage({
  name: 'segment',
  summary: 'split the kept text into paragraphs, sentences and tokens',
  options: segmentOptions,
  run(doc, options) {
    const { result, cut, dropped } = segmentWithLimits(doc.text, doc.results.clean?.removed ?? [], options);
    const messages: Message[] = [];
    if (cut) {
      const what =
        cut.sentences === 1
          ? `A sentence of ${count(cut.longest, 'character')} was`
          : `${count(cut.sentences, 'sentence')} longer than ${count(options.maxSentenceLength, 'character')} (the longest has ${cut.longest.toLocaleString('en')}) were`;
      messages.push({
        doc: doc.id,
        stage: 'segment',
        rule: 'segment/long-sentence',
        severity: 'warning',
        text:
          `${what} cut at spaces into pieces of at most ${count(options.maxSentenceLength, 'character')}: the text has too few full stops to be read ` +
          'as sentences, so a name or a quote across a cut may be missed.',
        start: cut.first.start,
        end: cut.first.end,
      });
    }
    if (dropped) {
      messages.push({
        doc: doc.id,
        stage: 'segment',
        rule: 'segment/too-many-sentences',
        severity: 'warning',
        text:
          `This document has ${count(result.sentences.length + dropped.sentences, 'sentence')}, more than the ${options.maxSentences.toLocaleString('en')} analysed ` +
          `in one document: the last ${count(dropped.sentences, 'sentence')}, from here on, were not analysed. Give long texts as separate articles (one file or JSON Lines record each).`,
        start: dropped.from.start,
        end: dropped.from.end,
      });
    }
    return { result, messages };
  },
});

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The stage's work on a bare string and its removed spans (any order), for tests and tools. */
export function segmentText(text: string, removed: readonly Span[] = [], limits: Partial<SegmentLimits> = {}): SegmentResult {
  return segmentWithLimits(text, removed, { maxSentenceLength: MAX_SENTENCE_LENGTH, maxSentences: MAX_SENTENCES, ...limits }).result;
}

interface Bounded {
  result: SegmentResult;
  /** Sentences cut into pieces: how many, the length of the longest, and the first one. */
  cut: { sentences: number; longest: number; first: Span } | null;
  /** Sentences past the limit: how many, and the span from the first of them to the end of the last. */
  dropped: { sentences: number; from: Span } | null;
}

function segmentWithLimits(text: string, removed: readonly Span[], limits: SegmentLimits): Bounded {
  const paragraphs = keptParagraphs(text, removed);
  const sentences: Sentence[] = [];
  let cut: Bounded['cut'] = null;
  let dropped: Bounded['dropped'] = null;
  for (const paragraph of paragraphs) {
    const spans = splitSentences(text, paragraph.start, paragraph.end);
    const alone = spans.length === 1;
    for (const span of spans) {
      if (span.end - span.start > limits.maxSentenceLength) {
        cut ??= { sentences: 0, longest: 0, first: span };
        cut.sentences += 1;
        cut.longest = Math.max(cut.longest, span.end - span.start);
      }
      for (const piece of span.end - span.start > limits.maxSentenceLength ? pieces(text, span, limits.maxSentenceLength) : [span]) {
        if (sentences.length >= limits.maxSentences) {
          dropped ??= { sentences: 0, from: piece };
          dropped.sentences += 1;
          dropped.from = { start: dropped.from.start, end: piece.end };
          continue;
        }
        const sentence: Sentence = { start: piece.start, end: piece.end, tokens: tokenize(text, piece.start, piece.end) };
        if (alone && piece === span && !FINAL_PUNCTUATION.test(text.slice(Math.max(span.start, span.end - 4), span.end))) sentence.headline = true;
        sentences.push(sentence);
      }
    }
  }
  // Paragraphs stop where the analysed sentences do.
  const last = sentences[sentences.length - 1];
  const kept = dropped && last ? paragraphs.filter((paragraph) => paragraph.start < last.end).map((paragraph) => (paragraph.end > last.end ? { start: paragraph.start, end: last.end } : paragraph)) : paragraphs;
  return { result: { paragraphs: kept, sentences }, cut, dropped };
}

/** `span` in pieces of at most `length` characters, cut after the last space before each limit. */
function pieces(text: string, span: Span, length: number): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > length) {
    let end = start + length;
    while (end > start + length / 2 && !/\s/u.test(text[end - 1]!)) end -= 1;
    // No space in the second half: cut at the limit, but never between the halves of a surrogate pair.
    if (end <= start + length / 2) end = start + length - (isHighSurrogate(text.charCodeAt(start + length - 1)) ? 1 : 0);
    const piece = trim(text, start, end);
    if (piece) out.push(piece);
    start = end;
  }
  const rest = trim(text, start, span.end);
  if (rest) out.push(rest);
  return out;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
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
