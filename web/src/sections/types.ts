/**
 * What every section of a case page receives. The shell (web/src/app) owns the page and the
 * article viewer; a section only renders one view of the analysis and asks the shell to open an
 * article at a span when the user picks an item.
 */
import type { Analysis } from '../../../src/contract.ts';

export type { Analysis };

/** A span of one document's text, as every evidence item in the contract names it. */
export interface EvidenceSpan {
  doc: string;
  start: number;
  end: number;
}

export interface SectionProps {
  analysis: Analysis;
  /** Opens the article viewer on `spans[0]`'s document with every span highlighted. */
  openEvidence: (spans: readonly EvidenceSpan[]) => void;
}

export interface SectionDefinition {
  /** Stable id, used as the section's anchor and in tests (`#section-${id}`). */
  id: string;
  title: string;
  /** True when the analysis has nothing for this view; the shell then shows `emptyText`. */
  isEmpty: (analysis: Analysis) => boolean;
  emptyText: string;
  render: (props: SectionProps) => preact.JSX.Element;
}
