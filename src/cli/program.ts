/**
 * The `crosscheck` command: a thin client of the library's public API. Flags are declared once
 * with commander, which also generates `--help` (every option with its default).
 *
 * Exit codes: 0 success, 1 some inputs produced errors (the rest are still written) or nothing
 * could be analyzed, 2 bad usage (including an --out folder that cannot be written).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { analyze, analysisJsonSchema, isCrosscheckError, renderReport, type ArticleInput, type ReportFormat } from '../index.js';
import { reportSummary } from '../report/summary.js';
import { GENERATOR_VERSION } from '../assemble.js';
import { readLexiconFile } from './lexicon-file.js';
import { formatMessages } from './messages.js';
import { checkOutFolder, describe } from './out-folder.js';
import { addCaseCommands } from './cases.js';
import { fetchOptionsOf, networkOptions, type NetworkFlags } from '../fetch/flags.js';
import { addServeCommand } from './serve.js';
import { progressLine, threadsOption, type ThreadFlags } from '../workers/flags.js';

const EXIT_OK = 0;
const EXIT_INPUT_ERRORS = 1;
const EXIT_USAGE = 2;

interface AnalyzeFlags extends NetworkFlags, ThreadFlags {
  out?: string;
  format: ReportFormat;
  quiet: boolean;
  strict: boolean;
  maxBytes: number;
  lexicon?: string;
  attribution?: 'fast' | 'accurate';
}

function parseBytes(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected a size such as 20MB, 500kB or 1048576.');
  const unit = (match[2] ?? '').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(match[1]) * factor);
}

export function buildProgram(io: CliIO): Command {
  const program = new Command()
    .name('crosscheck')
    .description('Cross-check many news articles about one story: who said what, on how many sources, with evidence for every item.')
    .version(GENERATOR_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .showHelpAfterError('(run with --help for usage)');

  const analyzeCommand = program
    .command('analyze')
    .description('analyze articles: files (.txt .md .html .json .jsonl), folders (recursive), "-" for standard input, and http(s) URLs of articles or feeds (RSS, Atom, JSON Feed)')
    .argument('<inputs...>', 'files, folders, URLs, or - for standard input')
    .option('-o, --out <dir>', 'write analysis.json, report.html, report.md, network.graphml and network.json into this folder (default: print to standard output)')
    .addOption(new Option('-f, --format <format>', 'what to print to standard output when --out is not given').choices(['json', 'html', 'md', 'graphml', 'network-json']).default('json'))
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('--strict', 'exit with 1 on warnings too, not only on errors', false)
    .option('--max-bytes <size>', 'refuse inputs larger than this', parseBytes, 20 * 1024 * 1024)
    .addOption(new Option('--attribution <model>', 'the attribution tagger: accurate (default; neural where a paragraph has a cue word or a quotation mark: more attributions found, better content and speakers) or fast (linear labeller alone, several times faster)').choices(['fast', 'accurate']))
    .option('--lexicon <file>', 'a JSON file of framing lexicon entries to add to ours (an entry with one of our terms replaces it); see models/framing/README.md')
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      io.exitCode = await runAnalyze(inputs, flags, io);
    });
  for (const option of networkOptions()) analyzeCommand.addOption(option);
  analyzeCommand.addOption(threadsOption());

  program
    .command('schema')
    .description('print the JSON Schema of the analysis output')
    .action(() => {
      io.stdout(`${JSON.stringify(analysisJsonSchema(), null, 2)}\n`);
    });

  addCaseCommands(program, io, parseBytes);
  addServeCommand(program, io);

  return program;
}

const REPORT_FILES = [['analysis.json', 'json'], ['report.html', 'html'], ['report.md', 'md'], ['network.graphml', 'graphml'], ['network.json', 'network-json']] as const;

async function runAnalyze(paths: string[], flags: AnalyzeFlags, io: CliIO): Promise<number> {
  const out = flags.out === undefined ? null : await checkOutFolder(flags.out, io.cwd, REPORT_FILES.map(([name]) => name));
  const lexicon = flags.lexicon === undefined ? null : await readLexiconFile(flags.lexicon, io.cwd);
  const inputs: ArticleInput[] = [];
  for (const path of paths) {
    if (path === '-') inputs.push({ content: await io.readStdin(), source: 'stdin' });
    else inputs.push(path);
  }
  const showProgress = !flags.quiet && io.stderrIsTTY;
  const analysis = await analyze(inputs, {
    maxBytes: flags.maxBytes,
    cwd: io.cwd,
    fetch: fetchOptionsOf(flags, flags.maxBytes),
    threads: flags.threads,
    stages: {
      ...(lexicon ? { framing: { lexicon } } : {}),
      ...(flags.attribution ? { quotes: { attribution: flags.attribution } } : {}),
    },
    onProgress: showProgress ? (event) => io.stderr(`\r\x1b[2K${progressLine(event)}`) : undefined,
  });
  if (showProgress) io.stderr('\r\x1b[2K');
  const problems = formatMessages(analysis, { quiet: flags.quiet });
  const printProblems = () => {
    if (problems.length > 0) io.stderr(`${problems.join('\n')}\n`);
  };

  // An empty report would look like a story with nothing in it; say that nothing was read instead.
  if (!analysis.documents.some((doc) => doc.text.trim() !== '')) {
    printProblems();
    io.stderr('crosscheck: error: nothing could be analyzed, so no report was written.\n');
    return EXIT_INPUT_ERRORS;
  }

  if (out) {
    const written: string[] = [];
    try {
      await out.create();
      for (const [name, format] of REPORT_FILES) {
        await writeFile(join(out.path, name), renderReport(analysis, format));
        written.push(join(out.given, name));
      }
    } catch (error) {
      printProblems();
      io.stderr(`crosscheck: error: could not write the report into ${out.given} (${describe(error as NodeJS.ErrnoException)})${written.length ? `; only ${written.join(', ')} ${written.length === 1 ? 'was' : 'were'} written` : ''}.\n`);
      return EXIT_INPUT_ERRORS;
    }
    if (!flags.quiet) {
      io.stdout(`${reportSummary(analysis).lines.map((line) => `  ${line}`).join('\n')}\n`);
      io.stdout(`Wrote ${written.join(', ')}\n`);
    }
  } else {
    io.stdout(renderReport(analysis, flags.format));
  }

  printProblems();
  const failing = analysis.messages.some((m) => m.severity === 'error' || (flags.strict && m.severity === 'warning'));
  return failing ? EXIT_INPUT_ERRORS : EXIT_OK;
}

/** What the CLI needs from the process, so tests can run it in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
  stderrIsTTY: boolean;
  cwd: string;
  exitCode: number;
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return io.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (isCrosscheckError(error)) {
      io.stderr(`crosscheck: error: ${error.message} [${error.code}]\n`);
      return error.code === 'INVALID_OPTIONS' ? EXIT_USAGE : EXIT_INPUT_ERRORS;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`crosscheck: internal error: ${detail}\nPlease report this with the command you ran.${process.env.CROSSCHECK_DEBUG ? `\n${(error as Error).stack}` : ''}\n`);
    return EXIT_INPUT_ERRORS;
  }
}
