/**
 * Absurd inputs are bounded where the sentences are made (stage 2), with a warning on the
 * document that says where, and the rest of the run goes on: a text without full stops is cut
 * into pieces, and a document with too many sentences is analysed up to the limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/index.js';
import { MAX_SENTENCE_LENGTH, segmentText } from '../src/stages/02-segment/index.js';
import { assertAnalysisInvariants } from './helpers/invariants.js';
import { newsArticle } from './helpers/news-generator.js';

const words = (count: number) => Array.from({ length: count }, (_, i) => ['water', 'tanker', 'Kessering', 'river', 'council'][i % 5]).join(' ');

test('limits: a line without full stops is cut at spaces into sentences of at most 5,000 characters', () => {
  const text = words(3_000); // about 20,000 characters
  const { sentences } = segmentText(text);
  assert.ok(sentences.length >= 4);
  for (const sentence of sentences) {
    assert.ok(sentence.end - sentence.start <= MAX_SENTENCE_LENGTH);
    assert.match(text.slice(sentence.start, sentence.end), /^\S.*\S$/su, 'pieces are cut at spaces and trimmed');
    assert.ok(sentence.end === text.length || /\s/u.test(text[sentence.end]!), 'no word is cut in two');
  }
  assert.equal(sentences.map((sentence) => text.slice(sentence.start, sentence.end)).join(' '), text, 'the pieces cover the whole line');
});

test('limits: a run without spaces is cut at the limit, never inside a surrogate pair', () => {
  const text = `a${'😀'.repeat(6_000)}`;
  const { sentences } = segmentText(text);
  assert.equal(sentences.reduce((sum, sentence) => sum + sentence.end - sentence.start, 0), text.length);
  for (const sentence of sentences) {
    assert.ok(sentence.end - sentence.start <= MAX_SENTENCE_LENGTH);
    assert.ok(!/[\uD800-\uDBFF]$/u.test(text.slice(sentence.start, sentence.end)), 'no piece ends in half a pair');
    assert.ok(sentence.tokens.length > 0);
  }
});

test('limits: a document with too many sentences is analysed up to the limit, with a warning that says where', async () => {
  const long = newsArticle({ sentences: 80, seed: 3 });
  const short = 'Ferry services resumed on Monday. “We are back on time,” the harbour master said.';
  const analysis = await analyze(
    [
      { content: long, source: 'long.txt' },
      { content: words(2_000), source: 'unpunctuated.txt' },
      { content: short, source: 'short.txt' },
    ],
    { stages: { segment: { maxSentences: 40 } } },
  );
  assertAnalysisInvariants(analysis);
  const [first, second, third] = analysis.documents;
  assert.equal(first!.sentences.length, 40);
  const last = first!.sentences[39]!;
  assert.ok(first!.paragraphs.every((paragraph) => paragraph.end <= last.end), 'paragraphs stop where the analysed sentences do');
  assert.ok(analysis.quotes.filter((quote) => quote.doc === first!.id).every((quote) => quote.content.end <= last.end));
  const messages = analysis.messages.filter((message) => message.stage === 'segment');
  assert.deepEqual(
    messages.map((message) => `${message.doc}: ${message.rule} (${message.severity})`),
    [`${first!.id}: segment/too-many-sentences (warning)`, `${second!.id}: segment/long-sentence (warning)`],
  );
  const [tooMany, tooLong] = messages;
  assert.match(tooMany!.text, /has \d+ sentences, more than the 40 analysed in one document: the last \d+ sentences, from here on, were not analysed/u);
  assert.ok(tooMany!.start! > last.start && long.slice(tooMany!.start!, tooMany!.start! + 1).trim() !== '', 'the warning points at the first sentence left out');
  assert.equal(tooMany!.end, long.trimEnd().length);
  assert.match(tooLong!.text, /^A sentence of [\d,]+ characters was cut at spaces into pieces of at most 5,000 characters/u);
  assert.deepEqual([tooLong!.start, tooLong!.end], [0, second!.text.length]);
  assert.equal(third!.sentences.length, 2, 'the other documents are analysed whole');
  assert.equal(analysis.quotes.filter((quote) => quote.doc === third!.id).length, 1);
});

test('limits: the limits are stage options, checked before any work', async () => {
  await assert.rejects(analyze([{ content: 'Text.' }], { stages: { segment: { maxSentences: 0 } } }), { code: 'INVALID_OPTIONS' });
  await assert.rejects(analyze([{ content: 'Text.' }], { stages: { segment: { maxSentenceLength: 10 } } }), { code: 'INVALID_OPTIONS' });
});
