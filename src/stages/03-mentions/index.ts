/**
 * Stage 3, mentions: named-entity recognition inside each document (placeholder until the
 * trained tagger lands).
 */
import { z } from 'zod';
import type { EntityType } from '../../contract.js';
import type { Span } from '../../document.js';
import { defineDocumentStage } from '../../stage.js';

declare module '../../document.js' {
  interface StageResults {
    mentions: MentionsResult;
  }
}

export interface Mention extends Span {
  type: EntityType;
  kind: 'name' | 'pronoun' | 'role' | 'metonym' | 'demonym' | 'acronym';
}

export interface MentionsResult {
  /** Ordered by start; never inside a removed span. */
  mentions: Mention[];
}

export const mentionsOptions = z.object({}).strict();

export const mentionsStage = defineDocumentStage({
  name: 'mentions',
  summary: 'recognise names of people, organisations, places, groups and events',
  options: mentionsOptions,
  run() {
    return { result: { mentions: [] } };
  },
});
