/**
 * The one contract: the analysis output, defined once here with zod. The CLI, the HTTP API, the
 * report and the web UI all consume exactly this shape, and `crosscheck schema` prints it as
 * JSON Schema. Bump `CONTRACT_VERSION` (semver) whenever a field changes meaning or goes away;
 * adding an optional field is a minor bump.
 */
import { z } from 'zod';

export const CONTRACT_VERSION = '0.5.0';

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
  type: EntityTypeSchema.optional().describe(
    'The type of this span where it stands, which may differ from its entity\'s: "American" is NORP in the entity of the United States.',
  ),
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

export const AttributionKindSchema = z
  .enum(['speech', 'belief', 'evidence', 'accusation'])
  .describe(
    'What the cue attributes: `speech` what was said or written (said, told, added, according to, a colon); `belief` a view, wish or stance (believes, wants, supports, fears); `evidence` what a poll, document, study or inquiry shows (polls show, the documents reveal, investigators found); `accusation` a charge against someone (accused X of, blamed X for).',
  );

export const QuoteSchema = z.object({
  id: z.string(),
  doc: z.string(),
  kind: QuoteKindSchema,
  attributionKind: AttributionKindSchema.default('speech'),
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
  negated: z
    .boolean()
    .describe('The cue is negated ("did not say", "would not say", "declined to say"): the speaker is reported as NOT saying the content; no claim is made from it.'),
  confidence: z.number().min(0).max(1).optional(),
});

/** A group of articles about one event story; cross-checking happens inside a story. */
export const StorySchema = z.object({
  id: z.string(),
  label: z.string().describe('Made from the story\'s main actors and event words, e.g. "Russia, Hamas, Israel: war, coalition".'),
  documents: z.array(z.string()).describe('Document ids, in input order.'),
  actors: z.array(z.string()).describe('Entity ids of the main actors, most mentioned first.'),
  terms: z.array(z.string()).describe('The words that most set this story apart.'),
});

/** Two documents that share text: a syndicated copy, a near-duplicate, or shared passages. */
export const CopySchema = z.object({
  docs: z.tuple([z.string(), z.string()]).describe('The earlier (or first given) document, then the one that repeats it.'),
  overlap: z.number().min(0).max(1).describe('Share of the shorter document\'s kept words found in the other.'),
  kind: z.enum(['duplicate', 'near-duplicate', 'shared-passages']),
  passages: z
    .array(z.object({ a: SpanSchema, b: SpanSchema }))
    .describe('Verified shared passages: `a` in docs[0], `b` in docs[1].'),
});

export const CitedSourceKindSchema = z.enum([
  'news-agency',
  'outlet',
  'official-channel',
  'social',
  'document',
  'anonymous',
  'person',
  'organisation',
]);

/** One source an article cites or relays, with the words that cite it. */
export const CitedSourceSchema = z.object({
  name: z.string().describe('As written, e.g. "Newsweek", "TASS", "Telegram", "classified documents".'),
  kind: CitedSourceKindSchema,
  entity: z.string().nullable().describe('Entity id when the source is a known actor or outlet.'),
  start: offset,
  end: offset,
  relation: z
    .enum(['relays', 'channel', 'according-to', 'told'])
    .describe('relays: the article takes the item from this source ("quoted by Newsweek"); channel: where a speaker said it ("on Telegram"); according-to: the article leans on it; told: the outlet was told directly.'),
  quote: z.string().nullable().describe('Id of the quote this citation belongs to, if any.'),
});

export const ProvenanceSchema = z.object({
  doc: z.string(),
  outlet: z.string().nullable().describe('The citing outlet, as the document names it.'),
  cites: z.array(CitedSourceSchema),
});

export const DiffPartSchema = z.object({
  op: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});

/** The same utterance by the same speaker, as several quotes across outlets render it. */
export const StatementSchema = z.object({
  id: z.string(),
  story: z.string().nullable(),
  speaker: z.string().nullable().describe('Entity id.'),
  speakerName: z.string().nullable(),
  quotes: z.array(z.string()).describe('Ids of the quotes that render this utterance (direct or partial).'),
  reports: z.array(z.string()).describe('Ids of indirect quotes that report the same utterance.'),
  variants: z
    .array(
      z.object({
        quote: z.string(),
        doc: z.string(),
        diff: z.array(DiffPartSchema).describe('Word-level diff from the first variant to this one.'),
      }),
    )
    .describe('Each rendering after the first, diffed word by word against the first.'),
  documents: z.array(z.string()),
});

export const ClaimStatusSchema = z.enum(['corroborated', 'single-source', 'attributed-only', 'hedged', 'disputed']);

export const AttributionSchema = z.object({
  kind: z.enum(['outlet', 'speaker', 'source']).describe('outlet: the article\'s own voice.'),
  name: z.string().nullable(),
  entity: z.string().nullable(),
  quote: z.string().nullable().describe('The quote that carries the claim, when it is someone\'s words.'),
});

