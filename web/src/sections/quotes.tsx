/**
 * Every quote in the case, in a windowed list so that thousands scroll smoothly: who speaks, how
 * the words are rendered and what the cue attributes (speech, belief, evidence, accusation), the
 * outlet, and the words; a non-answer ("did not say whether …") is tagged "not said". Filters narrow it by speaker, kind, attribution and text.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Quote } from '../../../src/contract.ts';
import { speakerLabel } from '../../../src/report/present.ts';
import { EvidenceButton, quoteSpan, lookupsOf } from '../components/evidence.tsx';
import { FilteredList, SearchField } from '../components/filtered-list.tsx';
import type { SectionProps } from './types.ts';

const KINDS: Quote['kind'][] = ['direct', 'partial', 'indirect', 'mixed'];
const ATTRIBUTIONS: Quote['attributionKind'][] = ['speech', 'belief', 'evidence', 'accusation'];

export function QuotesView({ analysis, openEvidence }: SectionProps) {
  const lookups = lookupsOf(analysis);
  const [speaker, setSpeaker] = useState('');
  const [kind, setKind] = useState('');
  const [attribution, setAttribution] = useState('');
  const [search, setSearch] = useState('');
  const speakers = useMemo(() => {
    const counts = new Map<string, number>();
    for (const quote of analysis.quotes) counts.set(speakerLabel(quote.speaker), (counts.get(speakerLabel(quote.speaker)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [analysis]);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return analysis.quotes.filter(
      (quote) =>
        (speaker === '' || speakerLabel(quote.speaker) === speaker) &&
        (kind === '' || quote.kind === kind) &&
        (attribution === '' || quote.attributionKind === attribution) &&
        (needle === '' || lookups.text(quoteSpan(quote)).toLowerCase().includes(needle)),
    );
  }, [analysis, lookups, speaker, kind, attribution, search]);
  return (
    <FilteredList
      noun="quotes"
      shown={shown}
      countText={`${shown.length} of ${analysis.quotes.length} quote(s)`}
      emptyText="No quote matches these filters."
      listLabel="Quotes"
      getKey={(quote) => quote.id}
      renderRow={(quote) => (
        <EvidenceButton spans={[quoteSpan(quote)]} openEvidence={openEvidence} class="list-row">
          <span class="row-head">
            <strong>{speakerLabel(quote.speaker)}</strong> <span class="tag">{quote.kind}</span> <span class="tag">{quote.attributionKind}</span> {quote.negated && <span class="tag">not said</span>} <span class="outlet">{lookups.outlet(quote.doc)}</span>
          </span>
          <span class="row-text">{lookups.text(quoteSpan(quote))}</span>
        </EvidenceButton>
      )}
      filters={
        <>
          <label>
            Speaker{' '}
            <select value={speaker} onChange={(event) => setSpeaker(event.currentTarget.value)}>
              <option value="">anyone</option>
              {speakers.map(([name, count]) => (
                <option key={name} value={name}>
                  {name} ({count})
                </option>
              ))}
            </select>
          </label>
          <label>
            Kind{' '}
            <select value={kind} onChange={(event) => setKind(event.currentTarget.value)}>
              <option value="">any kind</option>
              {KINDS.map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          </label>
          <label>
            Attributes{' '}
            <select value={attribution} onChange={(event) => setAttribution(event.currentTarget.value)}>
              <option value="">anything</option>
              {ATTRIBUTIONS.map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          </label>
          <SearchField label="Words" value={search} onChange={setSearch} />
        </>
      }
    />
  );
}
