/**
 * Generated inputs for the property tests (test/fuzz.test.ts) and `npm run fuzz`: random bytes
 * and strings, invented articles mutated the ways real pages go wrong (quote marks of every
 * language, nested and unbalanced quotes, emoji, zero-width and bidi characters, CR line ends,
 * NULs), broken and deeply nested HTML, odd encodings, huge lines, and JSON records with wrong
 * types. Every text is made up here or by news-generator.ts; nothing is taken from real articles.
 */
import fc from 'fast-check';
import type { InputFormat } from '../../src/document.js';
import type { InlineArticle } from '../../src/read/index.js';
import { newsArticle } from './news-generator.js';

/** One call of `analyze`: its inputs, and the family they come from (for the report). */
export interface FuzzCase {
  kind: string;
  inputs: InlineArticle[];
  maxBytes?: number;
}

/** How large the generated inputs may grow: small for the test suite, larger for `npm run fuzz`. */
export interface FuzzLimits {
  sentences: number;
  nesting: number;
  hugeChars: number;
}

export const TEST_LIMITS: FuzzLimits = { sentences: 12, nesting: 1_000, hugeChars: 20_000 };
export const FUZZ_LIMITS: FuzzLimits = { sentences: 40, nesting: 10_000, hugeChars: 200_000 };

const FORMATS: InputFormat[] = ['txt', 'md', 'html', 'json', 'jsonl'];

const QUOTE_PAIRS: [string, string][] = [
  ['"', '"'], ['\u201c', '\u201d'], ['\u2018', '\u2019'], ["'", "'"], ['\u00ab', '\u00bb'], ['\u00bb', '\u00ab'],
  ['\u201e', '\u201c'], ['\u201a', '\u2018'], ['\u2039', '\u203a'], ['\u300c', '\u300d'], ['\u2014 ', ''],
];

/** Characters that break naive tokenizers: zero-width, bidi, controls, separators, astral, lone surrogates. */
const ODD_CHARACTERS = [
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202b', '\u202d', '\u202e', '\u202c',
  '\u2066', '\u2067', '\u2068', '\u2069', '\u0000', '\u0007', '\u000b', '\u000c', '\u001b', '\u0085', '\u2028', '\u2029',
  '\u00a0', '\u202f', '\u3000', '\u00ad', '\u0301', '\r', '\r\n', '\t', '\ufffd', '\ud800', '\udfff', '\ud83d',
  '\ud83d\ude00', '\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67', '\ud83c\uddfa\ud83c\udde6', '\ud83d\udc4d\ud83c\udffd',
  '\ud835\udc08\ud835\udc0d', '\ud840\udc00', '\u{1F525}', 'e\u0301', '\u2026', '\u2013', '\u2014', '\u2015', '\u2212',
];

/** Lines that real pages and wires carry around an article, in invented wording. */
const FRAGMENTS = [
  'By Marta Velk and Jan Oller | Valley Voice',
  'KESSERING, March 3 (VPA) \u2014 ',
  'Share 12 \u00b7 Tweet 4 \u00b7 Email',
  'Subscribe to our newsletter for the morning briefing.',
  'Read more: Harbour plan delayed again',
  'Advertisement',
  '\u00a9 2025 Coastline Radio. All rights reserved.',
  'Home > News > Region',
  'Comments (34)',
  '\u201cThey told us \u2018wait until Monday\u2019 and then went quiet,\u201d said Ines Kalvo.',
  '\u201cA \u2018b \u201cc \u2018d\u2019 c\u201d b\u2019 a,\u201d the mayor said.',
  '\u201cThe plant is safe, said the director.',
  'He said the plant was safe.\u201d Then he left.',
  '\u00abNous attendons les r\u00e9sultats\u00bb, a d\u00e9clar\u00e9 Lena Tervo.',
  '\u201eWir warten\u201c, sagte Karl Weiss. \u00bbDas stimmt nicht\u00ab, sagte er.',
  '\u2014 We are ready, said Oskar Brenn.',
  'The mayor \u2014 who had not been told \u2014 said nothing \u2013 at first.',
  'Residents \ud83d\ude21\ud83d\udd25 posted photos \ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67 of the flooded square.',
  'Jan\u200bOller said \u202ethis runs backwards\u202c, according to the council.',
  '\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432 \u0441\u043a\u0430\u0437\u0430\u043b: \u00ab\u041c\u044b \u0436\u0434\u0451\u043c\u00bb.',
  '\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b "\u0644\u0627 \u062a\u0639\u0644\u064a\u0642" \u0627\u0644\u064a\u0648\u0645.',
  'On 13/3, at 6.40 a.m., 4.5% of the 1,200 homes were cut off (see p. 4).',
  '# Water plant to reopen',
  '> \u201cWe will rebuild,\u201d she wrote.',
  '* Halvik Group: \u201cno comment\u201d',
  '| outlet | said |',
  '<script>alert(1)</script> </td></tr></table><h1>loud</h1>',
  '" " \u201c \u2019 \u00ab',
  'Mr. Dr. Prof. St. U.S. e.g. i.e. No. 5 vs. Jr.',
  '\u201c\u201d\u201c\u201d',
  'said said said according to told reporters',
  'His spokeswoman\u2019s \u201cfull confidence\u201d, the Kremlin\u2019s, said.',
];

