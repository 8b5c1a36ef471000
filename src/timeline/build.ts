/**
 * The timeline of a corpus. Each document's date expressions are anchored and normalised; the
 * clause each governs becomes a dated event with its actors; the same event in several outlets
 * becomes one item with all their evidence (inside one story only); and every document gets its
 * dating: its publication date, or the bounds its content implies.
 *
 * Anchors, in order of trust: the document's publication date; else the latest full date it
 * names in the past tense; else, for a syndicated copy, its original's date; else the latest date
 * its story knows (another article's publication date or full date). All but the first are
 * marked inferred (anchor 'content').
 */
import type { DateMention, DocumentDating, TimelineItem } from '../contract.js';
import { DisjointSets } from '../crossdoc/disjoint-sets.js';
import { groupBy } from '../crossdoc/group-by.js';
import type { Message, Span } from '../document.js';
import { SpanIndex } from '../text/spans.js';
import { dayNumber, isoBounds, isRealDate, parseIsoDay, weekdayOf } from './calendar.js';
import { clauseOf, tenseOf } from './clauses.js';
import { findDates, isHostility, type DateForm, type FoundDate } from './expressions.js';
import type { EntityMentionAt } from '../crossdoc/documents.js';
import { countFromEvent, resolveCounted, resolveDate, type Anchor, type NumericOrder, type Outcome, type Problem, type Resolution } from './resolve.js';

type ActorMention = EntityMentionAt;

/** What the timeline needs of one document. */
export interface TimelineDocument {
  id: string;
  text: string;
  published: string | null;
  language: string | null;
  url: string | null;
  outlet: string | null;
  story: string | null;
  /** The document this one is a syndicated copy of, if any: a copy is dated like its original. */
  copyOf: string | null;
  /** Kept sentences: dates in removed spans never reach the timeline. */
  sentences: readonly Span[];
  removed: readonly Span[];
  quotes: readonly { id: string; content: Span }[];
  mentions: readonly ActorMention[];
  /**
   * Spans the cross-checking stages already found to state one proposition or utterance across
   * outlets (claim groups, statement groups), keyed by group: a dated clause inside one joins
   * the same group's clauses of the same date in other outlets, however differently worded.
   */
  propositions: readonly (Span & { group: string })[];
}

export interface Timeline {
  items: TimelineItem[];
  dating: DocumentDating[];
  messages: Message[];
}

interface Expression extends FoundDate {
  doc: TimelineDocument;
  clause: Span;
  tense: 'past' | 'future';
  quote: string | null;
  value: Resolution | null;
}

const STAGE = 'timeline';

/** Words that make the date after them a bound of the event, not its date. */
const BOUND_BEFORE = /\b(?:before|prior\s+to|no\s+later\s+than)\s+$/iu;

/** Country-code domains and languages whose writers put the day first ("9/10" is 9 October). */
const DAY_FIRST_DOMAINS = new Set(['uk', 'au', 'nz', 'ie', 'in', 'za', 'ng', 'ke', 'pk', 'id', 'my', 'ph', 'ru', 'ua', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'tr', 'il', 'ps', 'ae', 'sa', 'qa', 'eg', 'br', 'ar', 'mx', 'ge']);

