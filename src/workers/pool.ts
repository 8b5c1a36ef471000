/**
 * A pool of worker threads that runs the per-document stages, so that an import or an analysis
 * uses every core and the main thread's event loop stays free while documents are analysed.
 *
 * Workers start when first needed and are kept between runs, so each loads the models once per
 * process; an idle worker never keeps the process alive (it is unref'd) and ends after
 * `idleMs`. Documents go out in batches of consecutive documents, taken by whichever worker is
 * free, and come back into their places, so the result never depends on scheduling. A worker
 * that dies (a crash, running out of memory) fails the runs it was working for with
 * WORKER_FAILED, naming their documents, and a fresh worker takes its place for later batches.
 *
 * Written here rather than taken from a pool library (piscina, workerpool) because what is
 * needed is small and specific: batches of one run in order, a per-run thread limit, and a
 * worker entry that is TypeScript under tsx and JavaScript in dist.
 */
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Doc } from '../document.js';
import { CrosscheckError } from '../errors.js';
import type { BatchReply, BatchRequest } from './protocol.js';

export type DocumentOutcome = Pick<Doc, 'results' | 'messages'>;

export interface PoolOptions {
  /** The worker's entry module. Default: worker.ts (under tsx) or worker.js (in dist) beside this file. */
  entry?: URL;
  /** How long an idle worker lives, in milliseconds. Default 60 s. */
  idleMs?: number;
  /**
   * Heap limit of each worker in MB. Default: the main thread's. With a limit, a worker that
   * runs out of memory ends alone (and its run fails) instead of taking the process down.
   */
  maxOldGenerationSizeMb?: number;
}

export interface PoolRunOptions {
  /** At most this many workers work for this run at once. */
  threads: number;
  /** Told each time one stage is done with some more documents: the stage's index and the count. */
  onStageDone?: (stage: number, documents: number) => void;
}

interface RunState {
  threads: number;
  active: number;
  outcomes: DocumentOutcome[];
  batchesLeft: number;
  settled: boolean;
  onStageDone: ((stage: number, documents: number) => void) | undefined;
  resolve(outcomes: DocumentOutcome[]): void;
  reject(error: Error): void;
}

interface Batch {
  run: RunState;
  /** Index of the batch's first document in the run. */
  first: number;
  request: BatchRequest;
}

interface PoolWorker {
  thread: Worker;
  batch: Batch | null;
  idleTimer: NodeJS.Timeout | null;
  /** Set when the pool ends the worker itself, so that its exit is no failure. */
  retiring: boolean;
  /** The uncaught error that is about to end the worker, if any. */
  error: Error | null;
}

/** Batches per worker: enough that a worker done early takes over the tail of the run. */
const BATCHES_PER_WORKER = 8;

export class DocumentPool {
  private readonly entry: URL;
  /** How long an idle worker lives, in milliseconds; a change applies from the next time a worker goes idle. */
  idleMs: number;
  private readonly maxOldGenerationSizeMb: number;
  private readonly workers = new Set<PoolWorker>();
  private readonly queue: Batch[] = [];
  private readonly running = new Set<RunState>();
  private nextBatch = 1;

  constructor(options: PoolOptions = {}) {
    this.entry = options.entry ?? new URL(`./worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
    this.idleMs = options.idleMs ?? 60_000;
    this.maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20);
  }

  /** Workers alive now, busy or idle. */
  get size(): number {
    return this.workers.size;
  }

  /**
   * Runs the stages over the documents on up to `threads` workers; resolves to each document's
   * results and messages, in the documents' order.
   */
  run(docs: readonly Doc[], stages: BatchRequest['stages'], options: PoolRunOptions): Promise<DocumentOutcome[]> {
    if (docs.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const threads = Math.max(1, Math.floor(options.threads));
      const size = Math.ceil(docs.length / (threads * BATCHES_PER_WORKER));
      const run: RunState = { threads, active: 0, outcomes: new Array(docs.length), batchesLeft: 0, settled: false, onStageDone: options.onStageDone, resolve, reject };
      for (let first = 0; first < docs.length; first += size) {
        this.queue.push({ run, first, request: { batch: this.nextBatch++, stages, docs: docs.slice(first, first + size) } });
        run.batchesLeft++;
      }
      this.running.add(run);
      this.dispatch();
    });
  }

  /** Ends every worker; a later run starts new ones. */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => this.retire(worker)));
  }

  /** Hands queued batches to free workers, starting workers up to the largest limit of a running run. */
  private dispatch(): void {
    for (;;) {
      const next = this.queue.findIndex((batch) => batch.run.active < batch.run.threads);
      if (next === -1) return;
      const wanted = Math.max(...[...this.running].map((run) => run.threads));
      const worker = [...this.workers].find((candidate) => candidate.batch === null && !candidate.retiring) ?? (this.workers.size < wanted ? this.spawn() : null);
      if (!worker) return;
      const [batch] = this.queue.splice(next, 1);
      this.assign(worker, batch!);
    }
  }

  private spawn(): PoolWorker {
    const worker: PoolWorker = { thread: startWorker(this.entry, this.maxOldGenerationSizeMb), batch: null, idleTimer: null, retiring: false, error: null };
    worker.thread.on('message', (reply: BatchReply) => this.receive(worker, reply));
    worker.thread.on('error', (error) => {
      worker.error = error;
    });
    worker.thread.on('exit', (code) => this.exited(worker, code));
    this.workers.add(worker);
    return worker;
  }

  private assign(worker: PoolWorker, batch: Batch): void {
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    worker.idleTimer = null;
    worker.batch = batch;
    batch.run.active++;
    worker.thread.ref();
    try {
      worker.thread.postMessage(batch.request);
    } catch (error) {
      // Something in the batch is not plain data (a function among the stage options).
      this.release(worker);
      this.fail(batch.run, new CrosscheckError('INVALID_OPTIONS', `The per-document stages' options and documents must be plain data to reach a worker thread: ${(error as Error).message}`, { cause: error }));
    }
  }

