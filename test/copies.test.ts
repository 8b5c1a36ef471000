/**
 * Copies between invented articles: a syndicated copy, a lifted paragraph, unrelated articles
 * that share stock phrases, identical files, publication order, removed debris inside a copy,
 * and the groups the corroboration step folds into one source.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Copy } from '../src/contract.js';
import { candidatePairs } from '../src/copies/candidates.js';
import { findCopies } from '../src/copies/find.js';
import { copiedFrom, independentGroups } from '../src/copies/groups.js';
import { shingleCorpus } from '../src/copies/shingles.js';
import { emptyMeta, type Doc } from '../src/document.js';
import { preparePipeline, runPipeline } from '../src/pipeline.js';
import { cleanStage } from '../src/stages/01-clean/index.js';
import { copiesStage } from '../src/stages/07-copies/index.js';

// Every article below is invented for this test.
const WIRE_BODY = [
  'Crews closed the Tallmoor bridge on Thursday after engineers found cracks in two of its steel supports, the regional roads office said.',
  'The bridge carries about 12,000 vehicles a day between Tallmoor and the port of Aldport, and drivers were sent on a detour of 40 km through the hills.',
  'Roads office director Lena Holm said inspectors had found the cracks during a routine check and that the bridge would stay shut until repairs were finished.',
  '“We will not take any risks with a structure that so many people cross every day,” Holm told reporters at the site.',
  'The office did not say how long the repairs would take or how much they would cost.',
];
const WIRE = `Cracks close Tallmoor bridge\n\n${WIRE_BODY.join('\n\n')}\n`;
const SYNDICATED = `Tallmoor drivers face long detour as bridge shuts\n\n${WIRE_BODY.join('\n\n')}\n\nThis report was supplied by the Valdoria Press Agency.\n`;
const LIFTED = WIRE_BODY[1]!;
const COMMENT = [
  'Opinion: the Tallmoor bridge was a warning we chose to ignore',
  'For years, residents of the valley have asked the council to spend more on the roads that hold the region together.',
  `${LIFTED}`,
  'Every one of those drivers now pays for the delay in time and fuel, and the council should explain why the money never came.',
].join('\n\n');
const STOCK_A = [
  'Ferry crews vote to strike',
  'Crews on the Tessa ferries voted on Wednesday to strike for two days next week, the union said in a statement on Monday.',
  'The union said the vote was a clear message and could not be independently verified by other sources at the time of writing.',
  'The operator said it would run a reduced timetable.',
].join('\n\n');
const STOCK_B = [
  'Museum reopens after flood repairs',
  'The Marren museum reopened its doors to visitors after repairs to its flooded basement, the council said in a statement on Monday.',
  'The claim could not be independently verified by other sources at the time of writing, and the council declined to comment further.',
  'Entry will be free for the first week.',
].join('\n\n');

function docsOf(articles: { id: string; text: string; published?: string }[]): Doc[] {
  const docs = articles.map(({ id, text, published }) => ({
    id,
    source: `${id}.txt`,
    format: 'txt' as const,
    text,
    meta: { ...emptyMeta(), published: published ?? null },
    messages: [],
    results: {},
  }));
  return runPipeline(docs, preparePipeline({}, [cleanStage])).docs;
}

function copiesOf(docs: Doc[]): { copies: Copy[]; docs: Doc[] } {
  const run = runPipeline(docs, preparePipeline({}, [copiesStage]));
  return { copies: run.corpus.copies!.copies, docs: run.docs };
}

const textOf = (docs: Doc[], id: string, span: { start: number; end: number }) => docs.find((doc) => doc.id === id)!.text.slice(span.start, span.end);

test('a syndicated copy with a new headline and a trailing line is a near-duplicate of the wire', () => {
  const { copies, docs } = copiesOf(docsOf([{ id: 'wire', text: WIRE }, { id: 'times', text: SYNDICATED }]));
  assert.equal(copies.length, 1);
  const [copy] = copies;
  assert.deepEqual(copy!.docs, ['wire', 'times']);
  assert.equal(copy!.kind, 'near-duplicate');
  assert.ok(copy!.overlap > 0.85 && copy!.overlap < 1, `overlap ${copy!.overlap}`);
  for (const passage of copy!.passages) assert.equal(textOf(docs, 'wire', passage.a), textOf(docs, 'times', passage.b));
  // The whole wire body is shared, the headlines are not.
  const shared = copy!.passages.map((passage) => textOf(docs, 'wire', passage.a)).join(' ');
  assert.ok(shared.includes('Crews closed the Tallmoor bridge') && shared.includes('how much they would cost'));
  assert.ok(!shared.includes('Cracks close'));
  const messages = docs.find((doc) => doc.id === 'times')!.messages.map((message) => message.rule);
  assert.deepEqual(messages, ['copies/near-duplicate']);
});

test('a paragraph lifted into another article is a shared passage, spanning exactly that paragraph', () => {
  const { copies, docs } = copiesOf(docsOf([{ id: 'wire', text: WIRE }, { id: 'comment', text: COMMENT }]));
  assert.equal(copies.length, 1);
  assert.equal(copies[0]!.kind, 'shared-passages');
  assert.deepEqual(
    copies[0]!.passages.map((passage) => [textOf(docs, 'wire', passage.a), textOf(docs, 'comment', passage.b)]),
    [[LIFTED.replace(/\.$/u, ''), LIFTED.replace(/\.$/u, '')]],
  );
  assert.ok(copies[0]!.overlap < 0.6);
});

test('unrelated articles that share stock phrases are not copies', () => {
  const { copies } = copiesOf(docsOf([{ id: 'ferry', text: STOCK_A }, { id: 'museum', text: STOCK_B }, { id: 'wire', text: WIRE }]));
  assert.deepEqual(copies, []);
});

test('two identical files are duplicates, linked and both kept', () => {
  const { copies, docs } = copiesOf(docsOf([{ id: 'first', text: WIRE }, { id: 'again', text: WIRE }]));
  assert.equal(docs.length, 2);
  assert.deepEqual(
    copies.map(({ docs: pair, kind, overlap }) => ({ pair, kind, overlap })),
    [{ pair: ['first', 'again'], kind: 'duplicate', overlap: 1 }],
  );
});

test('the earlier published document comes first, whatever the input order', () => {
  const { copies } = copiesOf(
    docsOf([
      { id: 'times', text: SYNDICATED, published: '2024-03-13' },
      { id: 'wire', text: WIRE, published: '2024-03-12T08:00:00Z' },
    ]),
  );
  assert.deepEqual(copies[0]!.docs, ['wire', 'times']);
  // Without dates, the first given comes first.
  assert.deepEqual(copiesOf(docsOf([{ id: 'times', text: SYNDICATED }, { id: 'wire', text: WIRE }])).copies[0]!.docs, ['times', 'wire']);
});

test('shared passages never reach into removed debris', () => {
  const advert = 'Advertisement';
  const withAdvert = `Cracks close Tallmoor bridge\n\n${WIRE_BODY.slice(0, 2).join('\n\n')}\n\n${advert}\n\n${WIRE_BODY.slice(2).join('\n\n')}\n`;
  const docs = docsOf([{ id: 'wire', text: WIRE }, { id: 'page', text: withAdvert }]);
  const page = docs.find((doc) => doc.id === 'page')!;
  const removed = page.results.clean!.removed;
  assert.ok(removed.some((span) => page.text.slice(span.start, span.end).trim() === advert), 'the advert line is removed');
  const { copies } = copiesOf(docs);
  assert.equal(copies[0]!.kind, 'duplicate');
  for (const passage of copies[0]!.passages) {
    assert.ok(!removed.some((span) => span.start < passage.b.end && passage.b.start < span.end), 'passage overlaps removed text');
  }
  assert.ok(copies[0]!.passages.length >= 2, 'the removed line splits the shared text');
});

test('copies fold into independent groups; a lifted passage folds only where it is', () => {
  const { copies, docs } = copiesOf(
    docsOf([
      { id: 'wire', text: WIRE },
      { id: 'times', text: SYNDICATED },
      { id: 'again', text: SYNDICATED },
      { id: 'comment', text: COMMENT },
    ]),
  );
  const groups = independentGroups(copies);
  assert.equal(groups.get('times'), groups.get('wire'));
  assert.equal(groups.get('again'), groups.get('wire'));
  assert.equal(groups.get('comment'), undefined);
  const comment = docs.find((doc) => doc.id === 'comment')!;
  const inLifted = comment.text.indexOf('12,000 vehicles');
  // Linked to the earliest article that has the paragraph (not necessarily to every copy of it).
  assert.equal(copiedFrom(copies, { doc: 'comment', start: inLifted, end: inLifted + 14 })[0], 'wire');
  const ownWords = comment.text.indexOf('pays for the delay');
  assert.deepEqual(copiedFrom(copies, { doc: 'comment', start: ownWords, end: ownWords + 10 }), []);
  // The original's own words were not copied from anything.
  const wire = docs.find((doc) => doc.id === 'wire')!;
  const inWire = wire.text.indexOf('12,000 vehicles');
  assert.deepEqual(copiedFrom(copies, { doc: 'wire', start: inWire, end: inWire + 14 }), []);
});

test('a stock phrase in every document does not make every pair a candidate', () => {
  const texts = Array.from({ length: 400 }, (_, index) => ({
    text: `Report ${index}: the council said in a statement on Monday that item ${index * 7919} of the budget was under review.`,
    removed: [],
  }));
  const pairs = candidatePairs(shingleCorpus(texts), { minPassageWords: 25 });
  // Every pair would be 79,800; each index key pairs a document with two others at most.
  assert.ok(pairs.length < 400 * 10, `${pairs.length} candidate pairs for 400 documents`);
  assert.deepEqual(findCopies([]).copies, []);
});
