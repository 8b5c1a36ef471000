/**
 * Framing per outlet: each outlet's figures (own voice and attributed shares of its claims,
 * hedging and opinion rates, whom it quotes), then a card per outlet with its tone toward the main
 * actors and the loaded terms it uses (target and whose words), then what each outlet calls the
 * same actor. Every term, label and tone sentence opens its words in the article.
 */
import { useMemo } from 'preact/hooks';
import { outletLabels } from '../../../src/report/crosscheck.ts';
import { FIGURE_HEADER, figureCells, labelTable, quotedLabel, termLabel, termRows, toneLabel } from '../../../src/report/framing.ts';
import { truncate } from '../../../src/report/present.ts';
import { EvidenceButton, spansOf, lookupsOf } from '../components/evidence.tsx';
import { usePage } from '../components/pager.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import type { SectionProps } from './types.ts';

const PAGE_SIZE = 12;

/** The share columns of FIGURE_HEADER, which get a bar beside their figure. */
const SHARE_COLUMNS = new Set([3, 4, 5, 6]);
/** Whom an outlet quotes: the most quoted in the table, the rest behind a disclosure. */
const LISTED_QUOTED = 5;

export function FramingView({ analysis, openEvidence }: SectionProps) {
  const lookups = lookupsOf(analysis);
  const { framing } = analysis;
  const terms = useMemo(() => termRows(analysis, lookups.names, outletLabels(analysis)), [analysis, lookups]);
  const { rows: outlets, controls } = usePage(framing.outlets, PAGE_SIZE, 'outlets’ framing');
  const labels = useMemo(() => (analysis.framing.labels.length > 0 ? labelTable(analysis, lookups.names) : null), [analysis, lookups]);
  return (
    <div>
      <p class="muted">Own voice and attributed: shares of the outlet’s claims it asserts itself or carries as someone’s words. Hedging and opinion: shares of its own-voice sentences.</p>
      <ScrollTable label="Figures per outlet" class="figures" columns={FIGURE_HEADER}>
            {framing.outlets.map((outlet) => {
              const cells = figureCells(outlet);
              const shares = [outlet.ownVoiceShare, outlet.attributedShare, outlet.hedgingRate, outlet.opinionShare];
              return (
                <tr key={outlet.outlet}>
                  <th scope="row">{cells[0]}</th>
                  {cells.slice(1, -1).map((cell, index) => (
                    <td key={index} class="number">
                      {cell}
                      {SHARE_COLUMNS.has(index + 1) && (
                        <span class="bar" aria-hidden="true">
                          <span style={{ width: `${Math.round(shares[index - 2]! * 100)}%` }} />
                        </span>
                      )}
                    </td>
                  ))}
                  <td>
                    {quotedLabel({ ...outlet, quoted: outlet.quoted.slice(0, LISTED_QUOTED) }) || '—'}
                    {outlet.quoted.length > LISTED_QUOTED && (
                      <details>
                        <summary>and {outlet.quoted.length - LISTED_QUOTED} more</summary>
                        {quotedLabel({ ...outlet, quoted: outlet.quoted.slice(LISTED_QUOTED) })}
                      </details>
                    )}
                  </td>
                </tr>
              );
            })}
      </ScrollTable>

      <div class="cards side-by-side">
        {outlets.map((outlet) => {
          const outletTerms = terms.get(outlet.outlet) ?? [];
          return (
            <article class="card" key={outlet.outlet} aria-label={`Framing in ${outlet.outlet}`}>
              <h3>{outlet.outlet}</h3>
              <h4>Tone toward the main actors</h4>
              {outlet.tone.length === 0 ? (
                <p class="small">No tone toward an actor found.</p>
              ) : (
                <ul class="plain">
                  {outlet.tone.map((tone) => (
                    <li key={tone.entity}>
                      <strong>{lookups.names.entity(tone.entity)}</strong>: {toneLabel(tone)}
                      {tone.evidence.length > 0 && (
                        <ul class="small">
                          {tone.evidence.map((span, index) => (
                            <li key={index}>
                              <EvidenceButton spans={[span]} openEvidence={openEvidence} class="row-button">
                                “{truncate(lookups.text(span), 110)}”
                              </EvidenceButton>
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <h4>Loaded terms</h4>
              {outletTerms.length === 0 ? (
                <p class="small">No loaded terms found.</p>
              ) : (
                <table class="terms small">
                  <thead>
                    <tr>
                      <th scope="col">term</th>
                      <th scope="col">about</th>
                      <th scope="col">whose words</th>
                    </tr>
                  </thead>
                  <tbody>
                    {outletTerms.map((row, index) => (
                      <tr key={index} class={row.loaded ? 'loaded' : 'neutral'}>
                        <th scope="row">
                          <EvidenceButton spans={spansOf(row.uses)} openEvidence={openEvidence} label={`${termLabel(row)}, ${row.loaded ? 'loaded' : 'neutral counterpart'} (${row.category}), used ${row.uses.length} time(s)`}>
                            {termLabel(row)}
                          </EvidenceButton>
                          {row.uses.length > 1 && ` ×${row.uses.length}`}
                          <div class="muted">{row.loaded ? row.category : 'neutral counterpart'}</div>
                        </th>
                        <td>{row.target}</td>
                        <td>{row.voice}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </article>
          );
        })}
      </div>
      {controls}

      <h3>What each outlet calls the same actor</h3>
      {labels === null ? (
        <p>No labels for actors found.</p>
      ) : (
        <ScrollTable label="Labels for actors by outlet" class="labels" columns={['actor', ...labels.outlets]}>
              {labels.rows.map(({ entity, cells }) => (
                <tr key={entity}>
                  <th scope="row">{entity}</th>
                  {labels.outlets.map((outlet) => (
                    <td key={outlet}>
                      <ul class="plain small">
                        {(cells.get(outlet) ?? []).map((label) => (
                          <li key={label.label}>
                            <EvidenceButton spans={spansOf(label.evidence)} openEvidence={openEvidence}>
                              “{label.label}”
                            </EvidenceButton>{' '}
                            ×{label.count}
                          </li>
                        ))}
                      </ul>
                    </td>
                  ))}
                </tr>
              ))}
        </ScrollTable>
      )}
    </div>
  );
}
