/**
 * The labels an outlet chooses for a main actor: the descriptions it puts beside or in place of
 * the name ("Hamas, the Islamist group that…", "the Hamas militant group", "Hamas-led
 * resistance", "the Palestinian movement's wing Hamas", and a later "the group" that can only
 * mean the actor just named). Only the outlet's own words count: a label inside quotation marks
 * is the speaker's.
 *
 * Patterns, not a parser: each is a shape news prose uses for an apposition or a descriptive
 * name, checked so that a list ("Israel, the US and…") is not read as one.
 */
import type { EntityType } from '../contract.js';
import type { Span } from '../document.js';
import { isCueVerb, ROLE_NOUNS } from '../quotes/lexicon.js';
import { wordsOf } from '../quotes/plausible.js';
import type { FramingDoc, MentionAt } from './context.js';

export interface LabelUse extends Span {
  entity: string;
  /** As written, with its determiner. */
  label: string;
}

/** Longest description read as a label; a longer one is a clause, not a name for someone. */
const MAX_LABEL_WORDS = 6;
/** How far before a description "the group" looks for the actor it stands for. */
const SENTENCES_BACK = 2;

/** Nouns that head a name for an organisation or a state ("the militant group", "the Palestinian enclave"), with the types they can stand for. */
const HEAD_TYPES = new Map<string, readonly EntityType[]>([
  ...['group', 'movement', 'organisation', 'organization', 'faction', 'militia', 'wing', 'party'].map((head): [string, EntityType[]] => [head, ['ORG']]),
  ...['state', 'country', 'kingdom', 'republic'].map((head): [string, EntityType[]] => [head, ['GPE']]),
  ...['government', 'regime', 'authorities', 'power'].map((head): [string, EntityType[]] => [head, ['GPE', 'ORG']]),
  ...['enclave', 'strip', 'territory'].map((head): [string, EntityType[]] => [head, ['GPE', 'LOC']]),
]);
const HEADS = [...HEAD_TYPES.keys()].join('|');
/** Heads that name an actor's members in a label made with its name ("Hamas militants", "Hamas fighters"). */
const MEMBER_HEADS = 'militants|fighters|terrorists|gunmen|operatives';

/**
 * ", the Islamist group", " – the region's governing power": a description after the name, closed
 * by punctuation or a relative pronoun. One that runs on into a verb ("According to the agency,
 * the leak was detected") is the subject of the next clause, not an apposition.
 */
