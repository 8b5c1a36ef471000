import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanStage, cleanText } from '../src/stages/01-clean/index.js';
import { emptyMeta, type Doc } from '../src/document.js';
import { segmentText } from '../src/stages/02-segment/index.js';
import { assertCleanInvariants, assertSegmentInvariants } from './segment-invariants.js';

/** What one case expects: the removed lines as "reason: text", and the recovered title. */
interface Expected {
  removed: string[];
  title: string | null;
}

function cleaned(text: string): Expected {
  const { result } = cleanText(text);
  return {
    removed: result.removed.map((span) => `${span.reason}: ${text.slice(span.start, span.end)}`),
    title: result.title ? text.slice(result.title.start, result.title.end) : null,
  };
}

const LONG_LEDE = 'Kessering’s mayor backed calls for an independent inquiry into why the dam gates failed to open during last week’s storm, her office said.';

// One hard case per line; every text is invented, in the style of scraped news pages.
const CASES: [name: string, text: string, expected: Expected][] = [
  ['a plain story keeps everything', 'Ferry strike ends in Port Alden\n\nDockers voted on Friday to end the strike, the union said.', { removed: [], title: 'Ferry strike ends in Port Alden' }],
  ['a story without a title line', 'Dockers in Port Alden voted on Friday to end a nine-day strike.\nThe union said talks would resume.', { removed: [], title: null }],
  ['breadcrumb, tag line, then the title', 'Home » News » Floodgates open at Kessering dam\nWorld Environment Valdoria Rivers\n\nFloodgates open at Kessering dam\n\nEngineers opened the gates on Friday after days of rain.', { removed: ['breadcrumb: Home » News » Floodgates open at Kessering dam', 'navigation: World Environment Valdoria Rivers'], title: 'Floodgates open at Kessering dam' }],
  ['breadcrumb with a truncated title', 'Home › Region › Floodgates open at Kesse...\n\nFloodgates open at Kessering dam\n\nEngineers opened the gates on Friday after days of rain.', { removed: ['breadcrumb: Home › Region › Floodgates open at Kesse...'], title: 'Floodgates open at Kessering dam' }],
  ['counters and a repeated headline', 'Ferry strike ends in Port Alden\n\n12\n1,204\nFerry strike ends in Port Alden\n\nDockers voted on Friday to end the strike, the union said.', { removed: ['counter: 12', 'counter: 1,204', 'repeated-title: Ferry strike ends in Port Alden'], title: 'Ferry strike ends in Port Alden' }],
  ['a follow prompt and a font widget before the title', 'Follow all the latest Velmar news and alerts here.\nFont size: +\n\nMayor backs dam inquiry\n\nThe mayor of Kessering on Monday backed calls for an inquiry.', { removed: ['subscribe: Follow all the latest Velmar news and alerts here.', 'widget: Font size: +'], title: 'Mayor backs dam inquiry' }],
  ['a text-size widget with letters', 'Mayor backs dam inquiry\nA- A+\nThe mayor of Kessering on Monday backed calls for an inquiry.', { removed: ['widget: A- A+'], title: 'Mayor backs dam inquiry' }],
  ['a share row and a view counter', 'Mayor backs dam inquiry\nShare on Facebook Twitter WhatsApp Email\nViews: 3,410\nThe mayor of Kessering on Monday backed calls for an inquiry.', { removed: ['widget: Share on Facebook Twitter WhatsApp Email', 'counter: Views: 3,410'], title: 'Mayor backs dam inquiry' }],
  ['a READ: link line inside the story', 'The mayor backed an inquiry on Monday.\n\nREAD: Kessering council votes to close the old bridge\n\nShe said the report was due in May.', { removed: ['link-list: READ: Kessering council votes to close the old bridge'], title: null }],
  ['an inline "Don\'t miss…" teaser', 'The mayor backed an inquiry on Monday.\nDon’t miss… River levels fall for a third day\nShe said the report was due in May.', { removed: ['link-list: Don’t miss… River levels fall for a third day'], title: null }],
  ['a "Don\'t miss…" block of tagged teasers', 'The mayor backed an inquiry on Monday.\nDon’t miss…\nFarmers count the cost of the flood [LATEST]\nSchools reopen in the lower valley [INSIGHT]\nShe said the report was due in May.', { removed: ['link-list: Don’t miss…', 'link-list: Farmers count the cost of the flood [LATEST]', 'link-list: Schools reopen in the lower valley [INSIGHT]'], title: null }],
  ['a "Related articles:" block of plain teasers', 'The mayor backed an inquiry on Monday.\nRelated articles:\nFarmers count the cost of the flood\nSchools reopen in the lower valley\nShe said the report was due in May, officials said.', { removed: ['link-list: Related articles:', 'link-list: Farmers count the cost of the flood', 'link-list: Schools reopen in the lower valley'], title: null }],
  ['advert bullets are removed, story bullets kept', 'Officials listed the damage on Friday.\n- Three villages were evacuated overnight.\n- Two schools closed until further notice.\nThe mayor thanked the crews.\n- Ad-free reading on every device.\n- Unlimited access to all our stories.\nShe said the report was due in May.', { removed: ['advert: - Ad-free reading on every device.', 'advert: - Unlimited access to all our stories.'], title: null }],
  ['an advertisement label', 'The mayor backed an inquiry on Monday.\nADVERTISEMENT\nShe said the report was due in May.', { removed: ['advert: ADVERTISEMENT'], title: null }],
  ['a subscribe block and trailing teaser titles', 'The mayor backed an inquiry on Monday.\n\nStay Informed\n\nWhen you subscribe to our newsletter, we will e-mail you the day’s top stories.\n\nValley farmers fear a second flood in Kesse...\nBridge Repairs Update', { removed: ['subscribe: Stay Informed', 'subscribe: When you subscribe to our newsletter, we will e-mail you the day’s top stories.', 'link-list: Valley farmers fear a second flood in Kesse...', 'link-list: Bridge Repairs Update'], title: null }],
  ['comment prompts at the end', 'The mayor backed an inquiry on Monday.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *', { removed: ['comments: Leave a Reply', 'comments: Your email address will not be published. Required fields are marked *'], title: null }],
  ['an empty source tail', 'The mayor backed an inquiry on Monday.\n\nSource :', { removed: ['source-tail: Source :'], title: null }],
  ['a "Read Full Article" source tail', 'The mayor backed an inquiry on Monday.\nSource: Read Full Article', { removed: ['source-tail: Source: Read Full Article'], title: null }],
  ['an exact repeated paragraph', 'Engineers opened the gates on Friday after three days of heavy rain.\nThe mayor backed an inquiry.\nEngineers opened the gates on Friday after three days of heavy rain.', { removed: ['duplicate: Engineers opened the gates on Friday after three days of heavy rain.'], title: null }],
  ['a repeat that differs by one comma', 'Days after the flood, the mayor of Kessering called for an inquiry into the dam.\nCrews worked through the night.\nDays, after the flood, the mayor of Kessering called for an inquiry into the dam.', { removed: ['near-duplicate: Days, after the flood, the mayor of Kessering called for an inquiry into the dam.'], title: null }],
  ['a repeat that differs by one word', 'Residents of the lower valley were told to boil their water for at least another week, the utility said on Sunday.\nCrews worked through the night.\nResidents of the lower valley were told to boil their water for at least another fortnight, the utility said on Sunday.', { removed: ['near-duplicate: Residents of the lower valley were told to boil their water for at least another fortnight, the utility said on Sunday.'], title: null }],
  ['short repeated lines are not duplicates', '“No,” she said.\nHe asked again whether the dam was safe.\n“No,” she said.', { removed: [], title: null }],
  ['story sentences that look like prompts stay', 'More than 200 residents signed the petition.\nResidents who subscribe to the utility’s text alerts were warned on Friday.\nLatest figures show the river falling.\nRead the ministry’s full report, campaigners urged on Monday.', { removed: [], title: null }],
  ['a quoted line about signing up stays', 'The scheme opens on Monday.\n“If you sign up before Friday, your first tanker is free,” the mayor said.', { removed: [], title: null }],
  ['story bullets that mention subscribers stay', 'Officials listed the measures on Friday.\n- Subscribers to the water service will get a refund.\n- Tankers will visit every district.\n- Schools stay closed until Monday.', { removed: [], title: null }],
  ['a "Latest:" line inside a live story stays', 'The river is falling.\nLatest: the ministry says two wells are polluted.', { removed: [], title: null }],
  ['a story line ending without a stop before a prompt stays', 'The mayor backed an inquiry on Monday.\nThe group called the talks “useful”\nLeave a Reply', { removed: ['comments: Leave a Reply'], title: null }],
  ['copyright line', 'The mayor backed an inquiry on Monday.\n© 2024 Kessering Courier. All rights reserved.', { removed: ['boilerplate: © 2024 Kessering Courier. All rights reserved.'], title: null }],
  // Headlines that end with a full stop, as some exports print them, against opening sentences.
  ['a headline with a full stop before a dateline', 'Ferry crews vote to strike over night shifts.\n\nALDPORT (NPA) — Crews on the three ferries voted to strike.', { removed: [], title: 'Ferry crews vote to strike over night shifts.' }],
  ['a headline with a full stop before a long first paragraph', `Mayor backs inquiry into Kessering dam.\n\n${LONG_LEDE}`, { removed: [], title: 'Mayor backs inquiry into Kessering dam.' }],
  ['a headline with a full stop after a closing quote', `Mayor calls dam report ‘deeply flawed.’\n\n${LONG_LEDE}`, { removed: [], title: 'Mayor calls dam report ‘deeply flawed.’' }],
  ['a Title Case headline with a full stop', `Mayor Backs Kessering Dam Inquiry.\n\n${LONG_LEDE}`, { removed: [], title: 'Mayor Backs Kessering Dam Inquiry.' }],
  ['abbreviations inside a headline with a full stop', `Dr. Halvik calls U.N. report on dam flawed.\n\n${LONG_LEDE}`, { removed: [], title: 'Dr. Halvik calls U.N. report on dam flawed.' }],
  ['an opening sentence with an article is not a headline', `The mayor backed an inquiry into the dam.\n\n${LONG_LEDE}`, { removed: [], title: null }],
  ['an opening sentence with "said" is not a headline', `Dockers ended their strike, their union said.\n\n${LONG_LEDE}`, { removed: [], title: null }],
  ['an opening sentence with its weekday is not a headline', `Dockers voted on Friday to end their strike.\n\n${LONG_LEDE}`, { removed: [], title: null }],
  ['two sentences are not a headline', `Engineers opened the gates. Water rose fast.\n\n${LONG_LEDE}`, { removed: [], title: null }],
  ['a line with a full stop before a short line is not a headline', 'Mayor backs inquiry into Kessering dam.\nShe spoke to reporters outside the town hall.', { removed: [], title: null }],
  ['a first line of full grammar is not a headline', `Residents have been told the water is safe again.\n\n${LONG_LEDE}`, { removed: [], title: null }],
];

