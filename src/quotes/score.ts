/**
 * Exact-match span scoring in the CofeNet protocol: per sentence, the spans of each role read
 * from BIO tags; a predicted span counts only if a gold span has the same start and end.
 */
import { chunksOf } from './polnear.js';

export interface RoleScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export const ROLES = ['source', 'cue', 'content'] as const;

export function scoreBio(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): Record<(typeof ROLES)[number], RoleScore> {
  const counts = Object.fromEntries(ROLES.map((role) => [role, { gold: 0, predicted: 0, correct: 0 }])) as Record<string, { gold: number; predicted: number; correct: number }>;
  gold.forEach((goldTags, i) => {
    const goldChunks = chunksOf(goldTags);
    const predictedChunks = chunksOf(predicted[i] ?? []);
    const keys = new Set(goldChunks.map((chunk) => `${chunk.role}:${chunk.start}:${chunk.end}`));
    for (const chunk of goldChunks) counts[chunk.role]!.gold++;
    for (const chunk of predictedChunks) {
      const count = counts[chunk.role];
      if (!count) continue;
      count.predicted++;
      if (keys.has(`${chunk.role}:${chunk.start}:${chunk.end}`)) count.correct++;
    }
  });
  const result = {} as Record<(typeof ROLES)[number], RoleScore>;
  for (const role of ROLES) {
    const { gold: g, predicted: p, correct: c } = counts[role]!;
    const precision = p ? (100 * c) / p : 0;
    const recall = g ? (100 * c) / g : 0;
    result[role] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, gold: g, predicted: p, correct: c };
  }
  return result;
}
