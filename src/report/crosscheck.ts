/**
 * The cross-checking sections of the report, in HTML and in Markdown: the brief with numbered
 * references, the stories, the claim × outlet matrix coloured by status, the statements with each
 * outlet's rendering diffed word by word, and who relays whom (cited sources and copies). Both
 * formats read the same tables built here, so they always show the same facts.
 */
import type { Analysis, BriefSentence, Claim } from '../contract.js';
import type { DocSpan } from '../document.js';
import { groupBy } from '../crossdoc/group-by.js';
import { escapeHtml as esc, escapeMarkdown as md } from './escape.js';
import { citationRow, claimMemberMark, statesOpposite, truncate } from './present.js';

/** Links a span to the place the report shows it; the label is plain text, escaped by the caller. */
export type EvidenceLink = (span: DocSpan, label: string) => string;

/** How each document is named in cross-document tables: its outlet, else its id. */
export function outletLabels(analysis: Analysis): Map<string, string> {
  return new Map(analysis.documents.map((doc) => [doc.id, doc.outlet ?? doc.id]));
}

/** The words a span covers. */
export function textOf(analysis: Analysis): (span: DocSpan) => string {
  const texts = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  return (span) => (texts.get(span.doc) ?? '').slice(span.start, span.end);
}

/** The claims worth a row: carried by several documents, disputed, or hedged; the rest are counted. */
function notableClaims(analysis: Analysis): Claim[] {
  return analysis.claims.filter((claim) => new Set(claim.members.map((m) => m.doc)).size > 1 || claim.status === 'disputed');
}

export interface NumberedBrief {
  story: string | null;
  label: string;
  sentences: { sentence: BriefSentence; refs: number[] }[];
  references: DocSpan[];
  /** Reference number of each cited span, by doc and offsets. */
  numbers: Map<string, number>;
}

/** The brief per story, each evidence span numbered once per story, in order of first citation. */
export function numberedBrief(analysis: Analysis): NumberedBrief[] {
  const labels = new Map(analysis.stories.map((story) => [story.id, story.label]));
  const byStory = new Map<string | null, NumberedBrief>();
  for (const sentence of analysis.brief) {
    let entry = byStory.get(sentence.story);
    if (!entry) {
      entry = { story: sentence.story, label: (sentence.story && labels.get(sentence.story)) || 'All documents', sentences: [], references: [], numbers: new Map() };
      byStory.set(sentence.story, entry);
    }
    const refs = sentence.evidence.map((span) => {
      const key = `${span.doc}\u0000${span.start}\u0000${span.end}`;
      let number = entry!.numbers.get(key);
      if (number === undefined) {
        entry!.references.push(span);
        number = entry!.references.length;
        entry!.numbers.set(key, number);
      }
      return number;
    });
    entry.sentences.push({ sentence, refs });
  }
  return [...byStory.values()];
}

export const SECTION_TITLES: Record<BriefSentence['section'], string> = {
  note: 'Note',
  established: 'Established',
  disputed: 'Disputed',
  said: 'Who said what',
  'single-source': 'On a single source',
};

