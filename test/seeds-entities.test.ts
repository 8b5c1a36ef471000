/**
 * Entity identity on the five seed articles (read from ../shared/seeds at run time; skipped when
 * absent). Names below are facts about the story, not copied text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { analyze, type Analysis } from '../src/index.js';

const SEEDS = new URL('../../shared/seeds/', import.meta.url).pathname;
const skip = !existsSync(SEEDS) && 'no ../shared/seeds beside the repository';
let cached: Promise<Analysis> | null = null;
const seeds = () => (cached ??= analyze([SEEDS]));

const entitiesNamed = (analysis: Analysis, pattern: RegExp) =>
  analysis.entities.filter((entity) => pattern.test(entity.name) || entity.aliases.some((alias) => pattern.test(alias)));

// One row per actor: a pattern for its names, its type, and how many documents mention it at least.
const ONE_ENTITY: [pattern: RegExp, type: string, documents: number][] = [
  [/^(Ramzan )?Kadyrov$/, 'PERSON', 3],
  [/Putin$/, 'PERSON', 4],
  [/Peskov$/, 'PERSON', 1],
  [/Zakharova$/, 'PERSON', 1],
  [/Mamulashvili$/, 'PERSON', 1],
  [/^Hamas$/, 'ORG', 5],
  [/^Israel$/, 'GPE', 5],
  [/^Iran$/, 'GPE', 3],
  [/^(Russia|Kremlin)$/, 'GPE', 5],
];

for (const [pattern, type, documents] of ONE_ENTITY) {
  test(`seeds: ${pattern} is one ${type} entity across at least ${documents} document(s)`, { skip }, async () => {
    const found = entitiesNamed(await seeds(), pattern);
    assert.equal(found.length, 1, `entities: ${found.map((e) => e.id).join(', ')}`);
    assert.equal(found[0]!.type, type);
    assert.ok(Object.keys(found[0]!.mentionCounts).length >= documents, `documents: ${Object.keys(found[0]!.mentionCounts).join(', ')}`);
  });
}

test('seeds: Akhmat Kadyrov, the late father, stays apart from Ramzan Kadyrov', { skip }, async () => {
  const analysis = await seeds();
  const father = analysis.entities.filter((entity) => entity.name === 'Akhmat Kadyrov');
  const son = entitiesNamed(analysis, /^(Ramzan )?Kadyrov$/);
  assert.equal(father.length, 1);
  assert.notEqual(father[0]!.id, son[0]!.id);
});

test('seeds: the Kremlin and the Russian state are one actor, and Peskov speaks for it', { skip }, async () => {
  const analysis = await seeds();
  const russia = entitiesNamed(analysis, /^Russia$/)[0]!;
  assert.ok(russia.aliases.includes('Kremlin'), russia.aliases.join(', '));
  const peskov = entitiesNamed(analysis, /Peskov$/)[0]!;
  assert.ok(peskov.facts.some((fact) => fact.kind === 'role' && /spokes/.test(fact.value)));
});

test('seeds: news outlets and platforms are organisations, not places', { skip }, async () => {
  const analysis = await seeds();
  for (const name of ['Telegram', 'Newsweek', 'TASS']) {
    const found = entitiesNamed(analysis, new RegExp(`^${name}$`));
    for (const entity of found) assert.equal(entity.type, 'ORG', `${name}: ${entity.type}`);
  }
});
