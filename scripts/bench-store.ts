/**
 * The measurements behind the choice of the default store (src/store/sqlite.ts): SQLite through
 * better-sqlite3 against PGlite (PostgreSQL in WebAssembly), over the same tables.
 *
 * - open: a new store (schema made) and an existing one;
 * - import: 1,000 generated articles into a case, in one transaction and one transaction per article;
 * - kill-safety: a child process importing one article per transaction is SIGKILLed at a random
 *   moment, N times; after each the store is reopened and checked (it opens, integrity and
 *   foreign keys hold, documents are numbered without gaps, every acknowledged article is there);
 * - end to end: 1,000 articles added to a case through `addToCase` (read, store, every stage,
 *   analysis saved), then 10 more (per-document stages only for them).
 *
 *   node --import tsx scripts/bench-store.ts [--articles 1000] [--kills 20] [--skip-pglite] [--skip-e2e] [--threads N]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { contentKey, newCaseId, sha256 } from '../src/store/names.js';
import { STORE_FILE } from '../src/store/data-dir.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { CaseStore, NewDocument } from '../src/store/types.js';
import { newsCorpus, seeded } from '../test/helpers/news-generator.js';
import { storedArticles } from '../test/helpers/stored-articles.js';

const { values: flags, positionals } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    kills: { type: 'string', default: '20' },
    'skip-pglite': { type: 'boolean', default: false },
    'skip-e2e': { type: 'boolean', default: false },
    threads: { type: 'string' },
    child: { type: 'string' },
  },
  allowPositionals: true,
});

function articles(count: number, seed: number, prefix: string): NewDocument[] {
  return storedArticles(newsCorpus(count, 10, seed), prefix);
}

/** The PGlite candidate: the SQLite store's tables in PostgreSQL, and its import transaction. */
const PG_SCHEMA = `
  CREATE TABLE IF NOT EXISTS cases (id text PRIMARY KEY, name text NOT NULL UNIQUE, created text NOT NULL, updated text NOT NULL, revision integer NOT NULL DEFAULT 0);
  CREATE TABLE IF NOT EXISTS originals (case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE, sha256 text NOT NULL, bytes bytea NOT NULL, PRIMARY KEY (case_id, sha256));
  CREATE TABLE IF NOT EXISTS documents (
    case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE, id text NOT NULL, seq integer NOT NULL, source text NOT NULL, format text NOT NULL,
    text text NOT NULL, meta jsonb NOT NULL, messages jsonb NOT NULL, original_sha256 text, content_key text NOT NULL, digest text NOT NULL, added text NOT NULL,
    PRIMARY KEY (case_id, id), UNIQUE (case_id, seq), FOREIGN KEY (case_id, original_sha256) REFERENCES originals(case_id, sha256) DEFERRABLE INITIALLY DEFERRED);`;

async function openPglite(dir: string): Promise<PGlite> {
  const db = await PGlite.create(dir);
  await db.exec(PG_SCHEMA);
  return db;
}

async function pgCase(db: PGlite, name: string): Promise<string> {
  const found = await db.query<{ id: string }>('SELECT id FROM cases WHERE name = $1', [name]);
  if (found.rows[0]) return found.rows[0].id;
  const id = newCaseId();
  const now = new Date().toISOString();
  await db.query('INSERT INTO cases (id, name, created, updated) VALUES ($1, $2, $3, $3) ON CONFLICT (name) DO NOTHING', [id, name, now]);
  return (await db.query<{ id: string }>('SELECT id FROM cases WHERE name = $1', [name])).rows[0]!.id;
}

async function pgImport(db: PGlite, caseId: string, documents: readonly NewDocument[]): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await tx.query<{ revision: number; last: number }>(
      'SELECT revision, (SELECT coalesce(max(seq), 0) FROM documents WHERE case_id = $1) AS last FROM cases WHERE id = $1 FOR UPDATE',
      [caseId],
    );
    let seq = Number(found.rows[0]!.last);
    const now = new Date().toISOString();
    for (const document of documents) {
      seq += 1;
      const digest = sha256(document.original!);
      await tx.query('INSERT INTO originals (case_id, sha256, bytes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [caseId, digest, document.original]);
      await tx.query(
        'INSERT INTO documents (case_id, id, seq, source, format, text, meta, messages, original_sha256, content_key, digest, added) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
        [caseId, document.id, seq, document.source, document.format, document.text, JSON.stringify(document.meta), JSON.stringify(document.messages), digest, contentKey(document), digest, now],
      );
    }
    await tx.query('UPDATE cases SET revision = revision + 1, updated = $2 WHERE id = $1', [caseId, now]);
  });
}

type Engine = 'sqlite' | 'pglite';

