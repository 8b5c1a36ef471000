import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../src/index.js';

test('the public API exports exactly these names', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'AnalysisSchema',
    'CONTRACT_VERSION',
    'CrosscheckError',
    'addToCase',
    'analysisJsonSchema',
    'analyze',
    'caseAnalysis',
    'isCrosscheckError',
    'openStore',
    'renderReport',
    'resolveDataDir',
  ]);
});

test('the package exposes only its entry point', async () => {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
  assert.deepEqual(Object.keys(pkg.exports), ['.', './package.json']);
  assert.equal(pkg.bin.crosscheck, 'dist/cli/main.js');
});
