import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { STORE_FILE, resolveDataDir } from '../src/store/data-dir.js';
import { SQLITE_MIGRATIONS, openSqliteStore, schemaVersion } from '../src/store/sqlite.js';
import { newDocument, rejectsWith, storeSuite } from './helpers/store-suite.js';

storeSuite('sqlite', async (dir) => openSqliteStore(dir));

const WRITER = join(import.meta.dirname, 'helpers', 'store-writer.ts');

/** Runs the writer child; resolves with the acknowledged count once it exits or is killed after `killAfterAcks`. */
function writer(args: string[], killAfterAcks?: number): Promise<{ acked: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = 0;
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/ack (\d+)/g)) acked = Number(match[1]);
      if (killAfterAcks !== undefined && acked >= killAfterAcks) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ acked, code, stderr }));
  });
}

/** The checks a store must pass after any crash: SQLite's own, foreign keys, and no gap in a case's documents. */
function checkConsistent(dir: string): void {
  const db = new Database(join(dir, STORE_FILE), { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    const cases = db.prepare('SELECT c.id, c.revision, count(d.id) AS documents, coalesce(max(d.seq), 0) AS last FROM cases c LEFT JOIN documents d ON d.case_id = c.id GROUP BY c.id').all() as { documents: number; last: number }[];
    for (const row of cases) assert.equal(row.documents, row.last, 'documents are numbered without gaps');
  } finally {
    db.close();
  }
}

test('sqlite: a store made at schema version 1 is migrated at open, keeping its data', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-store-'));
  const old = openSqliteStore(dir, { migrations: SQLITE_MIGRATIONS.slice(0, 1) });
  assert.equal(schemaVersion(old), 1);
  const made = await old.createCase('Old case');
  await old.importDocuments(made.id, [newDocument('a', 'Written by version one.')]);
  await old.close();

  const current = openSqliteStore(dir);
  try {
    assert.equal(schemaVersion(current), SQLITE_MIGRATIONS.at(-1)!.version);
    assert.equal((await current.listDocuments(made.id)).documents[0]?.text, 'Written by version one.');
    await current.saveDocumentResults(made.id, 'k', new Map([['a', { results: {}, messages: [] }]]));
    assert.equal((await current.loadDocumentResults(made.id, 'k')).size, 1);
  } finally {
    await current.close();
  }
  checkConsistent(dir);
});

test('sqlite: a store from a newer crosscheck, or a file that is no store, is refused with a coded error', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-store-'));
  (await openSqliteStore(dir).close());
  const db = new Database(join(dir, STORE_FILE));
  db.pragma('user_version = 99');
  db.close();
  await rejectsWith((async () => openSqliteStore(dir))(), 'STORE_TOO_NEW');

  const garbage = await mkdtemp(join(tmpdir(), 'crosscheck-store-'));
  await writeFile(join(garbage, STORE_FILE), 'this is not a database, only text that pretends to be one'.repeat(100));
  await rejectsWith((async () => openSqliteStore(garbage))(), 'STORE_FAILED');
});

test('sqlite: case names never reach the file system', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-store-'));
  const store = openSqliteStore(dir);
  for (const name of ['../outside', '../../tmp/x', 'sub/dir']) await store.createCase(name);
  await store.close();
  const files = await readdir(dir);
  assert.deepEqual(files.filter((file) => !file.startsWith(STORE_FILE)), []);
  assert.deepEqual(await readdir(join(dir, '..')).then((all) => all.filter((file) => file === 'outside')), []);
});

test('sqlite: the data folder comes from --data, then CROSSCHECK_DATA, then the platform', () => {
  const home = '/home/ana';
  const cases: [Parameters<typeof resolveDataDir>[0], string][] = [
    [{ flag: 'here', env: { CROSSCHECK_DATA: '/elsewhere' }, cwd: '/work', home }, '/work/here'],
    [{ env: { CROSSCHECK_DATA: '/elsewhere' }, home }, '/elsewhere'],
    [{ env: { CROSSCHECK_DATA: ' ' }, platform: 'linux', home }, '/home/ana/.local/share/crosscheck'],
    [{ env: { XDG_DATA_HOME: '/xdg' }, platform: 'linux', home }, '/xdg/crosscheck'],
    [{ env: { XDG_DATA_HOME: 'relative' }, platform: 'linux', home }, '/home/ana/.local/share/crosscheck'],
    [{ env: {}, platform: 'darwin', home }, '/home/ana/Library/Application Support/crosscheck'],
  ];
  for (const [sources, expected] of cases) assert.equal(resolveDataDir(sources), expected, JSON.stringify(sources));
});

test('sqlite: a writer killed at random moments leaves a consistent store holding every acknowledged article', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-store-'));
  let acknowledged = 0;
  for (const [round, killAt] of [3, 11, 24].entries()) {
    const run = await writer([dir, 'Killed', '40', '1', String(round + 1), `round${round}`], killAt);
    assert.ok(run.acked >= killAt, run.stderr);
    acknowledged += run.acked;
    checkConsistent(dir);
    const store = openSqliteStore(dir);
    const found = (await store.getCase('Killed'))!;
    const { documents, revision } = await store.listDocuments(found.id);
    await store.close();
    // Every acknowledged article is there; at most the one in flight when killed is there too.
    const ofRound = documents.filter((doc) => doc.id.startsWith(`round${round}-`)).length;
    assert.ok(ofRound >= run.acked && ofRound <= run.acked + 1, `${ofRound} stored, ${run.acked} acknowledged`);
    assert.equal(revision, documents.length);
  }
  assert.ok(acknowledged >= 38);
});

test('sqlite: two processes importing into one case at once are serialised, nothing lost or doubled', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-store-'));
  const [one, two] = await Promise.all([writer([dir, 'Shared', '60', '5', '1', 'one']), writer([dir, 'Shared', '60', '5', '2', 'two'])]);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  checkConsistent(dir);
  const store = openSqliteStore(dir);
  const cases = await store.listCases();
  assert.deepEqual(cases.map((c) => [c.name, c.documents]), [['Shared', 120]]);
  const { documents } = await store.listDocuments(cases[0]!.id);
  await store.close();
  assert.equal(new Set(documents.map((doc) => doc.id)).size, 120);
  assert.deepEqual(documents.map((doc) => doc.seq), Array.from({ length: 120 }, (_, i) => i + 1));
});

test('sqlite: an import that cannot get its turn in time is refused with STORE_BUSY and stores nothing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-store-'));
  const holder = openSqliteStore(dir);
  const made = await holder.createCase('Busy');
  const waiting = openSqliteStore(dir, { busyTimeoutMs: 100 });
  holder.db.exec('BEGIN IMMEDIATE');
  try {
    await rejectsWith(waiting.importDocuments(made.id, [newDocument('a', 'Alpha.')]), 'STORE_BUSY');
  } finally {
    holder.db.exec('ROLLBACK');
  }
  assert.equal((await waiting.listDocuments(made.id)).documents.length, 0);
  await waiting.close();
  await holder.close();
});
