/**
 * Citation phrasings, one invented sentence a row, through the stages that provenance reads
 * (clean, segment, mentions, quotes, identity). A row lists every source the sentence should
 * cite as "name | kind | relation", the name being exactly the words the span slices.
 */
import assert from 'node:assert/strict';
import { analyze } from '../src/index.js';
import { test } from 'node:test';
import { ProvenanceSchema } from '../src/contract.js';
import { emptyMeta, type Doc } from '../src/document.js';
import { preparePipeline, runPipeline } from '../src/pipeline.js';
import { cleanStage } from '../src/stages/01-clean/index.js';
import { segmentStage } from '../src/stages/02-segment/index.js';
import { mentionsStage } from '../src/stages/03-mentions/index.js';
import { quotesStage } from '../src/stages/04-quotes/index.js';
import { identityStage } from '../src/stages/05-identity/index.js';
import { copiesStage } from '../src/stages/07-copies/index.js';
import { provenanceStage } from '../src/stages/08-provenance/index.js';

// [sentence, expected citations, the article's own outlet when it matters]
const ROWS: [string, string[], string?][] = [
  ['The talks had stalled, according to Reuters.', ['Reuters | news-agency | relays']],
  ['The minister was quoted by Newsweek as saying the deal was dead.', ['Newsweek | outlet | relays']],
  ['The strike hit a depot near the port, reports The Telegraph.', ['The Telegraph | outlet | relays']],
  ['The envoy was quoted by the official state media, TASS.', ['TASS | news-agency | relays']],
  ['“We will not sign this,” the minister told Reuters.', ['Reuters | news-agency | relays']],
  ['In an interview with CNN, the general said the offensive would go on.', ['CNN | outlet | relays']],
  ['Writing in Foreign Policy, the analyst argued that the sanctions had failed.', ['Foreign Policy | outlet | relays']],
  ['The Kommersant newspaper reported that the deal had been signed.', ['Kommersant | outlet | relays']],
  ['The state news agency IRNA said the talks would resume in May.', ['IRNA | news-agency | relays']],
  ['The Valdoria Press Agency reported the leak on Tuesday.', ['Valdoria Press Agency | news-agency | relays']],
  ['Several media reported that the army had entered the town.', ['Several media | anonymous | according-to']],
  ['A source close to the Kremlin said the meeting had been called off.', ['source close to the Kremlin | anonymous | according-to']],
  ['The plan was shelved last week, sources said.', ['sources | anonymous | according-to']],
  ['Two senior Western officials, speaking on condition of anonymity, said the convoy had turned back.', ['Two senior Western officials | anonymous | according-to']],
  ['Experts say the drought will last well into the spring.', ['Experts | anonymous | according-to']],
  ['There are unconfirmed reports of fighting near the bridge.', ['unconfirmed reports | anonymous | according-to']],
  ['The mayor denied reports that the dam had failed.', ['reports | anonymous | according-to']],
  ['The truce would only help the rebels regroup, US officials believe.', ['US officials | anonymous | according-to']],
  ['The visit was seen by some Western observers as a snub.', ['some Western observers | anonymous | according-to']],
  ['According to classified documents leaked to the press, the army had planned the move.', ['classified documents | document | according-to']],
  ['Leaked documents seen by the Daily Planet show that the budget was cut.', ['Leaked documents | document | according-to', 'Daily Planet | outlet | relays']],
  ['According to Valdoria’s foreign ministry, two shells hit the border post.', ['Valdoria’s foreign ministry | official-channel | according-to']],
  ['According to the spokesperson for the Ministry of Health, Anna Berg, the clinic will reopen.', ['Anna Berg | official-channel | according-to']],
  ['The ministry announced the closure in a statement on the ministry’s website.', ['ministry’s website | official-channel | channel']],
  ['The minister told state television that the offer still stood.', ['state television | official-channel | channel']],
  ['The senator wrote on X that the bill would fail.', ['X | social | channel']],
  ['The governor announced his resignation on Telegram.', ['Telegram | social | channel']],
  ['Hamas said on Telegram that it had fired the rockets.', ['Telegram | social | channel']],
  ['The leak began on Sunday, the Northgate Herald has been told.', ['Northgate Herald | outlet | told'], 'Northgate Herald'],
  ['“Nobody warned us,” the farmer told the Herald.', ['Herald | outlet | told'], 'Northgate Herald'],
  ['The mayor told Valleynews.com that the bridge would reopen in June.', ['Valleynews.com | outlet | told'], 'Valleynews.com'],
  ['The mayor told this newspaper that the bridge would reopen in June.', ['this newspaper | outlet | told']],
  // Not citations: speakers, audiences, a source inside someone's quote, people who were told.
  ['Putin said the talks had failed.', []],
  ['The mayor told reporters that the water was safe to drink.', []],
  ['“According to Reuters, we lost the vote,” she joked.', []],
  ['The company said in a statement that it regretted the leak.', []],
  ['The minister told Anna Berg that the plan was dead.', []],
  ['Officials have been told to stay at home until Friday.', []],
];

