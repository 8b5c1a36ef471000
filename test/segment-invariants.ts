/**
 * Invariants of cleaning and segmenting, shared by the clean, segment and seed tests: spans in
 * range, ordered and disjoint; nothing kept overlaps what was removed; tokens inside sentences
 * and covering every non-space character.
 */
import assert from 'node:assert/strict';
import { RemovedSpanSchema } from '../src/contract.js';
import type { SegmentResult } from '../src/stages/02-segment/index.js';

interface Span {
  start: number;
  end: number;
}

export function assertCleanInvariants(text: string, removed: readonly { start: number; end: number; reason: string }[], title: { start: number; end: number } | null): void {
  for (const [index, span] of removed.entries()) {
    assert.ok(RemovedSpanSchema.safeParse(span).success, `removed span ${index} follows the contract`);
    assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length, `removed span ${index} in range`);
    if (index > 0) assert.ok(removed[index - 1]!.end <= span.start, 'removed spans ordered and disjoint');
    if (title) assert.ok(span.end <= title.start || title.end <= span.start, 'the title is never removed');
    const first = (span as { duplicateOf?: { start: number; end: number } }).duplicateOf;
    if (first) assert.ok(!removed.some((other) => other.start < first.end && first.start < other.end), 'the first copy of a duplicate is kept');
  }
}

export function assertSegmentInvariants(text: string, removed: readonly { start: number; end: number }[], segmented: SegmentResult): void {
  const { paragraphs, sentences } = segmented;
  for (const list of [paragraphs, sentences]) {
    for (const [index, span] of list.entries()) {
      assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length, `span ${span.start}-${span.end} in range`);
      assert.equal(text.slice(span.start, span.end).trim(), text.slice(span.start, span.end), 'spans are trimmed');
      if (index > 0) assert.ok(list[index - 1]!.end <= span.start, 'ordered and disjoint');
      for (const cut of removed) assert.ok(span.end <= cut.start || cut.end <= span.start, `span ${span.start}-${span.end} overlaps removed ${cut.start}-${cut.end}`);
    }
  }
  for (const sentence of sentences) {
    assert.ok(paragraphs.some((p) => p.start <= sentence.start && sentence.end <= p.end), 'each sentence lies in a paragraph');
    for (const [index, token] of sentence.tokens.entries()) {
      assert.ok(sentence.start <= token.start && token.end <= sentence.end && token.start < token.end, 'tokens lie inside their sentence');
      if (index > 0) assert.ok(sentence.tokens[index - 1]!.end <= token.start, 'tokens ordered');
    }
    // Tokens cover every non-space character of the sentence.
    const covered = sentence.tokens.map((t) => text.slice(t.start, t.end)).join('');
    assert.equal(covered, text.slice(sentence.start, sentence.end).replace(/\s+/gu, ''));
  }
}
