/**
 * Stage 11, timeline: date expressions normalised to ISO dates or ranges with a precision, the
 * events they govern merged across outlets, and each document's dating. Logic in src/timeline.
 */
import { z } from 'zod';
import type { DocumentDating, TimelineItem } from '../../contract.js';
import { entityMentionsByDocument, outletOf } from '../../crossdoc/documents.js';
import { storyOfDocument } from '../../crossdoc/stories.js';
import { groupBy } from '../../crossdoc/group-by.js';
import { defineCorpusStage } from '../../stage.js';
import { buildTimeline } from '../../timeline/build.js';

declare module '../../stage.js' {
  interface CorpusResults {
    timeline: TimelineResult;
  }
}

export interface TimelineResult {
  items: TimelineItem[];
  dating: DocumentDating[];
}

export const timelineOptions = z.object({}).strict();

export const timelineStage = defineCorpusStage({
  name: 'timeline',
  summary: 'date expressions normalised, events dated and merged across outlets',
  options: timelineOptions,
  run(docs, _options, earlier) {
    const storyOf = storyOfDocument(earlier.stories?.stories ?? []);
    // A duplicate or near-duplicate repeats its original (docs[0]); shared passages alone do not make a copy.
    const copyOf = new Map((earlier.copies?.copies ?? []).filter((copy) => copy.kind !== 'shared-passages').map((copy) => [copy.docs[1], copy.docs[0]]));
    // A date in what a speaker did not say ("declined to say when it reopens") is no one's report.
    const quotesOf = groupBy((earlier.statements?.quotes ?? []).filter((quote) => !quote.negated), (quote) => quote.doc);
    const quoteById = new Map((earlier.statements?.quotes ?? []).map((quote) => [quote.id, quote]));
    const mentionsOf = entityMentionsByDocument(earlier.identity?.entities ?? []);
    const propositionsOf = groupBy(
      [
        ...(earlier.claims?.claims ?? []).filter((claim) => claim.members.length > 1).flatMap((claim) => claim.members.map((member) => ({ ...member, group: claim.id }))),
        ...(earlier.statements?.statements ?? []).flatMap((statement) => [...statement.quotes, ...statement.reports].map((quote) => ({ quote, group: statement.id }))).flatMap(({ quote, group }) => {
          const found = quoteById.get(quote);
          return found ? [{ doc: found.doc, start: found.content.start, end: found.content.end, group }] : [];
        }),
      ],
      (proposition) => proposition.doc,
    );
    const { items, dating, messages } = buildTimeline(
      docs.map((doc) => ({
        id: doc.id,
        text: doc.text,
        published: doc.meta.published,
        language: doc.meta.language,
        url: doc.meta.url,
        outlet: outletOf(doc),
        story: storyOf.get(doc.id) ?? null,
        copyOf: copyOf.get(doc.id) ?? null,
        sentences: doc.results.segment?.sentences ?? [],
        removed: doc.results.clean?.removed ?? [],
        quotes: quotesOf.get(doc.id) ?? [],
        mentions: mentionsOf.get(doc.id) ?? [],
        propositions: propositionsOf.get(doc.id) ?? [],
      })),
    );
    return { result: { items, dating }, messages };
  },
});
