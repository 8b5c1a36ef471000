/** The event stories of a case: what each is about, its main actors, and the articles in it. */
import { useMemo } from 'preact/hooks';
import type { AnalysisDocument } from '../../../src/contract.ts';
import { EvidenceButton, lookupsOf } from '../components/evidence.tsx';
import { usePage } from '../components/pager.tsx';
import { VirtualList } from '../components/virtual-list.tsx';
import type { EvidenceSpan, SectionProps } from './types.ts';

/** A story lists its articles in place up to this many; more scroll in a window. */
const LISTED_IN_FULL = 12;
const PAGE_SIZE = 12;

/** Where the viewer opens a document: its title, else its start. */
function documentSpan(doc: AnalysisDocument): EvidenceSpan {
  return doc.titleSpan ? { doc: doc.id, ...doc.titleSpan } : { doc: doc.id, start: 0, end: 0 };
}

export function StoriesView({ analysis, openEvidence }: SectionProps) {
  const lookups = lookupsOf(analysis);
  const documents = useMemo(() => new Map(analysis.documents.map((doc) => [doc.id, doc])), [analysis]);
  const row = (id: string) => {
    const doc = documents.get(id);
    return (
      <EvidenceButton spans={doc ? [documentSpan(doc)] : []} openEvidence={openEvidence} class="row-button">
        <span class="outlet">{lookups.outlet(id)}</span> <span>{doc?.title ?? id}</span>
      </EvidenceButton>
    );
  };
  /** The same in a windowed list, where every row has one height: outlet and title one line each. */
  const fixedRow = (id: string) => {
    const doc = documents.get(id);
    return (
      <EvidenceButton spans={doc ? [documentSpan(doc)] : []} openEvidence={openEvidence} class="list-row">
        <span class="row-head outlet">{lookups.outlet(id)}</span>
        <span class="row-text">{doc?.title ?? id}</span>
      </EvidenceButton>
    );
  };
  const { rows, controls } = usePage(analysis.stories, PAGE_SIZE, 'stories');
  return (
    <>
      <div class="cards">
        {rows.map((story) => {
          const outlets = new Set(story.documents.map(lookups.outlet));
          return (
            <article class="card story" key={story.id} aria-labelledby={`story-${story.id}`}>
              <h3 id={`story-${story.id}`}>{story.label}</h3>
              <p class="muted">
                {story.documents.length} article(s) from {outlets.size} outlet(s)
                {story.terms.length > 0 ? `; key words: ${story.terms.join(', ')}` : ''}
              </p>
              {story.actors.length > 0 && <p>Main actors: {story.actors.map(lookups.names.entity).join(', ')}</p>}
              {story.documents.length <= LISTED_IN_FULL ? (
                <ul class="plain" aria-label={`Articles in ${story.label}`}>
                  {story.documents.map((id) => (
                    <li key={id}>{row(id)}</li>
                  ))}
                </ul>
              ) : (
                <VirtualList items={story.documents} rowHeight={52} height={360} label={`Articles in ${story.label}`} renderRow={fixedRow} getKey={(id) => id} />
              )}
            </article>
          );
        })}
      </div>
      {controls}
    </>
  );
}
