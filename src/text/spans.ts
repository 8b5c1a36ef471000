/**
 * Span lookups that answer in logarithmic time what a scan of a whole list would: which spans
 * overlap, contain, start or end in a range. Stages ask such questions once per sentence, quote
 * or mention, so a scan each time makes a long document quadratic (a 32k-sentence article took
 * four times as long as a 16k one). Answers come in the list's own order, so a lookup replaces
 * `list.filter(...)` or `list.find(...)` without changing which item wins.
 */
import type { Span } from '../document.js';

/**
 * An index over a list of spans in any order (overlapping and nested spans allowed). The list
 * must not change after the index is built.
 *
 * @example
 * const index = new SpanIndex(mentions);
 * index.overlapping({ start: 10, end: 20 }); // the mentions that share a character with 10-20
 */
export class SpanIndex<T extends Span> {
  /** Positions in `items`, sorted by start. */
  private readonly byStart: Int32Array;
  private readonly starts: Float64Array;
  /** A max-end tournament tree over `byStart`: node k covers its two children 2k and 2k + 1. */
  private readonly maxEnd: Float64Array;
  private readonly leaves: number;
  /** Positions sorted by end and the ends themselves, built on first use. */
  private byEnd: Int32Array | null = null;
  private ends: Float64Array | null = null;

  constructor(readonly items: readonly T[]) {
    const order = Array.from(items.keys()).sort((a, b) => items[a]!.start - items[b]!.start || a - b);
    this.byStart = Int32Array.from(order);
    this.starts = Float64Array.from(order, (i) => items[i]!.start);
    let leaves = 1;
    while (leaves < items.length) leaves *= 2;
    this.leaves = leaves;
    this.maxEnd = new Float64Array(2 * leaves).fill(-Infinity);
    order.forEach((i, at) => (this.maxEnd[leaves + at] = items[i]!.end));
    for (let node = leaves - 1; node >= 1; node--) this.maxEnd[node] = Math.max(this.maxEnd[2 * node]!, this.maxEnd[2 * node + 1]!);
  }

  /** Spans that share at least one character with `span` (as `overlaps` in document.ts). */
  overlapping(span: Span): T[] {
    return this.collect(lowerBound(this.starts, span.end), span.start, false);
  }

  /** The positions in the list of the spans that share a character with `span`, ascending. */
  overlappingPositions(span: Span): number[] {
    return this.positions(lowerBound(this.starts, span.end), span.start, false);
  }

  /** True when some span shares a character with `span`. */
  overlapsAny(span: Span): boolean {
    return this.search(lowerBound(this.starts, span.end), span.start, false, () => true);
  }

  /** Spans that hold all of `span` (start at or before it, end at or after it). */
  containing(span: Span): T[] {
    return this.collect(upperBound(this.starts, span.start), span.end, true);
  }

  /** True when some span holds all of `span`. */
  containsAny(span: Span): boolean {
    return this.search(upperBound(this.starts, span.start), span.end, true, () => true);
  }

  /** Spans that lie wholly inside `span`. */
  within(span: Span): T[] {
    return this.startingIn(span.start, span.end).filter((item) => item.end <= span.end);
  }

  /** Spans whose start lies in `from`..`to`, both included. */
  startingIn(from: number, to: number): T[] {
    return this.inOrder(this.byStart.subarray(lowerBound(this.starts, from), upperBound(this.starts, to)));
  }

  /** Spans whose end lies in `from`..`to`, both included. */
  endingIn(from: number, to: number): T[] {
    if (!this.byEnd || !this.ends) {
      const order = Array.from(this.items.keys()).sort((a, b) => this.items[a]!.end - this.items[b]!.end || a - b);
      this.byEnd = Int32Array.from(order);
      this.ends = Float64Array.from(order, (i) => this.items[i]!.end);
    }
    return this.inOrder(this.byEnd.subarray(lowerBound(this.ends, from), upperBound(this.ends, to)));
  }

  /** The items at the given positions, in list order. */
  private inOrder(positions: Int32Array | number[]): T[] {
    return Array.from(positions)
      .sort((a, b) => a - b)
      .map((i) => this.items[i]!);
  }

  /** Every item among the first `count` by start whose end passes `bound`, in list order. */
  private collect(count: number, bound: number, orEqual: boolean): T[] {
    return this.positions(count, bound, orEqual).map((i) => this.items[i]!);
  }

  /** The positions of those items, ascending. */
  private positions(count: number, bound: number, orEqual: boolean): number[] {
    const found: number[] = [];
    this.search(count, bound, orEqual, (i) => {
      found.push(i);
      return false;
    });
    return found.sort((a, b) => a - b);
  }

  /**
   * Visits every item among the first `count` by start whose end is beyond `bound` (or equal to
   * it, with `orEqual`), skipping whole subtrees whose ends all fall short; stops and returns
   * true when `visit` does.
   */
  private search(count: number, bound: number, orEqual: boolean, visit: (position: number) => boolean): boolean {
    if (count <= 0) return false;
    const stack = [1, 0, this.leaves];
    while (stack.length > 0) {
      const to = stack.pop()!;
      const from = stack.pop()!;
      const node = stack.pop()!;
      const end = this.maxEnd[node]!;
      if (from >= count || end < bound || (end === bound && !orEqual)) continue;
      if (to - from === 1) {
        if (visit(this.byStart[from]!)) return true;
        continue;
      }
      const middle = (from + to) >> 1;
      stack.push(2 * node + 1, middle, to, 2 * node, from, middle);
    }
    return false;
  }
}

const cached = new WeakMap<readonly Span[], SpanIndex<Span>>();

/** The index of a list that is never changed, built on first use and kept as long as the list. */
export function spanIndexOf<T extends Span>(list: readonly T[]): SpanIndex<T> {
  let index = cached.get(list);
  if (!index) {
    index = new SpanIndex(list);
    cached.set(list, index);
  }
  return index as SpanIndex<T>;
}

/**
 * The position of the first span that ends after `offset` in spans ordered and not overlapping
 * (sentences, paragraphs), or `spans.length` when none does: the span that holds `offset`, or
 * the next one.
 */
export function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.end > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The position of the last span that starts before `offset` in ordered spans, or -1. */
export function lastStartingBefore(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** How many of the sorted `values` are below `value`. */
function lowerBound(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many of the sorted `values` are at or below `value`. */
function upperBound(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
