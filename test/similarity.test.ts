import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readClassifier } from '../src/similarity/classifier.js';
import { candidatePairs, comparePrepared, pairScore, prepareSentence, THRESHOLDS, type ConflictKind, type EntityMention } from '../src/similarity/index.js';
import { decodeVectors, encodeVectors, readVectors } from '../src/similarity/vectors.js';

/** Invented sentence pairs: [first, second, same?, contradiction kind or null]. */
const PROPOSITIONS: [string, string, boolean, ConflictKind | null][] = [
  // Paraphrases.
  ['The ministry said 40 people were injured in the blast.', 'Forty people were hurt in the explosion, the ministry said.', true, null],
  ['The company will cut 1,200 jobs by the end of the year.', 'By the end of the year the company plans to eliminate 1,200 jobs.', true, null],
  ['Moscow has never labelled the militia a terrorist group.', 'Russia has not designated the militia as a terrorist group.', true, null],
  ['The general was reportedly killed in the strike on Sunday.', 'The general was killed in the strike on Sunday.', true, null],
  ['Officials said the border crossing would reopen on Friday.', 'The border crossing will reopen on Friday, officials said.', true, null],
  ['About 40 people were hurt in the blast, police said.', 'Police said 42 people were hurt in the blast.', true, null],
  ['The Kremlin has refused to brand the movement a terrorist group.', 'Moscow has declined to label the movement a terrorist organisation.', true, null],
  // Most words shared, one fact different.
  ['Police said 12 people were killed in the attack.', 'Police said 15 people were killed in the attack.', false, 'number'],
  ['Prices rose 4 percent in March.', 'Prices rose 7% in March.', false, 'number'],
  ['The summit will open in Geneva on Tuesday.', 'The summit will open in Geneva on Thursday.', false, 'date'],
  ['The army has withdrawn its troops from the border town.', 'The army has not withdrawn its troops from the border town.', false, 'polarity'],
  ['The minister said talks with the rebels had resumed.', 'The minister denied that talks with the rebels had resumed.', false, 'polarity'],
  ['Russia helped the militants plan the raid.', 'There is no clear evidence that Russia supported the militants in planning the raid.', false, 'polarity'],
  // A prohibition says what its negation says: no conflict between the two.
  ['Nobody should swim in the harbour until the council says it is clean.', 'The ban on swimming in the harbour could last a month.', false, null],
  // Unrelated, also when one is negated.
  ['Heavy rain flooded the metro in the capital on Monday.', 'The central bank raised interest rates by half a point.', false, null],
  ['The mayor did not attend the ceremony.', 'Floods destroyed hundreds of homes in the north.', false, null],
];

for (const [first, second, same, kind] of PROPOSITIONS) {
  test(`pair: ${first} | ${second}`, () => {
    const score = pairScore(first, second);
    const line = `same ${score.same.toFixed(2)}, contradicts ${score.contradicts.toFixed(2)} (${score.contradiction?.kind ?? 'none'})`;
    assert.equal(score.same >= THRESHOLDS.sameProposition, same, line);
    assert.equal(score.contradicts >= THRESHOLDS.contradiction ? score.contradiction!.kind : null, kind, line);
    // Symmetric by construction.
    const reverse = pairScore(second, first);
    assert.ok(Math.abs(reverse.same - score.same) < 1e-9 && Math.abs(reverse.contradicts - score.contradicts) < 1e-9, 'order of the pair does not matter');
  });
}

/** Two renderings of one utterance (as two translations of a statement would differ), and not. */
const UTTERANCES: [string, string, boolean][] = [
  ['I appeal to the rulers of Arab states: build an alliance and stop the bombing.', 'I urge the heads of Arab countries to form an alliance and to halt the bombardment.', true],
  ['We will not allow anyone to threaten our people.', 'We shall let no one endanger our nation.', true],
  ['Our soldiers are ready to defend the republic at any moment.', 'Our fighters stand ready to protect the republic at any time.', true],
  ['Our soldiers are ready to defend the republic at any moment.', 'The harvest this year was the best in a decade.', false],
  ['I appeal to the rulers of Arab states: build an alliance.', 'We will never negotiate with the government.', false],
];

for (const [first, second, same] of UTTERANCES) {
  test(`utterance: ${first} | ${second}`, () => {
    const score = pairScore(first, second);
    assert.equal(score.same >= THRESHOLDS.sameUtterance, same, `same ${score.same.toFixed(2)}`);
  });
}

/** Entity ids from the identity stage: in `text`, each name with its id. */
function withEntities(text: string, names: Record<string, string>): EntityMention[] {
  return Object.entries(names).map(([name, id]) => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, id };
  });
}

test('resolved entities: two names of one actor match, two actors conflict', () => {
  const kremlin = 'The Kremlin has refused to brand the movement a terrorist group.';
  const russia = 'Russia has refused to brand the movement a terrorist group.';
  const iran = 'Iran has refused to brand the movement a terrorist group.';
  const a = prepareSentence(kremlin, { entities: withEntities(kremlin, { Kremlin: 'e-russia' }) });
  const b = prepareSentence(russia, { entities: withEntities(russia, { Russia: 'e-russia' }) });
  const c = prepareSentence(iran, { entities: withEntities(iran, { Iran: 'e-iran' }) });
  assert.deepEqual(a.names, ['e-russia']);
  const same = comparePrepared(a, b);
  assert.ok(same.same >= THRESHOLDS.sameProposition && same.contradiction === null, `same ${same.same.toFixed(2)}`);
  const other = comparePrepared(b, c);
  assert.equal(other.contradiction?.kind, 'actor');
  assert.ok(other.same < THRESHOLDS.sameProposition, `same ${other.same.toFixed(2)}`);
});