const HOSTILE_STRINGS = [
  '', ' ', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</td></tr></table><h1>', '| a | b |', '[x](javascript:alert(1))',
  '\u202e\u0000\ud800', '2025-13-45T99:99', 'not a date', '..', '../../etc/passwd', 'x'.repeat(5_000), 'http://', '\r\n\r\n',
];

interface Mutation {
  op: 'insert' | 'delete' | 'duplicate' | 'requote' | 'drop-mark' | 'line-ends' | 'repeat' | 'squash' | 'upper';
  at: number;
  length: number;
  payload: string;
  count: number;
}

const mutationArb = (limits: FuzzLimits): fc.Arbitrary<Mutation> =>
  fc.record({
    op: fc.constantFrom('insert', 'insert', 'insert', 'delete', 'duplicate', 'requote', 'drop-mark', 'line-ends', 'repeat', 'squash', 'upper'),
    at: fc.nat(),
    length: fc.nat({ max: 400 }),
    payload: fc.oneof(
      fc.constantFrom(...ODD_CHARACTERS),
      fc.constantFrom(...FRAGMENTS).map((line) => `\n${line}\n`),
      fc.constantFrom(...QUOTE_PAIRS.flat()),
      fc.string({ unit: 'binary', maxLength: 12 }),
    ),
    count: fc.integer({ min: 1, max: Math.min(limits.hugeChars, 3_000) }),
  });

function applyMutation(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  const end = Math.min(text.length, at + m.length);
  switch (m.op) {
    case 'insert':
      return text.slice(0, at) + m.payload + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 'requote': {
      const [open, close] = QUOTE_PAIRS[m.count % QUOTE_PAIRS.length]!;
      return text.replace(/[\u201c"]([^\u201d"\n]*)[\u201d"]/g, `${open}$1${close}`);
    }
    case 'drop-mark': {
      const marks = [...text.matchAll(/["\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e]/g)];
      const mark = marks[m.count % Math.max(marks.length, 1)];
      return mark?.index === undefined ? text : text.slice(0, mark.index) + text.slice(mark.index + 1);
    }
    case 'line-ends':
      return text.replace(/\n/g, ['\r\n', '\r', '\u2028', '\n\n\n', '\n \n', '\u0085'][m.count % 6]!);
    case 'repeat':
      // `count` is the number of characters added, whatever the payload's length.
      return text.slice(0, at) + (m.payload || '"').repeat(Math.ceil(m.count / Math.max(m.payload.length, 1))) + text.slice(at);
    case 'squash':
      return text.slice(0, at) + text.slice(at, end).replace(/\s+/g, '') + text.slice(end);
    case 'upper':
      return text.slice(0, at) + text.slice(at, end).toUpperCase() + text.slice(end);
  }
}

/** An invented article, with 0-8 of the mutations above applied in turn. */
const articleText = (limits: FuzzLimits): fc.Arbitrary<string> =>
  fc
    .record({
      seed: fc.nat(),
      sentences: fc.integer({ min: 0, max: limits.sentences }),
      mutations: fc.array(mutationArb(limits), { maxLength: 8 }),
    })
    .map(({ seed, sentences, mutations }) => mutations.reduce(applyMutation, newsArticle({ sentences, seed })));

const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }));

/** Metadata a caller may pass along with the text: sometimes hostile, usually absent. */
const metadata: fc.Arbitrary<Partial<InlineArticle>> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.record({ title: hostile, url: hostile, outlet: hostile, published: hostile }, { requiredKeys: [] }) },
);

