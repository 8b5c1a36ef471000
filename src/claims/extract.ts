/**
 * Check-worthy claims of one document: the factual propositions a fact-checker would want to
 * cross-check, each with who it is attributed to, how it is hedged, its polarity and the
 * entities it is about.
 *
 * A claim is a sentence in the outlet's own voice, or the content of a quote (then it is the
 * speaker's claim, not the outlet's). Questions, headlines, prescriptions ("should", "must"),
 * bare reporting frames and sentences about nobody are not claims. We wrote this ourselves: the
 * check-worthiness models we know of (ClaimBuster and its successors) need a pretrained encoder,
 * and what matters here is the attribution, which comes from our own quote stage.
 */
import type { Quote, CitedSource } from '../contract.js';
import type { Span } from '../document.js';
import { findHedges, polarityOf, type PhraseMatch } from './hedges.js';

export interface ClaimAttribution {
  kind: 'outlet' | 'speaker' | 'source';
  name: string | null;
  entity: string | null;
  quote: string | null;
}

/** An entity mention: where it is, and which entity it names. */
export interface EntityAt extends Span {
  entity: string;
}

export interface ClaimCandidate extends Span {
  doc: string;
  text: string;
  /** The sentence the claim sits in: hedges and citations around the claim are read there. */
  sentence: Span;
  attribution: ClaimAttribution;
  hedges: PhraseMatch[];
  polarity: 'positive' | 'negative';
  /** Entity ids in order of first mention, and the mentions themselves. */
  entities: string[];
  mentions: EntityAt[];
}

export interface ClaimDocument {
  id: string;
  text: string;
  sentences: readonly (Span & { headline?: boolean })[];
  quotes: readonly Quote[];
  /** Entity mentions of this document, ordered by start. */
  mentions: readonly EntityAt[];
  cites: readonly CitedSource[];
}

export interface ClaimOptions {
  /** Fewest words a claim may have. */
  minWords: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** Prescriptions and predictions of the outlet's own: opinion, not a checkable fact. */
const OPINION = /\b(?:should|must|ought to|it is not hard to guess|doomed to|we (?:must|should)|let us|needs? to be)\b/iu;
/** A capitalised word after the first: a name the tagger may have missed ("the Nasdaq index"). */
const NAME_INSIDE = /\s[“"‘(]?\p{Lu}\p{Ll}/u;
const NUMBER_WORD = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|percent|percentage|half|third|quarter)\b/iu;
const DATE_WORD = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|yesterday|today|tonight)\b/iu;
/** A speaker's appeal or promise ("I call on ...", "We will send ..."): an act, not a checkable fact. */
const PERFORMATIVE = /^(?:and\s+|so\s+|therefore,?\s+)?(?:i|we)\s+(?:(?:also|myself|hereby|once again)\s+)?(?:address|appeal|call|urge|demand|ask|invite|promise|pledge|vow|will|shall|want|hope|wish|support|oppose|condemn|welcome|thank|regret|apologi[sz]e|are sorry|am sorry)\b/iu;
/** A sentence about the article itself, not the story: "This article was distributed by … and is republished under licence". */
const ABOUT_THE_ARTICLE = /^(?:this|the)\s+(?:article|story|report|piece|post|content)\b[^.]*?\b(?:distributed|republished|published|licen[cs]ed?|updated|corrected|appeared|syndicated)\b/iu;
/** A sentence that only introduces a quote ("He said:") or points to more reading. */
const FRAME_ONLY = /^(?:\p{L}+\s+){0,4}(?:said|says|added|wrote|told|explained|noted|continued)\s*[:,.]?$/iu;

/** Content that is only an aim ("to weaken Israel") after a verb of wanting: a decision or a refusal ("decided to raise the dividend") is still an act. */
const AIM = /^to\s+\p{L}/u;
const WANTING = /\b(?:wants?|wanted|wanting|wish(?:es|ed)?|hopes?|hoped|seeks?|sought|aims?|aimed|intends?|intended|longs?|longed)$/iu;

function isWish(text: string, quote: Quote): boolean {
  return quote.attributionKind === 'belief' && quote.cue !== null && WANTING.test(text.slice(quote.cue.start, quote.cue.end)) && AIM.test(text.slice(quote.content.start, quote.content.end));
}

