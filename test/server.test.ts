import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnalysisSchema } from '../src/contract.js';
import { isLoopback } from '../src/server/index.js';
import { addToCase } from '../src/store/index.js';
import { errorOf, jsonPost, newCase, withApp, withFailingImports } from './helpers/api-app.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Invented articles, written for these tests.
const FERRY = 'Ferry crews walk out in Portmere\n\nFerry crews in Portmere stopped work on Monday over pay, the Portmere Seafarers Union said. "We will not sail until the offer improves," union secretary Hana Velde told reporters. The operator, Brightwater Lines, said talks would resume on Thursday.';
const BRIDGE = 'Portmere bridge closed for repairs\n\nThe harbour bridge in Portmere will close for three weeks from 4 May, the city council said on Tuesday. Council engineer Tomas Reyk said the cables needed replacing. Drivers were told to use the ring road.';
const HOSTILE = 'Council vote <script>alert("pwned")</script> delayed\n\nThe vote was delayed, councillor Ida Marsh said. "Nobody read the <img src=x onerror=alert(1)> annex," she added.';

test('cases: create, list, add documents, analysis, reports, delete', async () => {
  await withApp(async (app) => {
    const id = await newCase(app, 'Portmere harbour');
    assert.deepEqual((({ status, code }) => [status, code])(await errorOf(await app.request('/api/cases', jsonPost({ name: 'Portmere harbour' })))), [409, 'CASE_EXISTS']);
    assert.equal((await errorOf(await app.request('/api/cases', jsonPost({ name: 'two\nlines' })))).code, 'INVALID_CASE_NAME');

    const listed = (await (await app.request('/api/cases')).json()) as { cases: { id: string; name: string; documents: number }[] };
    assert.deepEqual(listed.cases.map((c) => [c.id, c.name, c.documents]), [[id, 'Portmere harbour', 0]]);

    const added = await app.request(`/api/cases/${id}/documents`, jsonPost([{ text: FERRY, outlet: 'Portmere Post', source: 'ferry.txt' }, { html: `<html><body><article><h1>Bridge</h1><p>${BRIDGE}</p></article></body></html>`, outlet: 'Harbour Herald' }]));
    assert.equal(added.status, 200);
    const summary = (await added.json()) as { added: { id: string; source: string }[]; skipped: unknown[]; documents: number; messages: unknown[] };
    assert.equal(summary.added.length, 2);
    assert.equal(summary.documents, 2);
    assert.deepEqual(summary.skipped, []);

    const again = (await (await app.request(`/api/cases/${id}/documents`, jsonPost({ text: FERRY, outlet: 'Portmere Post', source: 'ferry.txt' }))).json()) as { added: unknown[]; skipped: unknown[]; documents: number };
    assert.deepEqual([again.added.length, again.skipped.length, again.documents], [0, 1, 2]);

    const analysisResponse = await app.request(`/api/cases/${id}/analysis`);
    assert.equal(analysisResponse.status, 200);
    assert.match(analysisResponse.headers.get('Content-Type')!, /^application\/json/);
    assert.equal(analysisResponse.headers.get('X-Content-Type-Options'), 'nosniff');
    const analysis = AnalysisSchema.parse(await analysisResponse.json());
    assert.deepEqual(analysis.documents.map((doc) => doc.outlet), ['Portmere Post', 'Harbour Herald']);

    const html = await app.request(`/api/cases/${id}/report`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('Content-Type')!, /^text\/html; charset=utf-8/);
    assert.equal(html.headers.get('Content-Security-Policy'), "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assert.match(await html.text(), /Hana Velde/);
    const md = await app.request(`/api/cases/${id}/report?format=md`);
    assert.match(md.headers.get('Content-Type')!, /^text\/markdown/);
    assert.match(await md.text(), /Portmere/);
    assert.equal((await errorOf(await app.request(`/api/cases/${id}/report?format=pdf`))).code, 'INVALID_REQUEST');

    assert.equal((await app.request(`/api/cases/${id}`, { method: 'DELETE' })).status, 204);
    assert.deepEqual(await errorOf(await app.request(`/api/cases/${id}/analysis`)), { status: 404, code: 'CASE_NOT_FOUND', message: `There is no case with id ${id}.` });
    assert.equal((await errorOf(await app.request(`/api/cases/${id}`, { method: 'DELETE' }))).status, 404);
  });
});

test('multipart upload: every file is an article, its name a label only', async () => {
  await withApp(async (app) => {
    const id = await newCase(app, 'Uploads');
    const form = new FormData();
    form.append('file', new File([FERRY], '../../etc/ferry.txt', { type: 'text/plain' }));
    form.append('file', new File([`<html><body><article><p>${BRIDGE}</p></article></body></html>`], 'bridge.html', { type: 'text/html' }));
    const response = await app.request(`/api/cases/${id}/documents`, { method: 'POST', body: form });
    assert.equal(response.status, 200);
    const summary = (await response.json()) as { added: { source: string }[] };
    assert.deepEqual(summary.added.map((doc) => doc.source), ['ferry.txt', 'bridge.html']);
    const empty = new FormData();
    empty.append('title', 'no file');
    assert.equal((await errorOf(await app.request(`/api/cases/${id}/documents`, { method: 'POST', body: empty }))).code, 'INVALID_REQUEST');
  });
});

test('openapi.json: OpenAPI 3.1 with every route and the Analysis schema', async () => {
  await withApp(async (app) => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { type?: string; properties?: Record<string, unknown> }> } };
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), ['/api/cases', '/api/cases/{id}', '/api/cases/{id}/analysis', '/api/cases/{id}/documents', '/api/cases/{id}/imports', '/api/cases/{id}/report', '/api/imports/{id}', '/api/openapi.json']);
    assert.ok(doc.paths['/api/cases']!.post && doc.paths['/api/cases/{id}']!.delete);
    assert.equal(doc.components.schemas.Analysis!.type, 'object');
    assert.ok(doc.components.schemas.Analysis!.properties!.claims);
    for (const name of ['Case', 'CaseList', 'CreateCaseRequest', 'DocumentsRequest', 'ImportSummary', 'Error']) assert.ok(doc.components.schemas[name], name);
    // Every reference resolves inside the document.
    for (const [, name] of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) assert.ok(doc.components.schemas[name!], name);
  });
});

