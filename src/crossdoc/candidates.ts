/**
 * Candidate pairs without an all-pairs step: items are indexed by their keys (entity ids, rare
 * content words), and an item is compared only with items that share at least `minShared` keys.
 * Keys held by more than `maxPostings` items say little and would make the step quadratic, so
 * they are left out of the index; each item keeps at most `maxCandidates` partners, those that
 * share the most keys.
 */
export interface CandidateOptions {
  minShared: number;
  maxPostings: number;
  maxCandidates: number;
  /** Whether two items may be compared at all (e.g. only across documents). */
  comparable?: (a: number, b: number) => boolean;
}

/** Pairs [a, b] with a < b, each once, in increasing order of a then b. */
export function candidatePairs(keys: readonly (readonly string[])[], options: CandidateOptions): [number, number][] {
  const postings = new Map<string, number[]>();
  keys.forEach((itemKeys, item) => {
    for (const key of new Set(itemKeys)) {
      const list = postings.get(key);
      if (list) list.push(item);
      else postings.set(key, [item]);
    }
  });
  const pairs: [number, number][] = [];
  const shared = new Map<number, number>();
  keys.forEach((itemKeys, item) => {
    shared.clear();
    for (const key of new Set(itemKeys)) {
      const list = postings.get(key)!;
      if (list.length > options.maxPostings) continue;
      for (const other of list) {
        if (other <= item) continue;
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
