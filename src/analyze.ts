/**
 * The library's one entry into the pipeline: read the inputs, run every stage, assemble the
 * contract. The CLI, the HTTP server and the UI all call this and nothing deeper.
 */
import type { Analysis } from './contract.js';
import { assembleAnalysis } from './assemble.js';
import { preparePipeline, runPipeline, type StageOptions } from './pipeline.js';
import { readInputs, type ArticleInput } from './read/index.js';
import { fetchUrlInputs, type FetchOptions } from './fetch/index.js';

export interface AnalyzeOptions {
  /** Per-stage options keyed by stage name, checked before any work starts. */
  stages?: StageOptions;
  /** Inputs larger than this are refused with a message on that input. Default 20 MB. */
  maxBytes?: number;
  /** Relative paths are read from here. Default: the process's working directory. */
  cwd?: string;
  /** How http(s) URLs among the inputs are fetched (only those reach the network). Its `maxBytes` defaults to the one above. */
  fetch?: FetchOptions;
  /** Told once the inputs are read and once per stage, for progress lines. */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { phase: 'read'; documents: number }
  | { phase: 'stage'; stage: string; index: number; total: number };

/**
 * Analyzes articles given as paths (files or folders) or in memory.
 *
 * @example
 * const analysis = await analyze(['examples/sample-story']);
 * console.log(analysis.quotes.length);
 */
export async function analyze(inputs: readonly ArticleInput[], options: AnalyzeOptions = {}): Promise<Analysis> {
  const prepared = preparePipeline(options.stages);
  const fetched = await fetchUrlInputs(inputs, { ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}), ...options.fetch });
  const read = await readInputs(fetched.inputs, {
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
  });
  options.onProgress?.({ phase: 'read', documents: read.docs.length });
  const run = runPipeline(read.docs, prepared, (stage, index, total) => options.onProgress?.({ phase: 'stage', stage, index, total }));
  return assembleAnalysis(run, [...fetched.messages, ...read.messages]);
}
