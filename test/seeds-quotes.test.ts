/**
 * Who said what on the five seed articles (read from ../shared/seeds at run time; skipped when
 * absent). The rows name speakers and the one to three words of each cue: facts about the story,
 * not copied text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { analyze, type Analysis } from '../src/index.js';
import { quoteProblems } from './helpers/quote-checks.js';

const SEEDS = new URL('../../shared/seeds/', import.meta.url).pathname;
const skip = !existsSync(SEEDS) && 'no ../shared/seeds beside the repository';
let cached: Promise<Analysis> | null = null;
const seeds = () => (cached ??= analyze([SEEDS]));

const textOf = (analysis: Analysis, doc: string) => analysis.documents.find((d) => d.id === doc)!.text;
const slice = (analysis: Analysis, doc: string, span: { start: number; end: number } | null) => (span ? textOf(analysis, doc).slice(span.start, span.end) : null);

// Every direct quote of the seeds, in order: document number, cue as written (null: carries on
// the quote before; '*': not checked), speaker name.
const DIRECT: [doc: string, cue: string | null, speaker: string][] = [
  ['000', 'said', 'Mamuka Mamulashvili'],
  ['000', null, 'Mamuka Mamulashvili'],
  ['000', 'noted', 'Hannah Notte'],
  ['000', 'said', 'Mamuka Mamulashvili'],
  ['000', null, 'Mamuka Mamulashvili'],
  ['002', 'said', 'Ramzan Kadyrov'],
  ['002', null, 'Ramzan Kadyrov'],
  ['002', 'said', 'Dmitry Peskov'],
  ['003', 'wrote', 'Ramzan Kadyrov'],
  ['003', null, 'Ramzan Kadyrov'],
  ['003', null, 'Ramzan Kadyrov'],
  ['003', 'added', 'Ramzan Kadyrov'],
  ['003', 'was quoted as saying', 'Maria Zakharova'],
  ['003', null, 'Maria Zakharova'],
  ['004', '*', 'Hamas'],
  ['004', 'said:', 'Iran’s foreign minister'],
  ['004', 'said:', 'Jonathan Harounoff'],
  ['004', 'said', 'Alexander Gabuev'],
];

test('seeds: every direct quote is found, with its speaker', { skip }, async () => {
  const analysis = await seeds();
  const direct = analysis.quotes
    .filter((quote) => quote.kind === 'direct' && slice(analysis, quote.doc, quote.content)!.split(/\s+/u).length >= 6)
    .map((quote, i) => [quote.doc.slice(0, 3), DIRECT[i]?.[1] === '*' ? '*' : slice(analysis, quote.doc, quote.cue), quote.speaker.name]);
  assert.deepEqual(direct, DIRECT);
});

test('seeds: the hard speakers', { skip }, async () => {
  const analysis = await seeds();
  const find = (doc: string, cue: string) => analysis.quotes.find((quote) => quote.doc.startsWith(doc) && slice(analysis, quote.doc, quote.cue) === cue);
  const kadyrov = analysis.entities.find((entity) => entity.name === 'Ramzan Kadyrov')!;
  // "added the close ally of Russian President Vladimir Putin" is Kadyrov, not Putin.
  assert.equal(find('003', 'added')?.speaker.entity, kadyrov.id);
  // "he was quoted as saying" after Maria Zakharova is named: the nearest named speaker wins over the pronoun.
  assert.equal(find('003', 'was quoted as saying')?.speaker.name, 'Maria Zakharova');
  assert.equal(find('003', 'was quoted as saying')?.via?.name, 'TASS');
  // "The leader of Russia's Chechnya region, Ramzan Kadyrov, has expressed …".
  assert.equal(find('003', 'has expressed')?.speaker.entity, kadyrov.id);
  // "Iran's foreign minister" speaks for Iran but is not Iran, nor the deputy minister named earlier.
  const minister = find('004', 'said:')!;
  assert.equal(minister.speaker.entity, null);
  assert.equal(minister.speaker.affiliation, analysis.entities.find((entity) => entity.name === 'Iran')!.id);
  // "He offered himself as a mediator saying …" follows a sentence about Putin, not the last expert quoted.
  assert.equal(find('004', 'saying')?.speaker.name, 'Vladimir Putin');
  // "Israel is said to be preparing …": hearsay with no speaker.
  assert.equal(find('000', 'is said')?.speaker.name, null);
  // Channels and relays.
  assert.equal(find('002', 'said')?.channel?.text, 'on Telegram');
  assert.equal(find('003', 'wrote')?.via?.name, 'Newsweek');
});

test('seeds: no scare quote or quoted name is reported as speech', { skip }, async () => {
  const analysis = await seeds();
  for (const quote of analysis.quotes) {
    const content = slice(analysis, quote.doc, quote.content)!;
    assert.ok(!/^[“"][^”"]{0,30}[”"][.,]?$/u.test(content), `short quoted name reported as speech: ${quote.id}`);
  }
});

test('seeds: every speaker, content and cue is one a careful reader accepts', { skip }, async () => {
  assert.deepEqual(quoteProblems(await seeds()), []);
});

test('seeds: speakers that were wrong once', { skip }, async () => {
  const analysis = await seeds();
  const find = (doc: string, cue: string) => analysis.quotes.filter((quote) => quote.doc.startsWith(doc) && slice(analysis, quote.doc, quote.cue) === cue);
  const entity = (name: string) => analysis.entities.find((candidate) => candidate.name === name)!.id;
  // "X has never declared …" reports nothing said: kept, flagged as negated.
  assert.deepEqual(find('000', 'has never declared').map((quote) => quote.negated), [true]);
  // "According to …documents…, …": the documents are the source, not part of the content.
  const documents = find('000', 'According to')[0]!;
  assert.match(documents.speaker.name ?? '', /^classified documents/u);
  // A state's ministry speaks for the state but is not the state.
  const ministry = find('002', 'According to')[0]!;
  assert.deepEqual([ministry.speaker.entity, ministry.speaker.affiliation], [null, entity('Israel')]);
  // "The Palestinian movement's wing Hamas issued a statement": Hamas, not Palestine.
  assert.equal(find('003', 'issued a statement')[0]?.speaker.entity, entity('Hamas'));
  // "… has been condemned by Israel as …, reports The Telegraph": Israel says it, the newspaper relays it.
  const condemned = find('004', 'has been condemned')[0]!;
  assert.deepEqual([condemned.speaker.entity, condemned.via?.name], [entity('Israel'), 'The Telegraph']);
  assert.deepEqual(find('004', 'reports'), []);
  // "They" after "Russia and China …" is both of them, not Russia.
  const they = find('004', 'have however called for')[0]!;
  assert.deepEqual([they.speaker.name, they.speaker.entity], ['Russia and China', null]);
  // A name in a list inside the content is no cue: one quote runs over the whole list.
  const harounoff = analysis.quotes.filter((quote) => quote.speaker.entity === entity('Jonathan Harounoff'));
  assert.deepEqual(harounoff.map((quote) => slice(analysis, quote.doc, quote.cue)), ['said', 'said:']);
});

test('seeds: a phrase of a Title Case headline is no organisation', { skip }, async () => {
  const analysis = await seeds();
  const headlines = analysis.documents.flatMap((doc) => doc.sentences.filter((sentence) => sentence.headline).map((sentence) => ({ doc: doc.id, ...sentence })));
  const onlyInHeadlines = analysis.entities.filter(
    (entity) => entity.type === 'ORG' && entity.name.includes(' ') && entity.mentions.every((mention) => headlines.some((line) => line.doc === mention.doc && line.start <= mention.start && line.end >= mention.end)),
  );
  assert.deepEqual(onlyInHeadlines.map((entity) => entity.name), []);
});
