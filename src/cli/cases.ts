/**
 * The case commands: `add`, `ls`, `show`, `rm` and `export`, thin clients of the store
 * (src/store). Every one takes `--data DIR` (else CROSSCHECK_DATA, else the per-user data
 * folder). Exit codes as for `analyze`: 0 success, 1 some inputs produced errors or the store
 * failed, 2 bad usage (an unknown case, a bad name, a URL other than http(s), a data folder that cannot be used).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { Analysis, ContractMessage } from '../contract.js';
import { isCrosscheckError } from '../errors.js';
import type { ArticleInput } from '../read/index.js';
import { claimsCsv } from '../report/claims-csv.js';
import { networkGraphml } from '../report/graph.js';
import { renderReport } from '../report/index.js';
import { reportSummary } from '../report/summary.js';
import { addToCase, caseAnalysis, openStore, resolveDataDir, storeExists, type CaseInfo, type CaseStore } from '../store/index.js';
import { normaliseCaseName } from '../store/names.js';
import { fetchUrlInputs, isUrlInput } from '../fetch/index.js';
import { fetchOptionsOf, networkOptions, type NetworkFlags } from '../fetch/flags.js';
import { formatMessages } from './messages.js';
import { checkOutFolder } from './out-folder.js';
import type { CliIO } from './program.js';
import { progressLine, threadsOption, type ThreadFlags } from '../workers/flags.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/** Errors that mean the command was given something wrong, not that the work failed. */
const USAGE_CODES = new Set(['CASE_NOT_FOUND', 'CASE_EXISTS', 'INVALID_CASE_NAME', 'INVALID_OPTIONS']);

const EXPORT_FORMATS = ['json', 'md', 'html', 'csv', 'graphml'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface DataFlags {
  data?: string;
}

interface AddFlags extends DataFlags, NetworkFlags, ThreadFlags {
  quiet: boolean;
  strict: boolean;
  maxBytes: number;
}

class UsageError extends Error {}

const dataOption = () => new Option('--data <dir>', 'the folder the cases are kept in (default: $CROSSCHECK_DATA, else the per-user data folder)');

export function addCaseCommands(program: Command, io: CliIO, parseBytes: (value: string) => number): void {
  const addCommand = program
    .command('add')
    .description('add articles to a case (made if new) and bring its analysis up to date')
    .argument('<case>', 'the case name (any text) or id')
    .argument('<inputs...>', 'files, folders, http(s) URLs of articles or feeds, or - for standard input')
    .addOption(dataOption())
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('--strict', 'exit with 1 on warnings too, not only on errors', false)
    .option('--max-bytes <size>', 'refuse inputs larger than this', parseBytes, 20 * 1024 * 1024)
    .action((name: string, inputs: string[], flags: AddFlags) => run(io, flags, true, (store) => runAdd(store, name, inputs, flags, io), () => checkAddArguments(name, inputs)));
  for (const option of networkOptions()) addCommand.addOption(option);
  addCommand.addOption(threadsOption());

  program
    .command('ls')
    .description('list the cases')
    .addOption(dataOption())
    .action((flags: DataFlags) => run(io, flags, false, (store) => runList(store, io)));

  program
    .command('show')
    .description('summarise a case: its documents, stories, claims and messages')
    .argument('<case>', 'the case name or id')
    .addOption(dataOption())
    .action((name: string, flags: DataFlags) => run(io, flags, false, (store) => runShow(store, name, io)));

  program
    .command('rm')
    .description('delete a case and everything kept for it')
    .argument('<case>', 'the case name or id')
    .addOption(dataOption())
    .action((name: string, flags: DataFlags) => run(io, flags, false, (store) => runRemove(store, name, io)));

  program
    .command('export')
    .description("write a case's analysis: the contract (json), a report (md, html), the claim x outlet table (csv) or the actor network (graphml)")
    .argument('<case>', 'the case name or id')
    .addOption(new Option('-f, --format <format>', 'what to write').choices(EXPORT_FORMATS).default('json'))
    .option('-o, --out <file>', 'write to this file (default: standard output)')
    .addOption(dataOption())
    .action((name: string, flags: DataFlags & { format: ExportFormat; out?: string }) => run(io, flags, false, (store) => runExport(store, name, flags, io)));
}

/**
 * Opens the store for one command and turns every failure into one line and an exit code.
 * Reading commands do not create a store where there is none: they act on an empty one.
 */
async function run(io: CliIO, flags: DataFlags, writes: boolean, command: (store: CaseStore | null) => Promise<number>, checkFirst?: () => void): Promise<void> {
  let store: CaseStore | null = null;
  try {
    checkFirst?.();
    const dataDir = resolveDataDir({ flag: flags.data, cwd: io.cwd });
    if (writes) {
      // The same checks as --out: a data folder that is a file or cannot be written is bad usage.
      await (await checkOutFolder(dataDir, io.cwd, [])).create();
    }
    if (writes || storeExists(dataDir)) store = await openStore(dataDir);
    io.exitCode = await command(store);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`crosscheck: error: ${error.message}\n`);
      io.exitCode = EXIT_USAGE;
    } else if (isCrosscheckError(error)) {
      io.stderr(`crosscheck: error: ${error.message} [${error.code}]\n`);
      io.exitCode = USAGE_CODES.has(error.code) ? EXIT_USAGE : EXIT_FAILED;
    } else {
      throw error;
    }
  } finally {
    await store?.close();
  }
}

