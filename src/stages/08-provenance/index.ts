/**
 * Stage 8, provenance (corpus): for each document, the sources it cites or relays (agencies,
 * outlets, official channels, platforms, documents, unnamed sources), each with the words that
 * cite it, its relation and its entity. A corpus stage because cited names resolve to the
 * entities of the identity stage and the run's own outlets are known only across documents.
 * The patterns and the lexicon live in src/provenance.
 */
import { z } from 'zod';
import type { Provenance } from '../../contract.js';
import { findCorpusProvenance } from '../../provenance/find.js';
import { defineCorpusStage } from '../../stage.js';

declare module '../../stage.js' {
  interface CorpusResults {
    provenance: ProvenanceResult;
  }
}

export interface ProvenanceResult {
  provenance: Provenance[];
}

export const provenanceOptions = z.object({}).strict();

export const provenanceStage = defineCorpusStage({
  name: 'provenance',
  summary: 'find the sources each article cites or relays: agencies, outlets, officials, platforms, documents, unnamed sources',
  options: provenanceOptions,
  run(docs, _options, earlier) {
    return { result: { provenance: findCorpusProvenance(docs, earlier.identity?.entities ?? []) } };
  },
});
