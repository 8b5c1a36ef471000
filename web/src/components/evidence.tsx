/**
 * The pieces every analysis view shares: a button that opens the article viewer on some
 * evidence spans, text only screen readers hear, and the lookups (outlet of a document, the words
 * of a span, entity names) built once per analysis rather than by scanning for each row.
 */
import { Fragment, type ComponentChildren } from 'preact';
import type { Analysis, Quote } from '../../../src/contract.ts';
import { outletLabels, textOf } from '../../../src/report/crosscheck.ts';
import { truncate } from '../../../src/report/present.ts';
import { namesOf, type Names } from '../../../src/report/view-parts.ts';
import type { EvidenceSpan } from '../sections/types.ts';

export type OpenEvidence = (spans: readonly EvidenceSpan[]) => void;

export interface EvidenceButtonProps {
  spans: readonly EvidenceSpan[];
  openEvidence: OpenEvidence;
  children: ComponentChildren;
  /** The accessible name when the visible text alone does not say what opens ("[3]"). */
  label?: string;
  class?: string;
}

/** A button that opens the article at `spans`; with no spans it shows its text without a button. */
export function EvidenceButton({ spans, openEvidence, children, label, class: className }: EvidenceButtonProps) {
  if (spans.length === 0) return <span class={className}>{children}</span>;
  return (
    <button type="button" class={`evidence${className ? ` ${className}` : ''}`} aria-label={label} title={label} onClick={() => openEvidence(spans)}>
      {children}
    </button>
  );
}

/** Words a screen reader says and the page does not show ("added", "removed"). */
export function VisuallyHidden({ children }: { children: ComponentChildren }) {
  return <span class="visually-hidden">{children}</span>;
}

export interface Lookups {
  /** A document's outlet, else its id. */
  outlet: (doc: string) => string;
  /** The words a span covers. */
  text: (span: EvidenceSpan) => string;
  names: Names;
  quote: (id: string) => Quote | undefined;
}

/** One set of lookups per analysis, shared by every view that shows it. */
const built = new WeakMap<Analysis, Lookups>();

export function lookupsOf(analysis: Analysis): Lookups {
  let lookups = built.get(analysis);
  if (!lookups) {
    const outlets = outletLabels(analysis);
    const quotes = new Map(analysis.quotes.map((quote) => [quote.id, quote]));
    lookups = {
      outlet: (doc) => outlets.get(doc) ?? doc,
      text: textOf(analysis),
      names: namesOf(analysis),
      quote: (id) => quotes.get(id),
    };
    built.set(analysis, lookups);
  }
  return lookups;
}

/** The span of a quote's words. */
export function quoteSpan(quote: Quote): EvidenceSpan {
  return { doc: quote.doc, start: quote.content.start, end: quote.content.end };
}

/** Evidence as the contract gives it, stripped to `{doc, start, end}`. */
export function spansOf(items: readonly EvidenceSpan[]): EvidenceSpan[] {
  return items.map(({ doc, start, end }) => ({ doc, start, end }));
}

/** Buttons per outlet for a list of spans: "Kessering Daily", "Kessering Daily (2)". */
export function OutletButtons({ spans, lookups, openEvidence }: { spans: readonly EvidenceSpan[]; lookups: Lookups; openEvidence: OpenEvidence }) {
  const seen = new Map<string, number>();
  return (
    <span class="outlet-buttons">
      {spans.map((span, index) => {
        const outlet = lookups.outlet(span.doc);
        const count = (seen.get(outlet) ?? 0) + 1;
        seen.set(outlet, count);
        const name = count === 1 ? outlet : `${outlet} (${count})`;
        return (
          <Fragment key={`${span.doc}:${span.start}:${span.end}`}>
            {index > 0 && ', '}
            <EvidenceButton spans={[span]} openEvidence={openEvidence} label={`${name}: ${truncate(lookups.text(span), 120)}`}>
              {name}
            </EvidenceButton>
          </Fragment>
        );
      })}
    </span>
  );
}
