/**
 * Relations (stage 12): a table of hard cases per relation kind, negation, hedging, passive
 * voice, conditional clauses and quote voice, on invented news sentences; then the relations a
 * careful reader draws from the five seed articles (read from ../shared/seeds at run time,
 * skipped when absent), each with evidence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { analyze, type Analysis } from '../src/index.js';
import type { Quote } from '../src/contract.js';
import { extractRelations } from '../src/relations/extract.js';
import { verbLexicon } from '../src/relations/verbs.js';
import { cameoRoot, CODE_OF_KIND, KIND_OF_CODE } from '../src/relations/cameo.js';
import { assertAnalysisInvariants } from './helpers/invariants.js';

/** Actors of the invented sentences: name as written → entity id. */
const ACTORS: Record<string, string> = {
  Iran: 'iran', Tehran: 'iran', Iranian: 'iran', Russia: 'russia', Moscow: 'russia', Russian: 'russia', Kremlin: 'russia',
  Hamas: 'hamas', Israel: 'israel', Israeli: 'israel', Syria: 'syria', Qatar: 'qatar', Egypt: 'egypt', Gaza: 'gaza',
  'Valdoria': 'valdoria', 'Ostland': 'ostland', 'Kessering': 'kessering', 'Almer Front': 'almer-front', 'Mira Esk': 'esk', Esk: 'esk',
  'Tomas Brandvik': 'brandvik', 'Hana Dersk': 'dersk', Dersk: 'dersk', 'Karl Weiss': 'weiss', 'United States': 'us', US: 'us', Turkey: 'turkey', Putin: 'putin',
};
const NAMES = Object.keys(ACTORS).sort((a, b) => b.length - a.length);

/** The relations of one invented sentence (or two), as "subject kind object" with flags. */
function relationsOf(text: string, quotes: Quote[] = []): string[] {
  const mentions: { start: number; end: number; entity: string }[] = [];
  const pattern = new RegExp(`(?<![\\p{L}])(?:${NAMES.map((name) => name.replace(/ /g, '\\s')).join('|')})(?![\\p{L}])`, 'gu');
  for (const match of text.matchAll(pattern)) mentions.push({ start: match.index, end: match.index + match[0].length, entity: ACTORS[match[0]]! });
  const sentences = [...text.matchAll(/[^.!?]+[.!?]?/gu)].filter((match) => match[0].trim()).map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const found = extractRelations({ id: 'doc', text, sentences, removed: [], mentions, quotes, dated: [] }, verbLexicon());
  return found.map((relation) => {
    const flags = [relation.negated ? 'not' : '', relation.hedged ? 'hedged' : '', relation.quote ? `voice:${relation.speaker}` : ''].filter(Boolean);
    return `${relation.subject} ${relation.kind} ${relation.object ?? '-'}${flags.length ? ` (${flags.join(', ')})` : ''}`;
  });
}

