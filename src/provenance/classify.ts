/**
 * From a cited phrase to a cited source: the exact words that name it ("the official Russian
 * media, TASS" → "TASS"; "the Kommersant newspaper" → "Kommersant"; "a source close to the
 * Kremlin" → "source close to the Kremlin"), the kind of source those words are, and whether
 * the phrasing's family admits that kind at all ("Putin said" is a speaker, not a relay).
 */
import type { Span } from '../document.js';
import { NOT_NAME_STARTS, PLACE_NAMES, ROLE_HEADS } from '../identity/lexicon.js';
import { normaliseName } from '../identity/names.js';
import { isOutletName } from '../quotes/channel.js';
import type { Family } from './citations.js';
import {
  AGENCY_WORDS,
  ANONYMOUS_WORDS,
  DOCUMENT_WORDS,
  KNOWN_OUTLETS,
  NEWS_AGENCIES,
  OFFICIAL_WORDS,
  OUTLET_WORDS,
  PLATFORMS,
  VAGUE_QUANTIFIERS,
  type SourceKind,
} from './lexicon.js';

export interface Named {
  name: Span;
  kind: SourceKind;
}

export interface ClassifyContext {
  /** Outlets of the run's documents, in normal form: they are outlets whatever their name. */
  outlets: ReadonlySet<string>;
  /** The entity type of a name, when the identity stage knows it. */
  entityType(span: Span): string | null;
}

interface Word extends Span {
  text: string;
  lower: string;
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’&-]|\.(?=[\p{L}\p{N}]))*/gu;
const DOMAIN = /\.(?:com|co\.uk|org|net|ru|ua|il|news|info|de|fr|in|au|ca|tv|media|io)$/iu;
const AGENCY_NAME = /\b(?:News|Press)\s+(?:Agency|Service|Association)\b|\bNewswire\b|\bWire\s+Service\b|\bAgence\b/u;
const PRONOUNS = new Set(['him', 'her', 'them', 'it', 'he', 'she', 'they', 'us', 'me', 'you', 'this', 'that', 'which', 'what', 'some', 'one']);
/** Words that end a description's head: "spokesperson | for the ministry", "sources | familiar with". */
const HEAD_ENDS = new Set(['for', 'of', 'with', 'close', 'familiar', 'in', 'at', 'from', 'on', 'inside', 'within', 'to', 'briefed', 'involved', 'who', 'by']);
const DEMONYMS = new Set(PLACE_NAMES.flatMap((place) => place.demonyms.map((demonym) => demonym.toLowerCase())));

function words(text: string, span: Span): Word[] {
  const found: Word[] = [];
  WORD.lastIndex = span.start;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(text)) !== null && match.index < span.end) {
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0], lower: match[0].toLowerCase() });
  }
  return found;
}

const isCapitalised = (word: Word) => /^[\p{Lu}\p{N}]/u.test(word.text);
const isDemonym = (word: Word) => DEMONYMS.has(word.lower) || /^\p{Lu}\p{Ll}+(?:ian|ish|ese|i)$/u.test(word.text);
const bigrams = (list: readonly Word[]) => list.slice(1).map((word, index) => `${list[index]!.lower} ${word.lower}`);

/**
 * The name and kind a cited phrase comes to, or null when it names no source this family can cite.
 *
 * @example classifyCitation(text, { start: 10, end: 36 }, 'relay', null, context) // { name: {…"TASS"}, kind: 'news-agency' }
 */
