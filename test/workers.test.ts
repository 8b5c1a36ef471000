import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { addToCase, analyze, openStore, type Analysis, type ProgressEvent } from '../src/index.js';
import { emptyMeta, type Doc } from '../src/document.js';
import { preparePipeline, runPipeline } from '../src/pipeline.js';
import { DocumentPool, documentPool, runPipelineThreaded, runPipelineYielding } from '../src/workers/index.js';

const story = new URL('../examples/sample-story', import.meta.url).pathname;
const seeds = new URL('../../shared/seeds', import.meta.url).pathname;
const corpus = existsSync(seeds) ? [story, seeds] : [story];
const root = new URL('..', import.meta.url).pathname;

after(() => documentPool().close());

/** The analysis as JSON would carry it: what a caller or a file sees. */
const asJson = (analysis: Analysis | null) => JSON.parse(JSON.stringify(analysis));

const doc = (id: string, text: string): Doc => ({ id, source: `${id}.txt`, format: 'txt', text, meta: emptyMeta(), messages: [], results: {} });

// Invented articles, short enough that the test can run each on its own worker.
const SHORT = [
  'The harbour board of Velmora said on Monday that the east quay would reopen in May. "We have waited long enough," said Ilse Maron, who chairs the board.',
  'Dock workers in Velmora ended their strike after nine days, according to the union. Its leader, Tomas Keel, told reporters the deal was "fair but late".',
  'The mayor of Velmora, Anna Roth, welcomed the end of the strike. She said the city would pay for the repairs to the quay.',
];

test('analyze gives the same analysis on one thread, on two, and on more threads than documents', async () => {
  const one = await analyze(corpus, { threads: 1 });
  const two = await analyze(corpus, { threads: 2 });
  assert.ok(one.documents.length >= 8);
  assert.deepEqual(asJson(two), asJson(one));

  const inputs = SHORT.map((content, i) => ({ content, source: `velmora-${i + 1}.txt` }));
  assert.deepEqual(asJson(await analyze(inputs, { threads: 4 })), asJson(await analyze(inputs, { threads: 1 })));
});

