/**
 * The HTTP API over the store: cases, their documents, analyses and reports, as JSON with stable
 * error codes. A thin client of the library like the CLI: every answer comes from the store
 * (src/store) and the report renderer. Built on hono, whose router and request helpers are small
 * and run in-process (`app.request(...)`) for tests.
 *
 * An import keeps the event loop mostly free: its per-document stages run on the worker pool
 * (src/workers) whatever its size, and the corpus stages, which run here, let the loop turn
 * between stages; each stage itself (and better-sqlite3) still holds it while it works. Imports
 * into one case are taken in turn here, so the second waits for the first instead of analysing
 * the case twice. An import can also run as a job that the client
 * follows (imports.ts); the web UI's files are served at `/` (static.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { GENERATOR_VERSION } from '../assemble.js';
import { CONTRACT_VERSION, type Analysis } from '../contract.js';
import type { Message } from '../document.js';
import { CrosscheckError, type CrosscheckErrorCode } from '../errors.js';
import { fetchInputs, type PrivateNetworkAllowance } from '../fetch/index.js';
import { formatOfPath, type InlineArticle } from '../read/index.js';
import { renderReport } from '../report/index.js';
import { addToCase, caseAnalysisText, type CaseInfo, type CaseStore } from '../store/index.js';
import { isCaseId, sha256 } from '../store/names.js';
import { documentPool } from '../workers/index.js';
import { IMPORT_ID_PATTERN, KEEP_FINISHED_MINUTES, importJobs, type ImportProgress, type JobFailure } from './imports.js';
import { openApiDocument } from './openapi.js';
import { CreateCaseRequestSchema, DocumentInputSchema, DocumentListSchema, type DocumentInput, type ImportSummary } from './schemas.js';
import { serveWebUi } from './static.js';

/** Codes the API adds to the library's own (`CrosscheckErrorCode`) for what only HTTP can get wrong. */
export type ApiErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_JSON'
  | 'INVALID_CASE_ID'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'IMPORT_NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_DOCUMENTS'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_ERROR';

