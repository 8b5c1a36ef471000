/**
 * A story's name, made from what it is about: its main actors (the entities its documents
 * mention most) and its event words (the words its documents weigh most by tf-idf, spelt as the
 * articles spell them), e.g. "Russia, Hamas, Israel: coalition, ceasefire, hostages".
 */
import type { Cluster } from './cluster.js';
import { featureKind, stemOf, type DocumentTerms } from './terms.js';
import type { VectorSpace } from './vectors.js';

export interface StoryActor {
  id: string;
  name: string;
}

export interface StoryNaming {
  label: string;
  actors: string[];
  terms: string[];
}

const ACTORS_KEPT = 5;
const TERMS_KEPT = 5;
const ACTORS_IN_LABEL = 3;
const TERMS_IN_LABEL = 3;

/** What naming needs to know about the run. */
export interface NamingContext {
  docIds: readonly string[];
  space: VectorSpace;
  /** Each document's features and its spellings of words outside names, in input order. */
  terms: readonly DocumentTerms[];
  /** Each document's entity mention counts (pronouns excluded). */
  mentionsByDoc: ReadonlyMap<string, ReadonlyMap<string, number>>;
  entities: ReadonlyMap<string, StoryActor>;
  stems: Map<string, string>;
}

/**
 * Names one story; `fallback` names a story with neither actors nor words (an empty or
 * unreadable article).
 */
export function nameStory(cluster: Cluster, context: NamingContext, fallback: string): StoryNaming {
  const actors = mainActors(cluster.members.map((member) => context.docIds[member]!), context.mentionsByDoc, context.entities);
  const nameWords = new Set(actors.flatMap((actor) => actor.name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
  const terms = eventWords(cluster.members, context, nameWords);
  const actorPart = actors.slice(0, ACTORS_IN_LABEL).map((actor) => actor.name).join(', ');
  const termPart = terms.slice(0, TERMS_IN_LABEL).join(', ');
  const label = actorPart && termPart ? `${actorPart}: ${termPart}` : actorPart || termPart || fallback;
  return { label, actors: actors.map((actor) => actor.id), terms };
}

/** Entities by mentions across the story, then by documents that mention them, then first seen. */
function mainActors(
  docs: readonly string[],
  mentionsByDoc: ReadonlyMap<string, ReadonlyMap<string, number>>,
  entities: ReadonlyMap<string, StoryActor>,
): StoryActor[] {
  const tally = new Map<string, { mentions: number; docs: number; first: number }>();
  let order = 0;
  for (const doc of docs) {
    for (const [entity, count] of mentionsByDoc.get(doc) ?? []) {
      const seen = tally.get(entity);
      if (seen) {
        seen.mentions += count;
        seen.docs += 1;
      } else tally.set(entity, { mentions: count, docs: 1, first: order++ });
    }
  }
  return [...tally]
    .filter(([entity]) => entities.has(entity))
    .sort(([, a], [, b]) => b.mentions - a.mentions || b.docs - a.docs || a.first - b.first)
    .slice(0, ACTORS_KEPT)
    .map(([entity]) => entities.get(entity)!);
}

/** A word a reader takes for a word: not a domain ("express.co.uk") or an initialism ("u.s."). */
const READABLE = /^\p{L}[\p{L}'’-]*$/u;

/** How many of the centroid's strongest words are considered for its event words. */
const TERM_CANDIDATES = 15;

/**
 * The words with the highest tf-idf summed over the story's documents (each document's words
 * scaled to unit length, so a long article does not decide alone), each in the spelling its
 * articles use most outside names. Unlike the clustering vectors, words found in one document
 * only count in full here: in a story of one article they are what sets it apart.
 */
function eventWords(members: readonly number[], context: NamingContext, nameWords: ReadonlySet<string>): string[] {
  const scores = new Map<string, number>();
  for (const member of members) {
    const words: [string, number][] = [];
    let squares = 0;
    for (const [key, count] of context.terms[member]!.counts) {
      const id = context.space.ids.get(key);
      if (id === undefined || featureKind(key) !== 'word') continue;
      const weight = (count >= 1 ? 1 + Math.log(count) : count) * context.space.idf[id]!;
      words.push([key, weight]);
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares) || 1;
    for (const [key, weight] of words) scores.set(key, (scores.get(key) ?? 0) + weight / norm);
  }
  const candidates = [...scores]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TERM_CANDIDATES)
    .map(([key]) => key);
  const wanted = new Set(candidates);
  const spellings = new Map<string, Map<string, number>>();
  for (const member of members) {
    for (const [spelling, count] of context.terms[member]!.spellings) {
      const stem = stemOf(spelling, context.stems);
      if (!wanted.has(stem)) continue;
      let seen = spellings.get(stem);
      if (!seen) spellings.set(stem, (seen = new Map()));
      seen.set(spelling, (seen.get(spelling) ?? 0) + count);
    }
  }
  const terms: string[] = [];
  for (const stem of candidates) {
    if (terms.length >= TERMS_KEPT) break;
    const spelling = commonest(spellings.get(stem));
    if (spelling && READABLE.test(spelling) && !nameWords.has(spelling) && !terms.includes(spelling)) terms.push(spelling);
  }
  return terms;
}

/** The most frequent spelling; ties to the alphabetically first. */
function commonest(counts: ReadonlyMap<string, number> | undefined): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [spelling, count] of counts ?? []) {
    if (count > bestCount || (count === bestCount && best !== null && spelling < best)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}
