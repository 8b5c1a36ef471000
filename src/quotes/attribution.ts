/**
 * What an attribution attributes, and the attributions whose cue is no verb of saying. A reader
 * weighs "the minister said" differently from "the minister believes", "polls show" or "the
 * union accused the port of …": the first is speech, then a belief or stance, evidence from a
 * poll, document or inquiry, and an accusation. The labeller finds many of these but misses
 * the ones it rarely saw in training ("investigators found", "declined to comment", a colon
 * after a bare name, a trailing ", adding that …"); the patterns here find them over a
 * sentence's tokens, so that they are reported with their kind instead of lost.
 */
import type { Span } from '../document.js';
import type { Token } from '../text/tokens.js';
import { SPEECH_CUES, SPEECH_NOUNS } from './lexicon.js';

export type Attribution = 'speech' | 'belief' | 'evidence' | 'accusation';

/** Cue words that charge someone with something. */
const ACCUSATION_CUES = new Set(
  'accuse accuses accused accusing accusation accusations allege alleges alleged alleging allegation allegations blame blames blamed blaming charge charges charged charging'.split(' '),
);

/** Cue verbs that report what a record, poll or inquiry brings to light. */
export const EVIDENCE_CUES: ReadonlySet<string> = new Set('show shows showed shown showing reveal reveals revealed revealing find finds found finding findings indicate indicates indicated demonstrate demonstrates demonstrated prove proves proved proven'.split(' '));

/** Head nouns of sources that are records, polls or inquiries rather than speakers. */
export const EVIDENCE_SOURCES: ReadonlySet<string> = new Set(
  'poll polls survey surveys study studies report reports document documents records record data figures statistics emails email filings filing analysis analyses investigation investigations inquiry audit research tests test results evidence census footage images video investigators auditors researchers inspectors scientists'.split(' '),
);

/**
 * Public acts of speech the reporting-verb list leaves out: criticism, citing, questioning,
 * endorsing, proposing ("criticized the plan", "cited the figures", "endorsed Rimm").
 */
const SPEECH_ACTS = new Set(
  'criticize criticizes criticized criticizing criticise criticises criticised criticising criticism criticisms attack attacks attacked attacking assail assailed rail railed denounce denounced denouncing slam slams slammed blast blasted refer refers referred referring point points pointed pointing cite cites cited citing defend defends defended defending question questions questioned questioning talk talks talked talking speak speaks describing named name implied imply identified portrayed informed assure assured challenge challenged dismiss dismissed dismissing complain complaint complaints remarking repeated propose proposes proposed proposing proposal endorse endorses endorsed endorsing endorsement discuss discussed discussing praise praises praised praising thank thanked urged demand'.split(
    ' ',
  ),
);

/** Cue words that report a view, wish, demand or stance. */
const BELIEF_CUES = new Set(
  'believe believes believed believing think thinks thought thinking feel feels felt fear fears feared hope hopes hoped expect expects expected want wants wanted wanting wish wishes wished support supports supported supporting supportive oppose opposes opposed opposing doubt doubts doubted suspect suspects suspected worry worries worried know knows knew consider considers considered favour favours favoured favor favors favored convinced sure'.split(
    ' ',
  ),
);

/** Words of intent, plan, judgement or allegiance: "sought to", "plans to", "is skeptical of", "voted for". */
const STANCES = new Set(
  'seek seeks sought seeking plan plans planned planning intend intends intended hoping decide decided decision view views skeptical sceptical concerned concern concerns recognize recognise recognized recognised wonder wondered willing interest back backs backed backing vote votes voted voting push pushed pushing deem deems deemed prefer prefers preferred like likes liked dislike dislikes love loves hate hates trust trusts distrust see sees saw regard regards regarded agree agrees agreed disagree disagrees disagreed endorsement favorite favourite'.split(
    ' ',
  ),
);

/** Every word above that can carry an attribution with no verb of saying: the accurate tagger's gate reads it. */
export const NON_SPEECH_CUES: ReadonlySet<string> = new Set([...ACCUSATION_CUES, ...EVIDENCE_CUES, ...SPEECH_ACTS, ...BELIEF_CUES, ...STANCES]);

/**
 * The kind of an attribution, read from its cue and source, or null when the cue names none of
 * them (PolNeAR's broad definition has cues such as "went", "has led to", "offered": left out
 * by default). An accusation cue wins over speech ("accused" is said aloud too, but a reader
 * weighs it as a charge); a poll, record or inquiry as the source makes evidence of what it
 * shows or says, and so does an evidence verb with no source; a refusal ("declined to comment"),
 * a cue of saying, a colon or words in quotation marks make speech; a view, wish, stance or
 * call for something is a belief.
 */
