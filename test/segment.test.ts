import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText } from '../src/stages/02-segment/index.js';
import { splitSentences } from '../src/text/sentences.js';
import { cleanText } from '../src/stages/01-clean/index.js';
import { assertSegmentInvariants } from './segment-invariants.js';

function sentencesOf(text: string): string[] {
  return splitSentences(text).map((span) => text.slice(span.start, span.end));
}

// One hard case per line: the text, then the sentences it must split into. All invented.
const SENTENCE_CASES: [name: string, text: string, expected: string[]][] = [
  ['title abbreviation', 'Mr. Halvorsen arrived on Monday. He left on Tuesday.', ['Mr. Halvorsen arrived on Monday.', 'He left on Tuesday.']],
  ['military ranks', 'Gen. Ardan Vos met Lt. Col. Mira Esk at the base.', ['Gen. Ardan Vos met Lt. Col. Mira Esk at the base.']],
  ['initialism inside a sentence', 'The U.S. Navy sent two ships. Officials declined to comment.', ['The U.S. Navy sent two ships.', 'Officials declined to comment.']],
  ['initialism at a sentence end', 'She moved to the U.S. The move surprised her family.', ['She moved to the U.S.', 'The move surprised her family.']],
  ['initialism before a number', 'The U.S. 7th Fleet sailed at dawn.', ['The U.S. 7th Fleet sailed at dawn.']],
  ['initials of a name', 'A novel by J. R. R. Tolkien sold out. Readers queued overnight.', ['A novel by J. R. R. Tolkien sold out.', 'Readers queued overnight.']],
  ['middle initial', 'Anna K. Dorn chairs the board.', ['Anna K. Dorn chairs the board.']],
  ['decimals', 'Inflation rose to 3.5 per cent. Bread climbed 12.25 per cent.', ['Inflation rose to 3.5 per cent.', 'Bread climbed 12.25 per cent.']],
  ['money with a decimal', 'It cost $3.2bn. The state paid half.', ['It cost $3.2bn.', 'The state paid half.']],
  ['ellipsis then a capital', 'He paused... Then he walked out.', ['He paused...', 'Then he walked out.']],
  ['ellipsis inside a quote', '“We continue our talks… but nothing is agreed,” she said.', ['“We continue our talks… but nothing is agreed,” she said.']],
  ['period inside closing quote', '“The bridge is safe.” Engineers disagreed.', ['“The bridge is safe.”', 'Engineers disagreed.']],
  ['period after closing quote', 'The minister called it “a fabrication”. Her deputy said nothing.', ['The minister called it “a fabrication”.', 'Her deputy said nothing.']],
  ['straight quotes', 'He said "enough." Then he left.', ['He said "enough."', 'Then he left.']],
  ['question inside quote, attribution after', '“Is the dam safe?” asked one resident.', ['“Is the dam safe?” asked one resident.']],
  ['colon before a capital', 'The message was clear: Leave the valley now.', ['The message was clear: Leave the valley now.']],
  ['quote after a colon runs on', 'He said: “The water is clean. We tested it twice.”', ['He said: “The water is clean.', 'We tested it twice.”']],
  ['sentence then quote', 'The mayor spoke. “We will rebuild,” she said.', ['The mayor spoke.', '“We will rebuild,” she said.']],
  ['company abbreviation with comma', 'The plant, owned by Varn Chemicals Inc., closed. Workers went home.', ['The plant, owned by Varn Chemicals Inc., closed.', 'Workers went home.']],
  ['company abbreviation mid-sentence', 'Haldor Mines Ltd. said output fell.', ['Haldor Mines Ltd. said output fell.']],
  ['month abbreviation before a day', 'Talks resume on Jan. 5 in the capital.', ['Talks resume on Jan. 5 in the capital.']],
  ['number sign', 'Crews reached No. 10 before noon.', ['Crews reached No. 10 before noon.']],
  ['lower-case word that is also an abbreviation', 'The answer was no. The board moved on.', ['The answer was no.', 'The board moved on.']],
  ['versus', 'The vote was 52 vs. 48 in the end.', ['The vote was 52 vs. 48 in the end.']],
  ['clock time at a sentence end', 'The meeting ended at 5 p.m. Residents were told to wait.', ['The meeting ended at 5 p.m.', 'Residents were told to wait.']],
  ['clock time before a weekday', 'It opens at 9 a.m. Monday, officials said.', ['It opens at 9 a.m. Monday, officials said.']],
  ['unit letter at a sentence end', 'The river stood at 4.2 m. Forecasters expect more rain.', ['The river stood at 4.2 m.', 'Forecasters expect more rain.']],
  ['saint', 'The St. Clair ferry was cancelled.', ['The St. Clair ferry was cancelled.']],
  ['bracketed credit', '(Reporting by Ana Lind.) The ministry did not respond.', ['(Reporting by Ana Lind.)', 'The ministry did not respond.']],
  ['question and exclamation', 'Who will pay? Nobody knows!', ['Who will pay?', 'Nobody knows!']],
  ['headline without a stop', 'Ferry service resumes in Port Alden', ['Ferry service resumes in Port Alden']],
  ['last sentence without a stop', 'Crews worked all night. The road reopened at dawn', ['Crews worked all night.', 'The road reopened at dawn']],
  ['web address', 'Details are on www.velmar-port.example today. Call before noon.', ['Details are on www.velmar-port.example today.', 'Call before noon.']],
  ['decimal clock', 'The announcement came at 10.30am. Crowds gathered.', ['The announcement came at 10.30am.', 'Crowds gathered.']],
];