/** A caller's title for the headline the text opens with, written a little differently. */
const TITLE_VARIANTS: ((headline: string) => string)[] = [
  (headline) => headline.toUpperCase(),
  (headline) => `${headline.replace(/\s+/gu, '  ')}!`,
  (headline) => headline.replace(/\p{L}+/u, '\u201c$&\u201d'),
];

const formatOrSniffed = fc.option(fc.constantFrom(...FORMATS), { nil: undefined });

/** An article is mostly read as what it is; now and then as a format it is not. */
const articleFormat = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constant<InputFormat>('txt') },
  { weight: 2, arbitrary: fc.constant<InputFormat>('md') },
  { weight: 1, arbitrary: fc.constantFrom<InputFormat>('html', 'json', 'jsonl') },
);

/** A value in about one case of eight, else undefined. */
function rarely<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

function inline(content: string | Uint8Array, source: string, format?: InputFormat, meta: Partial<InlineArticle> = {}): InlineArticle {
  return { ...meta, content, source, ...(format ? { format } : {}) };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Noise a page holds around or inside its article, broken in the ways saved pages are. */
const HTML_NOISE = [
  '<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>',
  '<script>var said = "\\u201cquoted\\u201d"; if (a < b && c > d) { document.write("<p>x</p>"); }</script>',
  '<script type="application/ld+json">{"headline": "Plant to reopen", "datePublished": "2025-03-03", "author": [null, 5]}</script>',
  '<script type="application/ld+json">{"headline": {"a": 1}, "datePublished": [], "publisher": "</script>',
  '<script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]</script>',
  '<style>p::before { content: "\\201C"; }</style>',
  '<!-- a comment with <p>markup</p> and -- dashes -->',
  '<!-- never closed',
  '<script>never closed',
  '<template><p>Hidden paragraph in a template.</p></template>',
  '<svg><text>Chart: 4.5% rise</text><math><mi>x</mi></math></svg>',
  '<iframe src="https://example.invalid/embed"></iframe>',
  '<form><input value="&quot;"><button>Subscribe</button></form>',
  '<table><tr><td>Share<td>12<tr><td>Tweet<td>4</table>',
  '<p>Entities: &amp; &quot;&ldquo;said&rdquo; &#8220;x&#8221; &#x201D; &#0; &#xD800; &#1114112; &#99999999999; &notanentity; &amp &nbsp;</p>',
  '<p><b><i><u>Unclosed formatting all the way down',
  '</p></div></body></html><p>After the end of the page.</p>',
  '<p data-x="unclosed attribute>More text</p>',
  '<![CDATA[ cdata <p> section ]]>',
  '<meta charset="utf-8"><meta charset="windows-1251"><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
  '<meta property="og:title" content="&lt;b&gt;Title&lt;/b&gt; &amp; more"><meta property="article:published_time" content="yesterday">',
  '<ul><li>one<li>two<ul><li>three</ul></ul>',
  '<h1></h1><h1>Second headline</h1><h1>Third headline</h1>',
  '<pre>  preformatted\n\n  "quoted"  </pre>',
  '<p>A\u0000NUL inside a paragraph.</p>',
];

const charsetDeclaration = fc.constantFrom(
  '', '<meta charset="utf-8">', '<meta charset="windows-1251">', '<meta charset="windows-1252">', '<meta charset=koi8-r>',
  '<meta charset="">', '<meta charset="utf-8"">', '<meta charset="shift_jis">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
);

/** A page around an article: headline, paragraphs, and noise spliced in at random places. */
const htmlPage = (limits: FuzzLimits): fc.Arbitrary<string> =>
  fc
    .record({
      article: articleText(limits),
      charset: charsetDeclaration,
      noise: fc.array(fc.record({ at: fc.nat(), piece: fc.constantFrom(...HTML_NOISE) }), { maxLength: 6 }),
      hugeAttribute: rarely(fc.integer({ min: 1_000, max: Math.max(1_000, limits.hugeChars) })),
      closeTags: fc.boolean(),
      bare: fc.boolean(),
    })
    .map(({ article, charset, noise, hugeAttribute, closeTags, bare }) => {
      const [headline = '', ...paragraphs] = article.split(/\n+/);
      const close = (tag: string) => (closeTags ? `</${tag}>` : '');
      const blocks = [`<h1>${escapeHtml(headline)}${close('h1')}`, ...paragraphs.map((line) => `<p>${escapeHtml(line)}${close('p')}`)];
      for (const { at, piece } of noise) blocks.splice(at % (blocks.length + 1), 0, piece);
      if (hugeAttribute) blocks.unshift(`<div class="${'x '.repeat(hugeAttribute / 2)}" data-json='${'{'.repeat(hugeAttribute / 10)}'></div>`);
      const body = `<article>${blocks.join('\n')}</article>`;
      return bare ? body : `<!doctype html><html><head>${charset}<title>${escapeHtml(headline)}</title></head><body>${body}</body></html>`;
    });

/** Thousands of nested elements, closed or not, around an article. */
const deepHtml = (limits: FuzzLimits): fc.Arbitrary<string> =>
  fc
    .record({
      article: articleText(limits),
      depth: fc.integer({ min: 100, max: limits.nesting }),
      tag: fc.constantFrom('div', 'span', 'b', 'ul><li', 'table><tr><td', 'blockquote', 'p'),
      closed: fc.boolean(),
    })
    .map(({ article, depth, tag, closed }) => {
      const closing = tag.split('><').reverse().map((name) => `</${name}>`).join('');
      return `<html><body>${`<${tag}>`.repeat(depth)}<p>${escapeHtml(article).replace(/\n+/g, '</p><p>')}</p>${closed ? closing.repeat(depth) : ''}</body></html>`;
    });

/** windows-1251 and windows-1252 as byte tables, built from the decoder so they cannot drift. */
function legacyEncoder(label: 'windows-1251' | 'windows-1252'): (text: string) => Uint8Array {
  const byChar = new Map<string, number>();
  const decoded = new TextDecoder(label).decode(Uint8Array.from({ length: 256 }, (_, byte) => byte));
  [...decoded].forEach((char, byte) => byChar.set(char, byte));
  const curly: Record<string, number> = { '\u201c': 0x93, '\u201d': 0x94, '\u2018': 0x91, '\u2019': 0x92, '\u2013': 0x96, '\u2014': 0x97, '\u2026': 0x85, '\u20ac': 0x80, '\u201e': 0x84 };
  return (text) => Uint8Array.from([...text], (char) => (label === 'windows-1252' ? curly[char] : undefined) ?? byChar.get(char) ?? 0x3f);
}
const toWindows1251 = legacyEncoder('windows-1251');
const toWindows1252 = legacyEncoder('windows-1252');

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let index = 0; index < text.length; index += 1) view.setUint16((index + (bom ? 1 : 0)) * 2, text.charCodeAt(index), littleEndian);
  return bytes;
}

