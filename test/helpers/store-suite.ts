/**
 * The one test suite every `CaseStore` implementation runs (SQLite today, PostgreSQL later):
 * call `storeSuite(name, open)` from the implementation's test file, where `open(dir)` opens
 * (or reopens) a store kept in `dir`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyMeta } from '../../src/document.js';
import { isCrosscheckError } from '../../src/errors.js';
import type { Analysis } from '../../src/contract.js';
import type { CaseStore, NewDocument } from '../../src/store/types.js';
import { blankAnalysis } from './analysis.js';

export type OpenStore = (dir: string) => Promise<CaseStore>;

export function newDocument(id: string, text: string, extra: Partial<NewDocument> = {}): NewDocument {
  return { id, source: `${id}.txt`, format: 'txt', text, meta: emptyMeta(), messages: [], original: new TextEncoder().encode(text), ...extra };
}

export async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isCrosscheckError(error), `expected a CrosscheckError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return true;
  });
}

async function withStore(open: OpenStore, body: (store: CaseStore, dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-store-'));
  const store = await open(dir);
  try {
    await body(store, dir);
  } finally {
    await store.close();
  }
}

/** An analysis told apart from others by its version; the store keeps it as given. */
function fakeAnalysis(marker: string): Analysis {
  // The version slot carries the marker: the store neither reads nor checks it.
  return { ...blankAnalysis(), version: marker as Analysis['version'] };
}

