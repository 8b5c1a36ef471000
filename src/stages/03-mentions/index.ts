/**
 * Stage 3, mentions: names of people, organisations, places, groups and events inside each
 * document, plus the role phrases that identity needs to tie "the Chechen leader" to a name.
 *
 * Names come from our own tagger (src/ner: an averaged perceptron trained on CoNLL-2003, which
 * knows only PER / ORG / LOC / MISC). Small lexicons then split those into our types: LOC into
 * GPE (states, cities, provinces) and LOC (regions, seas), MISC into NORP (nationalities and
 * groups), EVENT and MISC; seats of government ("the Kremlin") and capitals used as actors
 * ("Moscow said") become metonyms of their state.
 */
import { z } from 'zod';
import type { EntityType } from '../../contract.js';
import type { Doc, Span } from '../../document.js';
import {
  AMBIGUOUS_ROLE_HEADS,
  CAPITALS,
  EVENT_HEADS,
  GROUP_WORDS,
  HONORIFICS,
  MEDIA_NAMES,
  NAME_CONNECTORS,
  NOT_NAME_STARTS,
  ORG_HEADS,
  SETTLEMENT_NOUNS,
  STATE_NAMED_GROUPS,
  REGION_HEADS,
  REGION_NAMES,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SEATS,
} from '../../identity/lexicon.js';
import { buildPlaceIndex, namesAState, placeKey, type PlaceIndex } from '../../identity/places.js';
import type { TokenSpan } from '../../ner/labels.js';
import { defaultModel, tagDocument } from '../../ner/tagger.js';
import { defineDocumentStage } from '../../stage.js';

declare module '../../document.js' {
  interface StageResults {
    mentions: MentionsResult;
  }
}

export interface Mention extends Span {
  /** The name's type in this document (one per name, see `harmoniseTypes`). */
  type: EntityType;
  /** The type this span had where it stands, when the document's one type per name overrode it. */
  spanType?: EntityType;
  kind: 'name' | 'pronoun' | 'role' | 'metonym' | 'demonym' | 'acronym';
  /** The tagger's CoNLL type (PER, ORG, LOC, MISC), when the mention is a tagged name. */
  conll?: string;
  /** Role words that describe this person here ("Kremlin spokesman" -> "spokesman"); for a role mention, its own role. */
  role?: Span & { value: string };
  /** The name that the role belongs to ("Kremlin" in "Kremlin spokesman"), as a span of the text. */
  affiliation?: Span;
  /** For metonyms and demonyms: the state or region code they stand for (RUS, RUS:CHECHNYA). */
  code?: string;
  /** Set when the words around the name decided its type ("the town of X", "the river X"): such
   * a mention outweighs the tagger's guesses when one type is chosen per name. */
  typedByContext?: true;
}

export interface MentionsResult {
  /** Ordered by start; never inside a removed span. */
  mentions: Mention[];
}

export const mentionsOptions = z.object({}).strict();

let places: PlaceIndex | null = null;
function placeIndex(): PlaceIndex {
  places ??= buildPlaceIndex(defaultModel().resources.gazetteer);
  return places;
}

export const mentionsStage = defineDocumentStage({
  name: 'mentions',
  summary: 'recognise names of people, organisations, places, groups and events',
  options: mentionsOptions,
  run(doc) {
    const sentences = doc.results.segment?.sentences;
    if (!sentences || sentences.length === 0) return { result: { mentions: [] } };
    const model = defaultModel();
    const forms = sentences.map((sentence) => sentence.tokens.map((token) => doc.text.slice(token.start, token.end)));
    const tagged = tagDocument(model, forms).map((spans, s) => joinNames(forms[s]!, addKnownNames(forms[s]!, repairSpans(forms[s]!, spans))));
    const body = bodyOfTitleCaseHeadlines(doc.text, sentences, forms);
    const perSentence = sentences.map((sentence, s) =>
      tagged[s]!
        // A Title Case headline read whole as one name ("Campaigners Say Leak Began Early") is no name.
        .filter((span) => !(sentence.headline && span.end - span.start >= 5 && span.end - span.start >= 0.8 * sentence.tokens.length))
        // In a Title Case headline capitals say nothing, so an organisation or other name of
        // several words there ("Putin's Allies Defend Palestine") is kept only when the rest of
        // the text writes it too, in any case ("NEW YORK" in a headline in capitals); people's
        // names (a byline, "Reporting by …") are trusted as tagged.
        .filter((span) => !(sentence.headline && body !== null && span.type !== 'PER' && span.type !== 'LOC' && span.end - span.start >= 2 && isTitleCase(forms[s]!) && !body.includes(doc.text.slice(sentence.tokens[span.start]!.start, sentence.tokens[span.end - 1]!.end).toLowerCase())))
        .map((span) => ({ ...span, mention: nameMention(doc, sentence.tokens, forms[s]!, span.start, span.end, span.type) })),
    );
    harmoniseTypes(doc, perSentence);
    const names = namesByText(doc, perSentence);
    const mentions: Mention[] = [];
    sentences.forEach((sentence, s) => {
      const words = forms[s]!;
      const items = splitCompounds(doc, perSentence[s]!, names);
      for (const item of items) {
        if (item.mention.type === 'PERSON') attachRole(sentence.tokens, words, item.start, item.end, item.mention, items);
      }
      mentions.push(...items.map((item) => item.mention), ...roleMentions(sentence.tokens, words, items));
    });
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    return { result: { mentions } };
  },
});

