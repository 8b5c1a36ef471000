import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliIO } from '../src/cli/program.js';
import { AnalysisSchema, analyze } from '../src/index.js';
import { addToCase, openStore } from '../src/store/index.js';
import { newsCorpus } from './helpers/news-generator.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = 'examples/sample-story';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], options: { stdin?: string; cwd?: string } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => Buffer.from(options.stdin ?? ''),
    stderrIsTTY: false,
    cwd: options.cwd ?? ROOT,
    exitCode: 0,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function spawnCli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const dataDir = () => mkdtemp(join(tmpdir(), 'crosscheck-cases-'));

async function sampleFiles(): Promise<string[]> {
  return (await readdir(join(ROOT, SAMPLE))).sort().map((name) => `${SAMPLE}/${name}`);
}

test('cases: adding in two steps gives the analysis analyze makes of the same files', async () => {
  const data = await dataDir();
  const files = await sampleFiles();
  const first = await run(['add', 'Harbour fire', ...files.slice(0, 4), '--data', data]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^Added 4 document\(s\) to the new case "Harbour fire" \(4 in all\)\./);
  const second = await run(['add', 'Harbour fire', ...files.slice(4), '--data', data]);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /^Added 4 document\(s\) to case "Harbour fire" \(8 in all\)\./);

  const exported = await run(['export', 'Harbour fire', '--format', 'json', '--data', data]);
  assert.equal(exported.code, 0, exported.stderr);
  const expected = await analyze(files, { cwd: ROOT });
  assert.deepEqual(AnalysisSchema.parse(JSON.parse(exported.stdout)), AnalysisSchema.parse(expected));
});

test('cases: adding the same files again stores nothing twice', async () => {
  const data = await dataDir();
  await run(['add', 'Again', SAMPLE, '--data', data]);
  const again = await run(['add', 'Again', SAMPLE, '--data', data]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /Added 0 document\(s\) to case "Again" \(8 in all; 8 already in the case\)/);
});

test('cases: per-document results are kept and reused; corpus stages see the whole case', async () => {
  const data = await dataDir();
  const store = await openStore(data);
  try {
    const [a, b, c] = newsCorpus(3, 8, 5);
    const first = await addToCase(store, 'Reuse', [a!, b!]);
    const kept = first.analysis!.quotes.filter((quote) => quote.doc === first.added[0]!.id).length;
    assert.ok(kept > 0);
    // Empty the first document's kept quotes: if the next add re-ran its stages, they would come back.
    const sqlite = (store as unknown as { db: import('better-sqlite3').Database }).db;
    const row = sqlite.prepare('SELECT document_id, results FROM document_results WHERE document_id = ?').get(first.added[0]!.id) as { document_id: string; results: string };
    const entry = JSON.parse(row.results);
    entry.results.quotes = [];
    sqlite.prepare('UPDATE document_results SET results = ? WHERE document_id = ?').run(JSON.stringify(entry), row.document_id);
    const second = await addToCase(store, 'Reuse', [c!]);
    assert.equal(second.analysis!.documents.length, 3);
    assert.equal(second.analysis!.quotes.filter((quote) => quote.doc === first.added[0]!.id).length, 0);
    assert.ok(second.analysis!.quotes.some((quote) => quote.doc === second.added[0]!.id));
  } finally {
    await store.close();
  }
});

test('cases: ls, show, export in every format, and rm', async () => {
  const data = await dataDir();
  assert.match((await run(['ls', '--data', data])).stdout, /^No cases yet/);
  assert.equal(existsSync(join(data, 'crosscheck.sqlite')), false, 'reading commands do not make a store');
  await run(['add', 'Порт — 港口', SAMPLE, '--data', data]);
  await run(['add', 'Second', `${SAMPLE}/01-vpa-wire.txt`, '--data', data]);
  const listed = await run(['ls', '--data', data]);
  assert.equal(listed.code, 0);
  assert.match(listed.stdout, /^CASE +DOCUMENTS +UPDATED +ID\nSecond +1 +\S+ \S+ +[0-9a-z]{16}\nПорт — 港口 +8 /);

  const shown = await run(['show', 'Порт — 港口', '--data', data]);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /^Порт — 港口 \(id [0-9a-z]{16}\): 8 document\(s\)/);
  assert.match(shown.stdout, /claim\(s\)/);
  assert.match(shown.stdout, /error\(s\), \d+ warning\(s\)/);

  const csv = await run(['export', 'Порт — 港口', '--format', 'csv', '--data', data]);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout, /^claim,story,status,independent sources,text,/);
  assert.ok(csv.stdout.split('\r\n').length > 3);
  for (const [format, pattern] of [['md', /^# /m], ['html', /^<!doctype html>/i], ['graphml', /<graphml /]] as const) {
    const exported = await run(['export', 'Порт — 港口', '--format', format, '--data', data]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, pattern, format);
  }
  const file = join(data, 'out.html');
  assert.equal((await run(['export', 'Second', '--format', 'html', '--out', file, '--data', data])).code, 0);
  assert.match(await readFile(file, 'utf8'), /<html/i);

  const removed = await run(['rm', 'Second', '--data', data]);
  assert.equal(removed.code, 0);
  assert.equal(removed.stdout, 'Removed case "Second" and its 1 document(s).\n');
  assert.doesNotMatch((await run(['ls', '--data', data])).stdout, /Second/);
});

