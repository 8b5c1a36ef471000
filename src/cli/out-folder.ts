/**
 * The `--out` folder is checked before any work starts, so that a wrong path costs a second and
 * a clear line, not a finished analysis and an internal error. Writability is asked of the file
 * system itself (a probe folder, removed at once): permissions alone do not tell, since root may
 * write anywhere yet not under /proc. The folders are created level by level, never with
 * `mkdir -p`, which loops forever under /proc on Node 20.
 */
import { mkdir, mkdtemp, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CrosscheckError } from '../errors.js';

export interface OutFolder {
  /** As the user wrote it, for messages. */
  given: string;
  path: string;
  /** Creates the folders that do not exist yet, outermost first. */
  create(): Promise<void>;
}

export async function checkOutFolder(given: string, cwd: string, files: readonly string[]): Promise<OutFolder> {
  if (given.trim() === '') throw refused(given, 'is empty; give the folder to write the report into');
  const path = resolve(cwd, given);
  const missing: string[] = [];
  let existing = path;
  for (;;) {
    const info = await stat(existing).catch((error: NodeJS.ErrnoException) => {
      // A path through a file (ENOTDIR) is reported below, at the file.
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw refused(given, `cannot be checked (${describe(error)})`);
    });
    if (info) {
      if (!info.isDirectory()) throw refused(given, existing === path ? 'is a file, not a folder' : `lies inside ${existing}, which is a file, not a folder`);
      break;
    }
    missing.unshift(existing);
    existing = dirname(existing);
  }

  try {
    await rmdir(await mkdtemp(join(existing, '.crosscheck-probe-')));
  } catch (error) {
    throw refused(given, `cannot be written: ${existing} does not accept new files (${describe(error as NodeJS.ErrnoException)})`);
  }
  if (missing.length === 0) {
    for (const file of files) {
      const info = await stat(join(path, file)).catch(() => null);
      if (info && !info.isFile()) throw refused(given, `holds a folder named ${file} where the report file goes`);
    }
  }

  return {
    given,
    path,
    async create() {
      for (const folder of missing) await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    },
  };
}

function refused(given: string, reason: string): CrosscheckError {
  return new CrosscheckError('INVALID_OPTIONS', `--out ${given}: ${reason}.`);
}

export function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error.code ?? error.message;
  }
}
