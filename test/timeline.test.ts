/**
 * The timeline: a table of hard cases in news style (our own sentences) for finding and
 * normalising date expressions, then the stage through `analyze()` on the sample story and the
 * seeds (read at run time, never copied).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze.js';
import type { Analysis, TimelineItem } from '../src/contract.js';
import { segmentText } from '../src/stages/02-segment/index.js';
import { buildTimeline, type TimelineDocument } from '../src/timeline/build.js';
import { assertAnalysisInvariants } from './helpers/invariants.js';

interface Meta {
  published?: string;
  language?: string;
  url?: string;
}

/** One invented text as the timeline sees it; quotes are the spans between curly quotes. */
function documentOf(text: string, id = 'd', meta: Meta = {}): TimelineDocument {
  const quotes = [...text.matchAll(/“([^”]*)”/g)].map((match, index) => ({ id: `q${index + 1}`, content: { start: match.index! + 1, end: match.index! + match[0].length - 1 } }));
  return {
    id,
    text,
    published: meta.published ?? null,
    language: meta.language ?? null,
    url: meta.url ?? null,
    outlet: null,
    story: null,
    copyOf: null,
    sentences: segmentText(text).sentences,
    removed: [],
    quotes,
    mentions: [],
    propositions: [],
  };
}

function timelineOf(text: string, meta: Meta = {}) {
  return buildTimeline([documentOf(text, 'd', meta)]);
}

const TUESDAY = { published: '2023-10-10' };