async function findCase(store: CaseStore | null, name: string): Promise<{ store: CaseStore; found: CaseInfo }> {
  const found = store ? await store.getCase(name) : null;
  if (!store || !found) throw new UsageError(`there is no case named ${JSON.stringify(name)}${store ? ` in ${store.location}` : ''}; \`crosscheck ls\` lists the cases.`);
  return { store, found };
}

/** A URL of another scheme would otherwise be looked for as a file; naming the scheme is clearer. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Checked before the store is opened or made. */
function checkAddArguments(name: string, paths: readonly string[]): void {
  const url = paths.find((path) => URL_LIKE.test(path) && !isUrlInput(path));
  if (url !== undefined) throw new UsageError(`crosscheck fetches only http and https URLs (${url}); save the page as a file and add the file.`);
  normaliseCaseName(name);
}

async function runAdd(store: CaseStore | null, name: string, paths: string[], flags: AddFlags, io: CliIO): Promise<number> {
  const given: ArticleInput[] = [];
  for (const path of paths) given.push(path === '-' ? { content: await io.readStdin(), source: 'stdin' } : path);
  // Fetched here, so that the store keeps each page's bytes as the server sent them.
  const { inputs, messages: fetchProblems } = await fetchUrlInputs(given, fetchOptionsOf(flags, flags.maxBytes));

  const showProgress = !flags.quiet && io.stderrIsTTY;
  const result = await addToCase(store!, name, inputs, {
    maxBytes: flags.maxBytes,
    cwd: io.cwd,
    threads: flags.threads,
    onProgress: showProgress ? (event) => io.stderr(`\r\x1b[2K${progressLine(event)}`) : undefined,
  });
  if (showProgress) io.stderr('\r\x1b[2K');

  const added = new Set(result.added.map((doc) => doc.id));
  const messages: ContractMessage[] = [...fetchProblems, ...result.problems, ...(result.analysis?.messages.filter((message) => message.doc !== null && added.has(message.doc)) ?? [])];
  const problems = formatMessages({ documents: result.analysis?.documents ?? [], messages }, { quiet: flags.quiet });
  if (problems.length > 0) io.stderr(`${problems.join('\n')}\n`);

  if (!result.case || !result.analysis) {
    io.stderr(`crosscheck: error: nothing could be read, so no case ${JSON.stringify(name)} was made.\n`);
    return EXIT_FAILED;
  }
  if (!flags.quiet) {
    const skipped = result.skipped.length ? `; ${result.skipped.length} already in the case` : '';
    io.stdout(`Added ${result.added.length} document(s) to ${result.created ? 'the new case' : 'case'} ${JSON.stringify(result.case.name)} (${result.case.documents} in all${skipped}).\n`);
    io.stdout(summaryLines(result.analysis));
  }
  const failing = messages.some((m) => m.severity === 'error' || (flags.strict && m.severity === 'warning'));
  return failing || (result.added.length === 0 && result.skipped.length === 0) ? EXIT_FAILED : EXIT_OK;
}

function summaryLines(analysis: Analysis): string {
  return `${reportSummary(analysis).lines.map((line) => `  ${line}`).join('\n')}\n`;
}

async function runList(store: CaseStore | null, io: CliIO): Promise<number> {
  const cases = store ? await store.listCases() : [];
  if (cases.length === 0) {
    io.stdout('No cases yet. Add articles to one with: crosscheck add <case> <files or folders>\n');
    return EXIT_OK;
  }
  const rows = [['CASE', 'DOCUMENTS', 'UPDATED', 'ID'], ...cases.map((c) => [c.name, String(c.documents), c.updated.slice(0, 16).replace('T', ' '), c.id])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  io.stdout(`${rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - [...cell].length))).join('  ')).join('\n')}\n`);
  return EXIT_OK;
}

/** A case of a thousand articles holds hundreds of stories; `show` names the largest. */
const SHOWN_STORIES = 10;

async function runShow(given: CaseStore | null, name: string, io: CliIO): Promise<number> {
  const { store, found } = await findCase(given, name);
  const analysis = await caseAnalysis(store, found.id);
  io.stdout(`${found.name} (id ${found.id}): ${found.documents} document(s), created ${found.created}, updated ${found.updated}\n`);
  io.stdout(summaryLines(analysis));
  const largest = [...analysis.stories].sort((a, b) => b.documents.length - a.documents.length);
  for (const story of largest.slice(0, SHOWN_STORIES)) io.stdout(`  story ${JSON.stringify(story.label)}: ${story.documents.length} document(s)\n`);
  if (largest.length > SHOWN_STORIES) io.stdout(`  and ${largest.length - SHOWN_STORIES} more stories (crosscheck export lists them all)\n`);
  return EXIT_OK;
}

async function runRemove(given: CaseStore | null, name: string, io: CliIO): Promise<number> {
  const { store, found } = await findCase(given, name);
  await store.deleteCase(found.id);
  io.stdout(`Removed case ${JSON.stringify(found.name)} and its ${found.documents} document(s).\n`);
  return EXIT_OK;
}

async function runExport(given: CaseStore | null, name: string, flags: { format: ExportFormat; out?: string }, io: CliIO): Promise<number> {
  const { store, found } = await findCase(given, name);
  const analysis = await caseAnalysis(store, found.id);
  const text = flags.format === 'csv' ? claimsCsv(analysis) : flags.format === 'graphml' ? networkGraphml(analysis) : renderReport(analysis, flags.format);
  if (flags.out === undefined) {
    io.stdout(text);
    return EXIT_OK;
  }
  try {
    await writeFile(resolve(io.cwd, flags.out), text);
  } catch (error) {
    io.stderr(`crosscheck: error: could not write ${flags.out} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).\n`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}
