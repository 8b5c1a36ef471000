/**
 * Provisional stories for identity: the documents grouped before any entity exists, with the
 * stories stage's own features and clustering (src/stories), the names standing for what the
 * caller can already tell without linking ("Iranian" and "Tehran" for Iran). Identity links what
 * a bare name only suggests (a surname, the type a name usually has) within one group, so that a
 * run of unrelated articles does not join two people because they share a surname. The stories
 * stage groups again later, with the linked entities as features; each document's words are
 * read once for both (src/stories/terms.ts).
 */
import type { Entity, EntityType } from '../contract.js';
import type { Doc, DocSpan } from '../document.js';
import { clusterOnline, representDocuments } from '../stories/index.js';

/** A mention as the grouping counts it: "place:IRN" for Iran, Iranian and Tehran alike. */
export interface GroupingMention extends DocSpan {
  key: string;
  type: EntityType;
}

/**
 * Looser than the stories stage's 0.25: identity only has to tell unrelated articles apart, and
 * two short reports of one story can share few words ("Zelenksy urged Iran…" beside a longer
 * piece on Kadyrov, the Kremlin and Zelensky).
 */
const GROUP_THRESHOLD = 0.15;

/**
 * The group of each document, by document id. `mentions` are the names the caller can already
 * tell apart, in document order; the rest of a document counts by its words.
 */
export function provisionalStories(docs: readonly Readonly<Doc>[], mentions: readonly GroupingMention[]): Map<string, number> {
  const { vectors } = representDocuments(docs, standInEntities(mentions));
  const { assignment } = clusterOnline(vectors, { threshold: GROUP_THRESHOLD });
  return new Map(docs.map((doc, index) => [doc.id, assignment[index]!]));
}

/** One stand-in entity per grouping key, for the grouping only. */
function standInEntities(mentions: readonly GroupingMention[]): Entity[] {
  const byKey = new Map<string, Entity>();
  for (const { doc, start, end, key, type } of mentions) {
    let entity = byKey.get(key);
    if (!entity) byKey.set(key, (entity = { id: key, name: key, type, aliases: [], mentions: [], mentionCounts: {}, facts: [] }));
    entity.mentions.push({ doc, start, end });
  }
  return [...byKey.values()];
}