/** [sentence, meta, the expression as written, date, until, precision, inferred]; null date: no date, with a message rule. */
type Row = [string, Meta, string, string, string | null, 'day' | 'month' | 'year' | 'range', boolean];
const TABLE: Row[] = [
  // Absolute dates.
  ['The ceasefire was signed on 9 October 2023 in Cairo.', {}, '9 October 2023', '2023-10-09', null, 'day', false],
  ['Talks resumed on October 7, 2023, officials said.', {}, 'October 7, 2023', '2023-10-07', null, 'day', false],
  ['Fighting broke out on 7th October near the border.', TUESDAY, '7th October', '2023-10-07', null, 'day', false],
  ['The minister arrived on 09 October with aid.', TUESDAY, '09 October', '2023-10-09', null, 'day', false],
  ['The report was published on March 3 by the ministry.', TUESDAY, 'March 3', '2023-03-03', null, 'day', false],
  ['Elections were held on Dec. 28 across the country.', { published: '2024-01-03' }, 'Dec. 28', '2023-12-28', null, 'day', false],
  ['The talks began on the 12th of March 2024 in Geneva.', {}, 'the 12th of March 2024', '2024-03-12', null, 'day', false],
  ['The treaty was signed on 2023-05-17 in Vienna.', {}, '2023-05-17', '2023-05-17', null, 'day', false],
  ['KESSERING, March 12 (VPA) - Water was cut off for the town.', { published: '2024-03-12' }, 'March 12', '2024-03-12', null, 'day', false],
  ['Crews voted on Wednesday, 13 March 2024, to strike.', {}, 'Wednesday, 13 March 2024', '2024-03-13', null, 'day', false],
  // Ranges of days.
  ['Protests continued from 3 to 5 March 2024 in the capital.', {}, 'from 3 to 5 March 2024', '2024-03-03', '2024-03-05', 'range', false],
  ['Strikes are planned for March 3-5, 2024, the union said.', {}, 'March 3-5, 2024', '2024-03-03', '2024-03-05', 'range', false],
  // Months.
  ['The plant closed in October 2022 after the floods.', {}, 'October 2022', '2022-10', null, 'month', false],
  ['The law took effect in mid-October 2021.', {}, 'mid-October 2021', '2021-10', null, 'month', false],
  ['The defence minister visited Tehran in September.', TUESDAY, 'September', '2023-09', null, 'month', false],
  ['The embassy reopened last October after repairs.', TUESDAY, 'last October', '2022-10', null, 'month', false],
  ['A referendum is due to take place in March.', TUESDAY, 'March', '2024-03', null, 'month', false],
  ['The law passed in May with a narrow majority.', TUESDAY, 'May', '2023-05', null, 'month', false],
  // Day and month in numbers: the weekday decides, then the document, then the outlet.
  ['He conveyed this on Telegram, Monday (9/10/2023).', {}, 'Monday (9/10/2023)', '2023-10-09', null, 'day', false],
  ['The market reopened on Friday (5/4/2024) after the holiday.', {}, 'Friday (5/4/2024)', '2024-04-05', null, 'day', false],
  ['The court ruled on Wednesday, 4/10/2024, against the firm.', {}, 'Wednesday, 4/10/2024', '2024-04-10', null, 'day', false],
  ['Officials on Wednesday (13/3) told residents to test wells.', { published: '2024-03-14' }, 'Wednesday (13/3)', '2024-03-13', null, 'day', false],
  ['The results came on 25/12/2023 in a short statement.', {}, '25/12/2023', '2023-12-25', null, 'day', false],
  ['The complaint was filed on 12/25/2023 in the district court.', {}, '12/25/2023', '2023-12-25', null, 'day', false],
  ['The hearing was held on 9/10/2023 in the capital.', { language: 'en-US' }, '9/10/2023', '2023-09-10', null, 'day', false],
  ['The hearing was held on 9/10/2023 in the capital.', { url: 'https://news.example.co.uk/a' }, '9/10/2023', '2023-10-09', null, 'day', false],
  ['The hearing was held on 9/10/2023 in the capital.', {}, '9/10/2023', '2023-10-09', null, 'day', true],
  ['The fire started on 14/8/2023 and was out by 9/10/2023.', {}, '9/10/2023', '2023-10-09', null, 'day', false],
  ['On 5/5/2023 the bridge reopened to traffic.', {}, '5/5/2023', '2023-05-05', null, 'day', false],
  ['The parliament met on 9.10.2023 to vote on the budget.', { language: 'de' }, '9.10.2023', '2023-10-09', null, 'day', false],
  // Two-digit years.
  ['The contract was signed on 09/10/23 in London.', { ...TUESDAY, language: 'en-GB' }, '09/10/23', '2023-10-09', null, 'day', false],
  ['The agreement dates from 5/6/97 and was never renewed.', { ...TUESDAY, language: 'en-GB' }, '5/6/97', '1997-06-05', null, 'day', false],
  ['A truce was declared on 14/8/23 by both sides.', {}, '14/8/23', '2023-08-14', null, 'day', true],
  ["The rebels met on 3 May '21 in the hills.", {}, "3 May '21", '2021-05-03', null, 'day', true],
  // Years, spans and decades.
  ['In 2011, militants used such a weapon to hit a bus.', {}, '2011', '2011', null, 'year', false],
  ['From 2015 to 2020 there were seven official meetings.', {}, 'From 2015 to 2020', '2015-01-01', '2020-12-31', 'range', false],
  ['Between 2014 and 2016 the group doubled in size.', {}, 'Between 2014 and 2016', '2014-01-01', '2016-12-31', 'range', false],
  ['The programme ran 2015-2020 in six regions.', {}, '2015-2020', '2015-01-01', '2020-12-31', 'range', false],
  ['Unemployment peaked in the 1990s in the north.', {}, 'the 1990s', '1990-01-01', '1999-12-31', 'range', false],
  ['The crossing has been closed since 2014.', {}, '2014', '2014', null, 'year', false],
  ['He served as mayor until late 2022, aides said.', {}, 'late 2022', '2022', null, 'year', false],
  ['Between October 2022 and March 2023, exports fell by a third.', {}, 'Between October 2022 and March 2023', '2022-10-01', '2023-03-31', 'range', false],
  ['The towers fell on Sept. 11, 2001, in the morning.', {}, 'Sept. 11, 2001', '2001-09-11', null, 'day', false],
  ['The ruling, handed down 10 years ago, still stands.', { published: '2024-03-15' }, '10 years ago', '2014', null, 'year', false],
  ["Friday's vote was postponed to next month.", TUESDAY, 'Friday', '2023-10-06', null, 'day', false],
  ['The meeting is at 10:30 on 5 March, officials said.', { published: '2024-03-01' }, '5 March', '2024-03-05', null, 'day', false],
  // Relative to the publication date (Tuesday 10 October 2023).
  ['Last year, the leader mobilised his forces.', TUESDAY, 'Last year', '2022', null, 'year', false],
  ['The group launched an invasion earlier this month.', TUESDAY, 'earlier this month', '2023-10', null, 'month', false],
  ['Prices rose sharply last month, the bank said.', TUESDAY, 'last month', '2023-09', null, 'month', false],
  ['The talks will resume next year in Doha.', TUESDAY, 'next year', '2024', null, 'year', false],
  ['The ministry said yesterday that a rocket hit the mosque.', TUESDAY, 'yesterday', '2023-10-09', null, 'day', false],
  ['The envoy will arrive tomorrow with the proposal.', TUESDAY, 'tomorrow', '2023-10-11', null, 'day', false],
  ['Reacting to the remarks today, the spokesman urged calm.', TUESDAY, 'today', '2023-10-10', null, 'day', false],
  ['The leaders met on Wednesday to discuss the war.', TUESDAY, 'Wednesday', '2023-10-04', null, 'day', false],
  ['The committee will meet on Wednesday to vote.', TUESDAY, 'Wednesday', '2023-10-11', null, 'day', false],
  ['On Saturday morning, rockets were fired at the coast.', TUESDAY, 'Saturday morning', '2023-10-07', null, 'day', false],
  ['Troops will move in next Tuesday, the army said.', TUESDAY, 'next Tuesday', '2023-10-17', null, 'day', false],
  ['The strike ended three days ago after talks.', TUESDAY, 'three days ago', '2023-10-07', null, 'day', false],
  ['Troops were deployed a week ago to the border.', TUESDAY, 'a week ago', '2023-10-03', null, 'day', false],
  ['Clashes erupted over the weekend in the south.', TUESDAY, 'over the weekend', '2023-10-07', '2023-10-08', 'range', false],
  ['Aid deliveries fell last week, the agency said.', TUESDAY, 'last week', '2023-10-02', '2023-10-08', 'range', false],
  // No publication date: counted from the latest full date the text names, and marked inferred.
  ['The leak was found on Tuesday 12 March 2024. On Sunday, residents had smelled gas.', {}, 'Sunday', '2024-03-10', null, 'day', true],
  ['The plant opened on 4 June 2022. Last year it doubled its output.', {}, 'Last year', '2021', null, 'year', true],
  // Counted from an event the text dates.
  ['Hamas attacked Israel on 7 October 2023. Days after the attack, the envoy flew to Cairo.', {}, 'Days after the attack', '2023-10-08', '2023-10-13', 'range', true],
  ['The attack came on 7 October 2023. Two days after the attack, talks began.', {}, 'Two days after the attack', '2023-10-09', null, 'day', true],
  // Dates inside quotes about the future count forwards.
  ['“The first results will be known on Thursday,” the spokesman said.', { published: '2024-03-12' }, 'Thursday', '2024-03-14', null, 'day', false],
  ['“We will hold elections on 3 May,” the president said.', { published: '2024-06-01' }, '3 May', '2025-05-03', null, 'day', false],
  ['“Elections were held on 3 May,” the president recalled.', { published: '2024-06-01' }, '3 May', '2024-05-03', null, 'day', false],
];

