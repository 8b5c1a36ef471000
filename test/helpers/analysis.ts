/**
 * The start of every hand-made analysis in the tests: a contract-shaped analysis with every list
 * empty, around the documents a test gives, so that a test writes only what it is about and a
 * new field in the contract is added here once.
 */
import { CONTRACT_VERSION, type Analysis, type AnalysisDocument } from '../../src/contract.js';
import { emptyMeta } from '../../src/document.js';

/** An analysis of `documents` with no entities, quotes, stories or any other finding. */
export function blankAnalysis(documents: AnalysisDocument[] = []): Analysis {
  return {
    version: CONTRACT_VERSION,
    generator: { name: 'crosscheck', version: 'test' },
    documents,
    entities: [],
    quotes: [],
    stories: [],
    copies: [],
    statements: [],
    claims: [],
    provenance: [],
    relations: [],
    timeline: [],
    dating: [],
    framing: { terms: [], labels: [], outlets: [] },
    brief: [],
    messages: [],
  };
}

/** A plain-text document as the contract carries it: no metadata, nothing removed, no layers, unless `fields` give them. */
export function analysisDocument(id: string, text: string, fields: Partial<AnalysisDocument> = {}): AnalysisDocument {
  return { id, source: `${id}.txt`, format: 'txt', ...emptyMeta(), text, removed: [], paragraphs: [], sentences: [], ...fields };
}
