/**
 * The five seed articles the project started from (../shared/seeds, real articles: read at run
 * time, never copied here). Skipped where ../shared is not beside the repository.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { analyze, type Analysis } from '../src/index.js';
import { assertAnalysisInvariants } from './helpers/invariants.js';

const SEEDS = new URL('../../shared/seeds/', import.meta.url).pathname;
const skip = !existsSync(SEEDS) && 'no ../shared/seeds beside the repository';

let cached: Promise<Analysis> | null = null;
const seeds = () => (cached ??= analyze([SEEDS]));

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

test('seeds: the analysis keeps every invariant', { skip }, async () => {
  const analysis = await seeds();
  assert.equal(analysis.documents.length, 5);
  assertAnalysisInvariants(analysis);
});

test('seeds: titles are recovered for the four articles that have one', { skip }, async () => {
  const analysis = await seeds();
  const titled = analysis.documents.filter((doc) => doc.title && doc.titleSpan);
  assert.deepEqual(titled.map((doc) => doc.id), analysis.documents.slice(0, 4).map((doc) => doc.id));
  for (const doc of titled) {
    assert.ok(words(doc.title!) >= 3 && words(doc.title!) <= 20, `${doc.id}: "${doc.title}" looks like a headline`);
  }
});

test('seeds: no content paragraph is removed, except later copies of a kept paragraph', { skip }, async () => {
  const analysis = await seeds();
  for (const doc of analysis.documents) {
    for (const span of doc.removed) {
      const text = doc.text.slice(span.start, span.end);
      if (span.reason === 'duplicate' || span.reason === 'near-duplicate') {
        assert.ok(span.duplicateOf, `${doc.id}: a duplicate names its kept copy`);
        assert.ok(span.duplicateOf!.end <= span.start, `${doc.id}: the first copy is the one kept`);
        continue;
      }
      // Debris is short: navigation, prompts, counters, teaser lines.
      for (const line of text.split('\n')) {
        assert.ok(words(line) <= 30, `${doc.id}: removed line is too long to be debris (${span.reason}): ${line.slice(0, 60)}…`);
      }
    }
  }
});

test('seeds: the repeated block and the debris lines are marked removed', { skip }, async () => {
  const analysis = await seeds();
  const reasons = (index: number) => analysis.documents[index]!.removed.map((span) => span.reason);
  const duplicates = reasons(0).filter((reason) => reason === 'duplicate' || reason === 'near-duplicate');
  assert.ok(duplicates.length >= 4, `the four repeated paragraphs of the first seed: ${duplicates.length}`);
  for (const [index, doc] of analysis.documents.entries()) {
    assert.ok(doc.removed.length >= 1, `seed ${index} has debris marked`);
  }
  // Every line the story does not need, found by its shape: prompts, counters, link blocks, tails.
  const debrisShapes = [/^Leave a Reply$/, /^\d+$/, /^Font size/, /^READ:/, /^Don.t miss/, /^Source\s*:/, /^- /, /^Home »/, /^Stay Informed$/, /^Your email address/];
  for (const doc of analysis.documents) {
    doc.text.split('\n').forEach((line, index, lines) => {
      if (!debrisShapes.some((shape) => shape.test(line.trim()))) return;
      const start = lines.slice(0, index).join('\n').length + (index ? 1 : 0);
      const covered = doc.removed.some((span) => span.start <= start + line.indexOf(line.trim()) && span.end >= start + line.trimEnd().length);
      assert.ok(covered, `${doc.id}: debris line not removed: ${line}`);
    });
  }
});
