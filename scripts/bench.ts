/**
 * `npm run bench`: how fast the pipeline runs, recorded in BENCHMARKS.md with this command.
 *
 * 1. Throughput: every step timed alone on the bundled sample story and (when ../shared is beside
 *    the repository) the seed articles, repeated to a corpus large enough to time
 *    (BENCH_COPIES, default 40).
 * 2. Scaling: invented news articles (test/helpers/news-generator.ts) of 1k, 4k and 16k sentences,
 *    and corpora of 100 and 1,000 short articles, through every step and the three renderers,
 *    shown as time per sentence or per document so that linear steps read as flat rows.
 *
 * Flags: `--scaling` runs only part 2; `--large` adds the 64k-sentence article and the
 * 10,000-article corpus (several minutes); `--sizes=16000,32000` and `--corpora=100` replace the
 * sizes (`--corpora=` for none); `--one-line` writes each article on one line, as a dump without
 * paragraphs would be.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { preparePipeline, runPipeline } from '../src/pipeline.js';
import { readInputs, type InlineArticle } from '../src/read/index.js';
import { assembleAnalysis } from '../src/assemble.js';
import { renderReport, type ReportFormat } from '../src/report/index.js';
import { newsArticle, newsCorpus } from '../test/helpers/news-generator.js';

const root = new URL('..', import.meta.url).pathname;
const flags = process.argv.slice(2);
const flagValue = (name: string): string | undefined => flags.find((flag) => flag.startsWith(`--${name}=`))?.slice(name.length + 3);
const numbers = (value: string | undefined, fallback: number[]): number[] => (value === undefined ? fallback : value.split(',').filter(Boolean).map(Number));
const large = flags.includes('--large');
const documentSizes = numbers(flagValue('sizes'), large ? [1_000, 4_000, 16_000, 64_000] : [1_000, 4_000, 16_000]);
const corpusSizes = numbers(flagValue('corpora'), large ? [100, 1_000, 10_000] : [100, 1_000]);
const layout = flags.includes('--one-line') ? 'one-line' : 'paragraphs';
const prepared = preparePipeline();

/** One run of every step on `inputs`, each timed alone (milliseconds, in pipeline order). */
async function timeSteps(inputs: readonly InlineArticle[], formats: readonly ReportFormat[]) {
  const steps = new Map<string, number>();
  const started = performance.now();
  const read = await readInputs(inputs);
  steps.set('read', performance.now() - started);
  let last = performance.now();
  let lastStage: string | null = null;
  const run = runPipeline(read.docs, prepared, (stage) => {
    const now = performance.now();
    if (lastStage) steps.set(lastStage, now - last);
    lastStage = stage;
    last = now;
  });
  if (lastStage) steps.set(lastStage, performance.now() - last);
  const assembleStart = performance.now();
  const analysis = assembleAnalysis(run, read.messages);
  steps.set('assemble', performance.now() - assembleStart);
  steps.set('analyze (all of the above)', performance.now() - started);
  for (const format of formats) {
    const renderStart = performance.now();
    renderReport(analysis, format);
    steps.set(`render ${format}`, performance.now() - renderStart);
  }
  const sentences = analysis.documents.reduce((sum, doc) => sum + doc.sentences.length, 0);
  return { steps, analysis, sentences };
}

// One warm-up run so that model loading and JIT are not counted.
await timeSteps([{ content: newsArticle({ sentences: 200 }), source: 'warm-up.txt' }], ['json', 'html', 'md']);
console.log(`node ${process.version}, one core; ${new Date().toISOString().slice(0, 10)}\n`);

if (!flags.includes('--scaling')) await throughput();
await scaling();

async function articlesIn(folder: string): Promise<InlineArticle[]> {
  if (!existsSync(folder)) return [];
  const names = (await readdir(folder)).filter((name) => /\.(txt|md|html?)$/.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ content: await readFile(join(folder, name)), source: name })));
}