export function attributionOf(cue: string | null, source: string | null, quoted: boolean): Attribution | null {
  if (cue === null) return 'speech';
  const lower = cue.toLowerCase();
  const words = lower.split(/[^\p{L}-]+/u).filter(Boolean);
  if (words.some((word) => ACCUSATION_CUES.has(word))) return 'accusation';
  if (REFUSAL_VERBS.has(words[0] ?? '')) return 'speech';
  const record = isRecord(source);
  const callsFor = /\bcall(?:s|ed|ing)?\s+for\b/u.test(lower);
  const believes = callsFor || words.some((word) => BELIEF_CUES.has(word) || STANCES.has(word));
  if (record && !believes) return 'evidence';
  if (callsFor) return 'belief';
  const evidenceVerb = words.find((word) => EVIDENCE_CUES.has(word));
  if (evidenceVerb) {
    if (source === null) return 'evidence';
    // "9 percent found it a deterrent": a person who finds something holds a view.
    if (/^find|^found/u.test(evidenceVerb)) return 'belief';
  }
  if (cue.trim() === ':' || words.some((word) => SPEECH_CUES.has(word) || SPEECH_NOUNS.has(word) || SPEECH_ACTS.has(word))) return 'speech';
  if (believes) return 'belief';
  return quoted ? 'speech' : null;
}

/** "A survey published by the Gazette", "the leaked documents": a record, not a person. */
function isRecord(source: string | null): boolean {
  if (!source) return false;
  const head = source.toLowerCase().split(/\s+(?:of|by|from|for|at|in|on|with)\s+/u)[0]!;
  return head.split(/[^\p{L}-]+/u).some((word) => EVIDENCE_SOURCES.has(word));
}

export interface FoundCue {
  cue: Span;
  /** True when the source stands just before the cue (the caller reads the noun phrase there). */
  sourceBefore: boolean;
  /** A source found by the pattern itself (the name before a colon). */
  source: Span | null;
  content: Span;
}

