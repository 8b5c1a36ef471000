/**
 * Candidate pairs without an all-pairs step: items are indexed by their keys (entity ids, rare
 * content words), and an item is compared only with items that share at least `minShared` keys.
 * A key held by many items ("Russia" in a story about Russia) would make that quadratic, so each
 * item meets only the next `window` holders of each key, in input order, and keys held by more
 * than `maxPostings` items are left out altogether; each item keeps at most `maxCandidates`
 * partners, those that share the most keys. The work is linear in the number of items.
 */
export interface CandidateOptions {
  minShared: number;
  /** Keys held by more items than this are not used at all (default: no limit). */
  maxPostings?: number;
  /** Each item meets at most this many later holders of each key (default: no limit). */
  window?: number;
  maxCandidates: number;
  /** Whether two items may be compared at all (e.g. only across documents). */
  comparable?: (a: number, b: number) => boolean;
}

/** Pairs [a, b] with a < b, each once, in increasing order of a then b. */
export function candidatePairs(keys: readonly (readonly string[])[], options: CandidateOptions): [number, number][] {
  const maxPostings = options.maxPostings ?? Infinity;
  const window = options.window ?? Infinity;
  const postings = new Map<string, number[]>();
  // Where each item stands in each of its keys' postings, so that it can look ahead from there.
  const positions = keys.map((itemKeys, item) =>
    [...new Set(itemKeys)].map((key) => {
      const list = postings.get(key);
      if (list) {
        list.push(item);
        return { key, at: list.length - 1 };
      }
      postings.set(key, [item]);
      return { key, at: 0 };
    }),
  );
  const pairs: [number, number][] = [];
  const shared = new Map<number, number>();
  positions.forEach((itemPositions, item) => {
    shared.clear();
    for (const { key, at } of itemPositions) {
      const list = postings.get(key)!;
      if (list.length > maxPostings) continue;
      const last = Math.min(list.length - 1, at + window);
      for (let next = at + 1; next <= last; next += 1) {
        const other = list[next]!;
        shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const partners = [...shared]
      .filter(([other, count]) => count >= options.minShared && (options.comparable?.(item, other) ?? true))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, options.maxCandidates)
      .map(([other]) => other)
      .sort((a, b) => a - b);
    for (const other of partners) pairs.push([item, other]);
  });
  return pairs;
}
