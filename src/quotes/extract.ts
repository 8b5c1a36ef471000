/**
 * Turns one document into attributions: the labeller tags each sentence (source, cue, content),
 * the quote-mark pass joins what sentence splitting cut apart and catches direct quotes the
 * labeller missed, and a resolution pass gives every speaker a name, a role, a channel and a
 * relay. Kept apart from the stage module so it can be tested on plain inputs.
 */
import type { Span } from '../document.js';
import { overlaps } from '../document.js';
import type { Token } from '../text/tokens.js';
import { findChannel, findVia, isOutletName, type Found } from './channel.js';
import { labelTokens } from './labeller.js';
import { CUE_VERBS, PERSON_PRONOUNS, SPEECH_CUES, SPEECH_NOUNS } from './lexicon.js';
import { scanQuoteMarks, type QuotedSpan, type UnbalancedMark } from './marks.js';
import type { Labeller } from './labeller.js';
import type { Tag } from './perceptron.js';
import { chunksOf } from './polnear.js';
import { bareName, capitalisedRuns, LINKS, readSource, trimSpan, type NamedMention, type SourceReading } from './speaker.js';

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
  content: Span;
  cue: Span | null;
  speaker: { name: string | null; role: string | null; mention: Span | null };
  speakerAntecedent: Span | null;
  channel: Found | null;
  via: Found | null;
  /** Index (into the result) of the quote this one continues. */
  continues: number | null;
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
}

const TOLD_TAIL = /,\s*(?:the\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*)*\s+(?:has|have|had)\s+been\s+told\s*\.?\s*$|,\s*(?:the\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*)*\s+(?:was|were)\s+told\s*\.?\s*$/u;

const HEARSAY_CUE = /^(?:is|are|was|were|has been|have been|had been)\s+(?:said|reported|believed|thought|understood|rumou?red|alleged|expected|claimed)$/iu;

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

