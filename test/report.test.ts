/**
 * The report renderers: a hostile string in any field stays text in HTML and in Markdown,
 * evidence links land on their span, speakers and facts read once, and the overview counts the
 * timeline, relations and loaded terms.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from 'linkedom';
import { analyze, renderReport } from '../src/index.js';
import type { Analysis } from '../src/contract.js';
import { citationRow, claimMemberMark, groupFacts, speakerLabel, statesOpposite } from '../src/report/present.js';

const HOSTILE = [
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '</td></tr></table><h1>taken</h1>',
  '[x](javascript:alert(1))',
  '![x](http://evil)',
  '| pipes | in | cells |',
  '`tick` and ``` fence',
  '*star* and **strong**',
  '_under_ and __strong__',
  '# heading',
  'first line\n## second heading\n\n| a |\n|---|',
  '&lt;b&gt; &amp; &#60;i&#62;',
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)",
  '- item\n1. item\n> quote',
  '~~strike~~ $x$ ^sup^ @someone {#id} <!-- hidden -->',
  'ends with a backslash \\',
];

/** An invented article with every hostile string as a paragraph of its own, a quote and a line of debris. */
const ARTICLE = [
  'Harbour fire contained at pier 4',
  '',
  'Home | News | Local | Sport',
  '',
  'Fire chief Lena Moor said the blaze at pier 4 was out by noon. “Nobody was hurt,” Moor said.',
  '',
  ...HOSTILE.flatMap((hostile) => [hostile, '']),
  'He added ” it was a near miss.',
  '',
  'Share this article',
].join('\n');

const base = await analyze([
  { content: ARTICLE, source: `${HOSTILE[1]}.txt`, format: 'txt', title: HOSTILE[0], outlet: HOSTILE[2] },
  { content: '', source: `${HOSTILE[3]}.txt` },
]);

type Where = { doc: string; start: number; end: number };
type Field = [name: string, shownIn: readonly ('md' | 'html')[], put: (analysis: Analysis, hostile: string, at: Where) => void];

const both = ['md', 'html'] as const;
const htmlOnly = ['html'] as const;

/** Every field a report shows, and how to put a string into it. */
const FIELDS: Field[] = [
  ['title', both, (a, h) => void (a.documents[0]!.title = h)],
  ['outlet', both, (a, h) => void (a.documents[0]!.outlet = h)],
  ['published', both, (a, h) => void (a.documents[0]!.published = h)],
  ['byline', htmlOnly, (a, h) => void (a.documents[0]!.byline = h)],
  ['url', htmlOnly, (a, h) => void (a.documents[0]!.url = h)],
  ['source', htmlOnly, (a, h) => void (a.documents[0]!.source = h)],
  ['document id', both, (a, h) => renameDocument(a, a.documents[0]!.id, h)],
  ['speaker name', both, (a, h) => void (a.quotes[0]!.speaker.name = h)],
  ['speaker role', both, (a, h) => void (a.quotes[0]!.speaker.role = h)],
  ['quote text', both, (a, _h, at) => void (a.quotes[0]!.content = { start: at.start, end: at.end })],
  ['channel', htmlOnly, (a, h, at) => void (a.quotes[0]!.channel = { text: h, span: at })],
  ['relay', htmlOnly, (a, h, at) => void (a.quotes[0]!.via = { name: h, entity: null, span: at })],
  ['entity name', both, (a, h) => void (a.entities[0]!.name = h)],
  ['alias', both, (a, h) => void a.entities[0]!.aliases.push(h)],
  ['fact', both, (a, h, at) => void a.entities[0]!.facts.push({ kind: 'role', value: h, evidence: at })],
  ['message text', both, (a, h, at) => void a.messages.push({ doc: at.doc, stage: 'test', rule: 'test/rule', severity: 'warning', text: h, start: at.start, end: at.end })],
  ['message rule', both, (a, h) => void a.messages.push({ doc: null, stage: 'test', rule: h, severity: 'error', text: 'run problem' })],
  ['removed text', both, (a, _h, at) => void a.documents[0]!.removed.push({ start: at.start, end: at.end, reason: 'navigation', rule: 'test/rule' })],
  ['removed rule', both, (a, h, at) => void a.documents[0]!.removed.push({ start: at.start, end: at.end, reason: 'navigation', rule: h })],
  ['brief', htmlOnly, (a, h, at) => void a.brief.push({ story: null, section: 'note', text: h, evidence: [at] })],
  ['timeline text', both, (a, h, at) => void a.timeline.push(timelineItem(a, at, { text: h }))],
  ['date text', both, (a, h, at) => void a.timeline.push(timelineItem(a, at, { dateText: h }))],
  ['date value', both, (a, h, at) => void a.timeline.push(timelineItem(a, at, { date: h }))],
  ['dating', htmlOnly, (a, _h, at) => void a.dating.push({ doc: at.doc, published: null, earliest: '2024-03-09', latest: null, inferred: true, evidence: [at] })],
  ['relation text', both, (a, h, at) => void a.relations.push(relation(a, at, h))],
  ['framing term', both, (a, h, at) => void a.framing.terms.push({ ...at, term: h, entry: h, loaded: true, category: h, target: a.entities[0]!.id, voice: 'speaker', quote: a.quotes[0]!.id, speaker: null })],
  ['label', both, (a, h, at) => void a.framing.labels.push({ entity: a.entities[0]!.id, outlet: 'Harbour Post', label: h, count: 1, evidence: [at] })],
  ['outlet name', both, (a, h, at) => void a.framing.outlets.push(outletFraming(a, at, h))],
  [
    'provenance',
    htmlOnly,
    (a, h, at) => void a.provenance.push({ doc: at.doc, outlet: h, cites: [{ name: h, kind: 'outlet', entity: null, start: at.start, end: at.end, relation: 'according-to', quote: null }] }),
  ],
];

