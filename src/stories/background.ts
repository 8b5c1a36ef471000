/**
 * How common a word is in news at large, for corpora too small to say so themselves. With two
 * articles, the corpus alone cannot tell an everyday word ("officials") from a telling one
 * ("ceasefire"): both occur in one or both. The shipped list ranks the 50,000 most frequent
 * entries of the public-domain GloVe vocabulary (derived by scripts/derive-stories-background.ts),
 * and Zipf's law turns a rank into the share of articles that contain the word.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { loadShippedModel } from '../models.js';

export const BACKGROUND_URL = new URL('../../models/stories/background-words.txt.gz', import.meta.url);

/** How many of the most frequent vocabulary entries the list keeps (ranks beyond are "rare"). */
export const BACKGROUND_WORDS = 50_000;

/**
 * With word frequency about 0.1 / rank (Zipf) and a news article of a few hundred words, a word
 * of rank r occurs in about 1 - exp(-30 / r) of articles: "said" (rank 15) in most, "government"
 * (70) in a third, a rank-10,000 word in 0.3 %.
 */
const ZIPF_ARTICLE_SCALE = 30;

let ranks: ReadonlyMap<string, number> | null = null;

/** Lower-cased word → frequency rank (1 = most frequent), loaded once. */
export function backgroundRanks(): ReadonlyMap<string, number> {
  ranks ??= loadShippedModel('stories', () => parseBackground(gunzipSync(readFileSync(BACKGROUND_URL)).toString('utf8')));
  return ranks;
}

/** One entry per line in rank order; blank lines hold the rank of a dropped punctuation entry. */
export function parseBackground(text: string): Map<string, number> {
  const byWord = new Map<string, number>();
  text.split('\n').forEach((word, index) => {
    if (word && !byWord.has(word)) byWord.set(word, index + 1);
  });
  return byWord;
}

/** The share of news articles expected to contain a word of this rank; unlisted words are rare. */
export function articleShare(rank: number | undefined): number {
  return 1 - Math.exp(-ZIPF_ARTICLE_SCALE / (rank ?? BACKGROUND_WORDS * 2));
}
