/**
 * The actors and places of the case in a windowed list, most mentioned first: name, type, how
 * often and in how many articles they are mentioned, and other names they go by. Selecting one
 * opens its mentions in the article viewer.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Entity } from '../../../src/contract.ts';
import { EvidenceButton, spansOf, lookupsOf } from '../components/evidence.tsx';
import { FilteredList, SearchField } from '../components/filtered-list.tsx';
import type { SectionProps } from './types.ts';

const TYPE_LABELS: Record<Entity['type'], string> = {
  PERSON: 'person',
  ORG: 'organisation',
  GPE: 'country or city',
  LOC: 'place',
  NORP: 'group (nationality, religion, party)',
  EVENT: 'event',
  MISC: 'other',
};

export function EntitiesView({ analysis, openEvidence }: SectionProps) {
  const lookups = lookupsOf(analysis);
  const [type, setType] = useState('');
  const [search, setSearch] = useState('');
  const ranked = useMemo(() => [...analysis.entities].sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name)), [analysis]);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return ranked.filter((entity) => (type === '' || entity.type === type) && (needle === '' || [entity.name, ...entity.aliases].some((name) => name.toLowerCase().includes(needle))));
  }, [ranked, type, search]);
  return (
    <FilteredList
      noun="entities"
      shown={shown}
      countText={`${shown.length} of ${analysis.entities.length} entit${analysis.entities.length === 1 ? 'y' : 'ies'}`}
      emptyText="No entity matches these filters."
      listLabel="Entities, most mentioned first"
      getKey={(entity) => entity.id}
      renderRow={(entity) => {
        const documents = Object.keys(entity.mentionCounts);
        const outlets = new Set(documents.map(lookups.outlet));
        return (
          <EvidenceButton spans={spansOf(entity.mentions)} openEvidence={openEvidence} class="list-row">
            <span class="row-head">
              <strong>{entity.name}</strong> <span class="tag">{TYPE_LABELS[entity.type]}</span>{' '}
              <span class="muted">
                {entity.mentions.length} mention(s) in {documents.length} article(s), {outlets.size} outlet(s)
              </span>
            </span>
            <span class="row-text muted">{entity.aliases.length > 0 ? `also: ${entity.aliases.join(', ')}` : [...outlets].join(', ')}</span>
          </EvidenceButton>
        );
      }}
      filters={
        <>
          <label>
            Type{' '}
            <select value={type} onChange={(event) => setType(event.currentTarget.value)}>
              <option value="">any type</option>
              {(Object.entries(TYPE_LABELS) as [Entity['type'], string][]).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <SearchField label="Name" value={search} onChange={setSearch} />
        </>
      }
    />
  );
}
