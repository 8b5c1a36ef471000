/**
 * Copies as sources: a syndicated or near-duplicate article is not an independent source, so
 * documents linked by such copies fold into one group (disjoint sets over the copy links). A
 * passage one article lifts from another folds only where it is copied, so that is asked span
 * by span with `copiedFrom`. src/provenance/sources.ts combines both with relays.
 */
import type { Copy } from '../contract.js';
import { DisjointSets } from '../crossdoc/disjoint-sets.js';
import type { DocSpan } from '../document.js';

/** Copy kinds that make two whole documents one source. */
const WHOLE_DOCUMENT: ReadonlySet<Copy['kind']> = new Set(['duplicate', 'near-duplicate']);

/**
 * The group of every document that is a duplicate or near-duplicate of another, named by one of
 * its documents: the earlier side of the group's first copy, which the others repeat. A document
 * that copies nothing is its own group and is not in the map.
 *
 * @example
 * const group = independentGroups(analysis.copies);
 * const sourceDoc = (doc: string) => group.get(doc) ?? doc; // 'wire' for both 'wire' and 'times'
 */
export function independentGroups(copies: readonly Copy[]): Map<string, string> {
  const docs: string[] = [];
  const indexOf = new Map<string, number>();
  const index = (doc: string) => {
    if (!indexOf.has(doc)) {
      indexOf.set(doc, docs.length);
      docs.push(doc);
    }
    return indexOf.get(doc)!;
  };
  const whole = copies.filter((copy) => WHOLE_DOCUMENT.has(copy.kind));
  for (const copy of whole) copy.docs.forEach(index);
  const sets = new DisjointSets(docs.length);
  for (const copy of whole) sets.union(index(copy.docs[0]), index(copy.docs[1]));
  const groups = new Map<string, string>();
  // A group is named by its first document seen, so the name does not depend on merge order.
  for (const members of sets.groups()) for (const member of members) groups.set(docs[member]!, docs[members[0]!]!);
  return groups;
}

/**
 * The documents that `span` (in `span.doc`) was copied from: the earlier side of every verified
 * passage, of any copy kind, that overlaps it, earliest first. A claim sentence inside a lifted
 * paragraph then counts with the article it was lifted from; the original's own sentences do not
 * count with their copies.
 *
 * @example copiedFrom(analysis.copies, { doc: 'blog', start: 120, end: 180 }) // ['wire']
 */
export function copiedFrom(copies: readonly Copy[], span: DocSpan): string[] {
  const found = new Set<string>();
  for (const copy of copies) {
    if (copy.docs[1] !== span.doc) continue;
    if (copy.passages.some((passage) => passage.b.start < span.end && span.start < passage.b.end)) found.add(copy.docs[0]);
  }
  return [...found];
}
