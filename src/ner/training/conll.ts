/**
 * Reads CoNLL-2003 files (one token per line, IOB2 labels in the last column, -DOCSTART- lines
 * between documents) and scores span predictions the way `conlleval` does: exact span and
 * type, micro-averaged.
 */
import { readFileSync } from 'node:fs';
import type { TokenSpan } from '../labels.js';
import { iobToSpans } from '../labels.js';

export interface LabelledSentence {
  forms: string[];
  labels: string[];
}

export interface LabelledDocument {
  sentences: LabelledSentence[];
}

export function readConll(path: string): LabelledDocument[] {
  const documents: LabelledDocument[] = [];
  let doc: LabelledDocument | null = null;
  let sentence: LabelledSentence = { forms: [], labels: [] };
  const flush = () => {
    if (sentence.forms.length === 0) return;
    if (!doc) {
      doc = { sentences: [] };
      documents.push(doc);
    }
    doc.sentences.push(sentence);
    sentence = { forms: [], labels: [] };
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const columns = line.split(' ');
    if (columns[0] === '-DOCSTART-') {
      flush();
      doc = { sentences: [] };
      documents.push(doc);
      continue;
    }
    sentence.forms.push(columns[0]!);
    sentence.labels.push(columns[columns.length - 1]!);
  }
  flush();
  return documents.filter((d) => d.sentences.length > 0);
}

export interface TypeScore {
  type: string;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SpanScores {
  overall: TypeScore;
  byType: TypeScore[];
}

export function scoreSpans(gold: readonly TokenSpan[][], predicted: readonly TokenSpan[][], types: readonly string[]): SpanScores {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  for (const type of [...types, '*']) counts.set(type, { gold: 0, predicted: 0, correct: 0 });
  gold.forEach((goldSpans, s) => {
    const predictedSpans = predicted[s] ?? [];
    const keys = new Set(goldSpans.map((span) => `${span.start}:${span.end}:${span.type}`));
    for (const span of goldSpans) {
      counts.get(span.type)!.gold++;
      counts.get('*')!.gold++;
    }
    for (const span of predictedSpans) {
      const count = counts.get(span.type) ?? { gold: 0, predicted: 0, correct: 0 };
      counts.set(span.type, count);
      count.predicted++;
      counts.get('*')!.predicted++;
      if (keys.has(`${span.start}:${span.end}:${span.type}`)) {
        count.correct++;
        counts.get('*')!.correct++;
      }
    }
  });
  const score = (type: string): TypeScore => {
    const { gold: g, predicted: p, correct: c } = counts.get(type)!;
    const precision = p ? c / p : 0;
    const recall = g ? c / g : 0;
    return { type, gold: g, predicted: p, correct: c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  return { overall: score('*'), byType: types.map(score) };
}

export function goldSpans(doc: LabelledDocument): TokenSpan[][] {
  return doc.sentences.map((sentence) => iobToSpans(sentence.labels));
}
