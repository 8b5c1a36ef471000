import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity } from '../src/contract.js';
import { EntitySchema } from '../src/contract.js';
import type { Doc } from '../src/document.js';
import { closeSpelling, initials, normaliseName } from '../src/identity/names.js';
import { cleanStage } from '../src/stages/01-clean/index.js';
import { segmentStage } from '../src/stages/02-segment/index.js';
import { mentionsStage } from '../src/stages/03-mentions/index.js';
import { entityAt, identityStage } from '../src/stages/05-identity/index.js';
import { runStages } from './helpers/run.js';

function prepare(id: string, text: string): Doc {
  return runStages(text, [cleanStage, segmentStage, mentionsStage], {}, id);
}

// Invented articles in the style of wire copy; none is taken from a real outlet.
const docs = [
  prepare(
    'a',
    'Chechen leader Ramzan Kadyrov said on Monday that his units were ready to travel abroad.\n\n' +
      'Kadyrov spoke at a mosque named after his father, Akhmat Kadyrov, the first leader of Chechnya.\n\n' +
      'Kremlin spokesman Dmitry Peskov said Moscow kept its contacts with all sides.\n\n' +
      'The Israel Defense Forces (IDF) said the IDF had moved troops north.',
  ),
  prepare(
    'b',
    'Chechen President Kadyrov repeated his offer on Tuesday.\n\n' +
      'The Chechen leader said Russia would not stay silent, while Iranian diplomats met officials in Tehran.\n\n' +
      'Mr Peskov declined to comment. The Kremlin has backed the plan, said Volodymyr Zelensky.',
  ),
  prepare('c', 'President Zelenksy urged Iran to stop sending drones to Russia, and Zelenksy asked Israel for help.'),
];
const { entities } = identityStage.run(docs, {}, {}).result;
const byName = (name: string): Entity => {
  const found = entities.find((entity) => entity.name === name);
  assert.ok(found, `no entity named ${name}; have ${entities.map((e) => e.name).join(', ')}`);
  return found;
};
const surfaces = (entity: Entity) => [...new Set(entity.mentions.map((m) => docs.find((d) => d.id === m.doc)!.text.slice(m.start, m.end)))].sort();

test('every entity matches the contract', () => {
  for (const entity of entities) EntitySchema.parse(entity);
});

test('full name, surname, title + surname and role phrase are one person', () => {
  const kadyrov = byName('Ramzan Kadyrov');
  assert.deepEqual(surfaces(kadyrov), ['Chechen leader', 'Kadyrov', 'Ramzan Kadyrov']);
  assert.deepEqual(kadyrov.mentionCounts, { a: 2, b: 2 });
  assert.ok(kadyrov.facts.some((fact) => fact.kind === 'role' && fact.value === 'president' && fact.evidence.doc === 'b'));
  assert.ok(kadyrov.facts.some((fact) => fact.kind === 'affiliation' && fact.value === 'Chechnya'));
});

test('a different person with the same surname stays apart', () => {
  const father = byName('Akhmat Kadyrov');
  assert.deepEqual(surfaces(father), ['Akhmat Kadyrov']);
});

test('honorifics, metonyms, demonyms, acronyms and misspellings', () => {
  assert.deepEqual(surfaces(byName('Dmitry Peskov')), ['Dmitry Peskov', 'Peskov']);
  const peskovFacts = byName('Dmitry Peskov').facts.map((fact) => `${fact.kind}:${fact.value}`);
  assert.deepEqual(peskovFacts, ['role:spokesman', 'affiliation:Russia']);
  assert.deepEqual(surfaces(byName('Russia')), ['Kremlin', 'Moscow', 'Russia']);
  assert.deepEqual(surfaces(byName('Iran')), ['Iran', 'Iranian']);
  assert.deepEqual(surfaces(byName('Israel Defense Forces')), ['IDF', 'Israel Defense Forces']);
  assert.deepEqual(surfaces(byName('Volodymyr Zelensky')), ['Volodymyr Zelensky', 'Zelenksy']);
  assert.equal(byName('Tehran').country, 'IRN');
});

test('entityAt finds the entity of a speaker span', () => {
  const text = docs[1]!.text;
  const start = text.indexOf('The Chechen leader');
  assert.equal(entityAt(entities, 'b', { start, end: start + 'The Chechen leader'.length }), byName('Ramzan Kadyrov').id);
  assert.equal(entityAt(entities, 'b', { start: 0, end: 0 }), null);
});

test('name helpers', () => {
  const cases: [string, string][] = [
    ['Mr Peskov', 'peskov'],
    ['Kadyrov’s', 'kadyrov'],
    ['the Kremlin', 'kremlin'],
    ['José Martí', 'jose marti'],
  ];
  for (const [input, expected] of cases) assert.equal(normaliseName(input), expected, input);
  assert.equal(initials('Israel Defense Forces'), 'IDF');
  assert.equal(initials('Bank of England'), 'BE');
  assert.ok(closeSpelling('zelensky', 'zelenksy'));
  assert.ok(!closeSpelling('kadyrov', 'kadyrova') === false);
  assert.ok(!closeSpelling('putin', 'puton'));
});

test('acronyms, everyday names and state-named groups find their organisation', () => {
  const corpus = [
    prepare('u1', 'The UN said aid convoys had stopped. The Israeli Army said it had closed the road.'),
    prepare('u2', 'The United Nations called for a pause, while the Israel Defense Forces kept up strikes on Islamic State cells.'),
  ];
  const found = identityStage.run(corpus, {}, {}).result.entities;
  const named = (name: string) => found.find((entity) => entity.name === name);
  const texts = (entity: Entity | undefined) => [...new Set(entity?.mentions.map((m) => corpus.find((d) => d.id === m.doc)!.text.slice(m.start, m.end)))].sort();
  assert.deepEqual(texts(named('United Nations')), ['UN', 'United Nations']);
  assert.deepEqual(texts(named('Israel Defense Forces')), ['Israel Defense Forces', 'Israeli Army']);
  assert.equal(named('Islamic State')?.type, 'ORG');
});

test('a name after "the village of" is a place, not a person', () => {
  const village = prepare('v', 'A rocket fell near a mosque in the village of Abu Ghosh, west of Jerusalem.');
  const found = identityStage.run([village], {}, {}).result.entities;
  assert.equal(found.find((entity) => entity.name === 'Abu Ghosh')?.type, 'GPE');
});