/** [text, meta, the message rule expected]: no date on the timeline. */
const NO_DATE: [string, Meta, string | null][] = [
  ['The deal was signed on 31/02/2023 in the capital.', {}, 'timeline/impossible-date'],
  ['The rally took place on 30 February 2024 in the square.', {}, 'timeline/impossible-date'],
  ['Officials cited a letter dated 13/13/2023.', { published: '2024-01-01' }, null],
  ['The summit opened on April 31 with a minute of silence.', TUESDAY, 'timeline/impossible-date'],
  ['The minister resigned yesterday over the scandal.', {}, 'timeline/no-anchor'],
  ['The 1967 borders remain the basis of the talks.', {}, null],
  ['The town has 2011 residents and one school.', {}, null],
  ['Russia Today reported the strike without comment.', {}, null],
  ['Volunteers work 24/7 at the shelter.', {}, null],
  ['The leak was detected at 6.40 a.m. in a tank.', {}, null],
  ['Officials may resign in protest, aides said.', {}, null],
  ['The city has not been the same since 9/11.', {}, null],
];

for (const [text, meta, written, date, until, precision, inferred] of TABLE) {
  test(`timeline: "${text}" → ${written} = ${date}${until ? `..${until}` : ''} (${precision}${inferred ? ', inferred' : ''})`, () => {
    const { items } = timelineOf(text, meta);
    const mention = items.flatMap((item) => item.dates).find((found) => found.text === written);
    assert.ok(mention, `found ${JSON.stringify(written)} among ${JSON.stringify(items.flatMap((item) => item.dates).map((found) => found.text))}`);
    assert.deepEqual({ date: mention.date, until: mention.until, precision: mention.precision, inferred: mention.inferred }, { date, until, precision, inferred });
    assert.equal(text.slice(mention.start, mention.end), written);
  });
}

