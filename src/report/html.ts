/**
 * The report: one self-contained HTML file (inline CSS, no scripts, no external assets) that
 * works offline. Every string from the analysis is escaped, so a page holding `<script>` shows it
 * as text. Removed debris stays visible, struck through, with its reason on hover and in a list.
 * Evidence links go to the exact span in the document text, which `:target` highlights.
 *
 * Each section is one function over the analysis and the document layers; the documents come
 * last because sections add anchors for the spans they cite.
 */
import type { Analysis, AnalysisDocument, Entity, Quote } from '../contract.js';
import type { DocSpan } from '../document.js';
import { crosscheckHtml, type EvidenceLink } from './crosscheck.js';
import { escapeHtml as esc } from './escape.js';
import { framingHtml } from './framing.js';
import { DocumentLayers, nestLayers, type Layer } from './layers.js';
import { networkHtml } from './network.js';
import { groupFacts, quoteKindLabel, spanLabel, speakerLabel, truncate } from './present.js';
import { reportSummary } from './summary.js';
import { timelineHtml } from './timeline.js';

const STYLE = `
:root { --ink:#1b1f23; --muted:#5b6570; --line:#d8dee4; --removed:#b0b7bf; --quote:#fff3c4; --cue:#c8e1ff; --speaker:#d4f4dd; --entity:#6f42c1; --target:#ffd33d; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; background: #f6f8fa; }
header, main { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
header { background: #fff; border-bottom: 1px solid var(--line); max-width: none; }
header h1 { margin: 0 0 4px; font-size: 22px; }
h2 { margin-top: 32px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f3f6; }
a { color: #0550ae; }
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
ul.facts { margin: 0; padding-left: 16px; }
:target { scroll-margin-top: 30vh; }
.text :target, .text :target * { background: var(--target); color: var(--ink); }
.text :target { outline: 2px solid #bf8700; }
.text .evidence:target:empty::before { content: "▶"; color: #bf8700; }
tr:target td, .doc:target { background: #fff8c5; }
.status-corroborated { background: #dafbe1; } .status-single-source { background: #fff8c5; } .status-attributed-only { background: #ddf4ff; }
.status-hedged { background: #fbefff; } .status-disputed { background: #ffebe9; }
table.matrix td { font-size: 13px; } table.matrix td:first-child { min-width: 22em; } ins { background: #dafbe1; text-decoration: none; } del { background: #ffebe9; }
.statement { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
ol.refs { font-size: 13px; } ul.brief li { margin: 4px 0; }
td.when { white-space: nowrap; } .inferred { font-size: 12px; border: 1px dashed var(--muted); border-radius: 3px; padding: 0 3px; color: var(--muted); }
ul.dates, ul.sentences, ul.labels { margin: 0; padding-left: 16px; font-size: 13px; } td.number { text-align: right; }
.network-figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; }
svg.network { display: block; max-width: 100%; height: auto; margin: 0 auto; font: 12px system-ui, sans-serif; }
svg.network .node { fill: #dde7f0; stroke: #57606a; stroke-width: 1.5; } svg.network .node-label { fill: var(--ink); font-weight: 600; }
svg.network .edge-label, svg.network .node-label { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg.network .edge-label { font-size: 11px; } svg.network .legend-text { fill: var(--muted); font-size: 12px; }
svg.network a:hover path { stroke-width: 5; } svg.network a:hover .node { fill: #ffd33d; }
td.relation { border-left: 4px solid #57606a; } td.family-cooperation { border-left-color: #009e73; } td.family-meeting { border-left-color: #0072b2; }
td.family-help { border-left-color: #cc79a7; } td.family-censure { border-left-color: #e69f00; } td.family-force { border-left-color: #d55e00; }
tr.neutral td { color: var(--muted); }
`;

type Section = (analysis: Analysis, layers: DocumentLayers) => string;

/** The sections in reading order; an empty string leaves a section out. */
const SECTIONS: readonly Section[] = [renderOverview, renderCrosscheck, renderSources, renderQuotes, renderEntities, renderViews, renderMessages];

export function renderHtmlReport(analysis: Analysis): string {
  const summary = reportSummary(analysis);
  const layers = new DocumentLayers(analysis);
  const parts: string[] = [];
  parts.push('<!doctype html><html lang="en"><head><meta charset="utf-8">');
  parts.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  parts.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  parts.push(`<title>crosscheck report: ${esc(summary.headline)}</title><style>${STYLE}</style></head><body>`);
  parts.push(`<header><h1>crosscheck report</h1><div class="muted">${esc(summary.headline)} · contract ${esc(analysis.version)}</div></header><main>`);
  for (const section of SECTIONS) parts.push(section(analysis, layers));
  parts.push(renderDocuments(analysis, layers));
  parts.push('</main></body></html>\n');
  return parts.filter(Boolean).join('\n');
}