export interface AppOptions {
  store: CaseStore;
  /** When given, every /api request needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Request bodies larger than this are refused (413). Default 20 MB, the reader's own limit. */
  maxBodyBytes?: number;
  /** Articles in one request. Default 1,000. */
  maxDocuments?: number;
  /** Non-public addresses that URL inputs may reach (the fetcher's `allowPrivateNetwork`). Default none. */
  allowPrivateNetwork?: PrivateNetworkAllowance;
  /** Told about failures the API answers with 500, since the answer itself names no detail. */
  log?: (line: string) => void;
  /** The built web UI served at `/`. Default: dist/web in the package. */
  webRoot?: string;
  /**
   * Worker threads for an import's per-document stages, however small the import. Default: one
   * per core. The workers stay warm between imports, and the event loop stays free to answer.
   */
  threads?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_DOCUMENTS = 1_000;
/** How long a server keeps an idle worker thread (and the models it loaded). */
export const SERVER_WORKER_IDLE_MINUTES = 30;

class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_OF: Partial<Record<CrosscheckErrorCode, ContentfulStatusCode>> = {
  CASE_NOT_FOUND: 404,
  CASE_EXISTS: 409,
  INVALID_CASE_NAME: 400,
  INVALID_OPTIONS: 400,
  INVALID_INPUT: 400,
  STORE_BUSY: 503,
};

/** Reports are self-contained pages: nothing in them may load or run anything. */
const REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * The API as a hono app, unbound: `serve` binds it, tests call `app.request(...)`.
 *
 * @example
 * const app = createApp({ store: await openStore(dir) });
 * const res = await app.request('/api/cases');
 */
export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxDocuments = options.maxDocuments ?? DEFAULT_MAX_DOCUMENTS;
  const threads = options.threads ?? availableParallelism();
  // An analyst's imports come minutes apart: workers that have loaded their models are kept for
  // them (a cold start made a 60-article import take 10 s instead of 2 s on two cores).
  const pool = documentPool();
  pool.idleMs = Math.max(pool.idleMs, SERVER_WORKER_IDLE_MINUTES * 60_000);
  const inTurn = turnTaker();
  const analyses = analysisCache(store);
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    // The web UI's pages carry their own policy (static.ts).
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', REPORT_POLICY);
  });
  if (options.token !== undefined) app.use('/api/*', bearer(options.token));

  /** What the API answers for an error: its status, a stable code and a message; details of a 500 go to the log. */
  function failureOf(error: unknown, where: string): JobFailure & { status: ContentfulStatusCode } {
    if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message };
    if (error instanceof CrosscheckError) {
      const status = STATUS_OF[error.code] ?? 500;
      if (status === 500) options.log?.(`crosscheck: error: ${where}: ${error.message} [${error.code}]`);
      return { status, code: error.code, message: error.message };
    }
    options.log?.(`crosscheck: internal error: ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { status: 500, code: 'INTERNAL_ERROR', message: 'The server failed to answer this request; its log says why.' };
  }

  app.onError((error, c) => {
    const { status, code, message } = failureOf(error, `${c.req.method} ${c.req.path}`);
    return fail(c, status, code, message);
  });
  app.notFound((c) => fail(c, 404, 'NOT_FOUND', `There is no ${c.req.method} ${c.req.path} in this API; GET /api/openapi.json lists the routes.`));

  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) => fail(c, 413, 'PAYLOAD_TOO_LARGE', `The request body is over the limit of ${maxBodyBytes} bytes.`),
  });

  /** The case named by the route's id; ids are checked before the store sees them. */
  async function caseOf(c: Context): Promise<CaseInfo> {
    const id = c.req.param('id') ?? '';
    if (!isCaseId(id)) throw new ApiError(400, 'INVALID_CASE_ID', 'A case id is 16 lowercase letters and digits, as GET /api/cases lists it.');
    const found = await store.getCase(id);
    // getCase also finds names: a case named like another's id must not answer for it.
    if (!found || found.id !== id) throw new CrosscheckError('CASE_NOT_FOUND', `There is no case with id ${id}.`);
    return found;
  }

  const fetching = { maxBytes: maxBodyBytes, allowPrivateNetwork: options.allowPrivateNetwork ?? false };

  /** Fetches what the request names, then adds the articles to the case in its turn. */
  async function importInto(found: CaseInfo, requested: RequestedArticles, onProgress?: (event: ImportProgress) => void): Promise<ImportSummary> {
    // URLs are fetched before the import takes its turn: a slow site holds up no other import.
    const { inputs, messages: fetched } = await fetchArticles(requested, fetching, onProgress);
    onProgress?.({ phase: 'waiting' });
    const result = await inTurn(found.id, async () => {
      // A DELETE taken in turn before this import leaves nothing to add to (addToCase would make a new case).
      if (!(await store.getCase(found.id))) throw new CrosscheckError('CASE_NOT_FOUND', `There is no case with id ${found.id}.`);
      onProgress?.({ phase: 'reading' });
      return addToCase(store, found.id, inputs, { maxBytes: maxBodyBytes, threads, ...(onProgress ? { onProgress } : {}) });
    });
    const added = new Set(result.added.map((doc) => doc.id));
    return {
      added: result.added.map((doc) => ({ id: doc.id, source: doc.source, title: doc.meta.title })),
      skipped: result.skipped,
      documents: result.case?.documents ?? found.documents,
      messages: [...fetched, ...result.problems, ...(result.analysis?.messages.filter((message) => message.doc !== null && added.has(message.doc)) ?? [])],
    };
  }

  const jobs = importJobs();

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/cases', async (c) => c.json({ cases: await store.listCases() }));

  app.post('/api/cases', limit, async (c) => {
    const { name } = parse(CreateCaseRequestSchema, await jsonBody(c));
    return c.json(await store.createCase(name), 201);
  });

  app.delete('/api/cases/:id', async (c) => {
    const found = await caseOf(c);
    await inTurn(found.id, () => store.deleteCase(found.id));
    analyses.forget(found.id);
    return c.body(null, 204);
  });

  app.post('/api/cases/:id/documents', limit, async (c) => {
    const found = await caseOf(c);
    return c.json(await importInto(found, await requestedArticles(c, maxDocuments)));
  });

  app.post('/api/cases/:id/imports', limit, async (c) => {
    const found = await caseOf(c);
    // The body is read and checked now, so that a bad request is answered as such, not as a failed job.
    const requested = await requestedArticles(c, maxDocuments);
    const job = jobs.start(found.id, (progress) => importInto(found, requested, progress), (error) => failureOf(error, `import into case ${found.id}`));
    return c.json(job, 202, { Location: `/api/imports/${job.id}` });
  });

  app.get('/api/imports/:id', (c) => {
    const id = c.req.param('id');
    const job = IMPORT_ID_PATTERN.test(id) ? jobs.get(id) : undefined;
    if (!job) throw new ApiError(404, 'IMPORT_NOT_FOUND', `There is no import ${JSON.stringify(id)}; finished imports are kept for ${KEEP_FINISHED_MINUTES} minutes.`);
    return c.json(job);
  });

  app.get('/api/cases/:id/analysis', async (c) => {
    const found = await caseOf(c);
    const encoding = chosenEncoding(c.req.header('Accept-Encoding'));
    // Clients keep the analysis and ask whether it changed: it changes only with the case's revision.
    const headers: Record<string, string> = { 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    if (stillFresh(c.req.header('If-None-Match'), found.revision)) return c.body(null, 304, { ...headers, ETag: analysisTag(found.revision, encoding) });
    const { body, etag } = await analyses.served(found, encoding);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      ETag: etag,
      'Content-Type': 'application/json; charset=utf-8',
      ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
    });
  });

  app.get('/api/cases/:id/report', async (c) => {
    const format = c.req.query('format') ?? 'html';
    if (format !== 'html' && format !== 'md') throw new ApiError(400, 'INVALID_REQUEST', `A report's format is html or md, not ${JSON.stringify(format)}.`);
    const found = await caseOf(c);
    const report = renderReport(await analyses.analysis(found), format);
    return c.body(report, 200, { 'Content-Type': format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8' });
  });

  serveWebUi(app, options.webRoot === undefined ? {} : { root: options.webRoot });
  return app;
}

