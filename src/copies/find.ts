/**
 * Copies between documents: syndicated and near-duplicate articles, and passages one article
 * shares with another. Candidates come from MinHash bands and passage fingerprints (never every
 * pair); each candidate is then aligned word by word, and only what the alignment verifies is
 * reported.
 *
 * Thresholds (options of the `copies` stage):
 * - a shared run counts from `minRunWords` (8) words: shorter runs are stock phrases ("said in a
 *   statement on Monday") that unrelated articles share;
 * - `duplicate`: the runs cover at least 0.9 of each document's kept words;
 * - `near-duplicate`: they cover at least 0.6 of the shorter document's kept words (a wire story
 *   with a new headline, a cut or an added paragraph);
 * - `shared-passages`: less than that, but one passage of at least `minPassageWords` (25) words,
 *   about two sentences: a quoted paragraph, a background block lifted from another article. A
 *   passage is one run, or runs in the same order in both texts with up to three edited words
 *   between them.
 *
 * A copy is linked, never dropped: both documents stay in the analysis.
 */
import type { Copy } from '../contract.js';
import type { Doc, Message } from '../document.js';
import { alignTexts } from './align.js';
import { candidatePairs } from './candidates.js';
import { shingleCorpus, type ShingledText } from './shingles.js';

export interface CopyOptions {
  /** Shortest shared run, in words, that counts toward the overlap. Default 8. */
  minRunWords: number;
  /** Shortest shared passage, in words, that links two otherwise different documents. Default 25. */
  minPassageWords: number;
  /** Share of both documents' words that makes a duplicate. Default 0.9. */
  duplicate: number;
  /** Share of the shorter document's words that makes a near-duplicate. Default 0.6. */
  nearDuplicate: number;
}

export const COPY_DEFAULTS: CopyOptions = { minRunWords: 8, minPassageWords: 25, duplicate: 0.9, nearDuplicate: 0.6 };

export interface CopiesFound {
  copies: Copy[];
  messages: Message[];
}

/**
 * The copies among `docs`, each pair ordered earlier-published first (input order when a date is
 * missing or equal), in the order of their earlier document.
 *
 * @example findCopies(docs).copies[0] // { docs: ['wire', 'times'], overlap: 0.93, kind: 'near-duplicate', passages: [...] }
 */
export function findCopies(docs: readonly Readonly<Doc>[], given: Partial<CopyOptions> = {}): CopiesFound {
  const options = { ...COPY_DEFAULTS, ...given };
  const corpus = shingleCorpus(docs.map((doc) => ({ text: doc.text, removed: doc.results.clean?.removed ?? [] })));
  const copies: { copy: Copy; order: [number, number] }[] = [];
  const count = docs.length;

  const pairs = candidatePairs(corpus, options);
  for (let index = 0; index < pairs.length; index += 1) {
    const key = pairs[index]!;
    const first = Math.floor(key / count);
    const second = key - first * count;
    const [early, late] = publishedBefore(docs[second]!, docs[first]!) ? [second, first] : [first, second];
    const copy = verify(corpus.text(early), corpus.text(late), options);
    if (copy) copies.push({ copy: { docs: [docs[early]!.id, docs[late]!.id], ...copy }, order: [early, late] });
  }

  copies.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1]);
  const messages: Message[] = [];
  const told = new Set<string>();
  for (const { copy } of copies) {
    // One note per document, naming the first document it repeats.
    if (copy.kind === 'shared-passages' || told.has(copy.docs[1])) continue;
    told.add(copy.docs[1]);
    messages.push({
      doc: copy.docs[1],
      stage: 'copies',
      rule: `copies/${copy.kind}`,
      severity: 'info',
      text: `This document repeats ${copy.docs[0]} (${copy.kind}, ${Math.round(copy.overlap * 100)}% of the shorter one's words): both are kept and linked, and they count as one source.`,
    });
  }
  return { copies: copies.map(({ copy }) => copy), messages };
}

function verify(a: ShingledText, b: ShingledText, options: CopyOptions): Omit<Copy, 'docs'> | null {
  const alignment = alignTexts(a, b, options.minRunWords);
  if (!alignment) return null;
  const shareA = alignment.coveredA / a.wordHashes.length;
  const shareB = alignment.coveredB / b.wordHashes.length;
  const lengthA = a.wordHashes.length;
  const lengthB = b.wordHashes.length;
  const overlap = lengthA === lengthB ? Math.min(shareA, shareB) : lengthA < lengthB ? shareA : shareB;
  const kind: Copy['kind'] | null =
    shareA >= options.duplicate && shareB >= options.duplicate
      ? 'duplicate'
      : overlap >= options.nearDuplicate
        ? 'near-duplicate'
        : alignment.longest >= options.minPassageWords
          ? 'shared-passages'
          : null;
  if (!kind) return null;
  return {
    overlap: Math.round(overlap * 1000) / 1000,
    kind,
    // Passages shared by documents that are otherwise different are listed only where they are
    // long enough to link them; stock phrases elsewhere in the two texts are left out.
    passages: alignment.runs
      .filter((run) => kind !== 'shared-passages' || run.passageWords >= options.minPassageWords)
      .map(({ a: inA, b: inB }) => ({ a: inA, b: inB })),
  };
}

/** True when `a` is dated strictly before `b`; an undated document is never "before". */
function publishedBefore(a: Readonly<Doc>, b: Readonly<Doc>): boolean {
  const timeA = a.meta.published ? Date.parse(a.meta.published) : NaN;
  const timeB = b.meta.published ? Date.parse(b.meta.published) : NaN;
  return Number.isFinite(timeA) && Number.isFinite(timeB) && timeA < timeB;
}
