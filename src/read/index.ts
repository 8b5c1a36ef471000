/**
 * Readers: paths (files and folders), inline texts and bytes become documents. Every problem
 * with one input (missing, empty, binary, too large, undecodable, malformed, no article) becomes
 * a message naming that input, and the other inputs are still read. Nothing here touches the
 * network.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { Doc, DocumentMeta, InputFormat, Message, Severity } from '../document.js';
import { emptyMeta } from '../document.js';
import { decode, looksBinary } from './decode.js';
import { readHtml } from './html.js';
import { readRecords } from './records.js';
import { readPlainText } from './text.js';

/** An article given in memory rather than as a path. */
export interface InlineArticle {
  /** The article as a string or as raw bytes (decoded like a file). */
  content: string | Uint8Array;
  /** Where it came from, shown to the user and kept in `source`. Default: "inline-N". */
  source?: string;
  /** Default: sniffed from the content (HTML when it starts with markup, else plain text). */
  format?: InputFormat;
  title?: string;
  url?: string;
  outlet?: string;
  published?: string;
}

export type ArticleInput = string | InlineArticle;

export interface ReadOptions {
  /** Inputs larger than this many bytes are refused with a message. Default 20 MB. */
  maxBytes?: number;
  /** The working directory that relative paths and sources are resolved against. */
  cwd?: string;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** What a format reader returns for one article, before it gets an id. */
export interface ReadArticle {
  source: string;
  format: InputFormat;
  text: string;
  meta: Partial<DocumentMeta>;
  problems: Problem[];
}

export interface Problem {
  rule: string;
  severity: Severity;
  text: string;
}

export interface ReadResult {
  docs: Doc[];
  /** Problems that belong to no document (a missing path, an empty folder). */
  messages: Message[];
}

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export function formatOfPath(path: string): InputFormat | null {
  return EXTENSIONS[extname(path).toLowerCase()] ?? null;
}

const READ_FORMATS = '.txt, .md, .html, .htm, .json, .jsonl';

/** Documents people save articles as, which we do not read: named when one is given by path. */
const DOCUMENT_KINDS: Record<string, string> = {
  '.pdf': 'a PDF document',
  '.doc': 'a Word document',
  '.docx': 'a Word document',
  '.odt': 'an OpenDocument text',
  '.rtf': 'an RTF document',
  '.pages': 'a Pages document',
};

/** How many skipped files a message names before it counts the rest. */
const NAMED_SKIPS = 5;

export async function readInputs(inputs: readonly ArticleInput[], options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const cwd = options.cwd ?? process.cwd();
  const articles: ReadArticle[] = [];
  const messages: Message[] = [];

  let inlineCount = 0;
  for (const input of inputs) {
    if (typeof input !== 'string') {
      inlineCount += 1;
      // One by one: a JSON Lines file of 200,000 records is more arguments than a call can take.
      for (const article of readInline(input, `inline-${inlineCount}`, maxBytes)) articles.push(article);
      continue;
    }
    const found = await expandPath(input, cwd, messages);
    for (const path of found) {
      for (const article of await readFileArticle(path, displayPath(path, cwd), maxBytes)) articles.push(article);
    }
  }

  const ids = new IdAllocator();
  const docs = articles.map((article): Doc => {
    const id = ids.next(article.source);
    return {
      id,
      source: article.source,
      format: article.format,
      text: article.text,
      meta: { ...emptyMeta(), ...article.meta },
      messages: article.problems.map((problem) => ({ doc: id, stage: 'read', ...problem })),
      results: {},
    };
  });
  return { docs, messages };
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown && !shown.startsWith('..') ? shown : path;
}

/** A path becomes the article files below it, in a stable (code-point) order. */
async function expandPath(input: string, cwd: string, messages: Message[]): Promise<string[]> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    // Reading never fetches: `analyze` fetches http(s) URLs before it reads (src/fetch).
    messages.push(runMessage('read/url', 'error', `${input}: is a URL that was not fetched (crosscheck fetches http and https URLs given to \`analyze\` or \`add\`, or through fetchInputs).`));
    return [];
  }
  const path = resolve(cwd, input);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'cannot be read (permission denied)' : 'does not exist';
    messages.push(runMessage('read/missing', 'error', `${input}: ${reason}.`));
    return [];
  }
  if (info.isFile()) return [path];
  if (!info.isDirectory()) {
    messages.push(runMessage('read/not-a-file', 'error', `${input}: is neither a file nor a folder.`));
    return [];
  }
  const files: string[] = [];
  await walk(path, files);
  const articles = files.filter((file) => formatOfPath(file) !== null);
  const skipped = files.filter((file) => formatOfPath(file) === null).map((file) => relative(path, file));
  if (skipped.length > 0) {
    const named = skipped.length > NAMED_SKIPS ? `${skipped.slice(0, NAMED_SKIPS).join(', ')} and ${skipped.length - NAMED_SKIPS} more` : skipped.join(', ');
    const text = `${input}: skipped ${skipped.length === 1 ? 'a file' : `${skipped.length} files`} not in a format crosscheck reads (${READ_FORMATS}): ${named}. Save an article as text or HTML to include it.`;
    messages.push(runMessage('read/skipped-file', 'warning', text));
  }
  if (articles.length === 0) {
    messages.push(runMessage('read/empty-folder', 'error', `${input}: the folder holds no readable articles (${READ_FORMATS}).`));
  }
  return articles;
}