/** Words a Title Case headline leaves in lower case. */
const TITLE_CASE_MINOR = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'via']);

/**
 * True when nearly every word of a line is capitalised, as in "Putin's Allies Defend Palestine";
 * a line with many figures for its words (a row of a results table) is no headline, whatever its
 * names' capitals.
 */
function isTitleCase(words: readonly string[]): boolean {
  const major = words.filter((word) => /^\p{L}/u.test(word) && !TITLE_CASE_MINOR.has(word.toLowerCase()));
  const figures = words.filter((word) => /^\d/u.test(word)).length;
  return major.length >= 3 && major.length > 2 * figures && major.filter((word) => /^\p{Lu}/u.test(word)).length >= 0.8 * major.length;
}

/**
 * The lower-cased text of every sentence but the Title Case headlines (a line of a table counts,
 * though it has no full stop), when the document has a Title Case headline (else null).
 */
function bodyOfTitleCaseHeadlines(text: string, sentences: readonly { start: number; end: number; headline?: boolean }[], forms: readonly (readonly string[])[]): string | null {
  const titleCase = sentences.map((sentence, s) => sentence.headline === true && isTitleCase(forms[s]!));
  if (!titleCase.includes(true)) return null;
  return sentences
    .filter((_, s) => !titleCase[s])
    .map((sentence) => text.slice(sentence.start, sentence.end))
    .join('\n')
    .toLowerCase();
}

interface TokenMention {
  start: number;
  end: number;
  mention: Mention;
}

/**
 * Fixes the tagger's rare run-on spans: a name stops at a lower-case word that is not a
 * connector ("of", "al"), at punctuation, and does not start with a word that is capitalised
 * only because it opens the sentence ("Outside Lisbon").
 */
function repairSpans(words: readonly string[], spans: readonly TokenSpan[]): TokenSpan[] {
  const repaired: TokenSpan[] = [];
  for (const span of spans) {
    let { start, end } = span;
    for (let i = start + 1; i < end; i++) {
      const word = words[i]!;
      const lower = word.toLowerCase();
      const isLowerWord = /^\p{Ll}/u.test(word) && !NAME_CONNECTORS.has(lower);
      const isBreak = /^[,;:!?"“”()]$/.test(word);
      if (isLowerWord || isBreak) {
        end = i;
        break;
      }
    }
    while (end - start > 1 && NAME_CONNECTORS.has(words[end - 1]!.toLowerCase())) end--;
    while (end - start > 1 && NOT_NAME_STARTS.has(words[start]!.toLowerCase())) start++;
    while (end - start > 1 && HONORIFICS.has(words[start]!.toLowerCase())) start++;
    // "Operation Desert Wind": the tagger often leaves the first word out.
    if (start > 0 && words[start - 1] === 'Operation') start--;
    if (!/\p{Lu}|\d/u.test(words.slice(start, end).join(''))) continue;
    repaired.push({ start, end, type: span.type });
  }
  return repaired;
}

/**
 * Seats of government, outlets, states and demonyms from our lists that the tagger left out (it is
 * least sure of a capitalised word that opens a sentence: "Kremlin spokesman ...").
 */
function addKnownNames(words: readonly string[], spans: TokenSpan[]): TokenSpan[] {
  const covered = new Uint8Array(words.length);
  for (const span of spans) covered.fill(1, span.start, span.end);
  const added: TokenSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (covered[i] || !/^\p{Lu}\p{Ll}/u.test(word)) continue;
    const lower = word.toLowerCase();
    const place = placeIndex().byName.get(lower);
    if (SEATS[lower] || MEDIA_NAMES.has(lower)) added.push({ start: i, end: i + 1, type: 'ORG' });
    else if (place?.kind === 'demonym') added.push({ start: i, end: i + 1, type: 'MISC' });
    else if (place?.kind === 'name' && placeIndex().display.get(place.code)?.toLowerCase() === lower) added.push({ start: i, end: i + 1, type: 'LOC' });
  }
  if (added.length === 0) return spans;
  return [...spans, ...added].sort((a, b) => a.start - b.start);
}

