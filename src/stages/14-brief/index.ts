/**
 * Stage 14, brief: a short brief per story, made from the claims, statements and quotes found
 * before it (src/brief): what is established and on how many independent sources, what is
 * disputed, who said what, and what rests on a single source. Every sentence cites its spans.
 */
import { z } from 'zod';
import { composeBrief } from '../../brief/compose.js';
import { outletOf } from '../../crossdoc/documents.js';
import type { BriefSentence } from '../../contract.js';
import { defineCorpusStage } from '../../stage.js';

declare module '../../stage.js' {
  interface CorpusResults {
    brief: BriefResult;
  }
}

export interface BriefResult {
  sentences: BriefSentence[];
}

export const briefOptions = z
  .object({
    /** Most sentences per section and story. */
    perSection: z.number().int().min(1).default(4),
    /** Longest wording quoted in full, in characters. */
    maxQuoted: z.number().int().min(20).default(220),
  })
  .strict();

export const briefStage = defineCorpusStage({
  name: 'brief',
  summary: 'write a short brief per story in which every sentence cites its evidence',
  options: briefOptions,
  run(docs, options, earlier) {
    const documents = new Map(
      docs.map((doc) => {
        const first = doc.results.segment?.sentences[0];
        return [
          doc.id,
          {
            label: outletOf(doc) ?? doc.id,
            text: doc.text,
            firstSentence: first ? { doc: doc.id, start: first.start, end: first.end } : null,
          },
        ];
      }),
    );
    const sentences = composeBrief(
      {
        stories: earlier.stories?.stories ?? [],
        claims: earlier.claims?.claims ?? [],
        statements: earlier.statements?.statements ?? [],
        quotes: earlier.statements?.quotes ?? [],
        documents,
      },
      options,
    );
    return { result: { sentences } };
  },
});