function fail(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

/** Checks the bearer token in constant time (digests of equal length, so no length leaks either). */
function bearer(token: string) {
  const expected = Buffer.from(sha256(token), 'hex');
  return async (c: Context, next: () => Promise<void>) => {
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (given === undefined || !timingSafeEqual(Buffer.from(sha256(given), 'hex'), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="crosscheck"');
      return fail(c, 401, 'UNAUTHORIZED', 'This server needs its token: send Authorization: Bearer <token>.');
    }
    await next();
  };
}

/** Bytes of analyses (as sent, in every encoding made) the server keeps at most; the one last served is always kept. */
const CACHED_ANALYSIS_BYTES = 96 * 2 ** 20;

/** Content codings the server compresses an analysis with, in the order it prefers them. */
const ENCODINGS = ['br', 'gzip'] as const;
type Encoding = (typeof ENCODINGS)[number] | 'identity';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Quick settings: 10 MB of JSON takes well under a second either way and shrinks some twentyfold. */
const COMPRESS: Record<Exclude<Encoding, 'identity'>, (bytes: Uint8Array) => Promise<Uint8Array>> = {
  br: (bytes) => brotli(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } }),
  gzip: (bytes) => gzipped(bytes, { level: 6 }),
};

interface CachedAnalysis {
  revision: number;
  /** The analysis' JSON as UTF-8, as the store keeps it. */
  json: Uint8Array;
  /** Compressed copies, each made once, on the first request that accepts its coding. */
  encoded: Map<Encoding, Promise<Uint8Array>>;
  bytes: number;
}

