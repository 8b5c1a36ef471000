/**
 * The store: cases, their documents and analyses, kept between runs. `openStore` opens the
 * default implementation (SQLite, see sqlite.ts for why); everything else in crosscheck speaks
 * only the `CaseStore` interface. The HTTP server and the UI use what this file exports.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { STORE_FILE } from './data-dir.js';
import type { CaseStore } from './types.js';

export type { CaseInfo, CaseStore, DocumentResults, ImportResult, NewDocument, SavedAnalysis, SavedAnalysisText, StoredDocument } from './types.js';
export { resolveDataDir } from './data-dir.js';
export { addToCase, caseAnalysis, caseAnalysisText } from './case-analysis.js';
export type { AddOptions, AddResult } from './case-analysis.js';

/**
 * Opens the store in a data folder, creating and migrating it as needed.
 *
 * @example
 * const store = await openStore(resolveDataDir());
 * const found = await store.getCase('Harbour strike');
 */
export async function openStore(dataDir: string): Promise<CaseStore> {
  // Loaded on first use: the database driver is a native module that `analyze` alone never needs.
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(dataDir);
}

/** True when a store was made in this data folder: reading commands then need not create one. */
export function storeExists(dataDir: string): boolean {
  return existsSync(join(dataDir, STORE_FILE));
}
