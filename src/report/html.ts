/**
 * The report: one self-contained HTML file (inline CSS, no scripts, no external assets) that
 * works offline. Every article character is escaped, so a page holding `<script>` shows it as
 * text. Removed debris stays visible, struck through, with its reason on hover and in a legend.
 */
import type { Analysis, AnalysisDocument } from '../contract.js';
import { escapeHtml as esc } from './escape.js';
import { documentLayers, segmentText, type Layer } from './layers.js';
import { reportSummary } from './summary.js';

const STYLE = `
:root { --ink:#1b1f23; --muted:#5b6570; --line:#d8dee4; --removed:#b0b7bf; --quote:#fff3c4; --cue:#c8e1ff; --speaker:#d4f4dd; --entity:#6f42c1; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; background: #f6f8fa; }
header, main { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
header { background: #fff; border-bottom: 1px solid var(--line); max-width: none; }
header h1 { margin: 0 0 4px; font-size: 22px; }
h2 { margin-top: 32px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f3f6; }
.muted { color: var(--muted); }
.doc { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 16px 0; }
.doc h3 { margin: 0 0 4px; }
.text { white-space: pre-wrap; font-family: Georgia, serif; font-size: 15px; line-height: 1.6; }
.removed { color: var(--removed); text-decoration: line-through; }
.quote { background: var(--quote); }
.cue { background: var(--cue); }
.speaker { background: var(--speaker); font-weight: 600; }
.entity { border-bottom: 2px solid var(--entity); }
.title { font-weight: 700; }
.legend span { margin-right: 12px; padding: 0 4px; }
.msg-error { color: #b31d28; } .msg-warning { color: #8a6100; } .msg-info { color: var(--muted); }
ul.removed-list { font-size: 13px; color: var(--muted); }
`;

export function renderHtmlReport(analysis: Analysis): string {
  const summary = reportSummary(analysis);
  const parts: string[] = [];
  parts.push('<!doctype html><html lang="en"><head><meta charset="utf-8">');
  parts.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  parts.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  parts.push(`<title>crosscheck report: ${esc(summary.headline)}</title><style>${STYLE}</style></head><body>`);
  parts.push(`<header><h1>crosscheck report</h1><div class="muted">${esc(summary.headline)} · contract ${esc(analysis.version)}</div></header><main>`);
  parts.push(renderOverview(summary.lines));
  parts.push(renderSources(analysis));
  if (analysis.quotes.length) parts.push(renderQuotes(analysis));
  if (analysis.entities.length) parts.push(renderEntities(analysis));
  parts.push(renderGenericSections(analysis));
  if (analysis.messages.length) parts.push(renderMessages(analysis));
  parts.push('<h2 id="documents">Documents</h2>');
  parts.push('<p class="legend"><span class="removed">removed debris</span><span class="title">title</span><span class="quote">quote</span><span class="cue">cue</span><span class="speaker">speaker</span><span class="entity">entity</span></p>');
  for (const doc of analysis.documents) parts.push(renderDocument(analysis, doc));
  parts.push('</main></body></html>\n');
  return parts.join('\n');
}

function renderOverview(lines: string[]): string {
  return `<h2>Overview</h2><ul>${lines.map((line) => `<li>${esc(line)}</li>`).join('')}</ul>`;
}

