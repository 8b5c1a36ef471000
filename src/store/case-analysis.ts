/**
 * A case's analysis kept current through the store: adding articles reads them as `analyze`
 * does, stores them, runs the per-document stages only for documents that have no results yet
 * (results are kept per document), then the corpus stages over the whole case. The result is
 * the analysis `analyze` makes of the same articles in the order they were added.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ProgressEvent } from '../analyze.js';
import { GENERATOR_VERSION, assembleAnalysis } from '../assemble.js';
import { CONTRACT_VERSION, type Analysis } from '../contract.js';
import type { Doc, Message } from '../document.js';
import { CrosscheckError } from '../errors.js';
import { preparePipeline, type PreparedStage, type StageOptions } from '../pipeline.js';
import { checkThreads, runPipelineThreaded, runPipelineYielding } from '../workers/index.js';
import { readInputs, type ArticleInput } from '../read/index.js';
import { sha256 } from './names.js';
import type { CaseInfo, CaseStore, DocumentResults, NewDocument, StoredDocument } from './types.js';

export interface CaseAnalysisOptions {
  /** Per-stage options keyed by stage name, as for `analyze`. */
  stages?: StageOptions;
  /** Worker threads for the per-document stages of new documents, as for `analyze`. */
  threads?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export interface AddOptions extends CaseAnalysisOptions {
  /** Inputs larger than this are refused with a message on that input. Default 20 MB. */
  maxBytes?: number;
  /** Relative paths are read from here. Default: the process's working directory. */
  cwd?: string;
}

export interface AddResult {
  /** Null when nothing could be read and no case had that name: then none is made. */
  case: CaseInfo | null;
  /** True when this call made the case. */
  created: boolean;
  added: StoredDocument[];
  /** Inputs already in the case, not stored twice. */
  skipped: { source: string; existing: string }[];
  /** Problems with inputs that were not stored (missing, empty, unreadable) and with the run. */
  problems: Message[];
  /** The case's analysis after the import; null with `case`. */
  analysis: Analysis | null;
}

/**
 * Adds articles to a case (made when no case has that name or id) and brings its analysis up to date.
 *
 * @example
 * const { added, analysis } = await addToCase(store, 'Harbour strike', ['articles/day-2']);
 */
export async function addToCase(store: CaseStore, caseName: string, inputs: readonly ArticleInput[], options: AddOptions = {}): Promise<AddResult> {
  // Options are checked before anything is read or stored.
  preparePipeline(options.stages);
  checkThreads(options.threads);
  const cwd = options.cwd ?? process.cwd();
  const documents: NewDocument[] = [];
  const problems: Message[] = [];
  for (const input of inputs) {
    // One input at a time, so that every document is known to come from its input's bytes.
    const read = await readInputs([input], { cwd, ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}) });
    problems.push(...read.messages);
    const originals = new Map<string, Promise<Uint8Array | null>>();
    for (const doc of read.docs) {
      if (doc.text.trim() === '') {
        // Not stored: its messages name the input, so they stand without the document.
        problems.push(...doc.messages.map((message) => ({ ...message, doc: null })));
        continue;
      }
      documents.push({
        id: doc.id,
        source: doc.source,
        format: doc.format,
        text: doc.text,
        meta: doc.meta,
        messages: doc.messages,
        original: await originalOf(input, doc.source, cwd, originals),
      });
    }
  }
  options.onProgress?.({ phase: 'read', documents: documents.length });

  if (documents.length === 0 && !(await store.getCase(caseName))) {
    return { case: null, created: false, added: [], skipped: [], problems, analysis: null };
  }
  const { found, created } = await findOrCreateCase(store, caseName);
  const imported = await store.importDocuments(found.id, documents);
  const analysis = await caseAnalysis(store, found.id, options);
  const current = (await store.getCase(found.id)) ?? found;
  return { case: current, created, added: imported.added, skipped: imported.skipped, problems, analysis };
}

async function findOrCreateCase(store: CaseStore, name: string): Promise<{ found: CaseInfo; created: boolean }> {
  const existing = await store.getCase(name);
  if (existing) return { found: existing, created: false };
  try {
    return { found: await store.createCase(name), created: true };
  } catch (error) {
    // Another process made it between our look and our write.
    if (error instanceof CrosscheckError && error.code === 'CASE_EXISTS') {
      const made = await store.getCase(name);
      if (made) return { found: made, created: false };
    }
    throw error;
  }
}

