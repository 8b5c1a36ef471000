/**
 * Golden cases: real input files with the expected analysis beside them. The sample story is the
 * main one; each case under test/golden/<name>/ holds input files and `expected.json`.
 * `npm run fixtures` regenerates every expected file after a deliberate change, so the change is
 * one command and a reviewed diff.
 */
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../src/index.js';

export const REPO = new URL('../../', import.meta.url).pathname;

export interface GoldenCase {
  name: string;
  /** Input folder, relative to the repository root. */
  input: string;
  /** Expected analysis, relative to the repository root. */
  expected: string;
}

export async function goldenCases(): Promise<GoldenCase[]> {
  const cases: GoldenCase[] = [{ name: 'sample-story', input: 'examples/sample-story', expected: 'test/golden/sample-story.expected.json' }];
  const folder = join(REPO, 'test/golden/cases');
  if (existsSync(folder)) {
    for (const name of (await readdir(folder)).sort()) {
      cases.push({ name, input: `test/golden/cases/${name}/input`, expected: `test/golden/cases/${name}/expected.json` });
    }
  }
  return cases;
}

/** Analyzes a case from the repository root, so sources are stable relative paths. */
export async function analyzeCase(golden: GoldenCase): Promise<Analysis> {
  return analyze([golden.input], { cwd: REPO });
}
