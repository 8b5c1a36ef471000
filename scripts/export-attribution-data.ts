/**
 * Writes the inputs of the neural attribution tagger for scripts/train-attribution.py:
 *   node --import tsx scripts/export-attribution-data.ts <folder>
 * train.jsonl: PolNeAR train articles cut into paragraph units (as the linear labeller trains);
 * dev.jsonl: CofeNet's dev BIO file, the units the published protocol scores. One unit a line:
 * words, per-token input codes (src/quotes/neural/inputs.ts) and gold tag indices.
 * vectors.f32: the shipped GloVe-derived vectors of the words seen, row 0 zeros for words
 * without one, little-endian float32, `dims` per row (vectors.json).
 * The folder is scratch space: it holds dataset text and must stay outside the repository.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenInputs } from '../src/quotes/neural/inputs.js';
import { TAGS } from '../src/quotes/perceptron.js';
import { readBioFile, readPolnearDocs, tagDocument } from '../src/quotes/polnear.js';
import { shippedVectors } from '../src/similarity/vectors.js';

const out = process.argv[2];
if (!out) throw new Error('usage: export-attribution-data.ts <folder>');
mkdirSync(out, { recursive: true });
const data = (path: string): string => fileURLToPath(new URL(`../../shared/data/polnear/${path}`, import.meta.url));
const vectors = shippedVectors();
const tagIndex = new Map<string, number>(TAGS.map((tag, i) => [tag, i]));
const compactRows = new Map<number, number>();
const usedRows: number[] = [];

function unitLine(tokens: readonly string[], tags: readonly string[]): string {
  const inputs = tokenInputs(tokens);
  const vectorIds = inputs.lower.map((word) => {
    const row = vectors.rows.get(word);
    if (row === undefined) return 0;
    let id = compactRows.get(row);
    if (id === undefined) {
      usedRows.push(row);
      id = usedRows.length;
      compactRows.set(row, id);
    }
    return id;
  });
  return JSON.stringify({
    words: inputs.words,
    vector: vectorIds,
    shape: [...inputs.shape],
    mark: [...inputs.mark],
    inside: [...inputs.inside],
    cue: [...inputs.cue],
    attributed: [...inputs.attributed],
    tags: tags.map((tag) => tagIndex.get(tag)!),
  });
}

const train = readPolnearDocs(data('derived/train.jsonl')).flatMap((doc) => tagDocument(doc));
writeFileSync(join(out, 'train.jsonl'), train.map((unit) => unitLine(unit.words, unit.tags)).join('\n') + '\n');
const dev = readBioFile(data('cofenet-bio/valid.jsonl'));
writeFileSync(join(out, 'dev.jsonl'), dev.map((unit) => unitLine(unit.tokens, unit.labels)).join('\n') + '\n');

const matrix = new Float32Array((usedRows.length + 1) * vectors.dims);
usedRows.forEach((row, i) => matrix.set(vectors.unit.subarray(row * vectors.dims, (row + 1) * vectors.dims), (i + 1) * vectors.dims));
writeFileSync(join(out, 'vectors.f32'), Buffer.from(matrix.buffer));
writeFileSync(join(out, 'vectors.json'), JSON.stringify({ dims: vectors.dims, rows: usedRows.length + 1, tags: TAGS }));
console.log(`export: ${train.length} train units, ${dev.length} dev units, ${usedRows.length} vectors, in ${out}`);
