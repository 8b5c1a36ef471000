/**
 * The framing section, in HTML and in Markdown: per outlet, how much it says in its own voice and
 * how much it attributes, how often it hedges or opines, whom it quotes, and its tone toward the
 * main actors with the sentences that carry it; then the loaded terms each outlet uses, whose
 * words they are and whom they target; then the labels the outlets choose for the same actor,
 * side by side. Outlets are named as the contract names them: the outlet, else the document id.
 */
import type { ActorLabel, Analysis, FramingTerm, OutletFraming } from '../contract.js';
import { groupBy } from '../crossdoc/group-by.js';
import { outletLabels, textOf, type EvidenceLink } from './crosscheck.js';
import { escapeHtml as esc } from './escape.js';
import { spanLabel, truncate } from './present.js';
import { markdownNote, markdownTable, namesOf, percent, voiceLabel, type Names } from './view-parts.js';

/** "+0.40 favourable (3 positive, 1 negative)". */
export function toneLabel(tone: OutletFraming['tone'][number]): string {
  const sign = tone.score > 0 ? '+' : tone.score < 0 ? '−' : '';
  const word = tone.score > 0.15 ? 'favourable' : tone.score < -0.15 ? 'unfavourable' : 'balanced';
  return `${sign}${Math.abs(tone.score).toFixed(2)} ${word} (${tone.positive} positive, ${tone.negative} negative)`;
}

export function quotedLabel(outlet: OutletFraming): string {
  return outlet.quoted.map((quoted) => `${quoted.name} ×${quoted.quotes} (${percent(quoted.share)})`).join(', ');
}

export const FIGURE_HEADER = ['outlet', 'documents', 'sentences', 'own voice', 'attributed', 'hedging', 'opinion', 'who is quoted'];

export function figureCells(outlet: OutletFraming): string[] {
  return [outlet.outlet, String(outlet.documents.length), String(outlet.sentences), percent(outlet.ownVoiceShare), percent(outlet.attributedShare), percent(outlet.hedgingRate), percent(outlet.opinionShare), quotedLabel(outlet) || '—'];
}

export interface TermRow {
  outlet: string;
  term: string;
  entry: string;
  loaded: boolean;
  category: string;
  target: string;
  voice: string;
  uses: FramingTerm[];
}

/** One row per term as an outlet uses it (same words, target and voice), loaded terms first, most used first; outlets in the order of the figures. */
export function termRows(analysis: Analysis, names: Names, outlets: ReadonlyMap<string, string>): Map<string, TermRow[]> {
  const rows = new Map<string, TermRow>();
  for (const term of analysis.framing.terms) {
    const outlet = outlets.get(term.doc) ?? term.doc;
    const target = term.target === null ? '—' : names.entity(term.target);
    const voice = voiceLabel(term.voice, term.voice === 'speaker' ? names.speaker(term.speaker, term.quote) : null);
    const key = [outlet, term.term.toLowerCase(), term.entry, term.loaded, term.category, target, voice].join('\u0000');
    const row = rows.get(key);
    if (row) row.uses.push(term);
    else rows.set(key, { outlet, term: term.term, entry: term.entry, loaded: term.loaded, category: term.category, target, voice, uses: [term] });
  }
  const order = new Map(analysis.framing.outlets.map((outlet, index) => [outlet.outlet, index]));
  const sorted = [...rows.values()].sort((a, b) => (order.get(a.outlet) ?? order.size) - (order.get(b.outlet) ?? order.size) || Number(b.loaded) - Number(a.loaded) || b.uses.length - a.uses.length);
  return groupBy(sorted, (row) => row.outlet);
}

/** The term as written, with the lexicon entry it matched when that is another word ("Zionist entity (entry “Zionist regime”)"). */
export function termLabel(row: TermRow): string {
  const [term, entry] = [row.term.toLowerCase(), row.entry.toLowerCase()];
  // A plural or a possessive of the entry needs no note.
  const sameWord = term === entry || ((term.startsWith(entry) || entry.startsWith(term)) && Math.abs(term.length - entry.length) <= 2);
  return sameWord ? row.term : `${row.term} (entry “${row.entry}”)`;
}

interface LabelTable {
  outlets: string[];
  rows: { entity: string; cells: Map<string, ActorLabel[]> }[];
}

/** Actors down, outlets across; each cell the labels that outlet uses for that actor, most used first. */
export function labelTable(analysis: Analysis, names: Names): LabelTable {
  const order = new Map(analysis.framing.outlets.map((outlet, index) => [outlet.outlet, index]));
  const outlets = [...new Set(analysis.framing.labels.map((label) => label.outlet))].sort((a, b) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size));
  const rows = [...groupBy(analysis.framing.labels, (label) => label.entity)].map(([entity, labels]) => ({
    entity: names.entity(entity),
    cells: groupBy([...labels].sort((a, b) => b.count - a.count), (label) => label.outlet),
  }));
  return { outlets, rows };
}

