/**
 * The timeline: dated events earliest first, of every story or of the one picked, each with its
 * date at its precision, an "inferred" mark when the date rests on an inference, its actors, the
 * outlets that report it and the date expressions behind it; then when each article was written.
 * Long tables come a page at a time.
 */
import { useMemo, useState } from 'preact/hooks';
import type { TimelineItem } from '../../../src/contract.ts';
import { truncate } from '../../../src/report/present.ts';
import { byDate, datingText, formatDate, mentionNote } from '../../../src/report/timeline.ts';
import { EvidenceButton, OutletButtons, spansOf, lookupsOf, type Lookups, type OpenEvidence } from '../components/evidence.tsx';
import { usePage } from '../components/pager.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import { SearchField } from '../components/filtered-list.tsx';
import { StorySelect } from '../components/story-select.tsx';
import type { SectionProps } from './types.ts';

const PAGE_SIZE = 30;
const TIMELINE_COLUMNS = ['when', 'what happened', 'who', 'reported by', 'dated by'];

function TimelineTable({ items, label, lookups, openEvidence }: { items: TimelineItem[]; label: string; lookups: Lookups; openEvidence: OpenEvidence }) {
  const { rows, controls } = usePage(items, PAGE_SIZE, label);
  return (
    <ScrollTable label={label} caption={{ text: label, hidden: true }} class="timeline" columns={TIMELINE_COLUMNS} controls={controls}>
            {rows.map((item) => (
              <tr key={item.id}>
                <th scope="row" class="when">
                  {formatDate(item.date, item.until, item.precision)}
                  {item.inferred && <span class="inferred"> inferred</span>}
                  <div class="muted small">{item.precision === 'range' ? 'range' : `to the ${item.precision}`}</div>
                </th>
                <td>
                  <EvidenceButton spans={spansOf(item.evidence)} openEvidence={openEvidence} class="row-button">
                    {truncate(item.text, 240)}
                  </EvidenceButton>
                </td>
                <td>{item.actors.map(lookups.names.entity).join(', ')}</td>
                <td>
                  <OutletButtons spans={item.evidence} lookups={lookups} openEvidence={openEvidence} />
                </td>
                <td>
                  <ul class="plain small">
                    {item.dates.map((mention, index) => {
                      const note = mentionNote(mention);
                      return (
                        <li key={index}>
                          <EvidenceButton spans={[{ doc: mention.doc, start: mention.start, end: mention.end }]} openEvidence={openEvidence}>
                            “{mention.text}”
                          </EvidenceButton>
                          {note && <span class="muted"> {note}</span>}
                        </li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            ))}
    </ScrollTable>
  );
}

function DatingTable({ analysis, lookups, openEvidence }: { analysis: SectionProps['analysis']; lookups: Lookups; openEvidence: OpenEvidence }) {
  const { rows, controls } = usePage(analysis.dating, PAGE_SIZE, 'article dates');
  const titles = useMemo(() => new Map(analysis.documents.map((doc) => [doc.id, doc.title])), [analysis]);
  if (analysis.dating.length === 0) return <p>No document dates were worked out.</p>;
  return (
    <ScrollTable label="When each article was written" columns={['article', 'outlet', 'when written']} controls={controls}>
            {rows.map((dating) => {
              const { text, evidence } = datingText(dating);
              return (
                <tr key={dating.doc}>
                  <th scope="row">{titles.get(dating.doc) ?? dating.doc}</th>
                  <td>{lookups.outlet(dating.doc)}</td>
                  <td>
                    {text}{' '}
                    {evidence.map((span, index) => (
                      <EvidenceButton key={index} spans={[span]} openEvidence={openEvidence}>
                        “{truncate(lookups.text(span), 60)}”
                      </EvidenceButton>
                    ))}
                  </td>
                </tr>
              );
            })}
    </ScrollTable>
  );
}

export function TimelineView({ analysis, openEvidence }: SectionProps) {
  const lookups = lookupsOf(analysis);
  const [story, setStory] = useState('');
  const [search, setSearch] = useState('');
  const items = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return byDate(analysis.timeline.filter((item) => (story === '' || item.story === story) && (needle === '' || item.text.toLowerCase().includes(needle))));
  }, [analysis, story, search]);
  return (
    <div>
      {analysis.timeline.length === 0 ? (
        <p>No dated events found.</p>
      ) : (
        <>
          <p class="muted">
            {analysis.timeline.length} dated event(s), earliest first; the same event in several outlets is one row. “inferred”: the date rests on an inference (no publication
            date, or an ambiguous day and month).
          </p>
          <div class="filters" role="group" aria-label="Filter the timeline">
            <StorySelect stories={analysis.stories} value={story} onChange={setStory} />
            <SearchField label="Words" value={search} onChange={setSearch} />
            <span aria-live="polite">{items.length} shown</span>
          </div>
          {items.length === 0 ? <p>No dated event matches these filters.</p> : <TimelineTable items={items} label="dated events" lookups={lookups} openEvidence={openEvidence} />}
        </>
      )}
      <details class="dating">
        <summary>When each article was written</summary>
        <DatingTable analysis={analysis} lookups={lookups} openEvidence={openEvidence} />
      </details>
    </div>
  );
}