/** The child of the kill test: one article per transaction, `ack n` after each commit. */
async function child(engine: Engine, dir: string, count: number, seed: number, prefix: string): Promise<void> {
  // Made one at a time: the parent kills this process long before the last.
  const article = (i: number): NewDocument => ({ ...articles(1, seed * 100_003 + i, prefix)[0]!, id: `${prefix}-${i + 1}` });
  let write: (document: NewDocument) => Promise<unknown>;
  if (engine === 'sqlite') {
    const store = openSqliteStore(dir);
    const found = (await store.getCase('Killed')) ?? (await store.createCase('Killed'));
    write = (document) => store.importDocuments(found.id, [document]);
  } else {
    const db = await openPglite(dir);
    const caseId = await pgCase(db, 'Killed');
    write = (document) => pgImport(db, caseId, [document]);
  }
  for (let i = 0; i < count; i++) {
    await write(article(i));
    process.stdout.write(`ack ${i + 1}\n`);
  }
}

function killChild(engine: Engine, dir: string, seed: number, prefix: string, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', engine, dir, '2000', String(seed), prefix], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acked = 0;
    let timer: NodeJS.Timeout | undefined;
    process_.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/ack (\d+)/g)) acked = Number(match[1]);
      // The clock starts at the first commit, so every kill lands among writes, not during start-up.
      timer ??= setTimeout(() => process_.kill('SIGKILL'), delayMs);
    });
    process_.on('error', reject);
    process_.on('close', () => {
      clearTimeout(timer);
      resolve(acked);
    });
  });
}

interface Check {
  opened: boolean;
  consistent: boolean;
  stored: number;
  detail: string;
}

async function checkStore(engine: Engine, dir: string, prefix: string): Promise<Check> {
  try {
    if (engine === 'sqlite') {
      const store = openSqliteStore(dir);
      await store.close();
      const db = new Database(join(dir, STORE_FILE), { readonly: true });
      const integrity = db.pragma('integrity_check', { simple: true });
      const keys = db.pragma('foreign_key_check') as unknown[];
      const row = db.prepare('SELECT count(*) AS n, coalesce(max(seq), 0) AS last, (SELECT revision FROM cases) AS revision FROM documents').get() as { n: number; last: number; revision: number };
      const stored = (db.prepare('SELECT count(*) AS n FROM documents WHERE id LIKE ?').get(`${prefix}-%`) as { n: number }).n;
      db.close();
      const consistent = integrity === 'ok' && keys.length === 0 && row.n === row.last && row.n === row.revision;
      return { opened: true, consistent, stored, detail: `integrity ${String(integrity)}, ${keys.length} key violations, ${row.n} docs, last seq ${row.last}, revision ${row.revision}` };
    }
    const db = await PGlite.create(dir);
    const row = (await db.query<{ n: number; last: number; revision: number }>('SELECT count(*)::int AS n, coalesce(max(seq), 0)::int AS last, (SELECT revision FROM cases) AS revision FROM documents')).rows[0]!;
    const orphans = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents d LEFT JOIN originals o ON o.case_id = d.case_id AND o.sha256 = d.original_sha256 WHERE o.sha256 IS NULL')).rows[0]!.n;
    const stored = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE id LIKE $1', [`${prefix}-%`])).rows[0]!.n;
    await db.close();
    return { opened: true, consistent: row.n === row.last && row.n === row.revision && orphans === 0, stored, detail: `${row.n} docs, last seq ${row.last}, revision ${row.revision}, ${orphans} orphans` };
  } catch (error) {
    return { opened: false, consistent: false, stored: 0, detail: (error as Error).message.slice(0, 200) };
  }
}

async function killSafety(engine: Engine, rounds: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `bench-store-kill-${engine}-`));
  const random = seeded(7);
  let lost = 0;
  let broken = 0;
  let acknowledged = 0;
  for (let round = 0; round < rounds; round++) {
    const prefix = `r${round}`;
    const delay = Math.floor(random() * 400);
    const acked = await killChild(engine, dir, round + 1, prefix, delay);
    const check = await checkStore(engine, dir, prefix);
    acknowledged += acked;
    if (!check.opened || !check.consistent) broken += 1;
    if (check.stored < acked) lost += acked - check.stored;
    if (!check.opened || !check.consistent || check.stored < acked) console.log(`  ${engine} round ${round + 1}: killed after ${delay} ms, ${acked} acknowledged, ${check.stored} stored; ${check.detail}`);
    if (!check.opened) break;
  }
  console.log(`${engine.padEnd(7)} kill-safety: ${rounds} SIGKILLs, ${acknowledged} articles acknowledged, ${lost} lost, ${broken} inconsistent or unopenable reopenings`);
  await rm(dir, { recursive: true, force: true });
}

async function megabytes(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => stat(join(entry.parentPath, entry.name)).then((info) => info.size)));
  return `${(sizes.reduce((sum, size) => sum + size, 0) / 1024 / 1024).toFixed(1)} MB`;
}

