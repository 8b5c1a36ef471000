/**
 * The sources side by side: a card per outlet with what its articles cite (agencies, outlets,
 * channels, documents, people), how (relays it, according to, told, on a channel), and which
 * texts it shares with other outlets (copies and near-copies), each with its evidence.
 */
import { useMemo } from 'preact/hooks';
import type { CitedSource, Copy, Quote } from '../../../src/contract.ts';
import { groupBy } from '../../../src/crossdoc/group-by.ts';
import { citationRow } from '../../../src/report/present.ts';
import { EvidenceButton, lookupsOf, type Lookups } from '../components/evidence.tsx';
import { usePage } from '../components/pager.tsx';
import type { EvidenceSpan, SectionProps } from './types.ts';

const PAGE_SIZE = 24;

const RELATION_LABELS: Record<Exclude<CitedSource['relation'], 'told'>, string> = {
  relays: 'relays',
  channel: 'speaker’s channel',
  'according-to': 'according to',
};

const KIND_LABELS: Record<CitedSource['kind'], string> = {
  'news-agency': 'news agency',
  outlet: 'outlet',
  'official-channel': 'official channel',
  social: 'social media',
  document: 'document',
  anonymous: 'anonymous source',
  person: 'person',
  organisation: 'organisation',
};

interface CitedGroup {
  /** The source; for an outlet told first-hand, the speaker who told it. */
  name: string;
  kind: string;
  relation: string;
  spans: EvidenceSpan[];
}

interface SharedText {
  /** The other outlet. */
  outlet: string;
  /** True when this outlet's article is the later one, repeating the other's. */
  repeats: boolean;
  kind: Copy['kind'];
  /** The largest share of shared words over the pairs of articles. */
  overlap: number;
  /** Pairs of articles. */
  pairs: number;
  spans: EvidenceSpan[];
}

interface OutletSources {
  outlet: string;
  documents: Set<string>;
  cited: CitedGroup[];
  shared: SharedText[];
}

/** Pairs of articles between the same two outlets, the same way round and of the same kind, are one line. */
function addShared(sources: OutletSources, shared: SharedText): void {
  const found = sources.shared.find((known) => known.outlet === shared.outlet && known.repeats === shared.repeats && known.kind === shared.kind);
  if (!found) sources.shared.push(shared);
  else {
    found.pairs += 1;
    found.overlap = Math.max(found.overlap, shared.overlap);
    found.spans.push(...shared.spans);
  }
}

/** A citation in the words of the cards: "told Express.co.uk directly" names who told it. */
function cardRow(cite: CitedSource, quotes: ReadonlyMap<string, Quote>): { name: string; kind: string; relation: string } {
  if (cite.relation !== 'told') return { name: cite.name, kind: KIND_LABELS[cite.kind], relation: RELATION_LABELS[cite.relation] };
  const row = citationRow(cite, quotes);
  return { name: row.source, kind: row.kind, relation: row.relation };
}

function outletSources(provenance: SectionProps['analysis']['provenance'], copies: readonly Copy[], quotes: ReadonlyMap<string, Quote>, lookups: Lookups): OutletSources[] {
  const byOutlet = new Map<string, OutletSources>();
  const entry = (outlet: string) => {
    let found = byOutlet.get(outlet);
    if (!found) byOutlet.set(outlet, (found = { outlet, documents: new Set(), cited: [], shared: [] }));
    return found;
  };
  for (const [outlet, records] of groupBy(provenance, (record) => lookups.outlet(record.doc))) {
    const sources = entry(outlet);
    for (const record of records) sources.documents.add(record.doc);
    const cites = records.flatMap((record) => record.cites.map((cite) => ({ row: cardRow(cite, quotes), span: { doc: record.doc, start: cite.start, end: cite.end } })));
    for (const group of groupBy(cites, ({ row }) => `${row.name.toLowerCase()}\u0000${row.kind}\u0000${row.relation}`).values()) {
      const { row } = group[0]!;
      sources.cited.push({ ...row, spans: group.map(({ span }) => span) });
    }
    sources.cited.sort((a, b) => b.spans.length - a.spans.length);
  }
  for (const copy of copies) {
    const [earlier, later] = copy.docs;
    const passages = (side: 'a' | 'b', doc: string) => (copy.passages.length > 0 ? copy.passages.map((passage) => ({ doc, ...passage[side] })) : [{ doc, start: 0, end: 0 }]);
    addShared(entry(lookups.outlet(later)), { outlet: lookups.outlet(earlier), repeats: true, kind: copy.kind, overlap: copy.overlap, pairs: 1, spans: passages('b', later) });
    addShared(entry(lookups.outlet(earlier)), { outlet: lookups.outlet(later), repeats: false, kind: copy.kind, overlap: copy.overlap, pairs: 1, spans: passages('a', earlier) });
  }
  return [...byOutlet.values()];
}

export function SourcesView({ analysis, openEvidence }: SectionProps) {
  const lookups = lookupsOf(analysis);
  const outlets = useMemo(() => outletSources(analysis.provenance, analysis.copies, new Map(analysis.quotes.map((quote) => [quote.id, quote])), lookups), [analysis, lookups]);
  const { rows, controls } = usePage(outlets, PAGE_SIZE, 'outlets’ sources');
  return (
    <div>
      <p class="muted">Each outlet with the sources its articles cite or relay and the texts it shares with other outlets. Select a source to read where it is cited.</p>
      <div class="cards side-by-side">
        {rows.map((sources) => (
          <article class="card" key={sources.outlet} aria-label={`Sources of ${sources.outlet}`}>
            <h3>{sources.outlet}</h3>
            <p class="muted small">{sources.documents.size} article(s)</p>
            {sources.cited.length === 0 ? (
              <p class="small">Cites no named source.</p>
            ) : (
              <ul class="plain cited">
                {sources.cited.map((cited) => (
                  <li key={`${cited.name}\u0000${cited.kind}\u0000${cited.relation}`}>
                    <EvidenceButton spans={cited.spans} openEvidence={openEvidence} class="row-button" label={`${cited.name}, ${cited.kind}, ${cited.relation}: ${cited.spans.length} place(s)`}>
                      <strong>{cited.name}</strong> <span class="tag">{cited.kind}</span> <span class="muted">{cited.relation}</span>
                      {cited.spans.length > 1 && <span class="count"> ×{cited.spans.length}</span>}
                    </EvidenceButton>
                  </li>
                ))}
              </ul>
            )}
            {sources.shared.length > 0 && (
              <>
                <h4>Shared text</h4>
                <ul class="plain cited">
                  {sources.shared.map((shared, index) => (
                    <li key={index}>
                      <EvidenceButton spans={shared.spans} openEvidence={openEvidence} class="row-button">
                        {shared.repeats ? 'repeats' : 'repeated by'} <strong>{shared.outlet}</strong>{' '}
                        <span class="muted">
                          ({shared.kind}, {shared.pairs > 1 ? `${shared.pairs} pairs of articles, up to ` : ''}{Math.round(shared.overlap * 100)} % shared)
                        </span>
                      </EvidenceButton>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        ))}
      </div>
      {controls}
    </div>
  );
}
