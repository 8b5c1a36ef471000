/**
 * Readers for the PolNeAR attribution corpus as the training and evaluation scripts use it:
 * the derived JSONL (full articles with standoff spans) turned into tokenised sentences with
 * BIO tags in the CofeNet convention, and CofeNet's own BIO file. Only scripts import this; the
 * data never ships.
 */
import { readFileSync } from 'node:fs';
import type { Span } from '../document.js';
import { tokenize, type Token } from '../text/tokens.js';
import type { Tag } from './perceptron.js';

export interface PolnearSpan extends Span {
  text: string;
}

export interface PolnearAttribution {
  id: string;
  cue: PolnearSpan[];
  sources: PolnearSpan[];
  contents: PolnearSpan[];
  hasSource: boolean;
}

export interface PolnearDoc {
  id: string;
  article: string;
  annotator: string;
  text: string;
  quotes: PolnearAttribution[];
}

/** One annotator per article (the first in sorted order), as the dataset README advises. */
export function readPolnearDocs(path: string): PolnearDoc[] {
  const docs = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as PolnearDoc);
  const byArticle = new Map<string, PolnearDoc>();
  for (const doc of docs.sort((a, b) => a.id.localeCompare(b.id))) {
    if (!byArticle.has(doc.article)) byArticle.set(doc.article, doc);
  }
  return [...byArticle.values()];
}

export interface TaggedSentence {
  doc: string;
  start: number;
  end: number;
  tokens: Token[];
  words: string[];
  tags: Tag[];
}

const FINAL = /^[.?!]+$/u;
const CLOSERS = /^[”’"')\]]+$/u;

/**
 * Sentences for training: split at paragraph breaks and after final punctuation (with any
 * closing quote) when the next token opens a new sentence. Close to what CoreNLP does on news.
 */
export function splitSentences(text: string): { start: number; end: number; tokens: Token[] }[] {
  const out: { start: number; end: number; tokens: Token[] }[] = [];
  const paragraph = /[^\n]+/gu;
  let match: RegExpExecArray | null;
  while ((match = paragraph.exec(text)) !== null) {
    const tokens = tokenize(text, match.index, match.index + match[0].length);
    let from = 0;
    for (let i = 0; i < tokens.length; i++) {
      const word = text.slice(tokens[i]!.start, tokens[i]!.end);
      if (!FINAL.test(word)) continue;
      let last = i;
      while (last + 1 < tokens.length && CLOSERS.test(text.slice(tokens[last + 1]!.start, tokens[last + 1]!.end))) last++;
      const following = tokens[last + 1];
      if (following && !/^[\p{Lu}\d“‘"'(\[]/u.test(text.slice(following.start, following.end))) continue;
      out.push(sentenceOf(tokens.slice(from, last + 1)));
      from = last + 1;
      i = last;
    }
    if (from < tokens.length) out.push(sentenceOf(tokens.slice(from)));
  }
  return out;
}

function sentenceOf(tokens: Token[]): { start: number; end: number; tokens: Token[] } {
  return { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens };
}

/** Paragraph units (blocks between blank lines), the unit CofeNet's BIO files use. */
export function splitParagraphs(text: string): { start: number; end: number; tokens: Token[] }[] {
  const out: { start: number; end: number; tokens: Token[] }[] = [];
  const block = /[^\n]+(?:\n[^\n]+)*/gu;
  let match: RegExpExecArray | null;
  while ((match = block.exec(text)) !== null) {
    const tokens = tokenize(text, match.index, match.index + match[0].length);
    if (tokens.length > 0) out.push(sentenceOf(tokens));
  }
  return out;
}

/** Tags each token by the span fragment it starts in; a new fragment (or attribution) starts a B-. */
export function tagDocument(doc: PolnearDoc, unit: 'paragraph' | 'sentence' = 'paragraph'): TaggedSentence[] {
  const fragments: { start: number; end: number; role: 'source' | 'cue' | 'content'; key: string }[] = [];
  for (const quote of doc.quotes) {
    quote.sources.forEach((span, i) => fragments.push({ ...span, role: 'source', key: `${quote.id}s${i}` }));
    quote.cue.forEach((span, i) => fragments.push({ ...span, role: 'cue', key: `${quote.id}c${i}` }));
    quote.contents.forEach((span, i) => fragments.push({ ...span, role: 'content', key: `${quote.id}t${i}` }));
  }
  fragments.sort((a, b) => a.start - b.start);
  const sentences: TaggedSentence[] = [];
  for (const sentence of unit === 'paragraph' ? splitParagraphs(doc.text) : splitSentences(doc.text)) {
    let previous = '';
    const tags: Tag[] = sentence.tokens.map((token) => {
      const fragment = fragments.find((f) => token.end > f.start && token.end <= f.end);
      if (!fragment) {
        previous = '';
        return 'O';
      }
      const tag = (previous === fragment.key ? 'I-' : 'B-') + fragment.role;
      previous = fragment.key;
      return tag as Tag;
    });
    sentences.push({
      doc: doc.id,
      start: sentence.start,
      end: sentence.end,
      tokens: sentence.tokens,
      words: sentence.tokens.map((token) => doc.text.slice(token.start, token.end)),
      tags,
    });
  }
  return sentences;
}

export interface BioSentence {
  id: string;
  tokens: string[];
  labels: Tag[];
}

export function readBioFile(path: string): BioSentence[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const row = JSON.parse(line) as { id: string; tokens: string[]; labels: Tag[] };
      return { id: row.id, tokens: row.tokens, labels: row.labels };
    });
}

/** Spans [start, end) per role from a BIO sequence, read the way CofeNet's scorer reads them. */
export function chunksOf(tags: readonly string[]): { role: string; start: number; end: number }[] {
  const chunks: { role: string; start: number; end: number }[] = [];
  let role = '';
  let start = -1;
  const close = (at: number): void => {
    if (start >= 0) chunks.push({ role, start, end: at });
    start = -1;
    role = '';
  };
  tags.forEach((tag, i) => {
    if (tag.startsWith('B-')) {
      close(i);
      role = tag.slice(2);
      start = i;
    } else if (tag.startsWith('I-')) {
      if (start < 0 || tag.slice(2) !== role) close(i);
    } else {
      close(i);
    }
  });
  close(tags.length);
  return chunks;
}
