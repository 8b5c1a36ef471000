import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { formatMessages } from '../src/cli/messages.js';
import { runCli, type CliIO } from '../src/cli/program.js';
import { AnalysisSchema } from '../src/index.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], options: { stdin?: string; cwd?: string; tty?: boolean; onStdin?: () => void } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => {
      options.onStdin?.();
      return Buffer.from(options.stdin ?? '');
    },
    stderrIsTTY: options.tty ?? false,
    cwd: options.cwd ?? process.cwd(),
    exitCode: 0,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const ARTICLE = 'Ferry service resumes\n\nThe ferry between Velmora and Ostrin resumed on Monday, the port authority said.\n';

test('cli: analyze prints the contract as JSON by default, reading files and stdin', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
  await writeFile(join(dir, 'a.txt'), ARTICLE);
  const result = await run(['analyze', join(dir, 'a.txt'), '-', '--format', 'json'], { stdin: 'Second article from standard input.' });
  assert.equal(result.code, 0, result.stderr);
  const analysis = AnalysisSchema.parse(JSON.parse(result.stdout));
  assert.deepEqual(analysis.documents.map((d) => d.source), [join(dir, 'a.txt'), 'stdin']);
});

test('cli: --out writes analysis.json, report.html and report.md and prints a summary', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
  await writeFile(join(dir, 'a.txt'), ARTICLE);
  const out = join(dir, 'out');
  const result = await run(['analyze', dir, '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /1 document\(s\)/);
  for (const name of ['analysis.json', 'report.html', 'report.md']) assert.ok(existsSync(join(out, name)), name);
  AnalysisSchema.parse(JSON.parse(await readFile(join(out, 'analysis.json'), 'utf8')));
});

test('cli: exit 1 when an input fails, and the good input is still written', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
  await writeFile(join(dir, 'a.txt'), ARTICLE);
  await writeFile(join(dir, 'empty.txt'), '');
  const result = await run(['analyze', dir]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /empty\.txt: error: is empty\. \[read\/empty\]/);
  const analysis = AnalysisSchema.parse(JSON.parse(result.stdout));
  assert.ok(analysis.documents.some((d) => d.source.endsWith('a.txt') && d.sentences.length > 0));
});

test('cli: exit 1 with a clear line when nothing could be read', async () => {
  const result = await run(['analyze', '/nonexistent/crosscheck-input', '--quiet']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /\/nonexistent\/crosscheck-input: does not exist/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
});

// Nothing to analyze: an error and exit 1, and no empty report, neither written nor printed.
const NOTHING_ANALYZED: [name: string, files: Record<string, string>, input: (dir: string) => string][] = [
  ['a missing path', {}, (dir) => join(dir, 'nope')],
  ['an empty file', { 'empty.txt': '' }, (dir) => join(dir, 'empty.txt')],
  ['an empty folder', {}, (dir) => dir],
  ['a folder of blank files', { 'a.txt': ' \n', 'b.md': '' }, (dir) => dir],
];

for (const [name, files, input] of NOTHING_ANALYZED) {
  test(`cli: ${name} writes no report and says nothing could be analyzed`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
    for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
    const out = join(dir, 'out');
    const written = await run(['analyze', input(dir), '--out', out]);
    assert.equal(written.code, 1);
    assert.match(written.stderr, /crosscheck: error: nothing could be analyzed, so no report was written\.\n$/);
    assert.doesNotMatch(written.stdout, /Wrote/);
    assert.ok(!existsSync(join(out, 'analysis.json')) && !existsSync(out), 'no report and no folder');
    const printed = await run(['analyze', input(dir), '--format', 'json']);
    assert.equal(printed.code, 1);
    assert.equal(printed.stdout, '', 'no empty JSON on standard output');
  });
}