export function crosscheckHtml(analysis: Analysis, link: EvidenceLink): string {
  const slice = textOf(analysis);
  const outlets = outletLabels(analysis);
  const order = new Map(analysis.documents.map((doc, index) => [doc.id, index]));
  const storyLabels = new Map(analysis.stories.map((story) => [story.id, story.label]));
  const parts: string[] = [];

  const briefs = numberedBrief(analysis);
  if (briefs.length) {
    parts.push('<h2 id="brief">Brief</h2>');
    for (const brief of briefs) {
      parts.push(`<h3>${esc(brief.label)}</h3>`);
      for (const section of Object.keys(SECTION_TITLES) as BriefSentence['section'][]) {
        const items = brief.sentences.filter(({ sentence }) => sentence.section === section);
        if (!items.length) continue;
        parts.push(`<h4>${esc(SECTION_TITLES[section])}</h4><ul class="brief">`);
        for (const { sentence, refs } of items) {
          const cites = refs.map((n) => link(brief.references[n - 1]!, `[${n}]`)).join('');
          parts.push(`<li>${esc(sentence.text)} <sup>${cites}</sup></li>`);
        }
        parts.push('</ul>');
      }
      const refs = brief.references.map((span, index) => `<li value="${index + 1}">${link(span, `${outlets.get(span.doc) ?? span.doc}`)}: “${esc(truncate(slice(span), 160))}”</li>`);
      parts.push(`<details><summary>${brief.references.length} reference(s)</summary><ol class="refs">${refs.join('')}</ol></details>`);
    }
  }

  if (analysis.stories.length) {
    const labels = new Map(analysis.entities.map((entity) => [entity.id, entity.name]));
    const rows = analysis.stories.map(
      (story) =>
        `<tr><td>${esc(story.id)}</td><td>${esc(story.label)}</td><td>${story.documents.map((doc) => esc(outlets.get(doc) ?? doc)).join(', ')}</td><td>${esc(story.actors.map((id) => labels.get(id) ?? id).join(', '))}</td></tr>`,
    );
    parts.push(`<h2 id="stories">Stories</h2><table><thead><tr><th>story</th><th>label</th><th>documents</th><th>main actors</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }

  const claims = notableClaims(analysis);
  if (analysis.claims.length) {
    parts.push(
      `<h2 id="claims">Claims across outlets</h2><p class="muted">${analysis.claims.length} claim(s); the ${claims.length} carried by more than one article or disputed are shown, one table per story. ✓ states it, ✗ states the opposite, ? hedged, (name) attributed to someone.</p>`,
    );
    if (!claims.length) parts.push('<p>No claim is carried by more than one article.</p>');
    for (const [story, storyClaims] of groupBy(claims, (claim) => claim.story)) {
      // The columns are this story's documents that carry a shown claim, in input order.
      const carrying = new Set(storyClaims.flatMap((claim) => claim.members.map((m) => m.doc)));
      const docs = [...carrying].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      const header = docs.map((doc) => `<th>${esc(outlets.get(doc) ?? doc)}</th>`).join('');
      const rows = storyClaims.map((claim) => {
        const byDoc = groupBy(claim.members, (m) => m.doc);
        const cells = docs.map((doc) => {
          const members = byDoc.get(doc);
          if (!members) return '<td></td>';
          const marks = members.map((m) => link(m, claimMemberMark(claim, m)));
          return `<td class="status-${esc(claim.status)}">${marks.join('<br>')}</td>`;
        });
        return `<tr><td>${esc(truncate(claim.text, 180))}</td><td class="status-${esc(claim.status)}">${esc(claim.status)}</td><td>${claim.independentSources}<div class="muted">${esc(claim.sources.join(', '))}</div></td>${cells.join('')}</tr>`;
      });
      parts.push(
        `<h3>${esc((story && storyLabels.get(story)) || 'All documents')}</h3><table class="matrix"><thead><tr><th>claim</th><th>status</th><th>independent sources</th>${header}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
      );
    }
  }

  if (analysis.statements.length) {
    const quotes = new Map(analysis.quotes.map((quote) => [quote.id, quote]));
    const items = analysis.statements.map((statement) => {
      const first = quotes.get(statement.quotes[0]!);
      const original = first ? link({ doc: first.doc, ...first.content }, truncate(slice({ doc: first.doc, ...first.content }), 300)) : '';
      const variants = statement.variants.map((variant) => {
        const diff = variant.diff.map((part) => (part.op === 'added' ? `<ins>${esc(part.text)}</ins>` : part.op === 'removed' ? `<del>${esc(part.text)}</del>` : esc(part.text))).join('');
        return `<li><strong>${esc(outlets.get(variant.doc) ?? variant.doc)}</strong>: <span class="diff">${diff}</span></li>`;
      });
      const reports = statement.reports.map((id) => quotes.get(id)).filter((q) => q !== undefined).map((q) => link({ doc: q.doc, ...q.content }, `${outlets.get(q.doc) ?? q.doc}: ${truncate(slice({ doc: q.doc, ...q.content }), 120)}`));
      return `<div class="statement"><p><strong>${esc(statement.speakerName ?? 'unresolved')}</strong>, in ${statement.documents.length} documents (${esc(statement.documents.map((doc) => outlets.get(doc) ?? doc).join(', '))}): ${original}</p><ul>${variants.join('')}</ul>${reports.length ? `<p class="muted">Reported indirectly: ${reports.join('; ')}</p>` : ''}</div>`;
    });
    parts.push(`<h2 id="statements">Statements across outlets</h2><p class="muted">One utterance as each outlet renders it; <del>removed</del> and <ins>added</ins> words against the first rendering.</p>${items.join('')}`);
  }

  const relays = analysis.provenance.flatMap((record) => record.cites.map((cite) => ({ record, cite })));
  if (relays.length || analysis.copies.length) {
    const quotesById = new Map(analysis.quotes.map((quote) => [quote.id, quote]));
    const rows = relays.map(({ record, cite }) => {
      const row = citationRow(cite, quotesById);
      return `<tr><td>${esc(outlets.get(record.doc) ?? record.doc)}</td><td>${esc(row.relation)}</td><td>${link({ doc: record.doc, start: cite.start, end: cite.end }, row.source)}</td><td>${esc(row.kind)}</td></tr>`;
    });
    const copies = analysis.copies.map(
      (copy) => `<tr><td>${esc(outlets.get(copy.docs[1]) ?? copy.docs[1])}</td><td>copies (${esc(copy.kind)}, ${Math.round(copy.overlap * 100)} %)</td><td>${esc(outlets.get(copy.docs[0]) ?? copy.docs[0])}</td><td>document</td></tr>`,
    );
    parts.push(
      `<h2 id="relays">Who relays whom</h2><table><thead><tr><th>outlet</th><th>relation</th><th>source</th><th>kind</th></tr></thead><tbody>${[...copies, ...rows].join('')}</tbody></table>`,
    );
  }
  return parts.join('\n');
}

