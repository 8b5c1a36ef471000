/**
 * Turns the documents and corpus results of a pipeline run into the one output contract. This
 * is the only place that knows both the stages' internal results and the contract's shape.
 */
import { CONTRACT_VERSION, type Analysis, type AnalysisDocument, type Quote } from './contract.js';
import type { Doc } from './document.js';
import type { PipelineRun } from './pipeline.js';
import type { Entity } from './contract.js';
import { EntityLocator } from './stages/05-identity/index.js';
import { ROLE_HEADS } from './identity/lexicon.js';
import { isSpeakerName } from './quotes/plausible.js';

/** The role mention of a person that opens the speaker mention (after an article), if any. */
function personByRole(locator: EntityLocator, doc: string, mention: { start: number; end: number }): { start: number; end: number } | null {
  return locator.startingIn(doc, mention.start, mention.start + 4).find((found) => found.entity.type === 'PERSON' && found.kind === 'role' && found.end <= mention.end) ?? null;
}

/** A description headed by an office ("the Russian officials", "Iran's foreign minister"), without its article. */
function officeHolder(written: string): string | null {
  const words = written.toLowerCase().split(/[^\p{L}-]+/u).filter(Boolean);
  const holds = words.some((word) => ROLE_HEADS.has(word) || (word.endsWith('s') && ROLE_HEADS.has(word.slice(0, -1))));
  return holds ? written.replace(/^(?:the|a|an)\s+/iu, '').trim() : null;
}

/**
 * "Israel’s foreign ministry", "Campaigners from Almer Watch": a description whose entity is a
 * possessor or sits in a complement names someone who belongs to the entity, not the entity.
 * The description without its article, or null when the entity heads the speaker mention.
 */
function memberOf(locator: EntityLocator, doc: string, entity: Entity, anchor: { start: number; end: number }, written: string): string | null {
  const inside = locator.startingIn(doc, anchor.start, anchor.end).find((mention) => mention.entity === entity && mention.end <= anchor.end);
  if (!inside) return null;
  const possessor = /^['’]s?\s+\p{L}/u.test(written.slice(inside.end - anchor.start));
  const complement = /\p{Ll}\s+(?:of|from|for|at|with)\s+(?:the\s+)?$/u.test(written.slice(0, inside.start - anchor.start));
  return possessor || complement ? written.replace(/^(?:the|a|an)\s+/iu, '').trim() : null;
}

export const GENERATOR_VERSION = '0.1.0';

export function assembleAnalysis(run: PipelineRun, readMessages: Analysis['messages']): Analysis {
  const entities = run.corpus.identity?.entities ?? [];
  return {
    version: CONTRACT_VERSION,
    generator: { name: 'crosscheck', version: GENERATOR_VERSION },
    documents: run.docs.map(assembleDocument),
    entities,
    // The statements stage resolves every quote's speaker once; a run without it resolves here.
    quotes: run.corpus.statements?.quotes ?? assembleQuotes(run.docs, entities),
    stories: run.corpus.stories?.stories ?? [],
    copies: run.corpus.copies?.copies ?? [],
    statements: run.corpus.statements?.statements ?? [],
    claims: run.corpus.claims?.claims ?? [],
    provenance: run.corpus.provenance?.provenance ?? [],
    relations: run.corpus.relations?.relations ?? [],
    timeline: run.corpus.timeline?.items ?? [],
    dating: run.corpus.timeline?.dating ?? [],
    framing: run.corpus.framing ?? { terms: [], labels: [], outlets: [] },
    brief: run.corpus.brief?.sentences ?? [],
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
    // Where the text states the title, the title is its words (a given title may differ in case or punctuation).
    title: titleSpan ? doc.text.slice(titleSpan.start, titleSpan.end).trim() : doc.meta.title,
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

export function assembleQuotes(docs: readonly Doc[], entities: readonly Entity[]): Quote[] {
  // Each document's own mentions, indexed once, so a quote looks at its document only.
  const locator = new EntityLocator(entities);
  return docs.flatMap((doc) => {
    return (doc.results.quotes?.quotes ?? []).map(({ speakerAntecedent, speakerGroup, ...quote }) => {
      // Several named actors speaking together are no one entity: the mention's longest name is one member.
      if (speakerGroup) return { ...quote, doc: doc.id, speaker: { ...quote.speaker, entity: null, affiliation: null } };
      // A role the identity stage tied to a person across the corpus ("the Environment
      // Ministry's spokesman" → Jan Oller) outranks the quote stage's local guess.
      const role = quote.speaker.mention ? personByRole(locator, doc.id, quote.speaker.mention) : null;
      const anchor = role ?? speakerAntecedent ?? quote.speaker.mention;
      const entity = (anchor ? locator.entityAt(doc.id, anchor) : null) ?? undefined;
      // "Iran's foreign minister": an unnamed office holder is not the state; the state is what
      // the speaker acts for.
      const written = anchor ? doc.text.slice(anchor.start, anchor.end) : '';
      const office = anchor && entity ? ((entity.type !== 'PERSON' ? officeHolder(written) : null) ?? memberOf(locator, doc.id, entity, anchor, written)) : null;
      if (office && entity && isSpeakerName(office)) {
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
