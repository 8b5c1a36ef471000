/**
 * Every stage must do work close to linear in the size of a document and of a corpus (issue 13:
 * a 32k-sentence article took four times as long as a 16k one). Timing is too noisy to test on a
 * shared machine, so these tests count the operations of built-ins (test/helpers/work-counter.ts)
 * for an input and one four times larger: linear work grows four times, quadratic work sixteen.
 * Speed itself is measured by `npm run bench`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleAnalysis } from '../src/assemble.js';
import { emptyMeta, type Doc } from '../src/document.js';
import { PIPELINE, preparePipeline, runPipeline } from '../src/pipeline.js';
import { SpanIndex } from '../src/text/spans.js';
import { SpellingIndex, closeSpelling } from '../src/identity/names.js';
import { newsArticle, newsCorpus } from './helpers/news-generator.js';
import { startCounting } from './helpers/work-counter.js';

/** Four times the input may cost this many times the work: 4 for linear work, with room for n log n. */
const MAX_GROWTH = 5.5;

const docOf = (content: string, id: string): Doc => ({ id, source: `${id}.txt`, format: 'txt', text: content, meta: emptyMeta(), messages: [], results: {} });

/** The work of each stage (and of assembling) on `docs`, by stage name. */
function workPerStep(docs: Doc[]): Map<string, number> {
  const prepared = preparePipeline();
  const work = new Map<string, number>();
  const counter = startCounting();
  try {
    let stage: string | null = null;
    let since = 0;
    const run = runPipeline(docs, prepared, (next) => {
      if (stage) work.set(stage, counter.read() - since);
      stage = next;
      since = counter.read();
    });
    if (stage) work.set(stage, counter.read() - since);
    since = counter.read();
    assembleAnalysis(run, []);
    work.set('assemble', counter.read() - since);
  } finally {
    counter.stop();
  }
  return work;
}

/** How much more work four times the input took, step by step, measured once on first use. */
function growthOf(small: () => Doc[], large: () => Doc[]): () => Map<string, { small: number; large: number }> {
  let growth: Map<string, { small: number; large: number }> | null = null;
  return () => {
    if (!growth) {
      const before = workPerStep(small());
      growth = new Map([...workPerStep(large())].map(([step, work]) => [step, { small: before.get(step) ?? 0, large: work }]));
    }
    return growth;
  };
}

const documentGrowth = growthOf(
  () => [docOf(newsArticle({ sentences: 150, seed: 5 }), 'small')],
  () => [docOf(newsArticle({ sentences: 600, seed: 5 }), 'large')],
);
const oneLineGrowth = growthOf(
  () => [docOf(newsArticle({ sentences: 150, seed: 6, layout: 'one-line' }), 'small')],
  () => [docOf(newsArticle({ sentences: 600, seed: 6, layout: 'one-line' }), 'large')],
);
const corpusGrowth = growthOf(
  () => newsCorpus(25, 10, 9).map((article) => docOf(article.content, article.source)),
  () => newsCorpus(100, 10, 9).map((article) => docOf(article.content, article.source)),
);

function assertLinear(step: string, growth: Map<string, { small: number; large: number }>): void {
  const work = growth.get(step);
  assert.ok(work, `${step} ran`);
  // A step that does next to nothing (a corpus stage over one document) cannot be judged.
  if (work.large < 1_000) return;
  const factor = work.large / Math.max(work.small, 1);
  assert.ok(factor <= MAX_GROWTH, `${step}: ${work.small.toLocaleString('en')} → ${work.large.toLocaleString('en')} operations for four times the input (×${factor.toFixed(1)}; linear is ×4)`);
}

// Warm up once, uncounted: loading the models reads files and would count as work.
runPipeline([docOf(newsArticle({ sentences: 30 }), 'warm-up')], preparePipeline());

for (const step of [...PIPELINE.map((stage) => stage.name), 'assemble']) {
  test(`scaling: ${step} does linear work in the length of a document`, () => assertLinear(step, documentGrowth()));
  test(`scaling: ${step} does linear work in the length of a document written on one line`, () => assertLinear(step, oneLineGrowth()));
  test(`scaling: ${step} does linear work in the number of documents`, () => assertLinear(step, corpusGrowth()));
}

// The linear helpers, checked against the scans they replace.

const spans = Array.from({ length: 300 }, (_, i) => {
  const start = (i * 7919) % 500;
  return { start, end: start + ((i * 104729) % 40), id: i };
});

test('SpanIndex answers as a scan of the whole list would, in list order', () => {
  const index = new SpanIndex(spans);
  const ids = (list: readonly { id: number }[]) => list.map((span) => span.id);
  for (let start = -5; start < 545; start += 3) {
    for (const length of [0, 1, 4, 17, 60]) {
      const query = { start, end: start + length };
      assert.deepEqual(ids(index.overlapping(query)), ids(spans.filter((span) => span.start < query.end && query.start < span.end)));
      assert.equal(index.overlapsAny(query), spans.some((span) => span.start < query.end && query.start < span.end));
      assert.deepEqual(ids(index.containing(query)), ids(spans.filter((span) => span.start <= query.start && span.end >= query.end)));
      assert.equal(index.containsAny(query), spans.some((span) => span.start <= query.start && span.end >= query.end));
      assert.deepEqual(ids(index.within(query)), ids(spans.filter((span) => span.start >= query.start && span.end <= query.end)));
      assert.deepEqual(ids(index.startingIn(query.start, query.end)), ids(spans.filter((span) => span.start >= query.start && span.start <= query.end)));
      assert.deepEqual(ids(index.endingIn(query.start, query.end)), ids(spans.filter((span) => span.end >= query.start && span.end <= query.end)));
    }
  }
  assert.deepEqual(new SpanIndex([]).overlapping({ start: 0, end: 10 }), []);
});

test('SpellingIndex finds every word one edit away, in the order added', () => {
  const words = ['zelensky', 'zelenskyy', 'zelenksy', 'zelinsky', 'kadyrov', 'kadirov', 'peskov', 'mamulashvili', 'mamulashvily', 'putin', 'puttin', 'abcdef', 'bacdef'];
  const index = new SpellingIndex<string>();
  for (const word of words) index.add(word, word);
  for (const word of [...words, 'zelensk', 'kadyrova', 'xadyrov', 'mamulashvil']) {
    const found = index.near(word).filter((candidate) => closeSpelling(candidate, word));
    assert.deepEqual(found, words.filter((candidate) => closeSpelling(candidate, word)), word);
  }
  const grouped = new SpellingIndex<string>();
  grouped.add('oller', 'Jan Oller', 'jan');
  assert.deepEqual(grouped.near('oller', 'jan'), ['Jan Oller']);
  assert.deepEqual(grouped.near('oller', 'mira'), []);
});
