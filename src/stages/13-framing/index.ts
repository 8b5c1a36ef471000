/**
 * Stage 13, framing: loaded terms with their target and voice, the labels each outlet gives an
 * actor, and per-outlet figures (attribution, hedging, opinion, who is quoted, tone). Logic in
 * src/framing.
 */
import { z } from 'zod';
import type { Framing } from '../../contract.js';
import { defineCorpusStage } from '../../stage.js';

declare module '../../stage.js' {
  interface CorpusResults {
    framing: Framing;
  }
}

export const framingOptions = z.object({}).strict();

export const framingStage = defineCorpusStage({
  name: 'framing',
  summary: 'loaded terms with target and voice, actor labels and figures per outlet',
  options: framingOptions,
  run() {
    return { result: { terms: [], labels: [], outlets: [] } };
  },
});
