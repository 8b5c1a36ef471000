/**
 * `npm run fuzz`: runs `analyze` on many generated inputs (test/helpers/fuzz-inputs.ts) and
 * reports crashes, invariant violations and the slowest inputs; exits 1 when any was found.
 *
 * A crash is `analyze` or `renderReport` throwing, a stage failing on an input (the pipeline
 * turns that into a `<stage>/failed` message, which hides it from the user but is still a bug),
 * or an input running longer than `--timeout` seconds. Inputs run in a child process, so a hang
 * or the death of the process itself is stopped and the run goes on. Every failing input, and
 * each of the ten slowest, is saved under out/fuzz/ and runs again alone with `--replay FILE`,
 * which prints the whole stack.
 *
 *   npm run fuzz -- --runs 10000 --seed 1
 *   npm run fuzz -- --replay out/fuzz/crash-1-417.json
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyze, renderReport, type ProgressEvent } from '../src/index.js';
import { assertAnalysisInvariants } from '../test/helpers/invariants.js';
import { FUZZ_LIMITS, fuzzCase, parseCase, serializeCase, type FuzzCase } from '../test/helpers/fuzz-inputs.js';

type FailureKind = 'crash' | 'stage-failed' | 'render' | 'invariant' | 'timeout';

interface Outcome {
  index: number;
  kind: string;
  size: number;
  analyzeMs: number;
  renderMs: number;
  /** The stage (or `read`) that took longest on this input, with its time. */
  slowestStage?: { name: string; ms: number };
  failure?: { kind: FailureKind; message: string };
}

/** Inputs are drawn in chunks with their own seeds, so memory stays flat over any number of runs. */
const CHUNK = 100;

function sizeOf(fuzz: FuzzCase): number {
  return fuzz.inputs.reduce((sum, input) => sum + (typeof input.content === 'string' ? input.content.length : input.content.byteLength), 0);
}

function describe(error: unknown, withStack: boolean): string {
  if (!(error instanceof Error)) return String(error);
  return withStack ? (error.stack ?? error.message) : error.message;
}