test('a token is required on every API request when one is set, compared whole', async () => {
  await withApp(
    async (app) => {
      for (const authorization of [undefined, 'Bearer wrong', 'Bearer s3cret-token-x', 'Basic s3cret-token', 's3cret-token']) {
        const response = await app.request('/api/cases', authorization ? { headers: { Authorization: authorization } } : {});
        assert.equal((await errorOf(response)).code, 'UNAUTHORIZED', String(authorization));
        assert.equal(response.status, 401);
      }
      assert.equal((await app.request('/api/openapi.json')).status, 401);
      assert.equal((await app.request('/api/cases', { headers: { Authorization: 'Bearer s3cret-token' } })).status, 200);
    },
    { token: 's3cret-token' },
  );
  assert.deepEqual(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '0.0.0.0', '::', '192.168.1.4', 'example.org'].map(isLoopback), [true, true, true, true, true, false, false, false, false]);
});

test('ids in routes: traversal and malformed ids are refused before the store sees them', async () => {
  await withApp(async (app) => {
    await newCase(app, '0123456789abcdef'); // a name shaped like an id answers to no id but its own
    const table: [string, number, string][] = [
      ['/api/cases/..%2F..%2Fetc%2Fpasswd/analysis', 400, 'INVALID_CASE_ID'],
      // URL parsing resolves an encoded dot segment before routing: it names no case route at all.
      ['/api/cases/%2E%2E/report', 404, 'NOT_FOUND'],
      ['/api/cases/..%5C..%5Cwindows/analysis', 400, 'INVALID_CASE_ID'],
      ['/api/cases/ABCDEF0123456789/analysis', 400, 'INVALID_CASE_ID'],
      ['/api/cases/0123456789abcdef/analysis', 404, 'CASE_NOT_FOUND'],
      ['/api/cases/zzzzzzzzzzzzzzzz/analysis', 404, 'CASE_NOT_FOUND'],
      ['/api/nothing', 404, 'NOT_FOUND'],
    ];
    for (const [path, status, code] of table) {
      const error = await errorOf(await app.request(path));
      assert.deepEqual([error.status, error.code], [status, code], path);
    }
  });
});

