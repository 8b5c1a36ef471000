/**
 * Who does what to whom, sentence by sentence: an act (a CAMEO verb pattern, or one of our noun
 * phrases of act), the entity that does it and the entity it is done to, with the negation,
 * hedging and voice that tell a reader how firmly, and by whom, it is said.
 *
 * We wrote this ourselves rather than run an event coder such as PETRARCH2: those need a full
 * constituency parse of every sentence (a Java parser and its models), and they code actors from
 * their own dictionaries, while ours are the entities the identity stage already resolved across
 * the corpus. The reading is shallow on purpose: the subject is the nearest entity before the act
 * that is not inside a prepositional phrase, the object the first entity after it across function
 * words only, a passive's agent after "by" is its subject. A relation is only kept when both ends
 * are clear; a clause under "if" or "were to" is not asserted and gives none.
 */
import type { Quote, RelationKind } from '../contract.js';
import type { Span } from '../document.js';
import type { EntityAt } from '../claims/extract.js';
import { findHedges, polarityOf } from '../claims/hedges.js';
import { tokenize } from '../text/tokens.js';
import { KIND_OF_CODE, cameoFor } from './cameo.js';
import {
  ACT_NOUNS, ADVERBS, AID_WORDS, ALLY_WORDS, BE_AUXILIARIES, BEFORE_BASE_FORM, BEFORE_GERUND, BEFORE_OF_GERUND, CONDITIONALS, DESIGNATE_VERBS, DETERMINERS, EVENT_ANAPHORS, FIRST_PERSON,
  FORCE_WORDS, LIGHT_VERBS, OBJECT_GAP, OFFER_WORDS, PREPOSITIONS, SKIPPED_LEMMAS, SUBJECT_PRONOUNS, VERB_KINDS,
} from './lexicon.js';
import { codeFor, type VerbLexicon } from './verbs.js';

export interface RelationDocument {
  id: string;
  text: string;
  sentences: readonly Span[];
  /** Spans cleaning removed: nothing is read inside them. */
  removed: readonly Span[];
  /** Entity mentions of this document, ordered by start. */
  mentions: readonly EntityAt[];
  quotes: readonly Quote[];
  /** Date expressions the timeline normalised in this document, ordered by start. */
  dated: readonly (Span & { date: string })[];
}

/** One relation as one sentence states it. */
export interface FoundRelation extends Span {
  doc: string;
  /** The words that name the act. */
  act: Span;
  subject: string;
  object: string | null;
  kind: RelationKind;
  cameo: string;
  negated: boolean;
  hedged: boolean;
  date: string | null;
  quote: string | null;
  speaker: string | null;
}

interface Word extends Span {
  text: string;
  lower: string;
  /** Index of the entity mention this word lies in, or -1. */
  mention: number;
}

interface Act {
  kind: RelationKind;
  code: string | null;
  /** First and last word of the act's words. */
  from: number;
  to: number;
  /** Where the object is looked for, and how. */
  objectFrom: number;
  objectPrepositions?: readonly string[];
  /** The act is a passive verb: its agent follows "by". */
  passive: boolean;
  /** Subject and object come from a fixed place (possessive "Russia's ally, Iran"). */
  subjectAt?: number;
  objectAt?: number;
  /** The act has no subject of its own: it is the act before's ("deployed them in support of Russia"). */
  inherits?: boolean;
  /** For an act set in apposition, the word of the name the phrase is about: an act after it is that name's ("Russia's closest ally, Iran, welcomed"). */
  head?: number;
}

const MAX_SUBJECT_DISTANCE = 25;
const MAX_OBJECT_DISTANCE = 12;
const CLAUSE_BREAKS = new Set([';', ':', '—', '–', '(', ')', '[', ']']);
const DASHES = new Set(['—', '–']);
const COORDINATORS = new Set([',', 'and', 'as well as', '&']);