for (const [name, text, expected] of CASES) {
  test(`clean: ${name}`, () => {
    assert.deepEqual(cleaned(text), expected);
    const { result } = cleanText(text);
    assertCleanInvariants(text, result.removed, result.title);
    assertSegmentInvariants(text, result.removed, segmentText(text, result.removed));
  });
}

// Outlet recovery: [name, text, url, expected name or null].
const OUTLET_CASES: [name: string, text: string, url: string | null, outlet: string | null][] = [
  ['a domain that "has been told"', 'The mayor is ready to resign, Kesseringpost.com has been told.', null, 'Kesseringpost.com'],
  ['a paper that "understands"', 'The Northgate Herald understands that the dam failed twice.', null, 'Northgate Herald'],
  ['a paper that "can reveal"', 'The Valley Courier can reveal that repairs were delayed.', null, 'Valley Courier'],
  ['told a domain', 'The engineer told Kesseringpost.com that the gates jammed.', null, 'Kesseringpost.com'],
  ['"told the paper" is a relay, not a self-name', 'The engineer told the Northgate Herald that the gates jammed.', null, null],
  ['a person who has been told is not an outlet', 'Mr Halvorsen has been told to stay at home.', null, null],
  ['officials who have been told', 'Officials has been told to stay at home.', null, null],
  ['a wire dateline names the agency', 'ALDPORT, June 3 (NPA) - Ferries resumed on Monday, the port said.', null, 'NPA'],
  ['a copyright line names the owner', 'Ferries resumed on Monday, the port said.\n© 2024 Aldport Evening Post. All rights reserved.', null, 'Aldport Evening Post'],
  ['the URL host as a fallback', 'The mayor backed an inquiry on Monday.', 'https://www.valleycourier.example/news/dam-inquiry', 'valleycourier.example'],
  ['a byline names the employer', 'Mayor backs dam inquiry\nBy Ana Ruiz, Riverside Courier\nThe mayor of Kessering on Monday backed calls for an inquiry.', null, 'Riverside Courier'],
  ['a syndicated copy: the copyright names the publisher, the byline the agency', 'Mayor backs dam inquiry\nBy Ana Ruiz, Valdoria Press Agency\nThe mayor of Kessering on Monday backed calls for an inquiry.\n© 2024 Aldport Evening Post. All rights reserved.', null, 'Aldport Evening Post'],
  ['a byline names the agency', 'Mayor backs dam inquiry\nBy Tom Bell and Ana Ruiz | Reuters\nThe mayor of Kessering on Monday backed calls for an inquiry.', null, 'Reuters'],
  ['a byline with a role names no outlet', 'Mayor backs dam inquiry\nBy Ana Ruiz, Political Correspondent\nThe mayor of Kessering on Monday backed calls for an inquiry.', null, null],
  ['a site prompt names the site by its acronym', 'Follow all the latest VRTN news and alerts here.\n\nMayor backs dam inquiry\n\nThe mayor of Kessering on Monday backed calls for an inquiry.', null, 'VRTN'],
  ['a prompt naming the story\'s topic names no outlet', 'Follow all the latest NFL news here.\n\nAldport signs a new kicker\n\nThe NFL said on Monday that the trade was approved.', null, null],
  ['"Follow <site> on <platform>"', 'Mayor backs dam inquiry\nFollow Valleycourier.com on Telegram\nThe mayor of Kessering on Monday backed calls for an inquiry.', null, 'Valleycourier.com'],
  ['"Download the <site> app"', 'The mayor of Kessering on Monday backed calls for an inquiry.\nDownload the Valley Courier app', null, 'Valley Courier'],
  ['an undated wire dateline names a known agency', 'ALDPORT (AP) — Ferries resumed on Monday, the port said.', null, 'AP'],
  ['an undated dateline with an unknown tag names nothing', 'ALDPORT (VIDEO) — Ferries resumed on Monday, the port said.', null, null],
  ['a syndication tail names the source of the copy', 'Ferries resumed on Monday, the port said.\nSource: Aldport Evening Post', null, 'Aldport Evening Post'],
  ['an empty syndication tail names nothing', 'Ferries resumed on Monday, the port said.\nSource: Read Full Article', null, null],
  ['the page address on the first line', 'https://www.valleycourier.example/news/dam-inquiry\nMayor backs dam inquiry\nThe mayor of Kessering on Monday backed calls for an inquiry.', null, 'valleycourier.example'],
  ['a link to a post is not the page address', 'https://twitter.com/aldportferries/status/1\nFerries resume\nFerries resumed on Monday, the port said.', null, null],
  ['an address inside the story is a link, not the page', 'Ferries resumed on Monday after a week of strikes, the port authority said in a statement.\nhttps://shop.example/ferry-tickets', null, null],
  ['an outlet the story cites is not the outlet', 'The move was condemned by the port, reports The Aldport Telegraph.', null, null],
  ['an outlet that quoted the speaker is not the outlet', '“We are ready,” the mayor wrote, quoted by Newsweek.', null, null],
];