/** The claims of one document, in text order. */
export function extractClaims(doc: ClaimDocument, options: ClaimOptions): ClaimCandidate[] {
  const claims: ClaimCandidate[] = [];
  // A non-answer ("did not say how much escaped") puts no claim in its speaker's mouth; nor does
  // an intention ("the Kremlin, which wants to weaken Israel"): "to weaken Israel" states nothing,
  // and the sentence, the outlet's claim about that intention, is read as the outlet's own.
  const spoken = doc.quotes
    .filter((quote) => !quote.negated && quote.content.end > quote.content.start && !isWish(doc.text, quote))
    .sort((a, b) => a.content.start - b.content.start);
  // Sentences and quotes are both in text order, so the quotes that may overlap a sentence are
  // found from a pointer that only moves forward: linear in a document's length.
  let firstOpen = 0;
  for (const sentence of doc.sentences) {
    if (sentence.headline) continue;
    const sentenceText = doc.text.slice(sentence.start, sentence.end);
    if (/\?["'”’»)]*\s*$/u.test(sentenceText)) continue;
    while (firstOpen < spoken.length && spoken[firstOpen]!.content.end <= sentence.start) firstOpen += 1;
    const inside: Quote[] = [];
    for (let index = firstOpen; index < spoken.length && spoken[index]!.content.start < sentence.end; index += 1) {
      if (sentence.start < spoken[index]!.content.end) inside.push(spoken[index]!);
    }
    if (inside.length) {
      for (const quote of inside) {
        // A quote that runs over several sentences gives one claim per sentence it covers.
        const span = trimQuoted(doc.text, { start: Math.max(sentence.start, quote.content.start), end: Math.min(sentence.end, quote.content.end) });
        if (!span || PERFORMATIVE.test(doc.text.slice(span.start, span.end))) continue;
        // Reported speech cut short ("Prosecutors said Paracha, if convicted, could face ...")
        // still attributes the sentence: the whole sentence is the speaker's claim.
        const reported = quote.kind !== 'direct' && wordsIn(doc.text, span) < options.minWords ? trimQuoted(doc.text, sentence) : span;
        const claim = reported && candidate(doc, reported, sentence, speakerOf(quote, doc.cites), options, [], true);
        if (claim) claims.push(claim);
      }
      continue;
    }
    const span = trimQuoted(doc.text, sentence);
    if (!span) continue;
    const text = doc.text.slice(span.start, span.end);
    if (OPINION.test(text) || FRAME_ONLY.test(text) || ABOUT_THE_ARTICLE.test(text)) continue;
    const claim = candidate(doc, span, sentence, sourceOf(doc, sentence), options, quotedWords(doc.text, span));
    if (claim) claims.push(claim);
  }
  return claims;
}

function candidate(
  doc: ClaimDocument,
  span: Span,
  sentence: Span,
  attribution: ClaimAttribution,
  options: ClaimOptions,
  scareQuotes: readonly Span[],
  attributed = false,
): ClaimCandidate | null {
  const text = doc.text.slice(span.start, span.end);
  if (wordsIn(doc.text, span) < options.minWords) return null;
  const mentions = mentionsIn(doc.mentions, span);
  const entities = [...new Set(mentions.map((mention) => mention.entity))];
  // A checkable fact is about someone or something nameable, or gives a figure or a date; what a
  // named speaker asserts is checkable as their claim.
  if (!attributed && !entities.length && !/\d/.test(text) && !DATE_WORD.test(text) && !NUMBER_WORD.test(text) && !NAME_INSIDE.test(text)) return null;
  return {
    doc: doc.id,
    start: span.start,
    end: span.end,
    text,
    sentence: { start: sentence.start, end: sentence.end },
    attribution,
    hedges: findHedges(doc.text, sentence),
    polarity: polarityOf(doc.text, span, scareQuotes),
    entities,
    mentions,
  };
}

/** Kinds of cited source that report rather than claim: what they say is relayed news. */
const NEWS_KINDS = new Set<CitedSource['kind']>(['news-agency', 'outlet']);

/**
 * The speaker a quoted claim is attributed to; a news agency or outlet "saying" something ("...,
 * the Valdoria Press Agency reported") is a relayed report, so it is a source, not a speaker.
 */
function wordsIn(text: string, span: Span): number {
  return text.slice(span.start, span.end).match(WORD)?.length ?? 0;
}

function speakerOf(quote: Quote, cites: readonly CitedSource[]): ClaimAttribution {
  const mention = quote.speaker.mention;
  const news = mention && cites.some((cite) => NEWS_KINDS.has(cite.kind) && cite.start < mention.end && mention.start < cite.end);
  // What a poll, record or inquiry shows is a cited source, not a speaker's word.
  const source = news || quote.attributionKind === 'evidence';
  return { kind: source ? 'source' : 'speaker', name: quote.speaker.name ?? quote.speaker.role, entity: quote.speaker.entity, quote: quote.id };
}

/** "according to X", "reports X": the outlet leans on a cited source in this very sentence. */
function sourceOf(doc: ClaimDocument, sentence: Span): ClaimAttribution {
  const cited = doc.cites.find(
    (cite) => cite.quote === null && cite.start >= sentence.start && cite.end <= sentence.end && (cite.relation === 'according-to' || cite.relation === 'relays'),
  );
  if (!cited) return { kind: 'outlet', name: null, entity: null, quote: null };
  return { kind: 'source', name: cited.name, entity: cited.entity, quote: null };
}

/** The mentions lying inside `span`, found by binary search in mentions ordered by start. */
function mentionsIn(mentions: readonly EntityAt[], span: Span): EntityAt[] {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle]!.start < span.start) low = middle + 1;
    else high = middle;
  }
  const inside: EntityAt[] = [];
  for (let index = low; index < mentions.length && mentions[index]!.start < span.end; index += 1) {
    if (mentions[index]!.end <= span.end) inside.push(mentions[index]!);
  }
  return inside;
}

/** The span without surrounding quotation marks, dashes and spaces; null when nothing is left. */
function trimQuoted(text: string, span: Span): Span | null {
  const slice = text.slice(span.start, span.end);
  const lead = slice.length - slice.replace(/^[\s"'“”‘’«»„‚‹›—–-]+/u, '').length;
  const trail = slice.length - slice.replace(/[\s"'“”‘’«»„‚‹›]+$/u, '').length;
  const start = span.start + lead;
  const end = span.end - trail;
  return end > start ? { start, end } : null;
}

/** Words the outlet puts in quotation marks inside its own sentence: they are someone else's. */
function quotedWords(text: string, span: Span): Span[] {
  const spans: Span[] = [];
  const pattern = /[“"‘«]([^”"’»]{1,200})[”"’»]/gu;
  const slice = text.slice(span.start, span.end);
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    spans.push({ start: span.start + match.index, end: span.start + match.index + match[0].length });
  }
  return spans;
}
