/**
 * Stage 7, copies (corpus): syndicated and near-duplicate articles and passages shared between
 * articles, each pair with its verified shared passages. Copies are linked, never dropped. The
 * matching lives in src/copies (thresholds documented in src/copies/find.ts).
 */
import { z } from 'zod';
import type { Copy } from '../../contract.js';
import { COPY_DEFAULTS, findCopies } from '../../copies/find.js';
import { defineCorpusStage } from '../../stage.js';

declare module '../../stage.js' {
  interface CorpusResults {
    copies: CopiesResult;
  }
}

export interface CopiesResult {
  copies: Copy[];
}

const share = z.number().min(0).max(1);

export const copiesOptions = z
  .object({
    /** Shortest shared run, in words, that counts toward the overlap. */
    minRunWords: z.number().int().min(5).default(COPY_DEFAULTS.minRunWords),
    /** Shortest shared passage, in words, that links two otherwise different articles. */
    minPassageWords: z.number().int().min(5).default(COPY_DEFAULTS.minPassageWords),
    /** Share of both articles' words that makes a duplicate. */
    duplicate: share.default(COPY_DEFAULTS.duplicate),
    /** Share of the shorter article's words that makes a near-duplicate. */
    nearDuplicate: share.default(COPY_DEFAULTS.nearDuplicate),
  })
  .strict();

export const copiesStage = defineCorpusStage({
  name: 'copies',
  summary: 'link syndicated copies, near-duplicates and shared passages between articles',
  options: copiesOptions,
  run(docs, options) {
    const { copies, messages } = findCopies(docs, options);
    return { result: { copies }, messages };
  },
});
