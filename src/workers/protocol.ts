/**
 * The messages between the document pool and its worker threads. Everything in them is plain
 * data (structured-cloned): stages cross as names with their checked options, documents as they are.
 */
import type { Doc } from '../document.js';
import type { CrosscheckErrorCode } from '../errors.js';

export interface BatchRequest {
  /** Unique within the pool, so that a reply finds its batch. */
  batch: number;
  /** Per-document stages of the pipeline, in order, with their options already checked. */
  stages: { name: string; options: unknown }[];
  docs: Doc[];
}

export type BatchReply =
  /** Stage `stage` (an index into the request's stages) is done with the batch's documents. */
  | { batch: number; kind: 'progress'; stage: number; documents: number }
  /** The batch's documents in the order they were sent, each with its results and messages. */
  | { batch: number; kind: 'done'; docs: Pick<Doc, 'results' | 'messages'>[] }
  /** An error that stops the whole run (a missing model), with its code. */
  | { batch: number; kind: 'failed'; code: CrosscheckErrorCode; message: string };