/** The relations of one document, in text order. */
export function extractRelations(doc: RelationDocument, lexicon: VerbLexicon): FoundRelation[] {
  const found: FoundRelation[] = [];
  let mentionAt = 0;
  let removedAt = 0;
  let previousSubjects: string[] = [];
  // Where a quote's speaker is a pronoun the quote stage resolved, that pronoun names the speaker.
  const speakers = new Map<number, string>();
  for (const quote of doc.quotes) {
    const entity = quote.speaker.entity ?? quote.speaker.affiliation;
    if (quote.speaker.mention && entity) speakers.set(quote.speaker.mention.start, entity);
  }
  for (const sentence of doc.sentences) {
    while (removedAt < doc.removed.length && doc.removed[removedAt]!.end <= sentence.start) removedAt += 1;
    const removed = doc.removed[removedAt];
    if (removed && removed.start < sentence.end) continue;
    while (mentionAt < doc.mentions.length && doc.mentions[mentionAt]!.end <= sentence.start) mentionAt += 1;
    let mentionEnd = mentionAt;
    while (mentionEnd < doc.mentions.length && doc.mentions[mentionEnd]!.start < sentence.end) mentionEnd += 1;
    const mentions = doc.mentions.slice(mentionAt, mentionEnd).filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end);
    const relations = sentenceRelations(doc, sentence, mentions, lexicon, previousSubjects, speakers);
    if (relations.length) previousSubjects = [...new Set(relations.map((relation) => relation.subject))];
    found.push(...relations);
  }
  return found;
}

function sentenceRelations(doc: RelationDocument, sentence: Span, mentions: readonly EntityAt[], lexicon: VerbLexicon, previousSubjects: readonly string[], speakers: ReadonlyMap<number, string>): FoundRelation[] {
  const words: Word[] = tokenize(doc.text, sentence.start, sentence.end).map((token) => {
    const text = doc.text.slice(token.start, token.end);
    return { ...token, text, lower: text.toLowerCase(), mention: -1 };
  });
  let at = 0;
  mentions.forEach((mention, index) => {
    while (at < words.length && words[at]!.end <= mention.start) at += 1;
    for (let word = at; word < words.length && words[word]!.start < mention.end; word += 1) words[word]!.mention = index;
  });

  const found: FoundRelation[] = [];
  let previous: { act: Act; subjects: string[] } | null = null;
  for (let index = 0; index < words.length; index += 1) {
    const act = actAt(words, index, lexicon);
    if (!act) continue;
    index = Math.max(index, act.to);
    if (hypothetical(words, act.from)) continue;
    const quote = quoteAt(doc.quotes, words[act.from]!.start);
    const speaker = quote ? (quote.speaker.entity ?? quote.speaker.affiliation) : null;
    let subjects: string[];
    let objects: string[];
    if (act.subjectAt !== undefined && act.objectAt !== undefined) {
      subjects = entityAt(words, mentions, act.subjectAt);
      objects = entityAt(words, mentions, act.objectAt);
    } else if (act.passive) {
      const agent = agentAfter(words, act.to + 1);
      subjects = agent < 0 ? [] : coordinated(words, mentions, agent, 1);
      const patient = subjectBefore(words, act.from, speaker, speakers);
      objects = patient.kind === 'mention' ? coordinated(words, mentions, patient.at, -1) : patient.kind === 'entity' ? [patient.entity] : patient.kind === 'anaphor' ? [...previousSubjects] : [];
    } else {
      const subject = previous && (act.inherits || coordinatedAct(words, previous.act.to, act.from)) ? { kind: 'inherit' as const } : subjectBefore(words, act.from, speaker, speakers);
      subjects =
        subject.kind === 'inherit' ? (previous!.act.head !== undefined ? entityAt(words, mentions, previous!.act.head) : previous!.subjects)
        : subject.kind === 'mention' ? coordinated(words, mentions, subject.at, -1)
        : subject.kind === 'entity' ? [subject.entity]
        : subject.kind === 'speaker' && speaker ? [speaker]
        : [];
      // Forces go somewhere: "deployed Chechen forces to Ukraine" names the owner of the forces first, the place after "to".
      const object = act.objectAt !== undefined ? act.objectAt : objectAfter(words, act.objectFrom, act.objectPrepositions, act.kind !== 'deploys' && !act.kind.startsWith('offers'));
      objects = object < 0 ? [] : coordinated(words, mentions, object, 1);
    }
    if (!subjects.length) continue;
    previous = { act, subjects };
    const actSpan = { start: words[act.from]!.start, end: words[act.to]!.end };
    const region = { start: Math.max(sentence.start, found.length ? found[found.length - 1]!.act.end : sentence.start), end: actSpan.end };
    const negated = polarityOf(doc.text, region) === 'negative';
    const hedged = findHedges(doc.text, { start: region.start, end: sentence.end }).length > 0 || modal(words, act.from);
    const pairs: [string, string | null][] = subjects.flatMap((subject): [string, string | null][] => (objects.length ? objects.map((object): [string, string | null] => [subject, object]) : [[subject, null]]));
    for (const [subject, object] of pairs) {
      if (subject === object) continue;
      if (object === null && NEEDS_OBJECT.has(act.kind)) continue;
      found.push({
        doc: doc.id,
        start: sentence.start,
        end: sentence.end,
        act: actSpan,
        subject,
        object,
        kind: act.kind,
        cameo: cameoFor(act.kind, act.code),
        negated,
        hedged,
        date: dateOf(doc, sentence, actSpan),
        quote: quote?.id ?? null,
        speaker,
      });
    }
  }
  return found;
}

