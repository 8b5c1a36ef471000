/**
 * Where the pipeline runs: the per-document stages at the head of the pipeline on the
 * process's pool of worker threads (one per core), the corpus stages after them on the calling
 * thread, which gets its event loop back between stages. The result is the one `runPipeline`
 * gives on one thread, whatever the number of threads.
 *
 * A small input runs wholly on the calling thread, since starting workers and loading their
 * models costs more than it saves (see START_WORKERS_AT), unless the caller asks for threads (a
 * server does, to keep its event loop free).
 */
import { availableParallelism } from 'node:os';
import type { Doc } from '../document.js';
import { CrosscheckError } from '../errors.js';
import { PIPELINE, pipelineSteps, type PipelineRun, type PreparedStage } from '../pipeline.js';
import { DocumentPool } from './pool.js';

export { DocumentPool } from './pool.js';

/** Told as `runPipeline`'s `onStage` is; with workers, also how many documents a per-document stage is done with. */
export type StageProgress = (stage: string, index: number, total: number, documents?: { done: number; total: number }) => void;

export interface ThreadedRunOptions {
  /**
   * Worker threads for the per-document stages. Default: one per core, or none when the input
   * is too small to repay starting them. 1: none, everything runs on the calling thread.
   */
  threads?: number | undefined;
  onStage?: StageProgress | undefined;
}

/**
 * Characters of text (some 45 articles) from which the per-document stages start the workers by
 * default. Measured in CPU seconds on one core (dist, Node 20): a worker's start costs 1.9 s (its
 * stage modules and models); on one thread the main thread loads those models itself (1.0 s),
 * with workers it still loads the name tagger for the identity stage (0.4 s); the per-document
 * stages take about 27 µs per character (with the accurate attribution tagger, the default). Two
 * workers therefore repay their start from 2 × (1.9 + 0.4 − 1.0) ≈ 2.6 s of work, about 100,000
 * characters. (With `attribution: 'fast'` the work is about 5 µs per character and the break-even
 * five times later.) Once workers are running they are used for any input: they have the models
 * loaded, and a batch costs only the copying of its documents.
 */
export const START_WORKERS_AT = 100_000;

let shared: DocumentPool | null = null;

/** The process's pool, made on first use; its idle workers never keep the process alive. */
export function documentPool(): DocumentPool {
  shared ??= new DocumentPool();
  return shared;
}

/** Checks a `threads` option given by a caller: a whole number of at least 1. */
export function checkThreads(threads: number | undefined): void {
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw new CrosscheckError('INVALID_OPTIONS', `The threads option must be a whole number of at least 1 (1 runs everything on the calling thread); got ${String(threads)}.`);
  }
}

/**
 * Runs the prepared stages over the documents, the leading per-document stages on the pool.
 * Stage options cross to the workers as the plain data `preparePipeline` checked.
 */
export async function runPipelineThreaded(input: readonly Doc[], prepared: readonly PreparedStage[], options: ThreadedRunOptions = {}): Promise<PipelineRun> {
  checkThreads(options.threads);
  const firstCorpus = prepared.findIndex(({ stage }) => stage.kind === 'corpus');
  const split = firstCorpus === -1 ? prepared.length : firstCorpus;
  const perDocument = prepared.slice(0, split);
  const pool = documentPool();
  const threads = threadsFor(input, perDocument, options.threads, pool.size > 0);
  if (threads === 1) return runPipelineYielding(input, prepared, options.onStage);

  const done = perDocument.map(() => 0);
  let told = '';
  const tell = (stage: number) => {
    const name = perDocument[stage]!.stage.name as string;
    if (`${stage}:${done[stage]}` === told) return;
    told = `${stage}:${done[stage]}`;
    options.onStage?.(name, stage, prepared.length, { done: done[stage]!, total: input.length });
  };
  tell(0);
  const outcomes = await pool.run(
    input,
    perDocument.map(({ stage, options: stageOptions }) => ({ name: stage.name as string, options: stageOptions })),
    {
      threads,
      onStageDone: (stage, documents) => {
        done[stage]! += documents;
        // Batches finish out of order: tell the earliest stage not yet done with every document.
        const current = done.findIndex((count) => count < input.length);
        tell(current === -1 ? perDocument.length - 1 : current);
      },
    },
  );
  const docs = input.map((doc, i) => ({ ...doc, ...outcomes[i]! }));
  return runPipelineYielding(docs, prepared.slice(split), (stage, index) => options.onStage?.(stage, split + index, prepared.length));
}

/**
 * `runPipeline` on the calling thread, letting the event loop turn between stages: a server
 * answers its other requests (an import's progress) while the corpus stages run one after another.
 */
export async function runPipelineYielding(input: readonly Doc[], prepared: readonly PreparedStage[], onStage?: (stage: string, index: number, total: number) => void): Promise<PipelineRun> {
  const steps = pipelineSteps(input, prepared, onStage);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise(setImmediate);
  }
}

function threadsFor(input: readonly Doc[], perDocument: readonly PreparedStage[], asked: number | undefined, warm: boolean): number {
  // Only the pipeline's own stages can be named to a worker; a stage made by a caller runs here.
  if (input.length === 0 || perDocument.length === 0 || perDocument.some(({ stage }) => !PIPELINE.includes(stage))) return 1;
  if (asked !== undefined) return asked;
  const cores = availableParallelism();
  if (cores === 1) return 1;
  const characters = input.reduce((sum, doc) => sum + doc.text.length, 0);
  return warm || characters >= START_WORKERS_AT ? cores : 1;
}
