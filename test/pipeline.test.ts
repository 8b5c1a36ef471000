import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { emptyMeta, type Doc } from '../src/document.js';
import { CrosscheckError } from '../src/errors.js';
import { PIPELINE, preparePipeline, runPipeline } from '../src/pipeline.js';
import { defineDocumentStage, type AnyStage } from '../src/stage.js';
import { analyze } from '../src/index.js';

const doc = (id: string, text: string): Doc => ({ id, source: `${id}.txt`, format: 'txt', text, meta: emptyMeta(), messages: [], results: {} });

test('pipeline: the stages run in the documented order', () => {
  const order = ['clean', 'segment', 'mentions', 'quotes', 'identity', 'stories', 'copies', 'provenance', 'statements', 'claims', 'timeline', 'relations', 'framing', 'brief'];
  assert.deepEqual(PIPELINE.map((stage) => stage.name), order);
  // The README's diagram and the folders under src/stages say the same.
  const diagram = [...readFileSync(new URL('../README.md', import.meta.url), 'utf8').matchAll(/^\d\d-([a-z]+)\s/gmu)].map((match) => match[1]);
  assert.deepEqual(diagram, order);
  const folders = readdirSync(new URL('../src/stages/', import.meta.url)).sort().map((folder) => folder.replace(/^\d\d-/u, ''));
  assert.deepEqual(folders, order);
});

test('pipeline: a stage that throws on one document is a message there; the rest go on', () => {
  const fragile = defineDocumentStage({
    name: 'clean',
    summary: 'throws on documents that mention a volcano',
    options: z.object({}),
    run(d) {
      if (d.text.includes('volcano')) throw new Error('boom');
      return { result: { removed: [], title: null, outlet: null } };
    },
  }) as AnyStage;
  const [, ...rest] = PIPELINE;
  const run = runPipeline([doc('a', 'The volcano erupted.'), doc('b', 'The bridge opened.')], preparePipeline({}, [fragile, ...rest]));
  const [a, b] = run.docs;
  assert.deepEqual(a!.messages.map((m) => m.rule), ['clean/failed']);
  assert.equal(a!.results.clean, undefined);
  assert.ok(a!.results.segment, 'later stages still ran on the failed document');
  assert.ok(b!.results.clean && b!.messages.length === 0);
});

test('pipeline: a missing model stops the run with a coded error', () => {
  const broken = defineDocumentStage({
    name: 'clean',
    summary: 'behaves like a stage whose model file is gone',
    options: z.object({}),
    run() {
      throw new CrosscheckError('MODEL_MISSING', 'models/x is missing');
    },
  }) as AnyStage;
  assert.throws(() => runPipeline([doc('a', 'Text.')], preparePipeline({}, [broken])), { code: 'MODEL_MISSING' });
});

test('pipeline: options are checked once, before any work', async () => {
  await assert.rejects(analyze(['/nonexistent'], { stages: { nosuchstage: {} } }), { code: 'INVALID_OPTIONS' });
  await assert.rejects(analyze(['/nonexistent'], { stages: { clean: { duplicates: 'yes' } } }), { code: 'INVALID_OPTIONS' });
});

test('pipeline: stages never mutate the documents they are given', () => {
  const input = [doc('a', 'Officials said the port reopened. “We are glad,” the mayor said.')];
  const frozen = JSON.stringify(input);
  runPipeline(input, preparePipeline());
  assert.equal(JSON.stringify(input), frozen);
});
