/**
 * Turns the documents and corpus results of a pipeline run into the one output contract. This
 * is the only place that knows both the stages' internal results and the contract's shape.
 */
import { CONTRACT_VERSION, type Analysis, type AnalysisDocument, type Quote } from './contract.js';
import type { Doc } from './document.js';
import type { PipelineRun } from './pipeline.js';
import type { Entity } from './contract.js';
import { entityAt } from './stages/05-identity/index.js';
import { ROLE_HEADS } from './identity/lexicon.js';

/** The role mention of a person that opens the speaker mention (after an article), if any. */
function personByRole(entities: readonly Entity[], doc: string, mention: { start: number; end: number }): { start: number; end: number } | null {
  for (const entity of entities) {
    if (entity.type !== 'PERSON') continue;
    for (const found of entity.mentions) {
      if (found.doc === doc && found.kind === 'role' && found.start >= mention.start && found.start <= mention.start + 4 && found.end <= mention.end) return found;
    }
  }
  return null;
}

/** A description headed by an office ("the Russian officials", "Iran's foreign minister"), without its article. */
function officeHolder(written: string): string | null {
  const words = written.toLowerCase().split(/[^\p{L}-]+/u).filter(Boolean);
  const holds = words.some((word) => ROLE_HEADS.has(word) || (word.endsWith('s') && ROLE_HEADS.has(word.slice(0, -1))));
  return holds ? written.replace(/^(?:the|a|an)\s+/iu, '').trim() : null;
}

export const GENERATOR_VERSION = '0.1.0';

export function assembleAnalysis(run: PipelineRun, readMessages: Analysis['messages']): Analysis {
  const entities = run.corpus.identity?.entities ?? [];
  return {
    version: CONTRACT_VERSION,
    generator: { name: 'crosscheck', version: GENERATOR_VERSION },
    documents: run.docs.map(assembleDocument),
    entities,
    quotes: assembleQuotes(run.docs, entities),
    stories: [],
    copies: [],
    statements: [],
    claims: [],
    provenance: [],
    relations: [],
    timeline: [],
    framing: [],
    brief: [],
    messages: [...readMessages, ...run.messages, ...run.docs.flatMap((doc) => doc.messages)],
  };
}

function assembleDocument(doc: Doc): AnalysisDocument {
  const clean = doc.results.clean;
  const segment = doc.results.segment;
  const titleSpan = doc.meta.titleSpan ?? clean?.title ?? null;
  return {
    id: doc.id,
    source: doc.source,
    format: doc.format,
    title: doc.meta.title ?? (titleSpan ? doc.text.slice(titleSpan.start, titleSpan.end).trim() : null),
    titleSpan,
    outlet: doc.meta.outlet ?? clean?.outlet?.name ?? null,
    published: doc.meta.published,
    modified: doc.meta.modified,
    url: doc.meta.url,
    byline: doc.meta.byline,
    language: doc.meta.language,
    ...(doc.meta.notArticle ? { notArticle: true } : {}),
    text: doc.text,
    removed: clean?.removed ?? [],
    paragraphs: segment?.paragraphs ?? [],
    sentences: (segment?.sentences ?? []).map(({ start, end, headline }) => (headline ? { start, end, headline } : { start, end })),
  };
}

function assembleQuotes(docs: readonly Doc[], entities: readonly Entity[]): Quote[] {
  // Each document's own mentions, grouped once, so a quote looks at its document only.
  const byDoc = new Map<string, Entity[]>();
  for (const entity of entities) {
    for (const doc of new Set(entity.mentions.map((mention) => mention.doc))) {
      const local = { ...entity, mentions: entity.mentions.filter((mention) => mention.doc === doc) };
      byDoc.set(doc, [...(byDoc.get(doc) ?? []), local]);
    }
  }
  return docs.flatMap((doc) => {
    const local = byDoc.get(doc.id) ?? [];
    return (doc.results.quotes?.quotes ?? []).map(({ speakerAntecedent, ...quote }) => {
      // A role the identity stage tied to a person across the corpus ("the Environment
      // Ministry's spokesman" → Jan Oller) outranks the quote stage's local guess.
      const role = quote.speaker.mention ? personByRole(local, doc.id, quote.speaker.mention) : null;
      const anchor = role ?? speakerAntecedent ?? quote.speaker.mention;
      const id = anchor ? entityAt(local, doc.id, anchor) : null;
      const entity = id ? local.find((candidate) => candidate.id === id) : undefined;
      // "Iran's foreign minister": an unnamed office holder is not the state; the state is what
      // the speaker acts for.
      const office = anchor && entity && entity.type !== 'PERSON' ? officeHolder(doc.text.slice(anchor.start, anchor.end)) : null;
      if (office && entity) {
        return { ...quote, doc: doc.id, speaker: { ...quote.speaker, name: office, entity: null, affiliation: entity.id } };
      }
      return {
        ...quote,
        doc: doc.id,
        speaker: { ...quote.speaker, entity: entity?.id ?? quote.speaker.entity, name: entity?.name ?? quote.speaker.name, affiliation: null },
      };
    });
  });
}
