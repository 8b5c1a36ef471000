/**
 * One relation per story, subject, kind, object and polarity, whatever sentence or outlet states
 * it: "Russia has never designated Hamas" and "Moscow has not recognised Hamas as a terrorist
 * organisation" are one negated designation with two pieces of evidence. For symmetric kinds
 * (meets, allied with) the two actors may come in either order.
 */
import { cameoRoot, SYMMETRIC_KINDS } from './cameo.js';
import type { Relation } from '../contract.js';
import type { FoundRelation } from './extract.js';

/** Merges `found` (in input order) into relations, numbered from 1 in order of first evidence. */
export function mergeRelations(found: readonly FoundRelation[], storyOf: ReadonlyMap<string, string>, textOf: ReadonlyMap<string, string>): Relation[] {
  const byKey = new Map<string, { first: FoundRelation; members: FoundRelation[] }>();
  for (const relation of found) {
    const story = storyOf.get(relation.doc) ?? null;
    const ends = SYMMETRIC_KINDS.has(relation.kind) && relation.object !== null ? [relation.subject, relation.object].sort() : [relation.subject, relation.object];
    const key = JSON.stringify([story, relation.kind, ...ends, relation.negated]);
    const group = byKey.get(key);
    if (group) group.members.push(relation);
    else byKey.set(key, { first: relation, members: [relation] });
  }
  return [...byKey.values()].map(({ first, members }, index) => {
    const evidence = unique(members, (member) => `${member.doc}:${member.start}:${member.end}`).map(({ doc, start, end }) => ({ doc, start, end }));
    const voices = unique(members, (member) => `${member.doc}:${member.quote}`).map((member) => ({
      doc: member.doc,
      kind: member.quote ? ('speaker' as const) : ('outlet' as const),
      quote: member.quote,
      speaker: member.speaker,
    }));
    return {
      id: `relation-${index + 1}`,
      story: storyOf.get(first.doc) ?? null,
      subject: first.subject,
      relation: first.kind,
      object: first.object,
      cameo: first.cameo,
      cameoRoot: cameoRoot(first.cameo),
      negated: first.negated,
      // Established by any evidence that states it without a hedge.
      hedged: members.every((member) => member.hedged),
      date: members.find((member) => member.date !== null)?.date ?? null,
      text: textOf.get(first.doc)!.slice(first.start, first.end).trim(),
      documents: unique(members, (member) => member.doc).map((member) => member.doc),
      voices,
      evidence,
    };
  });
}

function unique<Item>(items: readonly Item[], key: (item: Item) => string): Item[] {
  const seen = new Map<string, Item>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
