import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StorySchema } from '../src/contract.js';
import { emptyMeta, type Doc } from '../src/document.js';
import { preparePipeline, runPipeline } from '../src/pipeline.js';
import { cleanStage } from '../src/stages/01-clean/index.js';
import { segmentStage } from '../src/stages/02-segment/index.js';
import { mentionsStage } from '../src/stages/03-mentions/index.js';
import { identityStage } from '../src/stages/05-identity/index.js';
import { storiesStage } from '../src/stages/06-stories/index.js';
import { clusterOnline, stem, type SparseVector } from '../src/stories/index.js';

// Invented articles in wire style; no outlet, place or person in them is real.
const ARTICLES: Record<string, string> = {
  flood1:
    'Floodwaters breach levee in Marrowby\n\n' +
    'Floodwaters broke through the Tessel river levee in Marrowby on Tuesday, forcing 2,400 residents from their homes. ' +
    'Mayor Anika Dorrel said emergency crews were filling sandbags through the night.',
  flood2:
    'Marrowby evacuates after levee fails\n\n' +
    'Mayor Anika Dorrel ordered the evacuation of riverside districts after the Tessel levee failed on Tuesday. ' +
    'About 2,400 people have left their homes, and sandbags are being handed out at the town hall.',
  flood3:
    'Tessel river keeps rising\n\n' +
    'The Tessel river rose again on Wednesday as engineers inspected the broken levee in Marrowby. ' +
    'Dorrel said the 2,400 evacuated residents would not return before the weekend.',
  deal1:
    'Quillon Systems agrees to buy Ferrant Labs\n\n' +
    'Quillon Systems said on Monday it would buy the chip designer Ferrant Labs for $1.2 billion. ' +
    'Chief executive Rosa Lindqvist said the takeover would close in March.',
  deal2:
    'Ferrant Labs shareholders back Quillon takeover\n\n' +
    'Shareholders of Ferrant Labs approved the $1.2 billion takeover by Quillon Systems. ' +
    "Rosa Lindqvist, Quillon's chief executive, called the vote a milestone for the chip business.",
};

const STAGES = [cleanStage, segmentStage, mentionsStage, identityStage, storiesStage];

function runStories(ids: readonly string[], texts: Record<string, string> = ARTICLES, published: Record<string, string> = {}) {
  const docs: Doc[] = ids.map((id) => ({
    id,
    source: `${id}.txt`,
    format: 'txt',
    text: texts[id]!,
    meta: { ...emptyMeta(), published: published[id] ?? null },
    messages: [],
    results: {},
  }));
  const run = runPipeline(docs, preparePipeline({}, STAGES));
  const stories = run.corpus.stories?.stories ?? [];
  for (const story of stories) StorySchema.parse(story);
  const messages = run.docs.flatMap((doc) => doc.messages).filter((message) => message.stage === 'stories');
  return { stories, messages };
}

test('two unrelated stories given mixed are told apart, in order of first document', () => {
  const { stories } = runStories(['flood1', 'deal1', 'flood2', 'deal2', 'flood3']);
  assert.deepEqual(
    stories.map((story) => [story.id, story.documents]),
    [
      ['story-1', ['flood1', 'flood2', 'flood3']],
      ['story-2', ['deal1', 'deal2']],
    ],
  );
});

test('a story is labelled by its main actors and its event words', () => {
  const { stories } = runStories(['flood1', 'deal1', 'flood2', 'deal2', 'flood3']);
  const [flood, deal] = stories;
  assert.match(flood!.label, /^(?=.*Marrowby)(?=.*Dorrel)[^:]+: (?=.*levee)/u, flood!.label);
  assert.match(deal!.label, /^(?=.*Quillon)(?=.*Ferrant)[^:]+: (?=.*(?:takeover|chip))/u, deal!.label);
  assert.ok(flood!.actors.length > 0 && flood!.terms.includes('levee'), JSON.stringify(flood));
  // Actor names are not repeated among the event words.
  assert.ok(!deal!.terms.some((term) => /quillon|ferrant/.test(term)), JSON.stringify(deal!.terms));
});

