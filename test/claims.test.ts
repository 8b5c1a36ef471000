/**
 * Hard cases of the claim stage, as tables: hedges, polarity, frames, what is a claim, and how
 * sources are counted. The sentences are our own, in the style of the news.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corroborate, documentSources, memberSource } from '../src/claims/corroborate.js';
import { extractClaims, type ClaimCandidate, type ClaimDocument } from '../src/claims/extract.js';
import { frameOf, otherActor, sameFrame } from '../src/claims/frame.js';
import { groupClaims, type PropositionJudge } from '../src/claims/group.js';
import { findHedges, polarityOf } from '../src/claims/hedges.js';
import type { Quote } from '../src/contract.js';
import { analyze } from '../src/index.js';

const hedgeCases: [string, string[]][] = [
  ['The minister reportedly resigned on Friday.', ['reportedly']],
  ['The figure could not be independently verified.', ['could not be independently verified']],
  ['There is no clear evidence that the port was mined.', ['no clear evidence']],
  ['The general is said to have fled the capital.', ['is said to']],
  ['The ferry left Aldport in May 2021.', []],
  ['The strike may spread to other ports.', ['may']],
  ['Allegedly, the shipment never arrived.', ['allegedly']],
  ['The council approved the budget on Monday.', []],
];
for (const [sentence, expected] of hedgeCases) {
  test(`hedges: ${sentence}`, () => {
    assert.deepEqual(findHedges(sentence, { start: 0, end: sentence.length }).map((hedge) => hedge.phrase), expected);
  });
}

const polarityCases: [string, 'positive' | 'negative'][] = [
  ['The Kremlin has never designated the group a terrorist organisation.', 'negative'],
  ['The ministry has not yet recognised the council.', 'negative'],
  ['The union stopped short of calling a strike.', 'negative'],
  ['The mayor said the water was safe.', 'positive'],
  ["The company didn't say how much solvent escaped.", 'negative'],
  ['Residents were left without water for two days.', 'positive'],
  ['There is no clear evidence that the army shelled the town.', 'negative'],
];
for (const [sentence, expected] of polarityCases) {
  test(`polarity: ${sentence}`, () => {
    assert.equal(polarityOf(sentence, { start: 0, end: sentence.length }), expected);
  });
}

/** Mentions of the named actors in a sentence, by their surface form. */
function mentionsOf(sentence: string, names: Record<string, string>) {
  return Object.entries(names).flatMap(([name, entity]) => {
    const found: { start: number; end: number; entity: string }[] = [];
    for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + 1)) found.push({ start: at, end: at + name.length, entity });
    return found;
  }).sort((a, b) => a.start - b.start);
}

const actors = { Valdoria: 'gpe-valdoria', 'The Red Hand': 'org-red-hand', 'the Valdorian government': 'gpe-valdoria', Ostmark: 'gpe-ostmark', 'the Red Hand': 'org-red-hand', Aldport: 'gpe-aldport' };
const frameCases: [string, string, boolean][] = [
  ['Valdoria helped the Red Hand plan the raid on Aldport.', 'There is no evidence that the Valdorian government supported the Red Hand.', true],
  ['The Red Hand has been funded by Valdoria.', 'Valdoria financed the Red Hand for years.', true],
  ['Valdoria has never declared the Red Hand a terrorist group.', 'the Valdorian government has not recognised the Red Hand as a terrorist group.', true],
  ['Valdoria helped the Red Hand.', 'Ostmark helped the Red Hand.', false],
  ['Valdoria helped the Red Hand.', 'Valdoria attacked the Red Hand.', false],
  ['Valdoria hosted talks in Aldport.', 'The weather in Aldport was fine.', false],
  ['An attack was launched on Aldport from the hills by the Red Hand.', 'The Red Hand launched an attack on Aldport.', true],
];
for (const [a, b, expected] of frameCases) {
  test(`frames: "${a}" / "${b}"`, () => {
    assert.equal(sameFrame(frameOf(a, mentionsOf(a, actors)), frameOf(b, mentionsOf(b, actors))), expected);
  });
}

