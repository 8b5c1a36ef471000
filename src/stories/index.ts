/**
 * Stories: documents grouped by the event they report, so that a run of 300 articles on several
 * stories is cross-checked one story at a time. Two passes: the first counts in how many
 * documents each feature occurs (for idf), the second assigns documents to stories online, in
 * input order (src/stories/cluster.ts). A story is named by its actors and event words.
 */
import type { Entity, Story } from '../contract.js';
import type { Doc } from '../document.js';
import { clusterOnline, type Cluster, type ClusterWork } from './cluster.js';
import { nameStory, type NamingContext, type StoryActor } from './label.js';
import { DEFAULT_TERM_WEIGHTS, documentTerms, type DocumentTerms, type EntityOccurrence, type TermWeights } from './terms.js';
import { buildSpace, toVector, type SparseVector, type VectorSpace } from './vectors.js';

export { clusterOnline, type Cluster, type ClusterOptions, type Clustering, type ClusterWork } from './cluster.js';
export { DEFAULT_TERM_WEIGHTS, documentTerms, stem, type DocumentTerms, type TermWeights } from './terms.js';
export { buildSpace, cosine, toVector, type SparseVector, type VectorSpace } from './vectors.js';

/** Tuned on ECB+ train topics (scripts/eval-crossdoc.ts); dev and test figures in BENCHMARKS.md. */
export const DEFAULT_STORY_THRESHOLD = 0.25;

export interface StoryOptions {
  /** Cosine to a story's centroid at which a document joins it. */
  threshold?: number;
  weights?: TermWeights;
}

export interface StoryGrouping {
  stories: Story[];
  /** Each document's unit vector, in input order, for callers that compare documents. */
  vectors: SparseVector[];
  space: VectorSpace;
  work: ClusterWork;
}

/**
 * Groups documents into stories. `entities` are the identity stage's; documents without any
 * still group by their words.
 *
 * @example groupStories(docs, entities).stories[0] // { id: 'story-1', label: 'Hamas, Russia: ...', documents: [...], ... }
 */
export function groupStories(docs: readonly Readonly<Doc>[], entities: readonly Entity[], options: StoryOptions = {}): StoryGrouping {
  const represented = representDocuments(docs, entities, options.weights);
  const clustering = clusterOnline(represented.vectors, { threshold: options.threshold ?? DEFAULT_STORY_THRESHOLD });
  const stories = nameStories(docs, represented, clustering.clusters, entities);
  return { stories, vectors: represented.vectors, space: represented.space, work: clustering.work };
}

export interface RepresentedDocuments {
  terms: DocumentTerms[];
  space: VectorSpace;
  /** Unit vectors in input order. */
  vectors: SparseVector[];
  occurrences: Map<string, EntityOccurrence[]>;
  stems: Map<string, string>;
}

/** The first pass: every document's features, the run's idf, and each document's vector. */
export function representDocuments(
  docs: readonly Readonly<Doc>[],
  entities: readonly Entity[],
  weights: TermWeights = DEFAULT_TERM_WEIGHTS,
): RepresentedDocuments {
  const occurrences = occurrencesByDoc(entities);
  const stems = new Map<string, string>();
  const terms = docs.map((doc) => documentTerms(doc, occurrences.get(doc.id) ?? [], weights, stems));
  const space = buildSpace(
    terms.map((term) => term.counts),
    new Map(entities.map((entity) => [entity.id, entity.name])),
  );
  const vectors = terms.map((term) => toVector(term.counts, space, weights));
  return { terms, space, vectors, occurrences, stems };
}

function nameStories(
  docs: readonly Readonly<Doc>[],
  { terms, space, occurrences, stems }: RepresentedDocuments,
  clusters: readonly Cluster[],
  entities: readonly Entity[],
): Story[] {
  const ids = docs.map((doc) => doc.id);
  const actors = new Map<string, StoryActor>(entities.map((entity) => [entity.id, { id: entity.id, name: entity.name }]));
  const mentionsByDoc = new Map<string, Map<string, number>>();
  for (const [doc, found] of occurrences) {
    const counts = new Map<string, number>();
    for (const occurrence of found) counts.set(occurrence.entity, (counts.get(occurrence.entity) ?? 0) + 1);
    mentionsByDoc.set(doc, counts);
  }
  const context: NamingContext = { docIds: ids, space, terms, mentionsByDoc, entities: actors, stems };
  return clusters.map((cluster, index) => {
    const first = docs[cluster.members[0]!]!;
    const naming = nameStory(cluster, context, first.meta.title?.trim() || first.source);
    return {
      id: `story-${index + 1}`,
      label: naming.label,
      documents: cluster.members.map((member) => ids[member]!),
      actors: naming.actors,
      terms: naming.terms,
    };
  });
}

/** Each document's entity mentions; a pronoun names no one new, so it adds no evidence. */
function occurrencesByDoc(entities: readonly Entity[]): Map<string, EntityOccurrence[]> {
  const byDoc = new Map<string, EntityOccurrence[]>();
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      if (mention.kind === 'pronoun') continue;
      let list = byDoc.get(mention.doc);
      if (!list) byDoc.set(mention.doc, (list = []));
      list.push({ entity: entity.id, start: mention.start, end: mention.end });
    }
  }
  return byDoc;
}
