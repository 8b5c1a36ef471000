/**
 * What the framing passes need to know about one document, built once: its kept sentences and
 * paragraphs, its outlet, its quotes (whose words a span is), the spans inside quotation marks,
 * and its entity mentions in text order. Every lookup is an index, so each pass stays linear in
 * the length of the document.
 */
import type { Entity, EntityType, Quote } from '../contract.js';
import { groupBy } from '../crossdoc/group-by.js';
import type { Doc, Span } from '../document.js';
import { outletOf } from '../crossdoc/documents.js';
import { scanQuoteMarks } from '../quotes/marks.js';
import { SpanIndex } from '../text/spans.js';

/** An entity mention with its entity's id and type. */
export interface MentionAt extends Span {
  entity: string;
  type: EntityType;
  kind: Entity['mentions'][number]['kind'];
}

interface QuoteContent extends Span {
  quote: Quote;
}

export interface FramingDoc {
  id: string;
  text: string;
  /** The outlet's name, or the document id when it has none. */
  outlet: string;
  sentences: readonly Span[];
  quotes: readonly Quote[];
  /** The paragraph holding `span`, if any. */
  paragraphOf(span: Span): Span | null;
  /** The innermost quote whose content holds all of `span`, if any; only quotes that carry someone's words (see `speaks`). */
  quoteAt(span: Span): Quote | null;
  /** True when `span` lies inside quotation marks. */
  inQuotationMarks(span: Span): boolean;
  /** The parts of `span` in the outlet's own words: outside every quote's content and every pair of quotation marks. */
  ownWords(span: Span): Span[];
  /** The entity mentions that start in `from`..`to` (both included), in text order. */
  mentionsIn(from: number, to: number): MentionAt[];
  /** The entity mentions that start in sentence `index`, in text order. */
  sentenceMentions(index: number): readonly MentionAt[];
}

/** A word of the text, lower-cased for lookups. */
export interface Word extends Span {
  lower: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;

/** The words inside `parts` of `text`, in order: what the opinion and tone lexicons are looked up with. */
export function wordsIn(text: string, parts: readonly Span[]): Word[] {
  const words: Word[] = [];
  for (const part of parts) {
    const slice = text.slice(part.start, part.end);
    WORD.lastIndex = 0;
    for (let match = WORD.exec(slice); match; match = WORD.exec(slice)) {
      words.push({ start: part.start + match.index, end: part.start + match.index + match[0].length, lower: match[0].toLowerCase().replace(/’/gu, "'") });
    }
  }
  return words;
}

/**
 * True when a quote carries someone's words: the quote stage read its cue as speech or an
 * accusation ("said", "accused", "according to"; not a belief or a fear), or its words stand in
 * quotation marks and the speaker is a known actor. Anything else it offers ("openly supports …",
 * "deepened fears of …") is the outlet's own wording, and a loaded word in it is the outlet's choice.
 */
export function speaks(quote: Quote): boolean {
  // A non-answer gives the speaker no words of their own in the piece.
  if (quote.negated) return false;
  if (quote.attributionKind === 'speech' || quote.attributionKind === 'accusation') return true;
  return quote.kind !== 'indirect' && quote.speaker.entity !== null;
}

/** The framing view of every document, given the resolved quotes and entities of the run. */
export function framingDocs(docs: readonly Readonly<Doc>[], quotes: readonly Quote[], entities: readonly Entity[]): FramingDoc[] {
  const text = new Map(docs.map((doc) => [doc.id, doc.text]));
  const quotesOf = groupBy(
    quotes.filter((quote) => text.has(quote.doc) && speaks(quote)),
    (quote) => quote.doc,
  );
  const mentionsOf = new Map<string, MentionAt[]>();
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      const list = mentionsOf.get(mention.doc) ?? [];
      list.push({ start: mention.start, end: mention.end, entity: entity.id, type: entity.type, kind: mention.kind });
      mentionsOf.set(mention.doc, list);
    }
  }
  return docs.map((doc) => {
    const segment = doc.results.segment;
    const sentences = segment?.sentences ?? [];
    const paragraphs = new SpanIndex(segment?.paragraphs ?? []);
    const docQuotes = quotesOf.get(doc.id) ?? [];
    const contents = new SpanIndex<QuoteContent>(docQuotes.map((quote) => ({ start: quote.content.start, end: quote.content.end, quote })));
    const marks = new SpanIndex(scanQuoteMarks(doc.text, segment?.paragraphs ?? []).quotes.map((quoted) => quoted.inner));
    const sorted = (mentionsOf.get(doc.id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end);
    const mentions = new SpanIndex(sorted);
    // Sentences and mentions are both in text order: one walk files every mention under its sentence.
    let next = 0;
    const bySentence = sentences.map((sentence) => {
      while (next < sorted.length && sorted[next]!.start < sentence.start) next++;
      const first = next;
      while (next < sorted.length && sorted[next]!.start < sentence.end) next++;
      return sorted.slice(first, next);
    });
    return {
      id: doc.id,
      text: doc.text,
      outlet: outletOf(doc) ?? doc.id,
      sentences,
      quotes: docQuotes,
      paragraphOf: (span) => paragraphs.containing(span)[0] ?? null,
      quoteAt: (span) => {
        const holding = contents.containing(span);
        return holding.length ? holding.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a)).quote : null;
      },
      inQuotationMarks: (span) => marks.containsAny(span),
      ownWords: (span) => without(span, [...contents.overlapping(span), ...marks.overlapping(span)]),
      mentionsIn: (from, to) => mentions.startingIn(from, to),
      sentenceMentions: (index) => bySentence[index] ?? [],
    };
  });
}

/** `span` less the `holes` (in any order, overlapping allowed), as the pieces left in order. */
function without(span: Span, holes: readonly Span[]): Span[] {
  const pieces: Span[] = [];
  let at = span.start;
  for (const hole of [...holes].sort((a, b) => a.start - b.start)) {
    if (hole.start > at) pieces.push({ start: at, end: Math.min(hole.start, span.end) });
    at = Math.max(at, hole.end);
    if (at >= span.end) break;
  }
  if (at < span.end) pieces.push({ start: at, end: span.end });
  return pieces;
}