test('timeline: a weekday that decides the order and one that contradicts the date', () => {
  const wrong = timelineOf('The vote was held on Friday, 10 October 2023, in the capital.');
  assert.equal(wrong.items[0]?.date, '2023-10-10');
  assert.deepEqual(wrong.messages.map((message) => `${message.start}-${message.end}: ${message.rule}`), ['21-44: timeline/weekday-mismatch']);
});

test('timeline: an ambiguous day and month with no weekday and no convention is a warning', () => {
  const { messages } = timelineOf('The hearing was held on 9/10/2023 in the capital.');
  assert.deepEqual(
    messages.map((message) => `${message.start}-${message.end}: ${message.severity}: ${message.text} [${message.rule}]`),
    ['24-33: warning: "9/10/2023" is ambiguous: it could be 9 October 2023 or 10 September 2023; read day first, as most of the world writes it, since no weekday, other date or outlet convention decides. [timeline/ambiguous-day-month]'],
  );
});

for (const [text, meta, rule] of NO_DATE) {
  test(`timeline: "${text}" puts nothing on the timeline${rule ? ` and says ${rule}` : ''}`, () => {
    const { items, messages } = timelineOf(text, meta);
    assert.deepEqual(items, []);
    if (rule) assert.ok(messages.some((message) => message.rule === rule), JSON.stringify(messages));
  });
}

test('timeline: a date governs its own clause, not the whole sentence', () => {
  const text = 'On 9 October 2023, the envoy met the rebels, while the army had withdrawn a year before.';
  const { items } = timelineOf(text);
  assert.equal(items[0]?.text, 'On 9 October 2023, the envoy met the rebels');
});

test('timeline: an article with no publication date is dated by the latest date it names', () => {
  const text = 'The dam was finished in 2019. The flood came on 4 June 2022, and repairs will end in 2030.';
  const { dating } = timelineOf(text);
  assert.deepEqual(dating, [{ doc: 'd', published: null, earliest: '2022-06-04', latest: null, inferred: true, evidence: [{ doc: 'd', start: text.indexOf('4 June'), end: text.indexOf('4 June') + 11 }] }]);
  assert.deepEqual(timelineOf(text, { published: '2022-06-05T10:00:00Z' }).dating[0], { doc: 'd', published: '2022-06-05T10:00:00Z', earliest: null, latest: null, inferred: false, evidence: [] });
});