const BROKEN_UTF8 = [
  [0x80], [0xbf], [0xc0, 0x80], [0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xf0, 0x80, 0x80, 0xaf], [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80], [0xf5], [0xfe], [0xff], [0xe2, 0x80], [0xf0, 0x9f, 0x98],
];

const CYRILLIC_ARTICLE =
  '\u0413\u043e\u0440\u043e\u0434 \u0436\u0434\u0451\u0442 \u0432\u043e\u0434\u0443\n\n\u041c\u044d\u0440 \u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432 \u0437\u0430\u044f\u0432\u0438\u043b: \u00ab\u041c\u044b \u043d\u0435 \u0432\u0438\u0434\u0435\u043b\u0438 \u0434\u043e\u043a\u043b\u0430\u0434\u00bb. ' +
  '\u041f\u043e \u0441\u043b\u043e\u0432\u0430\u043c \u043c\u0438\u043d\u0438\u0441\u0442\u0440\u0430, \u0437\u0430\u0432\u043e\u0434 \u043e\u0442\u043a\u0440\u043e\u044e\u0442 \u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a.\n';

/** An article's bytes in an encoding a reader must recognise, or broken in one it must survive. */
const encodedArticle = (limits: FuzzLimits): fc.Arbitrary<{ bytes: Uint8Array; html: boolean }> =>
  fc
    .record({
      text: fc.oneof(articleText(limits), fc.constant(CYRILLIC_ARTICLE)),
      encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'utf-16le-bom', 'utf-16be-bom', 'windows-1251', 'windows-1252', 'broken-utf-8'),
      html: fc.boolean(),
      charset: charsetDeclaration,
      breaks: fc.array(fc.record({ at: fc.nat(), bytes: fc.constantFrom(...BROKEN_UTF8) }), { minLength: 1, maxLength: 10 }),
    })
    .map(({ text, encoding, html, charset, breaks }) => {
      const page = html ? `<html><head>${charset}</head><body><p>${escapeHtml(text).replace(/\n+/g, '</p><p>')}</p></body></html>` : text;
      const utf8 = new TextEncoder().encode(page);
      switch (encoding) {
        case 'utf-8':
          return { bytes: utf8, html };
        case 'utf-8-bom':
          return { bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), html };
        case 'windows-1251':
          return { bytes: toWindows1251(page), html };
        case 'windows-1252':
          return { bytes: toWindows1252(page), html };
        case 'broken-utf-8': {
          const bytes = [...utf8];
          for (const { at, bytes: broken } of breaks) bytes.splice(at % (bytes.length + 1), 0, ...broken);
          return { bytes: Uint8Array.from(bytes), html };
        }
        default: {
          const [, endian, bom] = /utf-16(le|be)(-bom)?/.exec(encoding)!;
          return { bytes: utf16(page, endian === 'le', bom !== undefined), html };
        }
      }
    });

