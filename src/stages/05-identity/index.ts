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
import { SpanIndex } from '../../text/spans.js';

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

/** A mention of an entity, with the entity it belongs to. */
export interface LocatedMention extends Span {
  kind: Entity['mentions'][number]['kind'];
  entity: Entity;
}

/**
 * The entities' mentions filed by document and indexed by span, built once, so that asking who
 * is mentioned at a span costs a lookup instead of a scan of every entity (once per quote, that
 * scan made assembling a long document quadratic).
 */
export class EntityLocator {
  private readonly byDoc = new Map<string, SpanIndex<LocatedMention>>();

  constructor(entities: readonly Entity[]) {
    const lists = new Map<string, LocatedMention[]>();
    for (const entity of entities) {
      for (const { doc, start, end, kind } of entity.mentions) {
        const list = lists.get(doc);
        const located = { start, end, kind, entity };
        if (list) list.push(located);
        else lists.set(doc, [located]);
      }
    }
    for (const [doc, list] of lists) this.byDoc.set(doc, new SpanIndex(list));
  }

  /**
   * The entity mentioned at `span` of document `doc`: the mention that overlaps it most (a
   * speaker span "the Chechen leader" finds the role mention, not the demonym inside it), the
   * shorter one on a tie, else the first in entity order; null when no mention overlaps.
   */
  entityAt(doc: string, span: Span): Entity | null {
    let best: Entity | null = null;
    let bestOverlap = 0;
    let bestExtra = Infinity;
    for (const mention of this.byDoc.get(doc)?.overlapping(span) ?? []) {
      const overlap = Math.min(mention.end, span.end) - Math.max(mention.start, span.start);
      if (overlap <= 0) continue;
      const extra = mention.end - mention.start - overlap;
      if (overlap > bestOverlap || (overlap === bestOverlap && extra < bestExtra)) {
        best = mention.entity;
        bestOverlap = overlap;
        bestExtra = extra;
      }
    }
    return best;
  }

  /** The mentions of document `doc` that start between `from` and `to` (both included), in entity order. */
  startingIn(doc: string, from: number, to: number): LocatedMention[] {
    return this.byDoc.get(doc)?.startingIn(from, to) ?? [];
  }
}

/**
 * The id of the entity mentioned at `span` of document `doc` (see `EntityLocator.entityAt`; build
 * one locator instead when asking many times).
 *
 * @example entityAt(result.entities, 'doc-1', { start: 120, end: 134 }) // 'person-ramzan-kadyrov'
 */
export function entityAt(entities: readonly Entity[], doc: string, span: Span): string | null {
  return new EntityLocator(entities).entityAt(doc, span)?.id ?? null;
}
