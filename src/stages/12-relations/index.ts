/**
 * Stage 12, relations: who does what to whom (supports, condemns, meets, arms...), each mapped to
 * its CAMEO code, merged across outlets with their evidence. Logic in src/relations.
 */
import { z } from 'zod';
import type { Relation } from '../../contract.js';
import { defineCorpusStage } from '../../stage.js';

declare module '../../stage.js' {
  interface CorpusResults {
    relations: RelationsResult;
  }
}

export interface RelationsResult {
  relations: Relation[];
}

export const relationsOptions = z.object({}).strict();

export const relationsStage = defineCorpusStage({
  name: 'relations',
  summary: 'who does what to whom, with CAMEO codes, negation and hedging',
  options: relationsOptions,
  run() {
    return { result: { relations: [] } };
  },
});
