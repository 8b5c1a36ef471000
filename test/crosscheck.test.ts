/**
 * Cross-checking through the product: the invented sample story holds each case the stages must
 * get right (two independent outlets, three outlets relaying one agency, a syndicated copy, a
 * hedged claim, a contradiction, one statement in two translations, an unrelated story), and a
 * few runs of bad input show what happens when there is little or nothing to compare.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { analyze, type Analysis } from '../src/index.js';
import { assertAnalysisInvariants } from './helpers/invariants.js';

let sample: Analysis;
before(async () => {
  sample = await analyze(['examples/sample-story']);
});

function claimWith(analysis: Analysis, words: string) {
  const text = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  return analysis.claims.find((claim) => claim.members.some((m) => text.get(m.doc)!.slice(m.start, m.end).includes(words)));
}

test('sample story: output keeps the invariants', () => {
  assertAnalysisInvariants(sample);
});

test('sample story: the ferry strike is a story of its own, the leak articles one story', () => {
  assert.equal(sample.stories.length, 2);
  const ferry = sample.stories.find((story) => story.documents.includes('08-aldport-harbour-gazette'))!;
  assert.deepEqual(ferry.documents, ['08-aldport-harbour-gazette']);
  assert.equal(sample.stories.find((story) => story !== ferry)!.documents.length, 7);
  assert.ok(sample.brief.some((sentence) => sentence.story === ferry.id && sentence.section === 'note'), 'a story of one article says there is nothing to compare');
});

test('sample story: the syndicated copy is linked, not dropped', () => {
  const copy = sample.copies.find((c) => c.docs.includes('01-vpa-wire') && c.docs.includes('02-eastbridge-times'));
  assert.ok(copy);
  assert.ok(copy.overlap >= 0.6);
  assert.ok(sample.documents.some((doc) => doc.id === '02-eastbridge-times'));
});

test('sample story: a claim carried by two independent outlets is corroborated', () => {
  const schools = claimWith(sample, 'schools stayed shut')!;
  assert.equal(schools.status, 'corroborated');
  assert.equal(schools.independentSources, 2);
  assert.deepEqual(new Set(schools.members.map((m) => m.doc)), new Set(['05-kessering-daily', '07-riverside-courier']));
});

test('sample story: three outlets relaying one agency are one independent source', () => {
  const detected = claimWith(sample, 'detected at 6.40')!;
  assert.deepEqual(new Set(detected.members.map((m) => m.doc)), new Set(['01-vpa-wire', '02-eastbridge-times', '06-coastline-radio-1']));
  assert.equal(detected.independentSources, 1);
  assert.equal(detected.status, 'single-source');
});

test('sample story: a hedged claim is marked hedged with its hedge', () => {
  const plans = claimWith(sample, 'reportedly plans')!;
  assert.equal(plans.status, 'hedged');
  const text = sample.documents.find((doc) => doc.id === plans.members[0]!.doc)!.text;
  assert.deepEqual(plans.members[0]!.hedges.map((h) => text.slice(h.start, h.end)), ['reportedly']);
});

test('sample story: the intake claims contradict each other and both are disputed', () => {
  const reached = claimWith(sample, 'Solvent reached')!;
  const notReached = claimWith(sample, 'Solvent did not reach')!;
  assert.equal(reached.status, 'disputed');
  assert.equal(notReached.status, 'disputed');
  assert.deepEqual(reached.contradicts, [notReached.id]);
  assert.equal(notReached.members[0]!.polarity, 'negative');
});

test("sample story: the director's statement in two translations is one statement with a word diff", () => {
  const esk = sample.statements.find((s) => s.speakerName === 'Mira Esk' && s.documents.includes('03-northgate-herald'))!;
  assert.ok(esk, 'one statement across the wire and the Herald');
  assert.ok(esk.documents.includes('01-vpa-wire'));
  const herald = esk.variants.find((v) => v.doc === '03-northgate-herald')!;
  assert.ok(herald.diff.some((part) => part.op === 'added' && part.text.includes('profoundly')));
  assert.ok(herald.diff.some((part) => part.op === 'removed' && part.text.includes('deeply')));
  for (const id of esk.quotes) assert.equal(sample.quotes.find((q) => q.id === id)!.speaker.entity, esk.speaker, "never another speaker's words");
});

test('sample story: every brief sentence cites spans that exist', () => {
  assert.ok(sample.brief.some((sentence) => sentence.section === 'established'));
  assert.ok(sample.brief.some((sentence) => sentence.section === 'disputed'));
  assert.ok(sample.brief.some((sentence) => sentence.section === 'said'));
  for (const sentence of sample.brief) assert.ok(sentence.evidence.length > 0);
});

const leak = 'Solvent from the Halvik works reached the river Almer on Tuesday, the Environment Ministry said.\n\nThe plant in Kessering employs 600 people and was closed on Wednesday by order of the ministry.\n';

test('bad input: a single article is analysed and the brief says there is nothing to cross-check', async () => {
  const analysis = await analyze([{ content: leak, source: 'only.txt' }]);
  assertAnalysisInvariants(analysis);
  assert.equal(analysis.stories.length, 1);
  assert.equal(analysis.copies.length, 0);
  assert.ok(analysis.brief.some((sentence) => sentence.section === 'note'));
  assert.ok(analysis.claims.every((claim) => claim.independentSources <= 1));
});

test('bad input: two identical files are a duplicate and count as one source', async () => {
  const analysis = await analyze([
    { content: leak, source: 'a.txt', outlet: 'Valley Post' },
    { content: leak, source: 'b.txt', outlet: 'Harbour News' },
  ]);
  assertAnalysisInvariants(analysis);
  assert.equal(analysis.copies.length, 1);
  assert.equal(analysis.copies[0]!.kind, 'duplicate');
  for (const claim of analysis.claims) assert.ok(claim.independentSources <= 1, `${claim.text} counted twice`);
});

test('bad input: an article that quotes another article of the run relays it', async () => {
  const analysis = await analyze([
    { content: leak, source: 'post.txt', outlet: 'Valley Post' },
    { content: 'The plant in Kessering employs 600 people and was closed on Wednesday by order of the ministry, the Valley Post reported.\n', source: 'news.txt', outlet: 'Harbour News' },
  ]);
  assertAnalysisInvariants(analysis);
  const closed = claimWith(analysis, 'employs 600 people')!;
  assert.equal(new Set(closed.members.map((m) => m.doc)).size, 2);
  assert.equal(closed.independentSources, 1, 'the relaying article is not a second source');
});

test('bad input: articles with no date are cross-checked; without two dates a copy points to the first given', async () => {
  const analysis = await analyze([
    { content: leak, source: 'undated-1.txt', outlet: 'Valley Post' },
    { content: `${leak}\nThe Valley Post will report further.\n`, source: 'undated-2.txt', outlet: 'Harbour News' },
    { content: leak, source: 'dated.txt', outlet: 'Coast Radio', published: '2024-03-10' },
  ]);
  assertAnalysisInvariants(analysis);
  assert.ok(analysis.documents.slice(0, 2).every((doc) => doc.published === null));
  assert.equal(analysis.stories.length, 1);
  const undatedPair = analysis.copies.find((copy) => copy.docs.includes('undated-1') && copy.docs.includes('undated-2'));
  assert.ok(undatedPair);
  assert.equal(undatedPair.docs[0], 'undated-1');
  // An undated article cannot be ordered against a dated one: the first given stays first.
  const dated = analysis.copies.find((copy) => copy.docs.includes('dated') && copy.docs.includes('undated-1'));
  assert.equal(dated?.docs[0], 'undated-1');
});
