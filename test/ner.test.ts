import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyMeta, type Doc } from '../src/document.js';
import { normaliseForm } from '../src/ner/features.js';
import { iobToSpans, makeTagSet, spansToTags, tagsToSpans } from '../src/ner/labels.js';
import { defaultModel, tagDocument } from '../src/ner/tagger.js';
import { cleanStage } from '../src/stages/01-clean/index.js';
import { segmentStage } from '../src/stages/02-segment/index.js';
import { mentionsStage } from '../src/stages/03-mentions/index.js';
import { tokenize, tokenTexts } from '../src/text/tokens.js';
import { runStages } from './helpers/run.js';

function runMentions(text: string): { doc: Doc; lines: string[] } {
  const doc = runStages(text, [cleanStage, segmentStage, mentionsStage]);
  const lines = doc.results.mentions!.mentions.map((m) => `${m.type} ${m.kind} ${text.slice(m.start, m.end)}${m.code ? ` ${m.code}` : ''}${m.role ? ` role=${m.role.value}` : ''}`);
  return { doc, lines };
}

test('tag schemes round-trip spans', () => {
  const spans = [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 4, type: 'LOC' },
    { start: 5, end: 8, type: 'ORG' },
  ];
  for (const scheme of ['BIO', 'BILOU'] as const) {
    const tagSet = makeTagSet(scheme, ['PER', 'ORG', 'LOC', 'MISC']);
    assert.deepEqual(tagsToSpans(tagSet, spansToTags(tagSet, 9, spans)), spans, scheme);
  }
});

test('IOB2 labels with a stray I- start a span, as conlleval reads them', () => {
  assert.deepEqual(iobToSpans(['I-ORG', 'I-ORG', 'O', 'B-PER', 'I-LOC']), [
    { start: 0, end: 2, type: 'ORG' },
    { start: 3, end: 4, type: 'PER' },
    { start: 4, end: 5, type: 'LOC' },
  ]);
});

test('typographic forms normalise to newswire ASCII', () => {
  const cases: [string, string][] = [
    ['’s', "'s"],
    ['“', '"'],
    ['—', '-'],
    ['Zürich', 'Zürich'],
  ];
  for (const [input, expected] of cases) assert.equal(normaliseForm(input), expected, input);
});

test('the shipped tagger finds people, organisations and places in invented news', () => {
  const sentences = [
    'Prime Minister Anna Holt met officials from the World Health Organization in Nairobi on Tuesday .',
    'Holt said the talks with Kenya had gone well .',
  ].map((sentence) => tokenTexts(sentence, tokenize(sentence)));
  const tagged = tagDocument(defaultModel(), sentences).map((spans, s) => spans.map((span) => `${span.type} ${sentences[s]!.slice(span.start, span.end).join(' ')}`));
  assert.deepEqual(tagged, [['PER Anna Holt', 'ORG World Health Organization', 'LOC Nairobi'], ['PER Holt', 'LOC Kenya']]);
});

test('mentions: our types from CoNLL types, with metonyms, demonyms and roles', () => {
  const { lines } = runMentions(
    'The Kremlin said on Friday that Iranian officials would fly to Moscow for talks.\n\nMoscow has denied the report, Kremlin spokesman Dmitry Peskov told reporters in the Middle East.',
  );
  assert.deepEqual(lines, [
    'GPE metonym Kremlin RUS',
    'NORP demonym Iranian IRN',
    'GPE name Moscow RUS',
    'GPE metonym Moscow RUS',
    'GPE metonym Kremlin RUS',
    'PERSON name Dmitry Peskov role=spokesman',
    'LOC name Middle East',
  ]);
});

test('mentions: a role phrase with no name after it is a role mention', () => {
  const { lines } = runMentions('Chechen leader Ramzan Kadyrov spoke on Monday.\n\nThe Chechen leader later said his forces were ready.');
  assert.ok(lines.includes('PERSON role Chechen leader role=leader'), lines.join('\n'));
  assert.ok(lines.includes('PERSON name Ramzan Kadyrov role=leader'), lines.join('\n'));
});

test('mentions: no segment result means no mentions', () => {
  const doc: Doc = { id: 'd', source: 'd.txt', format: 'txt', text: 'Anna Holt went to Paris.', meta: emptyMeta(), messages: [], results: {} };
  assert.deepEqual(mentionsStage.run(doc, {}).result.mentions, []);
});

test('mention spans point into the text and are ordered', () => {
  const { doc } = runMentions('“We will not leave,” said Maria Lopez, the mayor of Valencia, after meeting Spanish ministers in Madrid’s city hall.');
  const mentions = doc.results.mentions!.mentions;
  assert.ok(mentions.length >= 3);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    assert.ok(m.start < m.end && m.end <= doc.text.length);
    assert.equal(doc.text.slice(m.start, m.end).trim(), doc.text.slice(m.start, m.end));
    if (i > 0) assert.ok(mentions[i - 1]!.start <= m.start);
  }
});

test('the gazetteer files states whose codes changed over time as states, not people', () => {
  const { gazetteer } = defaultModel().resources;
  // [name, code]: Phoenix dates these states' codes (Soviet republics, occupied or split states).
  const cases: [string, string][] = [['belarus', 'BLR'], ['iraq', 'IRQ'], ['ukraine', 'UKR'], ['serbia', 'SRB'], ['lithuania', 'LTU']];
  for (const [name, code] of cases) {
    const records = gazetteer.byPhrase.get(name) ?? [];
    assert.deepEqual(records.map((record) => `${record.kind} ${record.code}`), [`country ${code}`], name);
  }
});

test('mentions: table rows are no Title Case headline, and "-based" stays apart from its company', () => {
  const { lines } = runMentions('Standings after Saturday:\nQueens Park Rangers 3 2 1 0 5 3 7\nBristol City 4 1 0 3 7 8 3\n\nThe Ohio-based KeyCorp said profits rose.');
  assert.ok(lines.includes('ORG name Queens Park Rangers'), lines.join('; '));
  assert.ok(lines.includes('ORG name Bristol City'), lines.join('; '));
  assert.ok(lines.some((line) => line.endsWith(' KeyCorp')), lines.join('; '));
});
