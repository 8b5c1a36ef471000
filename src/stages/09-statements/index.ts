/**
 * Stage 9, statements: the same utterance by the same speaker grouped across outlets, with a word
 * diff of each outlet's rendering, and the indirect reports of it linked. The grouping lives in
 * src/statements; the matcher that says two sentences render the same words is src/similarity.
 */
import { z } from 'zod';
import { assembleQuotes } from '../../assemble.js';
import { propositionJudge } from '../../claims/judge.js';
import type { Quote, Statement } from '../../contract.js';
import { groupBy } from '../../crossdoc/group-by.js';
import { storyOfDocument } from '../../crossdoc/stories.js';
import { THRESHOLDS } from '../../similarity/index.js';
import { defineCorpusStage } from '../../stage.js';
import { groupStatements } from '../../statements/group.js';

declare module '../../stage.js' {
  interface CorpusResults {
    statements: StatementsResult;
  }
}

export interface StatementsResult {
  statements: Statement[];
  /** Every quote with its speaker resolved to an entity: what later stages and the contract read. */
  quotes: Quote[];
}

export const statementsOptions = z
  .object({
    /** Matcher score at or above which two quoted sentences are one utterance. */
    utteranceThreshold: z.number().min(0).max(1).default(THRESHOLDS.sameUtterance),
    /** Matcher score at or above which an indirect report is linked to a statement. */
    reportThreshold: z.number().min(0).max(1).default(THRESHOLDS.sameProposition),
  })
  .strict();

export const statementsStage = defineCorpusStage({
  name: 'statements',
  summary: 'group quotes of one utterance by one speaker across outlets, with word diffs',
  options: statementsOptions,
  run(docs, options, earlier) {
    const quotes = assembleQuotes(docs, earlier.identity?.entities ?? []);
    const textOf = new Map(docs.map((doc) => [doc.id, doc.text]));
    const storyOf = storyOfDocument(earlier.stories?.stories ?? []);
    const statements: Statement[] = [];
    // Statements never cross stories: the same words in another story are another occasion.
    // Only speech makes a statement: a belief, evidence or accusation is no one's utterance, and
    // "did not say whether …" reports words that were not said.
    const byStory = groupBy(quotes.filter((quote) => quote.attributionKind === 'speech' && !quote.negated), (quote) => storyOf.get(quote.doc) ?? null);
    for (const [story, storyQuotes] of byStory) {
      const grouped = groupStatements(storyQuotes.map((quote) => ({ quote, text: textOf.get(quote.doc)! })), propositionJudge(), options);
      for (const statement of grouped) statements.push({ ...statement, id: `statement-${statements.length + 1}`, story });
    }
    return { result: { statements, quotes } };
  },
});
