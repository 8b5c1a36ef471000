/**
 * Framing (stage 13): loaded terms with their sense, target and voice, the labels outlets give an
 * actor, the per-outlet figures, the user's lexicon through the CLI, and the seeds (read from
 * ../shared/seeds at run time; their text is never copied here). Every sentence below is ours.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIO } from '../src/cli/program.js';
import { Lexicon, LexiconFileSchema, mergeLexicon, shippedLexicon, LEXICON_URL } from '../src/framing/lexicon.js';
import { wordsIn } from '../src/framing/context.js';
import { isOpinion, opinionCues } from '../src/framing/opinion.js';
import { senseOf } from '../src/framing/terms.js';
import type { FramingTerm } from '../src/contract.js';
import { analyze, type Analysis } from '../src/index.js';
import { assertAnalysisInvariants } from './helpers/invariants.js';

const lexicon = new Lexicon(shippedLexicon());

/** The sense of the one lexicon form in `sentence`, as "form: sense". */
function senseIn(sentence: string): string {
  const matches = lexicon.find(sentence, 0, sentence.length);
  assert.equal(matches.length, 1, `one lexicon form in: ${sentence} (found ${matches.map((m) => sentence.slice(m.start, m.end)).join(', ')})`);
  const match = matches[0]!;
  return `${sentence.slice(match.start, match.end)}: ${senseOf(sentence, { start: 0, end: sentence.length }, match)}`;
}

test('framing: one word, loaded in one use and another sense or a reported status in the next', () => {
  const cases: [string, string][] = [
    ['The coating gives the hull better resistance to corrosion in salt water.', 'resistance: other'],
    ['Engineers measured the electrical resistance of the new cable.', 'resistance: other'],
    ['The plan met stiff resistance from shareholders at the meeting.', 'resistance: other'],
    ['Supporters of the resistance cheered the ambush on the convoy.', 'resistance: loaded'],
    ['The Hamas-led resistance fired rockets at the border towns.', 'resistance: loaded'],
    ['The clinic put her on a strict diet regime for six weeks.', 'regime: other'],
    ['The new tax regime takes effect in April.', 'regime: other'],
    ['The regime in Damascus denied the strike.', 'regime: loaded'],
    ['Militant trade unionists blocked the gates of the plant.', 'Militant: other'],
    ['Militants fired on the checkpoint before dawn.', 'Militants: neutral'],
    ['The striker completed a 6-0 massacre in the cup final.', 'massacre: other'],
    ['Survivors described the massacre in the village square.', 'massacre: loaded'],
    ['Moscow has never designated the group a terrorist organisation.', 'terrorist organisation: status'],
    ['Britain listed the movement as a terrorist group in 2021.', 'terrorist group: status'],
    ['The terrorist organisation claimed the bombing within hours.', 'terrorist organisation: loaded'],
    ['The bill to declare the country a terrorist state failed in the senate.', 'terrorist state: status'],
    ['Officials called the neighbour a terrorist state again on Friday.', 'terrorist state: loaded'],
    ['The museum shows the letters of an early Christian martyr.', 'martyr: other'],
    ['Posters hailed the dead gunman as a martyr.', 'martyr: loaded'],
    ['The treatment neutralised the acid in the soil.', 'neutralised: other'],
    ['The army said it neutralised two suspects near the fence.', 'neutralised: loaded'],
  ];
  for (const [sentence, expected] of cases) assert.equal(senseIn(sentence), expected, sentence);
});

test('framing: the longest form wins, and every shipped entry is documented in the model card', () => {
  const text = 'They called it an axis of terror, a terrorist state and terrorists.';
  assert.deepEqual(
    lexicon.find(text, 0, text.length).map((m) => `${text.slice(m.start, m.end)} → ${m.entry.term}`),
    ['axis of terror → axis of terror', 'terrorist state → terrorist state', 'terrorists → terrorist'],
  );
  const card = readFileSync(new URL('README.md', LEXICON_URL), 'utf8');
  for (const entry of shippedLexicon()) assert.ok(card.includes(`| ${entry.term} |`), `models/framing/README.md documents "${entry.term}"`);
  for (const entry of shippedLexicon()) assert.ok(entry.why && entry.side, `"${entry.term}" says why it frames and who uses it`);
});

test('framing: a user entry adds a term or replaces ours', () => {
  const user = LexiconFileSchema.parse([
    { term: 'occupiers', loaded: true, category: 'delegitimising' },
    { term: 'regime', loaded: false, category: 'neutral' },
  ]);
  const merged = new Lexicon(mergeLexicon(shippedLexicon(), Array.isArray(user) ? user : user.entries));
  const text = 'The occupiers left; the regime stayed.';
  assert.deepEqual(
    merged.find(text, 0, text.length).map((m) => `${m.entry.term}:${m.entry.loaded}`),
    ['occupiers:true', 'regime:false'],
  );
  assert.equal(LexiconFileSchema.safeParse([{ term: 'x', loaded: 'yes', category: 'y' }]).success, false);
});

