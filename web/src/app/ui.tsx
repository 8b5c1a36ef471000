/** Small pieces the pages share: an error as the user should read it, dates and counts in words. */
import type { AnalysisDocument } from '../../../src/contract.ts';
import { ApiError } from '../api.ts';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.code === 'HTTP_ERROR' || error.code === 'NETWORK' ? error.message : `${error.message} [${error.code}]`;
  return error instanceof Error ? error.message : String(error);
}

export function ErrorNote({ error }: { error: unknown }) {
  return (
    <p class="error" role="alert">
      {errorText(error)}
    </p>
  );
}

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : WHEN.format(date);
}

/** "1 document", "3 documents". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? noun : nouns}`;
}

/** A document's title, else where it came from. */
export function titleOf(doc: AnalysisDocument): string {
  return doc.title?.trim() || doc.source;
}
