/**
 * Robustness as properties: for every family of generated input (test/helpers/fuzz-inputs.ts),
 * `analyze` resolves instead of throwing, no stage fails on the input, the output validates
 * against the contract and every span in it lies in range and slices its document's text; the
 * reports render. `npm run fuzz` runs the same check on 10,000 larger inputs; this file keeps
 * the test suite's share small. FUZZ_SEED=n explores other inputs than the fixed default.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, isCrosscheckError, renderReport } from '../src/index.js';
import { readInputs } from '../src/read/index.js';
import { assertAnalysisInvariants } from './helpers/invariants.js';
import { fuzzFamilies, TEST_LIMITS, type FuzzCase } from './helpers/fuzz-inputs.js';

const seed = Number(process.env.FUZZ_SEED ?? 13);

/** Runs are shared out by family weight (articles most), at least 10 a family, about 300 in all. */
const TOTAL_RUNS = 300;

async function assertRobust(fuzz: FuzzCase): Promise<void> {
  const analysis = await analyze(fuzz.inputs, fuzz.maxBytes !== undefined ? { maxBytes: fuzz.maxBytes } : {});
  const failed = analysis.messages.filter((message) => message.rule.endsWith('/failed'));
  assert.deepEqual(failed, [], 'no stage fails on the input');
  assertAnalysisInvariants(analysis);
  for (const format of ['html', 'md'] as const) renderReport(analysis, format);
}

const families = fuzzFamilies(TEST_LIMITS);
const totalWeight = families.reduce((sum, family) => sum + family.weight, 0);
for (const family of families) {
  const numRuns = Math.max(10, Math.round((TOTAL_RUNS * family.weight) / totalWeight));
  test(`${family.kind}: analyze keeps every invariant (${numRuns} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(family.arbitrary, assertRobust),
      // No shrinking: each step reruns the pipeline, and the failing input is printed whole anyway.
      { seed, numRuns, endOnFailure: true },
    );
  });
}

const deepDivs = (depth: number, closed: boolean) => `<html><body>${'<div>'.repeat(depth)}<p>The mayor said the bridge would reopen.</p>${closed ? '</div>'.repeat(depth) : ''}</body></html>`;
const utf16be = (text: string) => Uint8Array.from([...text].flatMap((char) => [char.charCodeAt(0) >> 8, char.charCodeAt(0) & 0xff]));
const article = 'Bridge to reopen\n\n\u201cWe are ready,\u201d said Jan Oller, the mayor.\n';

const HARD_CASES: [name: string, content: string | Uint8Array, format?: 'txt' | 'html' | 'json' | 'jsonl'][] = [
  ['10,000 nested divs, closed', deepDivs(10_000, true), 'html'],
  ['10,000 nested divs, never closed', deepDivs(10_000, false), 'html'],
  ['UTF-16 BE without a BOM', utf16be(article), 'txt'],
  ['overlong and surrogate UTF-8', Uint8Array.from([...new TextEncoder().encode(article), 0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80]), 'txt'],
  ['lone surrogates around a quote', `\ud800${article}\udfff\ud83d`, 'txt'],
  ['NULs between the words', article.replace(/ /g, '\u0000'), 'txt'],
  ['CR line ends only', article.replace(/\n/g, '\r'), 'txt'],
  ['one 100,000-character token', 'x'.repeat(100_000), 'txt'],
  ['10,000 opening quote marks', '\u201c'.repeat(10_000), 'txt'],
  ['JSON nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'json'],
  ['a record whose text is a number', '{"text": 5, "title": ["a"], "published": {}}\n{"html": null}\n', 'jsonl'],
  ['a charset no decoder knows', '<html><head><meta charset="x-unknown-9"></head><body><p>\u00e9t\u00e9</p></body></html>', 'html'],
];

for (const [name, content, format] of HARD_CASES) {
  test(`hard input: ${name}`, async () => {
    await assertRobust({ kind: 'hard', inputs: [{ content, source: 'hard', ...(format ? { format } : {}) }] });
  });
}

// Found by `npm run fuzz`: both once spread 200,000 items into one call and overflowed the stack.
test('200,000 JSON Lines records are read, not a stack overflow', async () => {
  const content = Array.from({ length: 200_000 }, (_, index) => `{"text": "Record ${index}."}`).join('\n');
  assert.equal((await readInputs([{ content, format: 'jsonl' }])).docs.length, 200_000);
});

test('a Markdown report of 200,000 messages renders', async () => {
  const analysis = await analyze([{ content: article, source: 'a.txt' }]);
  const unbalanced = (start: number) => ({ doc: 'a', stage: 'quotes', rule: 'quotes/unbalanced', severity: 'warning' as const, text: 'A closing quotation mark here has no opening mark before it.', start, end: start + 1 });
  const messages = Array.from({ length: 200_000 }, (_, index) => unbalanced(index % article.length));
  assert.ok(renderReport({ ...analysis, messages }, 'md').split('\n').length > 200_000);
});

test('a bad option is still an exception with a stable code, not a message', async () => {
  await assert.rejects(
    analyze([{ content: article }], { stages: { 'no-such-stage': {} } }),
    (error: unknown) => isCrosscheckError(error) && error.code === 'INVALID_OPTIONS',
  );
});
