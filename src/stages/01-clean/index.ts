/**
 * Stage 1, clean: marks scraped debris (navigation, counters, prompts, link blocks, adverts,
 * repeated paragraphs) as removed spans with a reason. It never rewrites the text.
 */
import { z } from 'zod';
import type { RemovedSpan } from '../../contract.js';
import type { Span } from '../../document.js';
import { defineDocumentStage } from '../../stage.js';

declare module '../../document.js' {
  interface StageResults {
    clean: CleanResult;
  }
}

export interface CleanResult {
  /** Ordered, non-overlapping. */
  removed: RemovedSpan[];
  /** The headline recovered from the text itself (first line, repeated headline, line after a breadcrumb). */
  title: Span | null;
  /** The outlet when the text names itself ("Express.co.uk has been told"). */
  outlet: { name: string; span: Span } | null;
}

export const cleanOptions = z.object({}).strict();

export const cleanStage = defineDocumentStage({
  name: 'clean',
  summary: 'mark navigation, counters, prompts, link blocks, adverts and repeated paragraphs as removed',
  options: cleanOptions,
  run() {
    return { result: { removed: [], title: null, outlet: null } };
  },
});