test('timeline: a date inside removed debris never reaches the timeline', () => {
  const text = 'Related: Storm hits coast on 4 June 2022\n\nThe bridge reopened on 9 October 2023 after repairs.';
  const doc = { ...documentOf(text), removed: [{ start: 0, end: text.indexOf('\n') }] };
  doc.sentences = segmentText(text, doc.removed).sentences;
  const { items } = buildTimeline([doc]);
  assert.deepEqual(items.map((item) => item.date), ['2023-10-09']);
});

test('timeline: one event in two outlets is one item; the same words in another story are another', () => {
  const [first, second, third] = ['The envoy met Hamas leaders on 9 October 2023 in Moscow.', 'On 9 October 2023 Hamas officials held talks with the envoy.', 'The envoy met Hamas leaders on 9 October 2023 in Moscow.'];
  const actors = (text: string) => [...text.matchAll(/envoy|Hamas/g)].map((match) => ({ start: match.index!, end: match.index! + match[0].length, entity: match[0] === 'envoy' ? 'person-envoy' : 'org-hamas', type: match[0] === 'envoy' ? ('PERSON' as const) : ('ORG' as const) }));
  const { items } = buildTimeline([
    { ...documentOf(first, 'a'), story: 'story-1', mentions: actors(first) },
    { ...documentOf(second, 'b'), story: 'story-1', mentions: actors(second) },
    { ...documentOf(third, 'c'), story: 'story-2', mentions: actors(third) },
  ]);
  assert.deepEqual(items.map((item) => [item.story, item.documents, item.actors]), [
    ['story-1', ['a', 'b'], ['person-envoy', 'org-hamas']],
    ['story-2', ['c'], ['person-envoy', 'org-hamas']],
  ]);
  assert.deepEqual(items[0]!.evidence.map((span) => span.doc), ['a', 'b']);
});

test('timeline: the table has at least 60 hard cases', () => {
  assert.ok(TABLE.length + NO_DATE.length >= 60, `${TABLE.length + NO_DATE.length} cases`);
});

// Through analyze(): the sample story and the seeds.

const root = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = `${root}../shared/seeds`;

function seedId(analysis: Analysis, prefix: string): string {
  const doc = analysis.documents.find((document) => document.source.includes(`/${prefix}`));
  assert.ok(doc, `seed ${prefix} is read`);
  return doc.id;
}

function itemsOn(analysis: Analysis, date: string): TimelineItem[] {
  return analysis.timeline.filter((item) => item.date === date && item.precision === 'day');
}

let seeds: Promise<Analysis> | null = null;
const seedAnalysis = () => (seeds ??= analyze([SEEDS]));

test('timeline on the seeds: Kadyrov\'s statement of 9 October 2023 is one item with evidence from both outlets that date it', { skip: readdirSync(`${root}..`).includes('shared') ? false : 'no seeds' }, async () => {
  const analysis = await seedAnalysis();
  assertAnalysisInvariants(analysis);
  const kadyrov = analysis.entities.find((entity) => /Kadyrov/.test(entity.name) && entity.type === 'PERSON' && !/Akhmat/.test(entity.name));
  assert.ok(kadyrov, 'Kadyrov is an entity');
  const [ifbg, blog] = [seedId(analysis, '001_'), seedId(analysis, '003_')];
  const statement = itemsOn(analysis, '2023-10-09').filter((item) => item.documents.includes(ifbg) && item.documents.includes(blog));
  assert.equal(statement.length, 1, JSON.stringify(itemsOn(analysis, '2023-10-09').map((item) => [item.text, item.documents])));
  assert.ok(statement[0]!.actors.includes(kadyrov.id));
  const evidence = new Set(statement[0]!.evidence.map((span) => span.doc));
  assert.ok(evidence.has(ifbg) && evidence.has(blog));
  assert.ok(statement[0]!.dates.some((date) => date.doc === blog && date.anchor === 'absolute' && !date.inferred), 'the blog names the full date');
});

