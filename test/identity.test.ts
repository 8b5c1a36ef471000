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

test('each mention keeps its own type and kind inside its entity', () => {
  const corpus = [
    prepare('t1', 'American officials met Chinese envoys in Geneva. The United States said the talks would go on.'),
    prepare('t2', 'Liverpool beat Chelsea 2-0 at Anfield on Sunday, and fans celebrated late into the night across the city.'),
    prepare('t3', 'Kremlin spokesman Dmitry Peskov said Russia would reply. The Kremlin spokesman later declined to say more.'),
  ];
  const found = identityStage.run(corpus, {}, {}).result.entities;
  const mentionOf = (doc: string, surface: string, nth = 0) => {
    const text = corpus.find((d) => d.id === doc)!.text;
    let start = -1;
    for (let i = 0; i <= nth; i++) start = text.indexOf(surface, start + 1);
    for (const entity of found) {
      const mention = entity.mentions.find((m) => m.doc === doc && m.start === start && m.end === start + surface.length);
      if (mention) return { entity, mention };
    }
    assert.fail(`no mention "${surface}" in ${doc}`);
  };
  // [document, surface, which occurrence, mention type, mention kind, entity type]
  const cases: [string, string, number, string, string, string][] = [
    ['t1', 'American', 0, 'NORP', 'demonym', 'GPE'],
    ['t1', 'United States', 0, 'GPE', 'name', 'GPE'],
    ['t2', 'Liverpool', 0, 'ORG', 'name', 'ORG'],
    ['t3', 'Kremlin spokesman', 1, 'PERSON', 'role', 'PERSON'],
    ['t3', 'Kremlin', 0, 'GPE', 'metonym', 'GPE'],
  ];
  for (const [doc, surface, nth, type, kind, entityType] of cases) {
    const { entity, mention } = mentionOf(doc, surface, nth);
    assert.deepEqual([mention.type, mention.kind, entity.type], [type, kind, entityType], `${doc}: ${surface}`);
  }
  assert.equal(mentionOf('t1', 'American').entity, mentionOf('t1', 'United States').entity, 'the demonym is still the state');
});

test('unrelated articles that share only a surname keep their people apart', () => {
  const corpus = [
    prepare(
      's1',
      'Finance minister Anna Keller presented the budget to parliament on Tuesday, promising lower fuel taxes and more money for schools. ' +
        'The plan would cut the deficit within three years, the finance ministry said. Economists welcomed the spending limits but doubted the growth forecast behind them.',
    ),
    prepare(
      's2',
      'Opposition deputies said the budget that Keller sent to parliament would raise borrowing, and they vowed to vote against the fuel taxes. ' +
        'The finance ministry rejected the criticism and said the deficit would shrink.',
    ),
    prepare(
      's3',
      'Norden won the cup final 2-1 as striker Keller scored twice in the second half, and supporters sang long into the night. ' +
        'The visitors had led at the break through a penalty, but their goalkeeper was dismissed ten minutes into the restart. ' +
        'Norden last lifted the trophy four seasons ago, when their coach was still playing in midfield.',
    ),
  ];
  const found = identityStage.run(corpus, {}, {}).result.entities;
  const holder = (doc: string) => found.find((entity) => entity.mentions.some((m) => m.doc === doc && corpus.find((d) => d.id === doc)!.text.slice(m.start, m.end) === 'Keller'));
  assert.equal(holder('s2')?.name, 'Anna Keller', 'the same story links the surname to the minister');
  assert.ok(holder('s3'), 'the striker is a person of his own');
  assert.notEqual(holder('s3')!.id, holder('s2')!.id, 'a football report does not link him to the minister');
});
