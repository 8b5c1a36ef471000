/**
 * Turns what a date expression's words say (src/timeline/expressions.ts) into an ISO date or
 * range with a precision, given the day it is counted from and the document's conventions.
 * Impossible or undecidable dates come back as problems for a message, never as exceptions.
 */
import * as chrono from 'chrono-node';
import type { DateMention } from '../contract.js';
import { calendarDay, dayNumber, daysInMonth, isRealDate, isoDay, isoMonth, isoYear, weekdayOf, type CalendarDay } from './calendar.js';
import { WEEKDAY_NAMES, type DateForm, type Direction } from './expressions.js';

/** The day relative expressions count from, and why we trust it. */
export interface Anchor {
  day: number;
  kind: 'published' | 'content';
}

/** Which number comes first in "9/10/2023", and what decided it. */
export interface NumericOrder {
  dayFirst: boolean;
  /** 'text': the document's own unambiguous dates; 'outlet': its country or language; 'story': the other articles of its story; 'guess': nothing did. */
  by: 'text' | 'outlet' | 'story' | 'guess';
}

export interface ResolveContext {
  anchor: Anchor | null;
  /** The tense around the expression: a report of the past, or a plan or promise about the future. */
  tense: 'past' | 'future';
  order: NumericOrder;
}

export type Resolution = Pick<DateMention, 'date' | 'until' | 'precision' | 'anchor' | 'inferred'>;

export type Problem =
  | { rule: 'timeline/impossible-date'; text: string }
  | { rule: 'timeline/ambiguous-day-month'; text: string }
  | { rule: 'timeline/weekday-mismatch'; text: string }
  | { rule: 'timeline/no-anchor'; text: string };

