/**
 * Finds date expressions in a sentence and reads what their words say, before anything is
 * anchored: "Monday (9/10/2023)" is two numbers, a year and a weekday; "last year" is one year
 * back from some reference; "days after the attack" is a few days after some event.
 *
 * chrono-node is the field's date parser, and we use it for what it does well: counted offsets
 * ("three days ago", "in two weeks", "the day before yesterday"), which it reads from words and
 * computes calendar-correctly (src/timeline/resolve.ts asks it again with the real anchor). The
 * rest is our own rules, because for news chrono is wrong in ways that matter:
 * - it reads "9/10/2023" in one fixed order per locale, where a news text's own weekday ("Monday")
 *   or the outlet's country must decide, and it resolves a lone "on Wednesday" forwards, where a
 *   report in the past tense means the Wednesday before;
 * - it drops "31/02/2023" silently, where we owe the reader a message on the document;
 * - it reads a dateline's "March 12" as March 2012, and does not read years ("In 2011"), year
 *   spans ("from 2015 to 2020"), decades, or dates counted from an event ("days after the
 *   attack");
 * - it has no notion of a date inside a quote about the future ("will be known on Thursday").
 */
import * as chrono from 'chrono-node';

export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const MONTH_NUMBERS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Month names are capitalised in news text; lower-case "may" and "march" are a verb and a noun. */
const MONTH = '(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\\.|\\b))';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const ORDINAL = '(?:st|nd|rd|th)?';
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, the: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** Words for an outbreak of violence: "days after the attack" and "after conflict broke out" count from the same day. */
const HOSTILITIES = new Set(['attack', 'assault', 'invasion', 'incursion', 'raid', 'offensive', 'war', 'conflict', 'fighting', 'confrontation', 'outbreak', 'hostilities', 'massacre', 'bombing', 'shelling', 'onslaught']);

export function isHostility(word: string): boolean {
  const lower = word.toLowerCase();
  return HOSTILITIES.has(lower) || HOSTILITIES.has(lower.replace(/(?:s|ed|ing)$/, ''));
}

export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'year';

/** What a date expression's words say, before it is anchored. */
export type DateForm =
  /** "9/10/2023", "13/3": which number is the day is decided later. */
  | { kind: 'numeric'; first: number; second: number; year: number | null; shortYear: boolean; weekday: number | null }
  /** "9 October 2023", "October 7", "3-5 March", "October 2023", "in September". */
  | { kind: 'calendar'; year: number | null; shortYear: boolean; month: number; day: number | null; lastDay: number | null; weekday: number | null; direction: Direction | null }
  /** "between October 2022 and March 2023". */
  | { kind: 'months'; first: { year: number; month: number }; last: { year: number; month: number } }
  /** "In 2011", "from 2015 to 2020", "the 1990s". */
  | { kind: 'years'; first: number; last: number }
  /** "on Wednesday", "last Monday", "next Tuesday". */
  | { kind: 'weekday'; weekday: number; direction: Direction | null }
  /** "yesterday", "last year", "earlier this month", "over the weekend": `offset` units from the anchor. */
  | { kind: 'relative'; unit: Unit; offset: number | null; part: 'earlier' | 'later' | null }
  /** "three days ago", "in two weeks": chrono reads them against the anchor. */
  | { kind: 'counted'; unit: Unit }
  /** "days after the attack", "hours after conflict broke out": counted from the outbreak of violence the story dates. */
  | { kind: 'event'; sign: 1 | -1; least: number; most: number };

/** Strictly before or after the anchor ("last Monday", "next Tuesday"). */
export type Direction = 'past' | 'future';

export interface FoundDate {
  start: number;
  end: number;
  form: DateForm;
}

interface Rule {
  pattern: RegExp;
  read(match: RegExpExecArray, sentence: string): { form: DateForm; start?: number; end?: number } | null;
}

const monthOf = (word: string) => MONTH_NUMBERS[word.replace(/\.$/, '').toLowerCase()]!;
const weekdayNumber = (word: string) => WEEKDAY_NAMES.indexOf(word.toLowerCase() as (typeof WEEKDAY_NAMES)[number]);
const plausibleYear = (year: number) => year >= 1000 && year <= 2199;

