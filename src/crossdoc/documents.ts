/**
 * What every corpus stage reads the same way off a document and off the identity stage's
 * entities: the outlet a document names, and each document's entity mentions in text order.
 */
import type { Entity, EntityType } from '../contract.js';
import type { Doc, Span } from '../document.js';
import { groupBy } from './group-by.js';

/** The outlet a document was given or names itself, as the contract reports it. */
export function outletOf(doc: Readonly<Doc>): string | null {
  return doc.meta.outlet ?? doc.results.clean?.outlet?.name ?? null;
}

export interface EntityMentionAt extends Span {
  entity: string;
  /** The entity's type (the actor's), not the mention's own. */
  type: EntityType;
}

/** Every document's entity mentions with their entity id and type, ordered by start. */
export function entityMentionsByDocument(entities: readonly Pick<Entity, 'id' | 'type' | 'mentions'>[]): Map<string, EntityMentionAt[]> {
  const mentions = entities.flatMap((entity) => entity.mentions.map((mention) => ({ doc: mention.doc, start: mention.start, end: mention.end, entity: entity.id, type: entity.type })));
  const byDoc = groupBy(mentions, (mention) => mention.doc);
  const ordered = new Map<string, EntityMentionAt[]>();
  for (const [doc, list] of byDoc) ordered.set(doc, list.sort((a, b) => a.start - b.start || a.end - b.end).map(({ start, end, entity, type }) => ({ start, end, entity, type })));
  return ordered;
}
