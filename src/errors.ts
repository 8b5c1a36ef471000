/**
 * Exceptions are for programmer and infrastructure errors only: a missing model file, an option
 * of the wrong type, a stage that broke its own contract. Problems in the *data* (an empty
 * article, a quote that never closes) are messages on the document instead, so one bad article
 * never stops a batch.
 */

/** Stable codes a caller can switch on; the text of a message may change, the code may not. */
export type CrosscheckErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_INPUT'
  | 'NO_INPUT'
  | 'MODEL_MISSING'
  | 'MODEL_CORRUPT'
  | 'STAGE_FAILED'
  | 'WORKER_FAILED'
  | 'CONTRACT_VIOLATION'
  | 'NETWORK_DISABLED'
  | 'FETCH_FAILED'
  | 'CASE_NOT_FOUND'
  | 'CASE_EXISTS'
  | 'INVALID_CASE_NAME'
  | 'STORE_BUSY'
  | 'STORE_FAILED'
  | 'STORE_TOO_NEW';

export class CrosscheckError extends Error {
  readonly code: CrosscheckErrorCode;

  constructor(code: CrosscheckErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CrosscheckError';
    this.code = code;
  }
}

export function isCrosscheckError(value: unknown): value is CrosscheckError {
  return value instanceof CrosscheckError;
}
