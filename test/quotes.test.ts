import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../src/document.js';
import { attributionOf } from '../src/quotes/attribution.js';
import { extractQuotes } from '../src/quotes/extract.js';
import { scanQuoteMarks } from '../src/quotes/marks.js';
import { carriesContent, isNegatedCue, isSpeakerMention, isSpeakerName } from '../src/quotes/plausible.js';
import { readSource } from '../src/quotes/speaker.js';
import { findChannel, findVia } from '../src/quotes/channel.js';
import { cleanStage } from '../src/stages/01-clean/index.js';
import { segmentStage } from '../src/stages/02-segment/index.js';
import { mentionsStage } from '../src/stages/03-mentions/index.js';
import { quotesStage, type FoundQuote } from '../src/stages/04-quotes/index.js';
import { tokenize } from '../src/text/tokens.js';
import { runStages } from './helpers/run.js';

function analyse(text: string): Doc {
  return runStages(text, [cleanStage, segmentStage, mentionsStage, quotesStage]);
}

const slice = (doc: Doc, span: { start: number; end: number } | null): string | null => (span ? doc.text.slice(span.start, span.end) : null);

function quoteWith(doc: Doc, fragment: string): FoundQuote | undefined {
  return doc.results.quotes?.quotes.find((quote) => slice(doc, quote.content)!.includes(fragment));
}

/** Each text analysed alone gives exactly these attributions, as [source as written, cue, content]. */
function assertAttributions(cases: readonly [string, readonly (readonly [string | null, string | null, string])[]][]): void {
  for (const [text, expected] of cases) {
    const doc = analyse(text);
    const found = (doc.results.quotes?.quotes ?? []).map((quote) => [slice(doc, quote.speaker.mention), slice(doc, quote.cue), slice(doc, quote.content)]);
    assert.deepEqual(found, expected, text);
  }
}

/** The attribution whose cue is `cue` in `text` analysed alone; fails the test when there is none. */
function attributionWithCue(text: string, cue: string): { doc: Doc; quote: FoundQuote } {
  const doc = analyse(text);
  const quote = doc.results.quotes?.quotes.find((q) => slice(doc, q.cue) === cue);
  assert.ok(quote, `${text}: no attribution with the cue "${cue}"`);
  return { doc, quote };
}

test('quote marks: pairs, nesting, apostrophes and paragraphs that reopen the mark', () => {
  const cases: [string, string[]][] = [
    ['He said “we will go” today.', ['“we will go”']],
    ['She said "we will go" today.', ['"we will go"']],
    ['The mayor’s office said ‘no comment’ again.', ['‘no comment’']],
    ['It was the voters’ choice, not the parties’ decision.', []],
    ['They called it «a disaster» on air.', ['«a disaster»']],
    ['“He told me ‘never again’ that night,” she said.', ['“He told me ‘never again’ that night,”', '‘never again’']],
  ];
  for (const [text, expected] of cases) {
    const scan = scanQuoteMarks(text, [{ start: 0, end: text.length }]);
    assert.deepEqual(
      scan.quotes.map((quote) => text.slice(quote.start, quote.end)),
      expected,
      text,
    );
  }
});