/** "declined to comment on …": a refusal on the record; what follows is its topic. */
const REFUSAL_VERBS = new Set('declined declines declining refused refuses refusing'.split(' '));
const REFUSED_ACTS = new Set('comment say discuss elaborate answer confirm specify disclose speculate respond detail address'.split(' '));
/** Participles that add a second attribution to a clause: "…, adding that the pier would reopen". */
const TRAILING_PARTICIPLES = new Set(['adding', 'noting', 'telling', 'suggesting']);
/** Words after which a verb form is a noun ("their support", "the fears") and no cue. */
const NOT_SUBJECT_END = new Set(
  'the a an their his her its our my your this that these those no any some of for in on at to by with from about as and or but public popular strong growing broad wide little much more less such'.split(' '),
);
/** Words that, right after a belief word, show it is a noun ("support grew", "hopes were") or idiom. */
const NOT_CONTENT_START = /^(?:is|are|was|were|has|have|had|will|would|could|can|grew|rose|fell|remained|remains|of|for|among|from|been|[,.;:!?)])$/iu;
/** Labels before a colon that introduce no statement. */
const COLON_LABELS = /^(?:note|update|updated|read|read more|see|see also|related|watch|listen|photo|photos|video|source|sources|correction|editor['’]s note|disclaimer|warning|q|a|more|also|live|breaking|pictured|above|below|credit|tags?|topics?)$/iu;

/**
 * Attribution cues the labeller tends to miss in one sentence: evidence ("polls show",
 * "investigators found"), beliefs and stances ("X believes", "X wants", "called for"),
 * accusations ("accused X of"), refusals ("declined to comment on"), a colon after a bare
 * source ("The ministry: …") and trailing participles (", adding that …"). `quoted(i)` says
 * whether token i lies inside quotation marks (a cue there is speech within speech).
 */
export function findCues(text: string, tokens: readonly Token[], quoted: (i: number) => boolean): FoundCue[] {
  const words = tokens.map((token) => text.slice(token.start, token.end));
  const lower = words.map((word) => word.toLowerCase());
  const last = /^[.?!]$/u.test(words[words.length - 1] ?? '') ? tokens.length - 2 : tokens.length - 1;
  const rest = (from: number): Span | null => (from <= last && from < tokens.length ? { start: tokens[from]!.start, end: tokens[last]!.end } : null);
  const found: FoundCue[] = [];
  const add = (cueFrom: number, cueTo: number, contentFrom: number, sourceBefore: boolean): void => {
    const content = rest(contentFrom);
    if (content) found.push({ cue: { start: tokens[cueFrom]!.start, end: tokens[cueTo - 1]!.end }, sourceBefore, source: null, content });
  };

  const colon = colonStatement(text, tokens, words, last);
  if (colon) found.push(colon);

  for (let i = 1; i < tokens.length; i++) {
    if (quoted(i)) continue;
    const word = lower[i]!;
    const previous = lower[i - 1]!;
    if (TRAILING_PARTICIPLES.has(word) && (previous === ',' || previous === 'and')) {
      // "telling reporters that …": the listener is no part of what was said.
      let from = i + 1;
      const that = lower.slice(i + 1, i + 6).indexOf('that');
      if (that >= 0) from = i + 1 + that;
      else if (word === 'telling') from = i + (/^(?:the|a|an|his|her|their|its)$/u.test(lower[i + 1] ?? '') ? 3 : 2);
      add(i, i + 1, from, false);
      continue;
    }
    if (REFUSAL_VERBS.has(word) && lower[i + 1] === 'to' && REFUSED_ACTS.has(lower[i + 2] ?? '')) {
      add(i, i + 3, i + 3, true);
      continue;
    }
    if (NOT_SUBJECT_END.has(previous) || !/^\p{Ll}/u.test(words[i]!)) continue;
    if (word === 'called' || word === 'calls' || word === 'calling') {
      if (lower[i + 1] === 'for' && !/^(?:was|were|is|are|been|be)$/u.test(previous)) add(i, i + 2, i + 2, true);
      continue;
    }
    if (ACCUSATION_CUES.has(word) && /^(?:accuse|accuses|accused|accusing|blame|blames|blamed|blaming)$/u.test(word)) {
      // "was accused of": the subject is the one accused, not the accuser.
      if (/^(?:was|were|is|are|been|be|being)$/u.test(previous)) continue;
      const object = lower.slice(i + 1, i + 10).findIndex((next) => next === 'of' || next === 'for');
      if (object > 0) add(i, i + 1, i + 1, true);
      continue;
    }
    if (EVIDENCE_CUES.has(word) && !/^(?:finding|findings|shown)$/u.test(word)) {
      const subject = /^(?:also|have|has|had|clearly|now|all|both)$/u.test(previous) ? lower[i - 2] ?? '' : previous;
      if (EVIDENCE_SOURCES.has(subject) && !NOT_CONTENT_START.test(words[i + 1] ?? '')) add(i, i + 1, i + 1, true);
      continue;
    }
    if (BELIEF_CUES.has(word) && !/^(?:thought|felt|considered|considers|consider|sure|convinced|know|knows|knew|supportive|expected)$/u.test(word)) {
      if (NOT_CONTENT_START.test(words[i + 1] ?? '') || /^(?:was|were|is|are|been|be|being)$/u.test(previous)) continue;
      add(i, i + 1, i + 1, true);
    }
  }
  return found;
}

/** "The ministry: the border stays shut." A short source with no verb, a colon, a statement. */
function colonStatement(text: string, tokens: readonly Token[], words: readonly string[], last: number): FoundCue | null {
  const colon = words.indexOf(':');
  if (colon < 1 || colon > 6 || colon + 2 > last) return null;
  const head = words.slice(0, colon);
  if (!/^\p{Lu}/u.test(head[0]!) || COLON_LABELS.test(head.join(' ')) || head.some((word) => /[“”"‘’\d]/u.test(word))) return null;
  // A name or a description: capitalised words, or lower-case ones after an article ("the ministry").
  if (!head.every((word, i) => /^\p{Lu}/u.test(word) || /^['’]s$/u.test(word) || (i > 0 && /^(?:the|of|for|and|\p{Ll}+)$/u.test(word) && /^(?:the|a|an|its|their|his|her)$/iu.test(head[0]!)))) return null;
  if (head.some((word) => /^(?:is|are|was|were|has|have|had|said|says|will|would)$/iu.test(word))) return null;
  const source = { start: tokens[0]!.start, end: tokens[colon - 1]!.end };
  return { cue: tokens[colon]!, sourceBefore: false, source, content: { start: tokens[colon + 1]!.start, end: tokens[last]!.end } };
}
