/**
 * `npm run bench`: how fast the whole pipeline runs, stage by stage, on the bundled sample story
 * and (when ../shared is beside the repository) the seed articles, repeated to a corpus large
 * enough to time. Figures go into BENCHMARKS.md with this command.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { preparePipeline, runPipeline } from '../src/pipeline.js';
import { readInputs, type InlineArticle } from '../src/read/index.js';
import { assembleAnalysis } from '../src/assemble.js';
import { renderReport } from '../src/report/index.js';

const root = new URL('..', import.meta.url).pathname;
const copies = Number(process.env.BENCH_COPIES ?? 40);

async function articlesIn(folder: string): Promise<InlineArticle[]> {
  if (!existsSync(folder)) return [];
  const names = (await readdir(folder)).filter((name) => /\.(txt|md|html?)$/.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ content: await readFile(join(folder, name)), source: name })));
}

const base = [...(await articlesIn(join(root, 'examples/sample-story'))), ...(await articlesIn(join(root, '../shared/seeds')))];
if (base.length === 0) throw new Error('no articles to benchmark');
const corpus = Array.from({ length: copies }, (_, copy) => base.map((article) => ({ ...article, source: `${copy}-${article.source}` }))).flat();
const bytes = corpus.reduce((sum, article) => sum + (typeof article.content === 'string' ? article.content.length : article.content.byteLength), 0);

// One warm-up run so that model loading and JIT are not counted as throughput.
const prepared = preparePipeline();
runPipeline((await readInputs(base)).docs, prepared);

const started = performance.now();
const read = await readInputs(corpus);
const readMs = performance.now() - started;
const stageTimes = new Map<string, number>();
let last = performance.now();
let lastStage: string | null = null;
const run = runPipeline(read.docs, prepared, (stage) => {
  const now = performance.now();
  if (lastStage) stageTimes.set(lastStage, now - last);
  lastStage = stage;
  last = now;
});
if (lastStage) stageTimes.set(lastStage, performance.now() - last);
const assembleStart = performance.now();
const analysis = assembleAnalysis(run, read.messages);
const assembleMs = performance.now() - assembleStart;
const reportStart = performance.now();
renderReport(analysis, 'html');
const reportMs = performance.now() - reportStart;
const totalMs = performance.now() - started;

const sentences = analysis.documents.reduce((sum, doc) => sum + doc.sentences.length, 0);
console.log(`corpus: ${corpus.length} documents (${base.length} distinct × ${copies}), ${(bytes / 1024 / 1024).toFixed(2)} MB, ${sentences} sentences`);
console.log(`node ${process.version}, one core`);
console.log('| step | ms | documents/s | MB/s |');
console.log('|---|---:|---:|---:|');
const row = (name: string, ms: number) =>
  console.log(`| ${name} | ${ms.toFixed(0)} | ${(corpus.length / (ms / 1000)).toFixed(0)} | ${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(2)} |`);
row('read', readMs);
for (const [stage, ms] of stageTimes) row(stage, ms);
row('assemble', assembleMs);
row('report (html)', reportMs);
row('total', totalMs);
