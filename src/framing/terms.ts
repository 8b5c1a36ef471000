/**
 * Loaded terms in use: every lexicon form in the kept sentences of a document, with
 *
 * - its sense, read from the words around it: "resistance" of a steel or "regime" of a diet is
 *   another sense and not reported; "declared … a terrorist organisation" reports a legal status,
 *   so that use is reported as not loaded;
 * - its target, the actor it names or qualifies: the one actor some terms always stand for
 *   ("Zionist entity"), else from the nearest syntax that ties the two
 *   ("Hamas-led resistance", "atrocities of Hamas", "Russia's status as a terrorist state",
 *   "Hamas, the Islamist group"), else the nearest actor of a fitting type in the sentence, else
 *   a main actor of the story named in the sentences just before;
 * - its voice: the outlet's own words, or a quoted speaker's (then the quote and its speaker).
 */
import type { FramingTerm } from '../contract.js';
import type { Span } from '../document.js';
import { wordsOf } from '../quotes/plausible.js';
import type { FramingDoc, MentionAt } from './context.js';
import { matchesCue, type FormMatch, type Lexicon } from './lexicon.js';

/** Words either side of a term read for another sense ("heat resistance", "tax regime"). */
const SENSE_WINDOW = 5;
/** Words before a term read for a reported status: a designation verb may open a long clause. */
const STATUS_WINDOW_BEFORE = 10;
const STATUS_WINDOW_AFTER = 4;
/** Sentences before the term's own searched for an actor it refers back to. */
const SENTENCES_BACK = 4;

