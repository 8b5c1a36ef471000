/**
 * What the server does for the web UI: the built UI served at `/` (content types, its policy,
 * cache headers, nothing outside its folder, an explanatory page when it is not built) and import
 * jobs (`POST /api/cases/{id}/imports`, `GET /api/imports/{id}`) followed from start to end; and
 * how the UI's article viewer cuts a text into removed and highlighted pieces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { AnalysisSchema } from '../src/contract.js';
import { importJobs, type ImportProgress } from '../src/server/imports.js';
import { ImportJobSchema, type ImportJob } from '../src/server/schemas.js';
import { DEFAULT_WEB_ROOT, UI_POLICY } from '../src/server/static.js';
import { mergeRanges, textPieces } from '../web/src/app/text-pieces.js';
import { newsCorpus } from './helpers/news-generator.js';
import { errorOf, jsonPost, newCase, withApp, withFailingImports, type App } from './helpers/api-app.js';

// Invented articles, written for these tests.
const FERRY = 'Ferry crews walk out in Tallmoor\n\nFerry crews in Tallmoor stopped work on Monday over pay, the Tallmoor Seafarers Union said. "We will not sail until the offer improves," union secretary Hana Velde told reporters.';
const BRIDGE = 'Tallmoor bridge closed for repairs\n\nThe harbour bridge in Tallmoor will close for three weeks from 4 May, the city council said on Tuesday. Council engineer Tomas Reyk said the cables needed replacing.';

async function codeOf(response: Response): Promise<[number, string]> {
  const { status, code } = await errorOf(response);
  return [status, code];
}

/** Polls an import until it ends, returning every view seen on the way. */
async function followImport(app: App, started: Response, headers: Record<string, string> = {}): Promise<ImportJob[]> {
  assert.equal(started.status, 202);
  const first = ImportJobSchema.parse(await started.json());
  assert.equal(started.headers.get('Location'), `/api/imports/${first.id}`);
  const seen = [first];
  for (let polls = 0; seen.at(-1)!.state === 'running'; polls++) {
    assert.ok(polls < 600, 'the import ends within a minute');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await app.request(`/api/imports/${first.id}`, { headers });
    assert.equal(response.status, 200);
    seen.push(ImportJobSchema.parse(await response.json()));
  }
  return seen;
}

/** A built UI of our own: an index page, two hashed assets, and a secret beside the folder. */
async function fakeBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-web-'));
  const root = join(dir, 'web');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>ui</title><script type="module" src="./assets/index-abc123.js"></script>');
  await writeFile(join(root, 'assets/index-abc123.js'), 'console.log("ui");');
  await writeFile(join(root, 'assets/index-def456.css'), 'body { color: black; }');
  await writeFile(join(dir, 'secret.txt'), 'not for the web');
  await symlink(join(dir, 'secret.txt'), join(root, 'assets/linked-secret.txt'));
  return root;
}

