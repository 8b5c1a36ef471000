/**
 * The `--threads` flag, shared by `analyze` and `add`, and the progress line both print, which
 * counts documents while the per-document stages run on worker threads.
 */
import { InvalidArgumentError, Option } from 'commander';
import type { ProgressEvent } from '../analyze.js';

export interface ThreadFlags {
  /** Absent: one per core, none for a small input (the library's default). */
  threads?: number;
}

export function threadsOption(): Option {
  return new Option('--threads <n>', 'worker threads for the per-document stages; 1 runs everything on one thread (default: one per core, none for a small input)').argParser((value: string) => {
    const threads = Number(value);
    if (!Number.isInteger(threads) || threads < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
    return threads;
  });
}

/** One progress line: "read 40 document(s)", "[3/14] mentions", "[3/14] mentions 120/400". */
export function progressLine(event: ProgressEvent): string {
  if (event.phase === 'read') return `read ${event.documents} document(s)`;
  return `[${event.index + 1}/${event.total}] ${event.stage}${event.documents ? ` ${event.documents.done}/${event.documents.total}` : ''}`;
}