/** A value of any JSON type, to stand where a record expects a string. */
const wrongType = fc.oneof(
  fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.constant(''), fc.constant('   '),
  fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

const recordArb = (limits: FuzzLimits): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ text: fc.oneof({ weight: 3, arbitrary: articleText(limits) }, { weight: 1, arbitrary: wrongType }) }) },
    fc.record(
      {
        text: fc.oneof(articleText(limits), wrongType),
        html: fc.oneof(htmlPage(limits), wrongType),
        title: fc.oneof(hostile, wrongType),
        url: fc.oneof(hostile, wrongType),
        outlet: fc.oneof(hostile, wrongType),
        published: fc.oneof(hostile, wrongType),
      },
      { requiredKeys: [] },
    ),
    wrongType,
    fc.jsonValue({ maxDepth: 3 }),
  );

/** JSON or JSON Lines with records of wrong types, broken lines, blank lines, BOMs and CRLFs. */
const recordsFile = (limits: FuzzLimits): fc.Arbitrary<{ content: string; format: 'json' | 'jsonl' }> =>
  fc
    .record({
      records: fc.array(recordArb(limits), { maxLength: 4 }),
      format: fc.constantFrom('json' as const, 'jsonl' as const),
      cut: rarely(fc.nat()),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      deep: rarely(fc.integer({ min: 1, max: limits.nesting * 10 })),
    })
    .map(({ records, format, cut, crlf, bom, deep }) => {
      let content = format === 'json' ? JSON.stringify(records.length === 1 ? records[0] : records) ?? 'undefined' : records.map((record) => JSON.stringify(record) ?? '').join('\n\n');
      if (deep) content += `${crlf ? '\r\n' : '\n'}${'['.repeat(deep)}${']'.repeat(deep)}`;
      if (cut !== undefined) content = content.slice(0, cut % (content.length + 1));
      if (crlf) content = content.replace(/\n/g, '\r\n');
      return { content: (bom ? '\ufeff' : '') + content, format };
    });

/** One line far longer than any article: many sentences with no line end, or a single giant token. */
const hugeLine = (limits: FuzzLimits): fc.Arbitrary<string> =>
  fc
    .record({
      chars: fc.integer({ min: 1_000, max: limits.hugeChars }),
      seed: fc.nat(),
      unit: fc.constantFrom('sentences', 'x', 'a ', '"', '\u201c', '. ', 'Mr. ', '\u2014', '\ud83d\ude00', '<p>', '\u200b'),
    })
    .map(({ chars, seed, unit }) => {
      if (unit !== 'sentences') return unit.repeat(Math.ceil(chars / unit.length));
      return newsArticle({ sentences: Math.ceil(chars / 100), seed, layout: 'one-line' });
    });

export interface FuzzFamily {
  kind: string;
  /** How often `fuzzCase` draws this family, relative to the others. */
  weight: number;
  arbitrary: fc.Arbitrary<FuzzCase>;
}

