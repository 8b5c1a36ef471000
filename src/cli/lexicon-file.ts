/**
 * `--lexicon <file>`: a user's framing lexicon, read and checked before any work starts so that a
 * typo in it is one line naming the file and the entry, never a stack trace or a half-done run.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CrosscheckError } from '../errors.js';
import { entriesOf, LexiconFileSchema, type LexiconEntry } from '../framing/lexicon.js';

/**
 * The entries of the lexicon file at `path` (relative to `cwd`): a JSON array of entries or
 * `{ "entries": [...] }`, each as in models/framing/README.md.
 *
 * @throws CrosscheckError INVALID_OPTIONS when the file cannot be read, is not JSON or has a bad entry.
 */
export async function readLexiconFile(path: string, cwd: string): Promise<LexiconEntry[]> {
  const fail = (detail: string): never => {
    throw new CrosscheckError('INVALID_OPTIONS', `--lexicon ${path}: ${detail}`);
  };
  let raw: string;
  try {
    raw = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    return fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.replace(/^\uFEFF/u, ''));
  } catch (error) {
    return fail(`is not valid JSON (${(error as Error).message}).`);
  }
  const checked = LexiconFileSchema.safeParse(parsed);
  if (!checked.success) {
    // The union's two shapes each report; the array shape's issues name the entry, which helps most.
    const issue = checked.error.issues[0]!;
    const nested = issue.code === 'invalid_union' ? (issue.errors.find((list) => list.length > 0)?.[0] ?? issue) : issue;
    const where = [...issue.path, ...(nested === issue ? [] : nested.path)].join('.') || '(file)';
    return fail(`${where}: ${nested.message}. Expected an array of entries like {"term": "occupiers", "loaded": true, "category": "delegitimising"}.`);
  }
  return entriesOf(checked.data);
}
