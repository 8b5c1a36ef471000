/**
 * Who cites whom in the five seed articles (read from ../shared/seeds at run time; skipped when
 * absent). Rows hold the cited names only, a few words each, with their kind and relation:
 * facts about the articles, never their sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { analyze, type Analysis } from '../src/index.js';
import { independentGroups } from '../src/copies/groups.js';

const SEEDS = new URL('../../shared/seeds/', import.meta.url).pathname;
const skip = !existsSync(SEEDS) && 'no ../shared/seeds beside the repository';
let cached: Promise<Analysis> | null = null;
const seeds = () => (cached ??= analyze([SEEDS]));

// Per seed (by number): every source it cites, in text order, as "name | kind | relation".
const CITED: Record<string, string[]> = {
  '000': [
    'Express.co.uk | outlet | told',
    'Express.co.uk | outlet | told',
    'Foreign Policy | outlet | relays',
    'classified documents | document | according-to',
    'Experts | anonymous | according-to',
  ],
  '001': ['reports | anonymous | according-to'],
  '002': [
    'Telegram | social | channel',
    'reports | anonymous | according-to',
    'Israel’s foreign ministry | official-channel | according-to',
    'Newsweek | outlet | relays',
  ],
  '003': [
    'Telegram | social | channel',
    'Telegram | social | channel',
    'Newsweek | outlet | relays',
    'Several media | anonymous | according-to',
    'Maria Zakharova | official-channel | according-to',
    'TASS | news-agency | relays',
  ],
  '004': [
    'The Telegraph | outlet | relays',
    'some Western observers | anonymous | according-to',
    'US officials | anonymous | according-to',
    'The Telegraph | outlet | relays',
  ],
};

const recordOf = (analysis: Analysis, seed: string) => analysis.provenance.find((record) => record.doc.startsWith(seed))!;
const quoteOf = (analysis: Analysis, id: string | null) => analysis.quotes.find((quote) => quote.id === id);

test('seeds: each outlet’s cited sources are found, with kind and relation', { skip }, async () => {
  const analysis = await seeds();
  for (const [seed, expected] of Object.entries(CITED)) {
    const record = recordOf(analysis, seed);
    const text = analysis.documents.find((doc) => doc.id === record.doc)!.text;
    for (const cite of record.cites) assert.equal(text.slice(cite.start, cite.end), cite.name, `${seed}: span of ${cite.name}`);
    assert.deepEqual(record.cites.map((cite) => `${cite.name} | ${cite.kind} | ${cite.relation}`), expected, `seed ${seed}`);
  }
  assert.equal(recordOf(analysis, '000').outlet, 'Express.co.uk');
});

test('seeds: cited outlets and agencies resolve to entities, and citations to their quotes', { skip }, async () => {
  const analysis = await seeds();
  const entityName = (id: string | null) => analysis.entities.find((entity) => entity.id === id)?.name;
  const cite = (seed: string, name: string) => recordOf(analysis, seed).cites.find((item) => item.name === name)!;
  assert.equal(entityName(cite('003', 'TASS').entity), 'TASS');
  assert.equal(entityName(cite('002', 'Newsweek').entity), 'Newsweek');
  assert.equal(entityName(cite('003', 'Maria Zakharova').entity), 'Maria Zakharova');
  // The relays belong to the quotes they carry: Zakharova's words via TASS, Kadyrov's via Newsweek and Telegram.
  assert.equal(quoteOf(analysis, cite('003', 'TASS').quote)?.speaker.name, 'Maria Zakharova');
  assert.equal(quoteOf(analysis, cite('003', 'Newsweek').quote)?.speaker.name, 'Ramzan Kadyrov');
  assert.equal(quoteOf(analysis, cite('002', 'Telegram').quote)?.speaker.name, 'Ramzan Kadyrov');
  const told = recordOf(analysis, '000').cites.filter((item) => item.relation === 'told');
  assert.ok(told.some((item) => quoteOf(analysis, item.quote)?.speaker.name === 'Mamuka Mamulashvili'));
});

test('seeds: no two seeds copy each other', { skip }, async () => {
  const analysis = await seeds();
  assert.deepEqual(analysis.copies, []);
  assert.equal(independentGroups(analysis.copies).size, 0);
});