export function buildTimeline(documents: readonly TimelineDocument[]): Timeline {
  const messages: Message[] = [];
  const expressionsOf = new Map(documents.map((doc) => [doc.id, findExpressions(doc)]));
  const votesOf = new Map(documents.map((doc) => [doc.id, dayFirstVotes(expressionsOf.get(doc.id)!)]));
  const storyVotes = new Map<string | null, number>();
  for (const doc of documents) storyVotes.set(doc.story, (storyVotes.get(doc.story) ?? 0) + votesOf.get(doc.id)!);
  const orderOf = new Map(documents.map((doc) => [doc.id, numericOrder(doc, votesOf.get(doc.id)!, storyVotes.get(doc.story)!)]));

  // The latest full date each document names, and each story's latest known date.
  const ownLatest = new Map<string, Anchor | null>();
  for (const doc of documents) {
    const order = orderOf.get(doc.id)!;
    const days = expressionsOf
      .get(doc.id)!
      .filter((expression) => expression.tense === 'past' && isFullDate(expression.form))
      .map((expression) => resolveDate(expression.form, { anchor: null, tense: 'past', order }).value)
      .filter((value): value is Resolution => value?.precision === 'day')
      .map((value) => parseIsoDay(value.date)!);
    ownLatest.set(doc.id, days.length > 0 ? { day: days.reduce(max), kind: 'content' } : null);
  }
  const storyLatest = new Map<string | null, number>();
  for (const doc of documents) {
    const known = [parseIsoDay(doc.published), ownLatest.get(doc.id)?.day ?? null].filter((day): day is number => day !== null);
    if (known.length > 0) storyLatest.set(doc.story, known.reduce(max, storyLatest.get(doc.story) ?? -Infinity));
  }

  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const storyAnchor = (doc: TimelineDocument): Anchor | null => {
    const day = storyLatest.get(doc.story);
    return day === undefined ? null : { day, kind: 'content' };
  };
  const unanchored = new Map<string, Expression[]>(documents.map((doc) => [doc.id, []]));
  const settle = (doc: TimelineDocument, expression: Expression, outcome: Outcome) => {
    expression.value = outcome.value;
    for (const problem of outcome.problems) {
      if (problem.rule === 'timeline/no-anchor') unanchored.get(doc.id)!.push(expression);
      else messages.push(problemMessage(doc, expression, problem));
    }
  };

  // Named dates first: a date without a year takes it from the publication date, else from the
  // document's own full dates, else from its original (for a copy), else from its story.
  const namedAnchor = new Map<string, Anchor | null>();
  for (const doc of documents) {
    const published = parseIsoDay(doc.published);
    const original = doc.copyOf === null ? undefined : byId.get(doc.copyOf);
    const originalDay = original ? (parseIsoDay(original.published) ?? ownLatest.get(original.id)?.day ?? null) : null;
    const yearAnchor: Anchor | null =
      published !== null ? { day: published, kind: 'published' } : (ownLatest.get(doc.id) ?? (originalDay !== null ? { day: originalDay, kind: 'content' } : storyAnchor(doc)));
    const named = expressionsOf.get(doc.id)!.filter((expression) => isNamed(expression.form));
    for (const expression of named) settle(doc, expression, resolveDate(expression.form, { anchor: yearAnchor, tense: expression.tense, order: orderOf.get(doc.id)! }));
    const namedDays = named.filter((expression) => expression.tense === 'past' && expression.value?.precision === 'day').map((expression) => parseIsoDay(expression.value!.date)!);
    namedAnchor.set(doc.id, published !== null ? { day: published, kind: 'published' } : namedDays.length > 0 ? { day: namedDays.reduce(max), kind: 'content' } : null);
  }

  // Then counted expressions ("last year", "on Wednesday"): from the publication date, else the
  // latest day the document names, else its original's, else its story's latest date.
  for (const doc of documents) {
    const anchor = namedAnchor.get(doc.id) ?? (doc.copyOf === null ? null : (namedAnchor.get(doc.copyOf) ?? null)) ?? storyAnchor(doc);
    for (const expression of expressionsOf.get(doc.id)!) {
      if (isNamed(expression.form) || expression.form.kind === 'event') continue;
      const context = { anchor, tense: expression.tense, order: orderOf.get(doc.id)! };
      settle(doc, expression, expression.form.kind === 'counted' ? resolveCounted(doc.text.slice(expression.start, expression.end), expression.form.unit, context) : resolveDate(expression.form, context));
    }
    const missed = unanchored.get(doc.id)!;
    if (missed.length > 0) {
      const first = missed[0]!;
      messages.push({
        doc: doc.id,
        stage: STAGE,
        rule: 'timeline/no-anchor',
        severity: 'info',
        text: `${missed.length === 1 ? 'One date expression' : `${missed.length} date expressions`} could not be placed in time (first: "${doc.text.slice(first.start, first.end)}"): the document has no publication date and names no full date, and no other article of its story does.`,
        start: first.start,
        end: first.end,
      });
    }
  }

  resolveEventCounts([...expressionsOf.values()].flat());
  // "began before Sunday" bounds its event, it does not date it: such dates still bound the
  // document's dating, but no event is put on that day.
  const dated = [...expressionsOf.values()].flat().filter((expression) => expression.value !== null && !BOUND_BEFORE.test(expression.doc.text.slice(Math.max(0, expression.start - 12), expression.start)));
  return { items: mergeEvents(dated), dating: documents.map((doc) => datingOf(doc, expressionsOf.get(doc.id)!)), messages };
}

