/**
 * `npm run bench:workers`: `analyze` over 1,000 articles with the per-document stages on one
 * thread and on worker threads (src/workers), recorded in BENCHMARKS.md with this command.
 *
 * The articles are the bundled sample story and (when ../shared is beside the repository) the
 * seed articles, read at run time and repeated; each plain-text copy gets an invented closing
 * line of its own, so no two texts are the same. Workers and models are loaded by a warm-up run
 * of each setting first, as in a server or a long import; the cold start is timed apart.
 *
 * For each setting, the median of the runs: wall time in all, the per-document stages (from
 * the articles being read to the first corpus stage), the corpus stages with assembly, and the
 * longest the main thread's event loop was held during the per-document stages. Then the
 * corpus stages one by one, since they bound the speed-up (they run on the main thread).
 *
 * On a shared machine wall times move with the other jobs, so each run also reads the CPU time
 * of every thread of the process (Linux, /proc): the busiest thread's CPU time during the
 * per-document stages is what they would take on idle cores, and the sum over all threads is the
 * work done, overheads included.
 *
 * Flags: `--articles=1000`, `--runs=3`, `--threads=1,2` (the first is the baseline).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze, type InlineArticle } from '../src/index.js';
import { PIPELINE, preparePipeline } from '../src/pipeline.js';
import { documentPool } from '../src/workers/index.js';

const root = new URL('..', import.meta.url).pathname;
const flags = process.argv.slice(2);
const flagValue = (name: string): string | undefined => flags.find((flag) => flag.startsWith(`--${name}=`))?.slice(name.length + 3);
const articleCount = Number(flagValue('articles') ?? 1000);
const runCount = Number(flagValue('runs') ?? 3);
const settings = (flagValue('threads') ?? '1,2').split(',').map(Number);
const documentStages = new Set(PIPELINE.filter((stage) => stage.kind === 'document').map((stage) => stage.name as string));

interface RunTimes {
  total: number;
  perDocument: number;
  corpus: number;
  /** The longest stretch the main thread's event loop was held during the per-document stages. */
  held: number;
  stages: Map<string, number>;
  /** CPU seconds during the per-document stages: of the busiest thread, and of all threads. */
  busiestCpu: number;
  allCpu: number;
  /** CPU seconds of the main thread from the first corpus stage to the end. */
  corpusCpu: number;
}

/** CPU seconds of each thread of this process by thread id (empty where there is no /proc). */
function threadCpu(): Map<string, number> {
  const seconds = new Map<string, number>();
  if (!existsSync('/proc/self/task')) return seconds;
  for (const thread of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
      // After the command name in parentheses: state is field 3, user and system time fields 14 and 15, in ticks of 1/100 s.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(thread, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return seconds;
}

async function articlesIn(folder: string): Promise<InlineArticle[]> {
  if (!existsSync(folder)) return [];
  const names = (await readdir(folder)).filter((name) => /\.(txt|md|html?|jsonl)$/.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ content: await readFile(join(folder, name), 'utf8'), source: name })));
}

function corpusOf(base: readonly InlineArticle[], count: number): InlineArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const article = base[i % base.length]!;
    const copy = Math.floor(i / base.length);
    const plain = /\.(txt|md)$/.test(article.source ?? '');
    const content = plain && copy > 0 ? `${String(article.content).trimEnd()}\n\nFiled by the regional desk, edition ${copy + 1}.\n` : article.content;
    return { ...article, content, source: `${copy + 1}-${article.source}` };
  });
}

async function timeRun(inputs: readonly InlineArticle[], threads: number): Promise<RunTimes> {
  const started = performance.now();
  const marks: { stage: string; at: number }[] = [];
  let readAt = started;
  let perDocumentEnd = 0;
  // The longest gap between ticks of a 5 ms timer: how long the event loop could not answer.
  let lastTick = 0;
  let held = 0;
  const tick = () => {
    const now = performance.now();
    held = Math.max(held, now - lastTick);
    lastTick = now;
  };
  let ticker: NodeJS.Timeout | undefined;
  let cpuBefore = new Map<string, number>();
  let cpuSpent: number[] = [];
  let cpuAtCorpus = new Map<string, number>();
  await analyze(inputs, {
    threads,
    onProgress: (event) => {
      const now = performance.now();
      if (event.phase === 'read') {
        readAt = now;
        lastTick = now;
        ticker = setInterval(tick, 5);
        cpuBefore = threadCpu();
        return;
      }
      if (marks.at(-1)?.stage === event.stage) return;
      if (!documentStages.has(event.stage) && perDocumentEnd === 0) {
        perDocumentEnd = now;
        tick();
        clearInterval(ticker);
        cpuAtCorpus = threadCpu();
        cpuSpent = [...cpuAtCorpus].map(([thread, seconds]) => seconds - (cpuBefore.get(thread) ?? 0));
      }
      marks.push({ stage: event.stage, at: now });
    },
  });
  const ended = performance.now();
  const main = String(process.pid);
  const corpusCpu = (threadCpu().get(main) ?? 0) - (cpuAtCorpus.get(main) ?? 0);
  const stages = new Map<string, number>();
  marks.forEach((mark, i) => stages.set(mark.stage, (marks[i + 1]?.at ?? ended) - mark.at));
  return { total: ended - started, perDocument: perDocumentEnd - readAt, corpus: ended - perDocumentEnd, held, stages, busiestCpu: Math.max(0, ...cpuSpent), allCpu: cpuSpent.reduce((sum, seconds) => sum + seconds, 0), corpusCpu };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number): string => (ms / 1000).toFixed(1);