const APPOSITION = /^\s*(?:,|\s[–—-])\s*((?:the|an?|its)\s+[^,;:.!?()“”"«»—–]+?)(?=\s*(?:[,;:.!?)—–]|\s-\s|\s(?:that|which|who|whose|where)\s|$))/diu;
/** "the Palestinian movement's wing " before the name. */
const DESCRIPTION_BEFORE = new RegExp(`(?:^|\\s)((?:the|an?)\\s+(?:[\\p{L}’'-]+\\s+){0,4}?(?:${HEADS}))\\s+$`, 'diu');
/** " militant group", " group" after the name, making one descriptive name with it ("the Hamas militant group"). */
const HEAD_AFTER = new RegExp(`^(?:\\s+\\p{Ll}[\\p{L}-]*)?\\s+(?:${HEADS}|${MEMBER_HEADS})(?![\\p{L}])`, 'u');
const DETERMINER_BEFORE = /(?:^|\s)((?:the|an?)\s+(?:\p{Ll}[\p{L}-]*\s+)?)$/iu;
/** "-led resistance": a label made by leading something. */
const LED_AFTER = /^-led\s+\p{Ll}[\p{L}-]*/u;
/**
 * "the group", "the Palestinian enclave": a definite description standing for an actor named just
 * before. "the country" and "the government" are left out: they as often mean a place or a
 * government named further back, or the reader's own.
 */
const STAND_IN_HEADS = 'group|movement|organisation|organization|faction|militia|enclave|strip|territory';
const DEFINITE = new RegExp(`(?<![\\p{L}])the\\s+(?:[\\p{L}’'-]+\\s+){0,2}?(${STAND_IN_HEADS})(?![\\p{L}])`, 'giu');
/** After a definite description, what makes it restrictive ("the group that…", "the state of Israel"): then it is not a stand-in. */
const RESTRICTED_AFTER = /^\s*(?:of|that|which|who|whose|[’']s)\b/iu;

/** The labels of main actors in one document, in text order, outside quotation marks. */
export function findLabels(doc: FramingDoc, mainActors: ReadonlySet<string>): LabelUse[] {
  const found = new Map<string, LabelUse>();
  const add = (entity: string, span: Span) => {
    const label = doc.text.slice(span.start, span.end).trim();
    if (!label || doc.inQuotationMarks(span) || label.split(/\s+/u).length > MAX_LABEL_WORDS) return;
    const start = span.start + doc.text.slice(span.start, span.end).indexOf(label);
    const key = `${start}:${start + label.length}`;
    // The first reading of a span wins: an apposition to a name before a group word inside it.
    if (!found.has(key)) found.set(key, { start, end: start + label.length, entity, label });
  };

  doc.sentences.forEach((sentence, index) => {
    const mentions = doc.sentenceMentions(index);
    for (const mention of mentions) {
      // A group of people by belief or origin ("Islamist", "Palestinians") is described, not labelled.
      if (!mainActors.has(mention.entity) || mention.type === 'NORP') continue;
      if (mention.kind === 'role') {
        // Identity links a role mention by position; one that names no role ("the leak") is no label.
        const head = wordsOf(doc.text.slice(mention.start, mention.end)).at(-1) ?? '';
        if (!ROLE_NOUNS.has(head) && !HEAD_TYPES.has(head)) continue;
        const determiner = /(?:^|\s)(the\s+)$/iu.exec(doc.text.slice(Math.max(sentence.start, mention.start - 4), mention.start));
        add(mention.entity, { start: mention.start - (determiner?.[1]?.length ?? 0), end: mention.end });
        continue;
      }
      if (mention.kind === 'pronoun') continue;
      const after = doc.text.slice(mention.end, Math.min(sentence.end, mention.end + 160));
      const before = doc.text.slice(Math.max(sentence.start, mention.start - 120), mention.start);

      const apposition = APPOSITION.exec(after);
      if (apposition) {
        const [from, to] = apposition.indices![1]!;
        const span = { start: mention.end + from, end: mention.end + to };
        if (isDescription(apposition[1]!, span.start, mentions, mention)) add(mention.entity, span);
      }
      const described = DESCRIPTION_BEFORE.exec(before);
      if (described) {
        const [from, to] = described.indices![1]!;
        const offset = mention.start - before.length;
        add(mention.entity, { start: offset + from, end: offset + to });
      }
      // A demonym before a noun is an adjective ("Israeli territory"), not a name made into a label.
      const named = mention.kind !== 'demonym';
      const head = named ? HEAD_AFTER.exec(after) : null;
      const led = named ? LED_AFTER.exec(after) : null;
      if (head || led) {
        const determiner = DETERMINER_BEFORE.exec(before);
        add(mention.entity, { start: mention.start - (determiner?.[1]?.length ?? 0), end: mention.end + (head ?? led)![0].length });
      }
    }

    const back = doc.sentences[Math.max(0, index - SENTENCES_BACK)]!;
    for (const own of doc.ownWords(sentence)) {
      const text = doc.text.slice(own.start, own.end);
      DEFINITE.lastIndex = 0;
      for (let match = DEFINITE.exec(text); match; match = DEFINITE.exec(text)) {
        const span = { start: own.start + match.index, end: own.start + match.index + match[0].length };
        // "the Gaza Strip" is a name, not a description: the head is written in lower case and no name sits inside.
        if (!/^\p{Ll}/u.test(match[1]!) || RESTRICTED_AFTER.test(doc.text.slice(span.end, span.end + 12))) continue;
        if (mentions.some((mention) => mention.kind === 'name' && mention.start < span.end && mention.end > span.start)) continue;
        // Next to a name it is part of a pattern above ("the militant group Hamas"), not a stand-in.
        if (mentions.some((mention) => (mention.start >= span.end && mention.start <= span.end + 1) || (mention.end <= span.start && mention.end >= span.start - 2))) continue;
        // A stand-in is read only when one actor of the fitting type was named just before it (a
        // demonym is an adjective, and an actor named inside the description is not what it stands for).
        const types = HEAD_TYPES.get(match[1]!.toLowerCase())!;
        const inside = new Set(mentions.filter((mention) => mention.start >= span.start && mention.end <= span.end).map((mention) => mention.entity));
        const candidates = new Set(
          doc
            .mentionsIn(back.start, span.start - 1)
            .filter((mention) => mention.end <= span.start && mention.kind !== 'demonym' && types.includes(mention.type) && !inside.has(mention.entity))
            .map((mention) => mention.entity),
        );
        const [antecedent] = candidates;
        if (candidates.size === 1 && mainActors.has(antecedent!)) add(antecedent!, span);
      }
    }
  });
  return [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * True when an apposition reads as a description of the actor: short, ending in a common noun,
 * and not another actor's name ("Israel, the US and Britain" is a list).
 */
function isDescription(text: string, start: number, mentions: readonly MentionAt[], of: MentionAt): boolean {
  const words = text.trim().split(/\s+/u);
  if (words.length < 2 || words.length > MAX_LABEL_WORDS) return false;
  // ", the army said": a clause, not a description.
  if (wordsOf(text).some(isCueVerb)) return false;
  if (!/^\p{Ll}/u.test(words.at(-1)!)) return false;
  const afterDeterminer = start + text.indexOf(words[1]!);
  return !mentions.some((mention) => mention !== of && mention.start === afterDeterminer && mention.type !== 'NORP' && mention.entity !== of.entity);
}