test('framing: opinion cues in the outlet\'s own words', () => {
  const cases: [string, boolean][] = [
    ['The ministry published the figures on Monday.', false],
    ['The allies should isolate the regime at once.', true],
    ['We have warned about this for years.', true],
    ['It is not hard to see who gains from the war.', true],
    ['The crash was tragic.', false],
    ['The cynical and reckless plan failed.', true],
    ['World War I ended in 1918.', false],
    ['The US sent aid.', false],
  ];
  for (const [sentence, opinion] of cases) {
    const whole = [{ start: 0, end: sentence.length }];
    assert.equal(isOpinion(opinionCues(sentence, whole, wordsIn(sentence, whole))), opinion, sentence);
  }
});

// ---- Through the pipeline: invented articles, one hard case each ----------------------------

const ARTICLES = [
  {
    source: 'own-voice.txt',
    outlet: 'Harbour Ledger',
    content:
      'Rockets hit border towns\n\nHamas and its allies in the resistance fired rockets at towns near Gaza on Tuesday. Israel said two people were hurt. ' +
      'Israel later struck targets in Gaza, the army said.\n',
  },
  {
    source: 'quoted.txt',
    outlet: 'Ridge Courier',
    content:
      'Israel vows response\n\n“Hamas terrorists will pay for this attack,” said Avi Dorran, an Israeli government spokesman, on Tuesday. ' +
      'Hamas, the Islamist group that runs Gaza, said its fighters had fired the rockets.\n',
  },
  {
    source: 'opinion.txt',
    outlet: 'Eastern Watch',
    content:
      'Moscow must answer\n\nRussia is a terrorist state, and its allies should be isolated at once. ' +
      'Russia has never designated Hamas as a terrorist organisation. The talks deepened fears of an “axis of terror” linking Russia and Iran.\n',
  },
  {
    source: 'material.txt',
    outlet: 'Foundry Weekly',
    content: 'New alloy passes tests\n\nThe new steel alloy showed strong resistance to corrosion in the lab tests on Tuesday, engineers said.\n',
  },
];

let cached: Promise<Analysis> | null = null;
const invented = () => (cached ??= analyze(ARTICLES.map((article) => ({ ...article }))));

/** A framing term as "term | entry | loaded | target name | voice | speaker name | quoted". */
function describeTerm(analysis: Analysis, term: FramingTerm): string {
  const name = (id: string | null) => (id ? (analysis.entities.find((entity) => entity.id === id)?.name ?? id) : '-');
  return [term.term, term.entry, term.loaded ? 'loaded' : 'neutral', name(term.target), term.voice, name(term.speaker), term.quoted ? 'quoted' : 'bare'].join(' | ');
}

function termsOf(analysis: Analysis, source: string): string[] {
  const doc = analysis.documents.find((d) => d.source === source)!;
  return analysis.framing.terms.filter((term) => term.doc === doc.id).map((term) => describeTerm(analysis, term));
}

test('framing: terms with their target and voice in invented articles', async () => {
  const analysis = await invented();
  assertAnalysisInvariants(analysis);
  assert.deepEqual(termsOf(analysis, 'own-voice.txt'), ['resistance | resistance | loaded | Hamas | outlet | - | bare']);
  const quoted = termsOf(analysis, 'quoted.txt');
  assert.ok(quoted.includes('terrorists | terrorist | loaded | Hamas | speaker | Avi Dorran | quoted'), quoted.join('\n'));
  assert.ok(quoted.includes('Islamist | Islamist | loaded | Hamas | outlet | - | bare'), quoted.join('\n'));
  const opinion = termsOf(analysis, 'opinion.txt');
  assert.ok(opinion.includes('terrorist state | terrorist state | loaded | Russia | outlet | - | bare'), opinion.join('\n'));
  assert.ok(opinion.includes('terrorist organisation | terrorist organisation | neutral | Hamas | outlet | - | bare'), opinion.join('\n'));
  assert.ok(opinion.includes('axis of terror | axis of terror | loaded | Russia | outlet | - | quoted'), opinion.join('\n'));
  assert.deepEqual(termsOf(analysis, 'material.txt'), [], 'resistance of a material is not a framing term');
  const status = analysis.framing.terms.find((term) => term.entry === 'terrorist organisation')!;
  assert.equal(status.category, 'reported-status');
});