test('quote marks: a quote that reopens on each paragraph is one quote; one that never closes is reported', () => {
  const text = '“The first part of the plan is ready.\n\n“The second part comes next year,” he said.\n\nShe said “this one never ends.';
  const paragraphs = [...text.matchAll(/[^\n]+/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const scan = scanQuoteMarks(text, paragraphs);
  const outer = scan.quotes.filter((quote) => quote.depth === 0);
  assert.equal(outer[0]!.pieces.length, 2);
  assert.ok(text.slice(outer[0]!.start, outer[0]!.end).endsWith('next year,”'));
  assert.deepEqual(
    scan.problems.map((problem) => `${problem.kind} ${text.slice(problem.start, problem.end)}`),
    ['never-closed “this one never ends.'],
  );
});

test('speaker mentions: names, roles, appositives and descriptions', () => {
  const cases: [string, string, string | null, string | null][] = [
    // mention, shape, name, role
    ['Ivan Petrov', 'name', 'Ivan Petrov', null],
    ['Harbour Authority spokesman Tomas Reyes', 'name', 'Tomas Reyes', 'Harbour Authority spokesman'],
    ['Lena Ortiz, director of the Coastal Policy Institute in Lisbon', 'name', 'Lena Ortiz', 'director of the Coastal Policy Institute in Lisbon'],
    ['the regional envoy to the talks, Samir Haddad', 'name', 'Samir Haddad', 'the regional envoy to the talks'],
    ['Freedonia’s trade minister', 'role', null, 'Freedonia’s trade minister'],
    ['the close ally of Prime Minister Karl Brandt', 'description', null, 'the close ally of Prime Minister Karl Brandt'],
    ['she', 'pronoun', null, null],
    ['Interior Minister Dana Kerr', 'name', 'Dana Kerr', 'Interior Minister'],
  ];
  for (const [mention, shape, name, role] of cases) {
    const reading = readSource(mention, tokenize(mention));
    assert.deepEqual(
      [reading.shape, slice({ text: mention } as Doc, reading.name), slice({ text: mention } as Doc, reading.role)],
      [shape, name, role],
      mention,
    );
  }
});

test('channel and relay phrases', () => {
  const cases: [string, string | null, string | null][] = [
    ['he wrote on his Telegram channel, quoted by Reuters.', 'on his Telegram channel', 'Reuters'],
    ['the envoy told reporters in Geneva.', 'told reporters', null],
    ['she argued in a piece for Foreign Affairs.', 'in a piece for Foreign Affairs', null],
    ['the talks have stalled, reports The Guardian.', null, 'The Guardian'],
    ['he was quoted as saying by the state news agency, Interfax.', null, 'Interfax'],
    ['he said at the United Nations on Friday.', 'at the United Nations', null],
  ];
  for (const [text, channel, via] of cases) {
    const region = { start: 0, end: text.length };
    assert.deepEqual([findChannel(text, region, [], null)?.text ?? null, findVia(text, region, [])?.text ?? null], [channel, via], text);
  }
});

test('direct quotes: speakers, inverted cues, pronouns and continuations', () => {
  const doc = analyse(
    [
      'Port officials met on Tuesday to discuss the strike.',
      '',
      '“We will not reopen the docks until the talks resume,” said Ivan Petrov, the harbour master, on Telegram.',
      '',
      'Mayor Lena Ortiz said the city would pay the overtime bill.',
      '',
      '“The workers deserve a fair deal,” she said. “Nobody here wants a long dispute.”',
    ].join('\n'),
  );
  const petrov = quoteWith(doc, 'We will not reopen');
  assert.ok(petrov, 'the first direct quote is found');
  assert.equal(petrov.kind, 'direct');
  assert.equal(petrov.speaker.name, 'Ivan Petrov');
  assert.equal(petrov.channel?.text, 'on Telegram');

  const ortiz = quoteWith(doc, 'The workers deserve');
  assert.ok(ortiz);
  assert.equal(ortiz.speaker.name, 'Lena Ortiz');
  assert.equal(slice(doc, ortiz.speaker.mention), 'she');
  assert.equal(slice(doc, ortiz.speakerAntecedent), 'Lena Ortiz');

  const next = quoteWith(doc, 'Nobody here wants');
  assert.ok(next);
  assert.equal(next.continues, ortiz.id);
  assert.equal(next.speaker.name, 'Lena Ortiz');
});

test('scare quotes and names in quotation marks are not speech', () => {
  const doc = analyse('The navy began an exercise called “Northern Shield” on Monday.\n\nThe new “safety zone” covers the whole bay.');
  assert.deepEqual(doc.results.quotes?.quotes.map((quote) => slice(doc, quote.content)), []);
});

test('bad input: unbalanced marks, a quote that never closes and a very long quote do not crash', () => {
  const long = Array.from({ length: 20000 }, (_, i) => (i % 12 === 11 ? 'word.' : 'word')).join(' ');
  const doc = analyse(`The minister spoke at length.\n\n“${long}\n\nShe said the vote would go ahead.”`);
  assert.ok(doc.results.quotes);
  const unclosed = analyse('The spokesman said “we have nothing to add and the talks will go on.\n\nThe meeting ended late.');
  assert.ok(unclosed.messages.some((message) => message.rule === 'quotes/unbalanced'));
});

test('quotes inside removed debris are never reported, and every span stays inside the text', () => {
  const text = '“This is a teaser headline that links elsewhere,” says a reader.\n\n“We expect a decision by Friday,” the agency said in a statement.';
  const paragraphs = [...text.matchAll(/[^\n]+/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const removed = [paragraphs[0]!];
  const sentences = paragraphs.slice(1).map((p) => ({ ...p, tokens: tokenize(text, p.start, p.end) }));
  const result = extractQuotes({ text, sentences, paragraphs, removed, mentions: [], titles: [] });
  assert.equal(result.quotes.length, 1);
  const quote = result.quotes[0]!;
  assert.ok(text.slice(quote.content.start, quote.content.end).startsWith('“We expect'));
  for (const span of [quote.content, quote.cue, quote.speaker.mention, quote.channel]) {
    if (!span) continue;
    assert.ok(span.start >= paragraphs[1]!.start && span.end <= text.length && span.start < span.end);
  }
  assert.equal(quote.channel?.text, 'in a statement');
});

test('speaker names: forms of address, roles without a name, modifiers and "according to"', () => {
  const cases: [string, string, string | null, string | null][] = [
    // text, content fragment, speaker name, role
    ['“We will not leave the port,” Mr Karlsson said on Monday.', 'We will not leave', 'Karlsson', null],
    ['“We will not leave the port,” said Mr. Karlsson, the harbour chief.', 'We will not leave', 'Karlsson', 'the harbour chief'],
    ['The harbour chief Mr Karlsson said the strike would end soon.', 'the strike would end', 'Karlsson', 'The harbour chief'],
    ['According to the mayor, the bridge will reopen in May.', 'the bridge will reopen', 'the mayor', 'the mayor'],
    ['According to classified Pentagon documents obtained by the newspaper, the army moved two brigades.', 'the army moved', 'classified Pentagon documents obtained by the newspaper', 'classified Pentagon documents obtained by the newspaper'],
    ['According to classified documents seen by the paper, Freedonia, Sylvania and Carpathia have built a joint “command centre” near the border.', 'Freedonia, Sylvania', 'classified documents seen by the paper', 'classified documents seen by the paper'],
    ['According to the spokesperson for the harbour authority, Lena Ortiz, the docks will reopen on Monday.', 'the docks will reopen', 'Lena Ortiz', 'the spokesperson for the harbour authority'],
    ['The union has also “acknowledged the active role of the regional mediators” in the talks.', 'acknowledged the active role', 'The union', 'The union'],
  ];
  for (const [text, fragment, name, role] of cases) {
    const doc = analyse(text);
    const quote = quoteWith(doc, fragment);
    assert.ok(quote, text);
    assert.deepEqual([quote.speaker.name, quote.speaker.role], [name, role], text);
  }
  const reading = readSource('Freedonia’s foreign minister', tokenize('Freedonia’s foreign minister'));
  assert.equal(reading.name, null);
});

test('speaker resolution: appositive names, hearsay, cataphoric roles, subjects before pronouns', () => {
  const cases: [string, string, string | null][] = [
    // text, content fragment, speaker name as the quote stage resolves it
    ['The leader of Sylvania’s northern province, Aldo Brenner, has said he supports the strikers.', 'he supports the strikers', 'Aldo Brenner'],
    ['Freedonia is said to be preparing a new offensive near the border.', 'to be preparing', null],
    [
      'The head of the Harbour Legion has said he is ready to send volunteers. Some, like Tomas Vell, head of the Harbour Legion, say the port is at risk.',
      'he is ready to send',
      'Tomas Vell',
    ],
    [
      '“The talks went well,” Ana Moro, a trade analyst, said. It comes as President Rudolf Kane has blamed the neighbours for the unrest. He offered himself as a mediator, saying the neighbours had failed to keep their word.',
      'the neighbours had failed',
      'Rudolf Kane',
    ],
    [
      'It comes as President Rudolf Kane has blamed the neighbours for the unrest. He offered himself as a go-between saying the neighbours had broken the truce.',
      'the neighbours had broken',
      'Rudolf Kane',
    ],
    ['However, as Maria Lund, the director of the Nordic Energy Programme at the Harbour Institute, noted in a piece for the Northern Review: “The port cannot wait.”', 'The port cannot wait', 'Maria Lund'],
    ['Residents we spoke to said the first tanker arrived only after dark.', 'the first tanker arrived', 'Residents'],
    ['Days after the flood began, President Rudolf Kane said he feared the dam could fail.', 'he feared the dam', 'Rudolf Kane'],
  ];
  for (const [text, fragment, name] of cases) {
    const doc = analyse(text);
    const quote = quoteWith(doc, fragment);
    assert.ok(quote, text);
    assert.equal(quote.speaker.name, name, text);
    assert.ok(!slice(doc, quote.content)!.includes('Rudolf Kane said'), 'content never swallows its own speaker');
  }
});

test('a cue-less quote paragraph continues the last speaker quoted, not the holder of a belief in between', () => {
  const doc = analyse(
    '“Talks are the only way,” the spokeswoman Lena Ortiz was quoted as saying.\n\n' +
      'Sylvania also sees the crisis as the result of a mistake by the council, which is known to block several UN resolutions.\n\n' +
      '“We consider the escalation a direct consequence of ignoring those resolutions.”',
  );
  const quote = quoteWith(doc, 'We consider the escalation');
  assert.ok(quote);
  assert.equal(quote.speaker.name, 'Lena Ortiz');
  assert.ok(quote.continues);
});

test('a channel before a colon is not content; "noted in" keeps "noted" as the cue', () => {
  const doc = analyse('As Maria Lund, a fellow at the Harbour Institute, noted in a piece for the Courier: “The port cannot wait.”');
  const quote = quoteWith(doc, 'The port cannot wait');
  assert.ok(quote);
  assert.equal(slice(doc, quote.content), '“The port cannot wait.”');
  assert.equal(slice(doc, quote.cue), 'noted');
  assert.equal(quote.speaker.name, 'Maria Lund');
});

test('"…, the Courier has been told": an unnamed source, the outlet as channel', () => {
  const doc = analyse('The plant may have leaked for two days before anyone noticed, the Riverside Courier has been told.');
  const quote = quoteWith(doc, 'may have leaked');
  assert.ok(quote);
  assert.equal(quote.speaker.name, null);
  assert.equal(slice(doc, quote.content), 'The plant may have leaked for two days before anyone noticed');
  assert.equal(slice(doc, quote.cue), 'has been told');
  assert.equal(quote.channel?.text, 'the Riverside Courier has been told');
});

test('what may stand as a speaker, as content and as a cue', () => {
  const speakers: [string, boolean][] = [
    ['Mira Esk', true],
    ['a company spokeswoman', true],
    ['Iran’s foreign minister', true],
    ['Campaigners from Almer Watch', true],
    ['Israel Defense Forces (IDF)', true],
    ['46 percent', true],
    ['she', true],
    ['some', true],
    ['13/3)', false],
    ['9.30', false],
    ['who say the leak', false],
    ["her group's", false],
    ['Kessering’s', false],
    ['The', false],
    ['Residents we spoke to', false],
    ['the council has', false],
    ['Only', false],
    ['(VPA', false],
  ];
  assert.deepEqual(speakers.map(([name]) => [name, isSpeakerName(name)]), speakers);
  const mentions: [string, boolean][] = [
    ['Harbour chief and close ally of the Brenna mayor Ada Rimm, Piet Lorn', true],
    ['lawyers for the family', true],
    ['he', true],
    ['who', true],
    ["at Tuesday's hearing", false],
    ['under a low grey sky that', false],
    ['a rather long talk about', false],
    ['among the crews ―', false],
    ['For instance', false],
  ];
  assert.deepEqual(mentions.map(([mention]) => [mention, isSpeakerMention(mention)]), mentions);
  const contents: [string, boolean][] = [
    ['this', false],
    ['by', false],
    ['it', false],
    ['“so”', false],
    ['No injuries', true],
    ['the inquiry', true],
  ];
  assert.deepEqual(contents.map(([content]) => [content, carriesContent(content)]), contents);
  const cues: [string, boolean][] = [
    ['did not say', true],
    ['have not said', true],
    ['has never declared', true],
    ["didn't say", true],
    ['declined to', true],
    ['said', false],
    ['has denied', false],
    ['noted', false],
  ];
  assert.deepEqual(cues.map(([cue]) => [cue, isNegatedCue(cue)]), cues);
});

test('speakers the labeller gets half right, and what is no quote at all', () => {
  // text, content fragment, speaker name as the quote stage gives it (null: none), or no quote
  // (undefined); a fourth `true` when the cue says the content was not said ("did not say")
  const cases: [string, string, string | null | undefined, true?][] = [
    ['Health officials on Monday (4/11) told fishing crews to stay in port.', 'stay in port', 'Health officials'],
    ['BRENNA, November 4 - Port officials on Monday (4/11) told crews to keep their boats in the basin.', 'in the basin', 'Port officials'],
    ['The council did not say how long the repairs would take.', 'how long the repairs', 'The council', true],
    ['The Harbour Authority has never declared the old pier unsafe.', 'the old pier', 'The Harbour Authority', true],
    ['A spokesman for the council is not saying how much the repairs cost.', 'how much the repairs', 'A spokesman for the council', true],
    ['The claim could not be independently checked.', 'could not be', undefined],
    ['The Harbour Authority has denied this.', 'this', undefined],
    ['The deal has been condemned by the guild as a “reckless gamble”, reports the Brenna Gazette.', 'reckless gamble', 'the guild'],
    ['The deal has been condemned by the guild as a “reckless gamble”, reports the Brenna Gazette.', 'Brenna Gazette', undefined],
    ['Dockworkers from the Port Union, who say the cranes were never inspected, welcomed the review.', 'the cranes were never', 'Dockworkers from the Port Union'],
    ['Dockworkers from the Port Union, who say the cranes were never inspected, welcomed the review.', 'the review', 'Dockworkers from the Port Union'],
    ['Councillor Ada Rimm will vote for the deal on Thursday, her office said.', 'will vote for the deal', "Ada Rimm's office"],
    ["Piet Lorn, who chairs the guild, repeated his members' claim that the wall cracked in March.", 'the wall cracked', "Piet Lorn's members"],
    ['Lena Sarr, an analyst, said the talks between Brenna, Vessel Lines, and Ostport could fail.', 'Ostport could fail', 'Lena Sarr'],
    ['The Northern Ferry Company reportedly praised Rimm personally for her patience.', 'Rimm personally', 'The Northern Ferry Company'],
    ['Brenna and Ostport have stopped short of backing the plan. They have called for a joint inspection.', 'a joint inspection', 'Brenna and Ostport'],
    ['The authority expects the pier to reopen soon, a spokesman said.', 'The authority expects', 'a spokesman'],
    ["The Harbour Workers' Union said the vote was close.", 'the vote was close', "The Harbour Workers' Union"],
    ['The movement’s armed wing Sarun issued a statement that its fighters had withdrawn.', 'its fighters had withdrawn', 'Sarun'],
    ['Health officials said the risk was low. The regional health office said testing would continue.', 'testing would continue', 'The regional health office'],
    ['Crews on the ferries voted on Wednesday to strike next week, their union said. The Harbour Workers’ Union said most members had voted.', 'Crews on the ferries', 'Harbour Workers’ Union'],
    ['Ines Roe said volunteers had noticed a sharp smell near the plant over the weekend.', 'over the weekend', 'Ines Roe'],
    // "is known to" says what is commonly held, by no one in particular: not the sentence's subject's belief.
    ['The guild sees the delay as a mistake by the board, which is known to always block new piers.', 'always block', undefined],
  ];
  for (const [text, fragment, name, negated = false] of cases) {
    const doc = analyse(text);
    const quote = quoteWith(doc, fragment);
    if (name === undefined) {
      assert.equal(quote, undefined, text);
      continue;
    }
    assert.ok(quote, text);
    assert.equal(quote.speaker.name, name, text);
    assert.equal(quote.negated, negated, text);
  }
  const channelled = analyse('Mira Holt, the plant’s director, said in a statement on Tuesday that the company took full responsibility.');
  const statement = quoteWith(channelled, 'took full responsibility');
  assert.equal(slice(channelled, statement?.content ?? null), 'that the company took full responsibility');
  assert.equal(statement?.channel?.text, 'in a statement on Tuesday');
});

test('attributions beyond speech verbs: evidence, beliefs, accusations, refusals, colons and trailing participles', () => {
  // text, then the attribution whose cue is given: source as written, cue, content, kind
  const cases: [string, string, string, string, 'speech' | 'belief' | 'evidence' | 'accusation'][] = [
    ['Polls show the mayor trailing by six points.', 'Polls', 'show', 'the mayor trailing by six points', 'evidence'],
    ['The leaked documents reveal that the ferry contract was signed in May.', 'The leaked documents', 'reveal', 'that the ferry contract was signed in May', 'evidence'],
    ['Investigators found that the crane had not been inspected since 2019.', 'Investigators', 'found', 'that the crane had not been inspected since 2019', 'evidence'],
    ['The union accused the port authority of hiding the safety report.', 'The union', 'accused', 'the port authority of hiding the safety report', 'accusation'],
    // A cue noun inside the content ("a warning about") does not cut it in two.
    ['The union accused the port authority of ignoring a warning about the crane.', 'The union', 'accused', 'the port authority of ignoring a warning about the crane', 'accusation'],
    ['Mayor Ada Rimm believes the pier can reopen by spring.', 'Mayor Ada Rimm', 'believes', 'the pier can reopen by spring', 'belief'],
    ['Lena Sarr, the harbour master, declined to comment on the collapse.', 'Lena Sarr, the harbour master', 'declined', 'to comment on the collapse', 'speech'],
    ['Councillor Piet Lorn wants a public inquiry into the collapse.', 'Councillor Piet Lorn', 'wants', 'a public inquiry into the collapse', 'belief'],
    ['The Green Party supports the new ferry timetable.', 'The Green Party', 'supports', 'the new ferry timetable', 'belief'],
    ['Dockworkers called for an independent review of the cranes.', 'Dockworkers', 'called for', 'an independent review of the cranes', 'belief'],
    ['The ferry operator: crossings resume on Monday.', 'The ferry operator', ':', 'crossings resume on Monday', 'speech'],
    ['Mira Holt praised the crews on Monday, adding that the repairs would take a month.', 'Mira Holt', 'adding', 'that the repairs would take a month', 'speech'],
    ['The port authority reopened the north quay on Friday, noting that no ferries had been damaged.', 'The port authority', 'noting', 'that no ferries had been damaged', 'speech'],
    ['Ada Rimm visited the shipyard on Tuesday, telling workers that the contracts were safe.', 'Ada Rimm', 'telling', 'that the contracts were safe', 'speech'],
    ['The guild published its own figures, suggesting the ferry losses were far smaller.', 'The guild', 'suggesting', 'the ferry losses were far smaller', 'speech'],
  ];
  for (const [text, source, cue, content, kind] of cases) {
    const { doc, quote } = attributionWithCue(text, cue);
    assert.deepEqual(
      { source: slice(doc, quote.speaker.mention), content: slice(doc, quote.content), kind: quote.attributionKind, negated: quote.negated },
      // A refusal is on the record, and what it refuses is not said.
      { source, content, kind, negated: cue === 'declined' },
      text,
    );
  }
});

test('the kind of an attribution is read from its cue and source; the speech option keeps only speech', () => {
  // cue, source, content in quotation marks, kind (null: a cue that names none, left out by default)
  const kinds: [string, string | null, boolean, string | null][] = [
    ['said', 'the minister', false, 'speech'],
    ['said', 'the report', false, 'evidence'],
    ['according to', 'a new survey', false, 'evidence'],
    ['believes', 'she', false, 'belief'],
    ['accused', 'the union', false, 'accusation'],
    ['blamed', 'Rimm', false, 'accusation'],
    ['has called for', 'the guild', false, 'belief'],
    ['called', 'the guild', true, 'speech'],
    [':', 'The ministry', false, 'speech'],
    ['recalled', 'Rimm', false, 'speech'],
    ['revealed', 'Hamas', false, 'speech'],
    ['show', null, false, 'evidence'],
    ['found', '9 percent', false, 'belief'],
    ['has led to', 'it', false, null],
    ['went on', 'he', true, 'speech'],
  ];
  assert.deepEqual(kinds.map(([cue, source, quoted]) => [cue, source, quoted, attributionOf(cue, source, quoted)]), kinds);
  const text = 'Mayor Ada Rimm believes the pier can reopen by spring. Her deputy said the repairs would take a month.';
  const cut = text.indexOf(' Her deputy');
  const sentences = [{ start: 0, end: cut }, { start: cut + 1, end: text.length }].map((span) => ({ ...span, tokens: tokenize(text, span.start, span.end) }));
  const input = { text, sentences, paragraphs: [{ start: 0, end: text.length }], removed: [], mentions: [], titles: [] };
  const speechOnly = extractQuotes(input, undefined, { attributions: 'speech' }).quotes;
  assert.deepEqual(speechOnly.map((quote) => [text.slice(quote.content.start, quote.content.end), quote.attribution]), [['the repairs would take a month', 'speech']]);
  const all = extractQuotes(input).quotes;
  assert.deepEqual(all.map((quote) => quote.attribution), ['belief', 'speech']);
});

test('coordinated cues with one subject are two attributions; "and" followed by a mere verb is not', () => {
  // text, then every attribution as [source as written, cue, content]
  const cases: [string, [string, string, string][]][] = [
    ['The harbour master, Ines Vold, said the quay would reopen and called the delay “unavoidable”.', [
      ['The harbour master, Ines Vold', 'said', 'the quay would reopen'],
      ['The harbour master, Ines Vold', 'called', 'the delay “unavoidable”'],
    ]],
    ['The port board said the crane was safe and added that repairs would start in May.', [
      ['The port board', 'said', 'the crane was safe'],
      ['The port board', 'added', 'that repairs would start in May'],
    ]],
    ['Mayor Ada Rimm said the deal was fair and later warned that the vote would be close.', [
      ['Mayor Ada Rimm', 'said', 'the deal was fair'],
      ['Mayor Ada Rimm', 'warned', 'that the vote would be close'],
    ]],
    ['Rimm says the pier is safe and insists the repairs can wait.', [
      ['Rimm', 'says', 'the pier is safe'],
      ['Rimm', 'insists', 'the repairs can wait'],
    ]],
    ['The guild said fuel prices rose and added pressure on small crews.', [['The guild', 'said', 'fuel prices rose and added pressure on small crews']]],
    ['Piet Lorn said the crews and the owners agreed.', [['Piet Lorn', 'said', 'the crews and the owners agreed']]],
  ];
  assertAttributions(cases);
});

test('named actors speaking together are the group, with no one entity; holding back is not an attribution', () => {
  // text, content fragment, speaker name, role, or no attribution with that content (undefined)
  const cases: [string, string, string | undefined, string | null][] = [
    ['The towns of Kell and Amsby said the ferry plan was rushed.', 'was rushed', 'Kell and Amsby', 'The towns of Kell and Amsby'],
    ['Kell, Amsby and Dorn said the ferry plan was rushed.', 'was rushed', 'Kell, Amsby and Dorn', null],
    ['The spokesman for Kell and Amsby said the ferry plan was rushed.', 'was rushed', 'The spokesman for Kell and Amsby', 'The spokesman for Kell and Amsby'],
    ['The towns of Kell and Amsby have stopped short of backing the plan.', 'backing the plan', undefined, null],
    ['The towns of Kell and Amsby stopped short of backing the plan. They called for a joint survey.', 'a joint survey', 'Kell and Amsby', null],
  ];
  for (const [text, fragment, name, role] of cases) {
    const doc = analyse(text);
    const quote = quoteWith(doc, fragment);
    if (name === undefined) {
      assert.equal(quote, undefined, text);
      continue;
    }
    assert.ok(quote, text);
    assert.deepEqual({ name: quote.speaker.name, role: quote.speaker.role }, { name, role }, text);
    assert.equal(quote.speakerGroup, name !== 'The spokesman for Kell and Amsby', text);
  }
});

test('a source mention keeps its relative clause and the body it belongs to; content leaves out the one told', () => {
  // text, cue, then source as written, speaker name, content
  const cases: [string, string, string, string, string][] = [
    ['Peter Vold, a lawyer for the guild, who has fought the port board for years, said the deal was unlawful.', 'said', 'Peter Vold, a lawyer for the guild, who has fought the port board for years', 'Peter Vold', 'the deal was unlawful'],
    ['The Commission on Harbour Safety says the crane was faulty.', 'says', 'The Commission on Harbour Safety', 'The Commission on Harbour Safety', 'the crane was faulty'],
    ['Mira Holt on Monday said the quay was safe.', 'said', 'Mira Holt', 'Mira Holt', 'the quay was safe'],
    ['Ada Rimm told the Harbour Gazette on Friday that the pier would reopen.', 'told', 'Ada Rimm', 'Ada Rimm', 'that the pier would reopen'],
    ['The guild warned members to avoid the quay that was damaged.', 'warned', 'The guild', 'The guild', 'members to avoid the quay that was damaged'],
  ];
  for (const [text, cue, source, name, content] of cases) {
    const { doc, quote } = attributionWithCue(text, cue);
    assert.deepEqual({ source: slice(doc, quote.speaker.mention), name: quote.speaker.name, content: slice(doc, quote.content) }, { source, name, content }, text);
  }
  // A relative clause with an attribution of its own is that attribution's, not the mention's.
  const doc = analyse('Dockworkers from the Port Union, who say the cranes were never inspected, welcomed the review.');
  const welcomed = doc.results.quotes?.quotes.find((q) => slice(doc, q.cue) === 'welcomed');
  assert.ok(welcomed && !slice(doc, welcomed.speaker.mention)!.includes('cranes'));
});

test('"it" as a speaker is the organisation the sentence before opens with, else no one', () => {
  // text, cue, the speaker's name
  const cases: [string, string, string | null][] = [
    ['The Brenna Ferry Company, which runs the night crossings, employs 300 crew. It said the ferries would sail on Friday.', 'said', 'Brenna Ferry Company'],
    ['The Portmere Harbour Board met on Monday. It said the quay would reopen.', 'said', 'Portmere Harbour Board'],
    ['The river rose again on Monday. It said the floods would pass.', 'said', null],
    ['Crews praised the Brenna Ferry Company on Monday. It said the strike was over.', 'said', null],
  ];
  for (const [text, cue, name] of cases) {
    const { quote } = attributionWithCue(text, cue);
    assert.equal(quote.speaker.name, name, text);
  }
});

test('a relative pronoun that speaks stands for the noun phrase before it, not the whole clause', () => {
  // text, cue, the speaker's name
  const cases: [string, string, string][] = [
    ['The delay is also good for the Harbour Board, which wants to close the pier.', 'wants', 'the Harbour Board'],
    ['The floods were a gift to Mayor Ada Rimm, who says the dam must be raised.', 'says', 'Ada Rimm'],
    ['Dockworkers from the Port Union, who say the cranes were never inspected, welcomed the review.', 'say', 'Dockworkers from the Port Union'],
  ];
  for (const [text, cue, name] of cases) {
    const { quote } = attributionWithCue(text, cue);
    assert.equal(quote.speaker.name, name, text);
  }
});

test('a word capitalised only because it opens the sentence is no part of a speaker\'s name', () => {
  const { quote } = attributionWithCue('With Labour councillors increasingly worried about the toll, the mayor spoke.', 'increasingly worried about');
  assert.match(quote.speaker.name ?? '', /^Labour\b/u);
});

test('what the tagger marks is kept as a reader would: descriptions, pieces apart, signatures and stray marks', () => {
  // text, then every attribution as [source as written, cue, content]
  const cases: [string, [string | null, string | null, string][]][] = [
    // A description with "on" in it stays in the mention ("works on"), the name is still read alone.
    ['“The borders have simply gone,” said Ivo Brand, a retired harbour pilot who works on river safety at the Kessering Institute.', [
      ['Ivo Brand, a retired harbour pilot who works on river safety at the Kessering Institute', 'said', '“The borders have simply gone,”'],
    ]],
    // Content far from its cue is a second report, with the nearest free cue and the clause's subject.
    ['Dozens of dockers again called for an inquiry into the spill, marching past the harbour office and the old fish market in the rain while chanting, “Open the books now.”', [
      ['Dozens of dockers', 'called for', 'an inquiry into the spill'],
      ['Dozens of dockers', 'chanting', '“Open the books now.”'],
    ]],
    // After a preposition a participle is a gerund, not a second cue.
    ['Lorn says the mayor was right in saying the quay needed repairs.', [['Lorn', 'says', 'the mayor was right in saying the quay needed repairs']]],
    // The question put to the speaker is not part of the answer.
    ['Asked to describe the leaking tank, Esk said, “Not going to go into that.”', [['Esk', 'said', '“Not going to go into that.”']]],
    // What the cue's clause goes on to do after a quote is not said.
    ['“Nobody has told us when the water is safe,” she said after reading the council notice.', [['she', 'said', '“Nobody has told us when the water is safe,”']]],
    // The stance is what was expressed.
    ['Mayor Ada Rimm expressed support for Ostport and warned that the ferry would be late.', [
      ['Mayor Ada Rimm', 'expressed', 'support for Ostport'],
      ['Mayor Ada Rimm', 'warned', 'that the ferry would be late'],
    ]],
    // A name signed under a quote after a dash.
    ['Readers on the spill\n\n“The river was never safe and the council knew it.” ― Tessa Marn\n“I will not drink the tap water again.” ― Jon Ekdal\n', [
      ['Tessa Marn', '―', '“The river was never safe and the council knew it.”'],
      ['Jon Ekdal', '―', '“I will not drink the tap water again.”'],
    ]],
    // A quoted sentence is kept however plain its words.
    ['The harbour master told the crews: “It is up to us.”', [['The harbour master', 'told', '“It is up to us.”']]],
    // A picture credit under a quote is not its speaker.
    ['Readers on the spill\n\n“The river has never looked this brown in forty years.” ― Getty Images\n', [[null, null, '“The river has never looked this brown in forty years.”']]],
    // A name that only ends like a credit ("Schaap", not "AP") still signs.
    ['Readers on the spill\n\n“The council never warned the farms downstream.” ― Ida Schaap\n', [['Ida Schaap', '―', '“The council never warned the farms downstream.”']]],
    // A closing mark typed where the quote opens still opens it.
    ['Readers on the spill\n\n”The council hid the figures for a week.” ― Tessa Marn\n', [['Tessa Marn', '―', '”The council hid the figures for a week.”']]],
    // Nouns and names ending in "-ly" are not trailing adverbs.
    ['The crew was cleared on Thursday, lawyers for the family said.', [['lawyers for the family', 'said', 'The crew was cleared on Thursday']]],
    ['“The ferry talks went well,” said the Valdorian envoy to Italy.', [['the Valdorian envoy to Italy', 'said', '“The ferry talks went well,”']]],
    // A record closing the sentence reports the clause before it.
    ['Large parts of the harbour are divided by income, other studies have shown.', [['other studies', 'have shown', 'Large parts of the harbour are divided by income']]],
    // A time inside the speaker's relative clause is the clause's, not when it was said.
    ['Former Governor Ed Rand, who chaired the port board during the 2010 floods, agreed that the rules should change.', [
      ['Former Governor Ed Rand, who chaired the port board during the 2010 floods', 'agreed', 'that the rules should change'],
    ]],
    // A speaker cut by the sentence split after an abbreviation goes on.
    ['“The ferry will sail,” said Rep. Jo Crow (D-N.Y.), a leading advocate for river towns.', [['Rep. Jo Crow (D-N.Y.), a leading advocate for river towns', 'said', '“The ferry will sail,”']]],
    // A whole quoted sentence that no one before it can carry on: reported, its speaker unknown.
    ['Readers on the spill\n\n“This could be the worst spill the river has seen.”', [[null, null, '“This could be the worst spill the river has seen.”']]],
  ];
  assertAttributions(cases);
});
