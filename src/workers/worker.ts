/**
 * The entry of one worker thread of the document pool (src/workers/pool.ts). It runs the
 * per-document stages over the batches it is sent, with `runPipeline` itself, so that a stage
 * failing on one document becomes a message on that document exactly as on the main thread.
 * Models load on the first batch and stay loaded for as long as the worker lives.
 */
import { parentPort } from 'node:worker_threads';
import { CrosscheckError } from '../errors.js';
import { PIPELINE, preparePipeline, runPipeline } from '../pipeline.js';
import type { AnyStage } from '../stage.js';
import type { BatchReply, BatchRequest } from './protocol.js';

const stagesByName = new Map<string, AnyStage>(PIPELINE.map((stage) => [stage.name as string, stage]));

parentPort!.on('message', (request: BatchRequest) => {
  parentPort!.postMessage(runBatch(request));
});

function runBatch({ batch, stages, docs }: BatchRequest): BatchReply {
  try {
    const chosen = stages.map(({ name }) => {
      const stage = stagesByName.get(name);
      if (!stage || stage.kind !== 'document') throw new CrosscheckError('INVALID_OPTIONS', `A worker thread runs only per-document stages of the pipeline; "${name}" is not one.`);
      return stage;
    });
    // The options were checked on the main thread; checking them again here is cheap and keeps
    // the worker from trusting what it is sent.
    const prepared = preparePipeline(Object.fromEntries(stages.map(({ name, options }) => [name, options])), chosen);
    const run = runPipeline(docs, prepared, (_stage, index) => {
      // A stage starting on this batch means the one before it is done with it.
      if (index > 0) parentPort!.postMessage({ batch, kind: 'progress', stage: index - 1, documents: docs.length } satisfies BatchReply);
    });
    return { batch, kind: 'done', docs: run.docs.map(({ results, messages }) => ({ results, messages })) };
  } catch (error) {
    // runPipeline lets only infrastructure errors out (a model missing or unreadable): they stop the run.
    const code = error instanceof CrosscheckError ? error.code : 'WORKER_FAILED';
    return { batch, kind: 'failed', code, message: error instanceof Error ? error.message : String(error) };
  }
}
