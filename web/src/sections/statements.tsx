/**
 * Statement groups: one utterance as each outlet renders it. The first rendering is shown whole;
 * every other is diffed word by word against it, added words underlined, removed words struck
 * through, and each change also said in words for screen readers.
 */
import type { Statement } from '../../../src/contract.ts';
import { truncate } from '../../../src/report/present.ts';
import { EvidenceButton, quoteSpan, lookupsOf, VisuallyHidden } from '../components/evidence.tsx';
import { usePage } from '../components/pager.tsx';
import type { SectionProps } from './types.ts';

const PAGE_SIZE = 20;

function Diff({ parts }: { parts: Statement['variants'][number]['diff'] }) {
  return (
    <span class="diff">
      {parts.map((part, index) =>
        part.op === 'added' ? (
          <ins key={index}>
            <VisuallyHidden>[added: </VisuallyHidden>
            {part.text}
            <VisuallyHidden>]</VisuallyHidden>
          </ins>
        ) : part.op === 'removed' ? (
          <del key={index}>
            <VisuallyHidden>[removed: </VisuallyHidden>
            {part.text}
            <VisuallyHidden>]</VisuallyHidden>
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}

export function StatementsView({ analysis, openEvidence }: SectionProps) {
  const lookups = lookupsOf(analysis);
  const { rows, controls } = usePage(analysis.statements, PAGE_SIZE, 'statements');
  return (
    <div>
      <p class="muted">
        One utterance as each outlet renders it; <ins>added</ins> and <del>removed</del> words against the first rendering. Select a rendering to read it in its article.
      </p>
      {rows.map((statement) => {
        const first = statement.quotes[0] === undefined ? undefined : lookups.quote(statement.quotes[0]);
        const reports = statement.reports.flatMap((id) => lookups.quote(id) ?? []);
        return (
          <article class="card statement" key={statement.id} aria-label={`Statement by ${statement.speakerName ?? 'an unresolved speaker'}`}>
            <h3>
              {statement.speakerName ?? 'Unresolved speaker'}{' '}
              <span class="muted small">in {statement.documents.length} document(s): {[...new Set(statement.documents.map(lookups.outlet))].join(', ')}</span>
            </h3>
            {first && (
              <p>
                <span class="outlet">{lookups.outlet(first.doc)}</span> (first rendering):{' '}
                <EvidenceButton spans={[quoteSpan(first)]} openEvidence={openEvidence} class="row-button quote-text">
                  {truncate(lookups.text(quoteSpan(first)), 400)}
                </EvidenceButton>
              </p>
            )}
            {statement.variants.length > 0 && (
              <ul class="variants">
                {statement.variants.map((variant) => {
                  const quote = lookups.quote(variant.quote);
                  return (
                    <li key={variant.quote}>
                      <EvidenceButton spans={quote ? [quoteSpan(quote)] : []} openEvidence={openEvidence} label={`Open ${lookups.outlet(variant.doc)}'s rendering`}>
                        {lookups.outlet(variant.doc)}
                      </EvidenceButton>
                      :{' '}
                      {variant.diff.length > 0 ? (
                        <Diff parts={variant.diff} />
                      ) : (
                        // The stage diffs sentence by sentence; none of this rendering's lined up with the first's.
                        <>
                          <span class="muted">(no sentence lines up with the first rendering)</span> {quote ? truncate(lookups.text(quoteSpan(quote)), 400) : ''}
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {reports.length > 0 && (
              <p class="muted">
                Reported indirectly:{' '}
                {reports.map((quote, index) => (
                  <span key={quote.id}>
                    {index > 0 && '; '}
                    <EvidenceButton spans={[quoteSpan(quote)]} openEvidence={openEvidence}>
                      {lookups.outlet(quote.doc)}
                    </EvidenceButton>
                    : {truncate(lookups.text(quoteSpan(quote)), 120)}
                  </span>
                ))}
              </p>
            )}
          </article>
        );
      })}
      {controls}
    </div>
  );
}
