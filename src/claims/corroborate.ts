/**
 * Corroboration: on how many independent sources does a claim stand? An outlet's several
 * articles count once; a syndicated copy counts with its original; outlets that relay one
 * upstream source (an agency, another outlet) count as that source; a claim carried only as a
 * speaker's words stands on that speaker. The status follows from those sources, the hedges and
 * the contradictions, in that order of severity.
 */
import type { Claim } from '../contract.js';
import { DisjointSets } from '../crossdoc/disjoint-sets.js';
import type { ClaimAttribution, ClaimCandidate } from './extract.js';

export interface SourceDocument {
  id: string;
  /** The outlet as the document names it, if known. */
  outlet: string | null;
  /** The outlet's entity, when the corpus names it (so that a cited outlet is the same source). */
  outletEntity: string | null;
  /** The one upstream source the whole article relays, if it names exactly one. */
  relays: { name: string; entity: string | null } | null;
}

export interface IndependentSource {
  key: string;
  name: string;
}

/**
 * For each document, the source its own-voice claims count as: documents linked by a copy, or
 * from one outlet, are one source; an article that relays one upstream source is that source.
 */
export function documentSources(docs: readonly SourceDocument[], copies: readonly (readonly [string, string])[]): Map<string, IndependentSource> {
  const index = new Map(docs.map((doc, position) => [doc.id, position]));
  const sets = new DisjointSets(docs.length);
  const byOutlet = new Map<string, number>();
  docs.forEach((doc, position) => {
    if (!doc.outlet) return;
    const key = doc.outletEntity ?? doc.outlet.trim().toLowerCase();
    const first = byOutlet.get(key);
    if (first === undefined) byOutlet.set(key, position);
    else sets.union(first, position);
  });
  for (const [a, b] of copies) {
    const left = index.get(a);
    const right = index.get(b);
    if (left !== undefined && right !== undefined) sets.union(left, right);
  }
  const sources = new Map<string, IndependentSource>();
  for (const group of sets.groups()) {
    const first = docs[group[0]!]!;
    const named = group.map((position) => docs[position]!).find((doc) => doc.outlet) ?? first;
    for (const position of group) {
      const doc = docs[position]!;
      const own = named.outletEntity ? `entity:${named.outletEntity}` : `outlet:${first.id}`;
      sources.set(doc.id, doc.relays ? citedSource(doc.relays.name, doc.relays.entity) : { key: own, name: named.outlet ?? named.id });
    }
  }
  return sources;
}

/** A source named in the text: one key per entity, so an agency quoted and an agency's own article are one source. */
function citedSource(name: string, entity: string | null): IndependentSource {
  return { key: entity ? `entity:${entity}` : `name:${name.trim().toLowerCase()}`, name };
}

/** The independent source one member of a claim counts as. */
export function memberSource(attribution: ClaimAttribution, docSource: IndependentSource): IndependentSource {
  if (attribution.kind === 'outlet') return docSource;
  return citedSource(attribution.name ?? 'an unnamed speaker', attribution.entity);
}

export interface Corroboration {
  sources: IndependentSource[];
  status: Claim['status'];
}

/** Sources and status of one group of claim members. */
export function corroborate(members: readonly ClaimCandidate[], memberSources: readonly IndependentSource[], contradicted: boolean): Corroboration {
  const sources: IndependentSource[] = [];
  for (const source of memberSources) if (!sources.some((known) => known.key === source.key)) sources.push(source);
  let status: Claim['status'];
  if (contradicted) status = 'disputed';
  else if (members.every((member) => member.attribution.kind === 'speaker')) status = 'attributed-only';
  else if (members.every((member) => member.hedges.length > 0)) status = 'hedged';
  else status = sources.length >= 2 ? 'corroborated' : 'single-source';
  return { sources, status };
}
