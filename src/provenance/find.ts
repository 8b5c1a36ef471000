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
import type { Doc, Span } from '../document.js';
import { normaliseName } from '../identity/names.js';
import { scanQuoteMarks } from '../quotes/marks.js';
import type { FoundQuote } from '../stages/04-quotes/index.js';
import { findCitations, type Family } from './citations.js';
import { classifyCitation, type ClassifyContext } from './classify.js';

export interface ProvenanceContext {
  /** Outlets of every document in the run, in normal form. */
  outlets: ReadonlySet<string>;
  /** This document's entities, with only this document's mentions. */
  entities: readonly Entity[];
  /** Every entity by normal-form name and alias, to resolve a name mentioned without a tagged mention. */
  byName: ReadonlyMap<string, Entity>;
}

/** The outlet a document names or was given, as the contract reports it. */
export function outletOf(doc: Readonly<Doc>): string | null {
  return doc.meta.outlet ?? doc.results.clean?.outlet?.name ?? null;
}

/**
 * The provenance of every document, with cited names resolved to `entities` (the identity
 * stage's), in document order.
 *
 * @example findCorpusProvenance(docs, entities)[0] // { doc: '000', outlet: 'Express.co.uk', cites: [{ name: 'Express.co.uk', relation: 'told', … }] }
 */
export function findCorpusProvenance(docs: readonly Readonly<Doc>[], entities: readonly Entity[]): Provenance[] {
  // Each document sees its own mentions only, grouped once, so resolving a name stays local.
  const local = new Map<string, Entity[]>();
  const byName = new Map<string, Entity>();
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) if (!byName.has(normaliseName(name))) byName.set(normaliseName(name), entity);
    for (const [doc, mentions] of groupBy(entity.mentions, (mention) => mention.doc)) {
      const list = local.get(doc);
      if (list) list.push({ ...entity, mentions });
      else local.set(doc, [{ ...entity, mentions }]);
    }
  }
  // The run's outlets by every name their entity goes by: the wire that signs "VPA" is cited as
  // "the Valdoria Press Agency".
  const outlets = new Set(docs.map(outletOf).filter((outlet): outlet is string => outlet !== null).map(normaliseName));
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases].map(normaliseName);
    if (names.some((name) => outlets.has(name))) for (const name of names) outlets.add(name);
  }
  return docs.map((doc) => ({ doc: doc.id, outlet: outletOf(doc), cites: findProvenance(doc, { outlets, entities: local.get(doc.id) ?? [], byName }) }));
}

export function findProvenance(doc: Readonly<Doc>, context: ProvenanceContext): CitedSource[] {
  const sentences = doc.results.segment?.sentences ?? [];
  const paragraphs = doc.results.segment?.paragraphs ?? [];
  const quotes = doc.results.quotes?.quotes ?? [];
  const own = outletOf(doc);
  const classify: ClassifyContext = { outlets: context.outlets, entityType: (span) => entityFor(doc, span, context)?.type ?? null };

  // Quoted words are the speaker's: a source named inside them is not cited by the article.
  const blank = quoted(doc.text, paragraphs, quotes);
  const cites: CitedSource[] = [];
  const add = (phrase: Span, family: Family, apposition: Span | null, sentence: Span | null, quote: string | null) => {
    const named = classifyCitation(doc.text, phrase, family, apposition, classify);
    if (!named) return;
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
    cites.push({ name: written, kind, entity, start: name.start, end: name.end, relation, quote: quote ?? (sentence ? quoteAt(name, sentence, quotes) : null) });
  };

  for (const sentence of sentences) {
    const view = blanked(doc.text, sentence, blank);
    for (const found of findCitations(view)) {
      const shift = (span: Span) => ({ start: span.start + sentence.start, end: span.end + sentence.start });
      add(shift(found.phrase), found.family, found.apposition ? shift(found.apposition) : null, sentence, null);
    }
  }
  // The quote stage's relay ("quoted by …") where no pattern read it.
  for (const quote of quotes) {
    if (quote.via && !cites.some((cite) => cite.start < quote.via!.span.end && quote.via!.span.start < cite.end)) {
      add(quote.via.span, 'relay', null, null, quote.id);
    }
  }
  return deduplicated(cites);
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
function blanked(text: string, sentence: Span, blank: readonly Span[]): string {
  let view = text.slice(sentence.start, sentence.end);
  for (const span of blank) {
    const from = Math.max(span.start, sentence.start) - sentence.start;
    const to = Math.min(span.end, sentence.end) - sentence.start;
    if (to > from) view = view.slice(0, from) + ' '.repeat(to - from) + view.slice(to);
  }
  return view;
}

/**
 * The quote a citation belongs to: one whose relay, channel, speaker or cue it overlaps, or else
 * the quote whose cue is nearest in the same sentence (outside the quote's own words).
 */
function quoteAt(span: Span, sentence: Span, quotes: readonly FoundQuote[]): string | null {
  const touches = (other: Span | null | undefined) => !!other && other.start < span.end && span.start < other.end;
  const direct = quotes.find((quote) => touches(quote.via?.span) || touches(quote.channel?.span) || touches(quote.speaker.mention) || touches(quote.cue));
  if (direct) return direct.id;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const quote of quotes) {
    if (!quote.cue || quote.cue.start < sentence.start || quote.cue.end > sentence.end || touches(quote.content)) continue;
    const distance = Math.min(Math.abs(span.start - quote.cue.end), Math.abs(quote.cue.start - span.end));
    if (distance < bestDistance) {
      best = quote.id;
      bestDistance = distance;
    }
  }
  return best;
}

/** The entity named at `span`: a mention that covers most of it, or else an entity with that very name. */
function entityFor(doc: Readonly<Doc>, span: Span, context: ProvenanceContext): Entity | null {
  let best: Entity | null = null;
  let bestOverlap = 0;
  for (const entity of context.entities) {
    for (const mention of entity.mentions) {
      const overlap = Math.min(mention.end, span.end) - Math.max(mention.start, span.start);
      if (mention.doc === doc.id && overlap > bestOverlap) {
        best = entity;
        bestOverlap = overlap;
      }
    }
  }
  if (best && bestOverlap * 2 >= span.end - span.start) return best;
  return context.byName.get(normaliseName(doc.text.slice(span.start, span.end))) ?? null;
}

/** One citation per span: the first found wins, and a later one inside or around it is dropped. */
function deduplicated(cites: CitedSource[]): CitedSource[] {
  const kept: CitedSource[] = [];
  for (const cite of cites) {
    const clash = kept.findIndex((other) => other.start < cite.end && cite.start < other.end);
    if (clash < 0) kept.push(cite);
    else if (!kept[clash]!.quote && cite.quote) kept[clash] = { ...kept[clash]!, quote: cite.quote };
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
