/**
 * `crosscheck serve`: the HTTP API over the store of cases (src/server). It binds loopback by
 * default; any other address can be reached by others, so it needs a token (`--token` or
 * CROSSCHECK_TOKEN) that every API request must carry. Runs until interrupted (SIGINT, SIGTERM).
 */
import { Command, InvalidArgumentError } from 'commander';
import { isCrosscheckError } from '../errors.js';
import { invalidAllowanceEntries } from '../fetch/address.js';
import { fetchOptionsOf, networkOptions, type NetworkFlags } from '../fetch/flags.js';
import { DEFAULT_MAX_BODY_BYTES, isLoopback, listen } from '../server/index.js';
import { openStore, resolveDataDir } from '../store/index.js';
import { checkOutFolder, describe } from './out-folder.js';
import type { CliIO } from './program.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

interface ServeFlags extends NetworkFlags {
  port: number;
  host: string;
  data?: string;
  token?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free one).');
  return port;
}

export function addServeCommand(program: Command, io: CliIO): void {
  const command = program
    .command('serve')
    .description('serve the HTTP API over the cases (GET /api/openapi.json describes it)')
    .option('--port <port>', 'the port to listen on (0 picks a free one)', parsePort, 7373)
    .option('--host <address>', 'the address to bind; any but loopback needs a token', '127.0.0.1')
    .option('--data <dir>', 'the folder the cases are kept in (default: $CROSSCHECK_DATA, else the per-user data folder)')
    .option('--token <token>', 'require "Authorization: Bearer <token>" on every API request (default: $CROSSCHECK_TOKEN)');
  for (const option of networkOptions()) command.addOption(option);
  command
    .action(async (flags: ServeFlags) => {
      io.exitCode = await runServe(flags, io);
    });
}

async function runServe(flags: ServeFlags, io: CliIO): Promise<number> {
  const token = flags.token ?? (process.env.CROSSCHECK_TOKEN?.trim() ? process.env.CROSSCHECK_TOKEN : undefined);
  if (token !== undefined && token.trim() === '') {
    io.stderr('crosscheck: error: --token is empty; give a token of your own (a long random string).\n');
    return EXIT_USAGE;
  }
  if (token === undefined && !isLoopback(flags.host)) {
    io.stderr(`crosscheck: error: binding ${flags.host} lets other machines reach the cases; give a token with --token or CROSSCHECK_TOKEN, or bind 127.0.0.1.\n`);
    return EXIT_USAGE;
  }
  const invalid = invalidAllowanceEntries(fetchOptionsOf(flags, DEFAULT_MAX_BODY_BYTES).allowPrivateNetwork ?? false);
  if (invalid.length > 0) {
    io.stderr(`crosscheck: error: --allow-address takes IP addresses or CIDR ranges such as 127.0.0.1 or 10.0.0.0/8, not ${invalid.join(', ')}.\n`);
    return EXIT_USAGE;
  }
  const dataDir = resolveDataDir({ flag: flags.data, cwd: io.cwd });
  let store;
  try {
    await (await checkOutFolder(dataDir, io.cwd, [])).create();
    store = await openStore(dataDir);
  } catch (error) {
    io.stderr(`crosscheck: error: ${isCrosscheckError(error) ? `${error.message} [${error.code}]` : (error as Error).message}\n`);
    return isCrosscheckError(error) && error.code !== 'INVALID_OPTIONS' ? EXIT_FAILED : EXIT_USAGE;
  }
  let server;
  try {
    const { allowPrivateNetwork } = fetchOptionsOf(flags, DEFAULT_MAX_BODY_BYTES);
    server = await listen({ store, token, allowPrivateNetwork, host: flags.host, port: flags.port, log: (line) => io.stderr(`${line}\n`) });
  } catch (error) {
    await store.close();
    io.stderr(`crosscheck: error: cannot listen on ${flags.host}:${flags.port} (${describe(error as NodeJS.ErrnoException)}).\n`);
    return EXIT_USAGE;
  }
  io.stdout(`crosscheck: listening on ${server.url}/ (cases in ${store.location}${token ? '; API requests need the token' : ''})\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  io.stderr(`crosscheck: ${signal}: stopping.\n`);
  await server.close();
  await store.close();
  return EXIT_OK;
}