/** Analyzes one case, checks the invariants and renders every report format. */
async function runCase(index: number, fuzz: FuzzCase, withStack = false): Promise<Outcome> {
  const outcome: Outcome = { index, kind: fuzz.kind, size: sizeOf(fuzz), analyzeMs: 0, renderMs: 0 };
  const started = performance.now();
  let phase = { name: 'read', since: started };
  const timePhase = (next: string) => {
    const now = performance.now();
    if (!outcome.slowestStage || now - phase.since > outcome.slowestStage.ms) outcome.slowestStage = { name: phase.name, ms: now - phase.since };
    phase = { name: next, since: now };
  };
  let analysis;
  try {
    const onProgress = (event: ProgressEvent) => timePhase(event.phase === 'stage' ? event.stage : 'read');
    analysis = await analyze(fuzz.inputs, { onProgress, ...(fuzz.maxBytes !== undefined ? { maxBytes: fuzz.maxBytes } : {}) });
  } catch (error) {
    outcome.analyzeMs = performance.now() - started;
    return { ...outcome, failure: { kind: 'crash', message: describe(error, withStack) } };
  }
  timePhase('');
  outcome.analyzeMs = performance.now() - started;
  const failed = analysis.messages.find((message) => message.rule.endsWith('/failed'));
  if (failed) return { ...outcome, failure: { kind: 'stage-failed', message: `${failed.rule}: ${failed.text}` } };
  try {
    assertAnalysisInvariants(analysis);
  } catch (error) {
    return { ...outcome, failure: { kind: 'invariant', message: describe(error, withStack) } };
  }
  const rendering = performance.now();
  try {
    for (const format of ['html', 'md', 'json'] as const) renderReport(analysis, format);
  } catch (error) {
    return { ...outcome, failure: { kind: 'render', message: describe(error, withStack) } };
  }
  outcome.renderMs = performance.now() - rendering;
  return outcome;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      timeout: { type: 'string', default: '120' },
      replay: { type: 'string' },
      out: { type: 'string', default: 'out/fuzz' },
    },
  });
  if (values.replay) {
    const fuzz = parseCase(await readFile(values.replay, 'utf8'));
    const outcome = await runCase(0, fuzz, true);
    const stage = outcome.slowestStage ? `, most in ${outcome.slowestStage.name} (${outcome.slowestStage.ms.toFixed(0)} ms)` : '';
    console.log(`${fuzz.kind}, ${outcome.size} chars or bytes: analyze ${outcome.analyzeMs.toFixed(0)} ms${stage}, render ${outcome.renderMs.toFixed(0)} ms`);
    if (outcome.failure) console.log(`${outcome.failure.kind}: ${outcome.failure.message}`);
    process.exitCode = outcome.failure ? 1 : 0;
    return;
  }

  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const timeoutMs = Number(values.timeout) * 1000;
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !(timeoutMs > 0)) {
    console.error('usage: npm run fuzz -- [--runs N] [--seed S] [--timeout SECONDS] [--out DIR] | --replay FILE');
    process.exitCode = 2;
    return;
  }
  await mkdir(values.out, { recursive: true });
  console.log(`fuzz: ${runs} inputs, seed ${seed}, timeout ${timeoutMs / 1000} s per input; failing inputs go to ${values.out}/`);

  const arbitrary = fuzzCase(FUZZ_LIMITS);
  const outcomes: Outcome[] = [];
  const slowest: { outcome: Outcome; fuzz: FuzzCase }[] = [];
  const failures: (Outcome & { saved: string })[] = [];
  const started = performance.now();
  let worker = await startWorker();
  let deadInARow = 0;

  for (let chunkStart = 0; chunkStart < runs; chunkStart += CHUNK) {
    const cases = fc.sample(arbitrary, { seed: seed * 1_000_003 + chunkStart / CHUNK, numRuns: Math.min(CHUNK, runs - chunkStart) });
    for (const [offset, fuzz] of cases.entries()) {
      const index = chunkStart + offset;
      let outcome: Outcome;
      try {
        outcome = await runInWorker(worker, index, fuzz, timeoutMs);
        deadInARow = 0;
      } catch (error) {
        // A hang or a dead worker: the input is recorded and a fresh worker takes the rest.
        worker.kill('SIGKILL');
        worker = await startWorker();
        deadInARow += 1;
        if (deadInARow >= 3) throw new Error(`the fuzz worker died on three inputs in a row; the last said: ${describe(error, false)}`);
        const failure = { kind: error instanceof TimeoutError ? ('timeout' as const) : ('crash' as const), message: describe(error, false) };
        outcome = { index, kind: fuzz.kind, size: sizeOf(fuzz), analyzeMs: error instanceof TimeoutError ? timeoutMs : 0, renderMs: 0, failure };
      }
      outcomes.push(outcome);
      keepSlowest(slowest, outcome, fuzz);
      if (outcome.failure) {
        const saved = join(values.out, `${outcome.failure.kind}-${seed}-${index}.json`);
        await writeFile(saved, serializeCase(fuzz));
        failures.push({ ...outcome, saved });
        console.log(`  #${index} ${fuzz.kind}: ${outcome.failure.kind}: ${firstLine(outcome.failure.message)} (saved ${saved})`);
      }
      if ((index + 1) % 500 === 0) console.log(`  ${index + 1}/${runs} in ${((performance.now() - started) / 1000).toFixed(0)} s, ${failures.length} failing`);
    }
  }
  worker.disconnect();

  const seconds = (performance.now() - started) / 1000;
  const count = (kinds: FailureKind[]) => failures.filter((f) => kinds.includes(f.failure!.kind)).length;
  const crashes = count(['crash', 'stage-failed', 'render', 'timeout']);
  const violations = count(['invariant']);
  const byKind = new Map<string, number>();
  for (const outcome of outcomes) byKind.set(outcome.kind, (byKind.get(outcome.kind) ?? 0) + 1);

  console.log(`\n${runs} inputs in ${seconds.toFixed(0)} s (seed ${seed}): ${crashes} crash(es), ${violations} invariant violation(s)`);
  console.log(`inputs by family: ${[...byKind].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  for (const failure of failures) console.log(`  ${failure.failure!.kind} #${failure.index} (${failure.kind}): ${firstLine(failure.failure!.message)}\n    npm run fuzz -- --replay ${failure.saved}`);
  console.log('slowest inputs (analyze + render), saved for --replay:');
  for (const { outcome, fuzz } of slowest) {
    const saved = join(values.out, `slow-${seed}-${outcome.index}.json`);
    await writeFile(saved, serializeCase(fuzz));
    const stage = outcome.slowestStage ? `, most in ${outcome.slowestStage.name} (${outcome.slowestStage.ms.toFixed(0)} ms)` : '';
    console.log(`  #${outcome.index} ${outcome.kind}, ${outcome.size.toLocaleString('en')} chars or bytes: ${outcome.analyzeMs.toFixed(0)} + ${outcome.renderMs.toFixed(0)} ms${stage} (${saved})`);
  }
  const summary = { runs, seed, seconds, crashes, violations, failures, slowest: slowest.map(({ outcome }) => outcome), byKind: Object.fromEntries(byKind) };
  await writeFile(join(values.out, `summary-${seed}.json`), JSON.stringify(summary, null, 2));
  process.exitCode = crashes + violations > 0 ? 1 : 0;
}

class TimeoutError extends Error {}

function keepSlowest(slowest: { outcome: Outcome; fuzz: FuzzCase }[], outcome: Outcome, fuzz: FuzzCase): void {
  const time = (o: Outcome) => o.analyzeMs + o.renderMs;
  if (slowest.length === 10 && time(outcome) <= time(slowest[9]!.outcome)) return;
  slowest.push({ outcome, fuzz });
  slowest.sort((a, b) => time(b.outcome) - time(a.outcome));
  slowest.length = Math.min(slowest.length, 10);
}

/** A child process with its models loaded, so loading is not counted against the first input. */
async function startWorker(): Promise<ChildProcess> {
  const worker = fork(fileURLToPath(import.meta.url), ['--worker'], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const warmUp: FuzzCase = { kind: 'warm-up', inputs: [{ content: 'Bridge to reopen\n\n\u201cWe are ready,\u201d said Jan Oller, the mayor.\n', source: 'warm-up.txt' }] };
  await runInWorker(worker, -1, warmUp, 600_000);
  return worker;
}

function runInWorker(worker: ChildProcess, index: number, fuzz: FuzzCase, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new TimeoutError(`no answer after ${timeoutMs / 1000} s`))), timeoutMs);
    const onMessage = (outcome: unknown) => finish(() => resolve(outcome as Outcome));
    const onError = (error: Error) => finish(() => reject(error));
    const onExit = (code: number) => finish(() => reject(new Error(`worker exited with code ${code}`)));
    function finish(settle: () => void) {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      settle();
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.send({ index, fuzz });
  });
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

if (process.argv.includes('--worker')) {
  process.on('message', async ({ index, fuzz }: { index: number; fuzz: FuzzCase }) => {
    process.send!(await runCase(index, fuzz));
  });
} else {
  await main();
}
