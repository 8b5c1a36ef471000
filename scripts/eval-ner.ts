/**
 * Scores the shipped name tagger on CoNLL-2003 validation (eng.testa): conlleval-style exact
 * span micro F1 over PER / ORG / LOC / MISC, per-type scores, and the tagging speed on one core
 * (tagging alone: features, scoring and decoding, after the model is loaded).
 *
 *   npm run eval:ner
 */
import { fileURLToPath } from 'node:url';
import { defaultModel, tagDocument } from '../src/ner/tagger.js';
import { goldSpans, readConll, scoreSpans } from '../src/ner/training/conll.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const validPath = `${root}../shared/data/conll2003/valid.txt`;
const types = ['PER', 'ORG', 'LOC', 'MISC'];

const loadStart = performance.now();
const model = defaultModel();
const loadMs = performance.now() - loadStart;
const docs = readConll(validPath);
const sentences = docs.map((doc) => doc.sentences.map((s) => s.forms));
const tokens = sentences.flat(2).length;

const predicted = sentences.flatMap((doc) => tagDocument(model, doc));
const scores = scoreSpans(docs.flatMap(goldSpans), predicted, types);

// Speed: the best of several full passes, in CPU time of this (single-threaded) process, so
// that other work on the machine does not count against the tagger; wall time is shown too.
let bestMs = Infinity;
let bestWallMs = Infinity;
for (let round = 0; round < 5; round++) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  for (const doc of sentences) tagDocument(model, doc);
  const used = process.cpuUsage(cpu);
  bestMs = Math.min(bestMs, (used.user + used.system) / 1000);
  bestWallMs = Math.min(bestWallMs, performance.now() - wall);
}

const pct = (x: number) => (x * 100).toFixed(2).padStart(6);
console.log(`CoNLL-2003 validation (eng.testa): ${docs.length} documents, ${tokens} tokens`);
console.log('type   precision  recall      F1   gold  predicted');
for (const s of [...scores.byType, scores.overall]) {
  console.log(`${(s.type === '*' ? 'ALL' : s.type).padEnd(5)}  ${pct(s.precision)}    ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.gold).padStart(5)}  ${String(s.predicted).padStart(9)}`);
}
console.log(`F1 ${pct(scores.overall.f1).trim()}`);
console.log(`speed ${Math.round(tokens / (bestMs / 1000)).toLocaleString('en-US')} tokens/s on one core (CPU time; wall clock ${Math.round(tokens / (bestWallMs / 1000)).toLocaleString('en-US')} tokens/s; best of 5 passes; model load ${Math.round(loadMs)} ms)`);