/** Every family of input, weighted so the common ones (real-looking articles) dominate. */
export function fuzzFamilies(limits: FuzzLimits): FuzzFamily[] {
  const article = fc
    .record({ text: articleText(limits), format: articleFormat, meta: metadata, bytes: fc.boolean(), retitle: fc.constantFrom(null, null, null, ...TITLE_VARIANTS) })
    .map(({ retitle, ...rest }) => (retitle ? { ...rest, meta: { ...rest.meta, title: retitle(rest.text.split(/\r\n|\r|\n/u)[0]!) } } : rest));
  const single: [string, number, fc.Arbitrary<InlineArticle>][] = [
    ['bytes', 30, fc.tuple(fc.uint8Array({ maxLength: 3_000 }), formatOrSniffed).map(([bytes, format]) => inline(bytes, 'bytes.bin', format))],
    ['unicode', 20, fc.tuple(fc.string({ unit: 'binary', maxLength: 2_000 }), formatOrSniffed).map(([text, format]) => inline(text, 'unicode.txt', format))],
    ['article', 100, article.map(({ text, format, meta, bytes }) => inline(bytes ? new TextEncoder().encode(text) : text, 'article.txt', format, meta))],
    ['html', 50, fc.tuple(htmlPage(limits), metadata).map(([html, meta]) => inline(html, 'page.html', 'html', meta))],
    ['deep-html', 10, deepHtml(limits).map((html) => inline(html, 'deep.html', 'html'))],
    ['encoding', 40, encodedArticle(limits).map(({ bytes, html }) => inline(bytes, html ? 'encoded.html' : 'encoded.txt', html ? 'html' : 'txt'))],
    ['records', 30, recordsFile(limits).map(({ content, format }) => inline(content, `records.${format}`, format))],
    ['huge-line', 3, fc.tuple(hugeLine(limits), formatOrSniffed).map(([text, format]) => inline(text, 'huge.txt', format))],
  ];
  const families: FuzzFamily[] = single.map(([kind, weight, input]) => ({ kind, weight, arbitrary: input.map((one) => ({ kind, inputs: [one] })) }));
  const anySingle = fc.oneof(...single.filter(([kind]) => kind !== 'huge-line').map(([, weight, arbitrary]) => ({ weight, arbitrary })));
  return [
    ...families,
    {
      kind: 'copies',
      weight: 30,
      arbitrary: fc
        .record({ base: articleText(limits), copies: fc.array(fc.array(mutationArb(limits), { maxLength: 3 }), { minLength: 1, maxLength: 3 }) })
        .map(({ base, copies }) => ({
          kind: 'copies',
          inputs: [base, ...copies.map((mutations) => mutations.reduce(applyMutation, base))].map((text, index) => inline(text, `copy-${index}.txt`)),
        })),
    },
    { kind: 'mixed', weight: 20, arbitrary: fc.array(anySingle, { minLength: 2, maxLength: 4 }).map((inputs) => ({ kind: 'mixed', inputs })) },
    {
      kind: 'max-bytes',
      weight: 10,
      arbitrary: fc.tuple(article, fc.integer({ min: 1, max: 4_000 })).map(([{ text }, maxBytes]) => ({ kind: 'max-bytes', inputs: [inline(text, 'limited.txt')], maxBytes })),
    },
  ];
}

/** One input of any family, drawn by weight. */
export function fuzzCase(limits: FuzzLimits): fc.Arbitrary<FuzzCase> {
  return fc.oneof(...fuzzFamilies(limits).map(({ weight, arbitrary }) => ({ weight, arbitrary })));
}

/** A case as JSON that survives the trip to disk: bytes as base64, strings as they are. */
export function serializeCase(fuzz: FuzzCase): string {
  return JSON.stringify({
    ...fuzz,
    inputs: fuzz.inputs.map((input) =>
      typeof input.content === 'string' ? input : { ...input, content: { base64: Buffer.from(input.content).toString('base64') } },
    ),
  });
}

export function parseCase(json: string): FuzzCase {
  const raw = JSON.parse(json) as Omit<FuzzCase, 'inputs'> & { inputs: (Omit<InlineArticle, 'content'> & { content: string | { base64: string } })[] };
  return {
    ...raw,
    inputs: raw.inputs.map(({ content, ...input }) => ({
      ...input,
      content: typeof content === 'string' ? content : new Uint8Array(Buffer.from(content.base64, 'base64')),
    })),
  };
}