async function walk(folder: string, out: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

async function readFileArticle(path: string, source: string, maxBytes: number): Promise<ReadArticle[]> {
  const format = formatOfPath(path) ?? 'txt';
  const failed = (rule: string, text: string): ReadArticle[] => [
    { source, format, text: '', meta: {}, problems: [{ rule, severity: 'error', text: `${source}: ${text}` }] },
  ];
  // A file named by the user with another extension is read as text, unless it is a document we know we cannot read.
  const kind = DOCUMENT_KINDS[extname(path).toLowerCase()];
  if (kind) return failed('read/unsupported-format', `is ${kind}, a format crosscheck does not read (it reads ${READ_FORMATS}); save the article as text or HTML to include it.`);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return failed('read/unreadable', 'cannot be read.');
  }
  if (size > maxBytes) {
    return failed('read/too-large', `is ${formatBytes(size)}, more than the limit of ${formatBytes(maxBytes)}; it was not analyzed (raise --max-bytes to read it).`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return failed('read/unreadable', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'I/O error'}).`);
  }
  return readBytes(bytes, source, format);
}

function readInline(input: InlineArticle, fallbackSource: string, maxBytes: number): ReadArticle[] {
  const source = input.source ?? fallbackSource;
  const size = typeof input.content === 'string' ? input.content.length : input.content.byteLength;
  const format = input.format ?? sniffFormat(input.content);
  if (size > maxBytes) {
    return [{ source, format, text: '', meta: {}, problems: [{ rule: 'read/too-large', severity: 'error', text: `${source}: is ${formatBytes(size)}, more than the limit of ${formatBytes(maxBytes)}; it was not analyzed.` }] }];
  }
  const articles = typeof input.content === 'string' ? readString(input.content, source, format) : readBytes(input.content, source, format);
  const given: Partial<DocumentMeta> = {};
  // A blank field says nothing, as in a JSON record: the title is then recovered from the text.
  for (const key of ['title', 'url', 'outlet', 'published'] as const) {
    const value = input[key];
    if (typeof value === 'string' && value.trim()) given[key] = value;
  }
  // A title the caller gives replaces the heading read from the text, and that heading's span with it.
  const replacesTitle = (meta: Partial<DocumentMeta>) => given.title !== undefined && meta.title !== given.title;
  return articles.map((article) => ({ ...article, meta: { ...article.meta, ...given, ...(replacesTitle(article.meta) ? { titleSpan: null } : {}) } }));
}

function sniffFormat(content: string | Uint8Array): InputFormat {
  const head = typeof content === 'string' ? content.slice(0, 512) : new TextDecoder('latin1').decode(content.subarray(0, 512));
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  if (/^(<!doctype html|<html|<head|<body|<article|<meta|<div|<p[\s>])/i.test(trimmed)) return 'html';
  if (/^\{[\s\S]*\}\s*\n\s*\{/.test(trimmed) || /^\{"/.test(trimmed)) return 'jsonl';
  if (/^\[\s*\{/.test(trimmed)) return 'json';
  return 'txt';
}

function readBytes(bytes: Uint8Array, source: string, format: InputFormat): ReadArticle[] {
  const failed = (rule: string, text: string): ReadArticle[] => [
    { source, format, text: '', meta: {}, problems: [{ rule, severity: 'error', text: `${source}: ${text}` }] },
  ];
  if (bytes.length === 0) return failed('read/empty', 'is empty.');
  if (looksBinary(bytes)) return failed('read/binary', 'looks like a binary file (image, archive or program), not an article.');
  const decoded = decode(bytes, { html: format === 'html' });
  const articles = readString(decoded.text, source, format);
  const notes: Problem[] = [];
  if (decoded.how === 'utf8-with-errors') {
    notes.push({ rule: 'read/invalid-utf8', severity: 'warning', text: `${source}: holds ${decoded.invalidSequences} byte sequence(s) that are not valid UTF-8; they read as \uFFFD.` });
  } else if (decoded.how === 'declared' || decoded.how === 'detected') {
    notes.push({ rule: 'read/legacy-encoding', severity: 'info', text: `${source}: read as ${decoded.encoding} (${decoded.how === 'declared' ? 'declared by the page' : 'recognised from its bytes'}).` });
  }
  return articles.map((article) => ({ ...article, problems: [...notes, ...article.problems] }));
}

function readString(text: string, source: string, format: InputFormat): ReadArticle[] {
  const unmarked = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (unmarked.trim() === '') {
    return [{ source, format, text: '', meta: {}, problems: [{ rule: 'read/empty', severity: 'error', text: `${source}: holds no text.` }] }];
  }
  switch (format) {
    case 'html': {
      const read = readHtml(unmarked, source);
      return [{ source, format, text: read.text, meta: read.meta, problems: read.problems }];
    }
    case 'json':
    case 'jsonl':
      return readRecords(unmarked, source, format);
    default:
      return [readPlainText(unmarked, source, format)];
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

function runMessage(rule: string, severity: Severity, text: string): Message {
  return { doc: null, stage: 'read', rule, severity, text };
}

/** Readable, stable ids from file names: "kadyrov-telegram", then "kadyrov-telegram-2". */
class IdAllocator {
  private readonly used = new Set<string>();

  next(source: string): string {
    const stem = basename(source.replace(/#.*$/, ''), extname(source.replace(/#.*$/, '')));
    const record = /#(\d+)$/.exec(source);
    const base = (stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'doc') + (record ? `-${record[1]}` : '');
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