test('addToCase stores the same analysis on one thread and on two, also when adding to a case', async () => {
  const dirs = [await mkdtemp(join(tmpdir(), 'crosscheck-workers-')), await mkdtemp(join(tmpdir(), 'crosscheck-workers-'))];
  try {
    const results = [];
    for (const [i, threads] of [1, 2].entries()) {
      const store = await openStore(dirs[i]!);
      try {
        await addToCase(store, 'Harbour', [story], { threads });
        results.push(await addToCase(store, 'Harbour', [...corpus.slice(1), ...SHORT.map((content, n) => ({ content, source: `velmora-${n + 1}.txt` }))], { threads }));
      } finally {
        await store.close();
      }
    }
    const [one, two] = results;
    assert.ok(one!.added.length > 0);
    assert.deepEqual(asJson(two!.analysis), asJson(one!.analysis));
    assert.deepEqual(two!.added.map((added) => added.id), one!.added.map((added) => added.id));
  } finally {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
});

test('a stage that throws on one document on a worker is a message on that document, as on one thread', async () => {
  // A document without metadata makes the clean stage throw; the other documents go on.
  const broken = { ...doc('broken', 'The quay reopened.'), meta: null } as unknown as Doc;
  const input = [doc('a', SHORT[0]!), broken, doc('b', SHORT[1]!)];
  const prepared = preparePipeline();
  const threaded = await runPipelineThreaded(input, prepared, { threads: 2 });
  const inThread = runPipeline(input, prepared);
  assert.deepEqual(threaded.docs[1]!.messages.map((message) => message.rule), inThread.docs[1]!.messages.map((message) => message.rule));
  assert.ok(threaded.docs[1]!.messages.some((message) => message.rule === 'clean/failed'));
  assert.deepEqual(threaded.docs, inThread.docs);
  assert.deepEqual(threaded.messages, inThread.messages);
});

test('the pipeline run in steps gives what it gives in one go, and the event loop turns between stages', async () => {
  const input = SHORT.map((text, i) => doc(`velmora-${i + 1}`, text));
  const prepared = preparePipeline();
  const told: string[] = [];
  let turns = 0;
  let counting = true;
  const count = () => {
    turns++;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  const stepped = await runPipelineYielding(input, prepared, (stage) => told.push(stage));
  counting = false;
  assert.deepEqual(stepped, runPipeline(input, prepared));
  assert.deepEqual(told, prepared.map(({ stage }) => stage.name));
  assert.ok(turns >= prepared.length - 1, `the loop turned ${turns} times over ${prepared.length} stages`);
});

test('progress counts documents through the per-document stages, then tells each corpus stage once', async () => {
  const events: ProgressEvent[] = [];
  await analyze(SHORT.map((content, i) => ({ content, source: `velmora-${i + 1}.txt` })), { threads: 2, onProgress: (event) => events.push(event) });
  const stages = events.filter((event) => event.phase === 'stage');
  const counted = stages.filter((event) => event.documents);
  assert.deepEqual(counted[0]!.documents, { done: 0, total: 3 });
  assert.deepEqual(counted.at(-1), { phase: 'stage', stage: 'quotes', index: 3, total: 14, documents: { done: 3, total: 3 } });
  for (const [i, event] of counted.entries()) {
    const before = counted[i - 1];
    if (before) assert.ok(event.index > before.index || (event.index === before.index && event.documents!.done > before.documents!.done), 'progress only moves forward');
  }
  assert.deepEqual(stages.filter((event) => !event.documents).map((event) => event.index), [4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
});

test('threads must be a whole number of at least 1', async () => {
  for (const threads of [0, 1.5, -2, Number.NaN]) await assert.rejects(analyze([story], { threads }), { code: 'INVALID_OPTIONS' });
});

/** A stand-in worker entry, as a data: URL: answers a batch by echoing it, or as `behaviour` says. */
function standIn(behaviour: string): URL {
  const source = `
    import { parentPort } from 'node:worker_threads';
    parentPort.on('message', ({ batch, docs }) => {
      ${behaviour}
      parentPort.postMessage({ batch, kind: 'done', docs: docs.map(({ results, messages }) => ({ results, messages })) });
    });`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

test('a worker that dies fails its run with WORKER_FAILED, naming the documents, and is replaced', async () => {
  const pool = new DocumentPool({ entry: standIn(`if (docs.some((d) => d.text.includes('crash'))) process.exit(3);`) });
  try {
    const docs = [doc('a', 'fine'), doc('b', 'crash here'), doc('c', 'fine too')];
    await assert.rejects(pool.run(docs, [], { threads: 2 }), (error: { code: string; message: string }) => {
      assert.equal(error.code, 'WORKER_FAILED');
      assert.match(error.message, /exit code 3.*b\.txt/);
      return true;
    });
    const outcomes = await pool.run([doc('d', 'fine again'), doc('e', 'still fine')], [], { threads: 2 });
    assert.equal(outcomes.length, 2);
  } finally {
    await pool.close();
  }
});

test('a worker that runs out of memory fails its run alone; the process goes on', async () => {
  const pool = new DocumentPool({ entry: standIn(`const hoard = []; for (;;) hoard.push(new Array(1e6).fill(hoard.length));`), maxOldGenerationSizeMb: 32 });
  try {
    await assert.rejects(pool.run([doc('a', 'big')], [], { threads: 1 }), { code: 'WORKER_FAILED' });
  } finally {
    await pool.close();
  }
});

test('options that are not plain data fail the run at once and leave the pool usable', async () => {
  const pool = new DocumentPool({ entry: standIn('') });
  try {
    await assert.rejects(pool.run([doc('a', 'text')], [{ name: 'clean', options: { pick: () => true } }], { threads: 1 }), { code: 'INVALID_OPTIONS' });
    assert.equal((await pool.run([doc('a', 'text')], [], { threads: 1 })).length, 1);
  } finally {
    await pool.close();
  }
});

test('an infrastructure error in a worker (a missing model) fails the run with its code', async () => {
  const pool = new DocumentPool({ entry: standIn(`parentPort.postMessage({ batch, kind: 'failed', code: 'MODEL_MISSING', message: 'models/ner is missing' }); return;`) });
  try {
    await assert.rejects(pool.run([doc('a', 'text')], [], { threads: 1 }), { code: 'MODEL_MISSING', message: 'models/ner is missing' });
  } finally {
    await pool.close();
  }
});

test('the pool never keeps the process alive: a script ends as soon as its work is done', async () => {
  const script = `
    import { DocumentPool } from './src/workers/pool.ts';
    const pool = new DocumentPool({ entry: new URL(${JSON.stringify(standIn('').href)}) });
    const outcomes = await pool.run(${JSON.stringify(SHORT.map((text, i) => doc(`v${i}`, text)))}, [], { threads: 2 });
    console.log(outcomes.length, pool.size, Date.now());`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  const ended = Date.now();
  assert.equal(code, 0);
  const [documents, workers, done] = output.trim().split(' ').map(Number);
  assert.deepEqual([documents, workers], [3, 2]);
  // Idle workers live 60 s; a process they held open would end that much later.
  assert.ok(ended - done! < 20_000, `the process ended ${ended - done!} ms after its work`);
});
