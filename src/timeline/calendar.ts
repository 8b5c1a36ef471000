/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, no time zone),
 * so that "two days before", "the Saturday before" and "the week of" are integer sums and a
 * date's ISO form never shifts with the machine's time zone.
 */

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

export function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return Math.round(date.getTime() / MS_PER_DAY);
}

export function calendarDay(days: number): CalendarDay {
  const date = new Date(days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return calendarDay(dayNumber(year, month + 1, 1) - 1).day;
}

/** True when the day exists; with no year, when it exists in some year (29 February does). */
export function isRealDate(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year ?? 2000, month);
}

/** 0 for Sunday … 6 for Saturday, as `Date.getUTCDay`. */
export function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function isoDay(days: number): string {
  const { year, month, day } = calendarDay(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function isoMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

export function isoYear(year: number): string {
  return pad(year, 4);
}

/** The day number of an ISO date or date-time's calendar day ("2024-03-14T09:30:00Z" → 14 March), or null. */
export function parseIsoDay(value: string | null | undefined): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value?.trim() ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? dayNumber(year, month, day) : null;
}

/** First and last day numbers of an ISO date, month or year ("2023-10" → 1 and 31 October 2023). */
export function isoBounds(value: string): { first: number; last: number } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3]) {
    const day = dayNumber(year, Number(match[2]), Number(match[3]));
    return { first: day, last: day };
  }
  if (match[2]) {
    const month = Number(match[2]);
    return { first: dayNumber(year, month, 1), last: dayNumber(year, month, daysInMonth(year, month)) };
  }
  return { first: dayNumber(year, 1, 1), last: dayNumber(year, 12, 31) };
}