function timelineItem(analysis: Analysis, at: Where, words: { text?: string; dateText?: string; date?: string }): Analysis['timeline'][number] {
  const date = words.date ?? '2024-03-09';
  return {
    id: 'timeline-1',
    story: null,
    date,
    until: null,
    precision: 'day',
    inferred: true,
    text: words.text ?? 'the fire broke out',
    actors: [analysis.entities[0]!.id],
    documents: [at.doc],
    dates: [{ ...at, text: words.dateText ?? 'on Saturday', date, until: null, precision: 'day', anchor: 'published', inferred: true, quote: null }],
    evidence: [at],
  };
}

function relation(analysis: Analysis, at: Where, text: string): Analysis['relations'][number] {
  const [subject, object] = analysis.entities;
  return {
    id: 'relation-1',
    story: null,
    subject: subject!.id,
    relation: 'accuses',
    object: (object ?? subject)!.id,
    cameo: '112',
    cameoRoot: '11',
    negated: true,
    hedged: true,
    date: null,
    text,
    documents: [at.doc],
    voices: [{ doc: at.doc, kind: 'speaker', quote: analysis.quotes[0]!.id, speaker: null }],
    evidence: [at],
  };
}

function outletFraming(analysis: Analysis, at: Where, outlet: string): Analysis['framing']['outlets'][number] {
  const quoted = [{ entity: null, name: outlet, quotes: 1, share: 1 }];
  const tone = [{ entity: analysis.entities[0]!.id, score: -0.5, positive: 0, negative: 1, evidence: [at] }];
  return { outlet, documents: [at.doc], sentences: 4, attributedShare: 0.5, ownVoiceShare: 0.5, hedgingRate: 0.25, opinionShare: 0, quoted, tone };
}

function renameDocument(analysis: Analysis, from: string, to: string): void {
  const rename = (item: { doc: string | null }) => void (item.doc === from && (item.doc = to));
  analysis.documents.find((doc) => doc.id === from)!.id = to;
  analysis.quotes.forEach(rename);
  analysis.messages.forEach(rename);
  for (const entity of analysis.entities) {
    entity.mentions.forEach(rename);
    entity.facts.forEach((fact) => rename(fact.evidence));
    entity.mentionCounts = Object.fromEntries(Object.entries(entity.mentionCounts).map(([doc, count]) => [doc === from ? to : doc, count]));
  }
}

const flat = (value: string) => value.replace(/\s+/g, ' ').trim();

/** Markdown text that can only show as itself: each character that opens syntax is escaped. */
function assertInertText(text: string, line: string): void {
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\') {
      assert.match(text[index + 1] ?? '', /[!-/:-@[-`{-~]/, `a backslash escapes punctuation in: ${line}`);
      index += 1;
    } else if (char === '&') {
      assert.match(text.slice(index), /^&(?:amp|lt|gt);/, `a bare & in: ${line}`);
    } else {
      assert.ok(!'`*_[]{}#|~^$@<>'.includes(char), `unescaped ${char} in: ${line}`);
    }
  }
  assert.doesNotMatch(text, /^(?:[-+:]|\d+[.)])/, `a list marker opens: ${line}`);
}

