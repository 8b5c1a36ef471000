/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the same zod schemas the handlers
 * validate with (schemas.ts) and the contract (src/contract.ts). OpenAPI 3.1 speaks JSON Schema
 * 2020-12, which is what zod emits.
 */
import { z } from 'zod';
import { AnalysisSchema, CONTRACT_VERSION } from '../contract.js';
import { GENERATOR_VERSION } from '../assemble.js';
import { CaseListSchema, CaseSchema, CreateCaseRequestSchema, DocumentsRequestSchema, ErrorSchema, ImportJobSchema, ImportSummarySchema } from './schemas.js';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  // The dialect is the document's (jsonSchemaDialect), so each component drops its own $schema.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const failure = (description: string) => ({ description, content: json('Error') });

const caseId = { name: 'id', in: 'path', required: true, description: 'The case id (16 letters and digits), as `GET /api/cases` lists it.', schema: { type: 'string', pattern: '^[0-9a-z]{16}$' } };

const common = {
  '400': failure('Bad request: a malformed id, body or parameter (codes INVALID_REQUEST, INVALID_JSON, INVALID_CASE_ID, INVALID_CASE_NAME).'),
  '401': failure('A token is required and was missing or wrong (UNAUTHORIZED).'),
  '500': failure('The store or the pipeline failed (STORE_FAILED, INTERNAL_ERROR).'),
};
const withCase = { ...common, '404': failure('No case has this id (CASE_NOT_FOUND).') };
const documentBodies = {
  'application/json': { schema: ref('DocumentsRequest') },
  'multipart/form-data': { schema: { type: 'object', additionalProperties: { type: 'string', format: 'binary' } } },
};

/** The OpenAPI 3.1 document served at `GET /api/openapi.json`. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'crosscheck',
      version: GENERATOR_VERSION,
      description: `Cases of news articles kept in a store, each with its cross-checked analysis (contract ${CONTRACT_VERSION}). Errors are JSON with a stable code.`,
    },
    components: {
      schemas: {
        Analysis: jsonSchema(AnalysisSchema, 'output'),
        Case: jsonSchema(CaseSchema, 'output'),
        CaseList: jsonSchema(CaseListSchema, 'output'),
        CreateCaseRequest: jsonSchema(CreateCaseRequestSchema, 'input'),
        DocumentsRequest: jsonSchema(DocumentsRequestSchema, 'input'),
        ImportSummary: jsonSchema(ImportSummarySchema, 'output'),
        ImportJob: jsonSchema(ImportJobSchema, 'output'),
        Error: jsonSchema(ErrorSchema, 'output'),
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Required when the server was started with a token.' } },
    },
    security: [{}, { bearer: [] }],
    paths: {
      '/api/openapi.json': {
        get: { operationId: 'openApi', summary: 'This document', responses: { '200': { description: 'The OpenAPI document', content: { 'application/json': { schema: { type: 'object' } } } }, '401': common['401'] } },
      },
      '/api/cases': {
        get: { operationId: 'listCases', summary: 'The cases, by name', responses: { '200': { description: 'The cases', content: json('CaseList') }, ...common } },
        post: {
          operationId: 'createCase',
          summary: 'Make a case',
          requestBody: { required: true, content: json('CreateCaseRequest') },
          responses: { '201': { description: 'The new case', content: json('Case') }, '409': failure('A case has this name (CASE_EXISTS).'), '415': failure('The body is not JSON (UNSUPPORTED_MEDIA_TYPE).'), ...common },
        },
      },
      '/api/cases/{id}': {
        parameters: [caseId],
        delete: { operationId: 'deleteCase', summary: 'Delete a case and everything kept for it', responses: { '204': { description: 'Deleted' }, ...withCase } },
      },
      '/api/cases/{id}/documents': {
        parameters: [caseId],
        post: {
          operationId: 'addDocuments',
          summary: 'Add articles to a case and bring its analysis up to date',
          description: 'A JSON article or array of articles, or a multipart form whose every file is an article (format from its extension, else sniffed). A url is fetched (a feed: its items); a URL that cannot be fetched, or points to a non-public address the server does not allow, is a message in the answer. Stored in one transaction: all or nothing.',
          requestBody: { required: true, content: documentBodies },
          responses: {
            '200': { description: 'What was added, skipped and found', content: json('ImportSummary') },
            ...withCase,
            '413': failure('The body or the number of articles is over the limit (PAYLOAD_TOO_LARGE, TOO_MANY_DOCUMENTS).'),
            '415': failure('Neither JSON nor a multipart form (UNSUPPORTED_MEDIA_TYPE).'),
            '503': failure('Another import into this case held the store too long (STORE_BUSY); nothing was stored.'),
          },
        },
      },
      '/api/cases/{id}/imports': {
        parameters: [caseId],
        post: {
          operationId: 'startImport',
          summary: 'Start adding articles to a case; answers at once with the import to follow',
          description: 'The same bodies as `POST /api/cases/{id}/documents`, checked before the answer; the import then runs as that route runs it. Follow it with `GET /api/imports/{id}` (also named by the Location header) until its state is done or failed.',
          requestBody: { required: true, content: documentBodies },
          responses: {
            '202': { description: 'The import, started', headers: { Location: { description: 'Where to follow it', schema: { type: 'string' } } }, content: json('ImportJob') },
            ...withCase,
            '413': failure('The body or the number of articles is over the limit (PAYLOAD_TOO_LARGE, TOO_MANY_DOCUMENTS).'),
            '415': failure('Neither JSON nor a multipart form (UNSUPPORTED_MEDIA_TYPE).'),
          },
        },
      },
      '/api/imports/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The id `POST /api/cases/{id}/imports` answered with.', schema: { type: 'string', pattern: '^[0-9a-f]{32}$' } }],
        get: {
          operationId: 'importProgress',
          summary: "An import's progress, then what it added or why it failed",
          description: 'Kept in memory for 10 minutes after it ends (and not across restarts). A failed import reports the code and message `POST /api/cases/{id}/documents` would have answered with (STORE_BUSY, CASE_NOT_FOUND when the case was deleted meanwhile, ...).',
          responses: { '200': { description: 'The import', content: json('ImportJob') }, '401': common['401'], '404': failure('No import has this id, or it ended over 10 minutes ago (IMPORT_NOT_FOUND).') },
        },
      },
      '/api/cases/{id}/analysis': {
        parameters: [caseId],
        get: {
          operationId: 'caseAnalysis',
          summary: "The case's analysis (the contract)",
          description:
            'Sent with a strong ETag for the case revision (and the coding); `If-None-Match` with it answers 304. Compressed with br or gzip when `Accept-Encoding` allows, made once per revision.',
          parameters: [{ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The analysis',
              headers: { ETag: { schema: { type: 'string' } }, 'Content-Encoding': { schema: { type: 'string', enum: ['br', 'gzip'] } } },
              content: json('Analysis'),
            },
            '304': { description: 'The analysis named by If-None-Match is still current' },
            ...withCase,
          },
        },
      },
      '/api/cases/{id}/report': {
        parameters: [caseId, { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['html', 'md'], default: 'html' } }],
        get: {
          operationId: 'caseReport',
          summary: "The case's report: one self-contained HTML page or Markdown",
          responses: { '200': { description: 'The report', content: { 'text/html': { schema: { type: 'string' } }, 'text/markdown': { schema: { type: 'string' } } } }, ...withCase },
        },
      },
    },
  };
}
