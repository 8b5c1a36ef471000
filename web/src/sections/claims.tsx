/**
 * The claim × outlet matrix: a row per claim, a column per outlet, each cell the outlet's
 * renderings of the claim (✓ states it, ✗ states the opposite, ? hedged, the speaker when it is
 * someone's words), coloured by the claim's status and always also marked by a symbol and a word.
 * A case of 500 articles holds thousands of claims, so the rows come a page at a time, with
 * filters; the columns are the outlets on the page, so a page stays narrow.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Claim, ClaimMember } from '../../../src/contract.ts';
import { groupBy } from '../../../src/crossdoc/group-by.ts';
import { claimMemberMark, statesOpposite, truncate } from '../../../src/report/present.ts';
import { EvidenceButton, spansOf, lookupsOf } from '../components/evidence.tsx';
import { usePage } from '../components/pager.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import { SearchField } from '../components/filtered-list.tsx';
import { StorySelect } from '../components/story-select.tsx';
import type { SectionProps } from './types.ts';

const PAGE_SIZE = 25;

/** Each status as the legend, the rows and the cells show it: a symbol and a word beside the colour. */
const CLAIM_STATUS: Record<Claim['status'], { symbol: string; text: string; meaning: string }> = {
  corroborated: { symbol: '●●', text: 'corroborated', meaning: 'two or more independent sources' },
  'single-source': { symbol: '●', text: 'single source', meaning: 'one independent source' },
  'attributed-only': { symbol: '❝', text: 'attributed only', meaning: 'only ever someone’s words' },
  hedged: { symbol: '≈', text: 'hedged', meaning: 'every outlet hedges it' },
  disputed: { symbol: '⚡', text: 'disputed', meaning: 'another claim states the opposite' },
};

function memberDescription(claim: Claim, member: ClaimMember): string {
  return [statesOpposite(claim, member) ? 'states the opposite' : 'states it', member.hedged ? 'hedged' : '', member.attributedTo ? `attributed to ${member.attributedTo}` : 'in its own voice'].filter(Boolean).join(', ');
}

/** An outlet with more renderings of one claim than this gets one summary in its cell. */
const LISTED_MEMBERS = 3;
const LISTED_SOURCES = 4;

/** "✓ 18, ✗ 2, ? 3 (20 articles)": how an outlet's many renderings of one claim fall. */
function memberSummary(claim: Claim, members: readonly ClaimMember[]): string {
  const counts: [string, number][] = [
    ['✓', members.filter((m) => !statesOpposite(claim, m)).length],
    ['✗', members.filter((m) => statesOpposite(claim, m)).length],
    ['?', members.filter((m) => m.hedged).length],
  ];
  const parts = counts.filter(([, count]) => count > 0).map(([mark, count]) => `${mark} ${count}`);
  return `${parts.join(', ')} (${new Set(members.map((m) => m.doc)).size} articles)`;
}

/** "A, B, C, D and 54 more". */
function namesList(names: readonly string[]): string {
  return names.length > LISTED_SOURCES ? `${names.slice(0, LISTED_SOURCES).join(', ')} and ${names.length - LISTED_SOURCES} more` : names.join(', ');
}

function ClaimStatusLegend() {
  return (
    <ul class="legend" aria-label="Claim statuses">
      {(Object.entries(CLAIM_STATUS) as [Claim['status'], (typeof CLAIM_STATUS)[Claim['status']]][]).map(([status, { symbol, text, meaning }]) => (
        <li key={status}>
          <span class={`swatch status-${status}`} aria-hidden="true">
            {symbol}
          </span>{' '}
          <strong>{text}</strong>: {meaning}
        </li>
      ))}
      <li>In a cell: ✓ states it, ✗ states the opposite, ? hedged, (name) someone’s words; counts when an outlet has many articles.</li>
    </ul>
  );
}