function rate(count: number, ms: number): string {
  return `${String(Math.round(ms)).padStart(6)} ms  ${String(Math.round((count * 1000) / ms)).padStart(7)} articles/s`;
}

async function importSpeed(engine: Engine, count: number): Promise<void> {
  for (const mode of ['one transaction', 'per article'] as const) {
    const dir = await mkdtemp(join(tmpdir(), `bench-store-${engine}-`));
    const documents = articles(count, 1, 'a');
    let started = performance.now();
    if (engine === 'sqlite') {
      const store = openSqliteStore(dir);
      const opened = performance.now() - started;
      const found = await store.createCase('Speed');
      started = performance.now();
      if (mode === 'one transaction') await store.importDocuments(found.id, documents);
      else for (const document of documents) await store.importDocuments(found.id, [document]);
      const took = performance.now() - started;
      await store.close();
      const reopenStarted = performance.now();
      await openSqliteStore(dir).close();
      console.log(`sqlite  import ${count} (${mode.padEnd(15)}): ${rate(count, took)}   (new store opened in ${Math.round(opened)} ms, reopened in ${Math.round(performance.now() - reopenStarted)} ms, ${await megabytes(dir)} on disk)`);
    } else {
      const db = await openPglite(dir);
      const opened = performance.now() - started;
      const caseId = await pgCase(db, 'Speed');
      started = performance.now();
      if (mode === 'one transaction') await pgImport(db, caseId, documents);
      else for (const document of documents) await pgImport(db, caseId, [document]);
      const took = performance.now() - started;
      await db.close();
      const reopenStarted = performance.now();
      await (await PGlite.create(dir)).close();
      console.log(`pglite  import ${count} (${mode.padEnd(15)}): ${rate(count, took)}   (new store opened in ${Math.round(opened)} ms, reopened in ${Math.round(performance.now() - reopenStarted)} ms, ${await megabytes(dir)} on disk)`);
    }
    await rm(dir, { recursive: true, force: true });
  }
}

/** The store with the time spent in each of its methods counted, to tell storing from analysing. */
function timed(store: CaseStore): { store: CaseStore; spent: () => string } {
  const spent = new Map<string, number>();
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          spent.set(String(key), (spent.get(String(key)) ?? 0) + performance.now() - started);
        }
      };
    },
  });
  const report = () => {
    const parts = [...spent].filter(([, ms]) => ms >= 1).map(([name, ms]) => `${name} ${Math.round(ms)} ms`);
    spent.clear();
    return parts.join(', ');
  };
  return { store: wrapped, spent: report };
}

async function endToEnd(count: number, threads: number | undefined): Promise<void> {
  const options = threads === undefined ? {} : { threads };
  const { addToCase } = await import('../src/store/case-analysis.js');
  const { analyze } = await import('../src/analyze.js');
  const dir = await mkdtemp(join(tmpdir(), 'bench-store-e2e-'));
  const { store, spent } = timed(openSqliteStore(dir));
  const corpus = newsCorpus(count + 10, 10, 3);
  // Models load once per process: load them before timing anything, so both runs below are warm.
  await analyze(newsCorpus(2, 10, 9));
  let started = performance.now();
  await analyze(corpus, options);
  console.log(`for comparison: analyze ${count + 10} articles without the store: ${Math.round(performance.now() - started)} ms`);
  started = performance.now();
  await addToCase(store, 'End to end', corpus.slice(0, count), options);
  const first = performance.now() - started;
  console.log(`end to end: add ${count} articles to a new case (read, store, every stage, analysis saved): ${rate(count, first)}; in the store: ${spent()}`);
  started = performance.now();
  await addToCase(store, 'End to end', corpus.slice(count), options);
  console.log(`end to end: add 10 more to that case (per-document stages for the 10, corpus stages over ${count + 10}): ${Math.round(performance.now() - started)} ms; in the store: ${spent()}`);
  await store.close();
  await rm(dir, { recursive: true, force: true });
}

if (flags.child) {
  const [dir, count, seed, prefix] = positionals;
  await child(flags.child as Engine, dir!, Number(count), Number(seed), prefix!);
} else {
  const count = Number(flags.articles);
  const kills = Number(flags.kills);
  const engines: Engine[] = flags['skip-pglite'] ? ['sqlite'] : ['sqlite', 'pglite'];
  console.log(`store benchmark: ${count} generated articles of 10 sentences; threads ${flags.threads ?? 'default (one per core)'}; node ${process.version}\n`);
  for (const engine of engines) await importSpeed(engine, count);
  console.log('');
  for (const engine of engines) await killSafety(engine, kills);
  if (!flags['skip-e2e']) {
    console.log('');
    await endToEnd(count, flags.threads === undefined ? undefined : Number(flags.threads));
  }
}
