/**
 * Stage 12, relations: who does what to whom (supports, condemns, meets, arms...), each mapped to
 * its CAMEO code, merged across outlets with their evidence. Logic in src/relations.
 */
import { z } from 'zod';
import type { Relation } from '../../contract.js';
import { groupBy } from '../../crossdoc/group-by.js';
import { storyOfDocument } from '../../crossdoc/stories.js';
import { extractRelations } from '../../relations/extract.js';
import { mergeRelations } from '../../relations/merge.js';
import { verbLexicon } from '../../relations/verbs.js';
import { defineCorpusStage } from '../../stage.js';
import { entityMentionsByDocument } from '../../crossdoc/documents.js';

declare module '../../stage.js' {
  interface CorpusResults {
    relations: RelationsResult;
  }
}

export interface RelationsResult {
  relations: Relation[];
}

export const relationsOptions = z.object({}).strict();

export const relationsStage = defineCorpusStage({
  name: 'relations',
  summary: 'who does what to whom, with CAMEO codes, negation and hedging',
  options: relationsOptions,
  run(docs, _options, earlier) {
    const lexicon = verbLexicon();
    const mentionsOf = entityMentionsByDocument(earlier.identity?.entities ?? []);
    // What a speaker did not say ("would not say whether X backs Y") gives nobody's voice to a relation.
    const quotesOf = groupBy((earlier.statements?.quotes ?? []).filter((quote) => !quote.negated), (quote) => quote.doc);
    // A relation takes the date of the timeline's date expression in its clause.
    const dated = (earlier.timeline?.items ?? []).flatMap((item) => item.dates.map(({ doc, start, end, date }) => ({ doc, start, end, date })));
    const datedOf = groupBy(dated, (span) => span.doc);
    const found = docs.flatMap((doc) =>
      extractRelations(
        {
          id: doc.id,
          text: doc.text,
          sentences: doc.results.segment?.sentences ?? [],
          removed: doc.results.clean?.removed ?? [],
          mentions: mentionsOf.get(doc.id) ?? [],
          quotes: [...(quotesOf.get(doc.id) ?? [])].sort((a, b) => a.content.start - b.content.start),
          dated: [...(datedOf.get(doc.id) ?? [])].sort((a, b) => a.start - b.start),
        },
        lexicon,
      ),
    );
    const relations = mergeRelations(found, storyOfDocument(earlier.stories?.stories ?? []), new Map(docs.map((doc) => [doc.id, doc.text])));
    return { result: { relations } };
  },
});
