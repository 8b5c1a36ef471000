/**
 * The timeline section, in HTML and in Markdown: dated events in date order, each with its
 * precision in words ("October 2023", "9 October 2023", "9–12 October 2023"), an inferred date
 * marked as such, its actors by name, every outlet that reports it linked to its words, and the
 * date expressions behind it, one table per story when there are several; then when each document
 * was written, given or inferred.
 */
import type { Analysis, DateMention, DocumentDating, TimelineItem } from '../contract.js';
import type { DocSpan } from '../document.js';
import { outletLabels, textOf, type EvidenceLink } from './crosscheck.js';
import { groupBy } from '../crossdoc/group-by.js';
import { escapeHtml as esc, escapeMarkdown as md } from './escape.js';
import { spanLabel, truncate } from './present.js';
import { markdownNote, markdownTable, namesOf, outletLinks } from './view-parts.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface DateParts {
  year: string;
  month?: number;
  day?: number;
}

/** The leading `YYYY`, `YYYY-MM` or `YYYY-MM-DD` of an ISO value (a date-time keeps its date); null when it has none. */
function dateParts(iso: string): DateParts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!match) return null;
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > 31)) return null;
  return { year: match[1]!, month, day };
}

function monthName(parts: DateParts): string {
  return MONTHS[parts.month! - 1]!;
}

function formatParts(parts: DateParts): string {
  if (parts.month === undefined) return parts.year;
  if (parts.day === undefined) return `${monthName(parts)} ${parts.year}`;
  return `${parts.day} ${monthName(parts)} ${parts.year}`;
}

const daysIn = (parts: DateParts) => new Date(Date.UTC(Number(parts.year), parts.month!, 0)).getUTCDate();

/** A range of whole months or whole years reads as months or years: 2015-01-01…2020-12-31 is "2015–2020". */
function collapse(from: DateParts, to: DateParts): [DateParts, DateParts] {
  if (from.day !== 1 || to.day === undefined || to.day !== daysIn(to)) return [from, to];
  if (from.month === 1 && to.month === 12) return [{ year: from.year }, { year: to.year }];
  return [{ year: from.year, month: from.month }, { year: to.year, month: to.month }];
}

function formatRange(fromIso: string, toIso: string): string {
  const parsed = [dateParts(fromIso), dateParts(toIso)];
  if (!parsed[0] || !parsed[1]) return `${fromIso} – ${toIso}`;
  const [from, to] = collapse(parsed[0], parsed[1]);
  const sameYear = from.year === to.year;
  if (from.month === undefined && to.month === undefined) return sameYear ? from.year : `${from.year}–${to.year}`;
  if (from.day === undefined && to.day === undefined && from.month !== undefined && to.month !== undefined) {
    if (sameYear) return from.month === to.month ? formatParts(from) : `${monthName(from)}–${monthName(to)} ${to.year}`;
  } else if (from.day !== undefined && to.day !== undefined && sameYear) {
    if (from.month === to.month) return from.day === to.day ? formatParts(from) : `${from.day}–${to.day} ${monthName(to)} ${to.year}`;
    return `${from.day} ${monthName(from)} – ${to.day} ${monthName(to)} ${to.year}`;
  }
  return `${formatParts(from)} – ${formatParts(to)}`;
}

const PRECISION_LENGTH = { day: 10, month: 7, year: 4 } as const;

/**
 * A date in words at its precision: "2023", "October 2023", "9 October 2023", "9–12 October
 * 2023". A value that is not an ISO date shows as given.
 *
 * @example
 * formatDate('2023-10-09', null, 'month') // 'October 2023'
 */
export function formatDate(date: string, until: string | null, precision: TimelineItem['precision']): string {
  if (precision === 'range') return until === null ? formatDate(date, null, 'day') : formatRange(date, until);
  const parts = dateParts(date.slice(0, PRECISION_LENGTH[precision]));
  return parts ? formatParts(parts) : date;
}

/**
 * An ISO date, partial date or date-time in words at the precision it has: "2023", "October 2023",
 * "9 October 2023". A value that is not an ISO date shows as given.
 */
export function formatIsoDate(value: string): string {
  const parts = dateParts(value);
  return parts ? formatParts(parts) : value;
}

/** Items by date (a year before the days inside it), then by the end of a range; ties keep their order. */
export function byDate(items: readonly TimelineItem[]): TimelineItem[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items].sort((a, b) => compare(a.date, b.date) || compare(a.until ?? a.date, b.until ?? b.date));
}

const ANCHOR_NOTES: Record<DateMention['anchor'], string> = {
  absolute: '',
  published: 'counted from the publication date',
  content: 'counted from the latest date the article names',
  event: 'counted from an event the article dates',
};

/** How a date expression was read: `counted from the publication date; inferred; in a quote`. */
export function mentionNote(mention: DateMention): string {
  return [ANCHOR_NOTES[mention.anchor], mention.inferred ? 'inferred' : '', mention.quote ? 'in a quote' : ''].filter(Boolean).join('; ');
}

