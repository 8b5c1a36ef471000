/**
 * The report as Markdown, for pasting into notes and tickets. Only the headings, table rules and
 * list markers are Markdown; every string from the analysis goes through `escapeMarkdown`, so a
 * title holding `<script>` or `[x](javascript:…)` shows as written in any viewer.
 *
 * Each section is one function returning its lines (none to leave it out).
 */
import type { Analysis } from '../contract.js';
import { crosscheckMarkdown } from './crosscheck.js';
import { escapeMarkdown as md } from './escape.js';
import { framingMarkdown } from './framing.js';
import { networkMarkdown } from './network.js';
import { groupFacts, quoteKindLabel, spanLabel, speakerLabel, truncate } from './present.js';
import { reportSummary } from './summary.js';
import { timelineMarkdown } from './timeline.js';

type Section = (analysis: Analysis) => string[];

const SECTIONS: readonly Section[] = [crosscheckMarkdown, sources, quotes, entities, timelineMarkdown, networkMarkdown, framingMarkdown, messages, removedDebris];

export function renderMarkdownReport(analysis: Analysis): string {
  const summary = reportSummary(analysis);
  const out: string[] = ['# crosscheck report', '', `_${md(`${summary.headline} · contract ${analysis.version}`)}_`, ''];
  out.push(...summary.lines.map((line) => `- ${md(line)}`));
  for (const section of SECTIONS) {
    const lines = section(analysis);
    if (lines.length) out.push('');
    // One by one: a section can hold more lines (200,000 messages) than a call takes arguments.
    for (const line of lines) out.push(line);
  }
  return `${out.join('\n')}\n`;
}

/** A table: a heading, the header row, and one row per item, each cell escaped. */
function table(heading: string, header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  if (rows.length === 0) return [];
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => md(cell) || ' ').join(' | ')} |`;
  return [`## ${heading}`, '', line(header), `|${header.map(() => '---|').join('')}`, ...rows.map(line)];
}

function sources(analysis: Analysis): string[] {
  return table(
    'Sources',
    ['document', 'title', 'outlet', 'published', 'removed spans'],
    analysis.documents.map((doc) => [doc.id, doc.title ?? '—', doc.outlet ?? '—', doc.published ?? '—', String(doc.removed.length)]),
  );
}

function quotes(analysis: Analysis): string[] {
  const textOf = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  return table(
    'Who said what',
    ['speaker', 'kind', 'content', 'evidence'],
    analysis.quotes.map((quote) => [
      speakerLabel(quote.speaker),
      quoteKindLabel(quote),
      (textOf.get(quote.doc) ?? '').slice(quote.content.start, quote.content.end),
      spanLabel({ doc: quote.doc, ...quote.content }),
    ]),
  );
}

function entities(analysis: Analysis): string[] {
  return table(
    'Entities',
    ['name', 'type', 'aliases', 'facts', 'mentions'],
    [...analysis.entities]
      .sort((a, b) => b.mentions.length - a.mentions.length)
      .map((entity) => [
        entity.name,
        entity.type,
        entity.aliases.join(', '),
        groupFacts(entity.facts)
          .map((fact) => `${fact.kind}: ${fact.value} (${fact.evidence.map(spanLabel).join(', ')})`)
          .join('; '),
        String(entity.mentions.length),
      ]),
  );
}

function messages(analysis: Analysis): string[] {
  return table(
    'Messages',
    ['severity', 'document', 'rule', 'at', 'message'],
    analysis.messages.map((m) => [m.severity, m.doc ?? '(run)', m.rule, m.start === undefined ? '' : `${m.start}–${m.end ?? m.start}`, m.text]),
  );
}

function removedDebris(analysis: Analysis): string[] {
  return table(
    'Removed debris',
    ['evidence', 'reason', 'rule', 'text'],
    analysis.documents.flatMap((doc) =>
      doc.removed.map((span) => [spanLabel({ doc: doc.id, ...span }), span.reason, span.rule, truncate(doc.text.slice(span.start, span.end), 90)]),
    ),
  );
}