/**
 * "Serbian" + "Brigade" tagged apart are one name when they touch and the second is an
 * organisation; "Ohio-based" + "KeyCorp" stay two, as the first describes the second.
 */
function joinNames(words: readonly string[], spans: TokenSpan[]): TokenSpan[] {
  const joined: TokenSpan[] = [];
  for (const span of spans) {
    const last = joined[joined.length - 1];
    if (last && last.end === span.start && span.type === 'ORG' && last.type === 'MISC' && /^\p{Lu}/u.test(words[span.start]!) && !/-\p{Ll}+$/u.test(words[last.end - 1]!)) {
      last.end = span.end;
      last.type = 'ORG';
      continue;
    }
    joined.push({ ...span });
  }
  return joined;
}

function nameMention(doc: Readonly<Doc>, tokens: readonly Span[], words: readonly string[], from: number, to: number, conll: string): Mention {
  const span = { start: tokens[from]!.start, end: tokens[to - 1]!.end };
  const text = doc.text.slice(span.start, span.end);
  const key = placeKey(text);
  const lastWord = key.split(/\s+/).pop() ?? '';
  const before = (words[from - 1] ?? '').toLowerCase();
  const place = placeIndex().byName.get(key);
  const base = { ...span, conll };
  const firstWord = key.split(/\s+/)[0] ?? '';
  if (SEATS[key]) return { ...base, type: 'GPE', kind: 'metonym', code: SEATS[key] };
  if (GROUP_WORDS.has(key)) return { ...base, type: 'NORP', kind: 'name' };
  if (STATE_NAMED_GROUPS.has(key.replace(/^the /, ''))) return { ...base, type: 'ORG', kind: 'name' };
  const context = typeFromContext(words, from, to);
  if (context) return { ...base, type: context, kind: 'name', typedByContext: true, ...(place && context === 'GPE' ? { code: place.code } : {}) };
  const known = gazetteerKinds(key);
  // "Valdorian": an adjective of nationality or language, unknown to our lists.
  if (to - from === 1 && !place && known.size === 0 && /^\p{Lu}\p{Ll}+(?:ian|ean|ese)$/u.test(text)) return { ...base, type: 'NORP', kind: 'demonym' };
  // The actor dictionaries settle a lone name the tagger typed against them ("Putin" as a place).
  if (known.has('person') && !known.has('org') && !known.has('country') && conll !== 'PER' && !place) return { ...base, type: 'PERSON', kind: 'name' };
  if (known.has('org') && !known.has('person') && conll === 'PER' && to - from === 1) return { ...base, type: 'ORG', kind: 'name' };
  if (firstWord === 'operation' && to - from > 1) return { ...base, type: 'EVENT', kind: 'name' };
  if (/\.(?:com|co|org|net|gov|news)\b/i.test(text)) return { ...base, type: 'ORG', kind: 'name' };
  if (ORG_HEADS.has(lastWord) && to - from > 1 && conll !== 'LOC') return { ...base, type: 'ORG', kind: 'name' };
  switch (conll) {
    case 'PER':
      return { ...base, type: 'PERSON', kind: 'name' };
    case 'ORG':
      if (place?.kind === 'name' && !/\s/.test(key)) return { ...base, type: 'GPE', kind: 'name', code: place.code };
      return { ...base, type: 'ORG', kind: /^[A-Z][A-Z.&-]{1,7}$/.test(text) ? 'acronym' : 'name' };
    case 'LOC': {
      if (REGION_NAMES.has(key) || REGION_HEADS.has(lastWord)) return { ...base, type: 'LOC', kind: 'name' };
      const capital = CAPITALS[key];
      if (capital && actsAsGovernment(before)) return { ...base, type: 'GPE', kind: 'metonym', code: capital };
      return { ...base, type: 'GPE', kind: 'name', ...(place ? { code: place.code } : {}) };
    }
    default: {
      // A state's other name that the tagger calls neither place nor organisation is its
      // adjective ("Thai", "South Korean"), which the place lists file among the names.
      const adjective = place?.kind === 'name' && placeIndex().display.get(place.code)?.toLowerCase() !== key;
      if (place?.kind === 'demonym' || adjective) return { ...base, type: 'NORP', kind: 'demonym', code: place!.code };
      if (GROUP_WORDS.has(key)) return { ...base, type: 'NORP', kind: 'name' };
      if (EVENT_HEADS.has(lastWord)) return { ...base, type: 'EVENT', kind: 'name' };
      if (place?.kind === 'name') return { ...base, type: 'GPE', kind: 'name', code: place.code };
      return { ...base, type: 'MISC', kind: 'name' };
    }
  }
}