function findExpressions(doc: TimelineDocument): Expression[] {
  const removed = new SpanIndex(doc.removed);
  const quotes = new SpanIndex(doc.quotes.map((quote) => ({ ...quote.content, id: quote.id })));
  const expressions: Expression[] = [];
  for (const sentence of doc.sentences) {
    for (const found of findDates(doc.text, sentence)) {
      if (removed.overlapsAny(found)) continue;
      const clause = clauseOf(doc.text, sentence, found);
      expressions.push({ ...found, doc, clause, tense: tenseOf(doc.text, clause, found), quote: quotes.containing(found)[0]?.id ?? null, value: null });
    }
  }
  return expressions;
}

/** Forms whose words name a calendar date, month or year (as against counting from an anchor). */
function isNamed(form: DateForm): boolean {
  return form.kind === 'numeric' || form.kind === 'calendar' || form.kind === 'years' || form.kind === 'months';
}

function isFullDate(form: DateForm): boolean {
  return (form.kind === 'numeric' || (form.kind === 'calendar' && form.day !== null)) && form.year !== null && !form.shortYear;
}

/** Which number this document writes first, by its own unambiguous dates ("13/3", or a weekday that fits one reading only): above 0 the day. */
function dayFirstVotes(expressions: readonly Expression[]): number {
  let votes = 0;
  for (const { form } of expressions) {
    if (form.kind !== 'numeric' || form.first === form.second) continue;
    if (form.first > 12 && form.second <= 12) votes += 1;
    else if (form.second > 12 && form.first <= 12) votes -= 1;
    else if (form.weekday !== null && form.year !== null && !form.shortYear) {
      const fits = (month: number, day: number) => isRealDate(form.year, month, day) && weekdayOf(dayNumber(form.year!, month, day)) === form.weekday;
      votes += Number(fits(form.second, form.first)) - Number(fits(form.first, form.second));
    }
  }
  return votes;
}

/** The document's own dates decide the order, then its outlet's country or language, then the other articles of its story. */
function numericOrder(doc: TimelineDocument, votes: number, storyVotes: number): NumericOrder {
  if (votes !== 0) return { dayFirst: votes > 0, by: 'text' };
  const convention = outletConvention(doc);
  if (convention !== null) return { dayFirst: convention, by: 'outlet' };
  return storyVotes !== 0 ? { dayFirst: storyVotes > 0, by: 'story' } : { dayFirst: true, by: 'guess' };
}

function outletConvention(doc: TimelineDocument): boolean | null {
  const language = doc.language?.toLowerCase() ?? '';
  if (/^en[-_]us\b/.test(language)) return false;
  if (/^en[-_](?:gb|uk|au|nz|ie|in|za|ng|ke|pk|sg)\b/.test(language)) return true;
  if (language !== '' && !language.startsWith('en')) return true;
  for (const name of [doc.url, doc.outlet]) {
    const host = /^(?:[a-z]+:\/\/)?([^/\s:]+\.[a-z]{2,})(?:[/:]|$)/i.exec(name?.trim() ?? '')?.[1]?.toLowerCase();
    const domain = host?.split('.').pop();
    if (domain === 'us') return false;
    if (domain && DAY_FIRST_DOMAINS.has(domain)) return true;
  }
  return null;
}

function problemMessage(doc: TimelineDocument, expression: Expression, problem: Problem): Message {
  const written = doc.text.slice(expression.start, expression.end);
  const text =
    problem.rule === 'timeline/impossible-date'
      ? `"${written}" is an impossible date (${problem.text}), so it is left off the timeline.`
      : problem.rule === 'timeline/ambiguous-day-month'
        ? `"${written}" is ambiguous: it ${problem.text.replace(/^\S+ /, '')}, since no weekday, other date or outlet convention decides.`
        : `"${written}" names the wrong weekday: ${problem.text}. The date is kept as written.`;
  return { doc: doc.id, stage: STAGE, rule: problem.rule, severity: 'warning', text, start: expression.start, end: expression.end };
}