function renderSources(analysis: Analysis): string {
  const rows = analysis.documents.map((doc) => {
    const errors = analysis.messages.filter((m) => m.doc === doc.id && m.severity === 'error').length;
    return `<tr><td><a href="#doc-${esc(doc.id)}">${esc(doc.id)}</a></td><td>${esc(doc.title ?? '—')}</td><td>${esc(doc.outlet ?? '—')}</td><td>${esc(doc.published ?? '—')}</td><td>${doc.sentences.length}</td><td>${doc.removed.length}</td><td>${errors ? `<span class="msg-error">${errors}</span>` : '0'}</td></tr>`;
  });
  return `<h2>Sources</h2><table><thead><tr><th>document</th><th>title</th><th>outlet</th><th>published</th><th>sentences</th><th>removed spans</th><th>errors</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function renderQuotes(analysis: Analysis): string {
  const textOf = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  const rows = analysis.quotes.map((quote) => {
    const text = textOf.get(quote.doc) ?? '';
    const content = text.slice(quote.content.start, quote.content.end);
    const speaker = [quote.speaker.name ?? 'unresolved', quote.speaker.role ? `(${quote.speaker.role})` : ''].join(' ').trim();
    const extra = [quote.channel ? `channel: ${quote.channel.text}` : '', quote.via ? `via: ${quote.via.name}` : '', quote.continues ? `continues ${quote.continues}` : '']
      .filter(Boolean)
      .join('; ');
    return `<tr id="${esc(quote.id)}"><td>${esc(speaker)}</td><td>${esc(quote.kind)}</td><td>${esc(content)}</td><td><a href="#doc-${esc(quote.doc)}">${esc(quote.doc)}</a> ${quote.content.start}–${quote.content.end}</td><td>${esc(extra)}</td></tr>`;
  });
  return `<h2>Who said what</h2><table><thead><tr><th>speaker</th><th>kind</th><th>content</th><th>evidence</th><th>channel / relay</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function renderEntities(analysis: Analysis): string {
  const rows = [...analysis.entities]
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .map((entity) => {
      const docs = Object.entries(entity.mentionCounts).map(([doc, count]) => `${doc} ×${count}`).join(', ');
      const facts = entity.facts.map((fact) => `${fact.kind}: ${fact.value}`).join('; ');
      return `<tr id="${esc(entity.id)}"><td>${esc(entity.name)}</td><td>${esc(entity.type)}</td><td>${esc(entity.aliases.join(', '))}</td><td>${esc(facts)}</td><td>${esc(docs)}</td></tr>`;
    });
  return `<h2>Entities</h2><table><thead><tr><th>name</th><th>type</th><th>aliases</th><th>facts</th><th>mentions per document</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Sections later stages fill (claims, provenance, relations, timeline, framing, brief). */
function renderGenericSections(analysis: Analysis): string {
  const textOf = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  const quote = (span: { doc: string; start: number; end: number }) => `${span.doc} ${span.start}–${span.end}: “${(textOf.get(span.doc) ?? '').slice(span.start, span.end)}”`;
  const parts: string[] = [];
  if (analysis.brief.length) {
    parts.push(`<h2>Brief</h2>${analysis.brief.map((s) => `<p>${esc(s.text)} <span class="muted">[${esc(s.evidence.map(quote).join('; '))}]</span></p>`).join('')}`);
  }
  if (analysis.claims.length) {
    parts.push(`<h2>Claims</h2><ul>${analysis.claims.map((c) => `<li>${esc(c.text)} <span class="muted">(${c.independentSources} independent source(s), ${esc(c.status)})</span></li>`).join('')}</ul>`);
  }
  if (analysis.timeline.length) {
    parts.push(`<h2>Timeline</h2><ul>${analysis.timeline.map((t) => `<li>${esc(t.date)}: ${esc(t.text)} <span class="muted">[${esc(quote(t.evidence))}]</span></li>`).join('')}</ul>`);
  }
  if (analysis.provenance.length) {
    parts.push(`<h2>Provenance</h2><ul>${analysis.provenance.flatMap((p) => p.cites.map((c) => `<li>${esc(p.doc)} ${esc(c.relation)} ${esc(c.name)} (${esc(c.kind)}) <span class="muted">[${esc(quote({ doc: p.doc, start: c.start, end: c.end }))}]</span></li>`)).join('')}</ul>`);
  }
  if (analysis.relations.length) {
    parts.push(`<h2>Relations</h2><ul>${analysis.relations.map((r) => `<li>${esc(r.subject)} ${esc(r.predicate)} ${esc(r.object ?? '')} <span class="muted">[${esc(quote(r.evidence))}]</span></li>`).join('')}</ul>`);
  }
  if (analysis.framing.length) {
    parts.push(`<h2>Framing</h2><ul>${analysis.framing.map((f) => `<li>${esc(f.kind)}: ${esc(f.term)} <span class="muted">[${esc(quote(f.evidence))}]</span></li>`).join('')}</ul>`);
  }
  return parts.join('\n');
}

function renderMessages(analysis: Analysis): string {
  const items = analysis.messages.map(
    (m) => `<li class="msg-${m.severity}"><strong>${esc(m.severity)}</strong> ${esc(m.doc ?? '(run)')} <code>${esc(m.rule)}</code>${m.start !== undefined ? ` at ${m.start}–${m.end ?? m.start}` : ''}: ${esc(m.text)}</li>`,
  );
  return `<h2>Messages</h2><ul>${items.join('')}</ul>`;
}

function renderDocument(analysis: Analysis, doc: AnalysisDocument): string {
  const layers = documentLayers(analysis, doc);
  const body = segmentText(doc.text.length, layers)
    .map((segment) => {
      const text = esc(doc.text.slice(segment.start, segment.end));
      if (segment.layers.length === 0) return text;
      const kinds = [...new Set(segment.layers.map((layer) => layer.kind))];
      const title = segment.layers.map((layer: Layer) => layer.label).join(' · ');
      const tag = kinds.includes('removed') ? 'del' : 'span';
      return `<${tag} class="${kinds.join(' ')}" title="${esc(title)}">${text}</${tag}>`;
    })
    .join('');
  const reasons = doc.removed.map((r) => `<li>${r.start}–${r.end} <strong>${esc(r.reason)}</strong> (${esc(r.rule)}): “${esc(truncate(doc.text.slice(r.start, r.end), 90))}”</li>`);
  const meta = [doc.outlet, doc.published, doc.byline, doc.url].filter(Boolean).map((v) => esc(v!)).join(' · ');
  return `<section class="doc" id="doc-${esc(doc.id)}"><h3>${esc(doc.title ?? doc.id)}</h3><div class="muted">${esc(doc.source)}${meta ? ` · ${meta}` : ''}</div>${
    reasons.length ? `<details><summary>${reasons.length} removed span(s)</summary><ul class="removed-list">${reasons.join('')}</ul></details>` : ''
  }<div class="text">${body}</div></section>`;
}

function truncate(value: string, length: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
