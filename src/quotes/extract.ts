/**
 * Turns one document into attributions: the tagger reads each paragraph and its tags are read
 * sentence by sentence (source, cue, content),
 * the quote-mark pass joins what sentence splitting cut apart and catches direct quotes the
 * labeller missed, and a resolution pass gives every speaker a name, a role, a channel and a
 * relay. Each attribution carries its kind (speech, belief, evidence, accusation; see
 * attribution.ts), which also adds the non-speech cues the labeller missed. Kept apart from the
 * stage module so it can be tested on plain inputs.
 */
import type { Span } from '../document.js';
import { overlaps } from '../document.js';
import type { Token } from '../text/tokens.js';
import { attributionOf, EVIDENCE_CUES, EVIDENCE_SOURCES, findCues, type Attribution } from './attribution.js';
import { findChannel, findVia, isOutletName, type Found } from './channel.js';
import { labelTokens } from './labeller.js';
import { CUE_VERBS, PERSON_PRONOUNS, SPEECH_CUES, SPEECH_NOUNS } from './lexicon.js';
import { scanQuoteMarks, type QuotedSpan, type UnbalancedMark } from './marks.js';
import { carriesContent, isNegatedCue, isSpeakerMention, isSpeakerName } from './plausible.js';
import type { AttributionTagger } from './labeller.js';
import type { Tag } from './perceptron.js';
import { chunksOf } from './polnear.js';
import { bareName, capitalisedRuns, LINKS, readSource, trimSpan, type NamedMention, type SourceReading } from './speaker.js';
import { firstEndingAfter, lastStartingBefore, SpanIndex, spanIndexOf } from '../text/spans.js';

export interface QuoteSentence extends Span {
  tokens: readonly Token[];
  headline?: boolean;
}

export interface QuoteInput {
  text: string;
  sentences: readonly QuoteSentence[];
  paragraphs: readonly Span[];
  /** Debris removed by cleaning: nothing inside is ever reported. */
  removed: readonly Span[];
  /** Named-entity mentions, if the NER stage ran (may be empty). */
  mentions: readonly NamedMention[];
  /** Headlines and titles: quotes there are not speech reports. */
  titles: readonly Span[];
}

export type QuoteKind = 'direct' | 'partial' | 'indirect' | 'mixed';

export interface ExtractedQuote {
  kind: QuoteKind;
  attribution: Attribution;
  content: Span;
  cue: Span | null;
  speaker: { name: string | null; role: string | null; mention: Span | null };
  speakerAntecedent: Span | null;
  /** The speaker is several named actors at once ("Brenna and Ostport"): no one entity stands for it. */
  speakerGroup: boolean;
  channel: Found | null;
  via: Found | null;
  /** Index (into the result) of the quote this one continues. */
  continues: number | null;
  /** The cue says the content was not said ("did not say whether", "declined to say"). */
  negated: boolean;
}

export interface Extraction {
  quotes: ExtractedQuote[];
  unbalanced: UnbalancedMark[];
}

interface Draft {
  contents: Span[];
  cue: Span | null;
  source: Span | null;
  /** Sentence index of the cue (or of the first content). */
  sentence: number;
  /** Set when a quote has no cue and carries on the speaker before it. */
  continuation: boolean;
  /** "X is said to …": reported with no speaker at all. */
  hearsay?: boolean;
  /** Set on the second piece of "“A,” he said, “B.”": it carries on the draft just before it. */
  splitOff?: boolean;
  /** The source with the relative clause that `source` leaves out, when it is to be the mention. */
  sourceWhole?: Span;
}

/**
 * The drafts of one document, for the quote-mark pass: which drafts have content touching a quote
 * (asked for quotes in text order), and which belong to given sentences, both in the drafts'
 * own order, without a scan of every draft per quote.
 */
class DraftSweep {
  private readonly order = new Map<Draft, number>();
  private readonly bySentence = new Map<number, Draft[]>();
  /** Drafts not yet reached, by where their content starts, latest first. */
  private readonly waiting: Draft[];
  /** Drafts whose content reaches the current quote or beyond. */
  private active: Draft[] = [];

  constructor(drafts: readonly Draft[]) {
    for (const draft of drafts) this.file(draft);
    this.waiting = drafts.filter((draft) => draft.contents.length > 0).sort((a, b) => firstStart(b) - firstStart(a));
  }

  /** A draft added after the sweep started. */
  add(draft: Draft): void {
    this.file(draft);
    this.active.push(draft);
  }

