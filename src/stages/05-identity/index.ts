/**
 * Stage 5, identity: one entity per real actor across all documents (placeholder).
 */
import { z } from 'zod';
import type { Entity } from '../../contract.js';
import { defineCorpusStage } from '../../stage.js';

declare module '../../stage.js' {
  interface CorpusResults {
    identity: IdentityResult;
  }
}

export interface IdentityResult {
  entities: Entity[];
}

export const identityOptions = z.object({}).strict();

export const identityStage = defineCorpusStage({
  name: 'identity',
  summary: 'link mentions across documents to one entity per actor',
  options: identityOptions,
  run() {
    return { result: { entities: [] } };
  },
});