/** A link to the span in its document, or the plain label when the document is not in the report. */
function evidenceLink(layers: DocumentLayers, span: DocSpan, label = spanLabel(span)): string {
  const href = layers.href(span);
  return href ? `<a href="${esc(href)}">${esc(label)}</a>` : esc(label);
}

function documentLink(layers: DocumentLayers, doc: string): string {
  const anchor = layers.documentAnchor(doc);
  return anchor ? `<a href="#${esc(anchor)}">${esc(doc)}</a>` : esc(doc);
}

function renderOverview(analysis: Analysis): string {
  return `<h2>Overview</h2><ul>${reportSummary(analysis)
    .lines.map((line) => `<li>${esc(line)}</li>`)
    .join('')}</ul>`;
}

function renderSources(analysis: Analysis, layers: DocumentLayers): string {
  const errors = new Map<string | null, number>();
  for (const m of analysis.messages) if (m.severity === 'error') errors.set(m.doc, (errors.get(m.doc) ?? 0) + 1);
  const rows = analysis.documents.map((doc) => {
    const count = errors.get(doc.id) ?? 0;
    return `<tr><td>${documentLink(layers, doc.id)}</td><td>${esc(doc.title ?? '—')}</td><td>${esc(doc.outlet ?? '—')}</td><td>${esc(doc.published ?? '—')}</td><td>${doc.sentences.length}</td><td>${doc.removed.length}</td><td>${count ? `<span class="msg-error">${count}</span>` : '0'}</td></tr>`;
  });
  return `<h2>Sources</h2><table><thead><tr><th>document</th><th>title</th><th>outlet</th><th>published</th><th>sentences</th><th>removed spans</th><th>errors</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function renderQuotes(analysis: Analysis, layers: DocumentLayers): string {
  if (analysis.quotes.length === 0) return '';
  const textOf = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  const quoteById = new Map(analysis.quotes.map((quote) => [quote.id, quote]));
  const rows = analysis.quotes.map((quote) => {
    const content = (textOf.get(quote.doc) ?? '').slice(quote.content.start, quote.content.end);
    const speaker = quote.speaker.mention ? evidenceLink(layers, { doc: quote.doc, ...quote.speaker.mention }, speakerLabel(quote.speaker)) : esc(speakerLabel(quote.speaker));
    return `<tr><td>${speaker}</td><td>${esc(quoteKindLabel(quote))}</td><td>${esc(content)}</td><td>${evidenceLink(layers, { doc: quote.doc, ...quote.content })}</td><td>${quoteContext(quote, quoteById, layers)}</td></tr>`;
  });
  return `<h2>Who said what</h2><table><thead><tr><th>speaker</th><th>kind</th><th>content</th><th>evidence</th><th>channel / relay</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The channel, the relaying outlet and the quote this one continues, each linked to its words. */
function quoteContext(quote: Quote, quoteById: ReadonlyMap<string, Quote>, layers: DocumentLayers): string {
  const parts: string[] = [];
  if (quote.channel) parts.push(`channel: ${evidenceLink(layers, { doc: quote.doc, ...quote.channel.span }, quote.channel.text)}`);
  if (quote.via) parts.push(`via: ${evidenceLink(layers, { doc: quote.doc, ...quote.via.span }, quote.via.name)}`);
  if (quote.continues) {
    const continued = quoteById.get(quote.continues);
    parts.push(`continues ${continued ? evidenceLink(layers, { doc: continued.doc, ...continued.content }, continued.id) : esc(quote.continues)}`);
  }
  return parts.join('; ');
}

function renderEntities(analysis: Analysis, layers: DocumentLayers): string {
  if (analysis.entities.length === 0) return '';
  const rows = [...analysis.entities]
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .map((entity) => {
      const facts = groupFacts(entity.facts).map(
        (fact) => `<li>${esc(`${fact.kind}: ${fact.value}`)} <span class="muted">${fact.evidence.map((span) => evidenceLink(layers, span, span.doc)).join(', ')}</span></li>`,
      );
      return `<tr id="${esc(entity.id)}"><td>${esc(entity.name)}</td><td>${esc(entity.type)}</td><td>${esc(entity.aliases.join(', '))}</td><td>${facts.length ? `<ul class="facts">${facts.join('')}</ul>` : ''}</td><td>${mentionLinks(entity, layers)}</td></tr>`;
    });
  return `<h2>Entities</h2><table><thead><tr><th>name</th><th>type</th><th>aliases</th><th>facts</th><th>mentions per document</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** `01-wire ×3`, linked to the entity's first mention in that document. */
function mentionLinks(entity: Entity, layers: DocumentLayers): string {
  const first = new Map<string, DocSpan>();
  for (const mention of entity.mentions) if (!first.has(mention.doc)) first.set(mention.doc, mention);
  return Object.entries(entity.mentionCounts)
    .map(([doc, count]) => {
      const mention = first.get(doc);
      return mention ? evidenceLink(layers, mention, `${doc} ×${count}`) : esc(`${doc} ×${count}`);
    })
    .join(', ');
}

/** Brief, stories, claims, statements and relays (src/report/crosscheck.ts), linked into the documents. */
function renderCrosscheck(analysis: Analysis, layers: DocumentLayers): string {
  return crosscheckHtml(analysis, (span, label) => evidenceLink(layers, span, label));
}

/** Timeline, actor network and framing (src/report/timeline.ts, network.ts, framing.ts), linked into the documents. */
function renderViews(analysis: Analysis, layers: DocumentLayers): string {
  const link: EvidenceLink = (span, label) => evidenceLink(layers, span, label);
  return [timelineHtml(analysis, link), networkHtml(analysis, link), framingHtml(analysis, link)].join('\n');
}

function renderMessages(analysis: Analysis, layers: DocumentLayers): string {
  if (analysis.messages.length === 0) return '';
  const items = analysis.messages.map((m) => {
    const where = m.doc === null ? '(run)' : documentLink(layers, m.doc);
    const at = m.doc !== null && m.start !== undefined ? ` at ${evidenceLink(layers, { doc: m.doc, start: m.start, end: m.end ?? m.start }, `${m.start}–${m.end ?? m.start}`)}` : '';
    return `<li class="msg-${esc(m.severity)}"><strong>${esc(m.severity)}</strong> ${where} <code>${esc(m.rule)}</code>${at}: ${esc(m.text)}</li>`;
  });
  return `<h2>Messages</h2><ul>${items.join('')}</ul>`;
}

function renderDocuments(analysis: Analysis, layers: DocumentLayers): string {
  const legend =
    '<p class="legend"><span class="removed">removed debris</span><span class="title">title</span><span class="quote">quote</span><span class="cue">cue</span><span class="speaker">speaker</span><span class="entity">entity</span></p>';
  return ['<h2 id="documents">Documents</h2>', legend, ...analysis.documents.map((doc) => renderDocument(doc, layers))].join('\n');
}

function renderDocument(doc: AnalysisDocument, layers: DocumentLayers): string {
  const removed = doc.removed.map(
    (r) => `<li>${evidenceLink(layers, { doc: doc.id, start: r.start, end: r.end }, `${r.start}–${r.end}`)} <strong>${esc(r.reason)}</strong> (${esc(r.rule)}): “${esc(truncate(doc.text.slice(r.start, r.end), 90))}”</li>`,
  );
  const meta = [doc.outlet, doc.published, doc.byline, doc.url].filter(Boolean).map((v) => esc(v!)).join(' · ');
  return `<section class="doc" id="${esc(layers.documentAnchor(doc.id) ?? '')}"><h3>${esc(doc.title ?? doc.id)}</h3><div class="muted">${esc(doc.id)} · ${esc(doc.source)}${meta ? ` · ${meta}` : ''}</div>${
    removed.length ? `<details><summary>${removed.length} removed span(s)</summary><ul class="removed-list">${removed.join('')}</ul></details>` : ''
  }<div class="text">${renderText(doc.text, layers.layersOf(doc.id))}</div></section>`;
}

/** Hovering a character shows its layer and the few around it (not all: layers can nest deep). */
const TITLE_LAYERS = 4;

/** The document text with its layers as nested elements. */
function renderText(text: string, layers: readonly Layer[]): string {
  const out: string[] = [];
  const labels: string[] = [];
  for (const event of nestLayers(text.length, layers)) {
    if (event.type === 'text') {
      out.push(esc(text.slice(event.start, event.end)));
    } else if (event.type === 'open') {
      const { layer } = event;
      // Cut long labels: a layer reopened around each of thousands of small ones repeats its label.
      labels.push(truncate(layer.label, 160));
      const title = labels.slice(-TITLE_LAYERS).reverse().join(' · ');
      const id = layer.anchor && !event.continued ? ` id="${esc(layer.anchor)}"` : '';
      out.push(`<${tagOf(layer)} class="${layer.kind}"${id} title="${esc(title)}">`);
    } else {
      labels.pop();
      out.push(`</${tagOf(event.layer)}>`);
    }
  }
  return out.join('');
}

function tagOf(layer: Layer): string {
  return layer.kind === 'removed' ? 'del' : 'span';
}
