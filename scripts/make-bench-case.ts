/**
 * The case the workspace benchmarks (bench-api, bench-ui) measure: 500 invented articles (the
 * news generator's, spread over eight invented outlets and ten days) put into a store through
 * `addToCase`, the path `crosscheck add` and the API take. The store is kept in
 * .cache/bench-case and reused while it holds that case whole, since making it takes a minute.
 * The benchmarks serve it with `serveInChild`, so that what measures shares no event loop with
 * the server.
 *
 *   node --import tsx scripts/make-bench-case.ts [--articles 500] [--fresh]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { InlineArticle } from '../src/read/index.js';
import { addToCase, openStore, type CaseInfo, type CaseStore } from '../src/store/index.js';
import { newsCorpus } from '../test/helpers/news-generator.js';

export const BENCH_DATA = fileURLToPath(new URL('../.cache/bench-case', import.meta.url));

const OUTLETS = ['Valdoria Press Agency', 'Northgate Herald', 'Eastbridge Times', 'Coastline Radio', 'Kessering Daily', 'Riverside Courier', 'Valley Voice', 'Aldport Harbour Gazette'];

/** `count` generated articles of about 12 sentences, each with an outlet and a publication day. */
export function benchArticles(count: number): InlineArticle[] {
  return newsCorpus(count, 12, 11).map((article, i) => ({
    ...article,
    format: 'txt',
    outlet: OUTLETS[i % OUTLETS.length],
    published: `2024-03-${String(10 + (i % 10)).padStart(2, '0')}`,
  }));
}

export interface BenchCase {
  store: CaseStore;
  case: CaseInfo;
  /** Milliseconds the import took, or null when the case was already in the store. */
  importMs: number | null;
}

/**
 * Opens the benchmark store and returns its case of `count` articles, making it first when it is
 * missing or incomplete. The caller closes the store.
 */
export async function benchCase(count = 500, options: { fresh?: boolean; dataDir?: string } = {}): Promise<BenchCase> {
  const dataDir = options.dataDir ?? BENCH_DATA;
  if (options.fresh && existsSync(dataDir)) await rm(dataDir, { recursive: true, force: true });
  const store = await openStore(dataDir);
  const name = `Benchmark: ${count} articles`;
  const kept = await store.getCase(name);
  if (kept?.documents === count) return { store, case: kept, importMs: null };
  if (kept) await store.deleteCase(kept.id);
  const started = performance.now();
  const result = await addToCase(store, name, benchArticles(count));
  const importMs = performance.now() - started;
  if (!result.case || result.added.length !== count) throw new Error(`The benchmark case holds ${result.added.length} of ${count} articles: ${result.problems.map((problem) => problem.text).join('; ')}`);
  return { store, case: result.case, importMs };
}

/** `crosscheck serve --port 0` over `dataDir` in a child process; resolves to its origin. */
export async function serveInChild(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let printed = '';
  child.stdout!.setEncoding('utf8');
  // Read with a listener, not a loop: leaving a loop early would close the child's standard output.
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      printed += chunk;
      const found = /listening on (http:\/\/\S+?)\/? /.exec(printed)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', () => reject(new Error(`crosscheck serve ended without saying where it listens: ${printed}`)));
  });
  return { url, child };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '500' }, fresh: { type: 'boolean', default: false } } });
  const made = await benchCase(Number(values.articles), { fresh: values.fresh });
  const { id, name, documents } = made.case;
  console.log(`${name} (${id}): ${documents} documents in ${BENCH_DATA}`);
  if (made.importMs !== null) console.log(`import through addToCase: ${Math.round(made.importMs)} ms, ${(documents / (made.importMs / 1000)).toFixed(1)} articles/s`);
  await made.store.close();
}