/** "published 9 October 2023", or what the text lets us say about an undated document. */
export function datingText(dating: DocumentDating): { text: string; evidence: readonly DocSpan[] } {
  if (dating.published !== null) return { text: `published ${formatIsoDate(dating.published)}`, evidence: [] };
  const earliest = dating.earliest === null ? null : formatIsoDate(dating.earliest);
  const latest = dating.latest === null ? null : formatIsoDate(dating.latest);
  const bound = earliest && latest ? `written between ${earliest} and ${latest}` : earliest ? `written on or after ${earliest}` : latest ? `written on or before ${latest}` : null;
  if (bound === null) return { text: 'no date given, and the text names no date to infer one from', evidence: [] };
  return { text: `no date given; ${bound}${dating.inferred ? ', inferred from' : ', from'}`, evidence: dating.evidence };
}

/** The items by story (one group when the analysis has one story or none), each group in date order. */
function byStory(analysis: Analysis): { label: string | null; items: TimelineItem[] }[] {
  const labels = new Map(analysis.stories.map((story) => [story.id, story.label]));
  const groups = groupBy(byDate(analysis.timeline), (item) => (analysis.stories.length > 1 ? item.story : null));
  return [...groups].map(([story, items]) => ({ label: analysis.stories.length > 1 ? (story && labels.get(story)) || 'No story' : null, items }));
}

export function timelineHtml(analysis: Analysis, link: EvidenceLink): string {
  const names = namesOf(analysis);
  const outlets = outletLabels(analysis);
  const slice = textOf(analysis);
  const parts = ['<h2 id="timeline">Timeline</h2>'];

  if (analysis.timeline.length === 0) parts.push('<p>No dated events found.</p>');
  else {
    parts.push(
      `<p class="muted">${analysis.timeline.length} dated event(s), earliest first; the same event in several outlets is one row. “inferred”: the date rests on an inference (no publication date, or an ambiguous day and month).</p>`,
    );
    for (const { label, items } of byStory(analysis)) {
      const rows = items.map((item) => {
        const when = `<strong>${esc(formatDate(item.date, item.until, item.precision))}</strong>${item.inferred ? ' <span class="inferred">inferred</span>' : ''}`;
        const dated = item.dates.map((mention) => {
          const note = mentionNote(mention);
          return `<li>${link(mention, `“${mention.text}”`)}${note ? ` <span class="muted">${esc(note)}</span>` : ''}</li>`;
        });
        return `<tr><td class="when">${when}</td><td>${esc(truncate(item.text, 240))}</td><td>${esc(item.actors.map(names.entity).join(', '))}</td><td>${outletLinks(item.evidence, outlets, link)}</td><td>${dated.length ? `<ul class="dates">${dated.join('')}</ul>` : ''}</td></tr>`;
      });
      if (label !== null) parts.push(`<h3>${esc(label)}</h3>`);
      parts.push(`<table class="timeline"><thead><tr><th>when</th><th>what happened</th><th>who</th><th>reported by</th><th>dated by</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
    }
  }

  parts.push('<h3 id="dating">When each document was written</h3>');
  if (analysis.dating.length === 0) parts.push('<p>No document dates were worked out.</p>');
  else {
    const rows = analysis.dating.map((dating) => {
      const { text, evidence } = datingText(dating);
      const links = evidence.map((span) => link(span, `“${truncate(slice(span), 60)}”`)).join(', ');
      return `<tr><td>${esc(dating.doc)}</td><td>${esc(outlets.get(dating.doc) ?? '—')}</td><td>${esc(text)}${links ? ` ${links}` : ''}</td></tr>`;
    });
    parts.push(`<table><thead><tr><th>document</th><th>outlet</th><th>when written</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  return parts.join('\n');
}

export function timelineMarkdown(analysis: Analysis): string[] {
  const names = namesOf(analysis);
  const outlets = outletLabels(analysis);
  const out = ['## Timeline', ''];
  if (analysis.timeline.length === 0) out.push(...markdownNote('No dated events found.'));
  else {
    for (const { label, items } of byStory(analysis)) {
      const rows = items.map((item) => [
        `${formatDate(item.date, item.until, item.precision)}${item.inferred ? ' (inferred)' : ''}`,
        truncate(item.text, 240),
        item.actors.map(names.entity).join(', '),
        item.evidence.map((span) => `${outlets.get(span.doc) ?? span.doc} (${spanLabel(span)})`).join('; '),
        item.dates.map((mention) => [`“${mention.text}”`, mentionNote(mention)].filter(Boolean).join(' ')).join('; '),
      ]);
      if (label !== null) out.push(`### ${md(label)}`, '');
      out.push(...markdownTable(['when', 'what happened', 'who', 'reported by', 'dated by'], rows));
    }
  }
  out.push('### When each document was written', '');
  if (analysis.dating.length === 0) out.push(...markdownNote('No document dates were worked out.'));
  else {
    const rows = analysis.dating.map((dating) => {
      const { text, evidence } = datingText(dating);
      return [dating.doc, outlets.get(dating.doc) ?? '—', [text, evidence.map(spanLabel).join(', ')].filter(Boolean).join(' ')];
    });
    out.push(...markdownTable(['document', 'outlet', 'when written'], rows));
  }
  return out;
}
