/**
 * Stage 6, stories: groups the documents into event stories, each named by its main actors and
 * event words, so that later stages cross-check within a story. Online: each document, in input
 * order, joins the most similar story or opens one. The grouping lives in src/stories/.
 */
import { z } from 'zod';
import type { Story } from '../../contract.js';
import type { Message } from '../../document.js';
import { defineCorpusStage } from '../../stage.js';
import { DEFAULT_STORY_THRESHOLD, groupStories } from '../../stories/index.js';

declare module '../../stage.js' {
  interface CorpusResults {
    stories: StoriesResult;
  }
}

export interface StoriesResult {
  /** In order of each story's first document; every document is in exactly one story. */
  stories: Story[];
}

export const storiesOptions = z
  .object({
    /** Cosine similarity to a story's centroid at which an article joins it (0–1). Higher splits stories finer. */
    threshold: z.number().min(0).max(1).default(DEFAULT_STORY_THRESHOLD),
  })
  .strict();

export const storiesStage = defineCorpusStage({
  name: 'stories',
  summary: 'group the documents into event stories, each named by its actors and event words',
  options: storiesOptions,
  run(docs, options, earlier) {
    const { stories } = groupStories(docs, earlier.identity?.entities ?? [], { threshold: options.threshold });
    return { result: { stories }, messages: docs.length === 1 ? [singleDocument(docs[0]!.id)] : [] };
  },
});

/** One document has nothing to be cross-checked against; the analysis says so rather than fail. */
function singleDocument(doc: string): Message {
  return {
    doc,
    stage: 'stories',
    rule: 'stories/single-document',
    severity: 'info',
    text: 'Only one document was given, so there is nothing to cross-check it against.',
  };
}