/** Splits a table row on the pipes that are not escaped. */
function cells(row: string): string[] {
  assert.ok(row.startsWith('| ') && row.endsWith(' |'), `a table row: ${row}`);
  const found: string[] = [];
  let cell = '';
  for (let index = 1; index < row.length - 1; index++) {
    const char = row[index]!;
    if (char === '\\') {
      cell += char + row[index + 1];
      index += 1;
    } else if (char === '|') {
      found.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  return [...found, cell.trim()];
}

/** Every line has a shape the renderer writes (heading, table, list, caption), and every piece of data in it is inert. */
function assertInertMarkdown(markdown: string): void {
  let columns = 0;
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,3} (.+)$/.exec(line);
    const item = /^(?: {2})*(?:-|\d+\.) (.+)$/.exec(line);
    if (line === '' || heading) {
      columns = 0;
      if (heading) assertInertText(heading[1]!, line);
    } else if (/^(?:\*\*[A-Z][a-z ]+\*\*|[A-Z][a-z ]+:)$/.test(line)) {
      columns = 0;
    } else if (/^\|(?:---\|)+$/.test(line)) {
      assert.equal(line.split('---').length - 1, columns, `the rule matches the header: ${line}`);
    } else if (line.startsWith('|')) {
      const row = cells(line);
      if (columns === 0) columns = row.length;
      assert.equal(row.length, columns, `a row keeps its columns: ${line}`);
      for (const cell of row) assertInertText(cell, line);
    } else if (item) {
      assertInertText(item[1]!, line);
    } else if (/^_.+_$/.test(line)) {
      assertInertText(line.slice(1, -1), line);
    } else {
      assert.fail(`a line the renderer does not write: ${line}`);
    }
  }
}

/** What a Markdown viewer shows for escaped text. */
const shownMarkdown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])|&(amp|lt|gt);/g, (_, escaped, entity) => escaped ?? { amp: '&', lt: '<', gt: '>' }[entity as string]);

const ALLOWED_TAGS = new Set('html head meta title style body header main section h1 h2 h3 h4 div p br ul ol li table thead tbody tr th td a span del ins sup strong code details summary svg defs marker path line circle text g'.split(' '));
const ALLOWED_ATTRIBUTES = new Set(['lang', 'charset', 'name', 'content', 'http-equiv', 'class', 'id', 'title', 'href', 'value']);
/** The actor network's drawing: geometry and paint only, never an event handler or an outside reference. */
const SVG_ATTRIBUTES = new Set(
  'xmlns viewBox width height role aria-label d fill stroke stroke-width stroke-dasharray marker-end x y x1 y1 x2 y2 cx cy r text-anchor refX refY markerUnits markerWidth markerHeight orient'.split(' ').flatMap((name) => [name, name.toLowerCase()]),
);
const SVG_TAGS = new Set(['svg', 'defs', 'marker', 'path', 'line', 'circle', 'text', 'g']);

