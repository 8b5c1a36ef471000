/**
 * Import jobs: `POST /api/cases/{id}/imports` starts an import and answers at once, and
 * `GET /api/imports/{id}` tells how far it got (fetching, waiting for the case's turn, reading,
 * which stage) and, once it ends, what it added or why it failed. The web UI shows this as
 * progress; `POST /api/cases/{id}/documents` stays for clients that prefer to wait for the answer.
 *
 * Jobs live in the server's memory only: the import itself is stored in one transaction by the
 * store, so a job lost with a restart loses its progress report, never an article.
 */
import { randomUUID } from 'node:crypto';
import type { ProgressEvent } from '../analyze.js';
import type { ImportJob, ImportSummary } from './schemas.js';

/** What an import reports as it goes: the library's own events and the two only the server has. */
export type ImportProgress = ProgressEvent | { phase: 'fetching'; urls: number } | { phase: 'waiting' } | { phase: 'reading' };

export interface ImportJobsOptions {
  /** How long a finished job can still be asked about, in ms. Default `KEEP_FINISHED_MINUTES`. */
  keepMs?: number;
  /** Finished jobs kept at most; the oldest go first. Default 200. */
  maxFinished?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** Failures a job reports, as the API's errors do: a stable code and a message for people. */
export interface JobFailure {
  code: string;
  message: string;
}

export const IMPORT_ID_PATTERN = /^[0-9a-f]{32}$/;

/** How long a finished job is kept by default. */
export const KEEP_FINISHED_MINUTES = 10;

/**
 * The registry of import jobs of one server.
 *
 * @example
 * const jobs = importJobs();
 * const job = jobs.start(caseId, (progress) => importInto(found, articles, progress), failureOf);
 * jobs.get(job.id); // { id, case, state: 'running', phase: 'reading', ... }
 */
export function importJobs(options: ImportJobsOptions = {}) {
  const keepMs = options.keepMs ?? KEEP_FINISHED_MINUTES * 60_000;
  const maxFinished = options.maxFinished ?? 200;
  const now = options.now ?? Date.now;
  const jobs = new Map<string, { view: ImportJob; finishedAt: number | null }>();

  function forgetOld(): void {
    const finished = [...jobs.entries()].filter(([, job]) => job.finishedAt !== null);
    // A Map iterates in insertion order, so the first finished jobs are the oldest.
    const overCap = finished.length - maxFinished;
    finished.forEach(([id, job], index) => {
      if (index < overCap || now() - job.finishedAt! > keepMs) jobs.delete(id);
    });
  }

  return {
    /**
     * Starts `work` and returns the job's first view at once. `failureOf` turns what `work`
     * throws into the code and message the job reports (and logs what the message leaves out).
     */
    start(caseId: string, work: (progress: (event: ImportProgress) => void) => Promise<ImportSummary>, failureOf: (error: unknown) => JobFailure): ImportJob {
      forgetOld();
      const id = randomUUID().replaceAll('-', '');
      const stamp = () => new Date(now()).toISOString();
      const first: ImportJob = { id, case: caseId, state: 'running', phase: 'queued', created: stamp(), updated: stamp() };
      const job = { view: first, finishedAt: null as number | null };
      jobs.set(id, job);
      const update = (change: Partial<ImportJob>) => {
        job.view = { ...job.view, ...change, updated: stamp() };
      };
      const progress = (event: ImportProgress) => {
        if (job.view.state !== 'running') return;
        if (event.phase === 'stage') {
          // On worker threads a per-document stage also tells how far through the documents it is.
          const within = (event as { documents?: { done: number; total: number } }).documents;
          update({ phase: 'stage', stage: event.stage, index: event.index, total: event.total, stageDocuments: within ? { done: within.done, total: within.total } : undefined });
        } else if (event.phase === 'read') update({ phase: 'reading', documents: event.documents });
        else if (event.phase === 'fetching') update({ phase: 'fetching', urls: event.urls });
        else update({ phase: event.phase });
      };
      // Started on the next turn of the event loop, so that the caller answers before any work blocks it.
      setImmediate(() => {
        Promise.resolve().then(() => work(progress)).then(
          (result) => update({ state: 'done', phase: 'done', result }),
          (error: unknown) => update({ state: 'failed', phase: 'failed', error: failureOf(error) }),
        ).finally(() => {
          job.finishedAt = now();
        });
      });
      return job.view;
    },

    /** The job's current view; undefined for an unknown or forgotten id. */
    get(id: string): ImportJob | undefined {
      forgetOld();
      return jobs.get(id)?.view;
    },
  };
}