export function storeSuite(name: string, open: OpenStore): void {
  test(`${name}: cases are created, found by id or name, listed by name, renamed and deleted`, async () => {
    await withStore(open, async (store) => {
      const strike = await store.createCase('  Harbour strike ');
      const unicode = await store.createCase('Забастовка в порту — 港口罢工 🚢');
      assert.equal(strike.name, 'Harbour strike');
      assert.match(strike.id, /^[0-9a-z]{16}$/);
      assert.notEqual(strike.id, unicode.id);
      assert.equal((await store.getCase(strike.id))?.name, 'Harbour strike');
      assert.equal((await store.getCase('Harbour strike'))?.id, strike.id);
      // A name typed in decomposed form finds the case stored in composed form.
      const accented = await store.createCase('Caf\u00e9 fire');
      assert.equal((await store.getCase('Cafe\u0301 fire'))?.id, accented.id);
      assert.equal(await store.getCase('harbour strike'), null);
      assert.deepEqual((await store.listCases()).map((c) => c.name), ['Caf\u00e9 fire', 'Harbour strike', 'Забастовка в порту — 港口罢工 🚢']);
      const renamed = await store.renameCase(strike.id, 'Harbour strike, week 2');
      assert.equal(renamed.name, 'Harbour strike, week 2');
      await rejectsWith(store.renameCase(strike.id, unicode.name), 'CASE_EXISTS');
      await rejectsWith(store.renameCase('0000000000000000', 'x'), 'CASE_NOT_FOUND');
      assert.equal(await store.deleteCase(strike.id), true);
      assert.equal(await store.deleteCase(strike.id), false);
      assert.equal(await store.getCase(strike.id), null);
    });
  });

  test(`${name}: bad case names are refused with a coded error`, async () => {
    await withStore(open, async (store) => {
      await store.createCase('Flood');
      const cases: [string, string][] = [
        ['', 'INVALID_CASE_NAME'],
        ['   ', 'INVALID_CASE_NAME'],
        ['two\nlines', 'INVALID_CASE_NAME'],
        ['bell\u0007', 'INVALID_CASE_NAME'],
        ['x'.repeat(201), 'INVALID_CASE_NAME'],
        ['Flood', 'CASE_EXISTS'],
        [' Flood ', 'CASE_EXISTS'],
      ];
      for (const [given, code] of cases) await rejectsWith(store.createCase(given), code);
      assert.equal((await store.listCases()).length, 1);
    });
  });

  test(`${name}: names and ids that look like paths are only names`, async () => {
    await withStore(open, async (store) => {
      const names = ['../../etc/passwd', '..\\..\\windows', '/tmp/evil', '.', '..', 'nul', 'a/../../b', '%2e%2e%2f'];
      for (const given of names) {
        const made = await store.createCase(given);
        assert.match(made.id, /^[0-9a-z]{16}$/, given);
        assert.equal((await store.getCase(given))?.id, made.id);
        assert.equal(await store.getCase(`../${made.id}`), null);
        assert.equal(await store.getCase(`${made.id}/..`), null);
      }
      const target = (await store.getCase('..'))!;
      const { added } = await store.importDocuments(target.id, [newDocument('x', 'Text.', { id: '../../escape' }), newDocument('y', 'Other.', { id: '/abs/path' })]);
      assert.deepEqual(added.map((doc) => doc.id), ['doc', 'doc-2']);
    });
  });

  test(`${name}: an import stores documents in order, numbers clashing ids on, and keeps the originals`, async () => {
    await withStore(open, async (store) => {
      const made = await store.createCase('Ferry');
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x46, 0x65, 0x72, 0x72, 0x79]);
      const first = await store.importDocuments(made.id, [
        newDocument('report', 'Ferry service resumes.', { original: bytes, messages: [{ doc: 'report', stage: 'read', rule: 'read/x', severity: 'info', text: 'note' }] }),
        newDocument('update', 'Ferry delayed again.'),
      ]);
      assert.equal(first.revision, 1);
      assert.deepEqual(first.added.map((doc) => [doc.id, doc.seq]), [['report', 1], ['update', 2]]);
      const second = await store.importDocuments(made.id, [newDocument('report', 'A different report.', { source: 'elsewhere/report.txt' }), newDocument('report', 'Ferry service resumes.', { original: bytes })]);
      assert.deepEqual(second.added.map((doc) => doc.id), ['report-2']);
      assert.deepEqual(second.skipped, [{ source: 'report.txt', existing: 'report' }]);
      assert.equal(second.revision, 2);
      const listed = await store.listDocuments(made.id);
      assert.equal(listed.revision, 2);
      assert.deepEqual(listed.documents.map((doc) => doc.id), ['report', 'update', 'report-2']);
      assert.equal(listed.documents[0]!.messages[0]!.doc, 'report');
      assert.deepEqual(listed.documents[2]!.meta, emptyMeta());
      assert.deepEqual(await store.getOriginal(made.id, 'report'), bytes);
      assert.equal(await store.getOriginal(made.id, 'missing'), null);
      assert.equal((await store.getCase(made.id))?.documents, 3);
      // Nothing new: the revision stays, so a saved analysis stays current.
      assert.equal((await store.importDocuments(made.id, [newDocument('update', 'Ferry delayed again.')])).revision, 2);
      await rejectsWith(store.importDocuments('0000000000000000', [newDocument('a', 'b')]), 'CASE_NOT_FOUND');
      await rejectsWith(store.listDocuments('0000000000000000'), 'CASE_NOT_FOUND');
    });
  });

  test(`${name}: an import that fails half-way stores nothing`, async () => {
    await withStore(open, async (store) => {
      const made = await store.createCase('Atomic');
      await store.importDocuments(made.id, [newDocument('kept', 'Kept before.')]);
      // A metadata value JSON cannot hold fails the third write, after two succeeded.
      const unstorable = newDocument('c', 'Third.', { meta: { ...emptyMeta(), title: 1n as unknown as string } });
      await assert.rejects(store.importDocuments(made.id, [newDocument('a', 'First.'), newDocument('b', 'Second.'), unstorable]));
      const listed = await store.listDocuments(made.id);
      assert.deepEqual(listed.documents.map((doc) => doc.id), ['kept']);
      assert.equal(listed.revision, 1);
    });
  });

  test(`${name}: per-document results are kept under the pipeline's key`, async () => {
    await withStore(open, async (store) => {
      const made = await store.createCase('Results');
      await store.importDocuments(made.id, [newDocument('a', 'Alpha.'), newDocument('b', 'Beta.')]);
      const entry = { results: { clean: { removed: [] } } as never, messages: [] };
      await store.saveDocumentResults(made.id, 'key-1', new Map([['a', entry]]));
      assert.deepEqual([...(await store.loadDocumentResults(made.id, 'key-1')).keys()], ['a']);
      assert.deepEqual(await store.loadDocumentResults(made.id, 'key-1').then((m) => m.get('a')), entry);
      assert.equal((await store.loadDocumentResults(made.id, 'key-2')).size, 0);
      await store.saveDocumentResults(made.id, 'key-2', new Map([['b', entry]]));
      assert.equal((await store.loadDocumentResults(made.id, 'key-1')).size, 0, 'an older pipeline’s results are dropped');
    });
  });

  test(`${name}: an analysis is saved only against the revision it was made from`, async () => {
    await withStore(open, async (store) => {
      const made = await store.createCase('Analysis');
      const { revision } = await store.importDocuments(made.id, [newDocument('a', 'Alpha.')]);
      assert.equal(await store.loadAnalysis(made.id), null);
      assert.equal(await store.saveAnalysis(made.id, revision, 'hash-1', fakeAnalysis('one')), true);
      const saved = await store.loadAnalysis(made.id);
      assert.equal(saved?.inputHash, 'hash-1');
      assert.equal(saved?.revision, revision);
      assert.equal(saved?.analysis.version, 'one');
      assert.equal((await store.loadAnalysis(made.id, 'hash-1'))?.analysis.version, 'one');
      assert.equal(await store.loadAnalysis(made.id, 'hash-other'), null);
      await store.importDocuments(made.id, [newDocument('b', 'Beta.')]);
      assert.equal(await store.saveAnalysis(made.id, revision, 'hash-stale', fakeAnalysis('stale')), false);
      assert.equal((await store.loadAnalysis(made.id))?.inputHash, 'hash-1');
    });
  });

  test(`${name}: the saved analysis as text is its JSON, under the same conditions as loadAnalysis`, async () => {
    await withStore(open, async (store) => {
      const made = await store.createCase('Analysis text');
      const { revision } = await store.importDocuments(made.id, [newDocument('a', 'Alpha.')]);
      assert.equal(await store.savedAnalysisText(made.id), null);
      await store.saveAnalysis(made.id, revision, 'hash-1', fakeAnalysis('one'));
      const saved = await store.savedAnalysisText(made.id, 'hash-1');
      assert.deepEqual(saved && { ...saved, saved: typeof saved.saved }, { revision, inputHash: 'hash-1', text: JSON.stringify(fakeAnalysis('one')), saved: 'string' });
      assert.equal((await store.savedAnalysisText(made.id))?.text, saved?.text);
      assert.equal(await store.savedAnalysisText(made.id, 'hash-other'), null);
    });
  });

  test(`${name}: deleting a case deletes its documents, results and analysis, and no other case's`, async () => {
    await withStore(open, async (store) => {
      const doomed = await store.createCase('Doomed');
      const kept = await store.createCase('Kept');
      for (const target of [doomed, kept]) {
        const { revision } = await store.importDocuments(target.id, [newDocument('a', `Alpha in ${target.name}.`)]);
        await store.saveDocumentResults(target.id, 'k', new Map([['a', { results: {}, messages: [] }]]));
        await store.saveAnalysis(target.id, revision, 'h', fakeAnalysis(target.name));
      }
      assert.equal(await store.deleteCase(doomed.id), true);
      await rejectsWith(store.listDocuments(doomed.id), 'CASE_NOT_FOUND');
      assert.equal(await store.loadAnalysis(doomed.id), null);
      assert.equal((await store.loadDocumentResults(doomed.id, 'k')).size, 0);
      assert.equal((await store.listDocuments(kept.id)).documents.length, 1);
      assert.equal((await store.loadAnalysis(kept.id))?.analysis.version, 'Kept');
      // The same name can be used again, for a new, empty case.
      const again = await store.createCase('Doomed');
      assert.notEqual(again.id, doomed.id);
      assert.equal((await store.listDocuments(again.id)).documents.length, 0);
    });
  });

  test(`${name}: everything survives closing and reopening`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crosscheck-store-'));
    const first = await open(dir);
    const made = await first.createCase('Persistent');
    const { revision } = await first.importDocuments(made.id, [newDocument('a', 'Alpha.')]);
    await first.saveAnalysis(made.id, revision, 'h', fakeAnalysis('kept'));
    await first.close();
    const second = await open(dir);
    try {
      assert.equal((await second.getCase('Persistent'))?.documents, 1);
      assert.equal((await second.listDocuments(made.id)).documents[0]?.text, 'Alpha.');
      assert.equal((await second.loadAnalysis(made.id))?.analysis.version, 'kept');
    } finally {
      await second.close();
    }
  });
}