/** Kinds that say nothing without the other actor. */
const NEEDS_OBJECT = new Set<RelationKind>(['meets', 'hosts', 'visits', 'allied-with', 'accuses', 'designates-terrorist', 'opposes']);

/** The act that starts at word `index`, if any: our noun phrases first, then the CAMEO verbs. */
function actAt(words: readonly Word[], index: number, lexicon: VerbLexicon): Act | null {
  const word = words[index]!;
  if (word.mention >= 0) return null;
  return designation(words, index) ?? offer(words, index) ?? alliance(words, index) ?? mediation(words, index) ?? nounAct(words, index) ?? verbAct(words, index, lexicon);
}

/** "declared Hamas a terrorist organisation", "has not recognised Hamas as a terrorist organisation". */
function designation(words: readonly Word[], index: number): Act | null {
  if (!DESIGNATE_VERBS.has(words[index]!.lower) || nounSlot(words, index) || infinitive(words, index)) return null;
  for (let at = index + 1; at < Math.min(words.length, index + MAX_OBJECT_DISTANCE); at += 1) {
    // Dashes may set off an aside inside the object ("either wing of Hamas — political and militant — a terrorist group").
    if (CLAUSE_BREAKS.has(words[at]!.lower) && !DASHES.has(words[at]!.lower)) return null;
    if (/^terror(?:ist)?s?$/u.test(words[at]!.lower)) {
      return { kind: 'designates-terrorist', code: null, from: index, to: index, objectFrom: index + 1, passive: isPassive(words, index) };
    }
  }
  return null;
}

/** "offered to send his soldiers", "ready to provide its own units as peacekeeping forces", "our units are ready to act". */
function offer(words: readonly Word[], index: number): Act | null {
  if (!OFFER_WORDS.has(words[index]!.lower) || nounSlot(words, index)) return null;
  const window = words.slice(index + 1, index + 9);
  const stop = window.findIndex((word) => CLAUSE_BREAKS.has(word.lower) || word.lower === '.');
  const reach = stop < 0 ? window : window.slice(0, stop);
  const before = words.slice(Math.max(0, index - 3), index).map((word) => word.lower);
  const forceAt = reach.findIndex((word) => FORCE_WORDS.has(word.lower));
  const forces = forceAt >= 0 || before.some((word) => FORCE_WORDS.has(word));
  const aidAt = forces ? -1 : reach.findIndex((word) => AID_WORDS.has(word.lower));
  if (!forces && aidAt < 0) return null;
  // The act runs to the forces or aid offered, so their verb ("provide", "send") is not read again.
  const to = index + 1 + Math.max(forceAt, aidAt, -1);
  // The destination is the object: "to Gaza", "in the conflict zone".
  return { kind: forces ? 'offers-forces' : 'offers-aid', code: null, from: index, to, objectFrom: to + 1, objectPrepositions: ['to', 'in', 'into', 'for'], passive: false };
}

/** "Iran, itself an ally of Russia", "Russia's closest ally, Iran", "allied with Moscow". */
function alliance(words: readonly Word[], index: number): Act | null {
  if (!ALLY_WORDS.has(words[index]!.lower)) return null;
  const next = words[index + 1]?.lower;
  if (next === 'of' || next === 'with' || next === 'to') {
    // "close ally of Russian President Vladimir Putin, Ramzan Kadyrov": the name after the phrase is the ally.
    const object = objectAfter(words, index + 2);
    if (object < 0) return null;
    let end = object;
    while (end + 1 < words.length && words[end + 1]!.mention === words[object]!.mention) end += 1;
    const apposed = words[end + 1]?.lower === ',' && words[end + 2] && words[end + 2]!.mention >= 0 ? end + 2 : -1;
    if (apposed >= 0) return { kind: 'allied-with', code: null, from: index, to: index + 1, objectFrom: index + 2, passive: false, subjectAt: apposed, objectAt: object, head: apposed };
    // "Iran, itself an ally of Russia": the name the phrase is set beside.
    let back = index - 1;
    while (back >= 0 && words[back]!.mention < 0 && (ALLY_MODIFIERS.test(words[back]!.lower) || ['itself', 'also', 'a', 'an', 'the', 'is', 'was', 'are', 'were', 'remains', 'as', 'long'].includes(words[back]!.lower))) back -= 1;
    if (back >= 1 && words[back]!.lower === ',' && words[back - 1]!.mention >= 0) return { kind: 'allied-with', code: null, from: index, to: index + 1, objectFrom: index + 2, passive: false, subjectAt: back - 1, objectAt: object, head: back - 1 };
    return { kind: 'allied-with', code: null, from: index, to: index + 1, objectFrom: index + 2, passive: false };
  }
  // "Russia's closest ally, Iran": the possessor and the name in apposition.
  let back = index - 1;
  while (back >= 0 && words[back]!.mention < 0 && ALLY_MODIFIERS.test(words[back]!.lower)) back -= 1;
  if (back >= 1 && (words[back]!.lower === "'s" || words[back]!.lower === '’s' || words[back]!.lower === '’' || words[back]!.lower === "'") && words[back - 1]!.mention >= 0) {
    const apposed = words[index + 1]?.lower === ',' && words[index + 2] && words[index + 2]!.mention >= 0 ? index + 2 : -1;
    if (apposed >= 0) return { kind: 'allied-with', code: null, from: back - 1, to: index, objectFrom: index + 1, passive: false, subjectAt: back - 1, objectAt: apposed, head: apposed };
  }
  return null;
}

