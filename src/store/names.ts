/**
 * The rules every store implementation shares for names, ids and digests, so that a case named
 * in one store is found under the same name in another. Names are free text and never become
 * paths; ids are generated and hold only letters, digits and hyphens.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CrosscheckError } from '../errors.js';
import type { NewDocument } from './types.js';

const MAX_NAME_LENGTH = 200;

/** The name as stored: NFC, trimmed. Refuses empty names and control characters (a newline in a name breaks every listing). */
export function normaliseCaseName(name: string): string {
  const normalised = name.normalize('NFC').trim();
  if (normalised === '') throw new CrosscheckError('INVALID_CASE_NAME', 'A case name cannot be empty.');
  if (/[\p{Cc}\u2028\u2029]/u.test(normalised)) {
    throw new CrosscheckError('INVALID_CASE_NAME', `A case name cannot hold control characters or line breaks: ${JSON.stringify(normalised)}.`);
  }
  if ([...normalised].length > MAX_NAME_LENGTH) {
    throw new CrosscheckError('INVALID_CASE_NAME', `A case name can be at most ${MAX_NAME_LENGTH} characters long.`);
  }
  return normalised;
}

const CASE_ID = /^[0-9a-z]{16}$/;

export function newCaseId(): string {
  // 80 random bits in base 32: unguessable enough for a URL, short enough to type.
  const bits = randomBytes(10);
  let id = '';
  let value = 0n;
  for (const byte of bits) value = (value << 8n) | BigInt(byte);
  for (let i = 0; i < 16; i++) {
    id = '0123456789abcdefghijklmnopqrstuv'[Number(value & 31n)] + id;
    value >>= 5n;
  }
  return id;
}

export function isCaseId(value: string): boolean {
  return CASE_ID.test(value);
}

const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * The document's id in the case: the reader's readable id, numbered on as the reader numbers
 * ids within one run ("report", "report-2") when the case already holds it.
 */
export function allocateDocumentId(proposed: string, taken: ReadonlySet<string>): string {
  const base = DOCUMENT_ID.test(proposed) ? proposed : 'doc';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

export function sha256(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}

/** What decides whether an input is already in a case: where it came from and what it says. */
export function contentKey(document: Pick<NewDocument, 'source' | 'format' | 'text' | 'meta'>): string {
  return sha256(JSON.stringify([document.source, document.format, document.text, document.meta]));
}
