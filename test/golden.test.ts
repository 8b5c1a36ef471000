import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeCase, goldenCases, REPO } from './golden/cases.js';
import { assertAnalysisInvariants } from './helpers/invariants.js';

for (const golden of await goldenCases()) {
  test(`golden: ${golden.name} keeps every invariant`, async () => {
    assertAnalysisInvariants(await analyzeCase(golden));
  });

  test(`golden: ${golden.name} matches its expected analysis (npm run fixtures to update)`, async () => {
    const path = join(REPO, golden.expected);
    assert.ok(existsSync(path), `${golden.expected} is missing: run npm run fixtures`);
    const expected = JSON.parse(await readFile(path, 'utf8'));
    const actual = JSON.parse(JSON.stringify(await analyzeCase(golden)));
    for (const section of Object.keys(expected)) {
      assert.deepEqual(actual[section], expected[section], `section ${section} differs`);
    }
  });
}