test('the web UI: index and assets with their types, policy and cache headers; HEAD too', async () => {
  const webRoot = await fakeBuild();
  await withApp(
    async (app) => {
      for (const path of ['/', '/index.html']) {
        const page = await app.request(path);
        assert.equal(page.status, 200, path);
        assert.equal(page.headers.get('Content-Type'), 'text/html; charset=utf-8');
        assert.equal(page.headers.get('Content-Security-Policy'), UI_POLICY);
        assert.equal(page.headers.get('X-Content-Type-Options'), 'nosniff');
        assert.equal(page.headers.get('Cache-Control'), 'no-cache');
        assert.match(await page.text(), /index-abc123\.js/);
      }
      const script = await app.request('/assets/index-abc123.js');
      assert.deepEqual([script.status, script.headers.get('Content-Type'), script.headers.get('Cache-Control')], [200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
      assert.equal(await script.text(), 'console.log("ui");');
      const style = await app.request('/assets/index-def456.css');
      assert.deepEqual([style.status, style.headers.get('Content-Type'), style.headers.get('X-Content-Type-Options')], [200, 'text/css; charset=utf-8', 'nosniff']);
      const head = await app.request('/assets/index-abc123.js', { method: 'HEAD' });
      assert.deepEqual([head.status, await head.text()], [200, '']);
      // The policy allows no inline script and nothing from elsewhere.
      assert.match(UI_POLICY, /default-src 'self'/);
      assert.doesNotMatch(UI_POLICY, /unsafe-inline|unsafe-eval|\*|https?:/);
    },
    { webRoot },
  );
});

test('the web UI: nothing outside its folder, no listing, no other paths (traversal as written and encoded)', async () => {
  const webRoot = await fakeBuild();
  await withApp(
    async (app) => {
      const paths = [
        '/assets/../../secret.txt',
        '/assets/../../package.json',
        '/assets/..%2f..%2fsecret.txt',
        '/assets/..%2F..%2Fpackage.json',
        '/assets/%2e%2e/%2e%2e/secret.txt',
        '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
        '/assets/..%5c..%5csecret.txt',
        '/assets/%252e%252e/secret.txt',
        '/assets/index-abc123.js%00.css',
        '/assets/%E0%A4%A',
        '/assets/linked-secret.txt',
        '/assets/',
        '/assets',
        '/assets//index-abc123.js',
        '/secret.txt',
        '/package.json',
        '/src/server/app.ts',
        '/case/abc',
      ];
      for (const path of paths) {
        const response = await app.request(path);
        assert.equal(response.status, 404, path);
        assert.doesNotMatch(await response.text(), /not for the web|"name": "crosscheck"/, path);
      }
    },
    { webRoot },
  );
});

test('the web UI not built: `/` says so and how to build it; assets are 404', async () => {
  await withApp(
    async (app) => {
      const page = await app.request('/');
      assert.equal(page.status, 503);
      assert.match(page.headers.get('Content-Type')!, /^text\/html/);
      assert.equal(page.headers.get('Content-Security-Policy'), UI_POLICY);
      assert.match(await page.text(), /not built[\s\S]*npm run build/);
      assert.equal((await app.request('/assets/index-abc123.js')).status, 404);
    },
    { webRoot: join(tmpdir(), 'crosscheck-no-such-build') },
  );
});

test('the web UI needs no token; the API behind it does', async () => {
  const webRoot = await fakeBuild();
  await withApp(
    async (app) => {
      assert.equal((await app.request('/')).status, 200);
      assert.equal((await app.request('/assets/index-abc123.js')).status, 200);
      assert.deepEqual(await codeOf(await app.request('/api/cases')), [401, 'UNAUTHORIZED']);
    },
    { webRoot, token: 'ui-token-123' },
  );
});

// Read, not built here: the browser tests build it when stale, and two builds at once would clash in dist/web.
test('the real build: every file index.html names is served with its type, and nothing is inline', { skip: existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) ? false : 'the web UI is not built (npm run build)' }, async () => {
  await withApp(async (app) => {
    const page = await app.request('/');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.equal(html, await readFile(join(DEFAULT_WEB_ROOT, 'index.html'), 'utf8'));
    // The policy has no 'unsafe-inline': a script or style written into the page would not run.
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|<style|\son[a-z]+=/i);
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]!);
    assert.ok(assets.some((path) => path.endsWith('.js')) && assets.some((path) => path.endsWith('.css')), assets.join(', '));
    for (const path of assets) {
      const response = await app.request(`/${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('Content-Type'), path.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8', path);
    }
  });
});

test('an import job: 202 at once, progress while it runs, then what was added; the analysis follows', async () => {
  await withApp(async (app) => {
    const id = await newCase(app, 'Tallmoor harbour');
    const seen = await followImport(app, await app.request(`/api/cases/${id}/imports`, jsonPost([{ text: FERRY, outlet: 'Tallmoor Post', title: 'Ferry crews walk out' }, { text: BRIDGE, outlet: 'Harbour Herald' }])));
    const first = seen[0]!;
    assert.deepEqual([first.case, first.state], [id, 'running']);
    const last = seen.at(-1)!;
    assert.deepEqual([last.state, last.phase, last.documents], ['done', 'done', 2]);
    assert.ok(last.stage && last.total! > 0 && last.index! < last.total!, 'the last stage reported stays on the view');
    // A title given with the article, else none yet (the clean stage finds it in the text).
    assert.deepEqual(last.result!.added.map((doc) => doc.title), ['Ferry crews walk out', null]);
    assert.deepEqual([last.result!.skipped, last.result!.documents], [[], 2]);

    const analysis = AnalysisSchema.parse(await (await app.request(`/api/cases/${id}/analysis`)).json());
    assert.deepEqual(analysis.documents.map((doc) => doc.outlet), ['Tallmoor Post', 'Harbour Herald']);

    // The same article again is skipped, as by POST .../documents.
    const again = (await followImport(app, await app.request(`/api/cases/${id}/imports`, jsonPost({ text: FERRY, outlet: 'Tallmoor Post', title: 'Ferry crews walk out' })))).at(-1)!;
    assert.deepEqual([again.state, again.result!.added.length, again.result!.skipped.length, again.result!.documents], ['done', 0, 1, 2]);
  });
});

test('an import job is answered while it runs: polls see its stages before it is done', async () => {
  await withApp(async (app) => {
    const id = await newCase(app, 'Many articles');
    const articles = newsCorpus(30, 12, 7).map(({ content }) => ({ text: content }));
    const started = await app.request(`/api/cases/${id}/imports`, jsonPost(articles));
    assert.equal(started.status, 202);
    let view = ImportJobSchema.parse(await started.json());
    // Polled from beside the import, as the web UI does: each answer is the job as it was then.
    const running: ImportJob[] = [];
    while (view.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      view = ImportJobSchema.parse(await (await app.request(`/api/imports/${view.id}`)).json());
      if (view.state === 'running') running.push(view);
    }
    assert.deepEqual([view.state, view.result?.added.length], ['done', 30]);
    const stages = running.filter((seen) => seen.phase === 'stage');
    assert.ok(stages.length > 0, `a poll saw a stage before the end (phases seen: ${[...new Set(running.map((seen) => seen.phase))].join(', ')})`);
    for (const seen of stages) if (seen.stageDocuments) assert.equal(seen.stageDocuments.total, 30);
  });
});

test('the analysis: served with its revision as ETag, 304 while unchanged, compressed when asked, new after an import', async () => {
  await withApp(async (app) => {
    const id = await newCase(app, 'Cached');
    assert.equal((await app.request(`/api/cases/${id}/documents`, jsonPost({ text: FERRY, outlet: 'Tallmoor Post' }))).status, 200);
    const plain = await app.request(`/api/cases/${id}/analysis`);
    const etag = plain.headers.get('ETag')!;
    assert.match(etag, /^"analysis-r\d+-c[^"]+"$/);
    assert.deepEqual([plain.headers.get('Cache-Control'), plain.headers.get('Vary'), plain.headers.get('Content-Encoding')], ['no-cache', 'Accept-Encoding', null]);
    const text = await plain.text();
    AnalysisSchema.parse(JSON.parse(text));

    const unchanged = await app.request(`/api/cases/${id}/analysis`, { headers: { 'If-None-Match': etag } });
    assert.deepEqual([unchanged.status, unchanged.headers.get('ETag'), await unchanged.text()], [304, etag, '']);
    assert.equal((await app.request(`/api/cases/${id}/analysis`, { headers: { 'If-None-Match': '"other", W/' + etag } })).status, 304, 'a list, weak forms included');

    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0, gzip;q=0.5', 'gzip', gunzipSync],
    ] as const) {
      const packed = await app.request(`/api/cases/${id}/analysis`, { headers: { 'Accept-Encoding': accept } });
      assert.equal(packed.headers.get('Content-Encoding'), encoding, accept);
      assert.equal(decode(Buffer.from(await packed.arrayBuffer())).toString('utf8'), text, accept);
      assert.notEqual(packed.headers.get('ETag'), etag, 'another coding is another representation');
      // Any coding of this revision validates any other.
      assert.equal((await app.request(`/api/cases/${id}/analysis`, { headers: { 'If-None-Match': packed.headers.get('ETag')! } })).status, 304);
    }
    assert.equal((await app.request(`/api/cases/${id}/analysis`, { headers: { 'Accept-Encoding': 'identity, br;q=0' } })).headers.get('Content-Encoding'), null);

    assert.equal((await app.request(`/api/cases/${id}/documents`, jsonPost({ text: BRIDGE, outlet: 'Harbour Herald' }))).status, 200);
    const changed = await app.request(`/api/cases/${id}/analysis`, { headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('ETag'), etag);
    assert.equal(AnalysisSchema.parse(await changed.json()).documents.length, 2);
  });
});

test('an import job from a multipart upload; problems with the inputs come back in its result', async () => {
  await withApp(async (app) => {
    const id = await newCase(app, 'Uploads');
    const form = new FormData();
    form.append('file', new File([FERRY], '../../ferry.txt', { type: 'text/plain' }));
    form.append('file', new File([new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7])], 'scan.bin'));
    const done = (await followImport(app, await app.request(`/api/cases/${id}/imports`, { method: 'POST', body: form }))).at(-1)!;
    assert.equal(done.state, 'done');
    assert.deepEqual(done.result!.added.map((doc) => doc.source), ['ferry.txt']);
    assert.ok(done.result!.messages.some((message) => message.doc === null && message.severity === 'error'), 'the binary upload is a problem, not an article');
  });
});

test('import jobs: bad bodies are answered at once, not as failed jobs; unknown jobs are 404', async () => {
  await withApp(
    async (app) => {
      const id = await newCase(app, 'Checks');
      const post = (init: RequestInit) => app.request(`/api/cases/${id}/imports`, init);
      assert.deepEqual(await codeOf(await post(jsonPost('{"text": '))), [400, 'INVALID_JSON']);
      assert.deepEqual(await codeOf(await post(jsonPost({}))), [400, 'INVALID_REQUEST']);
      assert.deepEqual(await codeOf(await post(jsonPost({ text: FERRY, html: '<p>x</p>' }))), [400, 'INVALID_REQUEST']);
      assert.deepEqual(await codeOf(await post(jsonPost({ url: 'file:///etc/passwd' }))), [400, 'INVALID_REQUEST']);
      assert.deepEqual(await codeOf(await post(jsonPost([]))), [400, 'INVALID_REQUEST']);
      assert.deepEqual(await codeOf(await post(jsonPost([{ text: 'a' }, { text: 'b' }, { text: 'c' }]))), [413, 'TOO_MANY_DOCUMENTS']);
      assert.deepEqual(await codeOf(await post({ method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: FERRY })), [415, 'UNSUPPORTED_MEDIA_TYPE']);
      const noFile = new FormData();
      noFile.append('note', 'just text');
      assert.deepEqual(await codeOf(await post({ method: 'POST', body: noFile })), [400, 'INVALID_REQUEST']);
      assert.deepEqual(await codeOf(await post(jsonPost({ text: 'x'.repeat(3_000) }))), [413, 'PAYLOAD_TOO_LARGE']);
      assert.deepEqual(await codeOf(await app.request('/api/cases/0000000000000000/imports', jsonPost({ text: FERRY }))), [404, 'CASE_NOT_FOUND']);
      assert.deepEqual(await codeOf(await app.request('/api/cases/..%2f..%2fetc/imports', jsonPost({ text: FERRY }))), [400, 'INVALID_CASE_ID']);
      for (const job of ['0123456789abcdef0123456789abcdef', 'nope', '..%2f..%2fetc', '0123456789ABCDEF0123456789ABCDEF']) {
        assert.deepEqual(await codeOf(await app.request(`/api/imports/${job}`)), [404, 'IMPORT_NOT_FOUND'], job);
      }
    },
    { maxDocuments: 2, maxBodyBytes: 2_000 },
  );
});

test('import jobs need the token when the server has one', async () => {
  await withApp(
    async (app) => {
      const auth = { Authorization: 'Bearer job-token-456' };
      const id = await newCase(app, 'Guarded', auth);
      assert.deepEqual(await codeOf(await app.request(`/api/cases/${id}/imports`, jsonPost({ text: FERRY }))), [401, 'UNAUTHORIZED']);
      assert.deepEqual(await codeOf(await app.request(`/api/cases/${id}/imports`, jsonPost({ text: FERRY }, { Authorization: 'Bearer wrong' }))), [401, 'UNAUTHORIZED']);
      const started = await app.request(`/api/cases/${id}/imports`, jsonPost({ text: FERRY }, auth));
      const jobId = ((await started.clone().json()) as { id: string }).id;
      assert.deepEqual(await codeOf(await app.request(`/api/imports/${jobId}`)), [401, 'UNAUTHORIZED']);
      assert.equal((await followImport(app, started, auth)).at(-1)!.state, 'done');
    },
    { token: 'job-token-456' },
  );
});

test('a job that fails reports the code the documents route would answer with; a 500 keeps its detail in the log', async () => {
  await withFailingImports(async ({ app, id, logged, fail }) => {
    const busy = (await followImport(app, await app.request(`/api/cases/${id}/imports`, jsonPost({ text: FERRY })))).at(-1)!;
    assert.deepEqual([busy.state, busy.phase, busy.error?.code, busy.result], ['failed', 'failed', 'STORE_BUSY', undefined]);
    fail(new Error('disk on fire at /var/secret/path'));
    const internal = (await followImport(app, await app.request(`/api/cases/${id}/imports`, jsonPost({ text: FERRY })))).at(-1)!;
    assert.deepEqual([internal.state, internal.error?.code], ['failed', 'INTERNAL_ERROR']);
    assert.doesNotMatch(internal.error!.message, /secret/);
    assert.match(logged.join('\n'), /disk on fire/);
  });
});

test('the job registry: phases from progress events, finished jobs forgotten after a while', async () => {
  let clock = 1_000_000;
  const jobs = importJobs({ keepMs: 60_000, now: () => clock });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const views: ImportJob[] = [];
  const started = jobs.start(
    'case0000000000ab',
    async (progress) => {
      progress({ phase: 'fetching', urls: 3 });
      views.push(jobs.get(started.id)!);
      progress({ phase: 'read', documents: 7 });
      views.push(jobs.get(started.id)!);
      progress({ phase: 'stage', stage: 'quotes', index: 3, total: 14 });
      views.push(jobs.get(started.id)!);
      progress({ phase: 'stage', stage: 'quotes', index: 3, total: 14, documents: { done: 5, total: 7 } } as ImportProgress);
      views.push(jobs.get(started.id)!);
      await gate;
      return { added: [], skipped: [], documents: 7, messages: [] };
    },
    () => ({ code: 'INTERNAL_ERROR', message: 'unexpected' }),
  );
  assert.deepEqual([started.state, started.phase], ['running', 'queued']);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(
    views.map((view) => [view.phase, view.urls, view.documents, view.stage, view.index, view.total, view.stageDocuments]),
    [
      ['fetching', 3, undefined, undefined, undefined, undefined, undefined],
      ['reading', 3, 7, undefined, undefined, undefined, undefined],
      ['stage', 3, 7, 'quotes', 3, 14, undefined],
      ['stage', 3, 7, 'quotes', 3, 14, { done: 5, total: 7 }],
    ],
  );
  release();
  await gate;
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual([jobs.get(started.id)?.state, jobs.get(started.id)?.result?.documents], ['done', 7]);
  clock += 59_000;
  assert.ok(jobs.get(started.id), 'kept for a while after it ends');
  clock += 2_000;
  assert.equal(jobs.get(started.id), undefined, 'then forgotten');

  const failed = jobs.start('case0000000000ab', async () => Promise.reject(new Error('boom')), (error) => ({ code: 'X_FAILED', message: (error as Error).message }));
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual([jobs.get(failed.id)?.state, jobs.get(failed.id)?.error], ['failed', { code: 'X_FAILED', message: 'boom' }]);
});

test('the article viewer cuts the text at every edge of a removed span and a highlight', () => {
  // Each row: removed spans, highlights → pieces as start-end, then r<removed index> and m<mark index> when set.
  const cases: [string, [number, number][], [number, number][], string][] = [
    ['nothing to show', [], [], '0-10'],
    ['a removed span', [[2, 4]], [], '0-2 2-4r0 4-10'],
    ['a highlight across the end of a removed span', [[2, 4]], [[3, 6]], '0-2 2-3r0 3-4r0m0 4-6m0 6-10'],
    ['overlapping highlights merge', [], [[1, 3], [2, 5]], '0-1 1-5m0 5-10'],
    ['touching highlights merge', [], [[1, 3], [3, 4]], '0-1 1-4m0 4-10'],
    ['two highlights apart, given out of order', [], [[6, 8], [1, 2]], '0-1 1-2m0 2-6 6-8m1 8-10'],
    ['a highlight past the end is cut at it; an empty one is dropped', [], [[8, 20], [5, 5]], '0-8 8-10m0'],
    ['removed spans given out of order', [[7, 9], [0, 2]], [], '0-2r1 2-7 7-9r0 9-10'],
  ];
  for (const [name, removed, marks, expected] of cases) {
    const pieces = textPieces(10, removed.map(([start, end]) => ({ start, end })), mergeRanges(marks.map(([start, end]) => ({ start, end })), 10));
    const written = pieces.map((piece) => `${piece.start}-${piece.end}${piece.removed === -1 ? '' : `r${piece.removed}`}${piece.mark === -1 ? '' : `m${piece.mark}`}`).join(' ');
    assert.equal(written, expected, name);
  }
});