const base = [...(await articlesIn(join(root, 'examples/sample-story'))), ...(await articlesIn(join(root, '../shared/seeds')))];
const corpus = corpusOf(base, articleCount);
const characters = corpus.reduce((sum, article) => sum + String(article.content).length, 0);
console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} at the start; ${new Date().toISOString().slice(0, 10)}`);
const quotes = preparePipeline().find(({ stage }) => stage.name === 'quotes')?.options as { attribution?: string } | undefined;
console.log(`${corpus.length} articles (${base.length} distinct, repeated), ${(characters / 1e6).toFixed(2)} M characters; quotes stage attribution: ${quotes?.attribution ?? 'default'}\n`);

// Cold start: the first run on workers pays for starting them and loading their models.
const warmUp = base.map((article) => ({ ...article, source: `warm-up-${article.source}` }));
const coldStart = performance.now();
await analyze(warmUp.slice(0, 1), { threads: Math.max(...settings) });
const cold = performance.now() - coldStart;
for (const threads of settings) await analyze(warmUp, { threads });

const results = new Map<number, RunTimes[]>(settings.map((threads) => [threads, []]));
for (let run = 0; run < runCount; run++) {
  for (const threads of settings) {
    const times = await timeRun(corpus, threads);
    results.get(threads)!.push(times);
    process.stderr.write(
      `  run ${run + 1}, ${threads} thread(s): ${seconds(times.total)} s (per-document ${seconds(times.perDocument)} s, CPU busiest thread ${times.busiestCpu.toFixed(1)} s, all ${times.allCpu.toFixed(1)} s; corpus ${seconds(times.corpus)} s, CPU ${times.corpusCpu.toFixed(1)} s; load ${loadavg()[0]!.toFixed(1)})\n`,
    );
  }
}

const baseline = results.get(settings[0]!)!;
const baseTotal = median(baseline.map((times) => times.total));
const basePerDocument = median(baseline.map((times) => times.perDocument));
console.log(`Median of ${runCount} runs, seconds (workers and models loaded by a warm-up run first):\n`);
console.log('| threads | total | speed-up | per-document stages | speed-up | corpus stages + assembly | main thread held during per-document stages |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const threads of settings) {
  const runs = results.get(threads)!;
  const total = median(runs.map((times) => times.total));
  const perDocument = median(runs.map((times) => times.perDocument));
  console.log(
    `| ${threads} | ${seconds(total)} | ×${(baseTotal / total).toFixed(2)} | ${seconds(perDocument)} | ×${(basePerDocument / perDocument).toFixed(2)} | ${seconds(median(runs.map((times) => times.corpus)))} | ${(median(runs.map((times) => times.held)) / 1000).toFixed(2)} s |`,
  );
}
console.log('\nCPU seconds during the per-document stages (median), load-independent:\n');
console.log('| threads | busiest thread | speed-up on idle cores (estimate) | all threads | corpus stages (main thread) | per-document + corpus, idle-core estimate | speed-up |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
const baseBusiest = median(baseline.map((times) => times.busiestCpu));
const baseCorpusCpu = median(baseline.map((times) => times.corpusCpu));
for (const threads of settings) {
  const runs = results.get(threads)!;
  const busiest = median(runs.map((times) => times.busiestCpu));
  const corpusCpu = median(runs.map((times) => times.corpusCpu));
  console.log(
    `| ${threads} | ${busiest.toFixed(1)} | ×${(baseBusiest / busiest).toFixed(2)} | ${median(runs.map((times) => times.allCpu)).toFixed(1)} | ${corpusCpu.toFixed(1)} | ${(busiest + corpusCpu).toFixed(1)} | ×${((baseBusiest + baseCorpusCpu) / (busiest + corpusCpu)).toFixed(2)} |`,
  );
}
console.log(`\nCold start of ${Math.max(...settings)} workers (start, load the stage modules and models, one short article): ${seconds(cold)} s`);

const stageNames = [...baseline[0]!.stages.keys()];
console.log('\nEach stage, median over every run, seconds (per-document stages from the one-thread runs):\n');
console.log('| stage | seconds |');
console.log('|---|---:|');
for (const stage of stageNames) {
  const all = [...results.values()].flat();
  const perDocument = documentStages.has(stage);
  const runs = perDocument ? baseline : all;
  console.log(`| ${stage}${perDocument ? '' : ' (corpus)'} | ${seconds(median(runs.map((times) => times.stages.get(stage) ?? 0)))} |`);
}
console.log(`\nload average ${loadavg()[0]!.toFixed(1)} at the end`);
await documentPool().close();
