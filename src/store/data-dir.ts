/**
 * Where the store lives when no folder is given: `--data DIR`, else `CROSSCHECK_DATA`, else the
 * platform's folder for a user's application data (XDG on Linux and other Unix systems).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The file the default store keeps in the data folder (with SQLite's -wal and -shm beside it). */
export const STORE_FILE = 'crosscheck.sqlite';

export interface DataDirSources {
  /** The `--data` flag, when given. */
  flag?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
  cwd?: string;
}

/** The data folder as an absolute path. */
export function resolveDataDir(sources: DataDirSources = {}): string {
  const env = sources.env ?? process.env;
  const cwd = sources.cwd ?? process.cwd();
  const given = sources.flag ?? (env.CROSSCHECK_DATA?.trim() ? env.CROSSCHECK_DATA : undefined);
  if (given !== undefined) return resolve(cwd, given);
  const home = sources.home ?? homedir();
  switch (sources.platform ?? process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'crosscheck');
    case 'win32':
      return join(env.LOCALAPPDATA ?? env.APPDATA ?? join(home, 'AppData', 'Local'), 'crosscheck');
    default:
      // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
      return join(env.XDG_DATA_HOME?.startsWith('/') ? env.XDG_DATA_HOME : join(home, '.local', 'share'), 'crosscheck');
  }
}