for (const [name, text, url, outlet] of OUTLET_CASES) {
  test(`outlet: ${name}`, () => {
    const { result } = cleanText(text, { url });
    assert.equal(result.outlet?.name ?? null, outlet);
    if (result.outlet?.span) assert.equal(text.slice(result.outlet.span.start, result.outlet.span.end), outlet);
  });
}

test('a title given by the reader is found in the text and its copies removed', () => {
  const text = 'Dam inquiry opens\n\n5\nDam inquiry opens\n\nThe inquiry into the Kessering dam opened on Monday.';
  const { result } = cleanText(text, { title: 'Dam inquiry opens' });
  assert.deepEqual(result.title, { start: 0, end: 17 });
  assert.deepEqual(result.removed.map((span) => span.reason), ['counter', 'repeated-title']);
  assert.deepEqual(result.removed[1]!.duplicateOf, { start: 0, end: 17 });
});

test('duplicates point at the kept first copy', () => {
  const paragraph = 'Engineers opened the gates on Friday after three days of heavy rain.';
  const text = `${paragraph}\n\nThe mayor backed an inquiry.\n\n${paragraph}`;
  const { result } = cleanText(text);
  assert.equal(result.removed.length, 1);
  assert.deepEqual(result.removed[0]!.duplicateOf, { start: 0, end: paragraph.length });
});

