#!/usr/bin/env node
/** The `crosscheck` executable: wires the real process into the CLI program. */
import { runCli, type CliIO } from './program.js';

async function readAll(stream: NodeJS.ReadStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const io: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readAll(process.stdin),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  exitCode: 0,
};

process.exitCode = await runCli(process.argv.slice(2), io);
