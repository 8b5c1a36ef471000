/**
 * Independent sources, for corroboration: which source a passage of an article rests on once
 * copies and relays are folded. Three outlets that all relay TASS are one source (TASS); a
 * syndicated copy counts with the article it copies; one outlet's several articles count once.
 */
import type { CitedSource, Copy, Provenance } from '../contract.js';
import type { DocSpan, Span } from '../document.js';
import { copiedFrom, independentGroups } from '../copies/groups.js';
import { normaliseName } from '../identity/names.js';

/** A passage to find the source of: a claim member or a quote's content, and its quote if it is one. */
export interface Passage extends DocSpan {
  quote?: string | null;
}

/** Kinds of cited source that two outlets can share: a named agency, outlet, official, person or organisation. */
const SHARABLE: ReadonlySet<CitedSource['kind']> = new Set(['news-agency', 'outlet', 'official-channel', 'person', 'organisation']);

/**
 * A function from a passage to the key of the independent source it rests on:
 * - `source:<entity or name>` when the passage's sentences (or its quote) relay or lean on a
 *   named source other than the article's own outlet ("quoted by Newsweek", "according to the
 *   ministry");
 *   unnamed sources, documents and platforms do not count, since two outlets' "sources" may differ;
 * - otherwise `outlet:<name>` of the article, or of the earliest article it copies (a duplicate,
 *   a near-duplicate, or a passage lifted from it), or `doc:<id>` when no outlet is known.
 *
 * @example
 * const sourceOf = independentSources(analysis.copies, analysis.provenance, analysis.documents);
 * sourceOf({ doc: '003', start: 1200, end: 1310, quote: '003/q14' }) // 'source:org-tass'
 * new Set(claim.members.map(sourceOf)).size // the number of independent sources
 */
export function independentSources(
  copies: readonly Copy[],
  provenance: readonly Provenance[],
  documents: readonly { id: string; sentences: readonly Span[] }[],
): (passage: Passage) => string {
  const groups = independentGroups(copies);
  const records = new Map(provenance.map((record) => [record.doc, record]));
  const sentences = new Map(documents.map((doc) => [doc.id, doc.sentences]));
  // The passage widened to its whole sentences, where "…, according to Reuters" sits.
  const widened = (passage: Passage): Span => {
    const around = (sentences.get(passage.doc) ?? []).filter((sentence) => sentence.start < passage.end && passage.start < sentence.end);
    return around.length ? { start: Math.min(passage.start, around[0]!.start), end: Math.max(passage.end, around[around.length - 1]!.end) } : passage;
  };
  const outletKey = (doc: string) => {
    const outlet = records.get(doc)?.outlet;
    return outlet ? `outlet:${normaliseName(outlet)}` : `doc:${doc}`;
  };
  return (passage) => {
    const span = widened(passage);
    const upstream = (records.get(passage.doc)?.cites ?? []).find(
      (cite) =>
        cite.relation !== 'told' &&
        SHARABLE.has(cite.kind) &&
        ((passage.quote && cite.quote === passage.quote) || (cite.start < span.end && span.start < cite.end)),
    );
    if (upstream) return `source:${upstream.entity ?? normaliseName(upstream.name)}`;
    // The earliest article the passage's words come from: its copy group's first document.
    const lifted = copiedFrom(copies, passage).map((doc) => groups.get(doc) ?? doc);
    const origin = groups.get(passage.doc) ?? lifted[0] ?? passage.doc;
    return outletKey(origin);
  };
}
