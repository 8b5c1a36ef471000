/**
 * The library's one entry into the pipeline: read the inputs, run every stage, assemble the
 * contract. The CLI, the HTTP server and the UI all call this and nothing deeper.
 */
import type { Analysis } from './contract.js';
import { assembleAnalysis } from './assemble.js';
import { preparePipeline, type StageOptions } from './pipeline.js';
import { readInputs, type ArticleInput } from './read/index.js';
import { fetchUrlInputs, type FetchOptions } from './fetch/index.js';
import { checkThreads, runPipelineThreaded } from './workers/index.js';

export interface AnalyzeOptions {
  /** Per-stage options keyed by stage name, checked before any work starts. */
  stages?: StageOptions;
  /** Inputs larger than this are refused with a message on that input. Default 20 MB. */
  maxBytes?: number;
  /** Relative paths are read from here. Default: the process's working directory. */
  cwd?: string;
  /** How http(s) URLs among the inputs are fetched (only those reach the network). Its `maxBytes` defaults to the one above. */
  fetch?: FetchOptions;
  /**
   * Worker threads for the per-document stages (clean to quotes). Default: one per core, or none
   * for an input too small to repay starting them; 1: none; more: that many, whatever the input.
   * The output is the same either way.
   */
  threads?: number;
  /** Told once the inputs are read and once per stage, for progress lines. */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { phase: 'read'; documents: number }
  /** On worker threads a per-document stage is also told as it gets through the documents. */
  | { phase: 'stage'; stage: string; index: number; total: number; documents?: { done: number; total: number } };

/**
 * Analyzes articles given as paths (files or folders) or in memory.
 *
 * @example
 * const analysis = await analyze(['examples/sample-story']);
 * console.log(analysis.quotes.length);
 */
export async function analyze(inputs: readonly ArticleInput[], options: AnalyzeOptions = {}): Promise<Analysis> {
  const prepared = preparePipeline(options.stages);
  checkThreads(options.threads);
  const fetched = await fetchUrlInputs(inputs, { ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}), ...options.fetch });
  const read = await readInputs(fetched.inputs, {
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  });
  options.onProgress?.({ phase: 'read', documents: read.docs.length });
  const run = await runPipelineThreaded(read.docs, prepared, {
    threads: options.threads,
    onStage: (stage, index, total, documents) => options.onProgress?.({ phase: 'stage', stage, index, total, ...(documents ? { documents } : {}) }),
  });
  return assembleAnalysis(run, [...fetched.messages, ...read.messages]);
}
