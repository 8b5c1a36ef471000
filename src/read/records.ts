/**
 * JSON and JSON Lines: one article per record, `text` or `html` plus optional `title`, `url`,
 * `outlet` and `published`. A broken line or a record without text is a message on that record;
 * the other records are still read.
 */
import type { DocumentMeta, InputFormat } from '../document.js';
import { readHtml } from './html.js';
import type { Problem, ReadArticle } from './index.js';

interface ArticleRecord {
  text?: unknown;
  html?: unknown;
  title?: unknown;
  url?: unknown;
  outlet?: unknown;
  published?: unknown;
}

export function readRecords(content: string, source: string, format: InputFormat): ReadArticle[] {
  const parsed: { record: unknown; label: string; error?: string }[] = [];
  if (format === 'jsonl') {
    content.split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      const label = `${source}#${index + 1}`;
      try {
        parsed.push({ record: JSON.parse(line), label });
      } catch (error) {
        parsed.push({ record: null, label, error: `line ${index + 1} is not valid JSON (${(error as Error).message}).` });
      }
    });
  } else {
    try {
      const value: unknown = JSON.parse(content);
      const records = Array.isArray(value) ? value : [value];
      records.forEach((record, index) => parsed.push({ record, label: records.length > 1 ? `${source}#${index + 1}` : source }));
    } catch (error) {
      parsed.push({ record: null, label: source, error: `is not valid JSON (${(error as Error).message}).` });
    }
  }
  if (parsed.length === 0) {
    return [failure(source, format, 'read/empty', `${source}: holds no records.`)];
  }
  return parsed.map(({ record, label, error }) => {
    if (error) return failure(label, format, 'read/malformed-record', `${source}: ${error}`);
    return readRecord(record, label, format);
  });
}

function readRecord(value: unknown, source: string, format: InputFormat): ReadArticle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failure(source, format, 'read/malformed-record', `${source}: a record must be an object with "text" or "html".`);
  }
  const record = value as ArticleRecord;
  const given: Partial<DocumentMeta> = {};
  for (const key of ['title', 'url', 'outlet', 'published'] as const) {
    if (typeof record[key] === 'string' && record[key]) given[key] = record[key] as string;
  }
  if (typeof record.text === 'string' && record.text.trim() !== '') {
    return { source, format, text: record.text, meta: given, problems: [] };
  }
  if (typeof record.html === 'string' && record.html.trim() !== '') {
    const read = readHtml(record.html, source);
    return { source, format, text: read.text, meta: { ...read.meta, ...given }, problems: read.problems };
  }
  return failure(source, format, 'read/empty', `${source}: the record has no "text" or "html".`);
}

function failure(source: string, format: InputFormat, rule: string, text: string): ReadArticle {
  const problem: Problem = { rule, severity: 'error', text };
  return { source, format, text: '', meta: {}, problems: [problem] };
}