  private receive(worker: PoolWorker, reply: BatchReply): void {
    const batch = worker.batch;
    if (!batch || batch.request.batch !== reply.batch) return;
    const { run } = batch;
    if (reply.kind === 'progress') {
      this.tell(run, reply.stage, reply.documents);
      return;
    }
    this.release(worker);
    if (reply.kind === 'failed') {
      this.fail(run, new CrosscheckError(reply.code, reply.message));
    } else if (!run.settled) {
      reply.docs.forEach((outcome, i) => {
        run.outcomes[batch.first + i] = outcome;
      });
      if (batch.request.stages.length > 0) this.tell(run, batch.request.stages.length - 1, reply.docs.length);
      if (--run.batchesLeft === 0 && !run.settled) {
        run.settled = true;
        this.running.delete(run);
        run.resolve(run.outcomes);
      }
    }
    this.dispatch();
  }

  /** The worker is free: it no longer holds the process open, and ends if nothing comes for it. */
  private release(worker: PoolWorker): void {
    if (worker.batch) worker.batch.run.active--;
    worker.batch = null;
    worker.thread.unref();
    worker.idleTimer = setTimeout(() => void this.retire(worker), this.idleMs);
    worker.idleTimer.unref();
  }

  private async retire(worker: PoolWorker): Promise<void> {
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    worker.retiring = true;
    this.workers.delete(worker);
    await worker.thread.terminate();
  }

  private exited(worker: PoolWorker, code: number): void {
    this.workers.delete(worker);
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    const batch = worker.batch;
    if (!batch) return;
    batch.run.active--;
    const why = worker.retiring ? 'the pool was closed' : worker.error ? worker.error.message : `exit code ${code}`;
    const sources = batch.request.docs.map((doc) => doc.source);
    const named = sources.length > 3 ? `${sources.slice(0, 3).join(', ')} and ${sources.length - 3} more` : sources.join(', ');
    this.fail(
      batch.run,
      new CrosscheckError(
        'WORKER_FAILED',
        `A worker thread stopped (${why}) while analysing ${sources.length} document(s): ${named}. Nothing from this run was kept; run it again, or with one thread (--threads 1) to analyse on the main thread.`,
        { cause: worker.error ?? undefined },
      ),
    );
    // Other runs' batches waiting in the queue get a fresh worker.
    this.dispatch();
  }

  /** Passes progress on; a listener that throws fails its run, as it would on one thread. */
  private tell(run: RunState, stage: number, documents: number): void {
    if (run.settled) return;
    try {
      run.onStageDone?.(stage, documents);
    } catch (error) {
      this.fail(run, error as Error);
    }
  }

  /** Ends a run with an error; its queued batches are dropped and those in flight are ignored when they return. */
  private fail(run: RunState, error: Error): void {
    if (run.settled) return;
    run.settled = true;
    this.running.delete(run);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.run === run) this.queue.splice(i, 1);
    run.reject(error);
  }
}

/**
 * Node 20 loads a worker's entry before the `--import tsx` hooks it inherits are in place, so
 * under tsx (the tests, the scripts) a TypeScript entry is loaded by a small bootstrap that
 * registers tsx in the worker first. From dist the entry is plain JavaScript.
 */
function startWorker(entry: URL, maxOldGenerationSizeMb: number): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb } };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => api.register()).then(() => import(${JSON.stringify(entry.href)}))`;
  return new Worker(bootstrap, { ...options, eval: true });
}
