/**
 * A stage is one module: its options are a zod schema checked once when the pipeline is built,
 * then `run` is a pure function over one document (or, for corpus stages, over all of them).
 * A stage never mutates the document it is given: it returns its result and its messages, and
 * the pipeline attaches them.
 */
import type { z } from 'zod';
import type { Doc, Message, StageResults } from './document.js';
import { CrosscheckError } from './errors.js';

export interface StageOutput<Result> {
  result: Result;
  messages?: Message[];
}

export interface DocumentStage<Name extends keyof StageResults = keyof StageResults, Options = unknown> {
  kind: 'document';
  name: Name;
  /** One line for `--help` and the README's pipeline diagram. */
  summary: string;
  options: z.ZodType<Options>;
  run(doc: Readonly<Doc>, options: Options): StageOutput<StageResults[Name]>;
}

/** Results of corpus stages, keyed by stage name; extended by declaration merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface CorpusResults {}

export interface CorpusStage<Name extends keyof CorpusResults = keyof CorpusResults, Options = unknown> {
  kind: 'corpus';
  name: Name;
  summary: string;
  options: z.ZodType<Options>;
  run(docs: readonly Readonly<Doc>[], options: Options, earlier: Readonly<Partial<CorpusResults>>): StageOutput<CorpusResults[Name]>;
}

export type AnyStage = DocumentStage<any, any> | CorpusStage<any, any>;

export function defineDocumentStage<Name extends keyof StageResults, Options>(
  stage: Omit<DocumentStage<Name, Options>, 'kind'>,
): DocumentStage<Name, Options> {
  return { kind: 'document', ...stage };
}

export function defineCorpusStage<Name extends keyof CorpusResults, Options>(
  stage: Omit<CorpusStage<Name, Options>, 'kind'>,
): CorpusStage<Name, Options> {
  return { kind: 'corpus', ...stage };
}

/** Checks a stage's options once, turning a zod failure into a coded error that names the stage. */
export function checkStageOptions<Options>(stage: { name: string; options: z.ZodType<Options> }, given: unknown): Options {
  const parsed = stage.options.safeParse(given ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new CrosscheckError('INVALID_OPTIONS', `Options for stage "${stage.name}" are invalid: ${issues}`);
  }
  return parsed.data;
}