/** Nouns of people who live in or govern a place: "residents of X", "X's mayor". */
const OF_PLACE = new Set(['residents', 'people', 'citizens', 'mayor', 'outskirts', 'centre', 'center', 'downstream', 'upstream', 'north', 'south', 'east', 'west', 'streets']);
const WATER_AND_RELIEF = new Set(['river', 'lake', 'mount', 'sea', 'valley', 'bay', 'gulf']);

/**
 * The words around a name that settle its type whatever the tagger said: "the town of X",
 * "the towns of X and Y", "residents of X", "X's mayor" make a settlement; "the river X" a
 * natural feature.
 */
function typeFromContext(words: readonly string[], from: number, to: number): EntityType | null {
  const lower = (i: number): string => (words[i] ?? '').toLowerCase();
  if (WATER_AND_RELIEF.has(lower(from - 1)) && /^\p{Ll}/u.test(words[from - 1] ?? '')) return 'LOC';
  // Back over a list of names to the "of" that opens it: "the towns of Aldport and Vessby".
  let at = from - 1;
  while (at > 1 && (lower(at) === 'and' || lower(at) === ',') && /^\p{Lu}/u.test(words[at - 1] ?? '')) at -= 2;
  if (lower(at) === 'of') {
    const noun = lower(at - 1);
    const singular = noun.endsWith('s') ? noun.slice(0, -1) : noun;
    if (SETTLEMENT_NOUNS.has(noun) || SETTLEMENT_NOUNS.has(singular) || OF_PLACE.has(noun)) return 'GPE';
  }
  if (/^['’]s?$/u.test(words[to] ?? '') && (lower(to + 1) === 'mayor' || lower(to + 1) === 'residents')) return 'GPE';
  return null;
}

/** How many tagger guesses one contextual typing outweighs. */
export const CONTEXT_VOTES = 3;

/**
 * The document-level consistency pass: one name keeps one type through a document. A surname
 * of a person named in full is a person ("Putin" after "Vladimir Putin") unless it is a state's
 * name, and otherwise the most frequent type of the same text wins; a mention outvoted so keeps
 * its own type as `spanType`, since the words around it may know better than the majority.
 */
function harmoniseTypes(doc: Readonly<Doc>, perSentence: TokenMention[][]): void {
  const surnames = new Set<string>();
  const votes = new Map<string, Map<EntityType, number>>();
  for (const items of perSentence) {
    for (const { mention } of items) {
      const text = doc.text.slice(mention.start, mention.end);
      if (mention.type === 'PERSON' && /\s/.test(text)) surnames.add(text.split(/\s+/).pop()!);
      if (mention.kind !== 'name') continue;
      const count = votes.get(text) ?? new Map<EntityType, number>();
      count.set(mention.type, (count.get(mention.type) ?? 0) + (mention.typedByContext ? CONTEXT_VOTES : 1));
      votes.set(text, count);
    }
  }
  for (const items of perSentence) {
    for (const item of items) {
      const mention = item.mention;
      if (mention.kind !== 'name' || mention.typedByContext) continue;
      const text = doc.text.slice(mention.start, mention.end);
      if (surnames.has(text) && mention.type !== 'PERSON' && !namesAState(placeIndex(), placeKey(text))) {
        item.mention = { start: mention.start, end: mention.end, type: 'PERSON', kind: 'name', ...(mention.conll ? { conll: mention.conll } : {}) };
        continue;
      }
      const count = votes.get(text)!;
      let best = mention.type;
      for (const [type, n] of count) if (n > (count.get(best) ?? 0)) best = type;
      if (best !== mention.type) {
        mention.spanType = mention.type;
        mention.type = best;
      }
    }
  }
}

/**
 * The names of a document by their text (the last one wins), without hyphenated ones: the parts
 * `splitCompounds` may recognise. Built once per document, since every sentence looks into it.
 */
function namesByText(doc: Readonly<Doc>, perSentence: readonly TokenMention[][]): ReadonlyMap<string, Mention> {
  const known = new Map<string, Mention>();
  for (const list of perSentence) {
    for (const { mention } of list) {
      const text = doc.text.slice(mention.start, mention.end);
      if (!text.includes('-') && mention.kind !== 'role') known.set(text, mention);
    }
  }
  return known;
}

/**
 * "Turkey-Syria", "Greek-Cypriot", "NATO-led": a hyphenated word tagged as one name holds
 * names of its own; each part that is a known place, demonym or a name of this document
 * (`known`, from `namesByText`) becomes a mention, and the compound goes.
 */
export function splitCompounds(doc: Readonly<Doc>, items: readonly TokenMention[], known: ReadonlyMap<string, Mention>): TokenMention[] {
  const out: TokenMention[] = [];
  for (const item of items) {
    const text = doc.text.slice(item.mention.start, item.mention.end);
    if (item.end - item.start !== 1 || !/^\p{Lu}[\p{L}.]*(?:-\p{L}[\p{L}.]*)+$/u.test(text) || item.mention.type === 'PERSON') {
      out.push(item);
      continue;
    }
    const parts: TokenMention[] = [];
    let offset = item.mention.start;
    for (const part of text.split('-')) {
      const start = offset;
      const end = offset + part.length;
      offset = end + 1;
      const place = placeIndex().byName.get(part.toLowerCase());
      const other = known.get(part);
      if (place && /^\p{Lu}/u.test(part)) {
        const type: EntityType = place.kind === 'demonym' ? 'NORP' : 'GPE';
        parts.push({ start: item.start, end: item.end, mention: { start, end, type, kind: place.kind === 'demonym' ? 'demonym' : 'name', code: place.code } });
      } else if (other) {
        parts.push({ start: item.start, end: item.end, mention: { start, end, type: other.type, kind: other.kind, ...(other.code ? { code: other.code } : {}) } });
      }
    }
    if (parts.length > 0) out.push(...parts);
    else out.push(item);
  }
  return out;
}

function gazetteerKinds(key: string): Set<string> {
  const records = defaultModel().resources.gazetteer.byPhrase.get(key) ?? [];
  return new Set(records.map((record) => record.kind));
}

const LOCATIVE = new Set(['in', 'to', 'into', 'from', 'at', 'near', 'outside', 'inside', 'across', 'around', 'toward', 'towards', 'via', 'visited', 'visit', 'through', 'of', 'between', 'within', 'flew', 'travelled', 'traveled', 'arrived']);

/** "Moscow said" or "Moscow's view" is the government; "talks in Moscow" is the city. */
function actsAsGovernment(before: string): boolean {
  return !LOCATIVE.has(before);
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);
const POSSESSIVE = /^['’]s?$/;

function isRoleWord(word: string): boolean {
  const lower = word.toLowerCase();
  return ROLE_HEADS.has(lower) || ROLE_MODIFIERS.has(lower);
}

/** Role words ending just before token `end` (exclusive): returns the first token of the role, or -1. */
function roleBefore(words: readonly string[], end: number): number {
  let start = end;
  while (start > 0 && isRoleWord(words[start - 1]!)) start--;
  if (start === end || !ROLE_HEADS.has(words[end - 1]!.toLowerCase())) return -1;
  return start;
}

/** The mention that ends at token `end` (exclusive), allowing a possessive after it. */
function mentionEndingAt(items: readonly TokenMention[], words: readonly string[], end: number): TokenMention | null {
  const possessive = end > 0 && POSSESSIVE.test(words[end - 1]!);
  const at = possessive ? end - 1 : end;
  return items.find((item) => item.end === at && item.mention.kind !== 'role') ?? null;
}

function roleValue(tokens: readonly Span[], words: readonly string[], from: number, to: number): Span & { value: string } {
  return { start: tokens[from]!.start, end: tokens[to - 1]!.end, value: words.slice(from, to).join(' ').toLowerCase() };
}

/** Finds the role words and affiliation around a person's name, in place on `mention`. */
function attachRole(
  tokens: readonly Span[],
  words: readonly string[],
  from: number,
  to: number,
  mention: Mention,
  items: readonly TokenMention[],
): void {
  let first = from;
  while (first > 0 && HONORIFICS.has(words[first - 1]!.toLowerCase())) first--;
  // "Kremlin spokesman Dmitry Peskov", "Chechen President Kadyrov".
  const roleStart = roleBefore(words, first);
  if (roleStart >= 0) {
    mention.role = roleValue(tokens, words, roleStart, first);
    const owner = mentionEndingAt(items, words, roleStart);
    if (owner) mention.affiliation = { start: owner.mention.start, end: owner.mention.end };
    return;
  }
  // "The governor of France's Brittany region, Anne Morel, ..."
  if (first > 0 && words[first - 1] === ',') {
    let phraseStart = first - 1;
    while (phraseStart > 0 && words[phraseStart - 1] !== ',' && first - phraseStart < 14) phraseStart--;
    for (let i = phraseStart; i < first - 1; i++) {
      if (!ROLE_HEADS.has(words[i]!.toLowerCase())) continue;
      let start = i;
      while (start > phraseStart && ROLE_MODIFIERS.has(words[start - 1]!.toLowerCase())) start--;
      mention.role = roleValue(tokens, words, start, i + 1);
      const owner = mentionEndingAt(items, words, start) ?? ofPhrase(items, words, i + 1, first - 1);
      if (owner) mention.affiliation = { start: owner.mention.start, end: owner.mention.end };
      return;
    }
  }
  // "Lena Brandt, the deputy trade minister of Austria"; "Ruiz, Lula's special adviser".
  if (words[to] === ',') {
    let i = to + 1;
    let possessor: TokenMention | null = null;
    if (DETERMINERS.has((words[i] ?? '').toLowerCase())) i++;
    else {
      const owner = items.find((item) => item.start === i && POSSESSIVE.test(words[item.end] ?? ''));
      if (owner) {
        possessor = owner;
        i = owner.end + 1;
      }
    }
    const start = i;
    while (i < words.length && isRoleWord(words[i]!)) i++;
    if (i > start && ROLE_HEADS.has(words[i - 1]!.toLowerCase())) {
      mention.role = roleValue(tokens, words, start, i);
      const owner = possessor ?? ofPhrase(items, words, i, Math.min(words.length, i + 8));
      if (owner) mention.affiliation = { start: owner.mention.start, end: owner.mention.end };
    }
  }
}

/** "of France's Brittany region" -> Brittany: the last name after of/for/at that is not a possessor. */
function ofPhrase(items: readonly TokenMention[], words: readonly string[], from: number, to: number): TokenMention | null {
  const preposition = (words[from] ?? '').toLowerCase();
  if (!['of', 'for', 'at', 'in'].includes(preposition)) return null;
  let found: TokenMention | null = null;
  for (const item of items) {
    if (item.start <= from || item.end > to || item.mention.kind === 'role') continue;
    if (POSSESSIVE.test(words[item.end] ?? '')) {
      found ??= item;
      continue;
    }
    return item;
  }
  return found;
}

/** "the Chechen leader", "Kremlin spokesman", "Egypt's foreign minister" with no name after them. */
function roleMentions(tokens: readonly Span[], words: readonly string[], items: readonly TokenMention[]): Mention[] {
  const out: Mention[] = [];
  for (const item of items) {
    if (item.mention.type === 'PERSON' || item.mention.type === 'EVENT' || item.mention.type === 'MISC') continue;
    let i = item.end;
    if (POSSESSIVE.test(words[i] ?? '')) i++;
    const start = i;
    while (i < words.length && isRoleWord(words[i]!)) i++;
    if (i === start) continue;
    // The role is the longest run that ends in a head word.
    let end = i;
    while (end > start && !ROLE_HEADS.has(words[end - 1]!.toLowerCase())) end--;
    if (end === start) continue;
    if (end - start === 1 && AMBIGUOUS_ROLE_HEADS.has(words[start]!.toLowerCase())) continue;
    const next = items.find((other) => other.start === end || (words[end] === ',' && other.start === end + 1));
    if (next && next.mention.type === 'PERSON') continue;
    const plural = /s$/i.test(words[end - 1]!) && !/ss$/i.test(words[end - 1]!);
    if (plural) continue;
    out.push({
      start: item.mention.start,
      end: tokens[end - 1]!.end,
      type: 'PERSON',
      kind: 'role',
      role: roleValue(tokens, words, start, end),
      affiliation: { start: item.mention.start, end: item.mention.end },
    });
  }
  return out;
}