test('framing: labels per outlet and figures per outlet', async () => {
  const analysis = await invented();
  const hamas = analysis.entities.find((entity) => entity.name === 'Hamas')!.id;
  const labels = analysis.framing.labels.filter((label) => label.entity === hamas).map((label) => `${label.outlet}: ${label.label}`);
  assert.deepEqual(labels, ['Ridge Courier: the Islamist group']);
  assert.ok(!analysis.framing.labels.some((label) => label.label.endsWith('said')), 'a reporting clause is not a label');

  const outlet = (name: string) => analysis.framing.outlets.find((figures) => figures.outlet === name)!;
  assert.deepEqual(analysis.framing.outlets.map((figures) => figures.outlet), ['Harbour Ledger', 'Ridge Courier', 'Eastern Watch', 'Foundry Weekly']);
  assert.ok(outlet('Eastern Watch').opinionShare > 0, 'the outlet that says "should" in its own voice has opinion');
  assert.equal(outlet('Harbour Ledger').opinionShare, 0);
  assert.deepEqual(outlet('Ridge Courier').quoted.map((speaker) => `${speaker.name}:${speaker.quotes}`).slice(0, 1), ['Avi Dorran:1']);
  const russia = analysis.entities.find((entity) => entity.name === 'Russia')!.id;
  const tone = outlet('Eastern Watch').tone.find((item) => item.entity === russia);
  assert.ok(tone && tone.score < 0 && tone.evidence.length > 0, 'calling Russia a terrorist state in its own voice is negative tone toward Russia');
  for (const figures of analysis.framing.outlets) {
    assert.ok(Math.abs(figures.attributedShare + figures.ownVoiceShare - (figures.claims ? 1 : 0)) < 0.002, `${figures.outlet}: shares add up`);
  }
});

test('framing: the target a term names or qualifies, and the voice it is in', async () => {
  // One invented article per case: the sentence, then "term → target name | voice".
  const cases: [string, string][] = [
    ['Rockets fell overnight. In Gaza, militants fired at towns in Israel on Monday.', 'militants → - | outlet'],
    ['The atrocities of Hezbollah were listed in a report on Monday, officials in Israel said.', 'atrocities → Hezbollah | speaker'],
    ['Officials in Israel called Iran a terrorist state on Monday in a written note.', 'terrorist state → Iran | speaker'],
    ['Analysts said on Monday that the Zionist regime faced new pressure from Iran.', 'Zionist regime → Israel | speaker'],
    ['Pressure on the Zionist regime grew on Monday as talks with Iran stalled.', 'Zionist regime → Israel | outlet'],
    ['A rally near Beirut on Monday cheered Hezbollah and the resistance.', 'resistance → Hezbollah | outlet'],
    ['Israel said the rockets came from Gaza. “These terrorists will answer for it,” Israel’s army said on Monday.', 'terrorists → - | speaker'],
  ];
  const analysis = await analyze(cases.map(([sentence], index) => ({ content: `Border report\n\n${sentence}\n`, source: `case-${index}.txt`, outlet: `Outlet ${index}` })));
  assertAnalysisInvariants(analysis);
  const name = (id: string | null) => (id ? (analysis.entities.find((entity) => entity.id === id)?.name ?? id) : '-');
  cases.forEach(([sentence, expected], index) => {
    const doc = analysis.documents.find((d) => d.source === `case-${index}.txt`)!;
    const found = analysis.framing.terms.filter((term) => term.doc === doc.id && term.loaded === !expected.startsWith('militants')).map((term) => `${term.term} → ${name(term.target)} | ${term.voice}`);
    assert.deepEqual(found, [expected], sentence);
  });
});

test('framing: labels are appositions and descriptive names of a main actor, not lists or clauses', async () => {
  // One invented article per case: the text, then the labels found as "actor: label".
  const cases: [string, string[]][] = [
    ['Hamas, the Islamist group that runs Gaza, fired rockets at Israel. Israel struck Gaza.', ['Hamas: the Islamist group']],
    ['Rockets hit Israel on Monday. The Hamas militant group fired them from Gaza.', ['Hamas: The Hamas militant group']],
    ['Rockets fired by Hamas hit towns in Israel. The group said more would follow.', ['Hamas: The group']],
    ['According to Hamas, the rockets were fired from Gaza at Israel on Monday.', []],
    ['Leaders of Israel, the US and Britain met in Gaza to discuss the rockets Hamas fired.', []],
    ['Hamas fired rockets at Israel. “The group will be crushed,” an Israeli minister said in Gaza.', []],
  ];
  const analysis = await analyze(cases.map(([text], index) => ({ content: `Border report\n\n${text}\n`, source: `label-${index}.txt`, outlet: `Label Outlet ${index}` })));
  assertAnalysisInvariants(analysis);
  const name = (id: string) => analysis.entities.find((entity) => entity.id === id)?.name ?? id;
  cases.forEach(([text, expected], index) => {
    const found = analysis.framing.labels.filter((label) => label.outlet === `Label Outlet ${index}`).map((label) => `${name(label.entity)}: ${label.label}`);
    assert.deepEqual(found, expected, text);
  });
});