/** Parses the page: only the renderer's own elements and attributes, one h1, links only within the page; returns the visible text. */
function assertSafeHtml(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    assert.ok(ALLOWED_TAGS.has(tag), `an element the renderer does not write: <${tag}>`);
    const inSvg = SVG_TAGS.has(tag) || element.closest('svg') !== null;
    for (const name of element.getAttributeNames()) assert.ok(ALLOWED_ATTRIBUTES.has(name) || (inSvg && SVG_ATTRIBUTES.has(name)), `an attribute the renderer does not write: ${name} on <${tag}>`);
    if (inSvg) for (const name of ['marker-end']) assert.match(element.getAttribute(name) ?? 'url(#x)', /^url\(#[a-z-]+\)$/, 'the drawing refers only to its own markers');
    if (tag === 'a') assert.match(element.getAttribute('href') ?? '', /^#/, 'links stay in the page');
  }
  assert.equal(document.querySelectorAll('h1').length, 1);
  return flat(document.body.textContent ?? '');
}

test('report: the hostile article through analyze renders inert in Markdown', () => {
  const markdown = renderReport(base, 'md');
  assertInertMarkdown(markdown);
  for (const raw of ['<script', '<img', '</td>', '<h1>', '[x](javascript:', '![x](', '&lt;b&gt;', '`tick`', '*star*', '_under_']) {
    assert.ok(!markdown.includes(raw), `raw ${raw} in the Markdown`);
  }
  assert.match(markdown, /&lt;script&gt;alert\("x"\)&lt;\/script&gt;/, 'the title shows as written');
  assert.ok(markdown.includes('\\[x\\](javascript:alert(1)).txt'), 'the empty file is named as written');
});

test('report: the hostile article through analyze renders as text in HTML', () => {
  const html = renderReport(base, 'html');
  const shown = assertSafeHtml(html);
  for (const hostile of HOSTILE) assert.ok(shown.includes(flat(hostile)), `the article shows ${hostile}`);
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
});

for (const [name, shownIn, put] of FIELDS) {
  test(`report: a hostile ${name} stays text in Markdown and HTML`, () => {
    for (const hostile of HOSTILE) {
      const analysis = structuredClone(base);
      const doc = analysis.documents[0]!;
      const start = doc.text.indexOf(hostile);
      assert.ok(start >= 0, `the article holds ${hostile}`);
      put(analysis, hostile, { doc: doc.id, start, end: start + hostile.length });
      const markdown = renderReport(analysis, 'md');
      assertInertMarkdown(markdown);
      const html = assertSafeHtml(renderReport(analysis, 'html'));
      if (shownIn.includes('md')) assert.ok(shownMarkdown(markdown).includes(flat(hostile)), `Markdown shows the ${name} ${hostile}`);
      if (shownIn.includes('html')) assert.ok(html.includes(flat(hostile)), `HTML shows the ${name} ${hostile}`);
    }
  });
}

test('report: the page is self-contained (no external assets, no scripts)', () => {
  const html = renderReport(base, 'html');
  assert.doesNotMatch(html, /<(script|link|iframe|img)\b/i);
  assert.doesNotMatch(html, /\b(src|href)="(?!#)/i);
});

test('report: removed spans are struck through with their reason', () => {
  const html = renderReport(base, 'html');
  const removed = base.documents[0]!.removed;
  assert.ok(removed.length > 0);
  for (const span of removed) assert.ok(html.includes(`removed: ${span.reason}`), span.reason);
  assert.match(html, /<del class="removed/);
});

test('report: json is the analysis itself', () => {
  assert.deepEqual(JSON.parse(renderReport(base, 'json')), JSON.parse(JSON.stringify(base)));
});

test('report: the overview counts dated events, relations and loaded terms', () => {
  for (const format of ['md', 'html'] as const) {
    const report = renderReport(base, format);
    const { timeline, relations, framing } = base;
    const loaded = framing.terms.filter((term) => term.loaded).length;
    assert.ok(report.includes(`${timeline.length} dated event(s), ${relations.length} relation(s) between actors, ${loaded} loaded term(s)`), format);
    assert.ok(!report.includes('not computed'), format);
    assert.match(report, /\d+ claim\(s\)/, `${format} still counts claims`);
  }
});

test('report: a speaker is named once when the role only repeats the name', () => {
  const cases: [name: string | null, role: string | null, shown: string][] = [
    ['A company spokeswoman', 'A company spokeswoman', 'A company spokeswoman'],
    ['A company spokeswoman', 'company spokeswoman', 'A company spokeswoman'],
    ['the Mayor', 'mayor', 'the Mayor'],
    ['Jan Oller', 'spokesman', 'Jan Oller (spokesman)'],
    [null, 'spokesman', 'unresolved (spokesman)'],
    ['Jan Oller', null, 'Jan Oller'],
  ];
  for (const [name, role, shown] of cases) assert.equal(speakerLabel({ name, role, entity: null, mention: null, affiliation: null }), shown);
  const analysis = structuredClone(base);
  Object.assign(analysis.quotes[0]!.speaker, { name: 'A company spokeswoman', role: 'company spokeswoman' });
  for (const format of ['md', 'html'] as const) assert.ok(!renderReport(analysis, format).includes('spokeswoman (company spokeswoman)'), format);
});

test('report: an outlet told directly is first-hand, with the speaker who told it as the source', () => {
  const analysis = structuredClone(base);
  const quote = analysis.quotes[0]!;
  const quotes = new Map([[quote.id, quote]]);
  assert.deepEqual(citationRow({ name: 'Harbour Gazette', relation: 'told', quote: quote.id, kind: 'outlet' }, quotes), { relation: 'told Harbour Gazette directly', source: speakerLabel(quote.speaker), kind: 'first-hand' });
  assert.deepEqual(citationRow({ name: 'Harbour Gazette', relation: 'told', quote: null, kind: 'outlet' }, quotes), { relation: 'told Harbour Gazette directly', source: 'an unnamed source', kind: 'first-hand' });
  assert.deepEqual(citationRow({ name: 'Newsweek', relation: 'relays', quote: null, kind: 'outlet' }, quotes), { relation: 'relays', source: 'Newsweek', kind: 'outlet' });
});

test('report: a member states the opposite only against the claim\'s own wording, which may be negated', () => {
  const negated = { members: [{ polarity: 'negative' as const }, { polarity: 'negative' as const }, { polarity: 'positive' as const }] };
  assert.deepEqual(negated.members.map((member) => statesOpposite(negated, member)), [false, false, true]);
  assert.equal(claimMemberMark(negated, { polarity: 'negative', hedged: true, attributedTo: 'Jan Oller' }), '✓? (Jan Oller)');
  assert.equal(claimMemberMark(negated, { polarity: 'positive', hedged: false, attributedTo: null }), '✗');
});

test('report: equal facts read once, with every evidence span', () => {
  const analysis = structuredClone(base);
  const doc = analysis.documents[0]!;
  const entity = analysis.entities[0]!;
  entity.facts = [0, 10, 20].map((start, index) => ({ kind: 'role', value: index === 1 ? 'PRESIDENT' : 'president', evidence: { doc: doc.id, start, end: start + 5 } }));
  entity.facts.push({ kind: 'affiliation', value: 'president', evidence: { doc: doc.id, start: 30, end: 35 } });
  assert.deepEqual(
    groupFacts(entity.facts).map((fact) => `${fact.kind}: ${fact.value} ×${fact.evidence.length}`),
    ['role: president ×3', 'affiliation: president ×1'],
  );
  const markdown = renderReport(analysis, 'md');
  assert.equal(markdown.match(/role: president/gi)?.length, 1);
  const html = renderReport(analysis, 'html');
  assert.equal(html.match(/role: president/gi)?.length, 1);
  for (const start of [0, 10, 20]) assert.ok(html.includes(`href="#d1-s${start}-${start + 5}"`), `evidence at ${start} is linked`);
});

test('report: every evidence link lands on an element that holds exactly its span', async () => {
  const analysis = await analyze(['examples/sample-story']);
  const page = new DOMParser().parseFromString(renderReport(analysis, 'html'), 'text/html');
  const ids = [...page.querySelectorAll('[id]')].map((element) => element.getAttribute('id')!);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  const byId = new Map([...page.querySelectorAll('[id]')].map((element) => [element.getAttribute('id')!, element]));
  for (const link of page.querySelectorAll('a[href]')) assert.ok(byId.has(link.getAttribute('href')!.slice(1)), `${link.getAttribute('href')} has a target`);
  const textOf = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  const number = new Map(analysis.documents.map((doc, index) => [doc.id, index + 1]));
  const target = (doc: string, letter: string, span: { start: number; end: number }) => byId.get(`d${number.get(doc)}-${letter}${span.start}-${span.end}`);
  for (const quote of analysis.quotes) {
    const element = target(quote.doc, 'q', quote.content);
    assert.ok(element, `quote ${quote.id} has an anchor`);
    assert.equal(element.textContent, textOf.get(quote.doc)!.slice(quote.content.start, quote.content.end), `quote ${quote.id} is one highlighted element`);
    assert.ok(page.querySelector(`td a[href="#${element.getAttribute('id')}"]`), `the quotes table links to ${quote.id}`);
  }
  for (const entity of analysis.entities) {
    for (const mention of entity.mentions) {
      const element = target(mention.doc, 'm', mention) ?? target(mention.doc, 'q', mention);
      assert.ok(element, `a mention of ${entity.name} at ${mention.doc} ${mention.start} has an anchor`);
    }
  }
  for (const doc of analysis.documents) {
    for (const removed of doc.removed) {
      const element = target(doc.id, 'r', removed);
      assert.ok(element, `removed ${doc.id} ${removed.start} has an anchor`);
      assert.equal(element.tagName.toLowerCase(), 'del');
    }
  }
});

test('report: a message at a position links to it, and the target is highlighted', () => {
  const html = renderReport(base, 'html');
  const message = base.messages.find((m) => m.rule === 'quotes/unbalanced' && m.start !== undefined)!;
  assert.ok(message, 'the article has an unbalanced quotation mark');
  const anchor = `d1-s${message.start}-${message.end}`;
  assert.ok(html.includes(`href="#${anchor}"`) && html.includes(`id="${anchor}"`));
  assert.match(html, /:target/);
});
