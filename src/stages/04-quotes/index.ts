/**
 * Stage 4, quotes: who said what (placeholder until the attribution model lands).
 */
import { z } from 'zod';
import type { Quote } from '../../contract.js';
import type { Span } from '../../document.js';
import { defineDocumentStage } from '../../stage.js';

declare module '../../document.js' {
  interface StageResults {
    quotes: QuotesResult;
  }
}

/** A quote as the contract has it, minus the entity id (filled in once identities are known). */
export interface FoundQuote extends Omit<Quote, 'doc'> {
  /** The named mention the speaker resolves to (may be far from the quote, e.g. for "he said"). */
  speakerAntecedent: Span | null;
}

export interface QuotesResult {
  quotes: FoundQuote[];
}

export const quotesOptions = z.object({}).strict();

export const quotesStage = defineDocumentStage({
  name: 'quotes',
  summary: 'find direct, partial and indirect quotes with their cue, speaker, channel and relay',
  options: quotesOptions,
  run() {
    return { result: { quotes: [] } };
  },
});