export interface Outcome {
  value: Resolution | null;
  problems: Problem[];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const weekdayName = (weekday: number) => WEEKDAY_NAMES[weekday]!.replace(/^./, (letter) => letter.toUpperCase());
const spoken = (day: CalendarDay) => `${day.day} ${MONTH_NAMES[day.month - 1]} ${day.year}`;

/**
 * The value of one expression, or why it has none. Event-counted forms ("days after the attack")
 * need the event's date and are resolved by `countFromEvent`.
 */
export function resolveDate(form: DateForm, context: ResolveContext): Outcome {
  switch (form.kind) {
    case 'numeric':
      return resolveNumeric(form, context);
    case 'calendar':
      return resolveCalendar(form, context);
    case 'years':
      return form.first === form.last
        ? found({ date: isoYear(form.first), until: null, precision: 'year', anchor: 'absolute', inferred: false })
        : found({ date: isoDay(dayNumber(form.first, 1, 1)), until: isoDay(dayNumber(form.last, 12, 31)), precision: 'range', anchor: 'absolute', inferred: false });
    case 'months': {
      const first = dayNumber(form.first.year, form.first.month, 1);
      const last = dayNumber(form.last.year, form.last.month, daysInMonth(form.last.year, form.last.month));
      if (last <= first) return impossible(`a span ending before it starts`);
      return found({ date: isoDay(first), until: isoDay(last), precision: 'range', anchor: 'absolute', inferred: false });
    }
    case 'weekday':
      return anchored(context, (anchor) => day(weekdayFrom(anchor.day, form.weekday, form.direction, context.tense), anchor));
    case 'relative':
      return anchored(context, (anchor) => resolveRelative(form, anchor, context.tense));
    case 'counted':
      return { value: null, problems: [] };
    case 'event':
      return { value: null, problems: [] };
  }
}

/** "three days ago": chrono counts from the anchor, calendar-correctly. */
export function resolveCounted(written: string, unit: string, context: ResolveContext): Outcome {
  return anchored(context, (anchor) => {
    const { year, month, day: date } = calendarDay(anchor.day);
    const [result] = chrono.en.GB.parse(written, { instant: new Date(Date.UTC(year, month - 1, date, 12)), timezone: 0 });
    if (!result) return null;
    const at = { year: result.start.get('year')!, month: result.start.get('month')!, day: result.start.get('day')! };
    const inferred = anchor.kind === 'content';
    if (unit === 'year') return { date: isoYear(at.year), until: null, precision: 'year', anchor: anchor.kind, inferred };
    if (unit === 'month') return { date: isoMonth(at.year, at.month), until: null, precision: 'month', anchor: anchor.kind, inferred };
    return day(dayNumber(at.year, at.month, at.day), anchor);
  });
}

/** "days after the attack": a day or range counted from the day the event took place. */
export function countFromEvent(form: Extract<DateForm, { kind: 'event' }>, eventDay: number): Resolution {
  const first = eventDay + form.sign * (form.sign > 0 ? form.least : form.most);
  const last = eventDay + form.sign * (form.sign > 0 ? form.most : form.least);
  return first === last
    ? { date: isoDay(first), until: null, precision: 'day', anchor: 'event', inferred: true }
    : { date: isoDay(first), until: isoDay(last), precision: 'range', anchor: 'event', inferred: true };
}

const found = (value: Resolution): Outcome => ({ value, problems: [] });

function anchored(context: ResolveContext, resolve: (anchor: Anchor) => Resolution | null): Outcome {
  if (!context.anchor) return { value: null, problems: [{ rule: 'timeline/no-anchor', text: 'no publication date and no full date in the text to count from' }] };
  return { value: resolve(context.anchor), problems: [] };
}

function day(days: number, anchor: Anchor): Resolution {
  return { date: isoDay(days), until: null, precision: 'day', anchor: anchor.kind, inferred: anchor.kind === 'content' };
}

/**
 * The weekday nearest the anchor in the right direction: a report in the past tense means the one
 * on or before it, a plan the one on or after it; "last" and "next" exclude the anchor's own day.
 */
function weekdayFrom(anchor: number, weekday: number, direction: Direction | null, tense: 'past' | 'future'): number {
  const back = (weekdayOf(anchor) - weekday + 7) % 7;
  const ahead = (weekday - weekdayOf(anchor) + 7) % 7;
  if (direction === 'past') return anchor - (back === 0 ? 7 : back);
  if (direction === 'future') return anchor + (ahead === 0 ? 7 : ahead);
  return tense === 'future' ? anchor + ahead : anchor - back;
}

function resolveRelative(form: Extract<DateForm, { kind: 'relative' }>, anchor: Anchor, tense: 'past' | 'future'): Resolution {
  const inferred = anchor.kind === 'content';
  const { year, month } = calendarDay(anchor.day);
  const range = (first: number, last: number): Resolution => (first === last ? day(first, anchor) : { date: isoDay(first), until: isoDay(last), precision: 'range', anchor: anchor.kind, inferred });
  switch (form.unit) {
    case 'day':
      return day(anchor.day + (form.offset ?? 0), anchor);
    case 'week': {
      const monday = anchor.day - ((weekdayOf(anchor.day) + 6) % 7) + 7 * (form.offset ?? 0);
      if (form.offset === 0 && form.part === 'earlier') return range(monday, Math.max(monday, anchor.day - 1));
      return range(monday, monday + 6);
    }
    case 'weekend': {
      const saturday = form.offset === null ? weekdayFrom(anchor.day, 6, null, tense) : weekdayFrom(anchor.day, 6, null, 'future') + 7 * form.offset;
      return range(saturday, saturday + 1);
    }
    case 'month': {
      const shifted = year * 12 + (month - 1) + (form.offset ?? 0);
      return { date: isoMonth(Math.floor(shifted / 12), (shifted % 12) + 1), until: null, precision: 'month', anchor: anchor.kind, inferred };
    }
    case 'year':
      return { date: isoYear(year + (form.offset ?? 0)), until: null, precision: 'year', anchor: anchor.kind, inferred };
  }
}

/** A two-digit year takes the century that puts it nearest the anchor's year (else the present one). */
function fullYear(year: number | null, shortYear: boolean, anchor: Anchor | null): number | null {
  if (year === null || !shortYear) return year;
  const reference = anchor ? calendarDay(anchor.day).year : 2000;
  const century = Math.round((reference - year) / 100) * 100;
  return century + year;
}

/**
 * The year of a date written without one. A plan means the first occurrence on or after the
 * anchor; anything else the latest one not more than a few weeks after it (a meeting "set for
 * March 18" is often reported without a future verb). A written weekday picks among them.
 */
function yearFor(month: number, date: number, anchor: Anchor, tense: 'past' | 'future', weekday: number | null): number {
  const anchorYear = calendarDay(anchor.day).year;
  const slack = 30;
  const candidates = [anchorYear - 1, anchorYear, anchorYear + 1].filter((year) => isRealDate(year, month, date));
  const matching = weekday === null ? [] : candidates.filter((year) => weekdayOf(dayNumber(year, month, date)) === weekday);
  const pool = matching.length > 0 ? matching : candidates;
  const fitting = pool.filter((year) => (tense === 'future' ? dayNumber(year, month, date) >= anchor.day : dayNumber(year, month, date) <= anchor.day + slack));
  if (fitting.length === 0) return pool[0] ?? anchorYear;
  return tense === 'future' ? fitting[0]! : fitting[fitting.length - 1]!;
}

function resolveCalendar(form: Extract<DateForm, { kind: 'calendar' }>, context: ResolveContext): Outcome {
  const { anchor, tense } = context;
  const written = fullYear(form.year, form.shortYear, anchor);
  const named = `${form.day ?? ''} ${MONTH_NAMES[form.month - 1]}${written ? ` ${written}` : ''}`.trim();
  if (form.day !== null && !isRealDate(written, form.month, form.day)) return impossible(named);
  if (form.lastDay !== null && (!isRealDate(written, form.month, form.lastDay) || form.lastDay <= (form.day ?? 0))) return impossible(`${form.day}-${form.lastDay} ${MONTH_NAMES[form.month - 1]}`);
  const yearGiven = written !== null;
  if (!yearGiven && !anchor) return { value: null, problems: [{ rule: 'timeline/no-anchor', text: `${named} has no year, and the document no date to take it from` }] };
  const base = { anchor: yearGiven && (!form.shortYear || !anchor) ? ('absolute' as const) : anchor!.kind, inferred: !yearGiven || form.shortYear ? anchor?.kind !== 'published' : false };
  if (form.day === null) {
    let year = written;
    if (year === null) {
      const { year: anchorYear, month: anchorMonth } = calendarDay(anchor!.day);
      const direction = form.direction ?? tense;
      year = direction === 'future' ? (form.month > anchorMonth || (form.month === anchorMonth && !form.direction) ? anchorYear : anchorYear + 1) : form.month < anchorMonth || (form.month === anchorMonth && !form.direction) ? anchorYear : anchorYear - 1;
    }
    return found({ date: isoMonth(year, form.month), until: null, precision: 'month', ...base });
  }
  const year = written ?? yearFor(form.month, form.day, anchor!, tense, form.weekday);
  if (!isRealDate(year, form.month, form.day)) return impossible(`${form.day} ${MONTH_NAMES[form.month - 1]} ${year}`);
  const first = dayNumber(year, form.month, form.day);
  const problems = weekdayProblems(form.weekday, first);
  if (form.lastDay !== null) return { value: { date: isoDay(first), until: isoDay(dayNumber(year, form.month, form.lastDay)), precision: 'range', ...base }, problems };
  return { value: { date: isoDay(first), until: null, precision: 'day', ...base }, problems };
}

function weekdayProblems(weekday: number | null, days: number): Problem[] {
  if (weekday === null || weekdayOf(days) === weekday) return [];
  return [{ rule: 'timeline/weekday-mismatch', text: `${spoken(calendarDay(days))} was a ${weekdayName(weekdayOf(days))}, not a ${weekdayName(weekday)}` }];
}

function impossible(named: string): Outcome {
  return { value: null, problems: [{ rule: 'timeline/impossible-date', text: `${named} is not a date` }] };
}

/**
 * "9/10/2023": day first or month first. A number over 12 decides; else the weekday written with
 * it; else the document's convention (its own unambiguous dates, its outlet's country or
 * language); else its story's (marked inferred); else day first, marked inferred, with a message.
 */
function resolveNumeric(form: Extract<DateForm, { kind: 'numeric' }>, context: ResolveContext): Outcome {
  const { anchor, tense, order } = context;
  const written = fullYear(form.year, form.shortYear, anchor);
  const readings = [
    { dayFirst: true, day: form.first, month: form.second },
    { dayFirst: false, day: form.second, month: form.first },
  ].filter((reading) => isRealDate(written, reading.month, reading.day));
  const asWritten = `${form.first}/${form.second}${form.year !== null ? `/${form.year}` : ''}`;
  if (readings.length === 0) return impossible(asWritten);
  if (written === null && !anchor) return { value: null, problems: [{ rule: 'timeline/no-anchor', text: `${asWritten} has no year, and the document no date to take it from` }] };
  const yearOf = (reading: { day: number; month: number }) => written ?? yearFor(reading.month, reading.day, anchor!, tense, form.weekday);
  const dayOf = (reading: { day: number; month: number }) => dayNumber(yearOf(reading), reading.month, reading.day);

  let chosen = readings[0]!;
  let inferred = written === null || form.shortYear ? anchor?.kind !== 'published' : false;
  const problems: Problem[] = [];
  const distinct = readings.length === 2 && form.first !== form.second;
  if (distinct) {
    const byWeekday = form.weekday === null ? [] : readings.filter((reading) => weekdayOf(dayOf(reading)) === form.weekday);
    if (byWeekday.length === 1) chosen = byWeekday[0]!;
    else {
      chosen = readings.find((reading) => reading.dayFirst === order.dayFirst)!;
      if (order.by === 'story') inferred = true;
      if (order.by === 'guess') {
        inferred = true;
        const other = readings.find((reading) => reading !== chosen)!;
        problems.push({ rule: 'timeline/ambiguous-day-month', text: `${asWritten} could be ${spoken(calendarDay(dayOf(chosen)))} or ${spoken(calendarDay(dayOf(other)))}; read day first, as most of the world writes it` });
      }
    }
  }
  const days = dayOf(chosen);
  if (!distinct || form.weekday !== null) problems.push(...weekdayProblems(form.weekday, days));
  const anchorKind = written !== null && (!form.shortYear || !anchor) ? 'absolute' : anchor!.kind;
  return { value: { date: isoDay(days), until: null, precision: 'day', anchor: anchorKind, inferred }, problems };
}
