/**
 * Rebuilds models/quotes/labeller.bin.gz from the PolNeAR train split:
 *   npm run train:quotes [-- --epochs 12 --prune 14 --folds 4 --holdout]
 * Pass one tags from words; pass two (stacking) also sees pass one's tags. Pass two is trained on
 * pass-one tags predicted by models that did not see the unit (k-fold over articles), so it
 * learns from the kind of mistakes pass one makes on new text.
 * With --holdout the last tenth of the train articles is kept aside and scored (exact match,
 * CofeNet-style), so features can be chosen without looking at dev.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { joinRows, prepareUnit, roleCodes, sentenceFeatures, unitFeatures } from '../src/quotes/features.js';
import { Labeller, MODEL_URL } from '../src/quotes/labeller.js';
import { TAGS, trainSequenceModel, type TrainOptions } from '../src/quotes/perceptron.js';
import { readPolnearDocs, tagDocument, type TaggedSentence } from '../src/quotes/polnear.js';
import { scoreBio } from '../src/quotes/score.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '12' },
    'min-count': { type: 'string', default: '2' },
    prune: { type: 'string', default: '14' },
    folds: { type: 'string', default: '4' },
    'one-pass': { type: 'boolean', default: false },
    holdout: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const trainPath = fileURLToPath(new URL('../../shared/data/polnear/derived/train.jsonl', import.meta.url));
const started = Date.now();
const docs = readPolnearDocs(trainPath);
const cut = values.holdout ? Math.floor(docs.length * 0.9) : docs.length;
const tagIndex = new Map<string, number>(TAGS.map((tag, i) => [tag, i]));
const byArticle: TaggedSentence[][] = docs.slice(0, cut).map((doc) => tagDocument(doc));
const heldSentences: TaggedSentence[] = docs.slice(cut).flatMap((doc) => tagDocument(doc));
const trainSentences = byArticle.flat();
console.log(`${cut} articles, ${trainSentences.length} units (${heldSentences.length} held out) read in ${Date.now() - started} ms`);

const options: TrainOptions = { epochs: Number(values.epochs), minCount: Number(values['min-count']), prune: Number(values.prune), seed: 7, log: console.log };
const gold = (sentence: TaggedSentence): Uint8Array => Uint8Array.from(sentence.tags, (tag) => tagIndex.get(tag)!);
const firstUnits = (sentences: readonly TaggedSentence[]) => sentences.map((sentence) => ({ rows: sentenceFeatures(sentence.words), tags: gold(sentence) }));

const first = trainSequenceModel(firstUnits(trainSentences), options);
let second = null;
if (!values['one-pass']) {
  // Pass-one tags for every training unit from a model that did not train on its article.
  const folds = Number(values.folds);
  const predicted = new Map<TaggedSentence, Uint8Array>();
  for (let fold = 0; fold < folds; fold++) {
    const inFold = (article: number): boolean => article % folds === fold;
    const model = trainSequenceModel(firstUnits(byArticle.filter((_, a) => !inFold(a)).flat()), { ...options, log: undefined });
    for (const sentence of byArticle.filter((_, a) => inFold(a)).flat()) predicted.set(sentence, model.tag(sentenceFeatures(sentence.words)));
    console.log(`fold ${fold + 1}/${folds} done, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  second = trainSequenceModel(
    trainSentences.map((sentence) => {
      const unit = prepareUnit(sentence.words);
      return { rows: joinRows(unitFeatures(unit), unitFeatures(unit, roleCodes(predicted.get(sentence)!))), tags: gold(sentence) };
    }),
    options,
  );
}
const labeller = new Labeller(first, second);

if (values.out) writeFileSync(values.out, labeller.serialize());
if (values.holdout) {
  report('pass one', new Labeller(first, null), heldSentences);
  if (second) report('two passes', labeller, heldSentences);
} else {
  const data = labeller.serialize();
  writeFileSync(MODEL_URL, data);
  console.log(`wrote ${fileURLToPath(MODEL_URL)}: ${(data.length / 1e6).toFixed(2)} MB, ${labeller.size} features, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function report(name: string, trained: Labeller, sentences: readonly TaggedSentence[]): void {
  const scores = scoreBio(
    sentences.map((sentence) => sentence.tags),
    sentences.map((sentence) => trained.tag(sentence.words)),
  );
  for (const [role, s] of Object.entries(scores)) {
    console.log(`held-out ${name} ${role.padEnd(8)} P ${s.precision.toFixed(1)} R ${s.recall.toFixed(1)} F1 ${s.f1.toFixed(1)}`);
  }
}