function inAny(span: Span, spans: readonly Span[]): boolean {
  return spans.some((other) => overlaps(span, other));
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

/** Reporting participles that open a second attribution inside a clause: "…, saying the US had failed". */
const PARTICIPLE_CUES = new Set(['saying', 'adding', 'claiming', 'insisting', 'arguing', 'warning', 'stressing', 'noting', 'declaring']);

/**
 * Content that runs through a reporting participle outside quotation marks holds a second
 * attribution: the participle becomes its cue and what follows its content. Rewrites `tags` in
 * place and returns the token indices of the new cues.
 */
function splitAtParticiple(words: readonly string[], tags: Tag[], quoted: (i: number) => boolean): Set<number> {
  const cues = new Set<number>();
  for (let i = 1; i + 1 < words.length; i++) {
    if (!PARTICIPLE_CUES.has(words[i]!.toLowerCase()) || quoted(i)) continue;
    if (tags[i] !== 'I-content' || tags[i + 1] !== 'I-content') continue;
    tags[i] = 'B-cue';
    tags[i + 1] = 'B-content';
    cues.add(i);
  }
  return cues;
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
  /** 'speech' keeps attributions whose cue is a reporting word; 'all' keeps every one the
   * labeller finds, beliefs and feelings included (PolNeAR's broad definition). */
  attributions: 'speech' | 'all';
}

export function extractQuotes(input: QuoteInput, model?: Labeller, options: ExtractOptions = { attributions: 'speech' }): Extraction {
  const { text, sentences } = input;
  const paragraphs = input.paragraphs.filter((paragraph) => !input.removed.some((removed) => removed.start <= paragraph.start && removed.end >= paragraph.end));
  const scan = scanQuoteMarks(text, paragraphs);
  const blocked = [...input.removed, ...input.titles, ...sentences.filter((s) => s.headline)];
  const usable = sentences.map((sentence) => !inAny(sentence, blocked) && !SKIPPED_LINE.test(text.slice(sentence.start, sentence.end)));
  const quoteSpans = scan.quotes.filter((quote) => quote.depth === 0 && !inAny(quote, blocked));
  const insideQuote = (span: Span): boolean => quoteSpans.some((quote) => quote.double && span.start >= quote.inner.start && span.end <= quote.inner.end);

  // 1. The labeller, sentence by sentence, then local repairs inside each sentence.
  const drafts: Draft[] = [];
  sentences.forEach((sentence, index) => {
    if (!usable[index] || sentence.tokens.length === 0) return;
    const words = tokenWords(text, sentence.tokens);
    const tags = labelTokens(words, model);
    const participles = splitAtParticiple(words, tags, (i) => insideQuote(sentence.tokens[i]!));
    const chunks = joinChannelledCues(
      text,
      chunksOf(tags).map((chunk) => ({
        role: chunk.role,
        span: { start: sentence.tokens[chunk.start]!.start, end: sentence.tokens[chunk.end - 1]!.end },
        at: chunk.start,
      })),
    );
    // A cue inside quotation marks is speech within speech: the quote itself is the attribution.
    const cues = chunks.filter((chunk) => chunk.role === 'cue' && !insideQuote(chunk.span));
    const sentenceDrafts: Draft[] = cues.map((cue) => ({ contents: [], cue: trimCue(text, cue.span), source: null, sentence: index, continuation: false }));
    const nearestCue = (at: number): number => {
      let best = -1;
      let distance = Infinity;
      cues.forEach((cue, k) => {
        const d = Math.abs(cue.at - at);
        if (d < distance) {
          distance = d;
          best = k;
        }
      });
      return best;
    };
    for (const chunk of chunks) {
      if (chunk.role === 'cue') continue;
      const k = nearestCue(chunk.at);
      if (chunk.role === 'source') {
        if (k >= 0 && !sentenceDrafts[k]!.source) sentenceDrafts[k]!.source = chunk.span;
      } else if (k >= 0) {
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
    drafts.push(...repairSentence(text, sentence, index, sentenceDrafts.filter((draft) => draft.contents.length > 0 || draft.source)));
  });

  // 2. Quote marks: stretch content to the whole quote, merge cue-less pieces of one quote, and
  //    add speech-like quotes the labeller missed.
  for (const quote of quoteSpans) {
    const touching = drafts.filter((draft) => draft.contents.some((content) => overlaps(content, quote)));
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
    if (!speechLike(text, quote)) continue;
    const index = sentences.findIndex((sentence) => overlaps(sentence, quote));
    if (index < 0 || !usable[index]) continue;
    drafts.push(attachCue(text, sentences, drafts, quote, index));
  }

  const live = drafts
    .map((draft) => ({ ...draft, contents: clipContents(text, mergeSpans(draft.contents), [draft.cue, draft.source]) }))
    .filter((draft) => draft.contents.length > 0 && (draft.cue || draft.source || draft.continuation))
    .sort((a, b) => a.contents[0]!.start - b.contents[0]!.start);

  // Content made only of a short quote is a scare quote or a name, not speech.
  const kept = live.filter((draft) => {
    const quote = quoteSpans.find((q) => draft.contents.every((content) => content.start >= q.start - 1 && content.end <= q.end + 1));
    return !(quote && !speechLike(text, quote));
  });
  // Beliefs and feelings ("sees", "fears") still name speakers that later pronouns point to, so
  // they are resolved with the rest and only then left out.
  const isSpeech = (draft: Draft): boolean => {
    if (options.attributions === 'all' || draft.continuation || !draft.cue) return true;
    const quoted = quoteSpans.some((q) => q.double && speechLike(text, q) && draft.contents.some((content) => content.start <= q.start && content.end >= q.end));
    return quoted || isSpeechCue(text.slice(draft.cue.start, draft.cue.end));
  };
  const split = splitDirect(text, kept);
  const speech = split.map(isSpeech);
  const resolved = resolve(input, split, quoteSpans, speech);
  const keep = resolved.map((quote) => speech[quote.draft]!);
  const newIndex: number[] = [];
  let next = 0;
  keep.forEach((k) => newIndex.push(k ? next++ : -1));
  const quotes = resolved
    .filter((_, i) => keep[i])
    .map(({ draft: _draft, ...quote }) => ({ ...quote, continues: quote.continues === null || newIndex[quote.continues]! < 0 ? null : newIndex[quote.continues]! }));
  return { quotes, unbalanced: scan.problems.filter((problem) => !inAny(problem, input.removed)) };
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
  const relative = /^(?:spoke|talked|talk|speak|spoken|talking|speaking)\s+(?:to|with)\s+(?=\S+$)/iu.exec(text.slice(start, end));
  if (relative) start += relative[0].length;
  // "According to" is the whole cue; words after it belong to the source.
  const according = /^according to\b/iu.exec(text.slice(start, end));
  if (according) end = start + according[0].length;
  // "noted in a piece for", "said in a statement": the preposition opens the channel, which is
  // reported on its own; the cue is the verb.
  else {
    const channel = /\s+(?:in|on|at|via|during|through)\b/iu.exec(text.slice(start, end));
    if (channel && channel.index > 0) end = start + channel.index;
  }
  return { start, end };
}

/** True when a cue names speech, writing or a stated position (not a belief or a feeling). */
function isSpeechCue(cue: string): boolean {
  if (cue.trim() === ':') return true;
  return cue
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .some((word) => SPEECH_CUES.has(word) || SPEECH_NOUNS.has(word));
}

/** Repairs the labeller often needs within one sentence. */
function repairSentence(text: string, sentence: QuoteSentence, sentenceIndex: number, drafts: Draft[]): Draft[] {
  const tokens = sentence.tokens;
  const tokenIndex = (offset: number): number => tokens.findIndex((token) => token.start >= offset);
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
      // Passive cues name the speaker after "by": "was condemned by Israel as …".
      if (afterCue >= 0 && text.slice(tokens[afterCue]!.start, tokens[afterCue]!.end) === 'by' && /\b(?:been|was|were|is|are|be|being)\s+\S+$/u.test(cueText)) {
        const runs = capitalisedRuns(text, tokens.slice(afterCue + 1, afterCue + 6));
        const run = runs[0];
        if (run && run.from === 0) draft.source = { start: tokens[afterCue + 1]!.start, end: tokens[afterCue + run.to]!.end };
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
    if (draft.source) draft.source = trimMention(text, draft.source);
    // "noted in a piece for Foreign Policy: “…”": the channel before the colon is not content.
    draft.contents = draft.contents.map((piece) => {
      const lead = /^[^“”"]{1,80}?:\s*(?=[“"])/u.exec(text.slice(piece.start, piece.end));
      return lead && wordCount(text, { start: piece.start, end: piece.start + lead[0].length }) <= 8 ? { start: piece.start + lead[0].length, end: piece.end } : piece;
    });
    // "Days after conflict broke out, President X said he feared …": reported content follows
    // its cue; an unquoted piece before the speaker is scene-setting the labeller swept in.
    const head = draft.source ?? draft.cue;
    if (head && draft.contents.some((piece) => piece.start >= head.end)) {
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
    out.push(draft);
  }
  return out;
}

const TRAILING_ADVERB = /(?:\s+(?:meanwhile|also|however|reportedly|previously|later|then|earlier|too|now|further|again|already|once|himself|herself|themselves|yesterday|today|tonight|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|last (?:week|month|year|night)|\w+ly))+$/iu;
const CHANNEL_TAIL = /\s+(?:on|via|during|while|quoted|according|told|in (?:his|her|their|its|a|an|the) (?:telegram|statement|interview|speech|post|piece|letter|address))\b[\s\S]*$/iu;

/** A source mention without the adverbs and channel words the labeller sometimes sweeps in. */
function trimMention(text: string, span: Span): Span {
  const written = text.slice(span.start, span.end);
  const cut = written.replace(CHANNEL_TAIL, '').replace(TRAILING_ADVERB, '');
  return trimSpan(text, { start: span.start, end: span.start + (cut.length > 0 ? cut.length : written.length) });
}

/** "A," he said. "B." in one sentence: the second piece becomes a quote that continues the first. */
function splitDirect(text: string, drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const draft of drafts) {
    const pieces = draft.contents;
    const between = (a: Span, b: Span): boolean => [draft.cue, draft.source].some((span) => span && span.start >= a.end && span.end <= b.start);
    const quoted = (span: Span): boolean => /^[“"‘'«]/u.test(text.slice(span.start, span.end).trim());
    const groups: Span[][] = [[pieces[0]!]];
    for (let i = 1; i < pieces.length; i++) {
      const previous = pieces[i - 1]!;
      if (between(previous, pieces[i]!) && quoted(pieces[i]!) && quoted(pieces[0]!)) groups.push([pieces[i]!]);
      else groups[groups.length - 1]!.push(pieces[i]!);
    }
    out.push({ ...draft, contents: groups[0]! });
    for (const group of groups.slice(1)) out.push({ contents: group, cue: null, source: null, sentence: draft.sentence, continuation: true });
  }
  return out;
}

/** Finds the cue for a quote the labeller missed: in its sentence, a colon line before it, or none. */
function attachCue(text: string, sentences: readonly QuoteSentence[], drafts: readonly Draft[], quote: QuotedSpan, index: number): Draft {
  const last = sentences.findLastIndex((sentence) => overlaps(sentence, quote));
  // A labeller cue in the quote's own sentences that has no content yet.
  const free = drafts.find((draft) => draft.cue && draft.sentence >= index && draft.sentence <= last && draft.contents.every((content) => !overlaps(content, quote)) && draft.contents.length === 0);
  if (free) return { ...free, contents: [quote], continuation: false };
  // A reporting verb outside the quote in the same sentences: "…,” said Kadyrov on Telegram.
  for (let i = index; i <= last; i++) {
    const sentence = sentences[i]!;
    for (let t = 0; t < sentence.tokens.length; t++) {
      const token = sentence.tokens[t]!;
      if (token.start >= quote.start && token.end <= quote.end) continue;
      const word = text.slice(token.start, token.end).toLowerCase();
      if (!CUE_VERBS.has(word) || word === 'according') continue;
      return { contents: [quote], cue: token, source: guessSource(text, sentence.tokens, t, quote), sentence: i, continuation: false };
    }
  }
  // "He said:" at the end of the sentence before.
  const before = sentences[index - 1];
  if (before && /:\s*$/u.test(text.slice(before.start, quote.start))) {
    const colonDraft = drafts.find((draft) => draft.sentence === index - 1 && draft.cue);
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
  const lastBefore = before[before.length - 1];
  if (lastBefore) {
    let from = before.length - 1;
    while (from > 0 && !/^[,.;:!?”"’]$/u.test(text.slice(before[from - 1]!.start, before[from - 1]!.end))) from--;
    // Auxiliaries belong to the cue ("Peskov has said"); expletives ("There are") are no speaker.
    let to = before.length;
    while (to > from && AUXILIARY.test(text.slice(before[to - 1]!.start, before[to - 1]!.end))) to--;
    if (to > from) {
      const span = { start: before[from]!.start, end: before[to - 1]!.end };
      const written = text.slice(span.start, span.end);
      if (!/^[,.;:!?”"’]$/u.test(written) && !/^(?:there|it|this|that|which|who)$/iu.test(written)) return span;
    }
  }
  return null;
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
}

/** Speaker names, roles, channels, relays and continuations, in text order. */
function resolve(input: QuoteInput, drafts: readonly Draft[], quotes: readonly QuotedSpan[], speech: readonly boolean[]): (ExtractedQuote & { draft: number })[] {
  const { text, sentences } = input;
  const out: (ExtractedQuote & { draft: number })[] = [];
  const speakers: Speaker[] = [];
  const sentenceOf = (offset: number): number => {
    const i = sentences.findIndex((sentence) => offset < sentence.end);
    return i < 0 ? sentences.length - 1 : i;
  };

  for (const [draftIndex, draft] of drafts.entries()) {
    const contentSpan = { start: draft.contents[0]!.start, end: draft.contents[draft.contents.length - 1]!.end };
    const at = draft.source?.start ?? draft.cue?.start ?? contentSpan.start;
    const sentenceIndex = sentenceOf(at);
    let speaker: Speaker | null = null;
    let mention: Span | null = null;
    let role: string | null = null;

    if (draft.source) {
      mention = withAppositiveName(text, withPossessor(text, trimSpan(text, draft.source)), input.mentions);
      mention = withRelativeHead(text, mention, draft.cue, sentences[sentenceOf(mention.start)]);
      const tokens = sentences[sentenceIndex]?.tokens.filter((token) => token.start >= mention!.start && token.end <= mention!.end) ?? [];
      // Only proper names: the tagger's role and pronoun mentions are what this pass reads itself.
      const names = input.mentions.filter((m) => (m.kind === undefined || m.kind === 'name' || m.kind === 'acronym') && m.start >= mention!.start && m.end <= mention!.end);
      const reading = readSource(text, tokens, names);
      role = reading.role ? text.slice(reading.role.start, reading.role.end) : null;
      speaker = speakerFor(text, reading, mention, speakers, sentences, sentenceIndex, at, input.mentions, quotes);
    } else if (draft.continuation) {
      // A quote paragraph with no cue carries on the last speaker quoted, not the last holder of
      // a belief ("which is known to block …" in between).
      const previousSpeaker = speakers.findLast((candidate) => candidate.speech);
      if (previousSpeaker && sentenceIndex - previousSpeaker.sentence <= 8) {
        speaker = previousSpeaker;
        role = previousSpeaker.role;
      }
    }
    if (draft.continuation && !speaker) continue;

    const region = spanOfSentences(sentences, sentenceOf(contentSpan.start), sentenceOf(Math.max(contentSpan.end - 1, contentSpan.start)), sentenceIndex);
    const channel = draft.cue || draft.source ? findChannel(text, region, draft.contents, draft.cue) : null;
    let via = findVia(text, region, draft.contents);
    if (!via && speaker?.name && isOutletName(speaker.name) && mention) via = { start: mention.start, end: mention.end, text: text.slice(mention.start, mention.end) };
    if (via && mention && overlaps(via, mention) && !isOutletName(via.text)) via = null;

    const continues = draft.continuation ? (speaker?.quote ?? out.length - 1) : null;
    out.push({
      draft: draftIndex,
      kind: kindOf(text, contentSpan, quotes),
      content: contentSpan,
      cue: draft.cue,
      speaker: { name: speaker?.name ?? null, role: role ?? speaker?.role ?? null, mention },
      speakerAntecedent: speaker?.antecedent ?? null,
      channel: channel && (!mention || !overlaps(channel, mention)) ? channel : null,
      via,
      continues,
    });
    if (speaker && (speaker.name || speaker.role)) speakers.push({ ...speaker, sentence: sentenceIndex, end: at, quote: out.length - 1, speech: speech[draftIndex]! });
  }
  return out;
}

function spanOfSentences(sentences: readonly QuoteSentence[], from: number, to: number, also: number): Span {
  const first = Math.max(0, Math.min(from, to, also));
  const last = Math.min(sentences.length - 1, Math.max(from, to, also));
  return { start: sentences[first]!.start, end: sentences[last]!.end };
}

function kindOf(text: string, content: Span, quotes: readonly QuotedSpan[]): QuoteKind {
  const inside = quotes.filter((quote) => quote.start >= content.start && quote.end <= content.end);
  if (inside.length === 0) {
    const around = quotes.some((quote) => quote.start <= content.start && quote.end >= content.end);
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
  const recent = [...speakers].reverse().find((speaker) => sentenceIndex - speaker.sentence <= RECENT_SENTENCES && speaker.end < at);
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
    if (pronoun === 'it' || pronoun === 'you') return { ...base, name: null, antecedent: null, role: null };
    if (pronoun === 'they' || pronoun === 'we') {
      const group = nearestGroup(text, sentences, sentenceIndex, at);
      return { ...base, name: group ? text.slice(group.start, group.end) : null, antecedent: group, role: null };
    }
    // A person who is the subject of the sentence before (or of this one, before the pronoun)
    // and was named after the last speaker: "It comes as Putin has blamed … He offered …".
    const subject = recentSubject(text, sentences, sentenceIndex, at, names, quotes);
    if (subject && (!recent || subject.start > recent.end)) {
      const written = text.slice(subject.start, subject.end);
      const full = fullerName(text, sentences, written, subject);
      return { ...base, name: full ? text.slice(full.start, full.end) : bareName(written) || written, antecedent: full ?? subject, role: null };
    }
    if (recent) return { ...base, name: recent.name, antecedent: recent.antecedent, role: recent.role };
    const named = nearestName(text, sentences, sentenceIndex, at);
    if (named) return { ...base, name: text.slice(named.start, named.end), antecedent: named, role: null };
    return { ...base, name: null, antecedent: null, role: null };
  }
  const role = reading.role ? text.slice(reading.role.start, reading.role.end) : text.slice(mention.start, mention.end);
  // "The head of the Georgian Legion has said …" in a story that later names "Mamuka
  // Mamulashvili, head of the Georgian Legion": the office is held by the person named with it.
  const holder = namedHolder(text, role, mention, names);
  if (holder) {
    const written = text.slice(holder.start, holder.end);
    return { ...base, name: bareName(written) || written, antecedent: holder, role };
  }
  if (reading.shape === 'description' && recent && !isPlural(role)) return { ...base, name: recent.name, antecedent: recent.antecedent, role: recent.role ?? role };
  // A role with no name introduces its speaker: the role is the best name the text gives.
  return { ...base, name: role, antecedent: mention, role };
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
    for (const name of names) {
      if (name.type !== 'PERSON' || (name.kind !== undefined && name.kind !== 'name') || name.start < from || name.end > to) continue;
      if (quotes.some((quote) => name.start >= quote.start && name.end <= quote.end)) continue;
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
  const lower = text.toLowerCase();
  const needle = office.toLowerCase();
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    if (at >= mention.start && at < mention.end) continue;
    const before = names.find((name) => name.type === 'PERSON' && name.end <= at && /^,\s*(?:the\s+)?$/iu.test(text.slice(name.end, at)));
    const after = names.find((name) => name.type === 'PERSON' && name.start >= at + needle.length && /^,?\s*$/u.test(text.slice(at + needle.length, name.start)));
    const found = before ?? after;
    if (found) holders.set(bareName(text.slice(found.start, found.end)).toLowerCase(), found);
  }
  return holders.size === 1 ? [...holders.values()][0]! : null;
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
  if (names.some((name) => name.type === 'PERSON' && name.start >= mention.start && name.end <= mention.end)) return mention;
  // "Hannah Notte, the director of …, noted": the name stands just before the description.
  const before = names.find((name) => name.type === 'PERSON' && name.end <= mention.start && /^\s*,\s*$/u.test(text.slice(name.end, mention.start)));
  if (before && /^(?:the|a|an)\s/u.test(text.slice(mention.start, mention.end))) return { start: before.start, end: mention.end };
  const person = names.find((name) => name.type === 'PERSON' && name.start >= mention.end && name.start - mention.end <= 60);
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
  for (const sentence of sentences) {
    if (sentence.start >= at.start) break;
    for (const run of capitalisedRuns(text, sentence.tokens)) {
      const span = { start: sentence.tokens[run.from]!.start, end: sentence.tokens[run.to - 1]!.end };
      const words = bareName(text.slice(span.start, span.end)).split(/\s+/u);
      if (words.length >= 2 && words[words.length - 1] === surname) {
        // Keep only the name part (drop leading titles such as "Chechen leader").
        const name = words.join(' ');
        const offset = text.slice(span.start, span.end).lastIndexOf(name);
        if (offset >= 0) return { start: span.start + offset, end: span.start + offset + name.length };
      }
    }
  }
  return null;
}

/** The nearest capitalised two-word name before `at`, for a pronoun with no recent speaker. */
function nearestName(text: string, sentences: readonly QuoteSentence[], sentenceIndex: number, at: number): Span | null {
  for (let i = sentenceIndex; i >= Math.max(0, sentenceIndex - 3); i--) {
    const sentence = sentences[i]!;
    const runs = capitalisedRuns(text, sentence.tokens).filter((run) => run.to - run.from >= 2 && sentence.tokens[run.to - 1]!.end <= at);
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

/** "Russia and China" in the last two sentences: what "they" most often points back to. */
function nearestGroup(text: string, sentences: readonly QuoteSentence[], sentenceIndex: number, at: number): Span | null {
  const pattern = /\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*(?:,\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*)*,?\s+and\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*/gu;
  for (let i = sentenceIndex; i >= Math.max(0, sentenceIndex - 2); i--) {
    const sentence = sentences[i]!;
    const view = text.slice(sentence.start, Math.min(sentence.end, at));
    const matches = [...view.matchAll(pattern)];
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
