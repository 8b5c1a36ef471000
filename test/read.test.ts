import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/index.js';
import { decode } from '../src/read/decode.js';
import { assertAnalysisInvariants } from './helpers/invariants.js';

const GOOD = 'Harbour strike ends\n\nDockers in Velmora voted on Friday to end a nine-day strike, the union said.\n';

async function folderWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-read-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

function rulesFor(analysis: Awaited<ReturnType<typeof analyze>>, source: string): string[] {
  const doc = analysis.documents.find((d) => d.source.endsWith(source));
  return analysis.messages.filter((m) => (doc ? m.doc === doc.id : m.text.includes(source))).map((m) => m.rule);
}

// One bad input per row; a good article always sits beside it and must still be analyzed.
const BAD_INPUTS: [name: string, file: string, content: string | Uint8Array, rule: string][] = [
  ['an empty file', 'empty.txt', '', 'read/empty'],
  ['a file of blanks', 'blank.txt', ' \n\n \t', 'read/empty'],
  ['a binary file', 'photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]), 'read/binary'],
  ['invalid UTF-8', 'broken.txt', new Uint8Array([...Buffer.from('Caf\u00e9 owners said the r\u00e9forme is late. '), 0xff, 0xfe, 0x41, ...Buffer.from(' More \u00e9 text.')]), 'read/invalid-utf8'],
  ['a malformed JSON file', 'records.json', '{"text": "unterminated', 'read/malformed-record'],
  ['a JSON record without text', 'record.json', '{"title": "No body"}', 'read/empty'],
];

for (const [name, file, content, rule] of BAD_INPUTS) {
  test(`bad input: ${name} gives ${rule} and the good article is still analyzed`, async () => {
    const dir = await folderWith({ 'good.txt': GOOD, [file]: content });
    const analysis = await analyze([dir]);
    assertAnalysisInvariants(analysis);
    assert.ok(rulesFor(analysis, file).includes(rule), `${file}: expected ${rule}, got ${rulesFor(analysis, file).join(', ')}`);
    const good = analysis.documents.find((d) => d.source.endsWith('good.txt'));
    assert.ok(good && good.sentences.length > 0, 'the good article has sentences');
    const message = analysis.messages.find((m) => m.rule === rule);
    assert.ok(message?.text.includes(file), 'the message names the file');
  });
}

test('bad input: a missing path is a message and the other paths are read', async () => {
  const dir = await folderWith({ 'good.txt': GOOD });
  const analysis = await analyze([join(dir, 'nope.txt'), dir]);
  assert.equal(analysis.documents.length, 1);
  const missing = analysis.messages.find((m) => m.rule === 'read/missing');
  assert.ok(missing && missing.doc === null && missing.text.includes('nope.txt'));
});

test('bad input: a folder with no articles says so', async () => {
  const dir = await folderWith({ 'notes.csv': 'a,b\n1,2\n' });
  const analysis = await analyze([dir]);
  assert.equal(analysis.documents.length, 0);
  assert.deepEqual(analysis.messages.map((m) => m.rule), ['read/skipped-file', 'read/empty-folder']);
});

test('folders: files in formats we do not read are skipped with one warning that names them and says why', async () => {
  const dir = await folderWith({
    'good.txt': GOOD,
    'report.pdf': '%PDF-1.4\n%\u00e2\u00e3\n',
    'notes.docx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
    'sub/photo.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
  });
  const analysis = await analyze([dir]);
  assert.deepEqual(analysis.documents.map((d) => d.source.split('/').pop()), ['good.txt']);
  const skipped = analysis.messages.filter((m) => m.rule === 'read/skipped-file');
  assert.deepEqual(skipped.map((m) => `${m.severity} ${m.doc}`), ['warning null']);
  assert.equal(skipped[0]!.text, `${dir}: skipped 3 files not in a format crosscheck reads (.txt, .md, .html, .htm, .json, .jsonl): notes.docx, report.pdf, sub/photo.jpg. Save an article as text or HTML to include it.`);
});

test('folders: many skipped files are counted, not all named', async () => {
  const files: Record<string, string> = { 'good.txt': GOOD };
  for (let n = 1; n <= 7; n += 1) files[`scan-${n}.pdf`] = '%PDF-1.4\n';
  const analysis = await analyze([await folderWith(files)]);
  const skipped = analysis.messages.find((m) => m.rule === 'read/skipped-file');
  assert.match(skipped?.text ?? '', /skipped 7 files .*: scan-1\.pdf, scan-2\.pdf, scan-3\.pdf, scan-4\.pdf, scan-5\.pdf and 2 more\./);
});

test('bad input: a PDF or Word file given by path is an error that says why, not "binary"', async () => {
  const dir = await folderWith({ 'good.txt': GOOD, 'report.pdf': '%PDF-1.4\n', 'notes.docx': new Uint8Array([0x50, 0x4b, 0x03, 0x04]) });
  const analysis = await analyze([join(dir, 'report.pdf'), join(dir, 'notes.docx'), join(dir, 'good.txt')]);
  const rules = analysis.messages.filter((m) => m.severity === 'error').map((m) => `${m.rule}: ${m.text.slice(m.text.lastIndexOf('/') + 1)}`);
  assert.deepEqual(rules, [
    'read/unsupported-format: report.pdf: is a PDF document, a format crosscheck does not read (it reads .txt, .md, .html, .htm, .json, .jsonl); save the article as text or HTML to include it.',
    'read/unsupported-format: notes.docx: is a Word document, a format crosscheck does not read (it reads .txt, .md, .html, .htm, .json, .jsonl); save the article as text or HTML to include it.',
  ]);
  assert.ok(analysis.documents.find((d) => d.source.endsWith('good.txt'))!.sentences.length > 0);
});

test('bad input: a file over the size limit is refused without being read', async () => {
  const dir = await folderWith({ 'good.txt': GOOD, 'huge.txt': 'x'.repeat(4096) });
  const analysis = await analyze([dir], { maxBytes: 1024 });
  assert.ok(rulesFor(analysis, 'huge.txt').includes('read/too-large'));
  assert.ok(analysis.documents.find((d) => d.source.endsWith('good.txt'))!.sentences.length > 0);
});

test('bad input: a 50 MB file is refused by the default limit', async () => {
  const dir = await folderWith({ 'good.txt': GOOD });
  await writeFile(join(dir, 'big.txt'), Buffer.alloc(50 * 1024 * 1024, 0x61));
  const analysis = await analyze([dir]);
  const message = analysis.messages.find((m) => m.rule === 'read/too-large');
  assert.ok(message?.text.includes('50.0 MB'), message?.text);
});

test('bad input: HTML with no article is a message on that document', async () => {
  const dir = await folderWith({ 'good.txt': GOOD, 'empty.html': '<html><head><title>x</title></head><body><nav><a href="/">Home</a></nav></body></html>' });
  const analysis = await analyze([dir]);
  const doc = analysis.documents.find((d) => d.source.endsWith('empty.html'))!;
  assert.ok(analysis.messages.some((m) => m.doc === doc.id && m.severity !== 'info'), 'a message marks the empty page');
});

test('folders are read recursively in a stable order and ids are unique', async () => {
  const dir = await folderWith({ 'b.txt': GOOD, 'a.txt': GOOD, 'sub/a.txt': GOOD, '.hidden.txt': GOOD });
  const analysis = await analyze([dir]);
  assert.deepEqual(analysis.documents.map((d) => d.source.split('/').slice(-2).join('/')), [analysis.documents[0]!.source.split('/').slice(-2)[0] + '/a.txt', analysis.documents[0]!.source.split('/').slice(-2)[0] + '/b.txt', 'sub/a.txt']);
  assert.deepEqual(analysis.documents.map((d) => d.id), ['a', 'b', 'a-2']);
});

test('JSON Lines records keep their metadata and a broken line does not lose the others', async () => {
  const lines = [
    JSON.stringify({ text: 'The council met on Monday.', title: 'Council meets', outlet: 'Velmora Post', url: 'https://post.example/a', published: '2031-03-02' }),
    '{broken',
    JSON.stringify({ html: '<html><body><article><h1>Bridge</h1><p>The bridge reopened after repairs, engineers said on Tuesday morning.</p><p>Traffic was light in the first hours, the city said.</p></article></body></html>' }),
  ].join('\n');
  const dir = await folderWith({ 'feed.jsonl': lines });
  const analysis = await analyze([dir]);
  assertAnalysisInvariants(analysis);
  assert.equal(analysis.documents.length, 3);
  const first = analysis.documents[0]!;
  assert.equal(first.outlet, 'Velmora Post');
  assert.equal(first.title, 'Council meets');
  assert.equal(first.published, '2031-03-02');
  assert.ok(analysis.messages.some((m) => m.rule === 'read/malformed-record' && m.text.includes('line 2')));
});

// Decoding table: bytes as they arrive, the text and encoding we must read.
const ENCODINGS: [name: string, bytes: Uint8Array, text: string, encoding: string][] = [
  ['UTF-8', Buffer.from('Zürich — “quoted”'), 'Zürich — “quoted”', 'utf-8'],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Kyiv')]), 'Kyiv', 'utf-8'],
  ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Gaza ‘x’', 'utf16le')]), 'Gaza ‘x’', 'utf-16le'],
  ['UTF-16 BE with BOM', Buffer.from([0xfe, 0xff, 0x00, 0x4f, 0x00, 0x4b]), 'OK', 'utf-16be'],
  ['windows-1251 Cyrillic', Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0]), 'Привет мир', 'windows-1251'],
  ['windows-1252 Western', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]), 'Café “ok”', 'windows-1252'],
];

for (const [name, bytes, text, encoding] of ENCODINGS) {
  test(`decode: ${name}`, () => {
    const decoded = decode(bytes);
    assert.equal(decoded.text, text);
    assert.equal(decoded.encoding, encoding);
  });
}

test('decode: an HTML page declaring windows-1251 is read as such', () => {
  const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'), Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]), Buffer.from('</p></body></html>')]);
  const decoded = decode(page, { html: true });
  assert.equal(decoded.encoding, 'windows-1251');
  assert.ok(decoded.text.includes('Москва'));
});