test('timeline on the seeds: the Hamas attack on 7 October 2023 and the school-bus attack in 2011', async () => {
  const analysis = await seedAnalysis();
  const hamas = analysis.entities.find((entity) => entity.name === 'Hamas');
  assert.ok(hamas);
  const attack = itemsOn(analysis, '2023-10-07').find((item) => item.actors.includes(hamas.id) && /attack/.test(item.text));
  assert.ok(attack, JSON.stringify(itemsOn(analysis, '2023-10-07').map((item) => item.text)));
  const bus = analysis.timeline.find((item) => item.date === '2011' && item.precision === 'year');
  assert.ok(bus && /school bus/.test(bus.text), JSON.stringify(bus));
  assert.ok(bus.documents.includes(seedId(analysis, '001_')));
});

test('timeline on the seeds: every document is dated, none has a publication date, so bounds are inferred', async () => {
  const analysis = await seedAnalysis();
  assert.equal(analysis.dating.length, analysis.documents.length);
  const blog = analysis.dating.find((record) => record.doc === seedId(analysis, '003_'));
  assert.deepEqual({ earliest: blog?.earliest, inferred: blog?.inferred }, { earliest: '2023-10-09', inferred: true });
  assert.ok(blog!.evidence.length > 0);
});

test('timeline on the sample story: the spill, the weekdays around it and a future date in a quote', async () => {
  const analysis = await analyze([`${root}examples/sample-story`]);
  assertAnalysisInvariants(analysis);
  const dates = analysis.timeline.flatMap((item) => item.dates.map((date) => ({ ...date, source: analysis.documents.find((doc) => doc.id === date.doc)!.source })));
  const at = (file: string, written: string) => dates.filter((date) => date.source.includes(file) && date.text === written).map((date) => date.date);
  assert.deepEqual(at('01-vpa', 'March 12'), ['2024-03-12']);
  assert.deepEqual(at('01-vpa', 'Tuesday'), ['2024-03-12']);
  assert.deepEqual(at('01-vpa', 'Thursday'), ['2024-03-14'], 'a quote about the future counts forwards');
  assert.deepEqual(at('04-valley', 'Tuesday (12/3/2024)'), ['2024-03-12']);
  assert.deepEqual(at('06-coastline', 'Wednesday (13/3)'), ['2024-03-13']);
  assert.deepEqual(at('03-northgate', 'Sunday evening'), ['2024-03-10']);
  const thursday = dates.find((date) => date.source.includes('01-vpa') && date.text === 'Thursday');
  assert.ok(thursday?.quote, 'the date sits in the spokesman\'s quote');
  const coastline = analysis.dating.find((record) => analysis.documents.find((doc) => doc.id === record.doc)!.source.includes('06-coastline'));
  assert.equal(coastline?.published, '2024-03-13');
  // The unrelated ferry story never joins the spill's items.
  const ferry = analysis.documents.find((doc) => doc.source.includes('08-aldport'))!.id;
  for (const item of analysis.timeline) if (item.documents.includes(ferry)) assert.deepEqual(item.documents, [ferry]);
});

test('timeline: a date after "before" bounds its event and puts nothing on that day', () => {
  const { items } = timelineOf('Campaigners say the leak began before Sunday.', { published: '2024-03-14' });
  assert.deepEqual(items, []);
  const dated = timelineOf('Campaigners say the leak began on Sunday.', { published: '2024-03-14' });
  assert.deepEqual(dated.items.map((item) => item.date), ['2024-03-10']);
});
