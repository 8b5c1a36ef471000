/**
 * Stage 1, clean: marks scraped debris (navigation, counters, prompts, link blocks, adverts,
 * repeated paragraphs) as removed spans with a reason, and recovers the headline and the outlet
 * from plain text. It never rewrites the text: later stages skip the removed spans.
 *
 * The passes run in an order that lets each lean on the last: single-line rules first (they are
 * the surest), then blocks that extend them (teasers under a "Don't miss" header), then the
 * headline (which needs the debris before it marked), then copies, then the page's tail.
 */
import { z } from 'zod';
import type { RemovedSpan } from '../../contract.js';
import type { Message, Span } from '../../document.js';
import { defineDocumentStage } from '../../stage.js';
import { markDuplicates } from './duplicates.js';
import { splitLines } from './lines.js';
import { recoverOutlet, type Outlet } from './outlet.js';
import { markBlocks, markSingleLines, markTail, type Mark } from './rules.js';
import { recoverTitle } from './title.js';

declare module '../../document.js' {
  interface StageResults {
    clean: CleanResult;
  }
}

export interface CleanResult {
  /** Ordered, non-overlapping; one span per removed line. */
  removed: RemovedSpan[];
  /** The headline recovered from the text itself (first line, repeated headline, line after a breadcrumb). */
  title: Span | null;
  /** The outlet when the text names itself ("Express.co.uk has been told") or, failing that, the URL's host. */
  outlet: Outlet | null;
}

export type { Outlet };

export const cleanOptions = z
  .object({
    /** Mark later copies of repeated paragraphs. Default true. */
    duplicates: z.boolean().default(true),
  })
  .strict();

export type CleanOptions = z.infer<typeof cleanOptions>;

export const cleanStage = defineDocumentStage({
  name: 'clean',
  summary: 'mark navigation, counters, prompts, link blocks, adverts and repeated paragraphs as removed',
  options: cleanOptions,
  run(doc, options) {
    const { result, keptLines } = cleanText(doc.text, { title: doc.meta.title, titleSpan: doc.meta.titleSpan, url: doc.meta.url }, options);
    const messages: Message[] = [];
    if (keptLines === 0 && doc.text.trim() !== '') {
      messages.push({
        doc: doc.id,
        stage: 'clean',
        rule: 'clean/empty-after-cleaning',
        severity: 'warning',
        text: `Every line of the text was recognised as page debris (${result.removed.length} line(s) removed), so nothing is left to analyze; check that the input is an article.`,
      });
    }
    return { result, messages };
  },
});

export interface CleanInput {
  title?: string | null;
  titleSpan?: Span | null;
  url?: string | null;
}

/** The stage's work on a bare string, for tests and for callers without a document. */
export function cleanText(text: string, given: CleanInput = {}, options: Partial<CleanOptions> = {}): { result: CleanResult; keptLines: number } {
  const lines = splitLines(text);
  const marks: (Mark | null)[] = lines.map(() => null);

  markSingleLines(lines, marks);
  markBlocks(lines, marks);
  const title = recoverTitle(lines, marks, { title: given.title ?? null, titleSpan: given.titleSpan ?? null });
  const titleLines = new Set(lines.filter((line) => title && line.start <= title.start && title.end <= line.end).map((line) => line.index));
  if (options.duplicates !== false) markDuplicates(lines, marks, titleLines);
  markTail(lines, marks);

  const removed: RemovedSpan[] = [];
  for (const line of lines) {
    const mark = marks[line.index];
    if (!mark || titleLines.has(line.index)) continue;
    removed.push({ start: line.start, end: line.end, reason: mark.reason, rule: mark.rule, ...(mark.duplicateOf ? { duplicateOf: mark.duplicateOf } : {}) });
  }
  const outlet = recoverOutlet(text, lines, marks, given.url ?? null);
  return { result: { removed, title, outlet }, keptLines: lines.length - removed.length };
}