/**
 * The analyses last served, as the store's JSON text (never parsed to be served) and compressed,
 * for the case revision they belong to. A case's revision changes with every import, from this
 * server or any other process, so a kept one is never served stale; its ETag names the revision
 * and the versions of the contract and of the generator, which together fix the analysis.
 */
function analysisCache(store: CaseStore) {
  const kept = new Map<string, CachedAnalysis>();

  function fitBudget(): void {
    let total = [...kept.values()].reduce((sum, entry) => sum + entry.bytes, 0);
    // A Map iterates in insertion order and hits are re-inserted: the first key is the least recently used.
    for (const [id, entry] of kept) {
      if (total <= CACHED_ANALYSIS_BYTES || kept.size === 1) break;
      kept.delete(id);
      total -= entry.bytes;
    }
  }

  async function entryOf(found: CaseInfo): Promise<CachedAnalysis> {
    const hit = kept.get(found.id);
    kept.delete(found.id);
    if (hit?.revision === found.revision) {
      kept.set(found.id, hit);
      return hit;
    }
    // Made at or after `found.revision`, so never older than the revision it is kept for.
    const json = new TextEncoder().encode(await caseAnalysisText(store, found.id));
    const entry: CachedAnalysis = { revision: found.revision, json, encoded: new Map(), bytes: json.byteLength };
    kept.set(found.id, entry);
    fitBudget();
    return entry;
  }

  return {
    /** The analysis as JSON bytes in the coding asked for, with the validator of this revision. */
    async served(found: CaseInfo, encoding: Encoding): Promise<{ body: Uint8Array; etag: string }> {
      const entry = await entryOf(found);
      const etag = analysisTag(found.revision, encoding);
      if (encoding === 'identity') return { body: entry.json, etag };
      let made = entry.encoded.get(encoding);
      if (!made) {
        made = COMPRESS[encoding](entry.json);
        entry.encoded.set(encoding, made);
        made.then(
          (body) => {
            entry.bytes += body.byteLength;
            fitBudget();
          },
          () => entry.encoded.delete(encoding),
        );
      }
      return { body: await made, etag };
    },
    /** The analysis as an object, parsed from the kept JSON (for reports, which are rarer). */
    async analysis(found: CaseInfo): Promise<Analysis> {
      return JSON.parse(new TextDecoder().decode((await entryOf(found)).json)) as Analysis;
    },
    forget(caseId: string): void {
      kept.delete(caseId);
    },
  };
}

/**
 * A strong validator per revision and coding (a compressed body is another representation); the
 * codings of one revision match each other in `If-None-Match`, which compares weakly.
 */
function analysisTag(revision: number, encoding: Encoding): string {
  return `"${analysisTagBase(revision)}${encoding === 'identity' ? '' : `-${encoding}`}"`;
}

function analysisTagBase(revision: number): string {
  return `analysis-r${revision}-c${CONTRACT_VERSION}-g${GENERATOR_VERSION}`;
}

/** True when `If-None-Match` names this revision's analysis in any coding (or is `*`). */
function stillFresh(ifNoneMatch: string | undefined, revision: number): boolean {
  if (ifNoneMatch === undefined) return false;
  const base = analysisTagBase(revision);
  return ifNoneMatch.split(',').some((tag) => {
    const opaque = tag.trim().replace(/^W\//, '');
    return opaque === '*' || [undefined, ...ENCODINGS].some((encoding) => opaque === `"${base}${encoding ? `-${encoding}` : ''}"`);
  });
}

/** The coding to send, from `Accept-Encoding`: the server's preferred one the client accepts (q > 0), else none. */
function chosenEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!name) continue;
    const q = params.map((param) => /^q=([\d.]+)$/.exec(param)?.[1]).find((value) => value !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  return ENCODINGS.find((encoding) => (accepted.get(encoding) ?? accepted.get('*') ?? 0) > 0) ?? 'identity';
}

/** Runs work for one key after the work queued before it for that key has ended, however it ended. */
function turnTaker(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const queues = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  };
}