for (const [name, text, expected] of SENTENCE_CASES) {
  test(`sentences: ${name}`, () => {
    assert.deepEqual(sentencesOf(text), expected);
  });
}

// Headline flag: set only on a paragraph that is one sentence without final punctuation.
const HEADLINE_CASES: [name: string, text: string, flags: boolean[]][] = [
  ['a title line and a story line', 'Floodgates opened at Kessering dam\n\nEngineers opened the gates on Friday.', [true, false]],
  ['a question headline is punctuated', 'Is the river safe to drink?', [false]],
  ['a lead-in line ending with a colon', 'The statement read:\n“We regret the delay.”', [false, false]],
  ['a paragraph whose last sentence lost its stop', 'The group praised the envoy. It called the talks “useful”', [false, false]],
];

for (const [name, text, flags] of HEADLINE_CASES) {
  test(`headline flag: ${name}`, () => {
    assert.deepEqual(segmentText(text).sentences.map((sentence) => sentence.headline === true), flags);
  });
}

const PARAGRAPH_CASES: [name: string, text: string, expected: string[]][] = [
  ['blank-line paragraphs', 'One line here.\n\nAnother line there.', ['One line here.', 'Another line there.']],
  ['line-break paragraphs', 'One line here.\nAnother line there.', ['One line here.', 'Another line there.']],
  ['hard-wrapped lines join', 'The council met on Monday and\nvoted to close the bridge.', ['The council met on Monday and\nvoted to close the bridge.']],
  ['windows line ends', 'First.\r\n\r\nSecond.\r\n', ['First.', 'Second.']],
];

for (const [name, text, expected] of PARAGRAPH_CASES) {
  test(`paragraphs: ${name}`, () => {
    assert.deepEqual(segmentText(text).paragraphs.map((span) => text.slice(span.start, span.end)), expected);
  });
}

test('removed spans cut paragraphs and never reach a sentence', () => {
  const text = 'Dam repairs begin\n0\n443\nRepairs began on Monday. Crews arrived early.\nREAD: Other news from the valley\nThe work will take a month.';
  const { result } = cleanText(text);
  const segmented = segmentText(text, result.removed);
  assert.deepEqual(
    segmented.sentences.map((s) => text.slice(s.start, s.end)),
    ['Dam repairs begin', 'Repairs began on Monday.', 'Crews arrived early.', 'The work will take a month.'],
  );
  assertSegmentInvariants(text, result.removed, segmented);
});

test('a removed span inside a line keeps the text around it', () => {
  const text = 'Crews arrived early. [advert] The work will take a month.';
  const cut = { start: text.indexOf('[advert]'), end: text.indexOf('[advert]') + '[advert]'.length };
  const segmented = segmentText(text, [cut]);
  assert.deepEqual(segmented.paragraphs.map((p) => text.slice(p.start, p.end)), ['Crews arrived early.', 'The work will take a month.']);
  assertSegmentInvariants(text, [cut], segmented);
});