/**
 * "days after the attack": counted from the earliest day in the same story that a clause naming
 * an outbreak of violence ("attack", "war", "conflict") is dated to.
 */
function resolveEventCounts(expressions: readonly Expression[]): void {
  const outbreak = new Map<string | null, number>();
  for (const expression of expressions) {
    if (expression.value?.precision !== 'day' || expression.value.anchor === 'event') continue;
    const words = expression.doc.text.slice(expression.clause.start, expression.clause.end).match(/\p{L}+/gu) ?? [];
    if (!words.some(isHostility)) continue;
    const story = expression.doc.story;
    outbreak.set(story, Math.min(outbreak.get(story) ?? Infinity, parseIsoDay(expression.value.date)!));
  }
  for (const expression of expressions) {
    const day = outbreak.get(expression.doc.story);
    if (expression.form.kind === 'event' && day !== undefined) expression.value = countFromEvent(expression.form, day);
  }
}

/** Most actors of a clause that pair up for merging; a longer list is an enumeration, not an event. */
const MAX_PAIRED_ACTORS = 8;

/**
 * One item per event: dated clauses with the same value in one story join when they share a
 * person, or two actors, or the same words, or (within one document) any actor but a place.
 */
function mergeEvents(dated: readonly Expression[]): TimelineItem[] {
  const actorsOf = new Map<TimelineDocument, SpanIndex<ActorMention>>();
  const propositionsOf = new Map<TimelineDocument, SpanIndex<Span & { group: string }>>();
  const personsOf = new Map<TimelineDocument, ActorMention[]>();
  const records = dated.map((expression) => {
    let index = actorsOf.get(expression.doc);
    if (!index) actorsOf.set(expression.doc, (index = new SpanIndex(expression.doc.mentions)));
    const inside = index.within(expression.clause).sort((a, b) => a.start - b.start);
    // "He conveyed this on Monday": a clause whose subject is a pronoun the identity stage left
    // unresolved is about the person last named before it.
    const speaker = inside.some((mention) => mention.type === 'PERSON') ? null : pronounAntecedent(expression.doc, expression.clause, personsOf);
    const actors = [...new Set([...(speaker ? [speaker] : []), ...inside.map((mention) => mention.entity)])];
    const persons = new Set([...(speaker ? [speaker] : []), ...inside.filter((mention) => mention.type === 'PERSON').map((mention) => mention.entity)]);
    // A place every article of a story names (the town of the spill) says nothing about which event this is.
    const agents = new Set(inside.filter((mention) => mention.type !== 'GPE' && mention.type !== 'LOC').map((mention) => mention.entity));
    let propositions = propositionsOf.get(expression.doc);
    if (!propositions) propositionsOf.set(expression.doc, (propositions = new SpanIndex(expression.doc.propositions)));
    const groups = new Set(propositions.overlapping(expression.clause).map((proposition) => proposition.group));
    return { expression, actors, persons, agents, groups };
  });
  const value = (expression: Expression) => expression.value!;
  const buckets = groupBy(records.keys(), (at) => {
    const { expression } = records[at]!;
    return `${expression.doc.story}\u0000${value(expression).date}\u0000${value(expression).until}\u0000${value(expression).precision}`;
  });
  const sets = new DisjointSets(records.length);
  for (const members of buckets.values()) {
    const holder = new Map<string, number>();
    const join = (key: string, at: number) => {
      const first = holder.get(key);
      if (first === undefined) holder.set(key, at);
      else sets.union(first, at);
    };
    for (const at of members) {
      const { expression, actors, persons, agents, groups } = records[at]!;
      for (const group of groups) join(`group\u0000${group}`, at);
      for (const person of persons) join(`person\u0000${person}`, at);
      for (const agent of agents) join(`doc\u0000${expression.doc.id}\u0000${agent}`, at);
      // A syndicated copy words the clause exactly as its original does, actors or not.
      join(`words\u0000${(expression.doc.text.slice(expression.clause.start, expression.clause.end).toLowerCase().match(/\p{L}+/gu) ?? []).join(' ')}`, at);
      const paired = actors.slice(0, MAX_PAIRED_ACTORS).sort();
      for (let i = 0; i < paired.length; i += 1) for (let j = i + 1; j < paired.length; j += 1) join(`pair\u0000${paired[i]}\u0000${paired[j]}`, at);
    }
  }

  const items = sets.groups().map((group) => {
    const members = group.map((at) => records[at]!);
    const first = members[0]!.expression;
    const evidence = new Map<string, { doc: string; start: number; end: number }>();
    for (const { expression } of members) evidence.set(`${expression.doc.id}\u0000${expression.clause.start}\u0000${expression.clause.end}`, { doc: expression.doc.id, ...expression.clause });
    const dates: DateMention[] = members.map(({ expression }) => ({
      doc: expression.doc.id,
      start: expression.start,
      end: expression.end,
      text: expression.doc.text.slice(expression.start, expression.end),
      ...value(expression),
      quote: expression.quote,
    }));
    return {
      id: '',
      story: first.doc.story,
      date: value(first).date,
      until: value(first).until,
      precision: value(first).precision,
      inferred: dates.every((date) => date.inferred),
      text: first.doc.text.slice(first.clause.start, first.clause.end),
      actors: [...new Set(members.flatMap((member) => member.actors))],
      documents: [...new Set(members.map((member) => member.expression.doc.id))],
      dates,
      evidence: [...evidence.values()],
    };
  });
  // In time order; a coarser date ("2023") before the days inside it, input order on a tie.
  return items
    .map((item, at) => ({ item, at }))
    .sort((a, b) => compare(a.item.date, b.item.date) || compare(a.item.until ?? '', b.item.until ?? '') || a.at - b.at)
    .map(({ item }, index) => ({ ...item, id: `time-${index + 1}` }));
}

