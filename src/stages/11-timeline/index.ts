/**
 * Stage 11, timeline: date expressions normalised to ISO dates or ranges with a precision, the
 * events they govern merged across outlets, and each document's dating. Logic in src/timeline.
 */
import { z } from 'zod';
import type { DocumentDating, TimelineItem } from '../../contract.js';
import { defineCorpusStage } from '../../stage.js';

declare module '../../stage.js' {
  interface CorpusResults {
    timeline: TimelineResult;
  }
}

export interface TimelineResult {
  items: TimelineItem[];
  dating: DocumentDating[];
}

export const timelineOptions = z.object({}).strict();

export const timelineStage = defineCorpusStage({
  name: 'timeline',
  summary: 'date expressions normalised, events dated and merged across outlets',
  options: timelineOptions,
  run() {
    return { result: { items: [], dating: [] } };
  },
});