// ---- The user's lexicon through the CLI ----------------------------------------------------

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => Buffer.from(''), stderrIsTTY: false, cwd: process.cwd(), exitCode: 0 };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

test('framing: --lexicon adds the user\'s entries; a bad file is one line and exit 2', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-lexicon-'));
  await writeFile(join(dir, 'a.txt'), 'Port reopens\n\nThe troublemakers left the port of Velmora on Monday, the harbour office said.\n');
  await writeFile(join(dir, 'lexicon.json'), JSON.stringify([{ term: 'troublemakers', loaded: true, category: 'delegitimising', why: 'a test entry' }]));
  const good = await cli(['analyze', join(dir, 'a.txt'), '--lexicon', join(dir, 'lexicon.json')]);
  assert.equal(good.code, 0, good.stderr);
  const analysis = JSON.parse(good.stdout) as Analysis;
  assert.deepEqual(analysis.framing.terms.map((term) => `${term.term}:${term.category}`), ['troublemakers:delegitimising']);

  await writeFile(join(dir, 'bad.json'), JSON.stringify([{ term: 'troublemakers', loaded: 'yes', category: 'x' }]));
  await writeFile(join(dir, 'broken.json'), '[{"term": ');
  for (const [file, problem] of [['bad.json', /0\.loaded: .*boolean/], ['broken.json', /is not valid JSON/], ['missing.json', /cannot be read \(ENOENT\)/]] as const) {
    const bad = await cli(['analyze', join(dir, 'a.txt'), '--lexicon', join(dir, file)]);
    assert.equal(bad.code, 2, file);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr.trim().split('\n').length, 1, `one line: ${bad.stderr}`);
    assert.match(bad.stderr, problem);
    assert.match(bad.stderr, /^crosscheck: error: --lexicon /);
  }
});

// ---- The seeds ------------------------------------------------------------------------------

const SEEDS = new URL('../../shared/seeds/', import.meta.url).pathname;
const noSeeds = !existsSync(SEEDS) && 'no ../shared/seeds beside the repository';

test('framing: the seeds\' loaded terms with their targets and voice', { skip: noSeeds }, async () => {
  const analysis = await analyze([SEEDS]);
  assertAnalysisInvariants(analysis);
  const seed = (number: string) => analysis.documents.find((doc) => doc.source.includes(`/${number}_`))!.id;
  const found = (number: string) => analysis.framing.terms.filter((term) => term.doc === seed(number)).map((term) => describeTerm(analysis, term));
  // Terms per seed, as "term | entry | loaded | target | voice | speaker | quoted": a few words each, facts about the articles.
  const expected: [string, string][] = [
    ['000', 'Islamist | Islamist | loaded | Hamas | outlet | - | bare'],
    ['000', 'terrorist organisation | terrorist organisation | neutral | Hamas | outlet | - | bare'],
    ['000', 'terrorism | terrorism | loaded | Russia | speaker | Mamuka Mamulashvili | quoted'],
    ['001', 'terrorist organisation | terrorist organisation | neutral | Hamas | outlet | - | bare'],
    ['001', 'terrorist state | terrorist state | loaded | Russia | outlet | - | bare'],
    ['001', 'terrorists | terrorist | loaded | Hamas | outlet | - | bare'],
    ['002', 'resistance | resistance | loaded | Hamas | outlet | - | bare'],
    ['002', 'occupation state | occupation state | loaded | Israel | outlet | - | bare'],
    ['003', 'militant | militants | neutral | Hamas | outlet | - | bare'],
    ['004', 'axis of terror | axis of terror | loaded | Russia | outlet | - | quoted'],
    ['004', 'atrocities | atrocities | loaded | Hamas | speaker | Lioir Hiat | quoted'],
    ['004', 'terrorists | terrorist | loaded | Hamas | speaker | Lioir Hiat | quoted'],
  ];
  const missing = expected.filter(([number, row]) => !found(number).includes(row));
  assert.deepEqual(missing, [], `found:\n${['000', '001', '002', '003', '004'].map((n) => `${n}: ${found(n).join('\n     ')}`).join('\n')}`);

  const hamas = analysis.entities.find((entity) => entity.name === 'Hamas')!.id;
  const labels = analysis.framing.labels.filter((label) => label.entity === hamas).map((label) => label.label.toLowerCase());
  for (const label of ['the islamist group', 'the region’s governing power', 'the hamas militant group', 'the hamas-led resistance']) assert.ok(labels.includes(label), `${label} in ${labels.join(', ')}`);
  assert.equal(new Set(analysis.framing.outlets.map((figures) => figures.outlet)).size, analysis.framing.outlets.length, 'one row per outlet');
});
