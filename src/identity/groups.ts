/**
 * Provisional stories for identity: the documents grouped before any entity exists, with the
 * stories stage's own features and clustering (src/stories), the names standing for what the
 * caller can already tell without linking ("Iranian" and "Tehran" for Iran). Identity links what
 * a bare name only suggests (a surname, the type a name usually has) within one group, so that a
 * run of unrelated articles does not join two people because they share a surname. The stories
 * stage groups again later, with the linked entities as features.
 */
import type { Entity } from '../contract.js';
import type { Doc } from '../document.js';
import type { Mention } from '../stages/03-mentions/index.js';
import { clusterOnline, representDocuments } from '../stories/index.js';

/** What a name counts as for grouping ("place:IRN" for Iran, Iranian and Tehran alike), or null to leave it out. */
export type GroupingKey = (mention: Mention, text: string) => string | null;

/**
 * Looser than the stories stage's 0.25: identity only has to tell unrelated articles apart, and
 * two short reports of one story can share few words ("Zelenksy urged Iran…" beside a longer
 * piece on Kadyrov, the Kremlin and Zelensky).
 */
const GROUP_THRESHOLD = 0.15;

/** The group of each document, by document id. */
export function provisionalStories(docs: readonly Readonly<Doc>[], keyOf: GroupingKey): Map<string, number> {
  const { vectors } = representDocuments(docs, standInEntities(docs, keyOf));
  const { assignment } = clusterOnline(vectors, { threshold: GROUP_THRESHOLD });
  return new Map(docs.map((doc, index) => [doc.id, assignment[index]!]));
}

/** One stand-in entity per grouping key, for the grouping only. */
function standInEntities(docs: readonly Readonly<Doc>[], keyOf: GroupingKey): Entity[] {
  const byKey = new Map<string, Entity>();
  for (const doc of docs) {
    for (const mention of doc.results.mentions?.mentions ?? []) {
      const id = keyOf(mention, doc.text.slice(mention.start, mention.end));
      if (id === null) continue;
      let entity = byKey.get(id);
      if (!entity) byKey.set(id, (entity = { id, name: id, type: mention.type, aliases: [], mentions: [], mentionCounts: {}, facts: [] }));
      entity.mentions.push({ doc: doc.id, start: mention.start, end: mention.end });
    }
  }
  return [...byKey.values()];
}