function run() {
  const docs: Doc[] = ROWS.map(([text, , outlet], index) => ({
    id: `row${index}`,
    source: `row${index}.txt`,
    format: 'txt',
    text,
    meta: { ...emptyMeta(), outlet: outlet ?? null },
    messages: [],
    results: {},
  }));
  const stages = [cleanStage, segmentStage, mentionsStage, quotesStage, identityStage, provenanceStage];
  return runPipeline(docs, preparePipeline({}, stages));
}

const result = run();
const provenance = result.corpus.provenance!.provenance;

for (const [index, [text, expected]] of ROWS.entries()) {
  test(`cites: ${text}`, () => {
    const record = provenance.find((item) => item.doc === `row${index}`)!;
    ProvenanceSchema.parse(record);
    for (const cite of record.cites) assert.equal(text.slice(cite.start, cite.end), cite.name, 'the span slices the name');
    assert.deepEqual(
      record.cites.map((cite) => `${cite.name} | ${cite.kind} | ${cite.relation}`),
      expected,
    );
  });
}

test('a citation next to a quote belongs to that quote', () => {
  const index = ROWS.findIndex(([text]) => text.includes('told Reuters'));
  const [cite] = provenance.find((item) => item.doc === `row${index}`)!.cites;
  const quote = result.docs[index]!.results.quotes!.quotes.find((found) => found.id === cite!.quote);
  assert.ok(quote, 'the Reuters citation names its quote');
  assert.equal(quote.kind, 'direct');
});

test('cited names resolve to entities', () => {
  const index = ROWS.findIndex(([text]) => text.includes('according to Reuters'));
  const [cite] = provenance.find((item) => item.doc === `row${index}`)!.cites;
  const entity = result.corpus.identity!.entities.find((candidate) => candidate.id === cite!.entity);
  assert.equal(entity?.name, 'Reuters');
});

test('the citing outlet is the one the document names or was given', () => {
  const index = ROWS.findIndex(([, , outlet]) => outlet === 'Valleynews.com');
  assert.equal(provenance[index]!.outlet, 'Valleynews.com');
  assert.equal(provenance[0]!.outlet, null);
});

test('independent sources: relays of one agency, a copy and one outlet’s two articles each count once', async () => {
  const story = [
    'The Tallmoor bridge will stay closed until June after engineers found cracks in two of its steel supports.',
    'Drivers between Tallmoor and the port of Aldport face a detour of about 40 km through the hills while the repairs go on.',
    'The regional roads office said it would publish a full timetable for the works next week.',
  ].join('\n\n');
  const articles: { id: string; outlet: string; text: string }[] = [
    { id: 'planet', outlet: 'Daily Planet', text: 'Bridge to stay shut\n\nThe repairs will cost 4 million crowns, according to Reuters.' },
    { id: 'times', outlet: 'Eastbridge Times', text: 'Costly repairs\n\nThe repairs will cost 4 million crowns, Reuters reported.' },
    { id: 'wire', outlet: 'Valdoria Press Agency', text: `Cracks shut bridge\n\n${story}` },
    { id: 'copy', outlet: 'Coastline Radio', text: `Long detour for Tallmoor drivers\n\n${story}\n\nCoastline Radio will follow the story.` },
    { id: 'herald-1', outlet: 'Northgate Herald', text: 'Detour ahead\n\nThe bridge will reopen in June, the council said.' },
    { id: 'herald-2', outlet: 'Northgate Herald', text: 'Bridge update\n\nThe council said the bridge would reopen in June.' },
  ];
  const analysis = await analyze(articles.map(({ id, outlet, text }) => ({ content: text, source: `${id}.txt`, outlet })));
  const text = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  const claimWith = (words: string) => analysis.claims.find((claim) => claim.members.some((m) => text.get(m.doc)!.slice(m.start, m.end).includes(words)))!;
  const repairs = claimWith('will cost 4 million');
  assert.equal(new Set(repairs.members.map((m) => m.doc)).size, 2);
  assert.equal(repairs.independentSources, 1, 'two outlets relaying Reuters are one source');
  const detour = claimWith('face a detour');
  assert.equal(new Set(detour.members.map((m) => m.doc)).size, 2);
  assert.equal(detour.independentSources, 1, 'a copy counts with its original');
  assert.equal(claimWith('will reopen in June').independentSources, 1, 'one outlet twice, quoting one council');
});
