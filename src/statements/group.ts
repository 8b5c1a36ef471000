/**
 * Statements: the same utterance by the same speaker, as several outlets quote it. Outlets cut a
 * statement differently (one long quote here, three short ones there) and translate it
 * differently ("I address the leaders of Muslim nations" / "I call on the leaders of Muslim
 * countries"), so quotes are compared sentence by sentence, and two quotes are one statement when
 * any of their sentences render the same words. Only quotes of one speaker are ever compared:
 * two speakers' words are never one statement, and an unresolved speaker's words stay alone.
 * Indirect reports of the speaker that match a statement are linked to it.
 */
import { diffWords } from 'diff';
import type { Quote, Statement } from '../contract.js';
import { candidatePairs } from '../crossdoc/candidates.js';
import { DisjointSets } from '../crossdoc/disjoint-sets.js';
import { groupBy } from '../crossdoc/group-by.js';
import { contentKeys } from '../crossdoc/keys.js';
import type { PropositionJudge } from '../claims/group.js';
import type { Span } from '../document.js';

export interface StatementOptions {
  /** `same` at or above this makes two quoted sentences one utterance. */
  utteranceThreshold: number;
  /** `same` at or above this links an indirect report to a statement. */
  reportThreshold: number;
}

interface QuotedSentence {
  quote: number;
  text: string;
}

/** What the grouping reads of a quote: the quote itself and its document's text. */
export interface QuoteInText {
  quote: Quote;
  text: string;
}

export function groupStatements<Prepared>(quotes: readonly QuoteInText[], judge: PropositionJudge<Prepared>, options: StatementOptions): Statement[] {
  const speakerKeys = quotes.map(({ quote }) => speakerKey(quote));
  const sentences: QuotedSentence[] = [];
  const sentencesOf = quotes.map(() => [] as number[]);
  quotes.forEach(({ quote, text }, index) => {
    if (!speakerKeys[index]) return;
    for (const sentence of quotedSentences(text, quote.content)) {
      sentencesOf[index]!.push(sentences.length);
      sentences.push({ quote: index, text: sentence });
    }
  });
  const prepared = sentences.map((sentence) => judge.prepare(sentence.text, []));
  const keys = sentences.map((sentence) => contentKeys(sentence.text).map((key) => `${speakerKeys[sentence.quote]}|${key}`));
  // One shared word is enough here: only one speaker's sentences are ever compared, and two
  // translations of one sentence may share little more than a name.
  const pairs = candidatePairs(keys, {
    minShared: 1,
    window: CANDIDATE_WINDOW,
    maxCandidates: 20,
    comparable: (a, b) => quotes[sentences[a]!.quote]!.quote.doc !== quotes[sentences[b]!.quote]!.quote.doc,
  });

  const sets = new DisjointSets(quotes.length);
  const best = new Map<number, { quote: number; score: number }>();
  for (const [a, b] of pairs) {
    const left = sentences[a]!.quote;
    const right = sentences[b]!.quote;
    const score = judge.compare(prepared[a]!, prepared[b]!).same;
    const leftRenders = isRendering(quotes[left]!.quote);
    const rightRenders = isRendering(quotes[right]!.quote);
    if (leftRenders && rightRenders) {
      if (score >= options.utteranceThreshold) sets.union(left, right);
      continue;
    }
    // An indirect report is linked to the rendering it matches best, never merged into it.
    if (!leftRenders && !rightRenders) continue;
    if (score < options.reportThreshold) continue;
    const [report, rendering] = leftRenders ? [right, left] : [left, right];
    const known = best.get(report);
    if (!known || score > known.score) best.set(report, { quote: rendering, score });
  }
  // A quote that carries on the one before it (no cue of its own) is part of the same utterance.
  const byId = new Map(quotes.map(({ quote }, index) => [quote.id, index]));
  quotes.forEach(({ quote }, index) => {
    const previous = quote.continues ? byId.get(quote.continues) : undefined;
    if (previous !== undefined && speakerKeys[previous] === speakerKeys[index]) sets.union(previous, index);
  });

  const statements: Statement[] = [];
  const statementOf = new Map<number, Statement>();
  for (const group of sets.groups()) {
    const renderings = group.filter((index) => isRendering(quotes[index]!.quote) && speakerKeys[index]);
    const documents = [...new Set(renderings.map((index) => quotes[index]!.quote.doc))];
    if (documents.length < 2) continue;
    const first = quotes[renderings[0]!]!.quote;
    const statement: Statement = {
      id: `statement-${statements.length + 1}`,
      story: null,
      speaker: first.speaker.entity,
      speakerName: first.speaker.name ?? first.speaker.role,
      quotes: renderings.map((index) => quotes[index]!.quote.id),
      reports: [],
      variants: variantsOf(renderings, quotes, sentencesOf, sentences, prepared, judge, options.utteranceThreshold),
      documents,
    };
    statements.push(statement);
    for (const index of group) statementOf.set(index, statement);
  }
  for (const [report, { quote }] of [...best].sort((a, b) => a[0] - b[0])) {
    const statement = statementOf.get(quote);
    if (statement && !statement.quotes.includes(quotes[report]!.quote.id)) statement.reports.push(quotes[report]!.quote.id);
  }
  return statements;
}

