/**
 * The web UI's client of the HTTP API (src/server): one typed function per route, the shapes
 * taken type-only from the server's own schemas so the two cannot drift. Errors come back as
 * `ApiError` with the API's stable code. The access token, when the server wants one, is kept
 * in sessionStorage (gone with the tab) and sent as a bearer token.
 */
import type { Analysis } from '../../src/contract.ts';
import type { CaseInfoView, DocumentInput, ImportJob } from '../../src/server/schemas.ts';

export type { Analysis, CaseInfoView as CaseInfo, DocumentInput, ImportJob };

const TOKEN_KEY = 'crosscheck-token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const unauthorizedListeners = new Set<() => void>();

/** Calls `listener` whenever the API answers 401; returns the function that stops it. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

function authorization(): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** The API's error out of a failed answer, whatever its body. */
function errorOf(status: number, body: string): ApiError {
  try {
    const { error } = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code === 'string' && typeof error.message === 'string') return new ApiError(status, error.code, error.message);
  } catch {
    // Not the API's JSON (a proxy's page, say): described by its status below.
  }
  return new ApiError(status, 'HTTP_ERROR', `The server answered ${status}.`);
}

function failed(error: ApiError): ApiError {
  if (error.status === 401) unauthorizedListeners.forEach((listener) => listener());
  return error;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { ...authorization(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Is `crosscheck serve` still running?');
  }
  if (!response.ok) throw failed(errorOf(response.status, await response.text()));
  return response;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const text = await (await send(method, path, body)).text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export const api = {
  listCases: () => call<{ cases: CaseInfoView[] }>('GET', 'api/cases').then((body) => body.cases),
  createCase: (name: string) => call<CaseInfoView>('POST', 'api/cases', { name }),
  deleteCase: (id: string) => call<void>('DELETE', `api/cases/${encodeURIComponent(id)}`),
  analysis: (id: string) => call<Analysis>('GET', `api/cases/${encodeURIComponent(id)}/analysis`),
  /** The case's report as a file to save (fetched, not linked, so that the token goes with it). */
  report: (id: string, format: 'html' | 'md') => send('GET', `api/cases/${encodeURIComponent(id)}/report?format=${format}`).then((response) => response.blob()),
  importProgress: (jobId: string) => call<ImportJob>('GET', `api/imports/${encodeURIComponent(jobId)}`),

  /** Starts an import of JSON records; see `uploadFiles` for files. */
  startImport: (caseId: string, records: DocumentInput[]) => call<ImportJob>('POST', `api/cases/${encodeURIComponent(caseId)}/imports`, records),

  /**
   * Starts an import of files as a multipart form. XMLHttpRequest rather than fetch because only
   * it reports how much of the body has been sent.
   */
  uploadFiles(caseId: string, files: readonly File[], onUpload: (sent: number, total: number) => void): Promise<ImportJob> {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', `api/cases/${encodeURIComponent(caseId)}/imports`);
      for (const [name, value] of Object.entries(authorization())) request.setRequestHeader(name, value);
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onUpload(event.loaded, event.total);
      };
      request.onload = () => {
        if (request.status >= 200 && request.status < 300) resolve(JSON.parse(request.responseText) as ImportJob);
        else reject(failed(errorOf(request.status, request.responseText)));
      };
      request.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload did not reach the server.'));
      request.send(form);
    });
  },
};