const ALLY_MODIFIERS = /^(?:close|closer|closest|key|main|staunch|long-time|longtime|old|oldest|strategic|regional|chief|major|important|most|firm|loyal|trusted)$/u;

/** "offered himself as a mediator", "mediate between", "mediated talks". */
function mediation(words: readonly Word[], index: number): Act | null {
  const word = words[index]!.lower;
  if (/^mediators?$/u.test(word)) {
    const as = words[index - 1]?.lower === 'as' ? index - 1 : words[index - 2]?.lower === 'as' ? index - 2 : -1;
    if (as < 0) return null;
    return { kind: 'mediates', code: null, from: as, to: index, objectFrom: index + 1, objectPrepositions: ['between', 'with', 'in'], passive: false };
  }
  return null;
}

/** A noun of act after a light verb ("expressed support for Palestine", "launched an attack on Israel") or in "in support of". */
function nounAct(words: readonly Word[], index: number): Act | null {
  const word = words[index]!.lower;
  if (word === 'in' && words[index + 1]?.lower === 'support' && words[index + 2]?.lower === 'of') {
    return { kind: 'supports', code: null, from: index, to: index + 2, objectFrom: index + 3, passive: false, inherits: true };
  }
  // "in a meeting with Mikhail Bogdanov", "in talks with Cairo".
  if (word === 'in') {
    const noun = ['a', 'an'].includes(words[index + 1]?.lower ?? '') ? index + 2 : index + 1;
    if (['meeting', 'talks'].includes(words[noun]?.lower ?? '') && words[noun + 1]?.lower === 'with') {
      return { kind: 'meets', code: null, from: index, to: noun + 1, objectFrom: noun + 2, passive: false };
    }
  }
  if (!LIGHT_VERBS.has(word)) return null;
  // The light verb, its auxiliaries' passive, then up to four modifiers before the noun of act.
  for (let at = index + 1; at <= Math.min(words.length - 1, index + 5); at += 1) {
    const noun = ACT_NOUNS.get(words[at]!.lower);
    if (noun) {
      const preposition = words[at + 1]?.lower ?? '';
      if (!noun.prepositions.includes(preposition) && !['attacks', 'meets'].includes(noun.kind)) return null;
      return { kind: noun.kind, code: null, from: index, to: at, objectFrom: at + 1, objectPrepositions: noun.prepositions, passive: false };
    }
    if (words[at]!.mention >= 0 || CLAUSE_BREAKS.has(words[at]!.lower) || words[at]!.lower === ',') return null;
  }
  return null;
}

