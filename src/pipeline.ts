/**
 * The pipeline, in order. This list is the pipeline diagram of the README: moving a stage is a
 * one-line change here. Document stages run on each article alone; corpus stages see them all.
 */
import type { Doc, Message } from './document.js';
import { CrosscheckError } from './errors.js';
import { checkStageOptions, type AnyStage, type CorpusResults } from './stage.js';
import { cleanStage } from './stages/01-clean/index.js';
import { segmentStage } from './stages/02-segment/index.js';
import { mentionsStage } from './stages/03-mentions/index.js';
import { quotesStage } from './stages/04-quotes/index.js';
import { identityStage } from './stages/05-identity/index.js';
import { storiesStage } from './stages/06-stories/index.js';
import { copiesStage } from './stages/07-copies/index.js';
import { provenanceStage } from './stages/08-provenance/index.js';
import { statementsStage } from './stages/09-statements/index.js';
import { claimsStage } from './stages/10-claims/index.js';
import { timelineStage } from './stages/11-timeline/index.js';
import { relationsStage } from './stages/12-relations/index.js';
import { framingStage } from './stages/13-framing/index.js';
import { briefStage } from './stages/14-brief/index.js';

export const PIPELINE: readonly AnyStage[] = [cleanStage, segmentStage, mentionsStage, quotesStage, identityStage, storiesStage, copiesStage, provenanceStage, statementsStage, claimsStage, timelineStage, relationsStage, framingStage, briefStage];

/** Options per stage, keyed by stage name; each is checked once by that stage's schema. */
export type StageOptions = Partial<Record<string, unknown>>;

export interface PipelineRun {
  docs: Doc[];
  corpus: Partial<CorpusResults>;
  messages: Message[];
}

export interface PreparedStage {
  stage: AnyStage;
  options: unknown;
}

/** Checks every stage's options up front, so a typo fails before any work is done. */
export function preparePipeline(stageOptions: StageOptions = {}, stages: readonly AnyStage[] = PIPELINE): PreparedStage[] {
  const known = new Set(stages.map((stage) => stage.name as string));
  for (const name of Object.keys(stageOptions)) {
    if (!known.has(name)) {
      throw new CrosscheckError('INVALID_OPTIONS', `Unknown stage "${name}" in stage options; known stages: ${[...known].join(', ')}.`);
    }
  }
  return stages.map((stage) => ({ stage, options: checkStageOptions(stage, stageOptions[stage.name as string]) }));
}

/**
 * Runs the prepared stages over the documents. A stage that throws on one document becomes an
 * error message on that document and only that stage's result is missing: later stages still run
 * (each reads earlier results defensively), and the other documents are untouched.
 */
export function runPipeline(
  input: readonly Doc[],
  prepared: readonly PreparedStage[],
  onStage?: (stage: string, index: number, total: number) => void,
): PipelineRun {
  const steps = pipelineSteps(input, prepared, onStage);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `runPipeline` one stage at a time: the generator pauses after each stage and returns the run
 * at the end, so that an asynchronous caller can let its event loop turn between stages.
 */
export function* pipelineSteps(
  input: readonly Doc[],
  prepared: readonly PreparedStage[],
  onStage?: (stage: string, index: number, total: number) => void,
): Generator<void, PipelineRun, void> {
  let docs = input.map((doc) => ({ ...doc, messages: [...doc.messages], results: { ...doc.results } }));
  const corpus: Partial<CorpusResults> = {};
  const messages: Message[] = [];

  for (const [index, { stage, options }] of prepared.entries()) {
    onStage?.(stage.name, index, prepared.length);
    if (stage.kind === 'document') {
      docs = docs.map((doc) => {
        try {
          const output = stage.run(doc, options);
          return {
            ...doc,
            results: { ...doc.results, [stage.name]: output.result },
            messages: output.messages?.length ? [...doc.messages, ...output.messages] : doc.messages,
          };
        } catch (error) {
          if (isInfrastructureError(error)) throw error;
          return { ...doc, messages: [...doc.messages, stageFailure(stage.name, doc.id, error)] };
        }
      });
    } else {
      try {
        const output = stage.run(docs, options, corpus);
        (corpus as Record<string, unknown>)[stage.name] = output.result;
        const byId = new Map(docs.map((doc) => [doc.id, doc]));
        for (const message of output.messages ?? []) {
          const owner = message.doc === null ? undefined : byId.get(message.doc);
          if (owner) owner.messages.push(message);
          else messages.push(message);
        }
      } catch (error) {
        if (isInfrastructureError(error)) throw error;
        messages.push(stageFailure(stage.name, null, error));
      }
    }
    if (index < prepared.length - 1) yield;
  }
  return { docs, corpus, messages };
}

/** A broken installation (a missing model) fails the whole run: every document would fail alike. */
function isInfrastructureError(error: unknown): boolean {
  return error instanceof CrosscheckError && (error.code === 'MODEL_MISSING' || error.code === 'MODEL_CORRUPT');
}

function stageFailure(stage: string, doc: string | null, error: unknown): Message {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    doc,
    stage,
    rule: `${stage}/failed`,
    severity: 'error',
    text: `The ${stage} stage failed on this input and its results are missing: ${detail}`,
  };
}