export function ClaimsView({ analysis, openEvidence }: SectionProps) {
  const lookups = lookupsOf(analysis);
  const [story, setStory] = useState('');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [severalOutlets, setSeveralOutlets] = useState(analysis.claims.some((claim) => claim.outlets.length > 1));
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return analysis.claims
      .filter(
        (claim) =>
          (story === '' || claim.story === story) &&
          (status === '' || claim.status === status) &&
          (!severalOutlets || claim.outlets.length > 1 || claim.status === 'disputed') &&
          (needle === '' || claim.text.toLowerCase().includes(needle)),
      )
      .sort((a, b) => b.outlets.length - a.outlets.length || b.independentSources - a.independentSources);
  }, [analysis, story, status, severalOutlets, search]);
  const { rows, controls } = usePage(shown, PAGE_SIZE, 'claims');
  const columns = [...new Set(rows.flatMap((claim) => claim.members.map((member) => lookups.outlet(member.doc))))];
  return (
    <div>
      <p class="muted">
        {analysis.claims.length} claim(s) in {new Set(analysis.claims.flatMap((claim) => claim.outlets)).size} outlet(s). Select a claim, a status or a cell to read the words in the article.
      </p>
      <ClaimStatusLegend />
      <div class="filters" role="group" aria-label="Filter claims">
        <StorySelect stories={analysis.stories} value={story} onChange={setStory} />
        <label>
          Status{' '}
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value)}>
            <option value="">any status</option>
            {Object.entries(CLAIM_STATUS).map(([value, { text }]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={severalOutlets} onChange={(event) => setSeveralOutlets(event.currentTarget.checked)} /> only claims in several outlets, or disputed
        </label>
        <SearchField label="Words" value={search} onChange={setSearch} />
        <span aria-live="polite">{shown.length} shown</span>
      </div>
      {shown.length === 0 ? (
        <p>No claim matches these filters.</p>
      ) : (
        <ScrollTable
          label="Claims by outlet"
          caption={{ text: 'Claims (rows) by the outlets that carry them (columns)', hidden: true }}
          class="matrix"
          columns={['claim', 'status', 'independent sources', ...columns]}
          controls={controls}
        >
                {rows.map((claim) => {
                  const byOutlet = groupBy(claim.members, (member) => lookups.outlet(member.doc));
                  const { symbol, text } = CLAIM_STATUS[claim.status];
                  return (
                    <tr key={claim.id}>
                      <th scope="row" class="claim-text">
                        <EvidenceButton spans={spansOf(claim.members)} openEvidence={openEvidence} class="row-button">
                          {truncate(claim.text, 200)}
                        </EvidenceButton>
                      </th>
                      <td class={`status-${claim.status}`}>
                        <span aria-hidden="true">{symbol}</span> {text}
                      </td>
                      <td>
                        {claim.independentSources}
                        <div class="muted small">{namesList(claim.sources)}</div>
                      </td>
                      {columns.map((outlet) => {
                        const members = byOutlet.get(outlet);
                        if (!members) return <td key={outlet} />;
                        if (members.length > LISTED_MEMBERS) {
                          return (
                            <td key={outlet} class={`status-${claim.status}`}>
                              <EvidenceButton spans={spansOf(members)} openEvidence={openEvidence} class="cell-button" label={`${outlet}: ${memberSummary(claim, members)} (claim ${text})`}>
                                {memberSummary(claim, members)}
                              </EvidenceButton>
                            </td>
                          );
                        }
                        return (
                          <td key={outlet} class={`status-${claim.status}`}>
                            {members.map((member, index) => (
                              <EvidenceButton key={index} spans={[member]} openEvidence={openEvidence} class="cell-button" label={`${outlet}: ${memberDescription(claim, member)} (claim ${text})`}>
                                {claimMemberMark(claim, member)}
                              </EvidenceButton>
                            ))}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
        </ScrollTable>
      )}
    </div>
  );
}