test('a text that is all debris gives clean/empty-after-cleaning', () => {
  const doc: Doc = { id: 'd1', source: 'inline', format: 'txt', text: 'Leave a Reply\n\n443\nShare on Facebook', meta: emptyMeta(), messages: [], results: {} };
  const output = cleanStage.run(doc, { duplicates: true });
  assert.deepEqual(output.messages?.map((m) => `${m.severity} ${m.rule}`), ['warning clean/empty-after-cleaning']);
  assert.equal(output.result.removed.length, 3);
});

test('cleaning never rewrites: removed spans are whole trimmed lines of the original', () => {
  const text = '  Home » News » Ferry strike ends  \r\n\r\nFerry strike ends\r\n0\r\nDockers voted on Friday to end the strike.\r\n';
  const { result } = cleanText(text);
  for (const span of result.removed) {
    const slice = text.slice(span.start, span.end);
    assert.equal(slice, slice.trim());
    assert.ok(!slice.includes('\n') && !slice.includes('\r'));
  }
  assert.equal(text.slice(result.title!.start, result.title!.end), 'Ferry strike ends');
});

// The bundled sample story (our own invented articles): what cleaning removes from each text file.
const SAMPLE = fileURLToPath(new URL('../examples/sample-story/', import.meta.url));
const SAMPLE_REMOVED: Record<string, string> = {
  '01-vpa-wire.txt': '',
  '02-eastbridge-times.txt': 'boilerplate',
  '03-northgate-herald.txt': 'duplicate near-duplicate',
  '04-valley-voice-blog.txt': 'breadcrumb navigation widget counter counter repeated-title link-list link-list link-list link-list advert advert comments comments source-tail',
  '05-kessering-daily.txt': 'subscribe widget subscribe subscribe link-list link-list',
  '08-aldport-harbour-gazette.txt': '',
};

for (const file of readdirSync(SAMPLE).filter((name) => name.endsWith('.txt')).sort()) {
  test(`clean: sample story ${file}`, () => {
    const text = readFileSync(SAMPLE + file, 'utf8');
    const { result } = cleanText(text);
    assert.equal(result.removed.map((span) => span.reason).join(' '), SAMPLE_REMOVED[file]);
    assert.ok(result.title, 'every sample article has a title line');
    assertCleanInvariants(text, result.removed, result.title);
    assertSegmentInvariants(text, result.removed, segmentText(text, result.removed));
  });
}