function mediaType(c: Context): string {
  return (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
}

async function jsonBody(c: Context): Promise<unknown> {
  const type = mediaType(c);
  if (type !== 'application/json' && !type.endsWith('+json')) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send JSON (Content-Type: application/json), not ${type || 'a body without a type'}.`);
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError(400, 'INVALID_JSON', `The body is not valid JSON: ${(error as Error).message}.`);
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
  const where = path ? `${path}: ` : '';
  throw new ApiError(400, 'INVALID_REQUEST', `${where}${issue.message}`);
}

/** What a request asks to add: the files of a multipart form, or JSON records (some of them URLs still to fetch). */
type RequestedArticles = { files: InlineArticle[] } | { records: DocumentInput[] };

/** The articles of a documents or imports request, read and checked; nothing is fetched yet. */
async function requestedArticles(c: Context, maxDocuments: number): Promise<RequestedArticles> {
  const tooMany = (count: number) => new ApiError(413, 'TOO_MANY_DOCUMENTS', `${count} articles in one request; at most ${maxDocuments} are taken. Send them in several requests.`);
  if (mediaType(c) === 'multipart/form-data') {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new ApiError(400, 'INVALID_REQUEST', 'The multipart form could not be read.');
    }
    const files = Object.values(form).flat().filter((value): value is File => value instanceof File);
    if (files.length === 0) throw new ApiError(400, 'INVALID_REQUEST', 'The form holds no file; send each article as a file field.');
    if (files.length > maxDocuments) throw tooMany(files.length);
    return { files: await Promise.all(files.map(fileArticle)) };
  }
  const body = await jsonBody(c);
  if (Array.isArray(body) && body.length > maxDocuments) throw tooMany(body.length);
  // Validated against the branch the body takes, so that the error names the field at fault.
  return { records: Array.isArray(body) ? parse(DocumentListSchema, body) : [parse(DocumentInputSchema, body)] };
}

/** The articles a request names: a URL record is fetched into the articles it names; problems with URLs come back as messages. */
async function fetchArticles(
  requested: RequestedArticles,
  fetching: { maxBytes: number; allowPrivateNetwork: PrivateNetworkAllowance },
  onProgress?: (event: ImportProgress) => void,
): Promise<{ inputs: InlineArticle[]; messages: Message[] }> {
  if ('files' in requested) return { inputs: requested.files, messages: [] };
  const { records } = requested;
  const urls = records.filter((record) => record.url !== undefined).length;
  if (urls > 0) onProgress?.({ phase: 'fetching', urls });
  const messages: Message[] = [];
  const inputs: InlineArticle[] = [];
  // In the order given; a URL (a page, or a feed of several articles) takes the place of its record.
  for (const record of records) {
    if (record.url === undefined) {
      inputs.push(recordArticle(record));
      continue;
    }
    const fetched = await fetchInputs([record.url], fetching);
    messages.push(...fetched.messages);
    inputs.push(...fetched.inputs.map((article) => ({ ...article, ...given(record) })));
  }
  return { inputs, messages };
}

/** What the caller says about an article, which outranks what the page or feed says. */
function given(record: DocumentInput): Pick<InlineArticle, 'title' | 'outlet' | 'published' | 'source'> {
  const { title, outlet, published, source } = record;
  return {
    ...(title !== undefined ? { title } : {}),
    ...(outlet !== undefined ? { outlet } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(source !== undefined ? { source } : {}),
  };
}

function recordArticle(record: DocumentInput): InlineArticle {
  return {
    content: (record.text ?? record.html)!,
    format: record.text !== undefined ? 'txt' : 'html',
    // One default label, so that the same article sent twice is recognised and not stored twice.
    source: 'api',
    ...given(record),
  };
}

async function fileArticle(file: File): Promise<InlineArticle> {
  // The browser's file name is a label only: whatever path it holds is dropped.
  const name = basename(file.name.replaceAll('\\', '/')) || 'upload';
  const format = formatOfPath(name);
  return { content: new Uint8Array(await file.arrayBuffer()), source: name, ...(format ? { format } : {}) };
}