function documentOf(text: string, quotes: Quote[] = []): ClaimDocument {
  const sentences = [...text.matchAll(/[^.!?]+[.!?]["”]?/gu)].map((match) => ({ start: match.index + (match[0].length - match[0].trimStart().length), end: match.index + match[0].length }));
  return { id: 'd', text, sentences, quotes, mentions: mentionsOf(text, actors), cites: [] };
}

test('claims: questions, prescriptions, sentences about nobody and notes about the article are not claims', () => {
  const doc = documentOf(
    'Did Valdoria arm the Red Hand? Valdoria should stop the raids at once. It was a cold day and nobody came out. Valdoria sent 300 soldiers to Aldport on Monday. This article was distributed by the Valdoria Press Agency and is republished by the Aldport Gazette under licence.',
  );
  const claims = extractClaims(doc, { minWords: 6 });
  assert.deepEqual(claims.map((claim) => claim.text), ['Valdoria sent 300 soldiers to Aldport on Monday.']);
  assert.equal(claims[0]!.attribution.kind, 'outlet');
  assert.deepEqual(claims[0]!.entities, ['gpe-valdoria', 'gpe-aldport']);
});

test("claims: a quote's sentence is the speaker's claim; a speaker's appeal is not a claim", () => {
  const text = '“We call on every port to close. The Red Hand attacked Aldport twice in March,” said Ines Kalvo.';
  const content = { start: 1, end: text.indexOf('”') + 1 };
  const quote: Quote = {
    id: 'd/q1',
    doc: 'd',
    kind: 'direct',
    attributionKind: 'speech',
    content,
    cue: null,
    speaker: { name: 'Ines Kalvo', entity: 'person-ines-kalvo', role: null, mention: null, affiliation: null },
    channel: null,
    via: null,
    continues: null,
    negated: false,
  };
  const second = text.indexOf('The Red Hand');
  const doc = { ...documentOf(text, [quote]), sentences: [{ start: 0, end: second - 1 }, { start: second, end: text.length }] };
  const claims = extractClaims(doc, { minWords: 6 });
  assert.deepEqual(claims.map((claim) => [claim.text, claim.attribution.kind, claim.attribution.name]), [['The Red Hand attacked Aldport twice in March,', 'speaker', 'Ines Kalvo']]);
});

test("claims: an intention is not its holder's claim; the sentence stays the outlet's", () => {
  const text = 'The floods in March were a gift to the Harbour Board of Aldport, which wants to close the old pier by 2026.';
  const content = { start: text.indexOf('to close'), end: text.length - 1 };
  const quote: Quote = {
    id: 'd/q1',
    doc: 'd',
    kind: 'indirect',
    attributionKind: 'belief',
    content,
    cue: { start: text.indexOf('wants'), end: text.indexOf('wants') + 5 },
    speaker: { name: 'Harbour Board of Aldport', entity: 'org-harbour-board', role: null, mention: null, affiliation: null },
    channel: null,
    via: null,
    continues: null,
    negated: false,
  };
  const claims = extractClaims({ ...documentOf(text, [quote]), sentences: [{ start: 0, end: text.length }] }, { minWords: 6 });
  assert.deepEqual(claims.map((claim) => [claim.text, claim.attribution.kind]), [[text, 'outlet']]);
});

function candidate(doc: string, text: string, overrides: Partial<ClaimCandidate> = {}): ClaimCandidate {
  return {
    doc,
    start: 0,
    end: text.length,
    text,
    sentence: { start: 0, end: text.length },
    attribution: { kind: 'outlet', name: null, entity: null, quote: null },
    hedges: [],
    polarity: 'positive',
    entities: [],
    mentions: mentionsOf(text, actors),
    ...overrides,
  };
}

test('frames: one act by two actors is two events', () => {
  const a = 'A raid was launched on Aldport by the Red Hand.';
  const b = 'Valdoria launched a raid on Aldport.';
  assert.equal(otherActor(frameOf(a, mentionsOf(a, actors)), frameOf(b, mentionsOf(b, actors))), true);
});

test('sources: copies, one outlet twice, and relays of one agency count once', () => {
  const sources = documentSources(
    [
      { id: 'a', outlet: 'Wire', outletEntity: 'org-wire', relays: null },
      { id: 'b', outlet: 'Times', outletEntity: null, relays: null },
      { id: 'c', outlet: 'Times', outletEntity: null, relays: null },
      { id: 'd', outlet: 'Courier', outletEntity: null, relays: { name: 'the Wire agency', entity: 'org-wire' } },
      { id: 'e', outlet: 'Radio', outletEntity: null, relays: null },
    ],
    [['a', 'e']],
  );
  const keys = ['a', 'b', 'c', 'd', 'e'].map((id) => sources.get(id)!.key);
  assert.deepEqual(keys, ['entity:org-wire', 'outlet:b', 'outlet:b', 'entity:org-wire', 'entity:org-wire']);
});

test('status: corroborated, single-source, attributed-only, hedged, disputed', () => {
  const outlet = (doc: string, key: string) => ({ key, name: doc });
  const plain = [candidate('a', 'Valdoria sent troops.'), candidate('b', 'Valdoria sent troops.')];
  assert.equal(corroborate(plain, [outlet('a', 'x'), outlet('b', 'y')], false).status, 'corroborated');
  assert.equal(corroborate(plain, [outlet('a', 'x'), outlet('b', 'x')], false).status, 'single-source');
  assert.equal(corroborate(plain, [outlet('a', 'x'), outlet('b', 'y')], true).status, 'disputed');
  const hedged = plain.map((c) => ({ ...c, hedges: [{ start: 0, end: 3, phrase: 'may' }] }));
  assert.equal(corroborate(hedged, [outlet('a', 'x'), outlet('b', 'y')], false).status, 'hedged');
  const spoken = plain.map((c) => ({ ...c, attribution: { kind: 'speaker' as const, name: 'Ines Kalvo', entity: 'p', quote: 'q' } }));
  const spokenSources = spoken.map((c) => memberSource(c.attribution, outlet(c.doc, c.doc)));
  const result = corroborate(spoken, spokenSources, false);
  assert.equal(result.status, 'attributed-only');
  assert.equal(result.sources.length, 1, "one speaker's words stand on one source however many outlets carry them");
});

/** A judge that calls two texts the same when their lower-cased words are equal, and contradicting when one adds "not". */
const wordJudge: PropositionJudge<string> = {
  prepare: (text) => text.toLowerCase().replace(/[^a-z ]/g, ''),
  compare: (a, b) => ({
    same: a === b ? 1 : 0,
    contradicts: a.replace(' not', '') === b.replace(' not', '') && a !== b ? 1 : 0,
    covers: 0,
    polarityConflict: a.includes(' not') !== b.includes(' not'),
  }),
};

test('grouping: same claims join across documents, contradictions link groups, different claims stay apart', () => {
  const claims = [
    candidate('a', 'The Red Hand raided Aldport harbour on Monday night.'),
    candidate('b', 'The Red Hand raided Aldport harbour on Monday night.'),
    candidate('c', 'The Red Hand did not raid Aldport harbour on Monday night.', { polarity: 'negative' }),
    candidate('d', 'Ostmark closed its border with Valdoria on Monday night.'),
  ];
  const grouping = groupClaims(claims, wordJudge, { sameThreshold: 0.5, framedSameThreshold: 0.25, coverThreshold: 0.8, contradictionThreshold: 0.5 });
  assert.deepEqual(grouping.groups, [[0, 1], [2], [3]]);
  assert.deepEqual(grouping.contradicts, [[1], [0], []]);
});

test('sources: what a copy adds to the passages it repeats is its own outlet\'s', async () => {
  const wire = [
    'Ferry strike closes Aldport harbour',
    'Ferry crews in Aldport walked out on Monday over pay, stopping all crossings to Brenna for at least three days.',
    'Northern Ferry Company said it had offered a pay rise of 4 percent, which the union rejected as too low for crews working night shifts.',
    'About 2,000 passengers use the Aldport to Brenna crossing every day, according to figures from the port authority.',
  ];
  const added = 'The mayor of Aldport, Ada Rimm, will meet both sides in the town hall on Tuesday evening.';
  const copy = [...wire.slice(0, 3), added, ...wire.slice(3)];
  const analysis = await analyze([
    { content: `${wire.join('\n\n')}\n`, source: 'wire.txt', outlet: 'Valdoria Press Agency' },
    { content: `${copy.join('\n\n')}\n`, source: 'gazette.txt', outlet: 'Aldport Gazette' },
  ]);
  assert.equal(analysis.copies.length, 1);
  const sourceOf = (text: string) => analysis.claims.find((claim) => claim.text.startsWith(text))?.members.map((member) => `${member.doc}: ${member.source}`);
  assert.deepEqual(sourceOf('Ferry crews in Aldport'), ['wire: Valdoria Press Agency', 'gazette: Valdoria Press Agency']);
  assert.deepEqual(sourceOf('The mayor of Aldport'), ['gazette: Aldport Gazette']);
});
