import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeCase, goldenCases, REPO } from './golden/cases.js';
import { assertAnalysisInvariants } from './helpers/invariants.js';
import { quoteProblems } from './helpers/quote-checks.js';

for (const golden of await goldenCases()) {
  let analysed: ReturnType<typeof analyzeCase> | null = null;
  const analysis = () => (analysed ??= analyzeCase(golden));

  test(`golden: ${golden.name} keeps every invariant`, async () => {
    assertAnalysisInvariants(await analysis());
  });

  test(`golden: ${golden.name} names only speakers, contents and cues a careful reader accepts`, async () => {
    assert.deepEqual(quoteProblems(await analysis()), []);
  });

  test(`golden: ${golden.name} matches its expected analysis (npm run fixtures to update)`, async () => {
    const path = join(REPO, golden.expected);
    assert.ok(existsSync(path), `${golden.expected} is missing: run npm run fixtures`);
    const expected = JSON.parse(await readFile(path, 'utf8'));
    const actual = JSON.parse(JSON.stringify(await analysis()));
    for (const section of Object.keys(expected)) {
      assert.deepEqual(actual[section], expected[section], `section ${section} differs`);
    }
  });
}
