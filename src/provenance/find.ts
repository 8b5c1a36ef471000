/**
 * Provenance of one document: every source it cites or relays, with the words that cite it.
 * Two finders meet here: the citation patterns over each kept sentence (src/provenance/
 * citations.ts), and what the quote stage already found around each quote (its channel and the
 * outlet it relays). A citation next to a quote's cue belongs to that quote.
 *
 * The relation comes from the phrasing and the kind:
 * - told: the article's own outlet got the words ("Express.co.uk has been told", "told this newspaper");
 * - relays: another outlet or agency got them first ("quoted by Newsweek", "reports The Telegraph",
 *   "according to TASS", "told Reuters", "in an interview with CNN");
 * - channel: where a speaker said it (a platform: "on Telegram"; an official medium: "a statement
 *   on the ministry's website", "told state television");
 * - according-to: any other source the article leans on (an official, a document, an unnamed
 *   source, a person or an organisation).
 */
import type { CitedSource, Entity, Provenance } from '../contract.js';
import { groupBy } from '../crossdoc/group-by.js';
import { outletOf } from '../crossdoc/documents.js';
import { SpanIndex } from '../text/spans.js';
import { bySpanOrder, type Doc, type Span } from '../document.js';
import { normaliseName } from '../identity/names.js';
import { scanQuoteMarks } from '../quotes/marks.js';
import type { FoundQuote } from '../stages/04-quotes/index.js';
import { findCitations, type Family } from './citations.js';
import { classifyCitation, type ClassifyContext } from './classify.js';

interface EntityMention extends Span {
  entity: Entity;
}

export interface ProvenanceContext {
  /** Outlets of every document in the run, in normal form. */
  outlets: ReadonlySet<string>;
  /** This document's entity mentions, indexed. */
  mentions: SpanIndex<EntityMention>;
  /** Every entity by normal-form name and alias, to resolve a name mentioned without a tagged mention. */
  byName: ReadonlyMap<string, Entity>;
}


/**
 * The provenance of every document, with cited names resolved to `entities` (the identity
 * stage's), in document order.
 *
 * @example findCorpusProvenance(docs, entities)[0] // { doc: '000', outlet: 'Express.co.uk', cites: [{ name: 'Express.co.uk', relation: 'told', … }] }
 */
export function findCorpusProvenance(docs: readonly Readonly<Doc>[], entities: readonly Entity[]): Provenance[] {
  const byName = new Map<string, Entity>();
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) if (!byName.has(normaliseName(name))) byName.set(normaliseName(name), entity);
  }
  // Each document's own mentions, grouped once, so resolving a name stays local.
  const mentions = groupBy(
    entities.flatMap((entity) => entity.mentions.map((mention) => ({ start: mention.start, end: mention.end, doc: mention.doc, entity }))),
    (mention) => mention.doc,
  );
  // The run's outlets by every name their entity goes by: the wire that signs "VPA" is cited as
  // "the Valdoria Press Agency".
  const outlets = new Set(docs.map(outletOf).filter((outlet): outlet is string => outlet !== null).map(normaliseName));
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases].map(normaliseName);
    if (names.some((name) => outlets.has(name))) for (const name of names) outlets.add(name);
  }
  return docs.map((doc) => ({
    doc: doc.id,
    outlet: outletOf(doc),
    cites: findProvenance(doc, { outlets, mentions: new SpanIndex(mentions.get(doc.id) ?? []), byName }),
  }));
}