/** A four-digit year, or a two-digit one ("23", "'23") whose century the resolver decides. */
function readYear(written: string | undefined): { year: number | null; shortYear: boolean } {
  if (!written) return { year: null, shortYear: false };
  const digits = written.replace(/^['’]/, '');
  return { year: Number(digits), shortYear: digits.length === 2 };
}

const RULES: Rule[] = [
  {
    // ISO dates, as feeds and some outlets write them.
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => ({ form: { kind: 'calendar', year: Number(m[1]), shortYear: false, month: Number(m[2]), day: Number(m[3]), lastDay: null, weekday: null, direction: null } }),
  },
  {
    // "9/10/2023", "9.10.23", "13/3". A dot needs a year ("6.40 a.m." is a time); a slash without a
    // year needs a weekday or a preposition before it ("1/2" is a fraction, "24/7" an idiom).
    pattern: /(?<![\d/.,])(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/]|[.,]\d)/g,
    read: (m, sentence) => {
      const [first, second] = [Number(m[1]), Number(m[3])];
      if (!m[4]) {
        if (m[2] === '.' || (first === 9 && second === 11)) return null;
        const before = sentence.slice(Math.max(0, m.index - 14), m.index);
        if (!new RegExp(`(?:${WEEKDAY}\\s*,?\\s*\\(?|\\b(?:on|since|until|by|from)\\s+)$`, 'i').test(before)) return null;
      }
      return { form: { kind: 'numeric', first, second, ...readYear(m[4]), weekday: null } };
    },
  },
  {
    // "from 2015 to 2020", "between 2015 and 2020", "2015-2020", "2015–16".
    pattern: /\b(?:(from|between)\s+)?(\d{4})\s*(-|–|to|and|until)\s*(\d{4}|\d{2})\b(?!\s*[-/]\d)/gi,
    read: (m) => {
      if (!m[1] && !/^[-–]$/.test(m[3]!)) return null;
      const first = Number(m[2]);
      const last = m[4]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[4]) : Number(m[4]);
      if (!plausibleYear(first) || !plausibleYear(last) || last <= first) return null;
      return { form: { kind: 'years', first, last } };
    },
  },
  {
    // "9 October 2023", "09 October", "the 7th of October", "3-5 March 2024", "between 3 and 5 March".
    pattern: new RegExp(`\\b(?:(?:[Bb]etween|[Ff]rom)\\s+)?(?:the\\s+)?(\\d{1,2})${ORDINAL}(?:\\s*(?:-|–|to|and)\\s*(\\d{1,2})${ORDINAL})?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(\\d{4}|['’]\\d{2})\\b)?(?![\\d/])`, 'g'),
    read: (m) => ({ form: { kind: 'calendar', ...readYear(m[4]), month: monthOf(m[3]!), day: Number(m[1]), lastDay: m[2] ? Number(m[2]) : null, weekday: null, direction: null } }),
  },
  {
    // "October 7", "October 7, 2023", "Sept. 11", "March 3-5".
    pattern: new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})${ORDINAL}(?:\\s*[-–]\\s*(\\d{1,2})${ORDINAL})?(?:,?\\s+(\\d{4})\\b)?(?![\\d:.,]\\d)`, 'g'),
    read: (m) => ({ form: { kind: 'calendar', ...readYear(m[4]), month: monthOf(m[1]!), day: Number(m[2]), lastDay: m[3] ? Number(m[3]) : null, weekday: null, direction: null } }),
  },
  {
    // "between October 2022 and March 2023", "from May to July 2021".
    pattern: new RegExp(`\\b(?:[Ff]rom|[Bb]etween)\\s+(${MONTH})(?:\\s+(\\d{4}))?\\s+(?:to|and|until)\\s+(${MONTH})\\s+(\\d{4})\\b`, 'g'),
    read: (m) => {
      const last = Number(m[4]);
      const first = m[2] ? Number(m[2]) : monthOf(m[1]!) <= monthOf(m[3]!) ? last : last - 1;
      return { form: { kind: 'months', first: { year: first, month: monthOf(m[1]!) }, last: { year: last, month: monthOf(m[3]!) } } };
    },
  },
  {
    // "October 2023", "mid-October 2023".
    pattern: new RegExp(`\\b(?:(?:early|mid|late)[-\\s]+)?(${MONTH}),?\\s+(\\d{4})\\b`, 'g'),
    read: (m) => ({ form: { kind: 'calendar', year: Number(m[2]), shortYear: false, month: monthOf(m[1]!), day: null, lastDay: null, weekday: null, direction: null } }),
  },
  {
    // "the 1990s".
    pattern: /\b(?:the\s+)?(1[89]\d0|20\d0)s\b/g,
    read: (m) => ({ form: { kind: 'years', first: Number(m[1]), last: Number(m[1]) + 9 } }),
  },
  {
    // "In 2011", "since 2014", "by 2030", "in late 2022": a bare number is a year only after such a word.
    pattern: /\b(?:in|since|until|by|during|of|before|after|from|throughout|early|mid|late)[-\s]+(?:the\s+(?:year\s+)?)?(?:(?:early|mid|late)[-\s]+)?(\d{4})\b(?![.,]?\d|\s*%|\s*(?:people|men|women|children|troops|soldiers|residents|homes|members|tonnes|kilometres|km|miles|dollars|euros)\b)/gi,
    read: (m) => {
      const year = Number(m[1]);
      if (year < 1800 || year > 2099) return null;
      // "in late 2022" keeps "late"; "In 2011" drops the preposition.
      const part = /(?:early|mid|late)[-\s]+\d{4}$/i.exec(m[0]);
      const at = m.index + m[0].length - (part ? part[0].length : m[1]!.length);
      return { form: { kind: 'years', first: year, last: year }, start: at };
    },
  },
  {
    // "in September", "since March", "last October", "mid-October": a month with no day or year.
    pattern: new RegExp(`\\b(in|since|until|by|from|during|through|of|before|after|early|mid|late|last|next|this)[-\\s]+(${MONTH})(?![\\s,]*\\d)`, 'gi'),
    read: (m) => {
      if (!/^[A-Z]/.test(m[2]!)) return null;
      const word = m[1]!.toLowerCase();
      const direction: Direction | null = word === 'last' ? 'past' : word === 'next' ? 'future' : null;
      const keepsWord = ['early', 'mid', 'late', 'last', 'next', 'this'].includes(word);
      return {
        form: { kind: 'calendar', year: null, shortYear: false, month: monthOf(m[2]!), day: null, lastDay: null, weekday: null, direction },
        start: keepsWord ? m.index : m.index + m[0].length - m[2]!.length,
      };
    },
  },
  {
    // "on Wednesday", "last Monday", "next Tuesday", "On Saturday morning".
    pattern: new RegExp(`\\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\\s+)?(${WEEKDAY})\\b(?:\\s+(?:morning|afternoon|evening|night))?`, 'g'),
    read: (m) => {
      const word = m[1]?.toLowerCase();
      const direction: Direction | null = word === 'last' || word === 'past' ? 'past' : word === 'next' || word === 'coming' ? 'future' : null;
      return { form: { kind: 'weekday', weekday: weekdayNumber(m[2]!), direction } };
    },
  },
  {
    pattern: /\b(?:(earlier|later)\s+)?(today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening)\b/gi,
    read: (m, sentence) => {
      // "Russia Today" is a channel: a capital inside a sentence is a name.
      if (/^[A-Z]/.test(m[0]) && sentence.slice(0, m.index).trim() !== '' && !/[.“"‘(]\s*$/.test(sentence.slice(0, m.index))) return null;
      const word = m[2]!.toLowerCase();
      const offset = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
      return { form: { kind: 'relative', unit: 'day', offset, part: null } };
    },
  },
  {
    // "last year", "earlier this month", "the past week", "next year", "late last year".
    pattern: /\b(?:(earlier|later|early|late)\s+(?:in\s+)?)?(?:the\s+)?(this|last|next|past|previous|coming)\s+(week|month|year|weekend)\b/gi,
    read: (m) => {
      const word = m[2]!.toLowerCase();
      const offset = word === 'this' ? 0 : word === 'next' || word === 'coming' ? 1 : -1;
      const part = m[1] ? (/^(earlier|early)$/i.test(m[1]) ? 'earlier' : 'later') : null;
      return { form: { kind: 'relative', unit: m[3]!.toLowerCase() as Unit, offset, part } };
    },
  },
  {
    // "over the weekend": which weekend, the tense says.
    pattern: /\b(?:over|at|during|on|by)\s+the\s+weekend\b/gi,
    read: () => ({ form: { kind: 'relative', unit: 'weekend', offset: null, part: null } }),
  },
  {
    // "days after the attack", "hours after conflict broke out", "on the third day after the start of the war".
    pattern: /\b(?:(a\s+few|several|a|an|one|two|three|four|five|six|seven|eight|nine|ten|the|\d{1,2}|the\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\s+)?(hours?|days?|weeks?)\s*,?\s+(after|before)\s+((?:the\s+)?[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,4})/giu,
    read: (m) => {
      const count = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      const unit = m[2]!.toLowerCase().replace(/s$/, '');
      const scale = unit === 'week' ? 7 : 1;
      // "on the third day after the start": the start is the first day, so two days after it.
      const ordinal = count ? ORDINAL_WORDS.indexOf(count.replace(/^the /, '')) : -1;
      let least: number;
      let most: number;
      if (ordinal > 0 && unit === 'day') [least, most] = [ordinal, ordinal];
      else if (unit === 'hour') [least, most] = [0, 1];
      else if (count === undefined || count === 'a few' || count === 'several') [least, most] = [scale, scale * (unit === 'week' ? 4 : 6)];
      else {
        const number = COUNT_WORDS[count] ?? Number(count);
        if (!Number.isFinite(number)) return null;
        [least, most] = [number * scale, number * scale];
      }
      // Only an outbreak of violence is an event the story reliably dates ("two days before the
      // company raised the alarm" names none); the expression ends at the word that names it.
      const words = [...m[4]!.matchAll(/[\p{L}’'-]+/gu)];
      const named = words.find((word) => isHostility(word[0]));
      if (!named) return null;
      const end = m.index + m[0].length - m[4]!.length + named.index! + named[0].length;
      return { form: { kind: 'event', sign: m[3]!.toLowerCase() === 'after' ? 1 : -1, least, most }, end };
    },
  },
];

/** Words without which chrono finds no counted offset ("three days ago", "in two weeks", "the day before yesterday"). */
const COUNTED = /\b(?:ago|from now|in\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?|months?|years?)|day (?:before yesterday|after tomorrow))\b/i;

/** A weekday written just before a date ("Monday (9/10/2023)", "Tuesday, March 12") or after it in brackets. */
const WEEKDAY_BEFORE = new RegExp(`(${WEEKDAY})\\s*(?:,\\s*)?(\\()?\\s*(?:the\\s+)?$`);
const WEEKDAY_AFTER = new RegExp(`^\\s*\\(\\s*(${WEEKDAY})\\s*\\)`);

/**
 * The date expressions of one sentence, as offsets into `text`, in order. Earlier rules win
 * where two would claim the same words; chrono adds the counted offsets no rule claimed.
 */
export function findDates(text: string, sentence: { start: number; end: number }): FoundDate[] {
  const words = text.slice(sentence.start, sentence.end);
  const found: FoundDate[] = [];
  const free = (start: number, end: number) => found.every((date) => date.end <= start || date.start >= end);
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(words); match; match = rule.pattern.exec(words)) {
      const read = rule.read(match, words);
      if (!read) continue;
      let start = read.start ?? match.index;
      let end = read.end ?? match.index + match[0].length;
      if (!free(start, end)) continue;
      const form = read.form;
      if (form.kind === 'numeric' || (form.kind === 'calendar' && form.day !== null)) {
        const before = WEEKDAY_BEFORE.exec(words.slice(Math.max(0, start - 16), start));
        const closing = before?.[2] ? /^\s*\)/.exec(words.slice(end)) : null;
        const after = WEEKDAY_AFTER.exec(words.slice(end));
        if (before && (!before[2] || closing) && free(start - before[0].length, start)) {
          form.weekday = weekdayNumber(before[1]!);
          start -= before[0].length;
          if (closing) end += closing[0].length;
        } else if (after) {
          form.weekday = weekdayNumber(after[1]!);
          end += after[0].length;
        }
      }
      found.push({ start, end, form });
    }
  }
  // chrono tries dozens of patterns; only a sentence with a counted offset needs it.
  const counts = COUNTED.test(words);
  for (const result of counts ? chrono.en.GB.parse(words, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 }) : []) {
    const start = result.index;
    const end = start + result.text.length;
    const counted = /\b(ago|from now)\b|^in\s/i.test(result.text) || /\bday before yesterday|day after tomorrow\b/i.test(result.text);
    if (!counted || !result.tags().has('result/relativeDate') || !free(start, end)) continue;
    const unit = /year/i.test(result.text) ? 'year' : /month/i.test(result.text) ? 'month' : /week|fortnight/i.test(result.text) ? 'week' : 'day';
    found.push({ start, end, form: { kind: 'counted', unit } });
  }
  return found.map((date) => ({ ...date, start: sentence.start + date.start, end: sentence.start + date.end })).sort((a, b) => a.start - b.start);
}
