/**
 * The layers of the HTML report: nesting keeps every character inside all its layers, and the
 * work grows with the number of layers and documents, not with their square (counted, not timed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Analysis } from '../src/contract.js';
import { renderReport } from '../src/index.js';
import { nestLayers, type Layer, type LayerKind, type NestEvent } from '../src/report/layers.js';
import { analysisDocument, blankAnalysis } from './helpers/analysis.js';

const KINDS: LayerKind[] = ['removed', 'title', 'quote', 'cue', 'speaker', 'entity', 'evidence'];

/** Replays the events: where each layer's first piece opens, and which characters each layer covers. */
function replay(length: number, events: readonly NestEvent[]) {
  const covered = new Map<Layer, number[]>();
  const opened = new Map<Layer, number[]>();
  const stack: Layer[] = [];
  let position = 0;
  for (const event of events) {
    if (event.type === 'text') {
      assert.equal(event.start, position, 'text runs follow each other');
      assert.ok(event.end > event.start);
      for (const layer of stack) for (let at = event.start; at < event.end; at++) covered.set(layer, [...(covered.get(layer) ?? []), at]);
      position = event.end;
    } else if (event.type === 'open') {
      stack.push(event.layer);
      if (!event.continued) opened.set(event.layer, [...(opened.get(event.layer) ?? []), position]);
    } else {
      assert.equal(stack.pop(), event.layer, 'elements close in the order they opened');
    }
  }
  assert.equal(stack.length, 0, 'every element is closed');
  assert.equal(position, length, 'the text is complete');
  return { covered, opened };
}

const layerArbitrary = (length: number) =>
  fc
    .record({ kind: fc.constantFrom(...KINDS), a: fc.integer({ min: 0, max: length }), b: fc.integer({ min: 0, max: length }) })
    .map(({ kind, a, b }): Layer => {
      const start = Math.min(a, b);
      const end = Math.max(a, b, kind === 'evidence' ? start : start + 1);
      return { kind, start: Math.min(start, length - 1), end: Math.min(end, length), label: kind };
    })
    .filter((layer) => layer.end >= layer.start && (layer.kind === 'evidence' || layer.end > layer.start));

test('layers: every layer covers exactly its characters, opens once at its start, and elements nest', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 60 }).chain((length) => fc.tuple(fc.constant(length), fc.array(layerArbitrary(length), { maxLength: 14 }))),
      ([length, layers]) => {
        const { covered, opened } = replay(length, nestLayers(length, layers));
        for (const layer of layers) {
          const expected = Array.from({ length: layer.end - layer.start }, (_, index) => layer.start + index);
          assert.deepEqual(covered.get(layer) ?? [], expected, `${layer.kind} ${layer.start}-${layer.end}`);
          assert.deepEqual(opened.get(layer), [layer.start], `${layer.kind} ${layer.start}-${layer.end} opens once, at its start`);
        }
      },
    ),
    { numRuns: 2000 },
  );
});

test('layers: a mention crossing the end of a quote continues after it', () => {
  const quote: Layer = { kind: 'quote', start: 0, end: 10, label: 'quote' };
  const mention: Layer = { kind: 'entity', start: 6, end: 14, label: 'mention' };
  const shape = nestLayers(16, [mention, quote]).map((event) =>
    event.type === 'text' ? `${event.start}-${event.end}` : event.type === 'open' ? `<${event.layer.label}${event.continued ? '…' : ''}>` : `</${event.layer.label}>`,
  );
  assert.deepEqual(shape, ['<quote>', '0-6', '<mention>', '6-10', '</mention>', '</quote>', '<mention…>', '10-14', '</mention>', '14-16']);
});

/** Layers whose `start` and `end` count their reads: the work the nesting does, without a clock. */
function counting(layers: readonly Layer[]): { layers: Layer[]; reads: () => number } {
  let reads = 0;
  const counted = layers.map((layer) => {
    const copy = { kind: layer.kind, label: layer.label } as Layer;
    Object.defineProperty(copy, 'start', { get: () => (reads++, layer.start) });
    Object.defineProperty(copy, 'end', { get: () => (reads++, layer.end) });
    return copy;
  });
  return { layers: counted, reads: () => reads };
}

