/**
 * The document model: one object per article carries the text exactly as read, where it came
 * from, and the messages about it. Every later result is a standoff span into `text`
 * (half-open, UTF-16 code units), so the text itself is never rewritten.
 *
 * Stage results live in `results`, keyed by stage name. `StageResults` starts empty and each
 * stage module adds its own key by declaration merging, so this file never lists the stages.
 */

export interface Span {
  start: number;
  end: number;
}

/** A span that also names its document: the evidence pointer used across the whole contract. */
export interface DocSpan extends Span {
  doc: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem in the data, never an exception. `rule` is stable; `text` is for people. */
export interface Message {
  /** The document's id, or null for a problem with the run as a whole (a missing path). */
  doc: string | null;
  stage: string;
  rule: string;
  severity: Severity;
  text: string;
  start?: number;
  end?: number;
}

export type InputFormat = 'txt' | 'md' | 'html' | 'json' | 'jsonl';

/** What a reader knows about an article besides its text. */
export interface DocumentMeta {
  title: string | null;
  /** Where the title sits in `text`, when it was recovered from the text itself. */
  titleSpan: Span | null;
  outlet: string | null;
  published: string | null;
  modified: string | null;
  url: string | null;
  byline: string | null;
  language: string | null;
  /** True when the page is an index, gallery or other non-article page. */
  notArticle?: boolean;
}

/** Filled in by stages through declaration merging: `interface StageResults { clean: ... }`. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface StageResults {}

export interface Doc {
  id: string;
  /** The path or URL the article came from, as the user gave it. */
  source: string;
  format: InputFormat;
  text: string;
  meta: DocumentMeta;
  messages: Message[];
  results: Partial<StageResults>;
}

export function emptyMeta(): DocumentMeta {
  return {
    title: null,
    titleSpan: null,
    outlet: null,
    published: null,
    modified: null,
    url: null,
    byline: null,
    language: null,
  };
}

export function sliceOf(doc: Pick<Doc, 'text'>, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** True when `inner` lies wholly inside `outer`. */
export function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** True when the two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function bySpanOrder(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}
