/** Lookups over the stories stage's result that every later cross-document stage needs. */
import type { Story } from '../contract.js';

/** Story id of each document. */
export function storyOfDocument(stories: readonly Story[]): Map<string, string> {
  const storyOf = new Map<string, string>();
  for (const story of stories) for (const doc of story.documents) storyOf.set(doc, story.id);
  return storyOf;
}