/** A long document: per sentence a quote with its cue, speaker and two mentions, debris across every tenth, and a title over everything. */
function longDocumentLayers(sentences: number): { length: number; layers: Layer[] } {
  const layers: Layer[] = [];
  const width = 60;
  for (let index = 0; index < sentences; index++) {
    const at = index * width;
    layers.push({ kind: 'speaker', start: at, end: at + 8, label: 's' }, { kind: 'entity', start: at, end: at + 8, label: 'm' });
    layers.push({ kind: 'cue', start: at + 9, end: at + 13, label: 'c' }, { kind: 'quote', start: at + 14, end: at + 50, label: 'q' });
    layers.push({ kind: 'entity', start: at + 45, end: at + 55, label: 'm' });
    if (index % 10 === 0) layers.push({ kind: 'removed', start: at + 30, end: at + 10 * width + 5, label: 'r' });
  }
  const length = sentences * width + 10 * width;
  layers.push({ kind: 'title', start: 0, end: length, label: 't' });
  return { length, layers };
}

test('layers: nesting a 4x longer document reads its layers about 4x as often (n log n), not 16x', () => {
  const work = (sentences: number) => {
    const { length, layers } = longDocumentLayers(sentences);
    const counted = counting(layers);
    nestLayers(length, counted.layers);
    return counted.reads();
  };
  const small = work(4_000);
  const large = work(16_000);
  assert.ok(large / small < 5.5, `reads grew ${(large / small).toFixed(2)}x for 4x the sentences`);
});

/** A corpus of small documents, with getters counting how often a renderer asks which document an item belongs to. */
function countingCorpus(documents: number): { analysis: Analysis; reads: () => number } {
  let reads = 0;
  const inDoc = <T extends object>(item: T, doc: string): T & { doc: string } => Object.defineProperty(item, 'doc', { get: () => (reads++, doc), enumerable: true }) as T & { doc: string };
  const text = 'Mayor Ada Lind said the bridge would reopen.';
  const ids = Array.from({ length: documents }, (_, index) => `doc-${index}`);
  const analysis: Analysis = {
    ...blankAnalysis(
      ids.map((id) =>
        analysisDocument(id, text, {
          removed: [{ start: 0, end: 5, reason: 'navigation', rule: 'test' }],
          paragraphs: [{ start: 0, end: text.length }],
          sentences: [{ start: 0, end: text.length }],
        }),
      ),
    ),
    entities: [
      {
        id: 'person-ada-lind',
        name: 'Ada Lind',
        type: 'PERSON',
        aliases: [],
        mentions: ids.map((id) => inDoc({ start: 6, end: 14, kind: 'name' as const }, id)),
        mentionCounts: Object.fromEntries(ids.map((id) => [id, 1])),
        facts: ids.map((id) => ({ kind: 'role' as const, value: 'Mayor', evidence: inDoc({ start: 0, end: 5 }, id) })),
      },
    ],
    quotes: ids.map((id, index) =>
      inDoc(
        {
          id: `${id}/q1`,
          kind: 'indirect' as const,
          attributionKind: 'speech' as const,
          content: { start: 20, end: 43 },
          cue: { start: 15, end: 19 },
          speaker: { name: 'Ada Lind', entity: 'person-ada-lind', role: 'Mayor', mention: { start: 0, end: 14 }, affiliation: null },
          channel: null,
          via: null,
          continues: index > 0 ? `doc-${index - 1}/q1` : null,
          negated: false,
        },
        id,
      ),
    ),
    messages: ids.map((id) => inDoc({ stage: 'test', rule: 'test/rule', severity: 'warning' as const, text: 'a warning', start: 20, end: 21 }, id)),
  };
  return { analysis, reads: () => reads };
}

test('report: a 4x larger corpus costs the renderers about 4x the look-ups, not 16x', () => {
  for (const format of ['html', 'md'] as const) {
    const work = (documents: number) => {
      const corpus = countingCorpus(documents);
      renderReport(corpus.analysis, format);
      return corpus.reads();
    };
    const small = work(500);
    const large = work(2_000);
    assert.ok(large / small < 5, `${format}: look-ups grew ${(large / small).toFixed(2)}x for 4x the documents`);
  }
});
