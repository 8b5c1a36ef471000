/** The report as Markdown, for pasting into notes and tickets. */
import type { Analysis } from '../contract.js';
import { reportSummary } from './summary.js';

export function renderMarkdownReport(analysis: Analysis): string {
  const summary = reportSummary(analysis);
  const textOf = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
  const out: string[] = ['# crosscheck report', '', `_${summary.headline} · contract ${analysis.version}_`, ''];
  out.push(...summary.lines.map((line) => `- ${line}`), '');
  out.push('## Sources', '', '| document | title | outlet | published | removed spans |', '|---|---|---|---|---|');
  for (const doc of analysis.documents) {
    out.push(`| ${cell(doc.id)} | ${cell(doc.title ?? '—')} | ${cell(doc.outlet ?? '—')} | ${cell(doc.published ?? '—')} | ${doc.removed.length} |`);
  }
  if (analysis.quotes.length) {
    out.push('', '## Who said what', '', '| speaker | kind | content | evidence |', '|---|---|---|---|');
    for (const quote of analysis.quotes) {
      const content = (textOf.get(quote.doc) ?? '').slice(quote.content.start, quote.content.end);
      out.push(`| ${cell(quote.speaker.name ?? 'unresolved')} | ${quote.kind} | ${cell(content)} | ${quote.doc} ${quote.content.start}–${quote.content.end} |`);
    }
  }
  if (analysis.entities.length) {
    out.push('', '## Entities', '', '| name | type | mentions |', '|---|---|---|');
    for (const entity of [...analysis.entities].sort((a, b) => b.mentions.length - a.mentions.length)) {
      out.push(`| ${cell(entity.name)} | ${entity.type} | ${entity.mentions.length} |`);
    }
  }
  if (analysis.messages.length) {
    out.push('', '## Messages', '');
    for (const m of analysis.messages) out.push(`- **${m.severity}** ${m.doc ?? '(run)'} \`${m.rule}\`: ${m.text}`);
  }
  return `${out.join('\n')}\n`;
}