export function classifyCitation(text: string, phrase: Span, family: Family, apposition: Span | null, context: ClassifyContext): Named | null {
  // "told this newspaper": the article's own outlet, which has no name here.
  if (family === 'self' && /^(?:this|our)\s/iu.test(text.slice(phrase.start, phrase.end))) return { name: phrase, kind: 'outlet' };
  let list = words(text, phrase);
  // Sentence openers ("But sources said") and articles are not part of the name; a capitalised
  // "The" stays inside a sentence when a name follows it ("reports The Telegraph").
  while (list.length > 1) {
    const first = list[0]!;
    const opener = NOT_NAME_STARTS.has(first.lower) && !VAGUE_QUANTIFIERS.has(first.lower) && first.lower !== 'the';
    const article = ['the', 'a', 'an', 'A', 'An'].includes(first.text) || (first.text === 'The' && (!isCapitalised(list[1]!) || opensSentence(text, first.start)));
    if (!opener && !article) break;
    list = list.slice(1);
  }
  if (list.length === 0 || (list.length === 1 && PRONOUNS.has(list[0]!.lower))) return null;
  const whole = { start: list[0]!.start, end: list[list.length - 1]!.end };
  // The pattern itself says what an unnamed source or a document is.
  if (family === 'unnamed') return { name: whole, kind: 'anonymous' };
  if (family === 'document') return { name: whole, kind: 'document' };

  const headEnd = list.findIndex((word, index) => index > 0 && HEAD_ENDS.has(word.lower));
  const headWords = headEnd > 0 ? list.slice(0, headEnd) : list;
  const head = headWords[headWords.length - 1]!;
  const lowerWords = new Set([...list.map((word) => word.lower), ...bigrams(list)]);
  const has = (lexicon: ReadonlySet<string>) => [...lowerWords].some((word) => lexicon.has(word));
  const stateMedia = /\b(?:state|official)(?:-run|-owned)?\s+(?:\p{Lu}\p{L}+\s+)?(?:media|television|tv|radio|broadcaster|news\s+agency)\b/iu.test(text.slice(phrase.start, phrase.end));

  // "the spokesperson for the ministry, Maria Zakharova", "the official Russian media, TASS".
  if (apposition && !isCapitalised(head) && (has(OFFICIAL_WORDS) || has(OUTLET_WORDS) || has(AGENCY_WORDS) || ROLE_HEADS.has(head.lower))) {
    const described: SourceKind = stateMedia || has(OFFICIAL_WORDS) ? 'official-channel' : has(AGENCY_WORDS) ? 'news-agency' : has(OUTLET_WORDS) ? 'outlet' : 'person';
    const kind = kindOfName(text, apposition, context) ?? described;
    return admits(family, kind, head.lower, stateMedia) ? { name: apposition, kind } : null;
  }

  // "the Kommersant newspaper", "Israeli broadcaster Kan", "the state news agency IRNA".
  // A capitalised descriptor is part of the name itself ("Valdoria Press Agency", "Sky News").
  const descriptor = list.findIndex((word) => !isCapitalised(word) && (OUTLET_WORDS.has(word.lower) || AGENCY_WORDS.has(word.lower)));
  if (descriptor >= 0) {
    const after = capitalRun(list, descriptor + 1, 1);
    const before = stateMedia ? null : capitalRun(list, descriptor - 1, -1);
    const run = after ?? (before && !(before.length === 1 && isDemonym(before[0]!)) ? before : null);
    if (run) {
      const name = { start: run[0]!.start, end: run[run.length - 1]!.end };
      const kind = kindOfName(text, name, context) ?? (AGENCY_WORDS.has(list[descriptor]!.lower) ? 'news-agency' : 'outlet');
      return admits(family, kind, head.lower, stateMedia) ? { name, kind } : null;
    }
  }

  let kind = kindOfName(text, whole, context);
  if (!kind) {
    if (stateMedia) kind = 'official-channel';
    else if (!isCapitalised(head) && ANONYMOUS_WORDS.has(head.lower)) kind = 'anonymous';
    else if (!isCapitalised(head) && DOCUMENT_WORDS.has(head.lower)) kind = 'document';
    else if (has(OFFICIAL_WORDS)) kind = 'official-channel';
    else kind = kindOfEntity(text, whole, list, context);
  }
  if (!kind) return null;
  return admits(family, kind, head.lower, stateMedia) ? { name: whole, kind } : null;
}

/** The kind a name has by itself: a platform, an agency or an outlet; null when its words do not say. */
function kindOfName(text: string, span: Span, context: ClassifyContext): SourceKind | null {
  const written = text.slice(span.start, span.end);
  const norm = normaliseName(written);
  if (PLATFORMS.has(norm) || written === 'X') return 'social';
  if (NEWS_AGENCIES.has(norm) || AGENCY_NAME.test(written)) return 'news-agency';
  if (context.outlets.has(norm) || KNOWN_OUTLETS.has(norm) || DOMAIN.test(written)) return 'outlet';
  if (/^\p{Lu}/u.test(written) && isOutletName(written) && !/\bAgency\b/u.test(written)) return 'outlet';
  return null;
}

/** The kind of a name the lexicons do not know, from what the identity stage made of it. */
function kindOfEntity(text: string, span: Span, list: readonly Word[], context: ClassifyContext): SourceKind | null {
  const type = context.entityType(span);
  if (type === 'PERSON') return 'person';
  if (type === 'GPE') return 'official-channel';
  if (type === 'ORG' || type === 'NORP' || type === 'MISC') return 'organisation';
  if (!isCapitalised(list[0]!)) {
    // A described person without a name: "the head of the Georgian Legion".
    return list.some((word) => ROLE_HEADS.has(word.lower)) ? 'person' : null;
  }
  if (type) return 'organisation';
  const capitals = list.filter(isCapitalised).length;
  return capitals === list.length && capitals >= 2 && capitals <= 3 && !/\b(?:of|for)\b/u.test(text.slice(span.start, span.end)) ? 'person' : 'organisation';
}

/** True when only spaces and opening marks stand between `at` and a line break or the end of the previous sentence. */
function opensSentence(text: string, at: number): boolean {
  let index = at - 1;
  while (index >= 0 && /[ \t"“‘'(]/u.test(text[index]!)) index -= 1;
  return index < 0 || /[.!?:\n\r]/u.test(text[index]!);
}

/** The capitalised words next to `from`, read in `step` direction. */
function capitalRun(list: readonly Word[], from: number, step: 1 | -1): Word[] | null {
  const run: Word[] = [];
  const named = (word: Word) => isCapitalised(word) && word.lower !== 'the' && !NOT_NAME_STARTS.has(word.lower) && !VAGUE_QUANTIFIERS.has(word.lower);
  for (let index = from; index >= 0 && index < list.length && named(list[index]!); index += step) run.push(list[index]!);
  if (step < 0) run.reverse();
  return run.length ? run : null;
}

/** Whether a phrasing of this family can cite a source of this kind. */
function admits(family: Family, kind: SourceKind, head: string, stateMedia: boolean): boolean {
  const media = kind === 'news-agency' || kind === 'outlet';
  switch (family) {
    case 'lean':
      return true;
    case 'relay':
      return media || (kind === 'official-channel' && stateMedia) || (kind === 'anonymous' && ['media', 'outlets', 'reports'].includes(head));
    case 'told':
    case 'self':
      return media || (kind === 'official-channel' && stateMedia);
    case 'platform':
      return kind === 'social';
    case 'venue':
      return kind === 'official-channel' || kind === 'social' || media;
    case 'unnamed':
      return kind === 'anonymous';
    case 'document':
      return kind === 'document';
  }
}