/** How many later sentences of the same speaker sharing a word each sentence meets. */
const CANDIDATE_WINDOW = 10;

/** Direct, partial and mixed quotes render the speaker's words; indirect ones report them. */
function isRendering(quote: Quote): boolean {
  return quote.kind !== 'indirect';
}

function speakerKey(quote: Quote): string | null {
  if (quote.speaker.entity) return quote.speaker.entity;
  const name = quote.speaker.name?.trim().toLowerCase();
  return name ? `name:${name}` : null;
}

/** The sentences of a quote's content, without quotation marks. */
function quotedSentences(text: string, content: Span): string[] {
  const body = text.slice(content.start, content.end).replace(/[“”"«»„]/gu, ' ');
  return body
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}“"‘'])/u)
    .map((sentence) => sentence.replace(/\s+/gu, ' ').trim())
    .filter((sentence) => /\p{L}{2}/u.test(sentence));
}

/**
 * Each document's rendering after the first, diffed word by word against the first: every
 * sentence of the first rendering is paired with its best match in the other, so a reader sees
 * the two wordings of one sentence side by side, not two unrelated texts.
 */
function variantsOf<Prepared>(
  renderings: readonly number[],
  quotes: readonly QuoteInText[],
  sentencesOf: readonly number[][],
  sentences: readonly QuotedSentence[],
  prepared: readonly Prepared[],
  judge: PropositionJudge<Prepared>,
  threshold: number,
): Statement['variants'] {
  const byDoc = groupBy(renderings, (index) => quotes[index]!.quote.doc);
  const [firstDoc, ...others] = [...byDoc.values()];
  const firstSentences = firstDoc!.flatMap((index) => sentencesOf[index]!);
  return others.map((indexes) => {
    const otherSentences = indexes.flatMap((index) => sentencesOf[index]!);
    const diff: Statement['variants'][number]['diff'] = [];
    for (const a of firstSentences) {
      let bestScore = threshold;
      let match: number | null = null;
      for (const b of otherSentences) {
        const score = judge.compare(prepared[a]!, prepared[b]!).same;
        if (score >= bestScore) {
          bestScore = score;
          match = b;
        }
      }
      if (match === null) continue;
      if (diff.length) diff.push({ op: 'same', text: ' … ' });
      for (const part of diffWords(sentences[a]!.text, sentences[match]!.text)) {
        diff.push({ op: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value });
      }
    }
    return { quote: quotes[indexes[0]!]!.quote.id, doc: quotes[indexes[0]!]!.quote.doc, diff };
  });
}
