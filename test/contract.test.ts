import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { CONTRACT_VERSION, analysisJsonSchema, analyze } from '../src/index.js';
import { assertAnalysisInvariants } from './helpers/invariants.js';

test('the committed JSON Schema is the one the contract generates', async () => {
  const committed = JSON.parse(await readFile(new URL('../schema/analysis.schema.json', import.meta.url), 'utf8'));
  assert.deepEqual(committed, analysisJsonSchema(), 'run `npm run schema` after changing src/contract.ts');
});

test('the schema carries the contract version', () => {
  const schema = analysisJsonSchema();
  assert.match(String(schema.$id), new RegExp(`analysis-${CONTRACT_VERSION.replace(/\./g, '\\.')}\\.json$`));
  const properties = schema.properties as Record<string, unknown>;
  for (const key of ['version', 'documents', 'entities', 'quotes', 'stories', 'copies', 'statements', 'claims', 'provenance', 'relations', 'timeline', 'framing', 'brief', 'messages']) {
    assert.ok(key in properties, `top-level ${key}`);
  }
});

test('an analysis of an inline article validates and keeps its text exactly', async () => {
  const text = 'Port officials said on Tuesday that the ferry had docked.\r\n\r\nThe ministry denied it.';
  const analysis = await analyze([{ content: text, source: 'inline.txt' }]);
  assertAnalysisInvariants(analysis);
  assert.equal(analysis.version, CONTRACT_VERSION);
  assert.equal(analysis.documents[0]!.text, text);
});