export const ClaimMemberSchema = DocSpanSchema.extend({
  attributedTo: z.string().nullable().describe('Who the claim is attributed to; null when the outlet states it in its own voice.'),
  attribution: AttributionSchema,
  hedged: z.boolean(),
  hedges: z.array(DocSpanSchema).describe('The hedging words ("reportedly", "cannot be verified").'),
  polarity: z.enum(['positive', 'negative']),
  source: z.string().describe('The independent source this member counts as (after copies and relays are folded).'),
});

/** One proposition, as every outlet that states it words it. */
export const ClaimSchema = z.object({
  id: z.string(),
  story: z.string().nullable(),
  text: z.string().describe('The first member\'s wording.'),
  members: z.array(ClaimMemberSchema).min(1),
  entities: z.array(z.string()),
  outlets: z.array(z.string()),
  independentSources: z.number().int().nonnegative(),
  sources: z.array(z.string()).describe('The independent sources counted.'),
  status: ClaimStatusSchema,
  contradicts: z.array(z.string()).describe('Ids of claims that state the opposite.'),
});

// ---- Timeline (stage 11) ----------------------------------------------------------------------

export const DatePrecisionSchema = z.enum(['day', 'month', 'year', 'range']);

/** One date expression as written, normalised. */
export const DateMentionSchema = DocSpanSchema.extend({
  text: z.string().describe('As written, e.g. "Monday (9/10/2023)", "last year", "days after the attack".'),
  date: z.string().describe('ISO 8601: 2023-10-09, 2023-10 or 2023; for a range, its first day.'),
  until: z.string().nullable().describe('For a range, its last day (inclusive); else null.'),
  precision: DatePrecisionSchema,
  anchor: z
    .enum(['absolute', 'published', 'content', 'event'])
    .describe('absolute: the words name the date; published: counted from the publication date (or given its year by it); content: counted from the latest full date in the article, or, when it names none, its original\'s (for a syndicated copy) or its story\'s latest date; event: counted from an event the story dates ("days after the attack").'),
  inferred: z.boolean().describe('True when the value rests on an inference (no publication date, a year or day/month order taken from the story, a guessed century or order).'),
  quote: z.string().nullable().describe('Id of the quote the expression sits in, if any.'),
});

/** One event on the timeline: the same event in several outlets is one item with all their evidence. */
export const TimelineItemSchema = z.object({
  id: z.string(),
  story: z.string().nullable(),
  date: z.string().describe('ISO 8601 date, possibly partial (2023-10, 2023); for a range, its first day.'),
  until: z.string().nullable().describe('For a range, its last day (inclusive).'),
  precision: DatePrecisionSchema,
  inferred: z.boolean(),
  text: z.string().describe('The clause the date governs, as the first evidence words it.'),
  actors: z.array(z.string()).describe('Entity ids.'),
  documents: z.array(z.string()),
  dates: z.array(DateMentionSchema).describe('The date expressions behind this item.'),
  evidence: z.array(DocSpanSchema).min(1).describe('The clauses, one per reporting document.'),
});

/** When a document was written: given, or bounded by what it dates. */
export const DocumentDatingSchema = z.object({
  doc: z.string(),
  published: z.string().nullable().describe('The publication date as given.'),
  earliest: z.string().nullable().describe('With no publication date: the latest past date the text names (it cannot predate it); null when it names none with a year.'),
  latest: z.string().nullable(),
  inferred: z.boolean(),
  evidence: z.array(DocSpanSchema),
});

// ---- Relations (stage 12) ---------------------------------------------------------------------

export const RelationKindSchema = z.enum([
  'supports',
  'opposes',
  'condemns',
  'accuses',
  'threatens',
  'attacks',
  'meets',
  'hosts',
  'visits',
  'allied-with',
  'funds',
  'arms',
  'supplies',
  'offers-forces',
  'offers-aid',
  'mediates',
  'designates-terrorist',
  'deploys',
]);

/** Who does what to whom, merged across the sentences and outlets that say it. */
export const RelationSchema = z.object({
  id: z.string(),
  story: z.string().nullable(),
  subject: z.string().describe('Entity id.'),
  relation: RelationKindSchema,
  object: z.string().nullable().describe('Entity id.'),
  cameo: z.string().describe('CAMEO event code, e.g. "051"; its first two digits are the root.'),
  cameoRoot: z.string().describe('CAMEO root code, e.g. "05" (engage in diplomatic cooperation).'),
  negated: z.boolean(),
  hedged: z.boolean(),
  date: z.string().nullable(),
  text: z.string().describe('The first evidence sentence or clause.'),
  documents: z.array(z.string()),
  voices: z
    .array(z.object({ doc: z.string(), kind: z.enum(['outlet', 'speaker']), quote: z.string().nullable(), speaker: z.string().nullable() }))
    .describe('Whose words carry the relation in each document: the outlet\'s own voice or a quoted speaker.'),
  evidence: z.array(DocSpanSchema).min(1),
});

// ---- Framing (stage 13) -----------------------------------------------------------------------

