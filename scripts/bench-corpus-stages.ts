/**
 * Speed of every corpus stage (identity to brief) on generated corpora, the cross-document half of
 * the pipeline: `node --import tsx scripts/bench-corpus-stages.ts [sizes…]` (default 1000 10000).
 * The document stages run first, untimed; then each corpus stage is timed alone, in pipeline
 * order, as CPU time of this process on one core. Articles come from
 * test/helpers/news-generator.ts: a few word lists, so stock phrases, names and whole sentences
 * recur across thousands of articles, the hard case for candidate pairs.
 */
import { emptyMeta, type Doc } from '../src/document.js';
import { preparePipeline, runPipeline } from '../src/pipeline.js';
import { newsCorpus } from '../test/helpers/news-generator.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const prepared = preparePipeline();
const documentStages = prepared.filter(({ stage }) => stage.kind === 'document');
const corpusStages = prepared.filter(({ stage }) => stage.kind === 'corpus');

console.log(`| articles | ${corpusStages.map(({ stage }) => stage.name).join(' | ')} | all corpus stages |`);
console.log(`|---:|${corpusStages.map(() => '---:').join('|')}|---:|`);
for (const size of sizes.length ? sizes : [1000, 10000]) {
  const docs: Doc[] = newsCorpus(size, 10, 7).map(({ content, source }) => ({ id: source, source, format: 'txt', text: content, meta: emptyMeta(), messages: [], results: {} }));
  const read = runPipeline(docs, documentStages).docs;
  const corpus: Record<string, unknown> = {};
  const seconds: number[] = [];
  for (const { stage, options } of corpusStages) {
    if (stage.kind !== 'corpus') continue;
    const before = process.cpuUsage();
    corpus[stage.name] = stage.run(read, options, corpus).result;
    seconds.push(cpu(before));
  }
  console.log(`| ${size} | ${seconds.map((s) => s.toFixed(2)).join(' | ')} | ${seconds.reduce((a, b) => a + b, 0).toFixed(1)} s |`);
}

function cpu(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}
