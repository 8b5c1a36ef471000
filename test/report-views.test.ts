/**
 * The timeline, actor network and framing views of the report, and the network's GraphML and JSON
 * exports, on a hand-made analysis (test/helpers/views-analysis.ts): what a reader sees, that
 * every evidence link lands on its words, that empty views say so, that the drawing and the
 * GraphML are well-formed XML with everything escaped, and that the work stays linear.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from 'linkedom';
import { renderReport } from '../src/index.js';
import type { Analysis } from '../src/contract.js';
import { escapeXml } from '../src/report/escape.js';
import { actorNetwork } from '../src/report/graph.js';
import { truncate } from '../src/report/present.js';
import { nestLayers, type Layer } from '../src/report/layers.js';
import { formatDate } from '../src/report/timeline.js';
import { emptyAnalysis, spanOf, viewsAnalysis } from './helpers/views-analysis.js';

const flat = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

function page(analysis: Analysis) {
  return new DOMParser().parseFromString(renderReport(analysis, 'html'), 'text/html');
}

/** The section from its h2 to the next h2, as the rows and text a reader scans. */
function section(document: ReturnType<typeof page>, id: string) {
  const heading = document.getElementById(id);
  assert.ok(heading, `the report has a section #${id}`);
  const elements: (typeof heading)[] = [];
  for (let element = heading.nextElementSibling; element && element.tagName !== 'H2'; element = element.nextElementSibling) elements.push(element);
  const rows = (tableIndex = 0) => [...(elements.filter((element) => element.tagName === 'TABLE')[tableIndex]?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.querySelectorAll('td')].map((cell) => flat(cell.textContent)));
  return { elements, rows, text: flat(elements.map((element) => element.textContent).join(' ')) };
}

/** Every link in the page lands on an element that holds exactly the words of the span it names. */
function assertLinksLand(document: ReturnType<typeof page>, analysis: Analysis, container: ReturnType<typeof section>, spans: { doc: string; start: number; end: number }[]) {
  const number = new Map(analysis.documents.map((doc, index) => [doc.id, index + 1]));
  const text = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  const hrefs = new Set(container.elements.flatMap((element) => [...element.querySelectorAll('a[href]')].map((link) => link.getAttribute('href')!)));
  for (const span of spans) {
    const anchor = [...hrefs].find((href) => new RegExp(`^#d${number.get(span.doc)}-[a-z]${span.start}-${span.end}$`).test(href));
    assert.ok(anchor, `a link to ${span.doc} ${span.start}–${span.end}`);
    assert.equal(document.getElementById(anchor.slice(1))?.textContent, text.get(span.doc)!.slice(span.start, span.end), `${anchor} holds its words`);
  }
}

test('views: dates read at their precision, ranges of whole months and years read as such', () => {
  const cases: [date: string, until: string | null, precision: Parameters<typeof formatDate>[2], shown: string][] = [
    ['2023-10-09', null, 'day', '9 October 2023'],
    ['2023-10', null, 'month', 'October 2023'],
    ['2023-10-01', null, 'month', 'October 2023'],
    ['2011', null, 'year', '2011'],
    ['2023-10-09T08:30:00Z', null, 'day', '9 October 2023'],
    ['2023-10-09', '2023-10-12', 'range', '9–12 October 2023'],
    ['2023-09-28', '2023-10-03', 'range', '28 September – 3 October 2023'],
    ['2022-12-28', '2023-01-03', 'range', '28 December 2022 – 3 January 2023'],
    ['2015-01-01', '2020-12-31', 'range', '2015–2020'],
    ['2023-01-01', '2023-12-31', 'range', '2023'],
    ['2023-10-01', '2023-11-30', 'range', 'October–November 2023'],
    ['2023-10-01', '2023-10-31', 'range', 'October 2023'],
    ['2024-02-01', '2024-02-29', 'range', 'February 2024'],
    ['2022-11-01', '2023-02-28', 'range', 'November 2022 – February 2023'],
    ['2015', '2020', 'range', '2015–2020'],
    ['2023-10-09', '2023-10-09', 'range', '9 October 2023'],
    ['2023-10-09', null, 'range', '9 October 2023'],
    ['2023-13-40', null, 'day', '2023-13-40'],
    ['sometime', null, 'year', 'sometime'],
  ];
  for (const [date, until, precision, shown] of cases) assert.equal(formatDate(date, until, precision), shown, `${date} ${until ?? ''} ${precision}`);
});

