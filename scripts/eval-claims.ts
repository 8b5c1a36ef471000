/**
 * Scores the shipped claim matcher on MRPC (../shared/data/mrpc, train file only):
 *   npm run eval:claims [-- --no-variants]
 * Prints accuracy and F1 on the 408 held-out pairs (classifier alone, and with the contradiction
 * rule that comparePrepared applies), 10-fold cross-validation of every variant, published test
 * figures for scale, speed on one core, blocking recall, and model sizes.
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { candidatePairs, comparePrepared, prepareSentence, type PreparedSentence } from '../src/similarity/index.js';
import { classify, CLASSIFIER_URL, shippedClassifier } from '../src/similarity/classifier.js';
import { crossValidate, featurize, heldOutScores, percent, scoresOf, VARIANTS, type Scores } from '../src/similarity/training/experiment.js';
import { readMrpc, splitMrpc } from '../src/similarity/training/mrpc.js';
import { shippedVectors, VECTORS_URL } from '../src/similarity/vectors.js';
import { analyze } from '../src/index.js';

const { values } = parseArgs({ options: { 'no-variants': { type: 'boolean', default: false } } });
const row = (name: string, scores: Scores): string => `  ${name.padEnd(44)} ${percent(scores.accuracy).padStart(5)}  ${percent(scores.f1).padStart(5)}  (${scores.pairs} pairs)`;

const pairs = readMrpc(fileURLToPath(new URL('../../shared/data/mrpc/train.tsv', import.meta.url)));
const vectors = shippedVectors();
const model = shippedClassifier();
const rows = featurize(pairs, vectors);
const { train, heldOut } = splitMrpc(rows);
const heldPairs = splitMrpc(pairs).heldOut;

console.log('MRPC, accuracy / F1 of the positive class (threshold 0.5)');
console.log(`  ${''.padEnd(44)}  acc.     F1`);
const labels = heldOut.map((pair) => pair.label);
console.log(row(`shipped ${model.kind}, held out`, scoresOf(heldOut.map((pair) => classify(model, pair.features)), labels)));
const heldProbabilities = heldOut.map((pair) => classify(model, pair.features));
console.log(
  `  held out by threshold (precision / recall / accuracy): ${[0.2, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7]
    .map((threshold) => {
      const scores = scoresOf(heldProbabilities, labels, threshold);
      return `${threshold}: ${percent(scores.precision)}/${percent(scores.recall)}/${percent(scores.accuracy)}`;
    })
    .join('; ')}`,
);
const prepared = heldPairs.map((pair) => [prepareSentence(pair.first), prepareSentence(pair.second)] as const);
console.log(row('  with the contradiction rule (comparePrepared)', scoresOf(prepared.map(([a, b]) => comparePrepared(a, b).same), labels)));
if (!values['no-variants']) {
  for (const variant of VARIANTS) {
    console.log(row(`${variant.name}: held out`, heldOutScores(variant, train, heldOut)));
    console.log(row(`${variant.name}: 10-fold CV`, crossValidate(variant, rows)));
  }
}
console.log('Published, official test set: all positive 66.5 / 79.9; Mihalcea 2006 70.3 / 81.3; Madnani 2012 77.4 / 84.1;');
console.log('  Ji & Eisenstein 2013 80.4 / 85.9; BERT-base 84.8 / 88.9');

// Speed: CPU time of this process (the machine may be shared), fastest of three passes, one core.
const cpuSeconds = (run: () => void): number => {
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
};
const sentences = pairs.flatMap((pair) => [pair.first, pair.second]);
let all: PreparedSentence[] = [];
const prepareSeconds = cpuSeconds(() => {
  all = sentences.map((sentence) => prepareSentence(sentence));
});
const compareSeconds = cpuSeconds(() => {
  for (let i = 0; i < all.length; i += 2) comparePrepared(all[i]!, all[i + 1]!);
});
console.log(`Speed (CPU time, one core, best of 3): prepareSentence ${Math.round(sentences.length / prepareSeconds)} sentences/s; comparePrepared ${Math.round(pairs.length / compareSeconds)} pairs/s`);

// Blocking: how many true paraphrase pairs share a key, over all MRPC sentences at once.
let candidates: [number, number][] = [];
const blockSeconds = cpuSeconds(() => {
  candidates = candidatePairs(all);
});
const found = new Set(candidates.map(([i, j]) => `${i} ${j}`));
const positives = pairs.map((pair, k) => ({ pair, k })).filter(({ pair }) => pair.label === 1);
const recalled = positives.filter(({ k }) => found.has(`${2 * k} ${2 * k + 1}`)).length;
const allPairs = (all.length * (all.length - 1)) / 2;
console.log(
  `Blocking: ${all.length} sentences, ${candidates.length} candidate pairs (${((100 * candidates.length) / allPairs).toFixed(2)} % of all ${allPairs}) in ${blockSeconds.toFixed(2)} s; recall of paraphrase pairs ${percent(recalled / positives.length)} % (${recalled}/${positives.length})`,
);

const kb = (url: URL): string => `${(statSync(url).size / 1024).toFixed(0)} KB`;
console.log(`Models: vectors ${kb(VECTORS_URL)} (${vectors.words.length} words x ${vectors.dims}), classifier ${kb(CLASSIFIER_URL)}`);

// Through the product, as a user runs it: each held-out pair becomes two one-sentence articles
// from two outlets, analysed by `analyze` (every stage, including check-worthiness, stories and the
// claim grouping). A pair counts as "same" when both sentences end up in one claim group.
const productPairs = heldPairs;
let extractedBoth = 0;
const grouped: number[] = [];
const before = process.cpuUsage();
for (const pair of productPairs) {
  const analysis = await analyze([
    { content: `${pair.first}\n`, source: 'a.txt', outlet: 'Outlet A' },
    { content: `${pair.second}\n`, source: 'b.txt', outlet: 'Outlet B' },
  ]);
  const docsOfGroups = analysis.claims.map((claim) => new Set(claim.members.map((member) => member.doc)));
  const docIds = analysis.documents.map((doc) => doc.id);
  const both = docIds.every((doc) => docsOfGroups.some((docs) => docs.has(doc)));
  if (both) extractedBoth += 1;
  grouped.push(docsOfGroups.some((docs) => docs.size === 2) ? 1 : 0);
}
const productSeconds = (process.cpuUsage(before).user + process.cpuUsage(before).system) / 2e6;
console.log('Through `analyze` (held-out pairs as two one-sentence articles; same = one claim group):');
console.log(row('product path, all held-out pairs', scoresOf(grouped, labels)));
console.log(`  both sentences kept as claims in ${extractedBoth} of ${productPairs.length} pairs (the rest fail check-worthiness: no name, figure or date)`);
console.log(`  ${productPairs.length} analyses in ${productSeconds.toFixed(1)} s of CPU`);