// [sentence, the relations it states (all of them, in order)]
const CASES: [string, string[]][] = [
  // supports
  ['Iran openly supports Hamas.', ['iran supports hamas']],
  ['Ostland expressed support for Valdoria on Monday.', ['ostland supports valdoria']],
  ['Hamas praised Russia for its stance on the conflict.', ['hamas supports russia']],
  ['Ostland mobilised its reserves in support of Valdoria.', ['ostland deploys -', 'ostland supports valdoria']],
  // opposes / condemns
  ['Egypt opposes the plan.', []],
  ['Egypt strongly opposes Israel over the blockade.', ['egypt opposes israel']],
  ['Valdoria condemned Ostland for the shelling of the border town.', ['valdoria condemns ostland']],
  ['Turkey denounced Israel at the summit.', ['turkey condemns israel']],
  ['The United States has come out in condemnation of Hamas.', ['us condemns hamas']],
  // accuses / blames
  ['Russia blamed the United States for the unrest.', ['russia accuses us']],
  ['Ostland accused Valdoria of shelling civilians.', ['ostland accuses valdoria']],
  // threatens
  ['Iran threatened Israel with retaliation.', ['iran threatens israel']],
  // attacks
  ['Hamas carried out a surprise attack on Israel.', ['hamas attacks israel']],
  ['Ostland launched an offensive against Valdoria in the north.', ['ostland attacks valdoria']],
  ['Israel bombed Gaza overnight.', ['israel attacks gaza']],
  // meets / hosts / visits
  ['Hana Dersk met Tomas Brandvik in Kessering.', ['dersk meets brandvik']],
  ['Karl Weiss held talks with Hana Dersk.', ['weiss meets dersk']],
  ['Moscow hosted Hamas on Thursday.', ['russia hosts hamas']],
  ['Hana Dersk visited Kessering on Thursday.', ['dersk visits kessering']],
  // allied with
  ['Syria, itself an ally of Russia, stayed silent.', ['syria allied-with russia']],
  ["Russia's closest ally, Iran, welcomed the move.", ['russia allied-with iran', 'iran supports -']],
  // funds / arms / supplies
  ['Qatar has funded Hamas for years.', ['qatar funds hamas']],
  ['Iran arms Hamas.', ['iran arms hamas']],
  ['Russia supplied Syria with drones.', ['russia supplies syria']],
  // offers forces or aid
  ['Ostland offered to send its soldiers to Valdoria as a peacekeeping force.', ['ostland offers-forces valdoria']],
  ['Turkey said it was ready to provide aid to Gaza.', []],
  ['Egypt is ready to provide aid to Gaza.', ['egypt offers-aid gaza']],
  // mediates
  ['Qatar offered itself as a mediator between Israel and Hamas.', ['qatar mediates israel', 'qatar mediates hamas']],
  ['Egypt mediated between Israel and Hamas.', ['egypt mediates israel', 'egypt mediates hamas']],
  // designates (or refuses to designate) as terrorist
  ['Ostland designated the Almer Front a terrorist organisation.', ['ostland designates-terrorist almer-front']],
  ['Russia has never declared Hamas a terrorist organisation.', ['russia designates-terrorist hamas (not)']],
  ['Russia has not recognised Hamas as a terrorist group.', ['russia designates-terrorist hamas (not)']],
  ['Russia refused to designate Hamas as a terrorist organisation.', ['russia designates-terrorist hamas (not)']],
  // deploys
  ['The United States has deployed 900 additional troops to the region.', ['us deploys -']],
  ['Ostland deployed troops to Valdoria.', ['ostland deploys valdoria']],
  // negation
  ['Russia and Turkey have stopped short of condemning Hamas.', ['russia condemns hamas (not)', 'turkey condemns hamas (not)']],
  ['Egypt did not condemn Hamas.', ['egypt condemns hamas (not)']],
  // hedging
  ['Russia reportedly praised Hamas.', ['russia supports hamas (hedged)']],
  ['Iran allegedly funded Hamas, something which cannot be verified.', ['iran funds hamas (hedged)']],
  ['There is no clear evidence that Russia supported Hamas.', ['russia supports hamas (not, hedged)']],
  // passive voice
  ['Hamas officials were hosted by Moscow.', ['russia hosts hamas']],
  ['The border town was shelled by Ostland.', ['ostland attacks -']],
  ['Extremists in the region have been funded by Russia.', ['russia funds -']],
  ['Gaza continues to be bombed by Israel.', ['israel attacks gaza']],
  ['Putin invited Hamas to Moscow. The move has been condemned by Israel.', ['putin hosts hamas', 'israel condemns putin']],
  // hypothetical and conditional clauses: not asserted
  ['If Iran were to arm Hamas, Israel would respond.', []],
  ['Israel would strike Iran if Tehran armed Hamas.', ['israel attacks iran (hedged)']],
  ['Israel warned that Iran could arm Hamas.', ['iran arms hamas (hedged)']],
  ['Unless Russia supplies Syria, the offensive will stall.', []],
  ['If necessary, Valdoria is ready to send troops to Kessering.', ['valdoria offers-forces kessering']],
  // coordinated acts share their subject
  ['Hana Dersk praised Kessering, condemned Ostland and visited Valdoria.', ['dersk supports kessering', 'dersk condemns ostland', 'dersk visits valdoria']],
  // an office holder acts for the state that possesses or qualifies the office
  ["Iran's foreign minister condemned Israel.", ['iran condemns israel']],
  ['Russian officials reportedly praised Hamas.', ['russia supports hamas (hedged)']],
  // a common noun before the act is its unknown subject, not a name further back
  ['In Kessering, tankers supplied the town.', []],
  // names inside phrases are not subjects
  ['The leader of Ostland, Karl Weiss, condemned Valdoria.', ['weiss condemns valdoria']],
];

for (const [sentence, expected] of CASES) {
  test(`relations: ${sentence}`, () => {
    assert.deepEqual(relationsOf(sentence), expected);
  });
}

test('relations: inside a quote the relation is the speaker\'s, and "we" is the speaker', () => {
  const text = 'Esk said: "We support Valdoria and we condemn Ostland."';
  const start = text.indexOf('"') + 1;
  const quote: Quote = {
    id: 'doc/q1', doc: 'doc', kind: 'direct', attributionKind: 'speech', content: { start, end: text.length - 1 }, cue: null,
    speaker: { name: 'Mira Esk', entity: 'esk', role: null, mention: { start: 0, end: 3 }, affiliation: null },
    channel: null, via: null, continues: null, negated: false,
  };
  assert.deepEqual(relationsOf(text, [quote]), ['esk supports valdoria (voice:esk)', 'esk condemns ostland (voice:esk)']);
});

test('relations: an act takes the date in its clause, not one in a relative clause of its own', () => {
  const lexicon = verbLexicon();
  const datedAs = (text: string, expression: string, date: string) => {
    const mentions = [...text.matchAll(/Almer Front|Hana Dersk|Kessering|Ostland/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, entity: ACTORS[match[0]]! }));
    const start = text.indexOf(expression);
    const dated = [{ start, end: start + expression.length, date }];
    return extractRelations({ id: 'doc', text, sentences: [{ start: 0, end: text.length }], removed: [], mentions, quotes: [], dated }, lexicon).map((relation) => `${relation.kind} ${relation.date}`);
  };
  assert.deepEqual(datedAs('On 9 October, Hana Dersk visited Kessering.', '9 October', '2023-10-09'), ['visits 2023-10-09']);
  assert.deepEqual(datedAs('Ostland, which said the strike began on Sunday, condemned the Almer Front.', 'Sunday', '2023-10-08'), ['condemns null']);
});