export function framingHtml(analysis: Analysis, link: EvidenceLink): string {
  const names = namesOf(analysis);
  const outlets = outletLabels(analysis);
  const slice = textOf(analysis);
  const { framing } = analysis;
  const parts = ['<h2 id="framing">Framing per outlet</h2>'];

  if (framing.outlets.length === 0) parts.push('<p>No figures per outlet were computed.</p>');
  else {
    const rows = framing.outlets.map((outlet) => `<tr>${figureCells(outlet).map((cell, index) => `<td${index > 0 && index < 7 ? ' class="number"' : ''}>${esc(cell)}</td>`).join('')}</tr>`);
    parts.push(
      '<p class="muted">Own voice and attributed: shares of the outlet\'s claims it asserts itself or carries as someone\'s words. Hedging and opinion: shares of its sentences.</p>',
      `<table class="figures"><thead><tr>${FIGURE_HEADER.map((cell) => `<th>${esc(cell)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
  }

  parts.push('<h3 id="tone">Tone toward the main actors</h3>');
  const tones = framing.outlets.flatMap((outlet) => outlet.tone.map((tone) => ({ outlet, tone })));
  if (tones.length === 0) parts.push('<p>No tone toward an actor was found.</p>');
  else {
    const rows = tones.map(({ outlet, tone }) => {
      const sentences = tone.evidence.map((span) => `<li>${link(span, `“${truncate(slice(span), 110)}”`)}</li>`);
      return `<tr><td>${esc(outlet.outlet)}</td><td>${esc(names.entity(tone.entity))}</td><td>${esc(toneLabel(tone))}</td><td>${sentences.length ? `<ul class="sentences">${sentences.join('')}</ul>` : ''}</td></tr>`;
    });
    parts.push(`<table><thead><tr><th>outlet</th><th>actor</th><th>tone, in its own voice</th><th>the sentences that carry it</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }

  parts.push('<h3 id="loaded-terms">Loaded terms</h3>');
  if (framing.terms.length === 0) parts.push('<p>No loaded terms found.</p>');
  else {
    parts.push('<p class="muted">Each term with the actor it names or qualifies, and whose words it is: the outlet\'s own, or a speaker\'s inside a quote. Neutral counterparts are listed too, for comparison.</p>');
    for (const [outlet, rows] of termRows(analysis, names, outlets)) {
      const body = rows.map((row) => {
        const uses = row.uses.map((use, index) => link(use, `${index + 1}`)).join(' ');
        return `<tr class="${row.loaded ? 'loaded' : 'neutral'}"><td>${esc(termLabel(row))}</td><td>${row.loaded ? 'loaded' : 'neutral counterpart'}</td><td>${esc(row.category)}</td><td>${esc(row.target)}</td><td>${esc(row.voice)}</td><td>${uses}</td></tr>`;
      });
      parts.push(`<h4>${esc(outlet)}</h4><table class="terms"><thead><tr><th>term</th><th>kind</th><th>why it frames</th><th>about</th><th>whose words</th><th>uses</th></tr></thead><tbody>${body.join('')}</tbody></table>`);
    }
  }

  parts.push('<h3 id="labels">What each outlet calls the same actor</h3>');
  if (framing.labels.length === 0) parts.push('<p>No labels for actors found.</p>');
  else {
    const table = labelTable(analysis, names);
    const rows = table.rows.map(({ entity, cells }) => {
      const tds = table.outlets.map((outlet) => {
        const labels = (cells.get(outlet) ?? []).map((label) => {
          const [first, ...more] = label.evidence;
          const extra = more.map((span, index) => link(span, `${index + 2}`)).join(' ');
          return `<li>${link(first!, `“${label.label}”`)} ×${label.count}${extra ? ` <span class="muted">${extra}</span>` : ''}</li>`;
        });
        return `<td>${labels.length ? `<ul class="labels">${labels.join('')}</ul>` : ''}</td>`;
      });
      return `<tr><td>${esc(entity)}</td>${tds.join('')}</tr>`;
    });
    parts.push(`<table class="labels"><thead><tr><th>actor</th>${table.outlets.map((outlet) => `<th>${esc(outlet)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  return parts.join('\n');
}

export function framingMarkdown(analysis: Analysis): string[] {
  const names = namesOf(analysis);
  const outlets = outletLabels(analysis);
  const { framing } = analysis;
  const out = ['## Framing per outlet', ''];
  if (framing.outlets.length === 0) out.push(...markdownNote('No figures per outlet were computed.'));
  else out.push(...markdownTable(FIGURE_HEADER, framing.outlets.map(figureCells)));

  out.push('### Tone toward the main actors', '');
  const tones = framing.outlets.flatMap((outlet) => outlet.tone.map((tone) => [outlet.outlet, names.entity(tone.entity), toneLabel(tone), tone.evidence.map(spanLabel).join('; ')]));
  if (tones.length === 0) out.push(...markdownNote('No tone toward an actor was found.'));
  else out.push(...markdownTable(['outlet', 'actor', 'tone, in its own voice', 'the sentences that carry it'], tones));

  out.push('### Loaded terms', '');
  if (framing.terms.length === 0) out.push(...markdownNote('No loaded terms found.'));
  else {
    const rows = [...termRows(analysis, names, outlets).values()].flat().map((row) => [row.outlet, termLabel(row), row.loaded ? 'loaded' : 'neutral counterpart', row.category, row.target, row.voice, row.uses.map(spanLabel).join('; ')]);
    out.push(...markdownTable(['outlet', 'term', 'kind', 'why it frames', 'about', 'whose words', 'uses'], rows));
  }

  out.push('### What each outlet calls the same actor', '');
  if (framing.labels.length === 0) out.push(...markdownNote('No labels for actors found.'));
  else {
    const table = labelTable(analysis, names);
    const rows = table.rows.map(({ entity, cells }) => [entity, ...table.outlets.map((outlet) => (cells.get(outlet) ?? []).map((label) => `“${label.label}” ×${label.count}`).join('; '))]);
    out.push(...markdownTable(['actor', ...table.outlets], rows));
  }
  return out;
}