function originalOf(input: ArticleInput, source: string, cwd: string, cache: Map<string, Promise<Uint8Array | null>>): Promise<Uint8Array | null> {
  if (typeof input !== 'string') return Promise.resolve(typeof input.content === 'string' ? new TextEncoder().encode(input.content) : input.content);
  // A record of a JSON Lines file is named "file.jsonl#3"; its original is the whole file.
  const path = resolve(cwd, source);
  let bytes = cache.get(path);
  if (!bytes) {
    bytes = readFile(path).catch(() => (/#\d+$/.test(source) ? readFile(path.replace(/#\d+$/, '')) : null)).catch(() => null);
    cache.set(path, bytes);
  }
  return bytes;
}

/**
 * The case's analysis: the saved one when its documents and the pipeline are unchanged, else
 * made (per-document stages only where results are missing) and saved.
 */
export async function caseAnalysis(store: CaseStore, caseId: string, options: CaseAnalysisOptions = {}): Promise<Analysis> {
  const prepared = preparePipeline(options.stages);
  const { key, revision, documents, inputHash } = await analysisInput(store, caseId, prepared);
  const saved = await store.loadAnalysis(caseId, inputHash);
  if (saved) return saved.analysis;

  // Per-document stages are those before the first corpus stage; anything after sees the whole case.
  const firstCorpus = prepared.findIndex(({ stage }) => stage.kind === 'corpus');
  const split = firstCorpus === -1 ? prepared.length : firstCorpus;
  const progress = (offset: number) => (stage: string, index: number, _total?: number, documents?: { done: number; total: number }) =>
    options.onProgress?.({ phase: 'stage', stage, index: offset + index, total: prepared.length, ...(documents ? { documents } : {}) });

  const cached = await store.loadDocumentResults(caseId, key);
  const docs: Doc[] = documents.map((doc) => ({ id: doc.id, source: doc.source, format: doc.format, text: doc.text, meta: doc.meta, messages: doc.messages, results: {} }));
  const missing = docs.filter((doc) => !cached.has(doc.id));
  const fresh = missing.length > 0 ? await runPipelineThreaded(missing, prepared.slice(0, split), { threads: options.threads, onStage: progress(0) }) : { docs: [], messages: [] };
  const made = new Map<string, DocumentResults>(fresh.docs.map((doc) => [doc.id, { results: doc.results, messages: doc.messages }]));
  if (made.size > 0) await store.saveDocumentResults(caseId, key, made);

  const ready = docs.map((doc) => ({ ...doc, ...(cached.get(doc.id) ?? made.get(doc.id)) }));
  const run = await runPipelineYielding(ready, prepared.slice(split), progress(split));
  const analysis = assembleAnalysis({ docs: run.docs, corpus: run.corpus, messages: [...fresh.messages, ...run.messages] }, []);
  // False when another import added documents meanwhile: its own analysis will include them.
  await store.saveAnalysis(caseId, revision, inputHash, analysis);
  return analysis;
}

/**
 * `caseAnalysis` as JSON text: the saved text itself when it is current, so that a server can
 * send it without parsing and serialising 10 MB again.
 */
export async function caseAnalysisText(store: CaseStore, caseId: string, options: CaseAnalysisOptions = {}): Promise<string> {
  const { inputHash } = await analysisInput(store, caseId, preparePipeline(options.stages));
  const saved = await store.savedAnalysisText(caseId, inputHash);
  return saved ? saved.text : JSON.stringify(await caseAnalysis(store, caseId, options));
}

/** What an analysis is made from: the pipeline (its key) and the case's documents (with the pipeline, the input hash). */
async function analysisInput(store: CaseStore, caseId: string, prepared: readonly PreparedStage[]) {
  const key = sha256(JSON.stringify([GENERATOR_VERSION, CONTRACT_VERSION, prepared.map(({ stage, options: stageOptions }) => [stage.name, stageOptions])]));
  const { revision, documents } = await store.listDocuments(caseId);
  const inputHash = sha256(JSON.stringify([key, documents.map((doc) => doc.digest)]));
  return { key, revision, documents, inputHash };
}