test('a sentence inside a document is prepared from its span, entity offsets in document coordinates', () => {
  const doc = 'Markets fell. The Kremlin has refused to brand the movement a terrorist group. Rain is due.';
  const start = doc.indexOf('The Kremlin');
  const end = doc.indexOf(' Rain');
  const inside = prepareSentence(doc, { start, end, entities: withEntities(doc, { Kremlin: 'e-russia' }) });
  const alone = prepareSentence(doc.slice(start, end), { entities: [{ start: 4, end: 11, id: 'e-russia' }] });
  assert.deepEqual(inside.words, alone.words);
  assert.deepEqual(inside.words.slice(0, 3), ['the', '@e-russia', 'has']);
});

test('numbers, dates, negation and hedges are read from the words', () => {
  // value:slot, ~ for an approximate figure; dates; negation cues; hedge cues; negated content words.
  const cases: [string, string][] = [
    ['Exports reached $3.5 million in 2003.', '3500000:reach | 2003 | 0 | 0 | '],
    ['The deal is worth $2bn, up 5% since June 5.', '2000000000:worth 5:percent~ | june,june 5 | 0 | 0 | '],
    ['Twelve soldiers died on Tuesday and dozens were hurt.', '12:soldier | tuesday | 0 | 0 | '],
    ['About 40 people were hurt and more than 6,000 fled.', '40:peopl~ 6000:fled~ |  | 0 | 0 | '],
    ["He didn't deny that the plan reportedly exists.", ' |  | 2 | 1 | plan exists'],
    ['The army has not withdrawn its troops, officials said.', ' |  | 1 | 0 | withdrawn troops'],
    ['The rebels refused to sign the deal.', ' |  | 1 | 0 | sign deal'],
    ['Stop bombing the city.', ' |  | 1 | 0 | bombing city'],
    ['The group is on the Do Not Call list.', ' |  | 0 | 0 | '],
    ['May brought no rain, officials said.', ' |  | 1 | 0 | rain'],
  ];
  for (const [text, expected] of cases) {
    const sentence = prepareSentence(text);
    const numbers = sentence.numbers.map((n) => `${n.value}:${n.slot}${n.approximate ? '~' : ''}`).join(' ');
    const negated = sentence.forms.filter((_, i) => sentence.negated[i]).join(' ');
    assert.equal(`${numbers} | ${sentence.dates.join(',')} | ${sentence.negations} | ${sentence.hedges} | ${negated}`, expected, text);
  }
});

test('candidate pairs find the paraphrases without comparing all pairs', () => {
  const sentences = [...PROPOSITIONS.slice(0, 5).flatMap(([a, b]) => [a, b])].map((text) => prepareSentence(text));
  const pairs = new Set(candidatePairs(sentences).map(([i, j]) => `${i}-${j}`));
  for (let k = 0; k < 5; k++) assert.ok(pairs.has(`${2 * k}-${2 * k + 1}`), `pair ${k} is a candidate`);
});

test('model files that are missing or broken are coded errors', () => {
  const folder = mkdtempSync(join(tmpdir(), 'similarity-'));
  assert.throws(() => readVectors(join(folder, 'absent.bin.gz')), { code: 'MODEL_MISSING' });
  writeFileSync(join(folder, 'garbage.bin.gz'), 'not gzip at all');
  assert.throws(() => readVectors(join(folder, 'garbage.bin.gz')), { code: 'MODEL_CORRUPT' });
  writeFileSync(join(folder, 'wrong.bin.gz'), gzipSync(Buffer.from('XXXX0000000000000000')));
  assert.throws(() => readVectors(join(folder, 'wrong.bin.gz')), { code: 'MODEL_CORRUPT' });
  assert.throws(() => readClassifier(join(folder, 'absent.json')), { code: 'MODEL_MISSING' });
  writeFileSync(join(folder, 'stale.json'), JSON.stringify({ kind: 'logistic', features: ['wordF1'], mean: [0], scale: [1], weights: [1], bias: 0 }));
  assert.throws(() => readClassifier(join(folder, 'stale.json')), { code: 'MODEL_CORRUPT' });
});

test('vectors round-trip through the int8 format as unit vectors', () => {
  const decoded = decodeVectors(encodeVectors(['alpha', 'beta'], Uint32Array.from([3, 9]), Float32Array.from([3, 4, 0, -0.5, 0, 0]), 3));
  assert.deepEqual(decoded.words, ['alpha', 'beta']);
  assert.deepEqual(Array.from(decoded.ranks), [3, 9]);
  assert.equal(decoded.rows.get('beta'), 1);
  const [x, y] = Array.from(decoded.unit.subarray(0, 3));
  assert.ok(Math.abs(x! - 0.6) < 0.01 && Math.abs(y! - 0.8) < 0.01);
  assert.deepEqual(Array.from(decoded.unit.subarray(3)), [-1, 0, 0]);
});
