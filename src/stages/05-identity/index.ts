/**
 * Stage 5, identity: one entity per real actor across all documents, with every mention, the
 * roles and affiliations the texts give it (with evidence) and its mention count per document.
 * The linking rules live in src/identity/resolve.ts.
 */
import { z } from 'zod';
import type { Entity } from '../../contract.js';
import type { Span } from '../../document.js';
import { resolveEntities } from '../../identity/resolve.js';
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
  run(docs) {
    return { result: { entities: resolveEntities(docs) } };
  },
});

/**
 * The id of the entity mentioned at `span` of document `doc`: the mention that overlaps it
 * most (a speaker span "the Chechen leader" finds the role mention, not the demonym inside it),
 * or null when no mention overlaps.
 *
 * @example entityAt(result.entities, 'doc-1', { start: 120, end: 134 }) // 'person-ramzan-kadyrov'
 */
export function entityAt(entities: readonly Entity[], doc: string, span: Span): string | null {
  let best: string | null = null;
  let bestOverlap = 0;
  let bestExtra = Infinity;
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      if (mention.doc !== doc) continue;
      const overlap = Math.min(mention.end, span.end) - Math.max(mention.start, span.start);
      if (overlap <= 0) continue;
      const extra = mention.end - mention.start - overlap;
      if (overlap > bestOverlap || (overlap === bestOverlap && extra < bestExtra)) {
        best = entity.id;
        bestOverlap = overlap;
        bestExtra = extra;
      }
    }
  }
  return best;
}