test('a single article is one story and says there is nothing to compare', () => {
  const { stories, messages } = runStories(['deal1']);
  assert.deepEqual(stories.map((story) => story.documents), [['deal1']]);
  assert.deepEqual(
    messages.map((message) => `${message.doc} ${message.severity} ${message.rule}`),
    ['deal1 info stories/single-document'],
  );
});

test('two identical articles are one story', () => {
  const { stories, messages } = runStories(['flood1', 'copy'], { ...ARTICLES, copy: ARTICLES.flood1! });
  assert.deepEqual(stories.map((story) => story.documents), [['flood1', 'copy']]);
  assert.deepEqual(messages, []);
});

test('an article without a date, beside dated ones, joins its story', () => {
  const undated =
    'Quillon to keep Ferrant chip plant open\n\n' +
    'Quillon Systems will keep the Ferrant Labs chip plant running after the takeover, Rosa Lindqvist told staff.';
  const { stories } = runStories(['deal1', 'flood1', 'undated', 'deal2'], { ...ARTICLES, undated }, { deal1: '2031-03-02', deal2: '2031-03-05', flood1: '2031-04-11' });
  assert.deepEqual(stories.map((story) => story.documents), [['deal1', 'undated', 'deal2'], ['flood1']]);
});

test('an article that shares no story with the others is a story of its own, without a message', () => {
  const { stories, messages } = runStories(['flood1', 'flood2', 'deal1']);
  assert.deepEqual(stories.map((story) => story.documents), [['flood1', 'flood2'], ['deal1']]);
  assert.deepEqual(messages, []);
});

test('the same input gives the same stories', () => {
  const order = ['deal2', 'flood3', 'deal1', 'flood1', 'flood2'];
  assert.deepEqual(runStories(order).stories, runStories(order).stories);
});

test('stems meet across inflections', () => {
  const table: [string, string][] = [
    ['arrested', 'arrest'],
    ['arrests', 'arrest'],
    ['arresting', 'arrest'],
    ['charges', 'charg'],
    ['charged', 'charg'],
    ['studies', 'study'],
    ['running', 'run'],
    ['killed', 'kill'],
    ['crisis', 'crisis'],
    ['gas', 'gas'],
    ['Überfall', 'Überfall'],
  ];
  for (const [word, expected] of table) assert.equal(stem(word), expected, word);
});

/** A unit vector over the given feature ids, weights falling with position. */
function unitVector(ids: readonly number[]): SparseVector {
  const raw = ids.map((_, index) => 1 / (index + 1));
  const norm = Math.hypot(...raw);
  return { ids: Int32Array.from(ids), weights: Float64Array.from(raw, (weight) => weight / norm) };
}

test('no all-pairs step: the work per document is bounded, however many stories there are', () => {
  // Every document has its own words plus one word they all share: the worst case for an
  // inverted index, as every story is listed under the shared word.
  const workPerDocument = (count: number) => {
    const vectors = Array.from({ length: count }, (_, index) => unitVector([1 + index * 4, 2 + index * 4, 3 + index * 4, 0]));
    const { clusters, work } = clusterOnline(vectors, { threshold: 0.5 });
    assert.equal(clusters.length, count, 'unrelated documents stay apart');
    return { similarities: work.similarities / count, postings: work.postingsRead / count };
  };
  const small = workPerDocument(500);
  const large = workPerDocument(4000);
  // All pairs would be count / 2 comparisons a document (250, then 2,000).
  assert.ok(large.similarities <= 8, `similarities per document: ${large.similarities}`);
  assert.ok(large.postings <= 64, `posting entries read per document: ${large.postings}`);
  assert.ok(large.similarities <= small.similarities * 1.1 && large.postings <= small.postings * 1.1, JSON.stringify({ small, large }));
});