test('cli: messages say where, as compilers do, and identical repeats are grouped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
  // A closing quotation mark with no opening one, on line 3 at column 34 of each article.
  for (const name of ['a', 'b', 'c']) await writeFile(join(dir, `${name}.txt`), 'Ferry talks stall\n\nThe union said talks had stalled.” The port authority said nothing.\n');
  await writeFile(join(dir, 'd.txt'), 'Ferry talks stall\r\n\r\nThe union said talks had stalled.” Then “it said” more” here.\r\n');
  await writeFile(join(dir, 'empty.txt'), '');
  const result = await run(['analyze', '.', '--format', 'json'], { cwd: dir });
  assert.equal(result.code, 1);
  assert.deepEqual(result.stderr.split('\n').filter(Boolean), [
    'a.txt:3:34: warning: A closing quotation mark here has no opening mark before it. [quotes/unbalanced] (and 4 more like it, in 4 documents)',
    'empty.txt: error: is empty. [read/empty]',
  ]);
});

// Where a message's start offset falls: [name, text, offset, expected "line:column"].
const POSITIONS: [name: string, text: string, offset: number, position: string][] = [
  ['the first character', 'abc', 0, '1:1'],
  ['after \\n', 'ab\ncd', 4, '2:2'],
  ['\\r\\n is one break', 'ab\r\ncd', 4, '2:1'],
  ['a lone \\r is a break', 'ab\rcd\re', 6, '3:1'],
  ['on the break itself', 'ab\ncd', 2, '1:3'],
  ['columns count UTF-16 units, like offsets', '😀x\n', 2, '1:3'],
  ['the end of the text', 'ab\n', 3, '2:1'],
];

for (const [name, text, offset, position] of POSITIONS) {
  test(`cli: message position, ${name}`, () => {
    const lines = formatMessages({ documents: [{ id: 'd', source: 'd.txt', text }], messages: [{ doc: 'd', stage: 'x', rule: 'x/y', severity: 'warning', text: 'Here.', start: offset, end: offset }] }, { quiet: false });
    assert.deepEqual(lines, [`d.txt:${position}: warning: Here. [x/y]`]);
  });
}

test('cli: repeats in one document, and run-level messages, are grouped too', () => {
  const message = (doc: string | null, start?: number) => ({ doc, stage: 'x', rule: 'x/y', severity: 'error' as const, text: 'Same.', ...(start === undefined ? {} : { start, end: start }) });
  const documents = [{ id: 'd', source: 'd.txt', text: 'one\ntwo' }];
  assert.deepEqual(formatMessages({ documents, messages: [message('d', 4), message('d', 0), message('d')] }, { quiet: true }), ['d.txt:2:1: error: Same. [x/y] (and 2 more like it in this document)']);
  assert.deepEqual(formatMessages({ documents, messages: [message(null), message(null)] }, { quiet: true }), ['crosscheck: error: Same. [x/y] (and 1 more like it)']);
  assert.deepEqual(formatMessages({ documents, messages: [{ ...message('d'), severity: 'info' }] }, { quiet: false }), [], 'info is never printed');
});

test('cli: a message without an offset names its source alone, and --quiet keeps errors only', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
  await writeFile(join(dir, 'a.txt'), ARTICLE);
  await writeFile(join(dir, 'b.txt'), 'Ferry talks stall\n\nThe union said talks had stalled.” The port said nothing.\n');
  await writeFile(join(dir, 'c.pdf'), '%PDF-1.4\n');
  const loud = await run(['analyze', '.', '--format', 'md'], { cwd: dir });
  assert.equal(loud.code, 0, loud.stderr);
  assert.deepEqual(loud.stderr.split('\n').filter(Boolean), [
    'crosscheck: warning: .: skipped a file not in a format crosscheck reads (.txt, .md, .html, .htm, .json, .jsonl): c.pdf. Save an article as text or HTML to include it. [read/skipped-file]',
    'b.txt:3:34: warning: A closing quotation mark here has no opening mark before it. [quotes/unbalanced]',
  ]);
  const quiet = await run(['analyze', '.', '--format', 'md', '--quiet'], { cwd: dir });
  assert.equal(quiet.stderr, '');
  assert.equal((await run(['analyze', '.', '--format', 'md', '--strict'], { cwd: dir })).code, 1, '--strict fails on the warnings');
});

