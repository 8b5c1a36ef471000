/** One invented text through the first stages of the pipeline, the way tests of a stage need it. */
import { emptyMeta, type Doc } from '../../src/document.js';
import { preparePipeline, runPipeline, type StageOptions } from '../../src/pipeline.js';
import type { AnyStage } from '../../src/stage.js';

export function runStages(text: string, stages: readonly AnyStage[], options: StageOptions = {}, id = 'd'): Doc {
  const doc: Doc = { id, source: `${id}.txt`, format: 'txt', text, meta: emptyMeta(), messages: [], results: {} };
  return runPipeline([doc], preparePipeline(options, stages)).docs[0]!;
}