/** A loaded or evaluative term (or its neutral counterpart), the actor it targets and whose voice it is. */
export const FramingTermSchema = DocSpanSchema.extend({
  term: z.string().describe('As written.'),
  entry: z.string().describe('The lexicon entry it matched, e.g. "terrorist state".'),
  loaded: z.boolean().describe('False for a neutral counterpart ("militants" vs "terrorists").'),
  category: z.string().describe('Why the term frames, from the lexicon, e.g. "delegitimising", "legitimising".'),
  target: z.string().nullable().describe('Entity id of the actor the term names or qualifies.'),
  voice: z.enum(['outlet', 'speaker']).describe('outlet: the outlet\'s own words; speaker: inside a quote.'),
  quote: z.string().nullable(),
  speaker: z.string().nullable().describe('Entity id of the speaker when voice is speaker.'),
  quoted: z.boolean().optional().describe('True when the term sits inside quotation marks: a speaker\'s verbatim words, or (voice outlet) scare quotes the outlet distances itself with.'),
});

/** A label an outlet uses for an actor ("the Islamist group"), with its uses. */
export const ActorLabelSchema = z.object({
  entity: z.string(),
  outlet: z.string(),
  label: z.string(),
  count: z.number().int().positive(),
  evidence: z.array(DocSpanSchema).min(1),
});

export const OutletFramingSchema = z.object({
  outlet: z.string().describe('The outlet\'s name, or the document id when it has none.'),
  documents: z.array(z.string()),
  sentences: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative().optional().describe('Claim members in the outlet\'s documents: the base of the two shares below.'),
  attributedShare: z.number().min(0).max(1).describe('Share of claims carried as someone\'s words.'),
  ownVoiceShare: z.number().min(0).max(1).describe('Share of claims asserted in the outlet\'s own voice.'),
  ownVoiceSentences: z.number().int().nonnegative().optional().describe('Sentences with at least three words of the outlet\'s own outside quotes: the base of the two rates below.'),
  hedgingRate: z.number().min(0).max(1).describe('Share of the sentences in the outlet\'s own voice with a hedge in its own words ("reportedly", "cannot be verified").'),
  opinionShare: z.number().min(0).max(1).describe('Share of the sentences in the outlet\'s own voice judged opinion (first person, "should", evaluative words).'),
  quoted: z
    .array(z.object({ entity: z.string().nullable(), name: z.string(), quotes: z.number().int().positive(), words: z.number().int().nonnegative().optional().describe('Words of their quoted content.'), share: z.number().min(0).max(1).describe('Share of the outlet\'s quotes.') }))
    .describe('Who the outlet quotes, most quoted first.'),
  tone: z
    .array(z.object({ entity: z.string(), score: z.number().min(-1).max(1), positive: z.number().int().nonnegative(), negative: z.number().int().nonnegative(), evidence: z.array(DocSpanSchema) }))
    .describe('Tone toward each main actor, in the outlet\'s own voice, with the sentences that carry it.'),
});

export const FramingSchema = z.object({
  terms: z.array(FramingTermSchema),
  labels: z.array(ActorLabelSchema),
  outlets: z.array(OutletFramingSchema),
});

/** A sentence of the brief: generated from the analysis, so every one cites its evidence. */
export const BriefSentenceSchema = z.object({
  story: z.string().nullable(),
  section: z.enum(['established', 'disputed', 'said', 'single-source', 'note']),
  text: z.string(),
  evidence: z.array(DocSpanSchema).min(1),
});

export const AnalysisSchema = z.object({
  version: z.literal(CONTRACT_VERSION),
  generator: z.object({ name: z.literal('crosscheck'), version: z.string() }),
  documents: z.array(DocumentSchema),
  entities: z.array(EntitySchema),
  quotes: z.array(QuoteSchema),
  stories: z.array(StorySchema),
  copies: z.array(CopySchema),
  statements: z.array(StatementSchema),
  claims: z.array(ClaimSchema),
  provenance: z.array(ProvenanceSchema),
  relations: z.array(RelationSchema),
  timeline: z.array(TimelineItemSchema),
  dating: z.array(DocumentDatingSchema).describe('Per document: its publication date, or bounds inferred from its content.'),
  framing: FramingSchema,
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
export type Story = z.infer<typeof StorySchema>;
export type Copy = z.infer<typeof CopySchema>;
export type CitedSource = z.infer<typeof CitedSourceSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimMember = z.infer<typeof ClaimMemberSchema>;
export type BriefSentence = z.infer<typeof BriefSentenceSchema>;
export type DateMention = z.infer<typeof DateMentionSchema>;
export type TimelineItem = z.infer<typeof TimelineItemSchema>;
export type DocumentDating = z.infer<typeof DocumentDatingSchema>;
export type Relation = z.infer<typeof RelationSchema>;
export type RelationKind = z.infer<typeof RelationKindSchema>;
export type FramingTerm = z.infer<typeof FramingTermSchema>;
export type ActorLabel = z.infer<typeof ActorLabelSchema>;
export type OutletFraming = z.infer<typeof OutletFramingSchema>;
export type Framing = z.infer<typeof FramingSchema>;

/** The contract as JSON Schema (draft 2020-12), with its version in `$id`. */
export function analysisJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(AnalysisSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: `https://crosscheck.invalid/schema/analysis-${CONTRACT_VERSION}.json`,
    title: 'crosscheck Analysis',
    ...schema,
  };
}
