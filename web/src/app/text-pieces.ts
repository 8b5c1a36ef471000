/**
 * How the article viewer cuts a document's text: at every edge of a removed span or an evidence
 * highlight, so that each piece is uniformly removed or kept, highlighted or not. Plain functions
 * over offsets (UTF-16, end exclusive, as every span in the contract), tested in
 * test/server-ui.test.ts.
 */
export interface Range {
  start: number;
  end: number;
}

/** One run of text that is uniformly removed or not, and marked or not. */
export interface TextPiece {
  start: number;
  end: number;
  /** Index into the document's `removed`, or -1. */
  removed: number;
  /** Index into the merged highlights, or -1. */
  mark: number;
}

/** Overlapping or touching highlights become one, so that a `<mark>` never nests in another. */
export function mergeRanges(ranges: readonly Range[], length: number): Range[] {
  const sorted = ranges
    .map((range) => ({ start: Math.max(0, Math.min(range.start, length)), end: Math.max(0, Math.min(range.end, length)) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Cuts the text at every edge of a removed span or a highlight; `marks` sorted and apart, as `mergeRanges` makes them. */
export function textPieces(length: number, removed: readonly Range[], marks: readonly Range[]): TextPiece[] {
  const edges = new Set<number>([0, length]);
  for (const range of [...removed, ...marks]) {
    edges.add(Math.max(0, Math.min(range.start, length)));
    edges.add(Math.max(0, Math.min(range.end, length)));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  // Both lists are sorted by start and walked once alongside the cuts.
  const removedOrder = removed.map((range, index) => ({ ...range, index })).sort((a, b) => a.start - b.start);
  const pieces: TextPiece[] = [];
  let r = 0;
  let m = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    while (r < removedOrder.length && removedOrder[r]!.end <= start) r++;
    while (m < marks.length && marks[m]!.end <= start) m++;
    const removedHere = removedOrder[r] && removedOrder[r]!.start <= start ? removedOrder[r]!.index : -1;
    const markHere = marks[m] && marks[m]!.start <= start ? m : -1;
    pieces.push({ start, end, removed: removedHere, mark: markHere });
  }
  return pieces;
}