export function findProvenance(doc: Readonly<Doc>, context: ProvenanceContext): CitedSource[] {
  const sentences = doc.results.segment?.sentences ?? [];
  const paragraphs = doc.results.segment?.paragraphs ?? [];
  const quotes = doc.results.quotes?.quotes ?? [];
  const own = outletOf(doc);
  const classify: ClassifyContext = { outlets: context.outlets, entityType: (span) => entityFor(doc, span, context)?.type ?? null };
  // Quoted words are the speaker's: a source named inside them is not cited by the article.
  const blank = new SpanIndex(quoted(doc.text, paragraphs, quotes));
  const belongs = quoteFinder(quotes);

  const cite = (phrase: Span, family: Family, apposition: Span | null, quote: string | (() => string | null)): CitedSource | null => {
    const named = classifyCitation(doc.text, phrase, family, apposition, classify);
    if (!named) return null;
    const { name, kind } = named;
    const written = doc.text.slice(name.start, name.end);
    const self = family === 'self' || (own !== null && isOwnOutlet(written, own));
    const media = kind === 'news-agency' || kind === 'outlet';
    const relation: CitedSource['relation'] =
      media && (family === 'self' || (family === 'told' && self))
        ? 'told'
        : kind === 'social' || family === 'venue' || (family === 'told' && !media)
          ? 'channel'
          : media
            ? 'relays'
            : 'according-to';
    const entity = kind === 'anonymous' || kind === 'document' ? null : (entityFor(doc, name, context)?.id ?? null);
    return { name: written, kind, entity, start: name.start, end: name.end, relation, quote: typeof quote === 'string' ? quote : quote() };
  };

  const cites: CitedSource[] = [];
  for (const sentence of sentences) {
    const view = blanked(doc.text, sentence, blank);
    const shift = (span: Span) => ({ start: span.start + sentence.start, end: span.end + sentence.start });
    // One citation per span within the sentence: the first pattern that reads it wins.
    const found: CitedSource[] = [];
    for (const raw of findCitations(view)) {
      const phrase = shift(raw.phrase);
      const made = cite(phrase, raw.family, raw.apposition ? shift(raw.apposition) : null, () => belongs(phrase, sentence));
      if (made && !found.some((other) => other.start < made.end && made.start < other.end)) found.push(made);
    }
    cites.push(...found);
  }
  // The quote stage's relay ("quoted by …") where no pattern read it.
  const read = new SpanIndex([...cites]);
  const relayed = new Set<string>();
  for (const quote of quotes) {
    if (!quote.via || read.overlapsAny(quote.via.span) || relayed.has(`${quote.via.span.start}:${quote.via.span.end}`)) continue;
    relayed.add(`${quote.via.span.start}:${quote.via.span.end}`);
    const made = cite(quote.via.span, 'relay', null, quote.id);
    if (made) cites.push(made);
  }
  return cites.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** "the Herald" in the Northgate Herald, "Express" in Express.co.uk: the article names its own outlet. */
function isOwnOutlet(written: string, own: string): boolean {
  const bare = (name: string) => normaliseName(name).replace(/\.(?:co\.uk|com|org|net|news)$/u, '').split(/[\s.]+/u);
  const ownWords = new Set(bare(own));
  return bare(written).every((word) => ownWords.has(word));
}

/** Spans of quoted words: direct quotes' content and everything inside quotation marks. */
function quoted(text: string, paragraphs: readonly Span[], quotes: readonly FoundQuote[]): Span[] {
  const spans: Span[] = quotes.filter((quote) => quote.kind === 'direct').map((quote) => quote.content);
  for (const mark of scanQuoteMarks(text, paragraphs).quotes) {
    if (mark.depth > 0) continue;
    for (const piece of mark.pieces) spans.push({ start: piece.start + 1, end: Math.max(piece.start + 1, piece.end - 1) });
  }
  return spans;
}

/** The sentence's text with quoted words turned to spaces, so offsets stay those of the sentence. */
function blanked(text: string, sentence: Span, blank: SpanIndex<Span>): string {
  const pieces: string[] = [];
  let at = sentence.start;
  for (const span of blank.overlapping(sentence).sort(bySpanOrder)) {
    const from = Math.max(span.start, at);
    const to = Math.min(span.end, sentence.end);
    if (to <= from) continue;
    pieces.push(text.slice(at, from), ' '.repeat(to - from));
    at = to;
  }
  pieces.push(text.slice(at, sentence.end));
  return pieces.join('');
}

interface QuotePart extends Span {
  quote: FoundQuote;
}

/**
 * Which quote a citation belongs to: one whose relay, channel, speaker or cue it overlaps (the
 * first such quote), or else the quote whose cue is nearest in the same sentence, outside the
 * quote's own words.
 */
function quoteFinder(quotes: readonly FoundQuote[]): (span: Span, sentence: Span) => string | null {
  const parts: QuotePart[] = [];
  const cues: QuotePart[] = [];
  for (const quote of quotes) {
    for (const part of [quote.via?.span, quote.channel?.span, quote.speaker.mention, quote.cue]) if (part) parts.push({ start: part.start, end: part.end, quote });
    if (quote.cue) cues.push({ start: quote.cue.start, end: quote.cue.end, quote });
  }
  const partIndex = new SpanIndex(parts);
  const cueIndex = new SpanIndex(cues);
  return (span, sentence) => {
    const [touched] = partIndex.overlapping(span);
    if (touched) return touched.quote.id;
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const cue of cueIndex.within(sentence)) {
      const content = cue.quote.content;
      if (content.start < span.end && span.start < content.end) continue;
      const distance = Math.min(Math.abs(span.start - cue.end), Math.abs(cue.start - span.end));
      if (distance < bestDistance) {
        best = cue.quote.id;
        bestDistance = distance;
      }
    }
    return best;
  };
}

/** The entity named at `span`: a mention that covers most of it, or else an entity with that very name. */
function entityFor(doc: Readonly<Doc>, span: Span, context: ProvenanceContext): Entity | null {
  let best: Entity | null = null;
  let bestOverlap = 0;
  for (const mention of context.mentions.overlapping(span)) {
    const overlap = Math.min(mention.end, span.end) - Math.max(mention.start, span.start);
    if (overlap > bestOverlap) {
      best = mention.entity;
      bestOverlap = overlap;
    }
  }
  if (best && bestOverlap * 2 >= span.end - span.start) return best;
  return context.byName.get(normaliseName(doc.text.slice(span.start, span.end))) ?? null;
}