export function crosscheckMarkdown(analysis: Analysis): string[] {
  const slice = textOf(analysis);
  const outlets = outletLabels(analysis);
  const out: string[] = [];
  const cell = (value: string) => md(value) || ' ';

  for (const brief of numberedBrief(analysis)) {
    out.push(`## Brief: ${md(brief.label)}`, '');
    for (const section of Object.keys(SECTION_TITLES) as BriefSentence['section'][]) {
      const items = brief.sentences.filter(({ sentence }) => sentence.section === section);
      if (!items.length) continue;
      out.push(`**${SECTION_TITLES[section]}**`, '');
      for (const { sentence, refs } of items) out.push(`- ${md(sentence.text)} ${refs.map((n) => `\\[${n}\\]`).join('')}`);
      out.push('');
    }
    out.push('References:', '');
    brief.references.forEach((span, index) => out.push(`${index + 1}. ${md(`${outlets.get(span.doc) ?? span.doc} (${span.doc} ${span.start}–${span.end}): “${truncate(slice(span), 160)}”`)}`));
    out.push('');
  }

  if (analysis.stories.length) {
    out.push('## Stories', '', '| story | label | documents |', '|---|---|---|');
    for (const story of analysis.stories) out.push(`| ${cell(story.id)} | ${cell(story.label)} | ${cell(story.documents.map((doc) => outlets.get(doc) ?? doc).join(', '))} |`);
    out.push('');
  }

  const claims = notableClaims(analysis);
  if (claims.length) {
    out.push('## Claims across outlets', '', '| claim | status | independent sources | carried by |', '|---|---|---|---|');
    for (const claim of claims) {
      const carriers = claim.members.map((m) => `${outlets.get(m.doc) ?? m.doc}${statesOpposite(claim, m) ? ' (opposite)' : ''}${m.hedged ? ' (hedged)' : ''}${m.attributedTo ? ` (${m.attributedTo})` : ''}`);
      out.push(`| ${cell(truncate(claim.text, 180))} | ${cell(claim.status)} | ${cell(`${claim.independentSources}: ${claim.sources.join(', ')}`)} | ${cell(carriers.join('; '))} |`);
    }
    out.push('');
  }

  if (analysis.statements.length) {
    out.push('## Statements across outlets', '');
    for (const statement of analysis.statements) {
      out.push(`- ${md(`${statement.speakerName ?? 'unresolved'}, in ${statement.documents.map((doc) => outlets.get(doc) ?? doc).join(', ')}`)}`);
      for (const variant of statement.variants) {
        const diff = variant.diff.map((part) => (part.op === 'added' ? `{+${part.text}+}` : part.op === 'removed' ? `[-${part.text}-]` : part.text)).join('');
        out.push(`  - ${md(`${outlets.get(variant.doc) ?? variant.doc}: ${diff}`)}`);
      }
    }
    out.push('');
  }

  const relays = analysis.provenance.flatMap((record) => record.cites.map((cite) => ({ record, cite })));
  if (relays.length || analysis.copies.length) {
    out.push('## Who relays whom', '', '| outlet | relation | source | kind |', '|---|---|---|---|');
    for (const copy of analysis.copies) out.push(`| ${cell(outlets.get(copy.docs[1]) ?? copy.docs[1])} | ${cell(`copies (${copy.kind}, ${Math.round(copy.overlap * 100)} %)`)} | ${cell(outlets.get(copy.docs[0]) ?? copy.docs[0])} | document |`);
    const quotesById = new Map(analysis.quotes.map((quote) => [quote.id, quote]));
    for (const { record, cite } of relays) {
      const row = citationRow(cite, quotesById);
      out.push(`| ${cell(outlets.get(record.doc) ?? record.doc)} | ${cell(row.relation)} | ${cell(row.source)} | ${cell(row.kind)} |`);
    }
    out.push('');
  }
  return out;
}
