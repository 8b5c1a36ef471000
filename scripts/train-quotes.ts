/**
 * Rebuilds models/quotes/labeller.json.gz from the PolNeAR train split:
 *   npm run train:quotes [-- --epochs 8 --holdout]
 * With --holdout the last tenth of the train articles is kept aside and scored (exact match,
 * CofeNet-style), so features can be tuned without looking at dev.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sentenceFeatures } from '../src/quotes/features.js';
import { MODEL_URL } from '../src/quotes/labeller.js';
import { TAGS, trainSequenceModel, type SequenceModel } from '../src/quotes/perceptron.js';
import { readPolnearDocs, tagDocument, type TaggedSentence } from '../src/quotes/polnear.js';
import { scoreBio } from '../src/quotes/score.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '8' },
    'min-count': { type: 'string', default: '2' },
    prune: { type: 'string', default: '0.02' },
    holdout: { type: 'boolean', default: false },
  },
});

const trainPath = fileURLToPath(new URL('../../shared/data/polnear/derived/train.jsonl', import.meta.url));
const started = Date.now();
const docs = readPolnearDocs(trainPath);
const cut = values.holdout ? Math.floor(docs.length * 0.9) : docs.length;
const trainSentences: TaggedSentence[] = docs.slice(0, cut).flatMap((doc) => tagDocument(doc));
const heldSentences: TaggedSentence[] = docs.slice(cut).flatMap((doc) => tagDocument(doc));
console.log(`${cut} articles, ${trainSentences.length} sentences (${heldSentences.length} held out) read in ${Date.now() - started} ms`);

const tagIndex = new Map<string, number>(TAGS.map((tag, i) => [tag, i]));
const model = trainSequenceModel(
  trainSentences.map((sentence) => ({ features: sentenceFeatures(sentence.words), tags: sentence.tags.map((tag) => tagIndex.get(tag)!) })),
  { epochs: Number(values.epochs), minCount: Number(values['min-count']), prune: Number(values.prune), seed: 7, log: console.log },
);

if (values.holdout) {
  report(model, heldSentences);
} else {
  const data = model.serialize();
  writeFileSync(MODEL_URL, data);
  console.log(`wrote ${fileURLToPath(MODEL_URL)}: ${(data.length / 1e6).toFixed(2)} MB, ${model.size} features, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function report(trained: SequenceModel, sentences: readonly TaggedSentence[]): void {
  const scores = scoreBio(
    sentences.map((sentence) => sentence.tags),
    sentences.map((sentence) => trained.tag(sentenceFeatures(sentence.words))),
  );
  for (const [role, s] of Object.entries(scores)) {
    console.log(`held-out ${role.padEnd(8)} P ${s.precision.toFixed(1)} R ${s.recall.toFixed(1)} F1 ${s.f1.toFixed(1)}`);
  }
}