async function throughput(): Promise<void> {
  const copies = Number(process.env.BENCH_COPIES ?? 40);
  const base = [...(await articlesIn(join(root, 'examples/sample-story'))), ...(await articlesIn(join(root, '../shared/seeds')))];
  if (base.length === 0) throw new Error('no articles to benchmark');
  const corpus = Array.from({ length: copies }, (_, copy) => base.map((article) => ({ ...article, source: `${copy}-${article.source}` }))).flat();
  const bytes = corpus.reduce((sum, article) => sum + (typeof article.content === 'string' ? article.content.length : article.content.byteLength), 0);
  const { steps, sentences } = await timeSteps(corpus, ['html']);
  const megabytes = bytes / 1024 / 1024;
  console.log(`## Throughput: ${corpus.length} documents (${base.length} distinct × ${copies}), ${megabytes.toFixed(2)} MB, ${sentences} sentences\n`);
  console.log('| step | ms | documents/s | MB/s |');
  console.log('|---|---:|---:|---:|');
  for (const [step, ms] of steps) {
    console.log(`| ${step.replace(' (all of the above)', '')} | ${ms.toFixed(0)} | ${(corpus.length / (ms / 1000)).toFixed(0)} | ${(megabytes / (ms / 1000)).toFixed(2)} |`);
  }
  console.log('');
}

async function scaling(): Promise<void> {
  const articles = documentSizes.map((sentences) => ({
    label: `${sentences / 1000}k`,
    inputs: [{ content: newsArticle({ sentences, layout }), source: `generated-${sentences}.txt` }],
  }));
  await scalingTable(`## Scaling with document size: one invented article (${layout}), µs per sentence`, articles, 'sentence');
  const corpora = corpusSizes.map((count) => ({ label: count.toLocaleString('en'), inputs: newsCorpus(count) }));
  await scalingTable('## Scaling with corpus size: invented articles of about 10 sentences, ms per document', corpora, 'document');
}

/**
 * Runs each input and prints one row per step with its time per unit at each size: a linear
 * step keeps the same figure across a row, a quadratic one doubles it with each doubling.
 */
async function scalingTable(title: string, runs: { label: string; inputs: InlineArticle[] }[], unit: 'sentence' | 'document'): Promise<void> {
  if (runs.length === 0) return;
  const columns: { label: string; units: number; sentences: number; documents: number; steps: Map<string, number>; peak: number }[] = [];
  for (const { label, inputs } of runs) {
    const { steps, sentences, analysis } = await timeSteps(inputs, ['json', 'html', 'md']);
    const documents = analysis.documents.length;
    columns.push({ label, units: unit === 'sentence' ? sentences : documents, sentences, documents, steps, peak: process.resourceUsage().maxRSS / 1024 });
    process.stderr.write(`  ${label}: ${(steps.get('analyze (all of the above)')! / 1000).toFixed(1)} s\n`);
  }
  const scale = unit === 'sentence' ? 1000 : 1;
  console.log(`${title}\n`);
  console.log(`| step | ${columns.map((column) => column.label).join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---:').join('|')}|`);
  console.log(`| sentences | ${columns.map((column) => column.sentences.toLocaleString('en')).join(' | ')} |`);
  console.log(`| documents | ${columns.map((column) => column.documents.toLocaleString('en')).join(' | ')} |`);
  for (const step of columns[0]!.steps.keys()) {
    const cells = columns.map((column) => ((column.steps.get(step) ?? 0) * scale) / column.units);
    const name = step === 'analyze (all of the above)' ? '**analyze** (all of the above)' : step;
    console.log(`| ${name} | ${cells.map((cell) => (cell >= 100 ? cell.toFixed(0) : cell.toFixed(2))).join(' | ')} |`);
  }
  console.log(`| analyze, seconds | ${columns.map((column) => (column.steps.get('analyze (all of the above)')! / 1000).toFixed(1)).join(' | ')} |`);
  console.log(`| peak memory so far, MB | ${columns.map((column) => column.peak.toFixed(0)).join(' | ')} |`);
  console.log('');
}