// A bad --out is a usage error found before any work: stdin is never read.
const BAD_OUT: [name: string, out: (dir: string) => string, says: RegExp][] = [
  ['an --out that is a file', (dir) => join(dir, 'a.txt'), /--out .*a\.txt: is a file, not a folder\./],
  ['an --out inside a file', (dir) => join(dir, 'a.txt', 'report'), /--out .*report: lies inside .*a\.txt, which is a file, not a folder\./],
  ['an --out holding a folder where a report file goes', (dir) => join(dir, 'taken'), /--out .*taken: holds a folder named analysis\.json where the report file goes\./],
  ...(existsSync('/proc/self') ? [['an --out under /proc', () => '/proc/crosscheck-report', /--out \/proc\/crosscheck-report: cannot be written: \/proc does not accept new files/] as [string, (dir: string) => string, RegExp]] : []),
];

for (const [name, out, says] of BAD_OUT) {
  test(`cli: ${name} is refused at once with exit 2 and one line`, { timeout: 20_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
    await writeFile(join(dir, 'a.txt'), ARTICLE);
    await mkdir(join(dir, 'taken', 'analysis.json'), { recursive: true });
    let stdinRead = false;
    const result = await run(['analyze', '-', '--out', out(dir)], { onStdin: () => (stdinRead = true) });
    assert.equal(result.code, 2);
    assert.equal(stdinRead, false, 'checked before the work starts');
    assert.match(result.stderr, says);
    assert.match(result.stderr, /^crosscheck: error: [^\n]+ \[INVALID_OPTIONS\]\n$/);
    assert.doesNotMatch(result.stderr, /internal error/);
  });
}

test('cli: an --out that breaks during the run fails with one clear line, not an internal error', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
  const out = join(dir, 'out');
  // The folder passes the check, then a file takes its place while the articles are read.
  const result = await run(['analyze', '-', '--out', out], { stdin: ARTICLE, onStdin: () => writeFileSync(out, 'in the way') });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^crosscheck: error: could not write the report into .*out \(ENOTDIR\)\.\n$/);
});

test('cli: --out creates missing folders and writes inside them', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
  await writeFile(join(dir, 'a.txt'), ARTICLE);
  const result = await run(['analyze', 'a.txt', '--out', 'deep/er/out'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Wrote deep\/er\/out\/analysis\.json, deep\/er\/out\/report\.html, deep\/er\/out\/report\.md, deep\/er\/out\/network\.graphml, deep\/er\/out\/network\.json\n$/);
  assert.ok(existsSync(join(dir, 'deep', 'er', 'out', 'report.md')));
  assert.deepEqual((await readdir(dir)).sort(), ['a.txt', 'deep'], 'the writability probe leaves nothing behind');
});

// Usage errors: exit 2 and a line that says what was wrong.
const USAGE_ERRORS: [argv: string[], says: RegExp][] = [
  [['analyze'], /missing required argument 'inputs'/],
  [['analyze', 'x', '--format', 'pdf'], /Allowed choices are json, html, md/],
  [['analyze', 'x', '--max-bytes', 'lots'], /expected a size/],
  [['frobnicate'], /unknown command/],
  [['analyze', 'x', '--bogus'], /unknown option '--bogus'/],
];

for (const [argv, says] of USAGE_ERRORS) {
  test(`cli: usage error ${argv.join(' ')} exits 2`, async () => {
    const result = await run(argv);
    assert.equal(result.code, 2);
    assert.match(result.stderr, says);
  });
}

test('cli: --help lists every option with its default', async () => {
  const result = await run(['analyze', '--help']);
  assert.equal(result.code, 0);
  for (const flag of ['--out', '--format', '--quiet', '--strict', '--max-bytes']) assert.ok(result.stdout.includes(flag), flag);
  assert.match(result.stdout, /default: "json"/);
});

test('cli: progress goes to stderr only when it is a terminal and not --quiet', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
  await writeFile(join(dir, 'a.txt'), ARTICLE);
  assert.match((await run(['analyze', dir], { tty: true })).stderr, /\[\d+\/\d+\]/);
  assert.equal((await run(['analyze', dir], { tty: false })).stderr, '');
  assert.equal((await run(['analyze', dir, '--quiet'], { tty: true })).stderr, '');
});

test('cli: schema prints the JSON Schema', async () => {
  const result = await run(['schema']);
  assert.equal(result.code, 0);
  assert.equal(JSON.parse(result.stdout).title, 'crosscheck Analysis');
});

