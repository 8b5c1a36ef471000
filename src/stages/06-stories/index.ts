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
    return { result: { stories }, messages: aloneMessages(stories, docs.length) };
  },
});

/** A document that shares its story with no other has nothing to be cross-checked against. */
function aloneMessages(stories: readonly Story[], total: number): Message[] {
  return stories
    .filter((story) => story.documents.length === 1)
    .map((story) => ({
      doc: story.documents[0]!,
      stage: 'stories',
      rule: total === 1 ? 'stories/single-document' : 'stories/alone',
      severity: 'info' as const,
      text:
        total === 1
          ? 'Only one document was given, so there is nothing to cross-check it against.'
          : `No other document in this run reports the same story (${story.label}), so there is nothing to cross-check it against.`,
    }));
}