/** Between an actor and a term that qualifies it directly: "Hamas militants", "Hamas-led resistance", "Russia's regime". */
const PREMODIFIER_GAP = /^(?:\s+|-(?:led|backed|run|linked|allied|affiliated|aligned|controlled)\s+|[’']s?\s+)$/iu;
/** Between a term and the actor it names: "Islamist Hamas", "the terrorist group Hamas". */
const NAME_AFTER_GAP = /^\s+(?:(?:group|movement|organi[sz]ation|faction|militia|regime|state)\s+)?$/iu;
/**
 * Between an actor and a term said of it: an apposition with its article ("Hamas, the Islamist
 * group"; "In Gaza, militants…" is no apposition), a copula or "as" ("Russia is a terrorist
 * state", "Russia's status as a terrorist state").
 */
const PREDICATE_GAP =
  /^(?:(?:\s*,|\s*[–—])\s+(?:an?|the|its|their)\s+|(?:[’']s\s+(?:status|role|position|designation|reputation|image)\s+as|\s+(?:is|was|are|were|be|been|being|remains|remain|became|become|becomes|as))\s+(?:(?:an?|the|its|their)\s+)?)(?:[\p{L}-]+\s+)?$/iu;
/** Between a term and its agent: "atrocities of Hamas", "massacre by the army". */
const AGENT_AFTER_GAP = /^\s+by\s+(?:the\s+)?$/iu;
const OF_AFTER_GAP = /^\s+(?:of|from)\s+(?:the\s+)?$/iu;

/** What target resolution knows of the corpus's actors. */
export interface Actors {
  /** The stories' main actors (entity ids). */
  main: ReadonlySet<string>;
  /** Entity ids by lower-cased name and alias, for entries that always name one actor. */
  byName: ReadonlyMap<string, string>;
}

/** The framing terms of one document, in text order. */
export function findTerms(doc: FramingDoc, lexicon: Lexicon, actors: Actors): FramingTerm[] {
  const terms: FramingTerm[] = [];
  doc.sentences.forEach((sentence, index) => {
    for (const match of lexicon.find(doc.text, sentence.start, sentence.end)) {
      const sense = senseOf(doc.text, sentence, match);
      if (sense === 'other') continue;
      const mentions = doc.sentenceMentions(index);
      // A form inside a longer name ("Islamic Resistance Movement") names, it does not frame.
      if (mentions.some((mention) => mention.kind === 'name' && mention.start <= match.start && mention.end >= match.end && mention.end - mention.start > match.end - match.start)) continue;
      const back = doc.sentences[Math.max(0, index - SENTENCES_BACK)]!;
      const paragraph = doc.paragraphOf(sentence);
      const earlier = doc.mentionsIn(Math.max(back.start, paragraph?.start ?? back.start), sentence.start - 1);
      const quote = doc.quoteAt(match);
      terms.push({
        doc: doc.id,
        start: match.start,
        end: match.end,
        term: doc.text.slice(match.start, match.end),
        entry: match.entry.term,
        loaded: sense === 'loaded',
        category: sense === 'status' ? 'reported-status' : match.entry.category,
        target: (match.entry.names && actors.byName.get(match.entry.names.toLowerCase())) ?? targetOf(doc.text, match, mentions, earlier, actors.main),
        voice: quote ? 'speaker' : 'outlet',
        quote: quote?.id ?? null,
        speaker: quote?.speaker.entity ?? null,
        quoted: doc.inQuotationMarks(match),
      });
    }
  });
  return terms;
}

/**
 * How a term is used here: `other` (another sense, not framing), `status` (a reported legal
 * status: "has never declared X a terrorist organisation"), else as the lexicon says: `loaded`
 * or `neutral`.
 */
export function senseOf(text: string, sentence: Span, match: FormMatch): 'other' | 'status' | 'loaded' | 'neutral' {
  const before = wordsOf(text.slice(sentence.start, match.start));
  const after = wordsOf(text.slice(match.end, sentence.end));
  const near = [...before.slice(-SENSE_WINDOW), ...after.slice(0, SENSE_WINDOW)];
  if (near.some((word) => matchesCue(word, match.entry.otherSense))) return 'other';
  const statusNear = [...before.slice(-STATUS_WINDOW_BEFORE), ...after.slice(0, STATUS_WINDOW_AFTER)];
  if (statusNear.some((word) => matchesCue(word, match.entry.neutralNear))) return 'status';
  return match.entry.loaded ? 'loaded' : 'neutral';
}

/**
 * The entity a term names or qualifies (see the module comment for the order of the rules), or
 * null when nothing in reach fits. `mentions` are the sentence's, `earlier` those of the few
 * sentences before it, both in text order.
 */
function targetOf(text: string, match: FormMatch, mentions: readonly MentionAt[], earlier: readonly MentionAt[], mainActors: ReadonlySet<string>): string | null {
  const { entry } = match;
  const others = mentions.filter((mention) => mention.end <= match.start || mention.start >= match.end);
  const before = others.filter((mention) => mention.end <= match.start);
  const after = others.filter((mention) => mention.start >= match.end);
  const gapBefore = (mention: MentionAt) => text.slice(mention.end, match.start);
  const gapAfter = (mention: MentionAt) => text.slice(match.end, mention.start);

  const last = before.at(-1);
  if (last && PREMODIFIER_GAP.test(gapBefore(last))) return last.entity;
  const first = after[0];
  if (first && NAME_AFTER_GAP.test(gapAfter(first))) return first.entity;
  if (first && (AGENT_AFTER_GAP.test(gapAfter(first)) || (entry.ofNames === 'agent' && OF_AFTER_GAP.test(gapAfter(first))))) return first.entity;
  const fits = (mention: MentionAt) => entry.targets.includes(mention.type);
  const predicated = [...before].reverse().find((mention) => fits(mention) && PREDICATE_GAP.test(gapBefore(mention)));
  if (predicated) return predicated.entity;

  if (entry.reach === 'direct') return null;

  // By nearness alone, a main actor of the story first, in this sentence and then in the few
  // before; a group noun ("Islamist", "Muslim") is a target only when the syntax says so.
  const main = (mention: MentionAt) => fits(mention) && mention.type !== 'NORP' && (mainActors.size === 0 || mainActors.has(mention.entity));
  const nearest = [...before].reverse().find(main) ?? after.find(main) ?? [...earlier].reverse().find(main);
  if (nearest) return nearest.entity;
  const other = (mention: MentionAt) => fits(mention) && mention.type !== 'NORP';
  return ([...before].reverse().find(other) ?? after.find(other))?.entity ?? null;
}