const BIN = new URL('../dist/cli/main.js', import.meta.url);
test('cli: the built executable runs and exits with its code', { skip: !existsSync(BIN) && 'dist/ is not built' }, async () => {
  const exec = promisify(execFile);
  const { stdout } = await exec(process.execPath, [BIN.pathname, '--version']);
  assert.match(stdout, /^\d+\.\d+\.\d+/);
  await assert.rejects(exec(process.execPath, [BIN.pathname, 'analyze']), (error: { code?: number }) => error.code === 2);
});

// A closed standard output (`| head`) ends the run quietly: the real executable, in a child process.
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function finished(child: ChildProcess): Promise<Finished> {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise) => child.on('close', (code, signal) => resolvePromise({ code, signal, stderr })));
}

function assertQuietEnd(result: Finished): void {
  assert.equal(result.signal, null);
  assert.doesNotMatch(result.stderr, /EPIPE|Unhandled|internal error|\n\s+at /, result.stderr);
  assert.equal(result.code, 0, result.stderr);
}

async function storyFolder(articles: number, sentences: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-pipe-'));
  for (let a = 1; a <= articles; a += 1) {
    const body = Array.from({ length: sentences }, (_, s) => `Ferry ${a}-${s} left Aldport for Tessa at ${(s % 12) + 1} o'clock, the port authority of Aldport said.`);
    await writeFile(join(dir, `ferry-${a}.txt`), `Aldport ferries sail again\n\n${body.join(' ')}\n`);
  }
  return dir;
}

for (const format of ['json', 'html', 'md']) {
  test(`cli: --format ${format} into a pipe closed before the first byte ends quietly`, { timeout: 60_000 }, async () => {
    const dir = await storyFolder(2, 3);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'analyze', dir, '--format', format], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.destroy();
    assertQuietEnd(await finished(child));
  });
}

test('cli: a large JSON cut short by `head -c` ends quietly mid-write', { timeout: 120_000 }, async () => {
  const dir = await storyFolder(30, 30);
  const command = `{ "${process.execPath}" --import tsx src/cli/main.ts analyze "${dir}" --format json; echo "exit $?" >&2; } | head -c 3000 | wc -c`;
  const child = spawn('sh', ['-c', command], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const result = await finished(child);
  assert.equal(stdout.trim(), '3000');
  assert.match(result.stderr, /exit 0\n$/, result.stderr);
  assertQuietEnd({ ...result, stderr: result.stderr.replace(/exit 0\n$/, '') });
});

test('cli: --format graphml prints the actor network, and --out writes it as network.graphml and network.json', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-'));
  await writeFile(join(dir, 'a.txt'), ARTICLE);
  const printed = await run(['analyze', dir, '--format', 'graphml']);
  assert.equal(printed.code, 0, printed.stderr);
  assert.match(printed.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<graphml xmlns="http:\/\/graphml\.graphdrawing\.org\/xmlns">[\s\S]*<graph id="actors" edgedefault="directed">[\s\S]*<\/graphml>\n$/);
  const out = join(dir, 'out');
  const written = await run(['analyze', dir, '--out', out]);
  assert.equal(written.code, 0, written.stderr);
  const analysis = AnalysisSchema.parse(JSON.parse(await readFile(join(out, 'analysis.json'), 'utf8')));
  const withObject = analysis.relations.filter((relation) => relation.object !== null).length;
  const graphml = await readFile(join(out, 'network.graphml'), 'utf8');
  assert.equal(graphml.match(/<edge /g)?.length ?? 0, withObject);
  const graph = JSON.parse(await readFile(join(out, 'network.json'), 'utf8'));
  assert.equal(graph.edges.length, withObject);
  assert.equal(graph.nodes.length, graphml.match(/<node /g)?.length ?? 0);
});

test('cli: --attribution picks the tagger, and an unknown one is a usage error', async () => {
  const text = 'The port authority said the ferry between Velmora and Ostrin would resume on Monday.\n';
  for (const model of ['fast', 'accurate']) {
    const { code, stdout } = await run(['analyze', '-', '--attribution', model], { stdin: text });
    assert.equal(code, 0, model);
    const analysis = JSON.parse(stdout) as { quotes: { kind: string }[] };
    assert.equal(analysis.quotes.length, 1, model);
  }
  const wrong = await run(['analyze', '-', '--attribution', 'slow'], { stdin: text });
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /fast, accurate/);
});