test('views: the timeline lists events earliest first, with actors by name and every outlet linked to its words', () => {
  const analysis = viewsAnalysis();
  const document = page(analysis);
  const timeline = section(document, 'timeline');
  assert.deepEqual(
    timeline.rows().map((row) => row.slice(0, 4)),
    [
      ['2023 inferred', 'Lind met the mediator Piet Varga in Tarsk', 'Ada Lind, Piet Varga', 'Coast Courier'],
      ['4 March 2024', 'Velmora accused Ostrin of shelling the border post at Kerrin', 'Velmora, Ostrin', 'Harbour Ledger'],
      ['9 March 2024', 'Ostrin troops crossed the river', 'Ostrin', 'Harbour Ledger, Coast Courier'],
    ],
  );
  assert.deepEqual(
    timeline.rows().map((row) => row[4]),
    ['“last year” counted from the latest date the article names; inferred', '“on Monday” counted from the publication date', '“9 March 2024”“Saturday (9/3/2024)”'],
  );
  const spans = analysis.timeline.flatMap((item) => [...item.evidence, ...item.dates]);
  assertLinksLand(document, analysis, timeline, spans);
  assert.deepEqual(timeline.rows(1), [
    ['ledger', 'Harbour Ledger', 'published 11 March 2024'],
    ['courier', 'Coast Courier', 'no date given; written on or after 9 March 2024, inferred from “Saturday (9/3/2024)”'],
  ]);
  assertLinksLand(document, analysis, timeline, analysis.dating[1]!.evidence);
});