test('cases: bad usage is one line and exit 2, never a stack trace', async () => {
  const data = await dataDir();
  await run(['add', 'Real', `${SAMPLE}/01-vpa-wire.txt`, '--data', data]);
  const cases: [string[], RegExp][] = [
    [['show', 'Missing', '--data', data], /^crosscheck: error: there is no case named "Missing" in .*; `crosscheck ls` lists the cases\.\n$/],
    [['rm', 'Missing', '--data', data], /^crosscheck: error: there is no case named "Missing"/],
    [['export', 'Missing', '--data', data], /^crosscheck: error: there is no case named "Missing"/],
    [['export', 'Real', '--format', 'pdf', '--data', data], /error: option '-f, --format <format>' argument 'pdf' is invalid/],
    [['add', 'Real', 'ftp://example.org/story', '--data', data], /^crosscheck: error: crosscheck fetches only http and https URLs \(ftp:\/\/example\.org\/story\)/],
    [['add', 'two\nlines', SAMPLE, '--data', data], /^crosscheck: error: A case name cannot hold control characters or line breaks: "two\\nlines"\. \[INVALID_CASE_NAME\]\n$/],
    [['add', '  ', SAMPLE, '--data', data], /^crosscheck: error: A case name cannot be empty\. \[INVALID_CASE_NAME\]\n$/],
    [['add', 'X', SAMPLE, '--data', join(data, 'crosscheck.sqlite')], /^crosscheck: error: .*crosscheck\.sqlite/],
  ];
  for (const [argv, pattern] of cases) {
    const result = await run(argv);
    assert.equal(result.code, 2, `${argv.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, pattern, argv.join(' '));
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  }
  assert.deepEqual((await run(['ls', '--data', data])).stdout.split('\n').slice(1, -1).map((line) => line.split(/ +/)[0]), ['Real']);
});

test('cases: a failing input is reported and the good ones are stored; nothing readable makes no case', async () => {
  const data = await dataDir();
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cases-input-'));
  await writeFile(join(dir, 'good.txt'), 'Ferry service resumes\n\nThe ferry between Velmora and Ostrin resumed on Monday, the port authority said.\n');
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'scan.pdf'), '%PDF-1.7 not an article');
  await writeFile(join(dir, 'huge.txt'), 'Word '.repeat(1000));
  const mixed = await run(['add', 'Mixed', join(dir, 'good.txt'), join(dir, 'empty.txt'), join(dir, 'missing.txt'), join(dir, 'scan.pdf'), join(dir, 'huge.txt'), '--max-bytes', '2kB', '--data', data]);
  assert.equal(mixed.code, 1);
  assert.match(mixed.stderr, /scan\.pdf: is a PDF document/);
  assert.match(mixed.stderr, /huge\.txt: is 4\.9 kB, more than the limit of 2\.0 kB/);
  assert.match((await run(['ls', '--data', data])).stdout, /\nMixed +1 /);
  assert.match(mixed.stderr, /^crosscheck: error: \S*empty\.txt: is empty\. \[read\/empty\]$/m);
  assert.match(mixed.stderr, /missing\.txt: does not exist/);
  assert.match(mixed.stdout, /Added 1 document\(s\)/);

  const nothing = await run(['add', 'Nothing', join(dir, 'empty.txt'), '--data', data]);
  assert.equal(nothing.code, 1);
  assert.match(nothing.stderr, /nothing could be read, so no case "Nothing" was made/);
  assert.doesNotMatch((await run(['ls', '--data', data])).stdout, /Nothing/);
});

test('cases: names that look like paths stay names; standard input can be added', async () => {
  const data = await dataDir();
  const outside = await mkdtemp(join(tmpdir(), 'crosscheck-cases-outside-'));
  await mkdir(join(data, 'inner'));
  const name = `../../${outside.split('/').pop()}/evil`;
  const added = await run(['add', name, '-', '--data', join(data, 'inner')], { stdin: 'Harbour reopens\n\nThe harbour reopened on Tuesday, officials said.\n' });
  assert.equal(added.code, 0, added.stderr);
  assert.deepEqual(await readdir(outside), []);
  assert.deepEqual((await readdir(join(data, 'inner'))).filter((file) => !file.startsWith('crosscheck.sqlite')), []);
  const shown = await run(['show', name, '--data', join(data, 'inner')]);
  assert.match(shown.stdout, /1 document\(s\)/);
});

test('cases: CROSSCHECK_DATA chooses the folder; two adds into one case at once both land, once each', async () => {
  const data = await dataDir();
  const files = await sampleFiles();
  const [one, two] = await Promise.all([
    spawnCli(['add', 'Shared', ...files.slice(0, 4)], { CROSSCHECK_DATA: data }),
    spawnCli(['add', 'Shared', ...files.slice(4)], { CROSSCHECK_DATA: data }),
  ]);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  const store = await openStore(data);
  const cases = await store.listCases();
  assert.deepEqual(cases.map((c) => [c.name, c.documents]), [['Shared', 8]]);
  const { documents } = await store.listDocuments(cases[0]!.id);
  await store.close();
  // A JSON Lines file's records are named "file.jsonl#1", "#2"...
  const sourceFiles = [...new Set(documents.map((doc) => doc.source.replace(/#\d+$/, '')))];
  assert.deepEqual([...sourceFiles].sort(), files);
  // Whichever finished last, the exported analysis covers every document, in the order stored.
  const exported = await spawnCli(['export', 'Shared'], { CROSSCHECK_DATA: data });
  assert.equal(exported.code, 0, exported.stderr);
  const expected = await analyze(sourceFiles, { cwd: ROOT });
  assert.deepEqual(JSON.parse(exported.stdout), JSON.parse(JSON.stringify(expected)));
});
