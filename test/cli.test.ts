import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli, type CliIO } from '../src/cli/program.js';
import { AnalysisSchema } from '../src/index.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], options: { stdin?: string; cwd?: string; tty?: boolean } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => Buffer.from(options.stdin ?? ''),
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
  assert.match(result.stderr, /empty\.txt: is empty\. \[read\/empty\]/);
  const analysis = AnalysisSchema.parse(JSON.parse(result.stdout));
  assert.ok(analysis.documents.some((d) => d.source.endsWith('a.txt') && d.sentences.length > 0));
});

test('cli: exit 1 with a clear line when nothing could be read', async () => {
  const result = await run(['analyze', '/nonexistent/crosscheck-input', '--quiet']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /\/nonexistent\/crosscheck-input: does not exist/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
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
