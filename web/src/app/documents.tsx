/**
 * The case's documents as one virtualised list (a case of 500 articles keeps a few dozen rows
 * in the page): title, outlet, date and how many quotes, mentions and messages each has. A
 * document opens in the article viewer, with what cleaning removed struck through.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Analysis, AnalysisDocument } from '../../../src/contract.ts';
import { VirtualList } from '../components/virtual-list.tsx';
import { plural, titleOf } from './ui.tsx';

const ROW_HEIGHT = 64;
const LIST_HEIGHT = 576;

interface DocumentRow {
  doc: AnalysisDocument;
  /** Position in the case: the order the documents were added. */
  position: number;
  quotes: number;
  mentions: number;
  messages: number;
  problems: number;
  /** Lowercased title, outlet and source, for the filter. */
  haystack: string;
}

type SortKey = 'added' | 'date' | 'title' | 'outlet';

const COMPARE: Record<SortKey, (a: DocumentRow, b: DocumentRow) => number> = {
  added: (a, b) => a.position - b.position,
  // Undated documents last, in the order they were added.
  date: (a, b) => (a.doc.published ?? '\uffff').localeCompare(b.doc.published ?? '\uffff') || a.position - b.position,
  title: (a, b) => titleOf(a.doc).localeCompare(titleOf(b.doc)) || a.position - b.position,
  outlet: (a, b) => (a.doc.outlet ?? '\uffff').localeCompare(b.doc.outlet ?? '\uffff') || a.position - b.position,
};

function rowsOf(analysis: Analysis): DocumentRow[] {
  const quotes = new Map<string, number>();
  for (const quote of analysis.quotes) quotes.set(quote.doc, (quotes.get(quote.doc) ?? 0) + 1);
  const mentions = new Map<string, number>();
  for (const entity of analysis.entities) {
    for (const [doc, count] of Object.entries(entity.mentionCounts)) mentions.set(doc, (mentions.get(doc) ?? 0) + count);
  }
  const messages = new Map<string, { all: number; problems: number }>();
  for (const message of analysis.messages) {
    if (message.doc === null) continue;
    const counted = messages.get(message.doc) ?? { all: 0, problems: 0 };
    counted.all += 1;
    if (message.severity !== 'info') counted.problems += 1;
    messages.set(message.doc, counted);
  }
  return analysis.documents.map((doc, position) => ({
    doc,
    position,
    quotes: quotes.get(doc.id) ?? 0,
    mentions: mentions.get(doc.id) ?? 0,
    messages: messages.get(doc.id)?.all ?? 0,
    problems: messages.get(doc.id)?.problems ?? 0,
    haystack: `${doc.title ?? ''}\n${doc.outlet ?? ''}\n${doc.source}`.toLowerCase(),
  }));
}

export function DocumentsSection({ analysis, openDocument }: { analysis: Analysis; openDocument: (doc: string) => void }) {
  const rows = useMemo(() => rowsOf(analysis), [analysis]);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('added');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (needle ? rows.filter((row) => row.haystack.includes(needle)) : rows).slice().sort(COMPARE[sort]);
  }, [rows, filter, sort]);

  return (
    <section id="section-documents" class="analysis-section" aria-labelledby="section-documents-title">
      <h2 id="section-documents-title">Documents</h2>
      {rows.length === 0 ? (
        <p class="empty">No documents yet: add articles above.</p>
      ) : (
        <>
          <div class="list-controls">
            <div class="inline-field">
              <label for="documents-filter">Filter documents</label>
              <input id="documents-filter" type="search" value={filter} onInput={(event) => setFilter(event.currentTarget.value)} placeholder="title, outlet or file" />
            </div>
            <div class="inline-field">
              <label for="documents-sort">Sort by</label>
              <select id="documents-sort" value={sort} onChange={(event) => setSort(event.currentTarget.value as SortKey)}>
                <option value="added">order added</option>
                <option value="date">date</option>
                <option value="title">title</option>
                <option value="outlet">outlet</option>
              </select>
            </div>
            <p class="hint" aria-live="polite">
              {shown.length === rows.length ? plural(rows.length, 'document') : `${shown.length.toLocaleString()} of ${plural(rows.length, 'document')}`}
            </p>
          </div>
          {shown.length === 0 ? (
            <p class="empty">No document matches “{filter}”.</p>
          ) : (
            <VirtualList
              items={shown}
              rowHeight={ROW_HEIGHT}
              height={LIST_HEIGHT}
              label="Documents of this case"
              getKey={(row) => row.doc.id}
              renderRow={(row) => (
                <div class="document-row">
                  <button type="button" class="link-button document-title" onClick={() => openDocument(row.doc.id)}>
                    {titleOf(row.doc)}
                  </button>
                  <span class="document-meta">
                    {row.doc.outlet ?? 'outlet not given'} · {row.doc.published ? <time dateTime={row.doc.published}>{row.doc.published.slice(0, 10)}</time> : 'no date'} · {plural(row.quotes, 'quote')} · {plural(row.mentions, 'mention')} ·{' '}
                    <span class={row.problems > 0 ? 'has-problems' : undefined}>{plural(row.messages, 'message')}</span>
                  </span>
                </div>
              )}
            />
          )}
        </>
      )}
    </section>
  );
}
