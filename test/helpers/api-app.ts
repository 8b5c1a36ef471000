/**
 * What the HTTP API tests share: an app over a fresh store, JSON requests, the error body every
 * failure answers with, a case made through the API, and a store whose imports fail on demand
 * (alone, or in an app with a case ready).
 */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CrosscheckError } from '../../src/errors.js';
import { createApp, type AppOptions } from '../../src/server/index.js';
import { openStore, type CaseStore } from '../../src/store/index.js';

export type App = ReturnType<typeof createApp>;

export async function freshStore(): Promise<CaseStore> {
  return openStore(await mkdtemp(join(tmpdir(), 'crosscheck-server-')));
}

export async function withApp(run: (app: App, store: CaseStore) => Promise<void>, options: Omit<AppOptions, 'store'> = {}): Promise<void> {
  const store = await freshStore();
  try {
    await run(createApp({ store, ...options }), store);
  } finally {
    await store.close();
  }
}

/** A POST with a JSON body; a string body is sent as it is (for malformed JSON). */
export const jsonPost = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** The JSON error an API failure answers with; never a stack trace. */
export async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.doesNotMatch(body.error.message, /\n\s+at /, 'no stack trace');
  return { status: response.status, ...body.error };
}

export async function newCase(app: App, name: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await app.request('/api/cases', jsonPost({ name }, headers));
  assert.equal(response.status, 201);
  return ((await response.json()) as { id: string }).id;
}

/** `store` whose imports reject with whatever `failure()` returns at the time. */
export function storeFailingImports(store: CaseStore, failure: () => Error): CaseStore {
  return Object.assign(Object.create(store) as CaseStore, { importDocuments: async () => Promise.reject(failure()) });
}

/** A case "Busy" in an app whose imports fail: first with STORE_BUSY, then with whatever `fail` is given. */
export interface FailingImports {
  app: App;
  id: string;
  /** What the app wrote to its log. */
  logged: string[];
  fail(error: Error): void;
}

export async function withFailingImports(run: (failing: FailingImports) => Promise<void>): Promise<void> {
  const store = await freshStore();
  const logged: string[] = [];
  let failure: Error = new CrosscheckError('STORE_BUSY', 'Another import into this case held the store for 15 seconds; nothing was stored.');
  try {
    const app = createApp({ store: storeFailingImports(store, () => failure), log: (line) => logged.push(line) });
    const id = await newCase(app, 'Busy');
    await run({ app, id, logged, fail: (error) => (failure = error) });
  } finally {
    await store.close();
  }
}
