/**
 * The one contract: the analysis output, defined once here with zod. The CLI, the HTTP API, the
 * report and the web UI all consume exactly this shape, and `crosscheck schema` prints it as
 * JSON Schema. Bump `CONTRACT_VERSION` (semver) whenever a field changes meaning or goes away;
 * adding an optional field is a minor bump.
 */
import { z } from 'zod';

export const CONTRACT_VERSION = '0.2.0';

const offset = z.number().int().nonnegative();

/** A half-open span of UTF-16 code units inside one document's `text`. */
export const SpanSchema = z
  .object({ start: offset, end: offset })
  .describe('Half-open span [start, end) in UTF-16 code units of the document text.');

/** The evidence pointer: every extracted item carries at least one. */
export const DocSpanSchema = z
  .object({ doc: z.string(), start: offset, end: offset })
  .describe('Evidence: a half-open span [start, end) in the text of document `doc`.');

export const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const MessageSchema = z.object({
  doc: z.string().nullable().describe('Document id, or null for a problem with the run as a whole.'),
  stage: z.string(),
  rule: z.string().describe('Stable rule id, e.g. "read/empty" or "quotes/unbalanced".'),
  severity: SeveritySchema,
  text: z.string(),
  start: offset.optional(),
  end: offset.optional(),
});

export const RemovalReasonSchema = z.enum([
  'navigation',
  'breadcrumb',
  'counter',
  'widget',
  'subscribe',
  'comments',
  'link-list',
  'advert',
  'source-tail',
  'duplicate',
  'near-duplicate',
  'boilerplate',
  'repeated-title',
]);

export const RemovedSpanSchema = z.object({
  start: offset,
  end: offset,
  reason: RemovalReasonSchema,
  rule: z.string().describe('The cleaning rule that fired.'),
  duplicateOf: SpanSchema.optional().describe('For duplicates: the kept first copy.'),
});

export const DocumentSchema = z.object({
  id: z.string(),
  source: z.string().describe('The path or URL the article came from.'),
  format: z.enum(['txt', 'md', 'html', 'json', 'jsonl']),
  title: z.string().nullable(),
  titleSpan: SpanSchema.nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable().describe('ISO 8601 date or date-time when known.'),
  modified: z.string().nullable(),
  url: z.string().nullable(),
  byline: z.string().nullable(),
  language: z.string().nullable(),
  notArticle: z.boolean().optional(),
  text: z.string().describe('The text exactly as read; every span points into it.'),
  removed: z.array(RemovedSpanSchema),
  paragraphs: z.array(SpanSchema),
  sentences: z.array(SpanSchema.extend({ headline: z.boolean().optional() })),
});

export const EntityTypeSchema = z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'MISC']);

export const EntityMentionSchema = DocSpanSchema.extend({
  kind: z.enum(['name', 'pronoun', 'role', 'metonym', 'demonym', 'acronym']).optional(),
});

export const EntityFactSchema = z.object({
  kind: z.enum(['role', 'affiliation', 'relative', 'other']),
  value: z.string(),
  evidence: DocSpanSchema,
});

export const EntitySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityTypeSchema,
  aliases: z.array(z.string()),
  mentions: z.array(EntityMentionSchema),
  mentionCounts: z.record(z.string(), z.number().int()).describe('Mentions per document id.'),
  facts: z.array(EntityFactSchema),
  country: z.string().nullable().optional(),
});

export const QuoteKindSchema = z.enum(['direct', 'partial', 'indirect', 'mixed']);

export const QuoteSchema = z.object({
  id: z.string(),
  doc: z.string(),
  kind: QuoteKindSchema,
  content: SpanSchema,
  cue: SpanSchema.nullable(),
  speaker: z.object({
    name: z.string().nullable().describe('Canonical name of the speaker, when resolved.'),
    entity: z.string().nullable().describe('Entity id of the speaker, when resolved.'),
    role: z.string().nullable().describe('A role that describes the speaker, e.g. "Kremlin spokesman".'),
    mention: SpanSchema.nullable().describe('The speaker as written at this quote (may be a pronoun).'),
    affiliation: z
      .string()
      .nullable()
      .default(null)
      .describe('Entity id of the state or organisation an unnamed speaker acts for, e.g. Iran for "Iran\'s foreign minister".'),
  }),
  channel: z.object({ text: z.string(), span: SpanSchema }).nullable(),
  via: z
    .object({ name: z.string(), entity: z.string().nullable(), span: SpanSchema })
    .nullable()
    .describe('The outlet or agency this outlet relays the quote from.'),
  continues: z.string().nullable().describe('Id of the quote this one continues (no cue of its own).'),
  confidence: z.number().min(0).max(1).optional(),
});

export const StatementSchema = z.object({
  id: z.string(),
  speaker: z.string().nullable().describe('Entity id.'),
  quotes: z.array(z.string()).describe('Ids of the quotes that report this statement.'),
  summary: z.string(),
});

export const ClaimSchema = z.object({
  id: z.string(),
  text: z.string(),
  evidence: z.array(DocSpanSchema),
  outlets: z.array(z.string()),
  independentSources: z.number().int().nonnegative(),
  hedged: z.boolean(),
});

export const ProvenanceSchema = z.object({
  doc: z.string(),
  dependsOn: z.string().describe('Outlet, agency or document this one relays.'),
  evidence: DocSpanSchema,
  kind: z.enum(['relay', 'syndication', 'copy']),
});

export const RelationSchema = z.object({
  id: z.string(),
  subject: z.string(),
  predicate: z.string(),
  object: z.string().nullable(),
  evidence: DocSpanSchema,
});

export const TimelineItemSchema = z.object({
  id: z.string(),
  date: z.string().describe('ISO 8601 date, possibly partial (2023-10).'),
  text: z.string(),
  evidence: DocSpanSchema,
});

export const FramingItemSchema = z.object({
  id: z.string(),
  actor: z.string().nullable(),
  term: z.string(),
  kind: z.enum(['loaded-term', 'hedge', 'label']),
  evidence: DocSpanSchema,
});

export const BriefSentenceSchema = z.object({
  text: z.string(),
  evidence: z.array(DocSpanSchema).min(1),
});

export const AnalysisSchema = z.object({
  version: z.literal(CONTRACT_VERSION),
  generator: z.object({ name: z.literal('crosscheck'), version: z.string() }),
  documents: z.array(DocumentSchema),
  entities: z.array(EntitySchema),
  quotes: z.array(QuoteSchema),
  statements: z.array(StatementSchema),
  claims: z.array(ClaimSchema),
  provenance: z.array(ProvenanceSchema),
  relations: z.array(RelationSchema),
  timeline: z.array(TimelineItemSchema),
  framing: z.array(FramingItemSchema),
  brief: z.array(BriefSentenceSchema),
  messages: z.array(MessageSchema),
});

export type Analysis = z.infer<typeof AnalysisSchema>;
export type AnalysisDocument = z.infer<typeof DocumentSchema>;
export type RemovedSpan = z.infer<typeof RemovedSpanSchema>;
export type RemovalReason = z.infer<typeof RemovalReasonSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type EntityType = z.infer<typeof EntityTypeSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type ContractMessage = z.infer<typeof MessageSchema>;

/** The contract as JSON Schema (draft 2020-12), with its version in `$id`. */
export function analysisJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(AnalysisSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: `https://crosscheck.invalid/schema/analysis-${CONTRACT_VERSION}.json`,
    title: 'crosscheck Analysis',
    ...schema,
  };
}
