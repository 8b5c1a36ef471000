/**
 * Stage 4, quotes: who said what. A trained sequence tagger (src/quotes) tags source, cue and
 * content a paragraph at a time (the neural tagger by default, the linear labeller with
 * `attribution: 'fast'`); a quote-mark pass joins multi-sentence and multi-paragraph
 * quotes and catches direct quotes the labeller missed; a resolution pass names each speaker
 * ("he said" → the last named speaker), and finds the channel, the relaying outlet and the
 * quotes that carry on a previous speaker without a cue of their own. Every attribution says
 * whether it reports speech, a belief, evidence or an accusation.
 */
import { z } from 'zod';
import type { Quote } from '../../contract.js';
import type { Message, Span } from '../../document.js';
import { extractQuotes } from '../../quotes/extract.js';
import { loadAccurateTagger } from '../../quotes/neural.js';
import { defineDocumentStage } from '../../stage.js';

declare module '../../document.js' {
  interface StageResults {
    quotes: QuotesResult;
  }
}

/** A quote as the contract has it, minus the entity id (filled in once identities are known). */
export interface FoundQuote extends Omit<Quote, 'doc'> {
  /** The named mention the speaker resolves to (may be far from the quote, e.g. for "he said"). */
  speakerAntecedent: Span | null;
  /** Several named actors speak together ("The towns of Brenna and Ostport"): no one entity is the speaker. */
  speakerGroup: boolean;
}

export interface QuotesResult {
  quotes: FoundQuote[];
}

export const quotesOptions = z
  .object({
    /**
     * 'all' (default) keeps every attribution with its kind: speech, belief, evidence or
     * accusation (a cue that names none of these, with a clause to report, as a belief, as
     * PolNeAR annotates them); 'cued' leaves those out; 'speech' keeps only what was said or written.
     */
    attributions: z.enum(['speech', 'cued', 'all']).default('all'),
    /**
     * 'accurate' (default): the neural tagger where a sentence has a cue word, a quotation mark or
     * a linear find, the linear labeller elsewhere (see models/quotes-neural); 'fast': the linear
     * labeller alone, several times faster, fewer attributions and speakers right.
     */
    attribution: z.enum(['fast', 'accurate']).default('accurate'),
  })
  .strict();

export const quotesStage = defineDocumentStage({
  name: 'quotes',
  summary: 'find direct, partial and indirect quotes with their cue, speaker, channel and relay',
  options: quotesOptions,
  run(doc, options) {
    const segment = doc.results.segment;
    if (!segment) {
      return {
        result: { quotes: [] },
        messages: [{ doc: doc.id, stage: 'quotes', rule: 'quotes/no-sentences', severity: 'warning', text: 'No sentences to read: the segment stage did not run, so no quotes were looked for.' }],
      };
    }
    const titles: Span[] = [];
    if (doc.results.clean?.title) titles.push(doc.results.clean.title);
    if (doc.meta.titleSpan) titles.push(doc.meta.titleSpan);
    const extraction = extractQuotes({
      text: doc.text,
      sentences: segment.sentences,
      paragraphs: segment.paragraphs,
      removed: doc.results.clean?.removed ?? [],
      mentions: doc.results.mentions?.mentions ?? [],
      titles,
    }, options.attribution === 'accurate' ? loadAccurateTagger() : undefined, { attributions: options.attributions });
    const ids = extraction.quotes.map((_, i) => `${doc.id}/q${i + 1}`);
    const quotes: FoundQuote[] = extraction.quotes.map((quote, i) => ({
      id: ids[i]!,
      kind: quote.kind,
      attributionKind: quote.attribution,
      content: quote.content,
      cue: quote.cue ? { start: quote.cue.start, end: quote.cue.end } : null,
      speaker: { name: quote.speaker.name, entity: null, role: quote.speaker.role, mention: quote.speaker.mention, affiliation: null },
      channel: quote.channel ? { text: quote.channel.text, span: { start: quote.channel.start, end: quote.channel.end } } : null,
      via: quote.via ? { name: quote.via.text, entity: null, span: { start: quote.via.start, end: quote.via.end } } : null,
      continues: quote.continues === null ? null : (ids[quote.continues] ?? null),
      negated: quote.negated,
      speakerAntecedent: quote.speakerAntecedent,
      speakerGroup: quote.speakerGroup,
    }));
    const messages: Message[] = extraction.unbalanced.map((problem) => ({
      doc: doc.id,
      stage: 'quotes',
      rule: 'quotes/unbalanced',
      severity: 'warning',
      text:
        problem.kind === 'never-closed'
          ? 'A quotation mark opens here and never closes; the quote is read to the end of its paragraph.'
          : 'A closing quotation mark here has no opening mark before it.',
      start: problem.start,
      end: problem.end,
    }));
    return { result: { quotes }, messages };
  },
});