test('views: with several stories, the timeline has one table per story', () => {
  const analysis = viewsAnalysis();
  analysis.stories = [
    { id: 'story-raid', label: 'Ostrin, Velmora: raid', documents: ['ledger', 'courier'], actors: [], terms: [] },
    { id: 'story-talks', label: 'Lind, Varga: talks', documents: ['courier'], actors: [], terms: [] },
  ];
  for (const item of analysis.timeline) item.story = item.id === 'timeline-2' ? 'story-talks' : 'story-raid';
  const timeline = section(page(analysis), 'timeline');
  assert.deepEqual(
    timeline.elements.filter((element) => element.tagName === 'H3').map((heading) => heading.textContent),
    ['Lind, Varga: talks', 'Ostrin, Velmora: raid', 'When each document was written'],
    'stories in the order of their earliest event',
  );
  assert.deepEqual(timeline.rows(0).map((row) => row[0]), ['2023 inferred']);
  assert.deepEqual(timeline.rows(1).map((row) => row[0]), ['4 March 2024', '9 March 2024']);
  assert.match(renderReport(analysis, 'md'), /### Lind, Varga: talks\n\n\| when \|/);
});

test('views: the timeline in Markdown keeps the order, the precision and the evidence', () => {
  const markdown = renderReport(viewsAnalysis(), 'md');
  const rows = markdown.split('\n').filter((line) => /^\| (?:2023|4 March|9 March)/.test(line));
  assert.deepEqual(
    rows.map((row) => row.split(' | ')[0]),
    ['| 2023 (inferred)', '| 4 March 2024', '| 9 March 2024'],
  );
  assert.match(rows[2]!, /Harbour Ledger \(ledger \d+–\d+\); Coast Courier \(courier \d+–\d+\)/);
  assert.match(markdown, /\| courier \| Coast Courier \| no date given; written on or after 9 March 2024, inferred from courier \d+–\d+ \|/);
});

test('views: the network draws actors sized by mentions and labelled, coloured arrows that link to their rows', () => {
  const analysis = viewsAnalysis();
  const document = page(analysis);
  const network = section(document, 'relations');
  const svg = document.querySelector('svg.network');
  assert.ok(svg, 'an inline drawing');
  const circles = [...svg.querySelectorAll('circle')];
  const names = [...svg.querySelectorAll('text.node-label')].map((label) => label.textContent);
  assert.deepEqual(names, ['Ostrin', 'Velmora', 'Ada Lind', 'Piet Varga'], 'the hub first, then by connections and mentions');
  const radius = new Map(names.map((name, index) => [name, Number(circles[index]!.getAttribute('r'))]));
  assert.ok(radius.get('Ostrin')! > radius.get('Velmora')! && radius.get('Velmora')! > radius.get('Piet Varga')!, 'more mentions, a larger circle');
  const edges = [...svg.querySelectorAll('a[href^="#relation-"]')];
  assert.deepEqual(
    edges.map((edge) => `${edge.getAttribute('href')} ${edge.querySelector('text')!.textContent}`),
    ['#relation-1 accuses', '#relation-2 not attacks', '#relation-3 meets', '#relation-4 visits?', '#relation-5 opposes'],
    'the relation with no object is in the table only',
  );
  for (const edge of edges) assert.ok(document.getElementById(edge.getAttribute('href')!.slice(1)), 'the row exists');
  const attacks = edges[1]!.querySelector('path')!;
  assert.equal(attacks.getAttribute('stroke-dasharray'), '7 4', 'negated is dashed');
  assert.equal(edges[3]!.querySelector('path')!.getAttribute('stroke-dasharray'), '2 3', 'hedged is dotted');
  assert.notEqual(edges[0]!.querySelector('path')!.getAttribute('stroke'), edges[2]!.querySelector('path')!.getAttribute('stroke'), 'accusing and meeting differ in colour');
  assert.match(flat(svg.textContent), /criticism and accusation: opposes, condemns, accuses, designates as terrorist/, 'a legend names the kinds of each colour');

  assert.deepEqual(
    network.rows().map((row) => [row[0], row[1], row[2], row[3], row[4], row[6], row[7]]),
    [
      ['Velmora', 'accuses', 'Ostrin', '112 (11: disapprove)', '', 'Harbour Ledger: in its own words', 'Harbour Ledger'],
      ['Ostrin', 'not attacks', 'Velmora', '190 (19: fight)', 'negated', 'Harbour Ledger: in its own words', 'Harbour Ledger'],
      ['Ada Lind', 'meets', 'Piet Varga', '040 (04: consult)', '', 'Coast Courier: in its own words', 'Coast Courier'],
      ['Piet Varga', 'visits', 'Ostrin', '042 (04: consult)', 'hedged', 'Coast Courier: in its own words', 'Coast Courier'],
      ['Ada Lind', 'opposes', 'Ostrin', '110 (11: disapprove)', '', 'Harbour Ledger: quoting Ada Lind', 'Harbour Ledger'],
      ['Ostrin', 'deploys', '—', '150 (15: exhibit force posture)', '', 'Coast Courier: in its own words', 'Coast Courier'],
    ],
  );
  assertLinksLand(document, analysis, network, analysis.relations.flatMap((relation) => relation.evidence));
});

test('views: node links reach the entities table when it lists the actors', () => {
  const document = page(viewsAnalysis());
  const nodes = [...document.querySelectorAll('svg.network a')].filter((link) => !link.getAttribute('href')!.startsWith('#relation-'));
  assert.equal(nodes.length, 4);
  for (const node of nodes) assert.equal(document.getElementById(node.getAttribute('href')!.slice(1))?.tagName, 'TR');
});

test('views: the drawing is well-formed XML and stays inside the page', () => {
  const html = renderReport(viewsAnalysis(), 'html');
  const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
  assertWellFormedXml(svg);
  assert.doesNotMatch(svg, /href="(?!#)|url\((?!#)|<script|\son[a-z]+=/i);
});

test('views: the framing shows figures per outlet, tone with its sentences, terms by outlet with voice, and labels side by side', () => {
  const analysis = viewsAnalysis();
  const document = page(analysis);
  const framing = section(document, 'framing');
  assert.deepEqual(framing.rows(0), [
    ['Harbour Ledger', '1', '5', '50 %', '50 %', '0 %', '20 %', 'Ada Lind ×1 (100 %)'],
    ['Coast Courier', '1', '4', '75 %', '25 %', '25 %', '25 %', '—'],
  ]);
  assert.deepEqual(framing.rows(1), [['Harbour Ledger', 'Ostrin', '−0.50 unfavourable (0 positive, 1 negative)', '“The Ostrin regime denied any attack.”']]);
  assert.deepEqual(
    framing.elements.filter((element) => element.tagName === 'H4').map((heading) => heading.textContent),
    ['Harbour Ledger', 'Coast Courier'],
    'terms grouped by outlet',
  );
  assert.deepEqual(framing.rows(2), [
    ['terrorists', 'loaded', 'delegitimising', 'Ostrin', 'quoting Ada Lind', '1'],
    ['regime', 'loaded', 'delegitimising', 'Ostrin', 'in its own words', '1'],
  ]);
  assert.deepEqual(framing.rows(3), [
    ['occupation state', 'loaded', 'delegitimising', 'Ostrin', 'in its own words', '1'],
    ['forces', 'neutral counterpart', 'neutral', 'Ostrin', 'in its own words', '1'],
  ]);
  const labels = framing.elements.filter((element) => element.tagName === 'TABLE').at(-1)!;
  assert.deepEqual([...labels.querySelectorAll('th')].map((cell) => cell.textContent), ['actor', 'Harbour Ledger', 'Coast Courier']);
  assert.deepEqual(framing.rows(4), [
    ['Ostrin', '“the Ostrin regime” ×1', "“Ostrin's government” ×1"],
    ['Ada Lind', '“Interior Minister” ×1', ''],
  ]);
  const { terms, labels: actorLabels, outlets } = analysis.framing;
  assertLinksLand(document, analysis, framing, [...terms, ...actorLabels.flatMap((label) => label.evidence), ...outlets.flatMap((outlet) => outlet.tone.flatMap((tone) => tone.evidence))]);
});

test('views: the framing in Markdown', () => {
  const markdown = renderReport(viewsAnalysis(), 'md');
  assert.ok(markdown.includes('| Harbour Ledger | 1 | 5 | 50 % | 50 % | 0 % | 20 % | Ada Lind ×1 (100 %) |'));
  assert.match(markdown, /\| Harbour Ledger \| terrorists \| loaded \| delegitimising \| Ostrin \| quoting Ada Lind \| ledger \d+–\d+ \|/);
  assert.ok(markdown.includes('| actor | Harbour Ledger | Coast Courier |'));
  assert.ok(markdown.includes("| Ostrin | “the Ostrin regime” ×1 | “Ostrin's government” ×1 |"));
  assert.match(markdown, /\| Ada Lind \| opposes \| Ostrin \| 110 \(11: disapprove\) \| +\| +\| Harbour Ledger: quoting Ada Lind \|/);
});

test('views: empty views say so instead of disappearing', () => {
  const analysis = emptyAnalysis();
  const html = renderReport(analysis, 'html');
  const markdown = renderReport(analysis, 'md');
  for (const said of ['No dated events found.', 'No document dates were worked out.', 'No relations between actors found.', 'No figures per outlet were computed.', 'No tone toward an actor was found.', 'No loaded terms found.', 'No labels for actors found.']) {
    assert.ok(html.includes(`<p>${said}</p>`), `HTML: ${said}`);
    assert.ok(markdown.includes(`\n_${said}_\n`), `Markdown: ${said}`);
  }
  assert.ok(!html.includes('<svg'), 'no drawing without relations');
  assert.match(markdown, /- 0 dated event\(s\), 0 relation\(s\) between actors, 0 loaded term\(s\)/);
  assert.match(renderReport(viewsAnalysis(), 'md'), /- 3 dated event\(s\), 6 relation\(s\) between actors, 3 loaded term\(s\)/);
});

test('views: relations with no drawable pair keep the table and say why there is no drawing', () => {
  const analysis = viewsAnalysis();
  analysis.relations = analysis.relations.filter((relation) => relation.object === null);
  const html = renderReport(analysis, 'html');
  assert.ok(html.includes('No relation has two actors to draw; the table lists them.'));
  assert.ok(!html.includes('<svg'));
});

const HOSTILE = '<script>alert("x")</script> & \'q\' ]]> \u0001';

/** A hostile name, outlet and term everywhere the views and exports show them. */
function hostileAnalysis(): Analysis {
  const analysis = viewsAnalysis();
  analysis.entities[1]!.name = HOSTILE;
  analysis.documents[1]!.outlet = HOSTILE;
  analysis.framing.outlets[1]!.outlet = HOSTILE;
  analysis.framing.labels[1]!.outlet = HOSTILE;
  analysis.relations[0]!.id = HOSTILE;
  analysis.relations[0]!.cameo = HOSTILE;
  return analysis;
}

test('views: hostile names stay text in the drawing, the tables and the exports', () => {
  const analysis = hostileAnalysis();
  const html = renderReport(analysis, 'html');
  assert.ok(!html.includes('<script>'));
  const document = new DOMParser().parseFromString(html, 'text/html');
  assert.equal(document.querySelectorAll('script').length, 0);
  const svg = document.querySelector('svg.network')!;
  assert.ok([...svg.querySelectorAll('text.node-label')].some((label) => label.textContent === truncate(HOSTILE, 26)), 'the node label shows the name, cut');
  assert.ok([...svg.querySelectorAll('title')].some((title) => title.textContent!.startsWith(HOSTILE.replace('\u0001', '\uFFFD'))), 'a tooltip shows the whole name');
  assertWellFormedXml(/<svg[\s\S]*?<\/svg>/.exec(html)![0]);

  const graphml = renderReport(analysis, 'graphml');
  assertWellFormedXml(graphml);
  const xml = new DOMParser().parseFromString(graphml, 'text/xml');
  const names = [...xml.querySelectorAll('node data[key="name"]')].map((data) => data.textContent);
  assert.ok(names.includes(HOSTILE.replace('\u0001', '\uFFFD')), 'the name survives, with the character XML forbids replaced');
  assert.ok(!graphml.includes('\u0001'));
  assert.equal(JSON.parse(renderReport(analysis, 'network-json')).nodes.find((node: { id: string }) => node.id === 'gpe-ostrin').name, HOSTILE, 'JSON keeps the name exactly');
});

test('views: XML text keeps every character XML allows and replaces the others', () => {
  const cases: [value: string, escaped: string][] = [
    ['A & B <C> "d" \'e\'', 'A &amp; B &lt;C&gt; &quot;d&quot; &#39;e&#39;'],
    ['tab\tline\nreturn\r', 'tab\tline\nreturn\r'],
    ['bell\u0007 escape\u001b', 'bell\uFFFD escape\uFFFD'],
    ['pair \uD83D\uDE00 kept', 'pair \uD83D\uDE00 kept'],
    ['lone \uD83D and \uDE00', 'lone \uFFFD and \uFFFD'],
    ['\uFFFE\uFFFF', '\uFFFD\uFFFD'],
  ];
  for (const [value, escaped] of cases) assert.equal(escapeXml(value), escaped, JSON.stringify(value));
});

test('views: GraphML has every actor in a relation as a node and every relation with two actors as an edge', () => {
  const analysis = viewsAnalysis();
  const graphml = renderReport(analysis, 'graphml');
  assert.ok(graphml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'));
  assertWellFormedXml(graphml);
  const xml = new DOMParser().parseFromString(graphml, 'text/xml');
  const data = (element: NonNullable<ReturnType<typeof xml.querySelector>>) => Object.fromEntries([...element.querySelectorAll('data')].map((item) => [item.getAttribute('key'), item.textContent]));
  const keys = [...xml.querySelectorAll('key')].map((key) => `${key.getAttribute('for')}:${key.getAttribute('attr.name')}:${key.getAttribute('attr.type')}`);
  assert.ok(keys.includes('node:mentions:int') && keys.includes('edge:negated:boolean') && keys.includes('edge:evidence:int'));
  assert.equal(xml.querySelector('graph')!.getAttribute('edgedefault'), 'directed');
  const nodes = [...xml.querySelectorAll('node')].map((node) => ({ id: node.getAttribute('id'), ...data(node) }));
  assert.deepEqual(nodes, [
    { id: 'gpe-velmora', name: 'Velmora', type: 'GPE', mentions: '3' },
    { id: 'gpe-ostrin', name: 'Ostrin', type: 'GPE', mentions: '6' },
    { id: 'person-ada-lind', name: 'Ada Lind', type: 'PERSON', mentions: '2' },
    { id: 'person-piet-varga', name: 'Piet Varga', type: 'PERSON', mentions: '2' },
  ]);
  const edges = [...xml.querySelectorAll('edge')].map((edge) => ({ source: edge.getAttribute('source'), target: edge.getAttribute('target'), ...data(edge) }));
  assert.equal(edges.length, 5);
  const attack = analysis.relations[1]!.evidence[0]!;
  assert.deepEqual(edges[1], {
    source: 'gpe-ostrin',
    target: 'gpe-velmora',
    relation: 'attacks',
    cameo: '190',
    cameoRoot: '19',
    negated: 'true',
    hedged: 'false',
    evidence: '1',
    spans: `ledger:${attack.start}-${attack.end}`,
  });
  assert.equal(edges[2]!.date, '2023');
});

test('views: the JSON graph carries each edge with its evidence spans', () => {
  const analysis = viewsAnalysis();
  const graph = JSON.parse(renderReport(analysis, 'network-json'));
  assert.equal(graph.directed, true);
  assert.equal(graph.version, analysis.version);
  assert.deepEqual(graph, JSON.parse(JSON.stringify({ version: analysis.version, directed: true, ...actorNetwork(analysis) })));
  assert.deepEqual(graph.nodes.map((node: { id: string }) => node.id), ['gpe-velmora', 'gpe-ostrin', 'person-ada-lind', 'person-piet-varga']);
  assert.equal(graph.edges.length, 5);
  assert.deepEqual(graph.edges[0].evidence, [spanOf(analysis, 'ledger', 'Velmora accused Ostrin on Monday of shelling the border post at Kerrin.')]);
  const lonely = emptyAnalysis();
  assert.deepEqual(JSON.parse(renderReport(lonely, 'network-json')).nodes, []);
  assertWellFormedXml(renderReport(lonely, 'graphml'));
});

test('views: a relation naming an unknown entity is drawn and exported under its id', () => {
  const analysis = viewsAnalysis();
  analysis.relations[0]!.object = 'org-unknown';
  const network = actorNetwork(analysis);
  assert.deepEqual(network.nodes.at(-1), { id: 'org-unknown', name: 'org-unknown', type: null, mentions: 0 });
  const html = renderReport(analysis, 'html');
  assert.ok(html.includes('>org-unknown</text>'));
  assert.ok(!html.includes('href="#org-unknown"'), 'no link to a row that does not exist');
});

test('views: a cited clause that crosses a quote yields, so the quote stays one element', () => {
  const clause: Layer = { kind: 'evidence', start: 0, end: 12, label: 'clause' };
  const quote: Layer = { kind: 'quote', start: 6, end: 20, label: 'quote' };
  const mention: Layer = { kind: 'entity', start: 8, end: 10, label: 'mention' };
  const shape = nestLayers(24, [clause, quote, mention]).map((event) =>
    event.type === 'text' ? `${event.start}-${event.end}` : event.type === 'open' ? `<${event.layer.label}${event.continued ? '…' : ''}>` : `</${event.layer.label}>`,
  );
  assert.deepEqual(shape, ['<clause>', '0-6', '</clause>', '<quote>', '<clause…>', '6-8', '<mention>', '8-10', '</mention>', '10-12', '</clause>', '12-20', '</quote>', '20-24']);
});

/** A corpus of small documents, each with a dated event, a relation, a term, a label, outlet figures and a dating, counting how often the renderers ask a span for its document. */
function countingViews(documents: number): { analysis: Analysis; reads: () => number } {
  let reads = 0;
  const template = viewsAnalysis();
  const text = template.documents[0]!.text;
  const analysis = emptyAnalysis();
  analysis.entities = template.entities.map((entity) => ({ ...entity, mentions: [], mentionCounts: {} }));
  analysis.quotes = [];
  analysis.documents = [];
  const inDoc = <T extends object>(item: T, doc: string): T & { doc: string } => Object.defineProperty({ ...item }, 'doc', { get: () => (reads++, doc), enumerable: true }) as T & { doc: string };
  for (let index = 0; index < documents; index++) {
    const id = `doc-${index}`;
    const outlet = `Outlet ${index}`;
    analysis.documents.push({ ...template.documents[0]!, id, outlet, text });
    const span = (words: string) => inDoc(spanOf(template, 'ledger', words), id);
    analysis.timeline.push({ ...template.timeline[2]!, id: `t-${index}`, documents: [id], evidence: [span('Ostrin troops crossed the river on 9 March 2024')], dates: [inDoc({ ...template.timeline[2]!.dates[0]! }, id)] });
    analysis.dating.push({ doc: id, published: null, earliest: '2024-03-09', latest: null, inferred: true, evidence: [span('9 March 2024')] });
    analysis.relations.push({ ...template.relations[0]!, id: `r-${index}`, documents: [id], evidence: [span('Velmora accused Ostrin')], voices: [{ doc: id, kind: 'outlet', quote: null, speaker: null }] });
    analysis.framing.terms.push(inDoc({ ...template.framing.terms[1]! }, id));
    analysis.framing.labels.push({ ...template.framing.labels[0]!, outlet, evidence: [span('The Ostrin regime')] });
    analysis.framing.outlets.push({ ...template.framing.outlets[0]!, outlet, documents: [id], tone: [{ ...template.framing.outlets[0]!.tone[0]!, evidence: [span('The Ostrin regime denied any attack.')] }] });
  }
  return { analysis, reads: () => reads };
}

test('views: a 4x larger corpus costs the views about 4x the look-ups, not 16x', () => {
  for (const format of ['html', 'md', 'graphml'] as const) {
    const work = (documents: number) => {
      const corpus = countingViews(documents);
      renderReport(corpus.analysis, format);
      return corpus.reads();
    };
    const small = work(200);
    const large = work(800);
    assert.ok(small > 0, `${format} reads the spans`);
    assert.ok(large / small < 5, `${format}: look-ups grew ${(large / small).toFixed(2)}x for 4x the documents`);
  }
});

/**
 * A strict well-formedness check for the XML we write (an XML declaration, elements, quoted
 * attributes, text): tags nest and close in order, one root, no bare `<` or `&` in text or
 * attributes, no duplicate attribute, and no character XML 1.0 forbids.
 */
function assertWellFormedXml(source: string): void {
  assert.doesNotMatch(source, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/, 'no character XML forbids');
  const body = source.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  const entity = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
  let index = 0;
  while (index < body.length) {
    if (body[index] === '<') {
      tag.lastIndex = index;
      const match = tag.exec(body);
      assert.ok(match, `a well-formed tag at ${index}: ${body.slice(index, index + 60)}`);
      const [whole, closing, name, attributes, selfClosing] = match;
      const names = [...attributes!.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((attribute) => {
        for (let at = attribute[2]!.indexOf('&'); at >= 0; at = attribute[2]!.indexOf('&', at + 1)) assert.match(attribute[2]!.slice(at), entity, `an entity in ${whole}`);
        return attribute[1];
      });
      assert.equal(new Set(names).size, names.length, `no duplicate attribute in ${whole}`);
      if (closing) assert.equal(stack.pop(), name, `</${name}> closes the open element`);
      else if (!selfClosing) {
        if (stack.length === 0) roots++;
        stack.push(name!);
      } else if (stack.length === 0) roots++;
      index += whole.length;
    } else {
      assert.ok(stack.length > 0 || /\s/.test(body[index]!), `text outside the root at ${index}`);
      if (body[index] === '&') assert.match(body.slice(index), entity, `an entity at ${index}`);
      index++;
    }
  }
  assert.deepEqual(stack, [], 'every element is closed');
  assert.equal(roots, 1, 'one root element');
}
