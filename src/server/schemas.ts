/**
 * The HTTP API's request and response shapes, as zod schemas: the handlers validate with them and
 * the OpenAPI document (openapi.ts) is generated from them, so the two cannot drift apart.
 */
import { z } from 'zod';
import { MessageSchema } from '../contract.js';

const MAX_FIELD_LENGTH = 2_000;

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable: switch on it. The message may change.' }),
      message: z.string(),
    }),
  });

export const CaseSchema = z
  .object({
    id: z.string().regex(/^[0-9a-z]{16}$/),
    name: z.string(),
    created: z.string(),
    updated: z.string(),
    documents: z.number().int().nonnegative(),
    revision: z.number().int().nonnegative(),
  });

export const CaseListSchema = z.object({ cases: z.array(CaseSchema) });

export const CreateCaseRequestSchema = z.strictObject({ name: z.string().max(MAX_FIELD_LENGTH) });

const CONTENT_FIELDS = ['text', 'html', 'url'] as const;

/** One article: exactly one of `text`, `html` or `url`, and what is known about it. */
export const DocumentInputSchema = z
  .strictObject({
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.string().max(MAX_FIELD_LENGTH).regex(/^https?:\/\//i, 'A url starts with http:// or https://.').optional(),
    title: z.string().max(MAX_FIELD_LENGTH).optional(),
    outlet: z.string().max(MAX_FIELD_LENGTH).optional(),
    published: z.string().max(MAX_FIELD_LENGTH).optional(),
    source: z.string().max(MAX_FIELD_LENGTH).optional().meta({ description: 'A label shown with the document (a file name, say); never read as a path.' }),
  })
  .refine((input) => CONTENT_FIELDS.filter((field) => input[field] !== undefined).length === 1, {
    message: 'Give exactly one of text, html or url.',
  })
  .meta({ description: 'Exactly one of text, html or url.' });

export const DocumentListSchema = z.array(DocumentInputSchema).min(1);

export const DocumentsRequestSchema = z.union([DocumentInputSchema, DocumentListSchema]);

export const ImportSummarySchema = z
  .object({
    added: z.array(z.object({ id: z.string(), source: z.string(), title: z.string().nullable() })),
    skipped: z.array(z.object({ source: z.string(), existing: z.string() })).meta({ description: 'Inputs already in the case, not stored twice.' }),
    documents: z.number().int().nonnegative().meta({ description: 'Documents in the case after the import.' }),
    messages: z.array(MessageSchema).meta({ description: 'Problems with the inputs and messages on the added documents.' }),
  });

export type DocumentInput = z.infer<typeof DocumentInputSchema>;

export const ImportPhaseSchema = z
  .enum(['queued', 'fetching', 'waiting', 'reading', 'stage', 'done', 'failed'])
  .meta({ description: "queued: not started yet; fetching: the URLs; waiting: for the case's turn (one import into a case at a time); reading: the articles (`documents` once read); stage: running `stage`, number `index` (from 0) of `total`." });

/** An import started with `POST /api/cases/{id}/imports`, as `GET /api/imports/{id}` reports it. */
export const ImportJobSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  case: z.string().meta({ description: 'The case id.' }),
  state: z.enum(['running', 'done', 'failed']),
  phase: ImportPhaseSchema,
  urls: z.number().int().nonnegative().optional().meta({ description: 'URLs being fetched.' }),
  documents: z.number().int().nonnegative().optional().meta({ description: 'Articles read from the inputs.' }),
  stage: z.string().optional(),
  index: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
  stageDocuments: z
    .object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() })
    .optional()
    .meta({ description: 'How far a per-document stage has got through the new documents, when it runs on worker threads.' }),
  created: z.string(),
  updated: z.string(),
  result: ImportSummarySchema.optional().meta({ description: 'Once done: what was added, skipped and found.' }),
  error: ErrorSchema.shape.error.optional().meta({ description: 'Once failed: why, with a stable code.' }),
});

export type ImportSummary = z.infer<typeof ImportSummarySchema>;
export type ImportJob = z.infer<typeof ImportJobSchema>;
export type CaseInfoView = z.infer<typeof CaseSchema>;