/** A CAMEO verb at `index` (or one of ours), coded by its patterns against the clause's words. */
function verbAct(words: readonly Word[], index: number, lexicon: VerbLexicon): Act | null {
  const word = words[index]!;
  const previous = words[index - 1]?.lower ?? '';
  if (nounSlot(words, index) || infinitive(words, index)) return null;
  // A capitalised verb inside a sentence is part of a name the tagger missed ("Operation Iron Strike").
  if (/^\p{Lu}/u.test(word.text) && index > 0 && !/^[“"‘]$/u.test(previous)) return null;
  const passive = isPassive(words, index);
  const ours = VERB_KINDS.get(word.lower);
  let kind: RelationKind | undefined = ours;
  let code: string | null = null;
  let to = index;
  if (!ours) {
    for (const { entry, rest } of lexicon.byFirstWord.get(word.lower) ?? []) {
      if (!rest.every((part, offset) => words[index + 1 + offset]?.lower === part)) continue;
      if (SKIPPED_LEMMAS.has(entry.lemma)) return null;
      if (!passive && !verbSlot(words, index, entry.lemma.split(' ')[0]!)) return null;
      const before = clauseWords(words, index, -1);
      const after = clauseWords(words, index + rest.length, 1);
      const coded = codeFor(lexicon, entry, before, after);
      if (coded === undefined || coded === null) return null;
      kind = KIND_OF_CODE[coded];
      code = coded;
      to = index + rest.length;
      break;
    }
  }
  if (!kind) return null;
  if (ours && !passive && !verbSlot(words, index, null)) return null;
  // Forces are deployed somewhere: the object is the place, not the forces' owner ("deployed Chechen forces to Ukraine").
  return { kind, code, from: index, to, objectFrom: to + 1, passive, ...(kind === 'deploys' ? { objectPrepositions: ['to', 'in', 'into'] } : {}) };
}

/** A determiner or a possessive before the word makes it a noun ("the attack", "its support", "Hamas’ attack"). */
function nounSlot(words: readonly Word[], index: number): boolean {
  const previous = words[index - 1];
  if (!previous) return false;
  if (DETERMINERS.has(previous.lower)) return true;
  // A closing apostrophe glued to the word before it is a possessive ("Hamas’"); an opening one is a quotation mark.
  return (previous.lower === '’' || previous.lower === "'") && index >= 2 && words[index - 2]!.end === previous.start && previous.end < words[index]!.start;
}

/** Verbs after which an infinitive is still the act, stated or denied ("refused to designate", "continued to arm"). */
const ASPECT_BEFORE_TO = new Set(['refused', 'refuses', 'refuse', 'declined', 'declines', 'decline', 'failed', 'fails', 'yet', 'continue', 'continues', 'continued', 'began', 'begins', 'begun', 'started', 'starts', 'used']);

/** "to fight", "to restore order and fight": an infinitive states a purpose or an intent, not an act. */
function infinitive(words: readonly Word[], index: number): boolean {
  let at = index - 1;
  while (at >= 0 && ADVERBS.has(words[at]!.lower) && !['be', 'been', 'being', 'have'].includes(words[at]!.lower)) at -= 1;
  if (words[at]?.lower === 'to') return !ASPECT_BEFORE_TO.has(words[at - 1]?.lower ?? '');
  if (words[at]?.lower !== 'and' && words[at]?.lower !== 'or') return false;
  for (let back = at - 1; back >= Math.max(0, at - 6); back -= 1) {
    if (words[back]!.mention >= 0 || words[back]!.lower === ',') return false;
    if (words[back]!.lower === 'to') return true;
  }
  return false;
}

/**
 * A shallow part-of-speech check for a verb form at `index`: a base form needs an auxiliary, a
 * modal, a subject pronoun or a name before it ("would arm", "we support", "Iran and Syria
 * support"); an "-ing" form an auxiliary or a preposition of manner ("was helping", "by
 * inviting", "stopped short of condemning"); no form follows a number or a preposition ("the
 * October 7 attacks", "in favour of").
 */
function verbSlot(words: readonly Word[], index: number, lemma: string | null): boolean {
  const word = words[index]!.lower;
  let at = index - 1;
  while (at >= 0 && ADVERBS.has(words[at]!.lower) && !BEFORE_BASE_FORM.has(words[at]!.lower) && !BEFORE_GERUND.has(words[at]!.lower)) at -= 1;
  const previous = words[at];
  if (!previous) return true;
  if (/^\d/u.test(previous.lower)) return false;
  if (word.endsWith('ing')) {
    if (previous.lower === 'of') return BEFORE_OF_GERUND.has(words[at - 1]?.lower ?? '');
    return BEFORE_GERUND.has(previous.lower) || previous.mention >= 0;
  }
  if (PREPOSITIONS.has(previous.lower) && previous.lower !== 'as') return false;
  const base = lemma !== null ? word === lemma : !/(?:s|ed)$/u.test(word);
  if (base) return BEFORE_BASE_FORM.has(previous.lower) || previous.mention >= 0 || FIRST_PERSON.has(previous.lower);
  return true;
}

/** "was condemned", "were hosted", "has been funded", "continues to be bombed". */
function isPassive(words: readonly Word[], index: number): boolean {
  if (!/ed$|en$|^(?:struck|held|met|sent|hit|led|shot|fought|built|made|given|taken|brought)$/u.test(words[index]!.lower)) return false;
  for (let at = index - 1; at >= Math.max(0, index - 4); at -= 1) {
    const lower = words[at]!.lower;
    if (BE_AUXILIARIES.has(lower) && lower !== "'s" && lower !== '’s') return true;
    if (!ADVERBS.has(lower)) return false;
  }
  return false;
}

/** The first word of the agent after "by", within the clause; -1 when none. */
function agentAfter(words: readonly Word[], from: number): number {
  for (let at = from; at < Math.min(words.length, from + MAX_OBJECT_DISTANCE + 6); at += 1) {
    if (CLAUSE_BREAKS.has(words[at]!.lower)) return -1;
    if (words[at]!.lower !== 'by') continue;
    for (let next = at + 1; next < Math.min(words.length, at + 5); next += 1) {
      if (words[next]!.mention >= 0) return next;
      if (!OBJECT_GAP.has(words[next]!.lower)) break;
    }
  }
  return -1;
}

type SubjectFound = { kind: 'mention'; at: number } | { kind: 'entity'; entity: string } | { kind: 'speaker' } | { kind: 'anaphor' } | { kind: 'none' };

/**
 * The subject of an act starting at word `from`: the nearest entity before it in the clause that
 * is not inside a prepositional phrase. An unresolved subject pronoun before it ends the search
 * (the subject is unknown, not an earlier name); "we" or "our" inside a quote is the speaker; "the
 * move" takes up the act of the sentence before.
 */
function subjectBefore(words: readonly Word[], from: number, speaker: string | null, speakers: ReadonlyMap<number, string>): SubjectFound {
  // "..., which wants", "a step that gives": a relative clause's subject is the name it hangs on, if any.
  let first = from - 1;
  while (first >= 0 && ADVERBS.has(words[first]!.lower)) first -= 1;
  if (['that', 'which', 'who'].includes(words[first]?.lower ?? '')) {
    const antecedent = words[first - 1]?.lower === ',' ? first - 2 : first - 1;
    if (antecedent >= 0 && words[antecedent]!.mention >= 0) {
      let start = antecedent;
      while (start > 0 && words[start - 1]!.mention === words[antecedent]!.mention) start -= 1;
      return { kind: 'mention', at: start };
    }
    return { kind: 'none' };
  }
  // "tankers supplied the town": a common noun right before the act is its subject, unless a name
  // modifies it ("Russian officials praised", "Iran's foreign minister offered").
  if (first >= 0 && commonNoun(words[first]!)) {
    if (EVENT_ANAPHORS.has(words[first]!.lower) && ['the', 'this', 'that'].includes(words[first - 1]?.lower ?? '')) return { kind: 'anaphor' };
    for (let at = first - 1; at >= Math.max(0, first - 4); at -= 1) {
      const word = words[at]!;
      if (word.mention >= 0) {
        let start = at;
        while (start > 0 && words[start - 1]!.mention === word.mention) start -= 1;
        return { kind: 'mention', at: start };
      }
      if (!commonNoun(word) && !["'s", '’s', '’', "'"].includes(word.lower)) break;
    }
    return { kind: 'none' };
  }
  for (let at = from - 1; at >= Math.max(0, from - MAX_SUBJECT_DISTANCE); at -= 1) {
    const word = words[at]!;
    if (CLAUSE_BREAKS.has(word.lower)) return { kind: 'none' };
    if (word.mention >= 0) {
      let first = at;
      while (first > 0 && words[first - 1]!.mention === word.mention) first -= 1;
      if (!insidePhrase(words, first)) return { kind: 'mention', at: first };
      at = first;
      continue;
    }
    if (FIRST_PERSON.has(word.lower) && speaker) return { kind: 'speaker' };
    // "feared that the war could compromise": the subject of a clause after "that" lies after it.
    if (word.lower === 'that' && at < from - 1) return { kind: 'none' };
    // "Ostland, which said ..., condemned": a relative clause closed by a comma stands between the subject and its act.
    if ((word.lower === 'who' || word.lower === 'which') && words[at - 1]?.lower === ',' && words.slice(at + 1, from).some((between) => between.lower === ',')) {
      at -= 1;
      continue;
    }
    if (SUBJECT_PRONOUNS.has(word.lower)) {
      // "He offered himself as a mediator, saying...": a pronoun the quote stage resolved as a speaker.
      const resolved = speakers.get(word.start);
      return resolved ? { kind: 'entity', entity: resolved } : { kind: 'none' };
    }
  }
  return { kind: 'none' };
}

/** A lower-case content word outside any name: a common noun or adjective, as far as we can tell without tags. */
function commonNoun(word: Word): boolean {
  return (
    word.mention < 0 && /^\p{Ll}[\p{Ll}-]*$/u.test(word.text) && !OBJECT_GAP.has(word.lower) && !ADVERBS.has(word.lower) && !SUBJECT_PRONOUNS.has(word.lower) &&
    !BE_AUXILIARIES.has(word.lower) && !BEFORE_BASE_FORM.has(word.lower) &&
    !FIRST_PERSON.has(word.lower) && !COORDINATORS.has(word.lower) && !['that', 'which', 'who', 'whom', 'whose', 'while', 'when', 'after', 'before', 'as', 'because', 'since', 'although', 'though', 'where', 'said', 'says', 'say'].includes(word.lower)
  );
}

/** True when the mention starting at word `first` is the object of a preposition ("the leader of Chechnya"). */
function insidePhrase(words: readonly Word[], first: number): boolean {
  let at = first - 1;
  while (at >= 0 && ['the', 'a', 'an'].includes(words[at]!.lower)) at -= 1;
  // "as" before a name and its verb is a conjunction ("It comes as Putin has blamed").
  return at >= 0 && PREPOSITIONS.has(words[at]!.lower) && words[at]!.lower !== 'as';
}

/** The first entity after word `from` reached across function words only; -1 when none. */
function objectAfter(words: readonly Word[], from: number, prepositions?: readonly string[], direct = true): number {
  let sawPreposition = !prepositions;
  for (let at = from; at < Math.min(words.length, from + MAX_OBJECT_DISTANCE); at += 1) {
    const word = words[at]!;
    if (word.mention >= 0) {
      if (sawPreposition || !prepositions) return titled(words, at);
      // An entity before the preposition ("sent his soldiers to Gaza"): only one that is the direct object.
      if (direct && (at === from || words.slice(from, at).every((gap) => DETERMINERS.has(gap.lower)))) return at;
    }
    if (prepositions?.includes(word.lower)) sawPreposition = true;
    if (CLAUSE_BREAKS.has(word.lower) || word.lower === '.') return -1;
    if (!OBJECT_GAP.has(word.lower) && word.mention < 0 && !(prepositions && FORCE_WORDS.has(word.lower)) && !(prepositions && /^(?:send|provide|deploy|dispatch|act|serve|contribute|own|peacekeeping|units?|soldiers|troops)$/u.test(word.lower))) return -1;
  }
  return -1;
}

/**
 * "Russian President Vladimir Putin": a demonym or a state before a title and a name stands for
 * the name. The name's first word, or `at` when no title and name follow.
 */
function titled(words: readonly Word[], at: number): number {
  let next = at;
  while (words[next + 1]?.mention === words[at]!.mention) next += 1;
  for (let title = next + 1; title <= next + 3 && title < words.length; title += 1) {
    if (words[title]!.mention >= 0) return title > next + 1 ? title : at;
    if (!/^\p{Lu}\p{Ll}/u.test(words[title]!.text)) return at;
  }
  return at;
}

/** The entity at word `at` and those coordinated with it ("Russia and China", "Hamas, Iran and Syria"), in `direction`. */
function coordinated(words: readonly Word[], mentions: readonly EntityAt[], at: number, direction: 1 | -1): string[] {
  const entities = [mentions[words[at]!.mention]!.entity];
  let index = at;
  for (;;) {
    // Step over the rest of this mention.
    while (words[index + direction] && words[index + direction]!.mention === words[at]!.mention && words[index]!.mention === words[at]!.mention) index += direction;
    let next = index + direction;
    let joined = false;
    while (words[next] && (COORDINATORS.has(words[next]!.lower) || ['the', 'senior', 'its'].includes(words[next]!.lower))) {
      if (COORDINATORS.has(words[next]!.lower)) joined = true;
      next += direction;
    }
    const word = words[next];
    if (!joined || !word || word.mention < 0) break;
    // "Bogdanov, Putin's envoy": a name after a comma that is followed by a possessive is in apposition, not a list.
    const commaOnly = words.slice(Math.min(index, next) + 1, Math.max(index, next)).every((between) => between.lower !== 'and' && between.lower !== '&');
    if (commaOnly && direction === 1) {
      let last = next;
      while (words[last + 1]?.mention === word.mention) last += 1;
      if (!['and', ',', 'or'].includes(words[last + 1]?.lower ?? '')) break;
    }
    // Going back, the coordinated one must itself be a subject, not a phrase's object.
    if (direction === -1) {
      let first = next;
      while (first > 0 && words[first - 1]!.mention === word.mention) first -= 1;
      if (insidePhrase(words, first)) break;
      index = first;
    } else index = next;
    at = index;
    entities.push(mentions[word.mention]!.entity);
    if (entities.length > 6) break;
  }
  // In text order, whichever way they were gathered.
  return [...new Set(direction === -1 ? entities.reverse() : entities)];
}

/** The entity (with its coordinated ones) at word `at`. */
function entityAt(words: readonly Word[], mentions: readonly EntityAt[], at: number): string[] {
  return words[at] && words[at]!.mention >= 0 ? [mentions[words[at]!.mention]!.entity] : [];
}

/** Acts joined to the one before ("expressed support for Palestine, accused Israel", "mobilised forces and deployed them"). */
function coordinatedAct(words: readonly Word[], previousEnd: number, from: number): boolean {
  let at = from - 1;
  while (at > previousEnd && ADVERBS.has(words[at]!.lower)) at -= 1;
  if (at <= previousEnd) return false;
  const joiner = words[at]!.lower;
  if (joiner !== ',' && joiner !== 'and' && joiner !== 'but' && joiner !== 'then') return false;
  // No new subject between the two acts.
  for (let between = previousEnd + 1; between < at; between += 1) if (SUBJECT_PRONOUNS.has(words[between]!.lower) && words[between]!.lower !== 'which' && words[between]!.lower !== 'this') return false;
  return true;
}

/** The act sits in a conditional clause ("if Iran were to arm Hamas", "unless Russia supplies"). */
function hypothetical(words: readonly Word[], from: number): boolean {
  for (let at = from - 1; at >= Math.max(0, from - MAX_SUBJECT_DISTANCE); at -= 1) {
    const lower = words[at]!.lower;
    if (lower === ',' || CLAUSE_BREAKS.has(lower)) return false;
    if (CONDITIONALS.has(lower)) return true;
    if (lower === 'were' && words[at + 1]?.lower === 'to') return true;
    if (lower === 'in' && words[at + 1]?.lower === 'case') return true;
  }
  return false;
}

/** "would arm", "could send": a modal right before the act hedges it. */
function modal(words: readonly Word[], from: number): boolean {
  for (let at = from - 1; at >= Math.max(0, from - 3); at -= 1) {
    if (['would', 'could', 'might', 'may'].includes(words[at]!.lower)) return true;
    if (!ADVERBS.has(words[at]!.lower)) return false;
  }
  return false;
}

/** The words of the clause around word `at`, lower case, up to a clause break, in `direction`. */
function clauseWords(words: readonly Word[], at: number, direction: 1 | -1): string[] {
  const out: string[] = [];
  for (let index = at + direction; index >= 0 && index < words.length && out.length < 10; index += direction) {
    if (CLAUSE_BREAKS.has(words[index]!.lower) || words[index]!.lower === '.') break;
    out.push(words[index]!.lower);
  }
  return direction === -1 ? out.reverse() : out;
}

/** The quote whose content holds `position`, if any (quotes sorted by content start). */
function quoteAt(quotes: readonly Quote[], position: number): Quote | null {
  let low = 0;
  let high = quotes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (quotes[middle]!.content.start <= position) low = middle + 1;
    else high = middle;
  }
  // Quotes do not nest deeply: a few steps back find the one that holds the position.
  for (let index = low - 1; index >= Math.max(0, low - 4); index -= 1) {
    const content = quotes[index]!.content;
    if (content.start <= position && position < content.end) return quotes[index]!;
  }
  return null;
}

/**
 * The date of the act at `act`: the nearest date expression of its sentence, unless that one sits
 * in a relative clause of its own ("Campaigners, who say the leak began on Sunday, welcomed the
 * inquiry": Sunday dates the leak, not the welcome) or after a relative pronoun that follows the act.
 */
function dateOf(doc: RelationDocument, sentence: Span, act: Span): string | null {
  let low = 0;
  let high = doc.dated.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (doc.dated[middle]!.start < sentence.start) low = middle + 1;
    else high = middle;
  }
  let best: { date: string; distance: number } | null = null;
  for (let index = low; index < doc.dated.length && doc.dated[index]!.start < sentence.end; index += 1) {
    const dated = doc.dated[index]!;
    if (dated.end > sentence.end) break;
    const before = dated.end <= act.start;
    const between = before ? doc.text.slice(dated.end, act.start) : doc.text.slice(act.end, dated.start);
    const relative = before ? RELATIVE.test(doc.text.slice(sentence.start, dated.start)) && between.includes(',') : RELATIVE.test(between);
    if (relative) continue;
    const distance = between.length;
    if (!best || distance < best.distance) best = { date: dated.date, distance };
  }
  return best?.date ?? null;
}

const RELATIVE = /\b(?:who|which|whose|that)\b/iu;