/** How far back the person a pronoun stands for may have been named. */
const ANTECEDENT_REACH = 400;

function pronounAntecedent(doc: TimelineDocument, clause: Span, personsOf: Map<TimelineDocument, ActorMention[]>): string | null {
  if (!/^(?:he|she)\b/i.test(doc.text.slice(clause.start, clause.start + 4))) return null;
  let persons = personsOf.get(doc);
  if (!persons) personsOf.set(doc, (persons = doc.mentions.filter((mention) => mention.type === 'PERSON').sort((a, b) => a.start - b.start)));
  let low = 0;
  let high = persons.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (persons[middle]!.end <= clause.start) low = middle + 1;
    else high = middle;
  }
  const before = persons[low - 1];
  return before && clause.start - before.end <= ANTECEDENT_REACH ? before.entity : null;
}

const max = (a: number, b: number) => Math.max(a, b);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A document's dating: its publication date as given; without one, it cannot predate the latest
 * past date it names ("9/10/2023", or "on Thursday" in a report that schools stayed shut on
 * Thursday, counted from its story): that is its earliest possible date, inferred, with the
 * expression as evidence.
 */
function datingOf(doc: TimelineDocument, expressions: readonly Expression[]): DocumentDating {
  if (doc.published !== null && doc.published.trim() !== '') return { doc: doc.id, published: doc.published, earliest: null, latest: null, inferred: false, evidence: [] };
  let latest: { expression: Expression; last: number; value: string } | null = null;
  for (const expression of expressions) {
    if (!expression.value || expression.tense === 'future' || expression.value.anchor === 'event') continue;
    const value = expression.value!.until ?? expression.value!.date;
    const last = isoBounds(value)?.last;
    if (last !== undefined && (!latest || last > latest.last)) latest = { expression, last, value };
  }
  if (!latest) return { doc: doc.id, published: null, earliest: null, latest: null, inferred: false, evidence: [] };
  return { doc: doc.id, published: null, earliest: latest.value, latest: null, inferred: true, evidence: [{ doc: doc.id, start: latest.expression.start, end: latest.expression.end }] };
}
