/**
 * Compares the attribution taggers on PolNeAR dev (CofeNet's BIO file, exact span match per
 * role, the published protocol, scored by src/quotes/score.ts):
 *   node --import tsx scripts/eval-attribution-models.ts [--runs 3] [--check-against predicted.json]
 *     [--model candidate.bin.gz]
 * Rows: the linear labeller (fast), the neural tagger alone, and the accurate tagger the quotes
 * stage uses (neural where a unit has a cue word or a quotation mark or the linear labeller
 * finds something, the linear labeller's empty answer elsewhere). Speed
 * is on one core, the fastest of three runs (--runs), in units/s on the file's units (paragraphs, 44
 * tokens on average) and in sentences/s on the same text cut into sentences, as the quotes stage
 * tags it. Size is the bytes of each model's files.
 * Then the quotes stage itself on PolNeAR dev's whole articles (cleaned, segmented and tagged
 * for names first, untimed) with each `attribution` setting: sentences/s on one core, and for
 * `accurate` the share of sentences in paragraphs the neural tagger reads.
 * With --check-against (the dev predictions train-attribution.py writes), it also checks that
 * the TypeScript tagger reproduces the Python model: exit code 1 when an F1 differs by more
 * than 0.2. --model reads a candidate neural model instead of the shipped one, so a retrained
 * model is checked and scored before it replaces models/quotes-neural/tagger.bin.gz.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { normalizeToken, sentenceRanges } from '../src/quotes/features.js';
import { loadLabeller, MODEL_URL } from '../src/quotes/labeller.js';
import { AccurateTagger, NEURAL_MODEL_URL, readNeuralTagger } from '../src/quotes/neural.js';
import { TAGS, type Tag } from '../src/quotes/perceptron.js';
import { readBioFile, readPolnearDocs } from '../src/quotes/polnear.js';
import { emptyMeta, type Doc } from '../src/document.js';
import type { AttributionTagger } from '../src/quotes/labeller.js';
import { preparePipeline, runPipeline } from '../src/pipeline.js';
import { cleanStage } from '../src/stages/01-clean/index.js';
import { segmentStage } from '../src/stages/02-segment/index.js';
import { mentionsStage } from '../src/stages/03-mentions/index.js';
import { quotesStage } from '../src/stages/04-quotes/index.js';
import { extractQuotes } from '../src/quotes/extract.js';
import { ROLES, scoreBio } from '../src/quotes/score.js';
import { VECTORS_URL } from '../src/similarity/vectors.js';

const { values } = parseArgs({ options: { 'check-against': { type: 'string' }, model: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs));
const bio = readBioFile(fileURLToPath(new URL('../../shared/data/polnear/cofenet-bio/valid.jsonl', import.meta.url)));
const gold = bio.map((unit) => unit.labels);
const sentences = bio.flatMap((unit) => sentenceRanges(unit.tokens.map(normalizeToken)).map(([from, to]) => unit.tokens.slice(from, to)));
const tokens = bio.reduce((sum, unit) => sum + unit.tokens.length, 0);

/** Seconds of the fastest of `runs` runs: on a shared machine the slower ones measure the neighbours. */
function fastestSeconds(run: () => void): number {
  let seconds = Infinity;
  for (let attempt = 0; attempt < runs; attempt++) {
    const started = process.hrtime.bigint();
    run();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return seconds;
}

const megabytes = (...urls: URL[]): string => (urls.reduce((sum, url) => sum + statSync(url).size, 0) / 1e6).toFixed(2);
const linear = loadLabeller();
const neuralUrl = values.model ? pathToFileURL(values.model) : NEURAL_MODEL_URL;
const neural = readNeuralTagger(neuralUrl);
const accurate = new AccurateTagger(neural, linear);
const clustersUrl = new URL('../models/ner/clusters.txt.gz', import.meta.url);
const variants: { name: string; tag: (words: readonly string[]) => Tag[]; size: string }[] = [
  { name: 'linear labeller (fast)', tag: (words) => linear.tag(words), size: `${megabytes(MODEL_URL, clustersUrl)} MB (with word clusters)` },
  { name: 'neural BiLSTM-CRF alone', tag: (words) => neural.tag(words), size: `${megabytes(neuralUrl)} MB + ${megabytes(VECTORS_URL)} MB shared vectors` },
  { name: 'accurate: neural where a cue, a quote mark or a linear find, else linear', tag: (words) => accurate.tag(words), size: 'both of the above' },
];

console.log(`PolNeAR dev, CofeNet BIO file: ${bio.length} units, ${tokens} tokens (${sentences.length} sentences), exact span match, one core`);
console.log('| model | source P/R/F1 | cue P/R/F1 | content P/R/F1 | units/s | sentences/s | size |');
console.log('|---|---|---|---|---|---|---|');
const predictions = new Map<string, Tag[][]>();
for (const variant of variants) {
  let predicted: Tag[][] = [];
  for (const sentence of sentences.slice(0, 300)) variant.tag(sentence); // warm-up, untimed
  const unitSeconds = fastestSeconds(() => {
    predicted = bio.map((unit) => variant.tag(unit.tokens));
  });
  const sentenceSeconds = fastestSeconds(() => {
    for (const sentence of sentences) variant.tag(sentence);
  });
  predictions.set(variant.name, predicted);
  const scores = scoreBio(gold, predicted);
  const cells = ROLES.map((role) => `${scores[role].precision.toFixed(1)}/${scores[role].recall.toFixed(1)}/${scores[role].f1.toFixed(1)}`);
  console.log(`| ${variant.name} | ${cells.join(' | ')} | ${Math.round(bio.length / unitSeconds)} | ${Math.round(sentences.length / sentenceSeconds)} | ${variant.size} |`);
}
const gatedUnits = bio.filter((unit) => accurate.usesNeural(unit.tokens)).length;
const gatedSentences = sentences.filter((sentence) => accurate.usesNeural(sentence)).length;
console.log(`accurate: the neural tagger reads ${gatedUnits} of ${bio.length} units (${((100 * gatedUnits) / bio.length).toFixed(0)} %), ${gatedSentences} of ${sentences.length} sentences (${((100 * gatedSentences) / sentences.length).toFixed(0)} %).`);

// The quotes stage on whole articles, as `analyze` runs it.
const articles = readPolnearDocs(fileURLToPath(new URL('../../shared/data/polnear/derived/dev.jsonl', import.meta.url)));
const ready = runPipeline(
  articles.map((record): Doc => ({ id: record.id, source: record.id, format: 'txt', text: record.text, meta: emptyMeta(), messages: [], results: {} })),
  preparePipeline({}, [cleanStage, segmentStage, mentionsStage]),
).docs;
const stageSentences = ready.reduce((sum, doc) => sum + (doc.results.segment?.sentences.length ?? 0), 0);
for (const attribution of ['fast', 'accurate'] as const) {
  const stage = preparePipeline({ quotes: { attribution } }, [quotesStage]);
  runPipeline(ready.slice(0, 5), stage); // warm-up, untimed
  const seconds = fastestSeconds(() => runPipeline(ready, stage));
  console.log(`quotes stage, attribution ${attribution}: ${ready.length} articles, ${stageSentences} sentences, ${Math.round(stageSentences / seconds)} sentences/s`);
}
// Which paragraphs the gate sends to the neural tagger: count the words it reads.
let wordsTagged = 0;
let wordsNeural = 0;
const counting: AttributionTagger = {
  tag(words) {
    wordsTagged += words.length;
    if (accurate.usesNeural(words)) wordsNeural += words.length;
    return accurate.tag(words);
  },
};
for (const doc of ready) {
  const segment = doc.results.segment!;
  extractQuotes({ text: doc.text, sentences: segment.sentences, paragraphs: segment.paragraphs, removed: doc.results.clean?.removed ?? [], mentions: doc.results.mentions?.mentions ?? [], titles: [] }, counting);
}
console.log(`accurate in the stage: the neural tagger reads ${((100 * wordsNeural) / Math.max(wordsTagged, 1)).toFixed(0)} % of the tokens tagged (whole paragraphs with a cue word, a quotation mark or a linear find)`);

if (values['check-against']) {
  const python = (JSON.parse(readFileSync(values['check-against'], 'utf8')) as number[][]).map((unit) => unit.map((t) => TAGS[t]!));
  const ours = predictions.get(variants[1]!.name)!;
  let differing = 0;
  ours.forEach((unit, i) => unit.forEach((tag, j) => (differing += tag === python[i]![j] ? 0 : 1)));
  const theirs = scoreBio(gold, python);
  const mine = scoreBio(gold, ours);
  const worst = Math.max(...ROLES.map((role) => Math.abs(theirs[role].f1 - mine[role].f1)));
  console.log(`check against the Python model: ${differing} of ${tokens} tokens tagged differently; F1 ${ROLES.map((role) => `${role} ${theirs[role].f1.toFixed(1)}`).join(', ')} there, largest difference ${worst.toFixed(2)}`);
  if (worst > 0.2) process.exitCode = 1;
}