  /**
   * Drafts with content overlapping `quote`. Quotes must come in order of their start: a draft
   * whose contents all end before a quote starts can touch no later quote (contents change only
   * on drafts that touch the current quote).
   */
  touching(quote: Span): Draft[] {
    while (this.waiting.length > 0 && firstStart(this.waiting[this.waiting.length - 1]!) < quote.end) this.active.push(this.waiting.pop()!);
    this.active = this.active.filter((draft) => draft.contents.some((content) => content.end > quote.start));
    return this.active.filter((draft) => draft.contents.some((content) => overlaps(content, quote))).sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  /** Drafts whose sentence lies between `from` and `to`, both included. */
  inSentences(from: number, to: number): Draft[] {
    const found: Draft[] = [];
    for (let sentence = from; sentence <= to; sentence++) found.push(...(this.bySentence.get(sentence) ?? []));
    return found.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  private file(draft: Draft): void {
    this.order.set(draft, this.order.size);
    const list = this.bySentence.get(draft.sentence);
    if (list) list.push(draft);
    else this.bySentence.set(draft.sentence, [draft]);
  }
}

function firstStart(draft: Draft): number {
  return Math.min(...draft.contents.map((content) => content.start));
}

const TOLD_TAIL = /,\s*(?:the\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*)*\s+(?:has|have|had)\s+been\s+told\s*\.?\s*$|,\s*(?:the\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*)*\s+(?:was|were)\s+told\s*\.?\s*$/u;

const HEARSAY_CUE = /^(?:is|are|was|were|has been|have been|had been)\s+(?:said|reported|believed|thought|understood|known|rumou?red|alleged|expected|claimed)$/iu;

const SPEECH_END = /[.?!…,;:—–-]$/u;
const NAMING_WORDS = /\b(?:called|named|dubbed|titled|entitled|known as|so-called|codenamed|code-named|labelled|labeled|branded|nicknamed|termed)\s*$/iu;
const SKIPPED_LINE = /^(?:read|read more|see also|related|don[’']t miss|watch|listen|more)\s*[:…]/iu;

/** Token texts with straight quotes turned the way they face, so the labeller sees one spelling. */
function tokenWords(text: string, tokens: readonly Token[]): string[] {
  return tokens.map((token) => {
    const w = text.slice(token.start, token.end);
    if (w === '"' || w === "'") {
      const before = text[token.start - 1];
      const opens = before === undefined || /[\s(\[{—–-]/u.test(before);
      if (w === '"') return opens ? '“' : '”';
      return opens ? '‘' : '’';
    }
    return w;
  });
}

function wordCount(text: string, span: Span): number {
  return text.slice(span.start, span.end).split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A quoted span reads as speech (not a scare quote or a name) when it is long or sentence-like. */
function speechLike(text: string, quote: QuotedSpan): boolean {
  const words = wordCount(text, quote.inner);
  const inner = text.slice(quote.inner.start, quote.inner.end).trim();
  if (NAMING_WORDS.test(text.slice(Math.max(0, quote.start - 30), quote.start))) return words >= 6;
  if (words >= 6) return true;
  return words >= 3 && SPEECH_END.test(inner) && /^\p{Lu}/u.test(inner);
}

/**
 * Most tokens one tagging unit holds: the taggers read whole paragraphs, as they were trained
 * (PolNeAR paragraphs average 44 tokens), but a text with no paragraph breaks must not make one
 * unit of thousands of sentences.
 */
const UNIT_TOKENS = 200;

/**
 * Each usable sentence's tags (null for the others), read a paragraph at a time: content that
 * runs over a sentence end ("He said the pier would close. Repairs would take a year.") is
 * one span to a tagger that sees both sentences, and two cut-off pieces to one that sees each
 * alone (on PolNeAR dev, content F1 62.2 on paragraphs, 55.7 sentence by sentence). A tag that
 * goes on from the sentence before starts its sentence's tags as an `I-` tag.
 */
function tagParagraphs(text: string, sentences: readonly QuoteSentence[], usable: readonly boolean[], paragraphs: readonly Span[], model: AttributionTagger | undefined): (Tag[] | null)[] {
  const out: (Tag[] | null)[] = sentences.map(() => null);
  let paragraph = 0;
  let unit: number[] = [];
  let unitTokens = 0;
  let unitParagraph = -1;
  const flush = (): void => {
    if (unit.length === 0) return;
    const words = unit.flatMap((index) => tokenWords(text, sentences[index]!.tokens));
    const tags = labelTokens(words, model);
    let at = 0;
    for (const index of unit) {
      const n = sentences[index]!.tokens.length;
      out[index] = tags.slice(at, at + n);
      at += n;
    }
    unit = [];
    unitTokens = 0;
  };
  sentences.forEach((sentence, index) => {
    while (paragraph < paragraphs.length && paragraphs[paragraph]!.end <= sentence.start) paragraph++;
    const inParagraph = paragraph < paragraphs.length && paragraphs[paragraph]!.start <= sentence.start ? paragraph : -1;
    if (!usable[index] || sentence.tokens.length === 0) {
      flush();
      return;
    }
    if (inParagraph !== unitParagraph || inParagraph < 0 || unitTokens + sentence.tokens.length > UNIT_TOKENS) flush();
    unit.push(index);
    unitTokens += sentence.tokens.length;
    unitParagraph = inParagraph;
  });
  flush();
  return out;
}

/** Most words between two content pieces on one side of a cue that still make one report ("that A, and that B"). */
const CONTENT_GAP_WORDS = 4;

/**
 * True when `piece` lies on the same side of `cue` as content the cue already has, beyond a run
 * of words the labeller left out: "called for more information …, looping the streets around the
 * stadium while chanting “Open the books”" holds two reports, and one span from the first to the
 * chant would report every word between them as said.
 */
function farBeyondContent(text: string, cue: Span, contents: readonly Span[], piece: Span): boolean {
  const after = piece.start >= cue.end;
  const sameSide = contents.filter((content) => (content.start >= cue.end) === after);
  if (sameSide.length === 0) return false;
  const nearest = after ? sameSide.reduce((a, b) => (b.end > a.end ? b : a)) : sameSide.reduce((a, b) => (b.start < a.start ? b : a));
  const gap = after ? { start: nearest.end, end: piece.start } : { start: piece.end, end: nearest.start };
  return gap.end > gap.start && wordCount(text, gap) > CONTENT_GAP_WORDS;
}

/** Reporting participles that open a second attribution inside a clause: "…, saying the US had failed". */
const PARTICIPLE_CUES = new Set(['saying', 'adding', 'claiming', 'insisting', 'arguing', 'warning', 'stressing', 'noting', 'declaring']);

const GERUND_AFTER = new Set(['in', 'by', 'of', 'for', 'without', 'about', 'from', 'on']);

/**
 * Content that runs through a reporting participle outside quotation marks holds a second
 * attribution: the participle becomes its cue and what follows its content. Rewrites `tags` in
 * place and returns the token indices of the new cues.
 */
function splitAtParticiple(words: readonly string[], tags: Tag[], quoted: (i: number) => boolean): Set<number> {
  const cues = new Set<number>();
  for (let i = 1; i + 1 < words.length; i++) {
    // "right in saying the quay …": after a preposition the participle is a gerund, not a cue.
    if (!PARTICIPLE_CUES.has(words[i]!.toLowerCase()) || quoted(i) || GERUND_AFTER.has(words[i - 1]!.toLowerCase())) continue;
    if (tags[i] !== 'I-content' || tags[i + 1] !== 'I-content') continue;
    tags[i] = 'B-cue';
    tags[i + 1] = 'B-content';
    cues.add(i);
  }
  return cues;
}

/** Verbs whose object is part of what was said: "praised Putin personally for his stance". */
const OBJECT_CUES = new Set('praise praises praised praising accuse accuses accused accusing blame blames blamed blaming thank thanks thanked thanking criticise criticises criticised criticize criticizes criticized condemn condemns condemned congratulate congratulates congratulated'.split(' '));

/** Verbs whose object is the stance itself: "expressed support for", "voiced concern about". */
const STANCE_VERBS = /^(?:express|expresses|expressed|expressing|voice|voices|voiced|voicing|offer|offers|offered|offering|pledge|pledges|pledged|pledging)$/u;

/**
 * Rewrites, in place, cue tags on words that cannot be a cue: "According" without its "to"; a
 * name in a list ("the meetings between Putin, Hamas, and Iran could …"), which belongs to the
 * content before it; the object of "praised Putin personally for …", which opens the content.
 */
function repairCueTags(words: readonly string[], tags: Tag[]): void {
  for (let i = 0; i < words.length; i++) {
    if (tags[i] !== 'B-cue') continue;
    let end = i + 1;
    while (end < words.length && tags[end] === 'I-cue') end++;
    const cue = words.slice(i, end);
    const lower = cue.map((word) => word.toLowerCase());
    if (lower.length === 1 && lower[0] === 'according' && words[i + 1]?.toLowerCase() === 'to') {
      tags[i + 1] = 'I-cue';
      if (tags[i + 2] === 'I-content') tags[i + 2] = 'B-content';
      continue;
    }
    // "The leaked documents reveal": the record is the source, only the verb is the cue.
    const record = lower.findIndex((word, k) => EVIDENCE_SOURCES.has(word) && EVIDENCE_CUES.has(lower[k + 1] ?? ''));
    if (record >= 0 && lower.slice(0, record + 1).every((word) => !CUE_VERBS.has(word))) {
      const joins = i > 0 && tags[i - 1]!.endsWith('source');
      for (let k = i; k <= i + record; k++) tags[k] = k === i && !joins ? 'B-source' : 'I-source';
      tags[i + record + 1] = 'B-cue';
      continue;
    }
    const isName = cue.some((word) => /^\p{Lu}/u.test(word)) && cue.every((word) => /^\p{Lu}/u.test(word) || !/\p{L}/u.test(word)) && !lower.some((word) => CUE_VERBS.has(word));
    if (isName) {
      let from = i;
      while (from > 0 && from > i - 8 && tags[from - 1] === 'O' && /^(?:,|and|or|&|\p{Lu}.*)$/u.test(words[from - 1]!)) from--;
      if (from > 0 && tags[from - 1]!.endsWith('content')) {
        for (let k = from; k < end; k++) tags[k] = 'I-content';
        if (tags[end] === 'B-content') tags[end] = 'I-content';
      }
      continue;
    }
    // "expressed support for Palestine": what was expressed is the support, so it opens the content.
    const stance = lower.findIndex((word) => !AUXILIARY.test(word));
    if (stance >= 0 && stance + 1 < lower.length && STANCE_VERBS.test(lower[stance]!) && tags[end] === 'B-content') {
      tags[i + stance + 1] = 'B-content';
      for (let k = i + stance + 2; k <= end; k++) tags[k] = 'I-content';
      continue;
    }
    const object = lower.findIndex((_, k) => k > 0 && /^\p{Lu}/u.test(cue[k]!) && lower.slice(0, k).some((word) => OBJECT_CUES.has(word)));
    if (object > 0) {
      tags[i + object] = 'B-content';
      for (let k = i + object + 1; k < end; k++) tags[k] = 'I-content';
      if (tags[end] === 'B-content') tags[end] = 'I-content';
    }
  }
}

/**
 * Joins a cue and a second cue that only finishes its channel ("noted" … "Foreign Policy:") into
 * one cue, so the channel is cut out of it later as for any other cue. The channel is the one
 * `findChannel` reads: it must run from the gap to the end of the second cue.
 */
function joinChannelledCues<C extends { role: string; span: Span; at: number }>(text: string, chunks: C[]): C[] {
  const out: C[] = [];
  for (const chunk of chunks) {
    const last = out[out.length - 1];
    if (chunk.role === 'cue' && last?.role === 'cue') {
      const gap = text.slice(last.span.end, chunk.span.start);
      const from = last.span.end + gap.length - gap.trimStart().length;
      const channel = findChannel(text, { start: from, end: chunk.span.end }, [], null);
      const rest = channel ? text.slice(channel.end, chunk.span.end) : '';
      if (channel && channel.start === from && /^[\s.,;:]*$/u.test(rest)) {
        out[out.length - 1] = { ...last, span: { start: last.span.start, end: chunk.span.end } };
        continue;
      }
    }
    out.push(chunk);
  }
  return out;
}

export interface ExtractOptions {
  /**
   * 'all' keeps every attribution, each with its kind (speech, belief, evidence, accusation),
   * those whose cue names none of these as beliefs, as PolNeAR's broad definition has them;
   * 'cued' leaves those out; 'speech' keeps only what was said or written.
   */
  attributions: 'speech' | 'cued' | 'all';
}

/** Content that is only a name: "the Middle East", "Sanders". */
const BARE_NAME = /^(?:[Tt]he\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,4}[.,]?$/u;

/** Verbs that report speech with any complement, so "and warned the vote …" is a second report, not more content. */
const CLAUSE_CUES = new Set('said says insisted insists argued argues claimed claims stated states warned warns maintained maintains'.split(' '));
/** Adverbs that may stand between "and" and a second cue: "and later added". */
const CUE_ADVERBS = new Set(['also', 'later', 'then', 'further', 'again']);

/** "past" for said/added, "present" for says/adds, "participle" for saying: coordinated cues share it. */
function cueForm(word: string): 'past' | 'present' | 'participle' {
  if (word.endsWith('ing')) return 'participle';
  return /[^s]s$/u.test(word) ? 'present' : 'past';
}

/**
 * "X said it would cut the timetable and called the strike “regrettable”": a second cue
 * coordinated with the first, with no subject of its own, starts a second attribution with the
 * same source; the first content stops before "and". The second verb counts as a cue only when
 * it has the first one's tense and what follows reads as something said (a "that" clause, words
 * in quotation marks, a colon, or a verb that reports whatever follows), so "said prices rose
 * and added pressure on families" stays one report.
 */
function withCoordinatedCues(text: string, tokens: readonly Token[], drafts: Draft[], quoted: (i: number) => boolean): Draft[] {
  const out: Draft[] = [];
  for (const draft of drafts) {
    out.push(draft);
    let current = draft;
    while (current.cue && current.source && current.contents.length > 0) {
      const firstCue = text.slice(current.cue.start, current.cue.end).toLowerCase().split(/\s+/u).pop() ?? '';
      const piece = current.contents[current.contents.length - 1]!;
      const from = tokenAt(tokens, piece.start);
      let split: { and: number; cue: Span; content: Span } | null = null;
      for (let k = from + 1; k < tokens.length && tokens[k]!.end <= piece.end && !split; k++) {
        if (tokenText(text, tokens, k).toLowerCase() !== 'and' || quoted(k)) continue;
        let verb = k + 1;
        if (CUE_ADVERBS.has(tokenText(text, tokens, verb).toLowerCase())) verb++;
        const word = tokenText(text, tokens, verb).toLowerCase();
        const isCall = /^call(?:s|ed)?$/u.test(word);
        if (!(SPEECH_CUES.has(word) || isCall) || cueForm(word) !== cueForm(firstCue) || !(SPEECH_CUES.has(firstCue) || CUE_VERBS.has(firstCue))) continue;
        let contentAt = verb + 1;
        const next = tokenText(text, tokens, contentAt).toLowerCase();
        if (isCall && (next === 'for' || next === 'on')) contentAt++;
        const rest = { start: tokens[contentAt]?.start ?? piece.end, end: piece.end };
        if (rest.start >= rest.end) continue;
        const restText = text.slice(rest.start, rest.end);
        const saysSomething = isCall ? contentAt > verb + 1 || /[“"]/u.test(restText) : next === 'that' || /^[,:]/u.test(next) || /[“"]/u.test(restText) || CLAUSE_CUES.has(word);
        if (!saysSomething) continue;
        const cue = { start: tokens[verb]!.start, end: tokens[contentAt - 1]!.end };
        split = { and: k, cue, content: /^[,:]$/u.test(next) ? { start: tokens[contentAt + 1]?.start ?? rest.end, end: rest.end } : rest };
      }
      if (!split || split.content.start >= split.content.end) break;
      current.contents[current.contents.length - 1] = trimSpan(text, { start: piece.start, end: tokens[split.and - 1]!.end });
      const second: Draft = { contents: [split.content], cue: split.cue, source: current.source, sentence: current.sentence, continuation: false };
      out.push(second);
      current = second;
    }
  }
  return out;
}

/** A refusal whose cue the tagger cut before "to" ("declined" + "to comment on the collapse"). */
const REFUSING = /^(?:declined|declines|declining|refused|refuses|refusing)\s+to\b/iu;
const STOPPED_SHORT = /\bstop(?:s|ped|ping)? short of\b/iu;

/**
 * The sentence's drafts with the attributions the labeller missed (see `findCues`) added in text
 * order: a found cue counts only where the labeller tagged nothing, since what it tagged it reads
 * with more context than a pattern does.
 */
function withFoundCues(text: string, sentence: QuoteSentence, sentenceIndex: number, drafts: Draft[], quoted: (i: number) => boolean): Draft[] {
  // "The port authority reopened the quay, noting …": a trailing participle's speaker is the
  // sentence's subject, not the whole clause before the comma, nor an object before the
  // participle ("He offered himself as a mediator saying …").
  for (const draft of drafts) {
    if (!draft.cue || !/^(?:adding|noting|telling|suggesting|saying)$/iu.test(text.slice(draft.cue.start, draft.cue.end))) continue;
    const subject = openingSubject(text, sentence.tokens, tokenAt(sentence.tokens, draft.cue.start));
    if (subject && (!draft.source || draft.source.start > subject.end || (subject.start === draft.source.start && subject.end < draft.source.end))) draft.source = subject;
  }
  // "The authority expects the pier to reopen, a spokesman said.": a closing cue with no content
  // yet reports the clause before it, found cues in that clause included.
  if (drafts.some((draft) => draft.cue && draft.contents.length === 0)) return drafts;
  const taken = drafts.flatMap((draft) => [draft.cue, draft.source, ...draft.contents]).filter((span): span is Span => span !== null);
  const added: Draft[] = [];
  for (const found of findCues(text, sentence.tokens, quoted)) {
    if (taken.some((span) => overlaps(span, found.cue) || overlaps(span, found.content))) continue;
    const cueAt = tokenAt(sentence.tokens, found.cue.start);
    const source = found.source ?? (found.sourceBefore ? sourceBefore(text, sentence.tokens.slice(0, cueAt)) : openingSubject(text, sentence.tokens, cueAt));
    // "A survey shows most residents oppose the toll": a cue inside another attribution's clause is part of its content.
    if (found.sourceBefore && source && taken.some((span) => overlaps(span, source))) continue;
    added.push({ contents: [found.content], cue: found.cue, source, sentence: sentenceIndex, continuation: false });
    taken.push(found.cue, found.content);
  }
  if (added.length === 0) return drafts;
  const at = (draft: Draft): number => (draft.cue ?? draft.source ?? draft.contents[0]!).start;
  return [...drafts, ...added].sort((a, b) => at(a) - at(b));
}

export function extractQuotes(input: QuoteInput, model?: AttributionTagger, options: ExtractOptions = { attributions: 'all' }): Extraction {
  const { text, sentences } = input;
  // Span questions asked once per sentence, draft or quote go through indexes: scans of every
  // span each time made long documents quadratic.
  const removed = new SpanIndex(input.removed);
  const paragraphs = input.paragraphs.filter((paragraph) => !removed.containsAny(paragraph));
  const scan = scanQuoteMarks(text, paragraphs);
  const blocked = new SpanIndex([...input.removed, ...input.titles, ...sentences.filter((s) => s.headline)]);
  const usable = sentences.map((sentence) => !blocked.overlapsAny(sentence) && !SKIPPED_LINE.test(text.slice(sentence.start, sentence.end)));
  const quoteSpans = scan.quotes.filter((quote) => quote.depth === 0 && !blocked.overlapsAny(quote));
  const quoteIndex = spanIndexOf(quoteSpans);
  const doubleInners = new SpanIndex(quoteSpans.filter((quote) => quote.double).map((quote) => quote.inner));
  const insideQuote = (span: Span): boolean => doubleInners.containsAny(span);
  const speechLikeOnce = new Map<QuotedSpan, boolean>();
  const isSpeechLike = (quote: QuotedSpan): boolean => {
    let known = speechLikeOnce.get(quote);
    if (known === undefined) {
      known = speechLike(text, quote);
      speechLikeOnce.set(quote, known);
    }
    return known;
  };

  // 1. The labeller over whole paragraphs, then local repairs inside each sentence.
  const drafts: Draft[] = [];
  const sentenceTags = tagParagraphs(text, sentences, usable, paragraphs, model);
  /** The draft whose content ran to the end of the last sentence tagged, when the tags carry it on. */
  let runningOn: Draft | null = null;
  /** A source that ran to the end of the last sentence with no cue there ("Rep. Ann Lee (D-Ore." | ") said …"). */
  let pendingSource: Span | null = null;
  sentences.forEach((sentence, index) => {
    const tags = sentenceTags[index];
    const carried = runningOn;
    const heldSource = pendingSource;
    runningOn = null;
    pendingSource = null;
    if (!tags) return;
    const words = tokenWords(text, sentence.tokens);
    // Content the tagger carries over from the sentence before goes on that sentence's attribution.
    const carriesOn = carried !== null && tags[0] === 'I-content';
    const sourceGoesOn = heldSource !== null && tags[0] === 'I-source';
    // "…,” said Rep. Jo Crow (D-N.Y." | "), a leading advocate for …": the speaker the sentence
    // split cut goes on in this sentence.
    const previousEnd = sentences[index - 1]?.tokens.at(-1)?.end;
    const cutSource = !sourceGoesOn && tags[0] === 'I-source' && previousEnd !== undefined ? drafts.findLast((draft) => draft.source?.end === previousEnd) : undefined;
    if (tags[0]?.startsWith('I-')) tags[0] = `B-${tags[0].slice(2)}` as Tag;
    repairCueTags(words, tags);
    const participles = splitAtParticiple(words, tags, (i) => insideQuote(sentence.tokens[i]!));
    const chunks = joinChannelledCues(
      text,
      chunksOf(tags).map((chunk) => ({
        role: chunk.role,
        span: { start: sentence.tokens[chunk.start]!.start, end: sentence.tokens[chunk.end - 1]!.end },
        at: chunk.start,
        to: chunk.end,
      })),
    );
    // A cue inside quotation marks is speech within speech: the quote itself is the attribution.
    const cues = chunks.filter((chunk) => chunk.role === 'cue' && !insideQuote(chunk.span));
    const sentenceDrafts: Draft[] = cues.map((cue) => ({ contents: [], cue: trimCue(text, cue.span), source: null, sentence: index, continuation: false }));
    // A chunk goes to the cue just before it when no other chunk stands between them ("said in
    // a statement on Tuesday that …, according to the agency": the content is what was said;
    // "expressed support for Palestine, accused Israel …": "Palestine" to the cue it follows),
    // else to the cue fewest tokens from its edge.
    const nearestCue = (chunk: { at: number; to: number }): number => {
      const before = cues.findLastIndex((cue) => cue.to <= chunk.at);
      if (before >= 0 && !chunks.some((other) => other.role !== 'cue' && other.at >= cues[before]!.to && other.to <= chunk.at)) return before;
      let best = -1;
      let distance = Infinity;
      cues.forEach((cue, k) => {
        const d = cue.to <= chunk.at ? chunk.at - cue.to : cue.at - chunk.to;
        if (d < distance) {
          distance = d;
          best = k;
        }
      });
      return best;
    };
    let endingContent: Span | null = null;
    for (const chunk of chunks) {
      if (chunk.role === 'cue') continue;
      if (chunk.role === 'content' && chunk.at === 0 && carriesOn) {
        // "“A. B,” he said.": content with no cue before this sentence's goes to this sentence's cue.
        if (!carried.cue && !carried.source && cues.length > 0) {
          sentenceDrafts[nearestCue(chunk)]!.contents.push(...carried.contents, chunk.span);
          carried.contents = [];
          continue;
        }
        carried.contents.push(chunk.span);
        if (chunk.span.end === sentence.tokens[sentence.tokens.length - 1]!.end) runningOn = carried;
        continue;
      }
      if (chunk.role === 'source' && chunk.at === 0 && cutSource) {
        cutSource.source = { start: cutSource.source!.start, end: chunk.span.end };
        continue;
      }
      if (chunk.role === 'content' && chunk.span.end === sentence.tokens[sentence.tokens.length - 1]!.end) endingContent = chunk.span;
      const k = nearestCue(chunk);
      if (chunk.role === 'source') {
        const span = chunk.at === 0 && sourceGoesOn ? { start: heldSource.start, end: chunk.span.end } : chunk.span;
        if (k >= 0 && !sentenceDrafts[k]!.source) sentenceDrafts[k]!.source = span;
        else if (k < 0 && span.end === sentence.tokens[sentence.tokens.length - 1]!.end) pendingSource = span;
      } else if (k >= 0 && !farBeyondContent(text, cues[k]!.span, sentenceDrafts[k]!.contents, chunk.span)) {
        sentenceDrafts[k]!.contents.push(chunk.span);
      } else {
        sentenceDrafts.push({ contents: [chunk.span], cue: null, source: null, sentence: index, continuation: false });
      }
    }
    // "He offered himself as a mediator, saying …": the participle's speaker is the clause's subject.
    cues.forEach((cue, k) => {
      if (!participles.has(cue.at) || sentenceDrafts[k]!.source) return;
      const before = sentenceDrafts.slice(0, k).reverse().find((draft) => draft.source);
      if (before) sentenceDrafts[k]!.source = before.source;
    });
    // "…, a sound decision for the port, Sen. Ada Rimm (R-S.C." | ") told …": the sentence split
    // cut the speaker, and the content before it went with the first half.
    if (sourceGoesOn) {
      const target = sentenceDrafts.find((draft) => draft.cue && draft.source?.start === heldSource.start && draft.contents.length === 0);
      const orphan = drafts.findLast((draft) => !draft.cue && !draft.source && draft.contents.length > 0);
      if (target && orphan && /^[\s,]*$/u.test(text.slice(orphan.contents[orphan.contents.length - 1]!.end, heldSource.start))) {
        target.contents.push(...orphan.contents);
        orphan.contents = [];
      }
    }
    const labelled = sentenceDrafts.filter((draft) => draft.contents.length > 0 || draft.source);
    const quotedAt = (i: number): boolean => insideQuote(sentence.tokens[i]!);
    const repaired = repairSentence(text, sentence, index, withCoordinatedCues(text, sentence.tokens, withFoundCues(text, sentence, index, labelled, quotedAt), quotedAt));
    drafts.push(...repaired);
    if (endingContent) {
      const last = endingContent;
      runningOn = repaired.find((draft) => draft.contents.some((piece) => piece.start === last.start)) ?? null;
    }
  });

  // 2. Quote marks: stretch content to the whole quote, merge cue-less pieces of one quote, and
  //    add speech-like quotes the labeller missed.
  const touchingDrafts = new DraftSweep(drafts);
  for (const quote of quoteSpans) {
    const touching = touchingDrafts.touching(quote);
    const owner = touching.find((draft) => draft.cue);
    if (owner) {
      for (const other of touching) {
        if (other === owner || other.cue) continue;
        owner.contents.push(...other.contents);
        other.contents = [];
      }
      // Content that starts or ends inside the quote covers the whole quote.
      owner.contents = owner.contents.map((content) =>
        overlaps(content, quote) && (content.start > quote.start || content.end < quote.end) && (content.start >= quote.start || content.end <= quote.end)
          ? { start: Math.min(content.start, quote.start), end: Math.max(content.end, quote.end) }
          : content,
      );
      continue;
    }
    for (const other of touching) other.contents = other.contents.filter((content) => !overlaps(content, quote));
    if (!quote.double && wordCount(text, quote.inner) < 6) continue;
    if (!isSpeechLike(quote)) continue;
    const first = firstEndingAfter(sentences, quote.start);
    const index = first < sentences.length && sentences[first]!.start < quote.end ? first : -1;
    if (index < 0 || !usable[index]) continue;
    const added = attachCue(text, sentences, touchingDrafts, quote, index);
    drafts.push(added);
    touchingDrafts.add(added);
  }

  const live = drafts
    .map((draft) => ({ ...draft, contents: clipContents(text, mergeSpans(draft.contents), [draft.cue, draft.source]) }))
    .filter((draft) => draft.contents.length > 0 && (draft.cue || draft.source || draft.continuation))
    .sort((a, b) => a.contents[0]!.start - b.contents[0]!.start);

  // Content made only of a short quote is a scare quote or a name, not speech, unless its
  // speaker and cue follow it straight away ("“I would,” Melanie said").
  const kept = live.filter((draft) => {
    const start = Math.min(...draft.contents.map((content) => content.start));
    const end = Math.max(...draft.contents.map((content) => content.end));
    const quote = quoteIndex.containing({ start: start + 1, end: end - 1 })[0];
    return !(quote && !isSpeechLike(quote) && !saidRightAfter(text, quote, draft));
  });
  const split = splitDirect(text, kept);
  const kinds: (Attribution | null)[] = [];
  split.forEach((draft, i) => kinds.push(draft.splitOff ? kinds[i - 1]! : kindOfDraft(draft)));
  function kindOfDraft(draft: Draft): Attribution | null {
    if (draft.continuation || !draft.cue) return 'speech';
    const quoted = draft.contents.some((content) => quoteIndex.within(content).some((q) => q.double && isSpeechLike(q)));
    return attributionOf(text.slice(draft.cue.start, draft.cue.end), draft.source ? text.slice(draft.source.start, draft.source.end) : null, quoted);
  }
  // "did not say how much had escaped", "declined to comment on": a non-answer on the record,
  // reported flagged since nothing in it is asserted. "Stopped short of backing the plan" is a
  // stance held back, no attribution at all.
  const cues = split.map((draft) => (draft.cue ? text.slice(draft.cue.start, draft.cue.end) : ''));
  const negated = split.map((draft, i) => !!draft.cue && (isNegatedCue(cues[i]!) || REFUSING.test(text.slice(draft.cue.start, draft.cue.end + 4))));
  const heldBack = cues.map((cue) => STOPPED_SHORT.test(cue));
  const speech = kinds.map((kind, i) => kind === 'speech' && !negated[i]);
  // Beliefs and feelings ("sees", "fears") name speakers that later pronouns point to, so every
  // attribution is resolved; only then are the ones the options leave out dropped.
  // A cue that names no kind of attribution ("has led to", "initiated") is kept only with a
  // clause to report: with a bare name or one word it is most often no attribution at all.
  // An adverb alone ("reportedly", "openly") is the outlet's hedge or manner, not a cue.
  const clause = split.map(
    (draft) => !/^\p{L}+ly$/u.test(draft.cue ? text.slice(draft.cue.start, draft.cue.end) : '') && draft.contents.some((piece) => wordCount(text, piece) > 1 && !BARE_NAME.test(text.slice(piece.start, piece.end).trim())),
  );
  const reported = split.map((_, i) => !heldBack[i] && (kinds[i] === 'speech' || (options.attributions !== 'speech' && kinds[i] !== null) || (options.attributions === 'all' && clause[i]!)));
  const resolved = resolve(input, split, quoteSpans, speech, kinds.map((kind) => kind ?? 'belief'));
  // "The authority expects the pier to reopen, a spokesman said": a belief, evidence or
  // accusation inside what someone is reported to say is part of that report, not one of its own.
  const spoken = new SpanIndex(resolved.filter((quote) => speech[quote.draft]).map((quote) => quote.content));
  const nested = resolved.map((quote) => !speech[quote.draft] && quote.cue !== null && spoken.containsAny(quote.cue));
  // A belief nobody holds ("have stopped short of backing the plan", no subject found) says nothing.
  // Nor does a question with no one named asking it ("Asked to describe the tank, Esk said …").
  const needsHolder = (quote: (typeof resolved)[number]): boolean => quote.attribution === 'belief' || (quote.cue !== null && ASKED.test(text.slice(quote.cue.start, quote.cue.end)));
  const held = resolved.map((quote) => !needsHolder(quote) || quote.speaker.mention !== null || quote.speaker.name !== null);
  // Content made only of function words ("has denied this") says nothing a reader can check,
  // unless a piece that carries it on in the same paragraph does ("“That,” he added, “promises …”").
  // A quoted sentence is the speaker's own words, however plain ("“It is up to us.”").
  const says = resolved.map((quote) => carriesContent(text.slice(quote.content.start, quote.content.end)) || quotedSentence(text, quote.content, quoteSpans));
  resolved.forEach((quote, i) => {
    const head = quote.continues === null ? undefined : resolved[quote.continues];
    if (says[i] && head && !text.slice(head.content.end, quote.content.start).includes('\n')) says[quote.continues!] = true;
  });
  const keep = resolved.map((quote, i) => reported[quote.draft]! && !nested[i] && held[i]! && says[i]!);
  const newIndex: number[] = [];
  let next = 0;
  keep.forEach((k) => newIndex.push(k ? next++ : -1));
  const quotes = resolved
    .filter((_, i) => keep[i])
    .map(({ draft, ...quote }) => ({ ...quote, continues: quote.continues === null || newIndex[quote.continues]! < 0 ? null : newIndex[quote.continues]!, negated: negated[draft]! }));
  return { quotes, unbalanced: scan.problems.filter((problem) => !removed.overlapsAny(problem)) };
}

/** True when a quote's speaker and cue follow it straight away: "“Not yet,” he said", "“Never,” said Rimm". */
function saidRightAfter(text: string, quote: Span, draft: Draft): boolean {
  if (!draft.cue || !draft.source || draft.cue.start < quote.end || draft.source.start < quote.end) return false;
  const [first, second] = draft.cue.start < draft.source.start ? [draft.cue, draft.source] : [draft.source, draft.cue];
  return /^[\s,]*$/u.test(text.slice(quote.end, first.start)) && /^\s*$/u.test(text.slice(first.end, second.start));
}

/** A cue without surrounding space and quote marks; a bare colon stays a colon. */
function trimCue(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end - 1 && /[\s“”"‘’']/u.test(text[start]!)) start++;
  while (end > start + 1 && /[\s“”"‘’']/u.test(text[end - 1]!)) end--;
  // A cue never runs into a quotation: "has also “acknowledged …”" keeps "has also".
  const mark = text.slice(start, end).search(/\s*[“"]/u);
  if (mark > 0) end = start + mark;
  // "Residents we spoke to said": the relative clause belongs to the source, the cue is the verb.
  const relative = /^(?:(?:we|they|i|he|she)\s+)?(?:spoke|talked|talk|speak|spoken|talking|speaking)\s+(?:to|with)\s+(?=\S+$)/iu.exec(text.slice(start, end));
  if (relative) start += relative[0].length;
  // "telling workers that": the listener is no part of the cue (PolNeAR leaves it out too).
  const told = /\b(?:tell|tells|told|telling)\b(?=\s)/iu.exec(text.slice(start, end));
  if (told) end = start + told.index + told[0].length;
  // "According to" is the whole cue; words after it belong to the source.
  const according = /^according to\b/iu.exec(text.slice(start, end));
  if (according) end = start + according[0].length;
  // "noted in a piece for", "said in a statement": the preposition opens the channel, which is
  // reported on its own; the cue is the verb.
  // A preposition that ends the cue belongs to the verb ("called on", "commented on").
  else {
    const channel = /\s+(?:in|on|at|via|during|through)\s+\S/iu.exec(text.slice(start, end));
    if (channel && channel.index > 0) end = start + channel.index;
  }
  return { start, end };
}

/** True when a cue names speech, writing or a stated position (not a belief or a feeling). */
/** A cue's words, lower-cased, without punctuation: what the word lists below are asked about. */
function cueWords(cue: string): string[] {
  return cue.toLowerCase().split(/[^\p{L}-]+/u);
}

function isSpeechCue(cue: string): boolean {
  return cue.trim() === ':' || cueWords(cue).some((word) => SPEECH_CUES.has(word) || SPEECH_NOUNS.has(word));
}

function isEvidenceCue(cue: string): boolean {
  return cueWords(cue).some((word) => EVIDENCE_CUES.has(word));
}

/** A cue with a reporting verb in it ("Vows", "said"), not a name the tagger took for one ("Marn"). */
function isVerbCue(cue: string): boolean {
  return isSpeechCue(cue) || isEvidenceCue(cue) || cueWords(cue).some((word) => CUE_VERBS.has(word));
}

/** Repairs the labeller often needs within one sentence. */
const DETERMINER_BEFORE = /(?:^|\s)(?:a|an|the|this|that|its|his|her|their|any|no)\s+$/iu;

/**
 * "accused the company of ignoring a warning about the tank": a cue noun behind a determiner
 * right where another attribution's content runs ("a warning", "the claim") is a word of that
 * content, not an attribution of its own, so its content joins the one before.
 */
function withNounCuesJoined(text: string, drafts: Draft[]): Draft[] {
  const joined: Draft[] = [];
  for (const draft of drafts) {
    const before = joined[joined.length - 1];
    const last = before?.contents[before.contents.length - 1];
    if (before && last && draft.cue && sameSpeaker(before.source, draft.source) && draft.contents.length > 0 && last.end <= draft.cue.start && /^\s*\p{L}*\s*$/u.test(text.slice(last.end, draft.cue.start)) && DETERMINER_BEFORE.test(text.slice(last.start, draft.cue.start))) {
      before.contents[before.contents.length - 1] = { start: last.start, end: draft.contents[draft.contents.length - 1]!.end };
      continue;
    }
    joined.push(draft);
  }
  return joined;
}

function sameSpeaker(first: Span | null, second: Span | null): boolean {
  return second === null || (first !== null && first.start === second.start && first.end === second.end);
}

/**
 * "repeated his members' claim that the wall cracked": what the content reports was claimed by
 * the possessor before the claim noun; the outer verb only passes it on.
 */
const RELAYED_CLAIM = /^((?:(?:his|her|their|its|the)\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,3}?)['’]s?\s+(claims?|assertions?|allegations?|arguments?|warnings?|insistence)\s+(?=that\s)/iu;

function withRelayedClaims(text: string, drafts: readonly Draft[]): void {
  for (const draft of drafts) {
    const piece = draft.contents[0];
    if (!draft.cue || !piece || !/^\s*$/u.test(text.slice(draft.cue.end, piece.start))) continue;
    const claim = RELAYED_CLAIM.exec(text.slice(piece.start, piece.end));
    if (!claim) continue;
    const nounStart = piece.start + claim[0].trimEnd().length - claim[2]!.length;
    draft.source = { start: piece.start, end: piece.start + claim[1]!.length };
    draft.cue = { start: nounStart, end: nounStart + claim[2]!.length };
    draft.contents[0] = { start: piece.start + claim[0].length, end: piece.end };
  }
}

function repairSentence(text: string, sentence: QuoteSentence, sentenceIndex: number, drafts: Draft[]): Draft[] {
  const tokens = sentence.tokens;
  const tokenIndex = (offset: number): number => {
    const at = tokenAt(tokens, offset);
    return at < tokens.length ? at : -1;
  };
  drafts = withNounCuesJoined(text, drafts);
  withRelayedClaims(text, drafts);
  // "KESSERING, March 12 (VPA) - Tap water was cut off …": a wire dateline is no part of what was said.
  const dateline = DATELINE.exec(text.slice(sentence.start, sentence.end));
  if (dateline) {
    for (const draft of drafts) draft.contents = draft.contents.map((piece) => (piece.start === sentence.start && piece.end > sentence.start + dateline[0].length ? { start: sentence.start + dateline[0].length, end: piece.end } : piece));
  }
  const out: Draft[] = [];
  // "…, the Northgate Herald has been told.": the outlet heard it from an unnamed source; it is
  // the channel, not the speaker, and everything before the comma is what it was told.
  const told = TOLD_TAIL.exec(text.slice(sentence.start, sentence.end));
  const tailStart = told ? sentence.start + told.index : Infinity;
  // A speaker named before the tail keeps the attribution ("X has said …, Express.co.uk has been told").
  if (told && drafts.some((draft) => draft.source && draft.source.end <= tailStart)) {
    drafts = drafts.filter((draft) => (draft.cue ?? draft.source ?? draft.contents[0]!).start < tailStart);
  } else if (told && told.index > 0) {
    const cueStart = sentence.start + told.index + told[0].search(/\b(?:has|have|had|was|were)\b/u);
    const contentEnd = trimSpan(text, { start: sentence.start, end: sentence.start + told.index }).end;
    const cueEnd = sentence.start + told.index + told[0].replace(/[\s.]+$/u, '').length;
    if (contentEnd > sentence.start) return [{ contents: [{ start: sentence.start, end: contentEnd }], cue: { start: cueStart, end: cueEnd }, source: null, sentence: sentenceIndex, continuation: false, hearsay: true }];
  }
  // A sentence that opens with "According to X," attributes the whole rest of the sentence to X,
  // whatever the labeller made of the commas that follow.
  const opening = drafts.find((draft) => draft.cue && draft.cue.start === tokens[0]?.start && /^according to$/iu.test(text.slice(draft.cue.start, draft.cue.end)));
  if (opening && opening.cue) {
    const afterCue = tokenIndex(opening.cue.end);
    const comma = tokens.findIndex((token, i) => i > afterCue && text.slice(token.start, token.end) === ',');
    const final = /^[.?!]$/u.test(text.slice(tokens[tokens.length - 1]!.start, tokens[tokens.length - 1]!.end)) ? tokens.length - 2 : tokens.length - 1;
    // "According to the spokesperson for X, Jane Doe, …": the appositive name belongs to the source.
    let sourceEnd = comma - 1;
    const next = tokens.findIndex((token, i) => i > comma && text.slice(token.start, token.end) === ',');
    const afterNext = next > 0 ? text.slice(tokens[next + 1]?.start ?? 0, tokens[next + 1]?.end ?? 0).toLowerCase() : '';
    if (comma > 0 && next > comma + 2 && next - comma <= 5 && afterNext !== 'and' && afterNext !== 'or' && tokens.slice(comma + 1, next).every((token) => /^\p{Lu}/u.test(text.slice(token.start, token.end)))) sourceEnd = next - 1;
    const contentStart = sourceEnd === comma - 1 ? comma + 1 : sourceEnd + 2;
    if (afterCue > 0 && comma > afterCue && final >= contentStart) {
      opening.source = { start: tokens[afterCue]!.start, end: tokens[sourceEnd]!.end };
      opening.contents = [{ start: tokens[contentStart]!.start, end: tokens[final]!.end }];
      drafts = [opening, ...drafts.filter((draft) => draft !== opening && (draft.cue ?? draft.contents[0] ?? draft.source)!.start < opening.cue!.start)];
    }
  }
  for (const draft of drafts) {
    const relative = draft.source ? relativeAttribution(text, tokens, draft.source, sentenceIndex) : null;
    if (relative && ![...drafts, ...out].some((other) => other.cue && overlaps(other.cue, relative.cue!))) out.push(relative);
    // "…, reports The Telegraph.": the name after an inverted cue is its source, and what it
    // reports is the clause before the comma; when another attribution in the sentence already
    // holds that clause, the outlet only relays it (and is read as the relay).
    const inverted = draft.cue && !draft.source ? invertedSource(text, tokens, draft) : null;
    if (inverted) {
      if (out.some((other) => other.contents.length > 0)) continue;
      draft.source = inverted.source;
      draft.contents = [inverted.content];
    }
    // "The ministry expects the ban to be lifted, he said.": a cue and speaker closing the
    // sentence with no content of their own report the clause before the comma.
    const closing = draft.cue && draft.source && /^[.!?\s]*$/u.test(text.slice(Math.max(draft.cue.end, draft.source.end), sentence.end));
    // So does a record closing it: "…, other studies have shown."
    if (closing && draft.cue && draft.source && draft.contents.length === 0 && (isSpeechCue(text.slice(draft.cue.start, draft.cue.end)) || isEvidenceCue(text.slice(draft.cue.start, draft.cue.end)))) {
      const clause = clauseBefore(text, tokens, Math.min(draft.cue.start, draft.source.start));
      if (clause && drafts.every((other) => other === draft || !other.cue || !isSpeechCue(text.slice(other.cue.start, other.cue.end)))) draft.contents = [clause];
    }
    // "ALDPORT, March 13 - Crews on the ferries voted …, their union said.": what a closing cue
    // reports starts with the sentence (after a dateline), not where the labeller began it.
    if (closing && draft.cue && draft.source && draft.contents.length === 1) {
      const piece = draft.contents[0]!;
      const clause = clauseBefore(text, tokens, Math.min(draft.cue.start, draft.source.start));
      const dateline = DATELINE.exec(text.slice(sentence.start, sentence.end));
      const start = sentence.start + (dateline ? dateline[0].length : 0);
      const gap = text.slice(start, piece.start);
      if (clause && clause.end === piece.end && start < piece.start && !/[,;:“”"]/u.test(gap) && wordCount(text, { start, end: piece.start }) <= 6 && drafts.every((other) => other === draft || (other.source ?? other.cue ?? piece).start >= piece.start)) {
        draft.contents = [{ start, end: piece.end }];
      }
    }
    if (draft.cue) {
      const cueText = text.slice(draft.cue.start, draft.cue.end);
      const afterCue = tokenIndex(draft.cue.end);
      // "According to X, content": the labeller sometimes reads X as content (and the content
      // after the comma as the source).
      if (/^according to$/iu.test(cueText) && draft.contents[0] && afterCue >= 0 && tokens[afterCue]!.start === draft.contents[0].start) {
        const comma = tokens.findIndex((token, i) => i > afterCue && text.slice(token.start, token.end) === ',');
        const rest = tokens[comma + 1];
        const source = draft.source;
        if (comma > afterCue && rest && (!source || source.start >= rest.start) && (source || draft.contents[0].end > rest.start)) {
          const end = Math.max(draft.contents[0].end, source?.end ?? 0);
          draft.source = { start: tokens[afterCue]!.start, end: tokens[comma - 1]!.end };
          draft.contents[0] = { start: rest.start, end };
        }
      }
      // "According to X, content" where the labeller found X but no content: the rest of the sentence.
      if (/^according to$/iu.test(cueText) && draft.contents.length === 0 && draft.source) {
        const afterSource = tokenIndex(draft.source.end);
        const last = tokens.length - (/^[.?!]$/u.test(text.slice(tokens[tokens.length - 1]!.start, tokens[tokens.length - 1]!.end)) ? 2 : 1);
        if (afterSource >= 0 && text.slice(tokens[afterSource]!.start, tokens[afterSource]!.end) === ',' && last > afterSource) {
          draft.contents.push({ start: tokens[afterSource + 1]!.start, end: tokens[last]!.end });
        }
      }
      // "Israel is said to be preparing …": hearsay with no speaker; the subject is the topic.
      if (HEARSAY_CUE.test(cueText) && afterCue >= 0 && text.slice(tokens[afterCue]!.start, tokens[afterCue]!.end).toLowerCase() === 'to') {
        draft.source = null;
        draft.hearsay = true;
      }
      // Passive cues name the speaker after "by": "was condemned by Israel as …", "has been
      // welcomed by the fishermen's guild as …".
      const passive = /\b(?:been|was|were|is|are|be|being)\s+\S+(?:\s+by)?$/u.exec(cueText);
      const cueHasBy = /\sby$/u.test(cueText);
      const by = cueHasBy ? afterCue - 1 : afterCue;
      if (passive && by >= 0 && tokenText(text, tokens, by) === 'by') {
        let end = by + 1;
        while (end < tokens.length && end <= by + 8 && !PASSIVE_AGENT_END.test(tokenText(text, tokens, end))) end++;
        if (end > by + 1 && end < tokens.length) {
          const source = { start: tokens[by + 1]!.start, end: tokens[end - 1]!.end };
          draft.source = source;
          if (cueHasBy) draft.cue = { start: draft.cue.start, end: tokens[by - 1]!.end };
          // What was said follows the speaker ("… by Israel as an “obscene step”"), without the "as".
          const from = tokenText(text, tokens, end).toLowerCase() === 'as' ? end + 1 : end;
          const start = tokens[from]?.start ?? source.end;
          draft.contents = draft.contents
            .map((piece) => (piece.start <= source.end && piece.end > start ? { start, end: piece.end } : piece))
            .filter((piece) => piece.start >= source.end || piece.end <= source.start);
        }
      }
    }
    // A content that is only a channel ("noted in a piece for Foreign Policy:") hands its
    // source and cue to the next attribution in the sentence.
    if (draft.contents.length === 1 && draft.cue) {
      const content = draft.contents[0]!;
      const channel = findChannel(text, { start: Math.max(sentence.start, draft.cue.start - 1), end: content.end }, [], draft.cue);
      const next = drafts[drafts.indexOf(draft) + 1];
      if (channel && channel.end >= content.end - 1 && channel.start <= content.start + 4 && next && !next.source) {
        next.source = draft.source;
        continue;
      }
    }
    // Coordinated verbs share their subject: "X expressed support, accused Y and suggested Z".
    if (!draft.source && draft.cue && !draft.hearsay) {
      const previous = out[out.length - 1];
      draft.source = previous?.source ?? guessSource(text, tokens, tokenIndex(draft.cue.start), draft.contents[0] ?? draft.cue);
    }
    if (draft.source) {
      const trimmed = trimMention(text, draft.source);
      const placed = placeSource(text, tokens, trimmed);
      const whole = placed === trimmed ? mentionWithClause(text, draft.source, trimmed) : null;
      // A relative clause with an attribution of its own ("who say the cranes …") stays that attribution's.
      const taken = whole && [...drafts, ...out].some((other) => other !== draft && [other.cue, other.source, ...other.contents].some((span) => span !== null && overlaps(span, { start: trimmed.end, end: whole.end })));
      if (whole && !taken) draft.sourceWhole = whole;
      draft.source = placed;
    }
    // "noted in a piece for Foreign Policy: “…”": the channel before the colon is not content.
    draft.contents = draft.contents.map((piece) => {
      const lead = /^[^“”"]{1,80}?:\s*(?=[“"])/u.exec(text.slice(piece.start, piece.end));
      return lead && wordCount(text, { start: piece.start, end: piece.start + lead[0].length }) <= 8 ? { start: piece.start + lead[0].length, end: piece.end } : piece;
    });
    if (draft.cue) {
      const cue = draft.cue;
      const rightAfterCue = (piece: Span): boolean => /^\s*$/u.test(text.slice(cue.end, piece.start));
      draft.contents = draft.contents.flatMap((piece) => {
        if (!rightAfterCue(piece)) return [piece];
        const written = text.slice(piece.start, piece.end);
        // "said in a statement on Tuesday that …": the channel is not content; the clause starts at "that".
        const channel = CHANNEL_BEFORE_THAT.exec(written);
        if (channel) return [{ start: piece.start + channel[0].length, end: piece.end }];
        // "told MSNBC's “Morning Joe” on Friday that …": the one told is not what was told.
        const addressee = TELLING_CUE.test(text.slice(cue.start, cue.end)) ? ADDRESSEE_BEFORE_THAT.exec(written) : null;
        if (addressee && !/\b(?:to|is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do)\b/iu.test(addressee[0])) return [{ start: piece.start + addressee[0].length, end: piece.end }];
        // "The claim could not be verified": content that opens with a finite verb has no
        // subject of its own; the "cue" was the subject of the sentence.
        return PREDICATE_START.test(written) ? [] : [piece];
      });
    }
    // "Days after conflict broke out, President X said he feared …": reported content follows
    // its cue; an unquoted piece before the speaker is scene-setting the labeller swept in.
    // "Lenox was a juggernaut, Mr. Clarke said, until …": a speaker and cue set off by commas
    // inside the reported clause are no such scene.
    const head = draft.source ?? draft.cue;
    if (head && draft.contents.some((piece) => piece.start >= head.end) && !parenthetical(text, draft)) {
      draft.contents = draft.contents.filter((piece) => piece.end > head.start || /^[“"‘'«]/u.test(text.slice(piece.start, piece.end)));
    }
    // "…,” he was quoted as saying by TASS: a trailing piece that only names the relay or channel.
    if (draft.cue && draft.contents.length > 1) {
      const cue = draft.cue;
      draft.contents = draft.contents.filter((piece, i) => {
        if (i === 0 || /^[“"‘'«]/u.test(text.slice(piece.start, piece.end))) return true;
        const region = { start: Math.min(cue.start, piece.start), end: piece.end };
        const found = findVia(text, region, []) ?? findChannel(text, region, [], cue);
        return !(found && found.end >= piece.end - 2 && wordCount(text, piece) <= 10);
      });
    }
    // "said volunteers had noticed a smell near the plant over the weekend.": reported speech
    // after its cue runs to the end of the sentence when nothing but plain words follow.
    const last = draft.contents[draft.contents.length - 1];
    if (draft.cue && last && draft.cue.end <= last.start && (!draft.source || draft.source.end <= last.start) && !/[,;:—–”"’»]\s*$/u.test(text.slice(last.start, last.end))) {
      const final = tokens.length - (/^[.?!]$/u.test(tokenText(text, tokens, tokens.length - 1)) ? 2 : 1);
      const tail = { start: last.end, end: tokens[final]?.end ?? last.end };
      const others = drafts.flatMap((other) => (other === draft ? [] : [other.cue, other.source, ...other.contents])).filter((span): span is Span => span !== null);
      const tailText = text.slice(tail.start, tail.end);
      // A list of names the labeller cut after its first ("between Brenna, Vessel Lines, and Ostport could …") goes on.
      const listGoesOn = /^,\s*\p{Lu}/u.test(tailText) && /\p{Lu}[\p{L}-]*$/u.test(text.slice(last.start, last.end));
      if (tail.end > tail.start && !/[;:“”"‘’()—–]/u.test(tailText) && (listGoesOn || !tailText.includes(',')) && !others.some((span) => overlaps(span, tail))) {
        draft.contents[draft.contents.length - 1] = { start: last.start, end: tail.end };
      }
    }
    out.push(draft);
  }
  return out;
}

/** "A, Mr. Clarke said, B": the speaker and cue stand between commas, between two content pieces. */
function parenthetical(text: string, draft: Draft): boolean {
  if (!draft.cue || !draft.source) return false;
  const from = Math.min(draft.cue.start, draft.source.start);
  const to = Math.max(draft.cue.end, draft.source.end);
  const before = draft.contents.find((piece) => piece.end <= from);
  const after = draft.contents.find((piece) => piece.start >= to);
  return !!before && !!after && /^\s*,\s*$/u.test(text.slice(before.end, from)) && /^\s*,\s*$/u.test(text.slice(to, after.start));
}

/** A wire dateline opening a sentence: "ALDPORT, March 13 -", "KESSERING, March 12 (VPA) -". */
const DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]+,[^\n–—]{0,40}?\s[-–—]\s+/u;
/** Where the agent of a passive cue ends: "by the guild as …", "by Israel, …". */
const PASSIVE_AGENT_END = /^(?:as|for|that|to|over|after|when|because|in|on|[,.;:!?“”"‘’(])$/iu;
const CHANNEL_BEFORE_THAT = /^(?:in|on|at|during|via|through)\s[^“”"‘’,;:.]{1,80}?\s(?=that\s)/iu;
/** Cues whose object is the person told, before what was told: "told reporters on Friday that …". */
const TELLING_CUE = /(?:^|\s)(?:tell|tells|told|telling|assured|assures|informed|informs|reminded|reminds|warned|warns)$/iu;
/** The one told, up to "that": a few words with no clause of their own. */
const ADDRESSEE_BEFORE_THAT = /^(?:[^\s,;:.!?]+\s+){1,9}?(?=that\s)/iu;
const PREDICATE_START = /^(?:could|would|should|can|cannot|may|might|must|will|shall|is|are|was|were|has|have|had|does|did|do)\b/iu;
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom', 'whose']);

function tokenText(text: string, tokens: readonly Token[], i: number): string {
  const token = tokens[i];
  return token ? text.slice(token.start, token.end) : '';
}

/**
 * The noun phrase that opens the clause ending before token `end`: from the sentence start or
 * the last comma, semicolon or colon, without trailing time adverbs ("Health officials on
 * Wednesday").
 */
function clauseSubject(text: string, tokens: readonly Token[], end: number): Span | null {
  let start = end;
  while (start > 0 && !/^(?:[,;:—–“”"-]|--)$/u.test(tokenText(text, tokens, start - 1))) start--;
  if (start >= end) return null;
  return trimMention(text, { start: tokens[start]!.start, end: tokens[end - 1]!.end });
}

/** The position of the first token that starts at or after `offset` (`tokens.length` when none does). */
function tokenAt(tokens: readonly Token[], offset: number): number {
  return lastStartingBefore(tokens, offset) + 1;
}

/** The text from the sentence start to the comma just before `at`, when there is one: "X expects Y, he said". */
function clauseBefore(text: string, tokens: readonly Token[], at: number): Span | null {
  const comma = tokenAt(tokens, at) - 1;
  if (comma < 2 || tokenText(text, tokens, comma) !== ',' || !/^\s*$/u.test(text.slice(tokens[comma]!.end, at))) return null;
  return { start: tokens[0]!.start, end: tokens[comma - 1]!.end };
}

/**
 * A source the labeller took from the wrong place, moved to where the speaker is named: a date
 * in brackets ("Health officials on Wednesday (13/3)") stands for the subject before it; a
 * possessive before a speech noun ("her group's claim") for its possessor. An article or
 * determiner alone ("The claim could not be verified") is no source.
 */
function placeSource(text: string, tokens: readonly Token[], source: Span): Span | null {
  const from = tokenAt(tokens, source.start);
  const to = tokenAt(tokens, source.end);
  if (to <= from) return source;
  if (tokenText(text, tokens, to - 1) === ')' && (tokenText(text, tokens, from - 1) === '(' || tokenText(text, tokens, from) === '(')) {
    let open = from;
    while (open > 0 && tokenText(text, tokens, open) !== '(') open--;
    return tokenText(text, tokens, open) === '(' ? clauseSubject(text, tokens, open) : null;
  }
  if (to - from > 1 && /^['’]s?$/u.test(tokenText(text, tokens, to - 1))) return { start: source.start, end: tokens[to - 2]!.end };
  const words = tokens.slice(from, to).map((_, i) => tokenText(text, tokens, from + i).toLowerCase());
  return words.every((word) => DETERMINERS_ONLY.has(word)) ? null : source;
}

const DETERMINERS_ONLY = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);

/**
 * "Campaigners from Almer Watch, who say …", "the voters, many of whom said …": a source that
 * opens with a relative pronoun after a comma. Returns the pronoun as written (the mention)
 * and the noun phrase before the comma (who it stands for).
 */
function relativeSource(text: string, tokens: readonly Token[], source: Span): { pronoun: Span; antecedent: Span } | null {
  const pronoun = /^(?:(?:\p{L}+\s+of\s+)?(?:who|whom)|which|that)\b/iu.exec(text.slice(source.start, source.end));
  if (!pronoun || !/(?:,|--|—|–)\s*$/u.test(text.slice(Math.max(0, source.start - 4), source.start))) return null;
  const comma = tokenAt(tokens, source.start) - 1;
  const clause = comma > 0 && /^(?:,|--|—|–)$/u.test(tokenText(text, tokens, comma)) ? clauseSubject(text, tokens, comma) : null;
  const antecedent = clause ? lastNounPhrase(text, tokens, clause) : null;
  return antecedent ? { pronoun: { start: source.start, end: source.start + pronoun[0].length }, antecedent } : null;
}

/** Auxiliaries and copulas: a clause that holds one is more than a noun phrase. */
const FINITE_VERB = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|did|does|do)$/iu;

/** Words after which, in a clause with a verb, the noun phrase a relative pronoun stands for starts. */
const BEFORE_ANTECEDENT = /^(?:to|for|from|with|by|at|in|on|against|about|towards?|than|into|is|are|was|were|be|been|has|have|had|said|says|told|\p{Ll}+ed)$/u;

/**
 * The noun phrase a relative pronoun after `clause` stands for: the whole clause when it is one
 * ("Dockworkers from the Port Union, who say …"), else what follows its last verb or
 * preposition ("… is also good for the Harbour Board, which wants …" stands for "the Harbour Board").
 */
function lastNounPhrase(text: string, tokens: readonly Token[], clause: Span): Span | null {
  const from = tokenAt(tokens, clause.start);
  const to = tokenAt(tokens, clause.end);
  const words = tokens.slice(from, to).map((_, i) => tokenText(text, tokens, from + i));
  if (!words.some((word) => FINITE_VERB.test(word))) return clause;
  const last = words.findLastIndex((word) => BEFORE_ANTECEDENT.test(word));
  if (last < 0 || last === words.length - 1) return clause;
  return { start: tokens[from + last + 1]!.start, end: clause.end };
}

/**
 * "Campaigners from Almer Watch, who say the leak began on Sunday, welcomed …": a relative
 * clause opened by a reporting verb is an attribution of its own, spoken by the noun phrase
 * before it.
 */
function relativeAttribution(text: string, tokens: readonly Token[], source: Span, sentence: number): Draft | null {
  // The pronoun opens the source, or the source runs on through the clause (as PolNeAR tags it).
  let at = tokenAt(tokens, source.start);
  while (at < tokens.length && tokens[at]!.end <= source.end && !(RELATIVE_PRONOUNS.has(tokenText(text, tokens, at).toLowerCase()) && tokenText(text, tokens, at - 1) === ',')) at++;
  if (at < 1 || at >= tokens.length || !RELATIVE_PRONOUNS.has(tokenText(text, tokens, at).toLowerCase()) || tokenText(text, tokens, at - 1) !== ',') return null;
  if (!CUE_VERBS.has(tokenText(text, tokens, at + 1).toLowerCase())) return null;
  let close = at + 2;
  while (close < tokens.length && !/^[,;.]$/u.test(tokenText(text, tokens, close))) close++;
  if (close >= tokens.length || close < at + 4) return null;
  return { contents: [{ start: tokens[at + 2]!.start, end: tokens[close - 1]!.end }], cue: tokens[at + 1]!, source: tokens[at]!, sentence, continuation: false };
}

/** "…, reports The Telegraph.": a name closing the sentence after an inverted cue is the cue's source. */
function invertedSource(text: string, tokens: readonly Token[], draft: Draft): { source: Span; content: Span } | null {
  const cue = draft.cue!;
  const content = draft.contents[0];
  if (draft.contents.length !== 1 || !content || !/^\s*$/u.test(text.slice(cue.end, content.start))) return null;
  if (!/^[.!?”"’\s]*$/u.test(text.slice(content.end, tokens[tokens.length - 1]!.end))) return null;
  const name = text.slice(content.start, content.end).replace(/[.\s]+$/u, '');
  if (!/^(?:[Tt]he\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,4}$/u.test(name)) return null;
  const clause = clauseBefore(text, tokens, cue.start);
  return clause ? { source: { start: content.start, end: content.start + name.length }, content: clause } : null;
}

/**
 * Adverbs and times the labeller sweeps into the end of a source. Case-sensitive on purpose: an
 * "-ly" word in lower case is an adverb ("said later", "openly"), except the nouns listed, and a
 * capitalised one is a name ("Tessa Kelly", "Italy").
 */
const TRAILING_ADVERB = /(?:\s+(?:meanwhile|also|however|reportedly|previously|later|then|earlier|too|now|further|again|already|once|himself|herself|themselves|yesterday|today|tonight|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|last (?:week|month|year|night)|(?!(?:family|assembly|ally|rally|supply|monopoly|anomaly|bully|reply|panoply|homily|lily|belly|jelly)\b)\p{Ll}+ly))+$/u;
/**
 * "on Monday", "via Telegram", "in a statement": when and where it was said, never part of who
 * said it.
 */
const WHEN_WHERE_TAIL = /(?:\s+on(?=\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|march|april|may|june|july|aug|sept|oct|nov|dec|\d|(?:the|a)\s+(?:phone|radio|call|sidelines)|(?:telegram|twitter|x|facebook|instagram|tiktok|youtube|television|tv|radio|state\s+(?:television|tv|media))\b))|\s+(?:via|during|while|quoted|according|told|in (?:his|her|their|its|a|an|the) (?:telegram|statement|interview|speech|post|piece|letter|address)))\b[\s\S]*$/iu;
/**
 * Any other "on" may also be a channel ("Kadyrov on his channel"), so the name and role are read
 * before it; but after a body or a role it names the speaker ("the Commission on Presidential
 * Debates", "the top Democrat on the panel") and stays.
 */
const ON_TAIL = /(?<!\b(?:commission|committee|subcommittee|council|panel|board|institute|centre|center|forum|democrat|republican|member|expert|source|adviser|advisor|official|spokesman|spokeswoman|spokesperson|correspondent|reporter|analyst|specialist|researcher|lawyer|negotiator|envoy|rapporteur|authority|chair|chairman|chairwoman)s?)\s+on\b[\s\S]*$/iu;

/** "Mr Mamulashvili, who was recently placed …": a relative clause describes the speaker; the speaker is read without it. */
const RELATIVE_TAIL = /\s*,\s*(?:who|whom|whose|which)\b[\s\S]*$/iu;

/** A source mention without the relative clauses, adverbs and channel words the labeller sometimes sweeps in. */
function trimMention(text: string, span: Span): Span {
  const written = text.slice(span.start, span.end);
  const cut = written.replace(RELATIVE_TAIL, '').replace(WHEN_WHERE_TAIL, '').replace(ON_TAIL, '').replace(TRAILING_ADVERB, '');
  return trimSpan(text, { start: span.start, end: span.start + (cut.length > 0 ? cut.length : written.length) });
}

/**
 * The source as written with the description `trimMention` leaves out ("Peter Morgan, a lawyer
 * for the club, who has fought the mines for years", "a retired general who works on defence
 * policy"), when the labeller took one and it says nothing of when or where: the whole phrase
 * is the speaker's mention, while the name and role are read from `trimMention`.
 */
function mentionWithClause(text: string, span: Span, trimmed: Span): Span | null {
  const written = text.slice(span.start, span.end);
  // "…, who served as chairman during the 2000 election": inside a relative clause the time is the clause's.
  const relative = RELATIVE_TAIL.exec(written);
  if (WHEN_WHERE_TAIL.test(relative ? written.slice(0, relative.index) : written)) return null;
  const whole = trimSpan(text, { start: span.start, end: span.start + written.replace(TRAILING_ADVERB, '').length });
  return whole.start === trimmed.start && whole.end > trimmed.end ? whole : null;
}

/**
 * "A," he said. "B." in one sentence (or "A, he said, B" with no quotation marks): the second
 * piece becomes a quote that continues the first.
 */
const ASKED = /^(?:when\s+)?asked\b/iu;

function splitDirect(text: string, drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const draft of drafts) {
    const between = (a: Span, b: Span): boolean => [draft.cue, draft.source].some((span) => span && span.start >= a.end && span.end <= b.start);
    const quoted = (span: Span): boolean => /^[“"‘'«]/u.test(text.slice(span.start, span.end).trim());
    const aside = parenthetical(text, draft);
    const pieces = draft.contents.filter((piece, i, all) => {
      const next = all[i + 1];
      const previous = all[i - 1];
      // "Asked to describe the tank, Esk said, “…”": the question is not the answer.
      if (next && between(piece, next) && !quoted(piece) && ASKED.test(text.slice(piece.start, piece.end))) return false;
      // "“…,” she said after reading the notice": what the cue's clause goes on to do is not said.
      return !(previous && between(previous, piece) && quoted(previous) && !quoted(piece) && !aside);
    });
    if (pieces.length === 0) continue;
    const groups: Span[][] = [[pieces[0]!]];
    for (let i = 1; i < pieces.length; i++) {
      // Pieces on both sides of the speaker or cue are two quotes, the second carrying on the
      // first: one span over both would report the speaker and cue as said.
      if (between(pieces[i - 1]!, pieces[i]!)) groups.push([pieces[i]!]);
      else groups[groups.length - 1]!.push(pieces[i]!);
    }
    out.push({ ...draft, contents: groups[0]! });
    for (const group of groups.slice(1)) out.push({ contents: group, cue: null, source: null, sentence: draft.sentence, continuation: true, splitOff: true });
  }
  return out;
}

/** A dash and a name of one to four words closing the line after a quote: "” ― Tessa Marn", "” -- Sen. Ann Lee." */
const SIGNATURE = /^[^\S\n]*([―—–]|--?)[^\S\n]*((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s)?\p{Lu}[\p{L}'’.-]*(?:[^\S\n]\p{Lu}[\p{L}'’.-]*){0,3})[^\S\n]*\.?[^\S\n]*(?:\n|$)/u;

/** "― Getty Images", "— Reuters/Instagram": a picture credit under a quote signs the picture, not the words. */
const PICTURE_CREDIT = /\b(?:images?|photos?|pictures?|getty|instagram|shutterstock|reuters|afp|ap)$/iu;

/** Finds the cue for a quote the labeller missed: in its sentence, a colon line before it, or none. */
function attachCue(text: string, sentences: readonly QuoteSentence[], drafts: DraftSweep, quote: QuotedSpan, index: number): Draft {
  const lastBefore = lastStartingBefore(sentences, quote.end);
  const last = lastBefore >= 0 && sentences[lastBefore]!.end > quote.start ? lastBefore : -1;
  // "“…” ― Tessa Marn": a name signed under the quote after a dash, whatever else the sentence holds.
  const signed = SIGNATURE.exec(text.slice(quote.end, quote.end + 80));
  if (signed && !PICTURE_CREDIT.test(signed[2]!)) {
    const dash = quote.end + signed[0].indexOf(signed[1]!);
    const name = quote.end + signed[0].lastIndexOf(signed[2]!);
    return { contents: [quote], cue: { start: dash, end: dash + signed[1]!.length }, source: { start: name, end: name + signed[2]!.length }, sentence: index, continuation: false };
  }
  // A labeller cue in the quote's own sentences that has no content yet.
  const free = drafts.inSentences(index, last).find((draft) => draft.cue && draft.contents.every((content) => !overlaps(content, quote)) && draft.contents.length === 0);
  if (free) return { ...free, contents: [quote], continuation: false };
  // "“…,” Senate Leader Ann Lee, R-Ky. | , said Tuesday.": a speaker and cue the sentence split cut off.
  const next = drafts.inSentences(last + 1, last + 1).find((draft) => draft.cue && draft.contents.length === 0 && /^[\s,]*$/u.test(text.slice(quote.end, Math.min(draft.source?.start ?? Infinity, draft.cue.start))));
  if (next) return { ...next, contents: [quote], continuation: false };
  // A reporting verb outside the quote in the same sentences, the one nearest the quote that is
  // not another report's cue: "…,” said Kadyrov on Telegram; "called for …, while chanting “…”".
  const taken = drafts.inSentences(index, last).flatMap((draft) => (draft.cue ? [draft.cue] : []));
  let nearest: { sentence: number; token: number; distance: number } | null = null;
  for (let i = index; i <= last; i++) {
    const sentence = sentences[i]!;
    for (let t = 0; t < sentence.tokens.length; t++) {
      const token = sentence.tokens[t]!;
      if (token.start >= quote.start && token.end <= quote.end) continue;
      const word = text.slice(token.start, token.end).toLowerCase();
      if (!CUE_VERBS.has(word) || word === 'according' || taken.some((cue) => overlaps(cue, token))) continue;
      const distance = token.end <= quote.start ? quote.start - token.end : token.start - quote.end;
      if (!nearest || distance < nearest.distance) nearest = { sentence: i, token: t, distance };
    }
  }
  if (nearest) {
    const tokens = sentences[nearest.sentence]!.tokens;
    const cue = tokens[nearest.token]!;
    // "…, while chanting “…”": a participle's speaker is the subject of the clause it hangs from.
    const participle = /ing$/iu.test(text.slice(cue.start, cue.end)) && nearest.token > 0 && !/^(?:is|are|was|were|be|been)$/iu.test(tokenText(text, tokens, nearest.token - 1));
    const subject = participle ? (drafts.inSentences(nearest.sentence, nearest.sentence).find((draft) => draft.source && draft.source.end <= cue.start)?.source ?? openingSubject(text, tokens, nearest.token)) : null;
    return { contents: [quote], cue, source: subject ?? guessSource(text, tokens, nearest.token, quote), sentence: nearest.sentence, continuation: false };
  }
  // "He said:" at the end of the sentence before.
  const before = sentences[index - 1];
  if (before && /:\s*$/u.test(text.slice(before.start, quote.start))) {
    const colonDraft = drafts.inSentences(index - 1, index - 1).find((draft) => draft.cue);
    if (colonDraft) return { contents: [quote], cue: colonDraft.cue, source: colonDraft.source, sentence: index - 1, continuation: false };
  }
  return { contents: [quote], cue: null, source: null, sentence: index, continuation: true };
}

/** The speaker next to a bare cue verb: "said Kadyrov", "Peskov said", "he added". */
function guessSource(text: string, tokens: readonly Token[], cueAt: number, quote: Span): Span | null {
  const outside = (token: Token): boolean => token.end <= quote.start || token.start >= quote.end;
  const after = tokens.slice(cueAt + 1).filter(outside);
  const before = tokens.slice(0, cueAt).filter(outside);
  const firstAfter = after[0] ? text.slice(after[0].start, after[0].end) : '';
  if (firstAfter && (/^\p{Lu}/u.test(firstAfter) || /^(?:the|a|an)$/iu.test(firstAfter) || PERSON_PRONOUNS.has(firstAfter.toLowerCase()))) {
    // Up to the next comma, full stop or channel preposition.
    let end = 0;
    while (end < after.length && !/^(?:[,.;:!?]|on|in|at|to|via|during|while|after|before|quoted|according)$/u.test(text.slice(after[end]!.start, after[end]!.end))) end++;
    if (end > 0) return { start: after[0]!.start, end: after[end - 1]!.end };
  }
  return sourceBefore(text, before);
}

/**
 * The subject that opens a sentence, for a trailing participle with no speaker of its own ("The
 * port authority reopened the quay, noting …"): the words before its first verb, read as an
 * auxiliary, a reporting verb or a past tense.
 */
function openingSubject(text: string, tokens: readonly Token[], before: number): Span | null {
  const limit = Math.min(before, 10);
  for (let i = 1; i < limit; i++) {
    const word = tokenText(text, tokens, i);
    if (/^[,;:(]$/u.test(word)) return null;
    if (/^\p{Ll}/u.test(word) && (AUXILIARY.test(word) || CUE_VERBS.has(word) || /\p{Ll}{2,}ed$/u.test(word))) return { start: tokens[0]!.start, end: tokens[i - 1]!.end };
  }
  return null;
}

/** The speaker in the tokens just before a cue: back to the last punctuation, without auxiliaries. */
function sourceBefore(text: string, before: readonly Token[]): Span | null {
  if (before.length === 0) return null;
  let from = before.length - 1;
  while (from > 0 && !/^[,.;:!?”"’]$/u.test(text.slice(before[from - 1]!.start, before[from - 1]!.end))) from--;
  // Auxiliaries belong to the cue ("Peskov has said"); expletives ("There are") are no speaker.
  let to = before.length;
  while (to > from && AUXILIARY.test(text.slice(before[to - 1]!.start, before[to - 1]!.end))) to--;
  if (to <= from) return null;
  const span = { start: before[from]!.start, end: before[to - 1]!.end };
  const written = text.slice(span.start, span.end);
  return !/^[,.;:!?”"’]$/u.test(written) && !/^(?:there|it|this|that|which|who)$/iu.test(written) ? span : null;
}

const AUXILIARY = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|also|been|be|not|n[’']t|did|does|do|then|later|reportedly|previously|meanwhile)$/iu;

/** Content never runs over its own cue or speaker: a piece that does is cut before them. */
function clipContents(text: string, contents: readonly Span[], own: readonly (Span | null)[]): Span[] {
  const out: Span[] = [];
  for (const piece of contents) {
    let end = piece.end;
    for (const span of own) if (span && span.start < end && span.end > piece.start) end = span.start;
    while (end > piece.start && /\s/u.test(text[end - 1]!)) end--;
    if (end > piece.start) out.push({ start: piece.start, end });
  }
  return out;
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

interface Speaker {
  name: string | null;
  antecedent: Span | null;
  role: string | null;
  sentence: number;
  end: number;
  /** Index (in the resolved list) of the attribution that named this speaker, and whether it reported speech. */
  quote?: number;
  speech?: boolean;
  /** Several named actors speaking together ("The towns of Brenna and Ostport", "they" after them). */
  group?: boolean;
}

/** Speaker names, roles, channels, relays and continuations, in text order. */
function resolve(input: QuoteInput, drafts: readonly Draft[], quotes: readonly QuotedSpan[], speech: readonly boolean[], kinds: readonly Attribution[]): (Omit<ExtractedQuote, 'negated'> & { draft: number })[] {
  const { text, sentences } = input;
  const out: (Omit<ExtractedQuote, 'negated'> & { draft: number })[] = [];
  const speakers: Speaker[] = [];
  const sentenceOf = (offset: number): number => Math.min(firstEndingAfter(sentences, offset), sentences.length - 1);

  /** The last draft resolved, the quote a piece split off from it continues, and its speaker. */
  let splitHead = null as { draft: number; quote: number; speaker: Speaker | null } | null;
  /** The last speech quote, when its speaker has no name or role (so is not among `speakers`). */
  let lastSpoken = null as { quote: number; speaker: Speaker; end: number } | null;
  for (const [draftIndex, draft] of drafts.entries()) {
    const contentSpan = { start: draft.contents[0]!.start, end: draft.contents[draft.contents.length - 1]!.end };
    const at = draft.source?.start ?? draft.cue?.start ?? contentSpan.start;
    const sentenceIndex = sentenceOf(at);
    let speaker: Speaker | null = null;
    let mention: Span | null = null;
    let role: string | null = null;
    let speakerQuote: number | undefined;

    // A source of nothing but marks and spaces (a stray quote mark the labeller took) is no source.
    const source = draft.source ? trimSpan(text, draft.source) : null;
    if (source && source.start < source.end) {
      // "Campaigners from Almer Watch, who say …": the speaker is read from the noun phrase the
      // relative pronoun stands for, and the pronoun stays the mention, as "he" does.
      const relative = relativeSource(text, sentences[sentenceIndex]?.tokens ?? [], source);
      mention = withAppositiveName(text, withPossessor(text, withWholeNames(text, relative?.antecedent ?? source, input.mentions, draft.cue && isVerbCue(text.slice(draft.cue.start, draft.cue.end)) ? [draft.cue] : [])), input.mentions);
      mention = withRelativeHead(text, mention, draft.cue, sentences[sentenceOf(mention.start)]);
      const tokens = sentences[sentenceIndex]?.tokens.filter((token) => token.start >= mention!.start && token.end <= mention!.end) ?? [];
      // Only proper names: the tagger's role and pronoun mentions are what this pass reads itself.
      const names = spanIndexOf(input.mentions).within(mention).filter((m) => m.kind === undefined || m.kind === 'name' || m.kind === 'acronym');
      const reading = readSource(text, tokens, names);
      role = reading.role ? text.slice(reading.role.start, reading.role.end) : null;
      speaker = speakerFor(text, reading, mention, speakers, sentences, sentenceIndex, at, input.mentions, quotes);
      // "The towns of Brenna and Ostport said …": the source is the group, not its last member.
      const group = namedGroup(text, mention, names);
      if (group) {
        const written = text.slice(mention.start, mention.end);
        const name = text.slice(group.start, group.end);
        speaker = { ...speaker, name, antecedent: null, role: written === name ? null : written, group: true };
        role = speaker.role;
      }
      if (relative) {
        speaker = { ...speaker, antecedent: speaker.antecedent ?? mention };
        mention = relative.pronoun;
      } else if (draft.sourceWhole && mention.start === source.start && mention.end <= draft.sourceWhole.end) {
        speaker = { ...speaker, antecedent: speaker.antecedent ?? mention };
        mention = draft.sourceWhole;
      }
    } else if (draft.splitOff && splitHead && splitHead.draft === draftIndex - 1) {
      // "“That,” he added, “promises …”": the second piece has the first one's speaker, named or not.
      speaker = splitHead.speaker ?? { name: null, antecedent: null, role: null, sentence: sentenceIndex, end: at };
      mention = null;
      role = splitHead.speaker?.role ?? null;
    } else if (draft.continuation) {
      // A quote paragraph with no cue carries on the last speaker quoted, not the last holder of
      // a belief ("which is known to block …" in between); a speaker with no name yet ("“…,” he
      // said. “…”") is carried on within the paragraph.
      const previousSpeaker = speakers.findLast((candidate) => candidate.speech);
      if (lastSpoken && (!previousSpeaker || previousSpeaker.quote! < lastSpoken.quote) && !text.slice(lastSpoken.end, contentSpan.start).includes('\n')) {
        speaker = lastSpoken.speaker;
        speakerQuote = lastSpoken.quote;
      } else if (previousSpeaker && sentenceIndex - previousSpeaker.sentence <= 8) {
        speaker = previousSpeaker;
        role = previousSpeaker.role;
      }
    }
    // A speaker no reader would accept ("13/3)", "her group's") is an unknown speaker; the
    // mention stays as evidence only when it is a pronoun ("who") or a speaker in its own right.
    // A mention that is no noun phrase ("at Tuesday's hearing", "a rather long talk
    // about") names no one: the speaker is unknown rather than wrong.
    if (mention && draft.source && !isSpeakerMention(text.slice(mention.start, mention.end))) {
      mention = null;
      speaker = null;
      role = null;
    }
    if (speaker?.name && !isSpeakerName(speaker.name)) {
      const written = mention ? text.slice(mention.start, mention.end) : '';
      if (!RELATIVE_PRONOUNS.has(written.toLowerCase()) && !isSpeakerName(written)) mention = null;
      speaker = null;
      role = role && isSpeakerName(role) ? role : null;
    }
    // A quote with no cue and no one before it to carry on is reported with its speaker unknown
    // when it is a whole quoted sentence (a reader sees a quotation nobody is named for, and
    // that is worth knowing); a shorter piece is most often a title or a slogan.
    if (draft.continuation && !speaker && !quotedSentence(text, contentSpan, quotes, 4)) {
      splitHead = null;
      continue;
    }

    const region = spanOfSentences(sentences, sentenceOf(contentSpan.start), sentenceOf(Math.max(contentSpan.end - 1, contentSpan.start)), sentenceIndex);
    const channel = draft.cue || draft.source ? findChannel(text, region, draft.contents, draft.cue) : null;
    let via = findVia(text, region, draft.contents);
    if (!via && speaker?.name && isOutletName(speaker.name) && mention) via = { start: mention.start, end: mention.end, text: text.slice(mention.start, mention.end) };
    if (via && mention && overlaps(via, mention) && !isOutletName(via.text)) via = null;

    const fromHead: boolean = !!draft.splitOff && splitHead?.draft === draftIndex - 1;
    const continues = fromHead ? splitHead!.quote : draft.continuation ? (speakerQuote ?? speaker?.quote ?? out.length - 1) : null;
    out.push({
      draft: draftIndex,
      kind: kindOf(text, contentSpan, quotes),
      attribution: kinds[draftIndex]!,
      content: contentSpan,
      cue: draft.cue,
      speaker: { name: speaker?.name ?? null, role: role ?? speaker?.role ?? null, mention },
      speakerAntecedent: speaker?.antecedent ?? null,
      speakerGroup: speaker?.group ?? false,
      channel: channel && (!mention || !overlaps(channel, mention)) ? channel : null,
      via,
      continues,
    });
    if (speaker && (speaker.name || speaker.role)) speakers.push({ ...speaker, sentence: sentenceIndex, end: at, quote: out.length - 1, speech: speech[draftIndex]! });
    splitHead = { draft: draftIndex, quote: fromHead ? splitHead!.quote : out.length - 1, speaker };
    if (speech[draftIndex] && speaker && !speaker.name && !speaker.role) lastSpoken = { quote: continues ?? out.length - 1, speaker, end: contentSpan.end };
    else if (speech[draftIndex]) lastSpoken = null;
  }
  return out;
}

/** Content that is a quotation of its own, with quotation marks and a full stop, of at least `words` words: "“This could be the great Trojan horse.”". */
function quotedSentence(text: string, content: Span, quotes: readonly QuotedSpan[], words = 3): boolean {
  const quote = spanIndexOf(quotes).containing(content).find((q) => q.double);
  if (!quote || quote.start !== content.start || quote.end !== content.end) return false;
  const inner = text.slice(quote.inner.start, quote.inner.end).trim();
  return /^\p{Lu}/u.test(inner) && /[.?!…]$/u.test(inner) && wordCount(text, quote.inner) >= words;
}

function spanOfSentences(sentences: readonly QuoteSentence[], from: number, to: number, also: number): Span {
  const first = Math.max(0, Math.min(from, to, also));
  const last = Math.min(sentences.length - 1, Math.max(from, to, also));
  return { start: sentences[first]!.start, end: sentences[last]!.end };
}

function kindOf(text: string, content: Span, quotes: readonly QuotedSpan[]): QuoteKind {
  const inside = spanIndexOf(quotes).within(content);
  if (inside.length === 0) {
    const around = spanIndexOf(quotes).containsAny(content);
    return around ? 'direct' : 'indirect';
  }
  const quoted = inside.reduce((sum, quote) => sum + (quote.end - quote.start), 0);
  const trimmed = text.slice(content.start, content.end).replace(/[\s.,;:]+$/u, '');
  const startsQuoted = inside.some((quote) => quote.start <= content.start + 1);
  const endsQuoted = inside.some((quote) => quote.end >= content.start + trimmed.length - 1);
  if (startsQuoted && endsQuoted && quoted >= 0.6 * trimmed.length) return 'direct';
  return quoted >= 0.5 * trimmed.length ? 'mixed' : 'partial';
}

const RECENT_SENTENCES = 6;

/**
 * The organisation a sentence opens with ("The Halvik Group, which owns the plant, employs …"):
 * what an "it" that starts the next sentence's attribution refers to. Only the opening name
 * counts; an organisation further in is as likely an object as the subject.
 */
function organisationOpening(text: string, sentence: QuoteSentence | undefined, names: readonly NamedMention[]): Span | null {
  if (!sentence) return null;
  const opening = names.find((name) => name.start >= sentence.start && name.start < sentence.end);
  if (!opening || opening.type !== 'ORG') return null;
  return /^\s*(?:the\s+)?$/iu.test(text.slice(sentence.start, opening.start)) ? opening : null;
}

function speakerFor(
  text: string,
  reading: SourceReading,
  mention: Span,
  speakers: readonly Speaker[],
  sentences: readonly QuoteSentence[],
  sentenceIndex: number,
  at: number,
  names: readonly NamedMention[],
  quotes: readonly QuotedSpan[],
): Speaker {
  const recent = speakers.findLast((speaker) => sentenceIndex - speaker.sentence <= RECENT_SENTENCES && speaker.end < at);
  const base = { sentence: sentenceIndex, end: at };
  if (reading.shape === 'name' && reading.name) {
    const written = text.slice(reading.name.start, reading.name.end);
    const full = fullerName(text, sentences, written, reading.name);
    const role = reading.role ? text.slice(reading.role.start, reading.role.end) : null;
    return { ...base, name: full ? text.slice(full.start, full.end) : bareName(written) || written, antecedent: full ?? reading.name, role };
  }
  if (reading.shape === 'pronoun') {
    const pronoun = text.slice(mention.start, mention.end).toLowerCase();
    // "it" is an organisation or a document, "they" a group: neither is the last person quoted.
    if (pronoun === 'it') {
      const organisation = organisationOpening(text, sentences[sentenceIndex - 1], names);
      return { ...base, name: organisation ? bareName(text.slice(organisation.start, organisation.end)) : null, antecedent: organisation, role: null };
    }
    if (pronoun === 'you') return { ...base, name: null, antecedent: null, role: null };
    if (pronoun === 'they' || pronoun === 'we') {
      // "Russia and China … They": the group as written; it is no one entity.
      const group = nearestGroup(text, sentences, sentenceIndex, at);
      return { ...base, name: group ? text.slice(group.start, group.end) : null, antecedent: null, role: null, group: group !== null };
    }
    return { ...base, ...personReferred(text, sentences, sentenceIndex, at, names, quotes, recent) };
  }
  const role = reading.role ? text.slice(reading.role.start, reading.role.end) : text.slice(mention.start, mention.end);
  // "her office", "his spokesman": someone's office or aide, named after the person "her" is.
  const owned = /^(?:his|her)\s+(\S[\s\S]*)$/iu.exec(role);
  if (owned) {
    const owner = personReferred(text, sentences, sentenceIndex, at, names, quotes, recent);
    // Written with the apostrophe the text around it uses.
    const apostrophe = text.slice(sentences[Math.max(0, sentenceIndex - 2)]!.start, sentences[sentenceIndex]!.end).includes('’') ? '’' : "'";
    if (owner.name) return { ...base, name: `${owner.name}${apostrophe}s ${owned[1]}`, antecedent: null, role };
  }
  // "The head of the Georgian Legion has said …" in a story that later names "Mamuka
  // Mamulashvili, head of the Georgian Legion": the office is held by the person named with it.
  const holder = namedHolder(text, role, mention, names);
  if (holder) {
    const written = text.slice(holder.start, holder.end);
    return { ...base, name: bareName(written) || written, antecedent: holder, role };
  }
  // "their union said … The Harbour Workers' Union said": an organisation named nearby by the
  // same head noun.
  const organisation = organisationByHead(text, role, sentences, sentenceIndex, names);
  if (organisation) return { ...base, name: text.slice(organisation.start, organisation.end), antecedent: organisation, role };
  // "the Chechen leader" is the last speaker; "the regional health office" after "Health
  // officials" is not: a singular description does not point back to a group.
  // "The Environment Ministry's spokesman" names whose spokesman: it introduces someone new.
  const introduces = /^[Tt]he\s+(?:\p{Lu}[\p{L}-]*\s+)*\p{Lu}[\p{L}-]*['’]s?\s/u.test(role);
  if (reading.shape === 'description' && recent && !introduces && !isPlural(role) && !(recent.name === recent.role && isPlural(recent.role ?? ''))) return { ...base, name: recent.name, antecedent: recent.antecedent, role: recent.role ?? role };
  // A role with no name introduces its speaker: the role is the best name the text gives,
  // without a clause that narrows it ("Residents we spoke to" → "Residents").
  const described = role.replace(BARE_RELATIVE, '');
  return { ...base, name: described.replace(CONTACT_CLAUSE, ''), antecedent: mention, role: described };
}

/** A relative or contact clause after the head of a description: "… who spoke to us", "… we spoke to". */
const CONTACT_CLAUSE = /\s+(?:who|whom|whose|which|that|we|they|i|you)\s[\s\S]*$/iu;
/** "a super PAC that": the labeller's source sometimes ends on the relative pronoun that follows it. */
const BARE_RELATIVE = /,?\s+(?:who|whom|which|that)$/iu;

/**
 * The one organisation named within two sentences of a description ("the ministry", "their
 * union", "its parent group") whose name ends in the description's head noun ("Environment
 * Ministry", "Harbour Workers' Union"); the nearest before the description wins.
 */
function organisationByHead(text: string, role: string, sentences: readonly QuoteSentence[], sentenceIndex: number, names: readonly NamedMention[]): Span | null {
  const description = /^(?:the|its|their)\s+(?:[\p{Ll}-]+\s+)*([\p{Ll}-]+)$/u.exec(role.trim());
  if (!description) return null;
  const head = description[1]!;
  const from = sentences[Math.max(0, sentenceIndex - 2)]!.start;
  const to = sentences[Math.min(sentences.length - 1, sentenceIndex + 2)]!.end;
  const here = sentences[sentenceIndex]!.start;
  const found = spanIndexOf(names)
    .within({ start: from, end: to })
    .filter((name) => name.type === 'ORG' && /(\p{L}+)$/u.exec(text.slice(name.start, name.end))?.[1]!.toLowerCase() === head);
  if (new Set(found.map((name) => text.slice(name.start, name.end))).size !== 1) return null;
  return found.filter((name) => name.start < here).pop() ?? found[0]!;
}

/**
 * The person "he" or "she" points to: a person who is the subject of the sentence before (or of
 * this one, before the pronoun) and was named after the last speaker ("It comes as Putin has
 * blamed … He offered …"), else the last speaker, else the nearest name.
 */
function personReferred(
  text: string,
  sentences: readonly QuoteSentence[],
  sentenceIndex: number,
  at: number,
  names: readonly NamedMention[],
  quotes: readonly QuotedSpan[],
  recent: Speaker | undefined,
): Pick<Speaker, 'name' | 'antecedent' | 'role'> {
  const subject = recentSubject(text, sentences, sentenceIndex, at, names, quotes);
  if (subject && (!recent || subject.start > recent.end)) {
    const written = text.slice(subject.start, subject.end);
    const full = fullerName(text, sentences, written, subject);
    return { name: full ? text.slice(full.start, full.end) : bareName(written) || written, antecedent: full ?? subject, role: null };
  }
  if (recent) return { name: recent.name, antecedent: recent.antecedent, role: recent.role };
  const named = nearestName(text, sentences, sentenceIndex, at);
  if (named) return { name: text.slice(named.start, named.end), antecedent: named, role: null };
  return { name: null, antecedent: null, role: null };
}

const NOT_SUBJECT_BEFORE = new Set([...LINKS, 'about', 'against', 'between', 'and', 'than']);

/**
 * The first person named as a subject in the sentence before `at` or in the one before that
 * sentence: not inside quotation marks, not a possessive ("Kadyrov's remarks"), not behind a
 * preposition ("met with Putin").
 */
function recentSubject(
  text: string,
  sentences: readonly QuoteSentence[],
  sentenceIndex: number,
  at: number,
  names: readonly NamedMention[],
  quotes: readonly QuotedSpan[],
): Span | null {
  const candidates = (from: number, to: number): Span | null => {
    for (const name of spanIndexOf(names).within({ start: from, end: to })) {
      if (name.type !== 'PERSON' || (name.kind !== undefined && name.kind !== 'name')) continue;
      if (spanIndexOf(quotes).containsAny(name)) continue;
      if (/^['’]s?\b/u.test(text.slice(name.end, name.end + 2)) || /['’]s?$/u.test(text.slice(name.start, name.end))) continue;
      const before = /(\p{L}+)\W*$/u.exec(text.slice(Math.max(from, name.start - 30), name.start));
      if (before && NOT_SUBJECT_BEFORE.has(before[1]!.toLowerCase())) continue;
      return name;
    }
    return null;
  };
  const here = sentences[sentenceIndex];
  if (here) {
    const found = candidates(here.start, at);
    if (found) return found;
  }
  const previous = sentences[sentenceIndex - 1];
  return previous ? candidates(previous.start, previous.end) : null;
}

/**
 * A person named elsewhere in the document together with this exact role ("X, head of the Y"
 * or "head of the Y X"), when exactly one person is.
 */
function namedHolder(text: string, role: string, mention: Span, names: readonly NamedMention[]): Span | null {
  const office = role.replace(/^(?:the|a|an)\s+/iu, '').trim();
  if (office.split(/\s+/u).length < 3 || isPlural(office)) return null;
  const holders = new Map<string, Span>();
  for (const { at, found } of officeHolders(text, office.toLowerCase(), names)) {
    if (at >= mention.start && at < mention.end) continue;
    if (found) holders.set(bareName(text.slice(found.start, found.end)).toLowerCase(), found);
  }
  return holders.size === 1 ? [...holders.values()][0]! : null;
}

/** Per text and office: where the office is written and the person named with it there, found once. */
const holdersByText = new WeakMap<readonly NamedMention[], { text: string; lower: string; offices: Map<string, { at: number; found: NamedMention | undefined }[]> }>();

function officeHolders(text: string, needle: string, names: readonly NamedMention[]): { at: number; found: NamedMention | undefined }[] {
  let cache = holdersByText.get(names);
  if (!cache || cache.text !== text) {
    cache = { text, lower: text.toLowerCase(), offices: new Map() };
    holdersByText.set(names, cache);
  }
  let list = cache.offices.get(needle);
  if (list) return list;
  list = [];
  const index = spanIndexOf(names);
  for (let at = cache.lower.indexOf(needle); at >= 0; at = cache.lower.indexOf(needle, at + 1)) {
    // "X, the head of …" or "head of … X": the name sits across a comma, maybe an article.
    const before = index
      .endingIn(runStart(text, at, /[\s,theTHE]/u), at)
      .find((name) => name.type === 'PERSON' && /^,\s*(?:the\s+)?$/iu.test(text.slice(name.end, at)));
    const end = at + needle.length;
    const after = index
      .startingIn(end, runEnd(text, end, /[\s,]/u))
      .find((name) => name.type === 'PERSON' && /^,?\s*$/u.test(text.slice(end, name.start)));
    list.push({ at, found: before ?? after });
  }
  cache.offices.set(needle, list);
  return list;
}

/** Where the run of characters matching `allowed` that ends at `end` starts. */
function runStart(text: string, end: number, allowed: RegExp): number {
  let start = end;
  while (start > 0 && allowed.test(text[start - 1]!)) start--;
  return start;
}

/** Where the run of characters matching `allowed` that starts at `start` ends. */
function runEnd(text: string, start: number, allowed: RegExp): number {
  let end = start;
  while (end < text.length && allowed.test(text[end]!)) end++;
  return end;
}

/**
 * "Residents we spoke to said …": the labeller marks "we" as the source, but the speakers are
 * the plural noun that opens the sentence, with its relative clause up to the cue.
 */
function withRelativeHead(text: string, mention: Span, cue: Span | null, sentence: QuoteSentence | undefined): Span {
  if (!cue || !sentence || !/^(?:we|they|i|you)$/iu.test(text.slice(mention.start, mention.end)) || cue.start < mention.end) return mention;
  const head = /^(?:(?:the|many|some|most|several|other)\s+)?\p{L}+s\s+$/iu.exec(text.slice(sentence.start, mention.start));
  if (!head || /^(?:as|is|was|has|this|thus|perhaps|yes)\s+$/iu.test(head[0])) return mention;
  return trimSpan(text, { start: sentence.start, end: cue.start });
}

/** "Company" when the labeller cut "The Northern Ferry Company": a source never ends inside a name. */
function withWholeNames(text: string, mention: Span, names: readonly NamedMention[], others: readonly (Span | null)[] = []): Span {
  let { start, end } = mention;
  // Names in list order, each against the mention as grown so far: only names that overlap it
  // can grow it, so the next one to look at is the first overlapping name after the last seen.
  const index = spanIndexOf(names);
  for (let seen = -1; ; ) {
    const next = index.overlappingPositions({ start, end }).find((position) => position > seen);
    if (next === undefined) break;
    seen = next;
    const name = names[next]!;
    if (name.start >= start && name.end <= end) continue;
    // "Rimm Vows To Scrap Harbour Fees": a name the tagger ran over the cue (a headline's
    // capitals) is no longer than the source.
    if (others.some((span) => span && overlaps(span, name))) continue;
    start = Math.min(start, name.start);
    end = Math.max(end, name.end);
  }
  const article = /\b[Tt]he\s+$/u.exec(text.slice(Math.max(0, start - 4), start));
  return { start: start < mention.start && article ? start - article[0].length : start, end };
}

/** "Kessering's mayor" when the labeller kept only "’s mayor" or "mayor": the possessor belongs to the speaker. */
function withPossessor(text: string, mention: Span): Span {
  const bareS = /^s\s/u.test(text.slice(mention.start, mention.end));
  // The text before the mention, with the possessive ending it had before the labeller cut it.
  const before = text.slice(Math.max(0, mention.start - 60), mention.start) + (bareS ? 's ' : '');
  const possessor = /(?:\p{Lu}[\p{L}-]*\s+)*\p{Lu}[\p{L}-]*['’]s?\s*$/u.exec(before);
  if (!possessor) return mention;
  return { start: mention.start - (before.length - (bareS ? 2 : 0)) + possessor.index, end: mention.end };
}

/**
 * A description followed by the name it describes: "The leader of Russia's Chechnya region,
 * Ramzan Kadyrov, has expressed …" reaches through the comma to the name.
 */
function withAppositiveName(text: string, mention: Span, names: readonly NamedMention[]): Span {
  const index = spanIndexOf(names);
  if (index.within(mention).some((name) => name.type === 'PERSON')) return mention;
  // "Hannah Notte, the director of …, noted": the name stands just before the description.
  const before = index
    .endingIn(runStart(text, mention.start, /[\s,]/u), mention.start)
    .find((name) => name.type === 'PERSON' && /^\s*,\s*$/u.test(text.slice(name.end, mention.start)));
  if (before && /^(?:the|a|an)\s/u.test(text.slice(mention.start, mention.end))) return { start: before.start, end: mention.end };
  const person = index.startingIn(mention.end, mention.end + 60).find((name) => name.type === 'PERSON');
  if (!person) return mention;
  const between = text.slice(mention.end, person.start);
  const after = text.slice(person.end, person.end + 2);
  if (!/^[^.;:“”"!?,]*,\s*$/u.test(between) || !/^\s*[,(]/u.test(after)) return mention;
  return { start: mention.start, end: person.end };
}

/** An earlier, longer form of a short name: "Mamulashvili" → "Mamuka Mamulashvili". */
function fullerName(text: string, sentences: readonly QuoteSentence[], written: string, at: Span): Span | null {
  const bare = bareName(written);
  const parts = bare.split(/\s+/u);
  const surname = parts[parts.length - 1];
  if (!surname || parts.length > 1) return null;
  const first = fullNames(text, sentences).get(surname);
  return first && first.sentenceStart < at.start ? first.name : null;
}

const fullNamesOf = new WeakMap<readonly QuoteSentence[], { text: string; bySurname: Map<string, { sentenceStart: number; name: Span }> }>();

/**
 * The first name of two words or more written with each surname, and the start of its sentence:
 * `fullerName` asks once per speaker, so the document is read for names once, not each time.
 */
function fullNames(text: string, sentences: readonly QuoteSentence[]): Map<string, { sentenceStart: number; name: Span }> {
  const cached = fullNamesOf.get(sentences);
  if (cached && cached.text === text) return cached.bySurname;
  const bySurname = new Map<string, { sentenceStart: number; name: Span }>();
  for (const sentence of sentences) {
    for (const run of sentenceRuns(text, sentence)) {
      const span = { start: sentence.tokens[run.from]!.start, end: sentence.tokens[run.to - 1]!.end };
      const words = bareName(text.slice(span.start, span.end)).split(/\s+/u);
      const surname = words[words.length - 1]!;
      if (words.length < 2 || bySurname.has(surname)) continue;
      // Keep only the name part (drop leading titles such as "Chechen leader").
      const name = words.join(' ');
      const offset = text.slice(span.start, span.end).lastIndexOf(name);
      if (offset >= 0) bySurname.set(surname, { sentenceStart: sentence.start, name: { start: span.start + offset, end: span.start + offset + name.length } });
    }
  }
  fullNamesOf.set(sentences, { text, bySurname });
  return bySurname;
}

const runsOfSentence = new WeakMap<QuoteSentence, { text: string; runs: { from: number; to: number }[] }>();

/** `capitalisedRuns` of a sentence, found once: every pronoun speaker looks back over the same sentences. */
function sentenceRuns(text: string, sentence: QuoteSentence): { from: number; to: number }[] {
  const cached = runsOfSentence.get(sentence);
  if (cached && cached.text === text) return cached.runs;
  const runs = capitalisedRuns(text, sentence.tokens);
  runsOfSentence.set(sentence, { text, runs });
  return runs;
}

/** The nearest capitalised two-word name before `at`, for a pronoun with no recent speaker. */
function nearestName(text: string, sentences: readonly QuoteSentence[], sentenceIndex: number, at: number): Span | null {
  for (let i = sentenceIndex; i >= Math.max(0, sentenceIndex - 3); i--) {
    const sentence = sentences[i]!;
    const runs = sentenceRuns(text, sentence).filter((run) => run.to - run.from >= 2 && sentence.tokens[run.to - 1]!.end <= at);
    const run = runs[runs.length - 1];
    if (run) {
      const span = { start: sentence.tokens[run.from]!.start, end: sentence.tokens[run.to - 1]!.end };
      const name = bareName(text.slice(span.start, span.end));
      const offset = text.slice(span.start, span.end).lastIndexOf(name);
      return { start: span.start + offset, end: span.start + offset + name.length };
    }
  }
  return null;
}

/** Capitalised names joined by commas and "and": "Russia and China", "Brenna, Ostport and Kell". */
const NAME_LIST = /\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*(?:,\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*)*,?\s+and\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*/gu;

/** What may stand before a list of names that are the speakers themselves: "the towns of", "both". */
const GROUP_HEAD = /^(?:(?:the|both)\s+)?(?:(?:two|three|four|neighbouring|neighboring|rival|coastal|member)\s+)?(?:(?:towns|cities|villages|countries|nations|states|regions|provinces|governments|councils|companies|firms|parties|unions|clubs|ports)\s+(?:of\s+)?)?$/iu;

/**
 * The list of names a source mention is made of ("Brenna and Ostport", "The towns of Brenna and
 * Ostport"), or null: a name the tagger read as one ("Marks and Spencer"), or a list after a
 * role ("the spokesman for Brenna and Ostport") is no group of speakers.
 */
function namedGroup(text: string, mention: Span, names: readonly NamedMention[]): Span | null {
  const written = text.slice(mention.start, mention.end);
  const list = [...written.matchAll(NAME_LIST)][0];
  if (!list || list.index === undefined) return null;
  const span = { start: mention.start + list.index, end: mention.start + list.index + list[0].length };
  if (!/^[\s.,]*$/u.test(text.slice(span.end, mention.end)) || !GROUP_HEAD.test(written.slice(0, list.index))) return null;
  if (names.some((name) => name.start <= span.start && name.end >= span.end)) return null;
  return span;
}

/** "Russia and China" in the last two sentences: what "they" most often points back to. */
function nearestGroup(text: string, sentences: readonly QuoteSentence[], sentenceIndex: number, at: number): Span | null {
  for (let i = sentenceIndex; i >= Math.max(0, sentenceIndex - 2); i--) {
    const sentence = sentences[i]!;
    const view = text.slice(sentence.start, Math.min(sentence.end, at));
    const matches = [...view.matchAll(NAME_LIST)];
    const last = matches[matches.length - 1];
    if (last && last.index !== undefined) return { start: sentence.start + last.index, end: sentence.start + last.index + last[0].length };
  }
  return null;
}

/** "The Russian officials", "the experts": a plural description is a group, not the last speaker. */
function isPlural(role: string): boolean {
  const head = role.split(/\s+(?:of|for|at|in|from|with)\s+/u)[0]!.trim().split(/\s+/u).pop() ?? '';
  return /[^s]s$/u.test(head) && !/(?:ss|us|is)$/u.test(head);
}