test('bad bodies: oversized, too many articles, unsupported type, malformed JSON, wrong shape, URLs', async () => {
  await withApp(
    async (app, store) => {
      const id = await newCase(app, 'Limits');
      const post = (init: RequestInit) => app.request(`/api/cases/${id}/documents`, { method: 'POST', ...init });
      const table: [string, RequestInit, number, string][] = [
        ['oversized', jsonPost({ text: 'x'.repeat(5_000) }), 413, 'PAYLOAD_TOO_LARGE'],
        ['too many', jsonPost([{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }]), 413, 'TOO_MANY_DOCUMENTS'],
        ['plain text', { headers: { 'Content-Type': 'text/plain' }, body: FERRY }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['no type', { body: new Uint8Array([1, 2, 3]) }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['malformed JSON', { headers: { 'Content-Type': 'application/json' }, body: '{"text": "unfinished' }, 400, 'INVALID_JSON'],
        ['two contents', jsonPost({ text: 'A.', html: '<p>B.</p>' }), 400, 'INVALID_REQUEST'],
        ['unknown field', jsonPost({ text: 'A.', path: '/etc/passwd' }), 400, 'INVALID_REQUEST'],
        ['empty array', jsonPost([]), 400, 'INVALID_REQUEST'],
        ['file url', jsonPost({ url: 'file:///etc/passwd' }), 400, 'INVALID_REQUEST'],
        ['path as url', jsonPost({ url: '/etc/passwd' }), 400, 'INVALID_REQUEST'],
      ];
      for (const [name, init, status, code] of table) {
        const error = await errorOf(await post(init));
        assert.deepEqual([error.status, error.code], [status, code], name);
      }
      assert.equal((await errorOf(await app.request('/api/cases', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'not json' }))).code, 'INVALID_JSON');
      assert.equal((await errorOf(await app.request('/api/cases', { method: 'POST', body: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }))).status, 415);
      assert.equal((await store.listDocuments(id)).documents.length, 0, 'nothing stored');
    },
    { maxBodyBytes: 2_000, maxDocuments: 2 },
  );
});

test('markup in article text comes back as text in the report, never as markup', async () => {
  await withApp(async (app) => {
    const id = await newCase(app, 'Hostile <b>name</b>');
    assert.equal((await app.request(`/api/cases/${id}/documents`, jsonPost({ text: HOSTILE, title: '<script>alert(2)</script>', outlet: '<img src=x onerror=alert(3)>' }))).status, 200);
    const html = await (await app.request(`/api/cases/${id}/report`)).text();
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img[^>]*onerror/i);
    assert.match(html, /&lt;script&gt;alert\(/);
    assert.match(html, /&lt;img src=x onerror=alert\(/);
    const analysis = AnalysisSchema.parse(await (await app.request(`/api/cases/${id}/analysis`)).json());
    assert.equal(analysis.documents[0]!.text, HOSTILE);
  });
});

test('two imports into one case at once: both stored, in turn, nothing half-way', async () => {
  await withApp(async (app, store) => {
    const id = await newCase(app, 'Concurrent');
    const [first, second] = await Promise.all([
      app.request(`/api/cases/${id}/documents`, jsonPost({ text: FERRY, source: 'ferry.txt' })),
      app.request(`/api/cases/${id}/documents`, jsonPost({ text: BRIDGE, source: 'bridge.txt' })),
    ]);
    assert.deepEqual([first.status, second.status], [200, 200]);
    const counts = [((await first.json()) as { documents: number }).documents, ((await second.json()) as { documents: number }).documents];
    assert.deepEqual(counts, [1, 2]);
    const { documents } = await store.listDocuments(id);
    assert.deepEqual(documents.map((doc) => doc.source), ['ferry.txt', 'bridge.txt']);
    const analysis = AnalysisSchema.parse(await (await app.request(`/api/cases/${id}/analysis`)).json());
    assert.equal(analysis.documents.length, 2);
    // An import by another client of the store (the CLI) is seen at once: the served analysis follows the case's revision.
    await addToCase(store, id, [{ content: HOSTILE, source: 'council.txt' }]);
    const after = AnalysisSchema.parse(await (await app.request(`/api/cases/${id}/analysis`)).json());
    assert.deepEqual(after.documents.map((doc) => doc.source), ['ferry.txt', 'bridge.txt', 'council.txt']);
  });
});

test('store failures: busy is 503, anything unexpected a 500 without detail, told to the log', async () => {
  await withFailingImports(async ({ app, id, logged, fail }) => {
    const post = () => app.request(`/api/cases/${id}/documents`, jsonPost({ text: FERRY }));
    assert.deepEqual((({ status, code }) => [status, code])(await errorOf(await post())), [503, 'STORE_BUSY']);
    fail(new Error('disk on fire at /var/secret/path'));
    const internal = await errorOf(await post());
    assert.deepEqual([internal.status, internal.code], [500, 'INTERNAL_ERROR']);
    assert.doesNotMatch(internal.message, /secret/);
    assert.match(logged.join('\n'), /disk on fire/);
    const empty = AnalysisSchema.parse(await (await app.request(`/api/cases/${id}/analysis`)).json());
    assert.equal(empty.documents.length, 0);
  });
});

async function articleServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<html><head><title>Ferry strike</title></head><body><article><h1>Ferry strike</h1><p>${FERRY.split('\n\n')[1]}</p></article></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/ferry`, server };
}

test('URL inputs are fetched; a loopback URL only when the server allows it', async () => {
  const { url, server } = await articleServer();
  try {
    await withApp(async (app, store) => {
      const id = await newCase(app, 'Refused');
      const summary = (await (await app.request(`/api/cases/${id}/documents`, jsonPost({ url }))).json()) as { added: unknown[]; messages: { stage: string; severity: string; text: string }[] };
      assert.deepEqual(summary.added, []);
      assert.equal(summary.messages[0]?.stage, 'fetch');
      assert.equal(summary.messages[0]?.severity, 'error');
      assert.equal((await store.listDocuments(id)).documents.length, 0);
    });
    await withApp(
      async (app) => {
        const id = await newCase(app, 'Allowed');
        const response = await app.request(`/api/cases/${id}/documents`, jsonPost([{ url, outlet: 'Portmere Post' }, { text: BRIDGE }]));
        const summary = (await response.json()) as { added: { source: string }[] };
        assert.deepEqual(summary.added.map((doc) => doc.source), [url, 'api']);
        const analysis = AnalysisSchema.parse(await (await app.request(`/api/cases/${id}/analysis`)).json());
        assert.equal(analysis.documents[0]!.outlet, 'Portmere Post');
        assert.match(analysis.documents[0]!.text, /Hana Velde/);
      },
      { allowPrivateNetwork: ['127.0.0.1'] },
    );
  } finally {
    server.close();
  }
});

function spawnServe(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { CROSSCHECK_TOKEN: _token, ...inherited } = process.env;
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

test('crosscheck serve: listens on loopback, answers, stops on SIGTERM', async () => {
  const data = await mkdtemp(join(tmpdir(), 'crosscheck-serve-'));
  const child = spawnServe(['--port', '0', '--data', data]);
  let stderr = '';
  child.stderr.on('data', (chunk) => void (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
        if (found) resolve(found[1]!);
      });
      void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const created = await fetch(`${url}/api/cases`, jsonPost({ name: 'Live' }));
    assert.equal(created.status, 201);
    const listed = (await (await fetch(`${url}/api/cases`)).json()) as { cases: { name: string }[] };
    assert.deepEqual(listed.cases.map((c) => c.name), ['Live']);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, stderr);
});

test('crosscheck serve: a non-loopback address without a token is refused in one line', async () => {
  const child = spawnServe(['--host', '0.0.0.0', '--port', '0', '--data', await mkdtemp(join(tmpdir(), 'crosscheck-serve-'))]);
  let stderr = '';
  child.stderr.on('data', (chunk) => void (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 2);
  assert.equal(stderr.trim().split('\n').length, 1);
  assert.match(stderr, /token/);
});