test('relations: every kind has a CAMEO code that maps back to it, and codes have two-digit roots', () => {
  for (const [kind, code] of Object.entries(CODE_OF_KIND)) {
    if (kind !== 'allied-with') assert.equal(KIND_OF_CODE[code], kind, `${kind} → ${code}`);
    assert.match(cameoRoot(code), /^\d\d$/);
  }
});

const SEEDS = new URL('../../shared/seeds/', import.meta.url).pathname;
const skip = !existsSync(SEEDS) && 'no ../shared/seeds beside the repository';
let cached: Promise<Analysis> | null = null;
const seeds = () => (cached ??= analyze([SEEDS]));

function idOf(analysis: Analysis, name: RegExp): string[] {
  return analysis.entities.filter((entity) => name.test(entity.name) || entity.aliases.some((alias) => name.test(alias))).map((entity) => entity.id);
}

/** Relations of `kind` between an actor named by `subject` and one named by `object` (either way round for symmetric kinds). */
function find(analysis: Analysis, subject: RegExp, kind: string, object: RegExp | null, either = false) {
  const subjects = idOf(analysis, subject);
  const objects = object ? idOf(analysis, object) : [];
  return analysis.relations.filter((relation) => {
    if (relation.relation !== kind || relation.negated) return false;
    const forward = subjects.includes(relation.subject) && (object ? objects.includes(relation.object ?? '') : true);
    const backward = either && objects.includes(relation.subject) && subjects.includes(relation.object ?? '');
    return forward || backward;
  });
}

// [subject, kind, object, either direction, what a careful reader draws]
const SEED_RELATIONS: [RegExp, string, RegExp | null, boolean, string][] = [
  [/^Ramzan Kadyrov$/, 'supports', /^Palestine$/, false, 'Kadyrov supports the Palestinians'],
  [/^Ramzan Kadyrov$/, 'offers-forces', null, false, 'Kadyrov offers his units'],
  [/^Russia$/, 'allied-with', /^Iran$/, true, 'Russia and Iran are allies'],
  [/^Israel$/, 'condemns', null, false, 'Israel condemns the invitation of Hamas to Moscow'],
  [/^Mikhail Bogdanov$/, 'meets', /^(Hamas|Bassem Naeem|Mousa Abu Marzouk)$/, true, 'Bogdanov meets Hamas officials'],
];

for (const [subject, kind, object, either, reading] of SEED_RELATIONS) {
  test(`seeds: ${reading}, with evidence`, { skip }, async () => {
    const analysis = await seeds();
    const found = find(analysis, subject, kind, object, either);
    assert.ok(found.length > 0, `no ${kind} relation; relations: ${analysis.relations.map((r) => `${r.subject} ${r.relation} ${r.object}`).join('; ')}`);
    for (const relation of found) {
      assert.ok(relation.evidence.length > 0, `${relation.id} has no evidence`);
      for (const span of relation.evidence) {
        const doc = analysis.documents.find((document) => document.id === span.doc)!;
        assert.ok(doc.text.slice(span.start, span.end).trim().length > 0, `${relation.id}: blank evidence ${span.start}-${span.end}`);
      }
    }
  });
}

test('seeds: Kadyrov\'s support for the Palestinians stands on more than one outlet, in his words and the outlets\'', { skip }, async () => {
  const [relation] = find(await seeds(), /^Ramzan Kadyrov$/, 'supports', /^Palestine$/);
  assert.ok(relation!.documents.length >= 2, relation!.documents.join(', '));
  assert.ok(relation!.voices.some((voice) => voice.kind === 'speaker'), JSON.stringify(relation!.voices));
});

test('seeds: Israel condemns the invitation in the outlet\'s report of it, the inviter as its object', { skip }, async () => {
  const analysis = await seeds();
  const putin = idOf(analysis, /^Vladimir Putin$/);
  const found = find(analysis, /^Israel$/, 'condemns', null);
  assert.ok(found.some((relation) => relation.object !== null && putin.includes(relation.object)), found.map((r) => r.object).join(', '));
});

test('seeds: Russia\'s refusal to designate Hamas a terrorist group is one negated relation from two outlets', { skip }, async () => {
  const analysis = await seeds();
  const russia = idOf(analysis, /^Russia$/);
  const hamas = idOf(analysis, /^Hamas$/);
  const found = analysis.relations.filter((r) => r.relation === 'designates-terrorist' && russia.includes(r.subject) && hamas.includes(r.object ?? ''));
  assert.equal(found.length, 1, JSON.stringify(found.map((r) => [r.negated, r.documents])));
  assert.equal(found[0]!.negated, true);
  assert.ok(found[0]!.documents.length >= 2, found[0]!.documents.join(', '));
});

test('seeds: the analysis with relations keeps every invariant', { skip }, async () => {
  assertAnalysisInvariants(await seeds());
});
