#!/usr/bin/env node
/** The `crosscheck` executable: wires the real process into the CLI program. */
import { runCli, type CliIO } from './program.js';

async function readAll(stream: NodeJS.ReadStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let unwritable = false;

/**
 * A reader that has seen enough (`crosscheck ... | head`) closes the pipe. As Unix tools do, the
 * run then stops writing to it, quietly: no EPIPE, no stack trace. Any other failure to write is
 * told once on standard error and fails the run.
 */
function writerTo(stream: NodeJS.WriteStream, name: string): (text: string) => void {
  let open = true;
  const closed = (error: NodeJS.ErrnoException) => {
    if (!open) return;
    open = false;
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    unwritable = true;
    if (stream !== process.stderr) process.stderr.write(`crosscheck: error: cannot write to ${name} (${error.code ?? error.message}).\n`);
  };
  stream.on('error', closed);
  return (text) => {
    if (!open) return;
    try {
      stream.write(text);
    } catch (error) {
      closed(error as NodeJS.ErrnoException);
    }
  };
}

const io: CliIO = {
  stdout: writerTo(process.stdout, 'standard output'),
  stderr: writerTo(process.stderr, 'standard error'),
  readStdin: () => readAll(process.stdin),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  exitCode: 0,
};

// Checked at exit, since a failed write is reported after the write returns.
process.on('exit', (code) => {
  if (unwritable && code === 0) process.exitCode = 1;
});
process.exitCode = await runCli(process.argv.slice(2), io);
