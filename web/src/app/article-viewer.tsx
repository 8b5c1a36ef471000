/**
 * The article viewer: one document's full text beside the case's views, its evidence
 * highlighted (the first highlight scrolled into view, the others a button away), what cleaning
 * removed struck through, and the document's messages. A region, not a modal dialog, so that
 * the analyst can keep picking items on the page while it is open; focus moves to its heading
 * when it opens and Escape or its button closes it.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Analysis, AnalysisDocument } from '../../../src/contract.ts';
import { ArticleText } from './article-text.tsx';
import type { ViewerPlace } from './route.ts';
import { plural, titleOf } from './ui.tsx';

export interface ArticleViewerProps {
  analysis: Analysis;
  place: ViewerPlace;
  /** Opens another document (or the same one at other spans). */
  onOpen: (place: ViewerPlace) => void;
  onClose: () => void;
}

export function ArticleViewer({ analysis, place, onOpen, onClose }: ArticleViewerProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const firstMark = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const doc = analysis.documents.find((item) => item.id === place.doc);
  const here = place.spans.filter((span) => span.doc === place.doc);
  const placeKey = `${place.doc}:${here.map((span) => `${span.start}-${span.end}`).join(',')}`;

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    if (firstMark.current) firstMark.current.scrollIntoView({ block: 'center' });
    else body.current?.scrollTo({ top: 0 });
  }, [placeKey]);

  // Escape closes the viewer wherever focus is, unless something else (an open select, say) took the key.
  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  const others = otherDocuments(place, analysis);
  return (
    <section id="article-viewer" class="viewer" aria-labelledby="article-viewer-title">
      <div class="viewer-head">
        <h2 id="article-viewer-title" tabIndex={-1} ref={heading}>
          {doc ? titleOf(doc) : 'Document not found'}
        </h2>
        <button type="button" class="close" onClick={onClose}>
          Close article
        </button>
      </div>
      <div class="viewer-body" ref={body}>
        {!doc ? (
          <p class="error">This case has no document with id {place.doc}; it may have been analysed again since the link was made.</p>
        ) : (
          <>
            <DocumentFacts doc={doc} analysis={analysis} />
            {here.length > 0 && <MarkStepper container={body} count={here.length} />}
            {others.length > 0 && (
              <div class="other-evidence">
                <p>The same evidence in other documents:</p>
                <ul>
                  {others.map((other) => (
                    <li key={other.doc.id}>
                      <button type="button" class="link-button" onClick={() => onOpen({ doc: other.doc.id, spans: place.spans })}>
                        {titleOf(other.doc)}
                      </button>{' '}
                      ({plural(other.count, 'span')})
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <ArticleText doc={doc} highlights={here} firstMark={firstMark} />
            <DocumentMessages analysis={analysis} doc={doc} onOpen={onOpen} />
          </>
        )}
      </div>
    </section>
  );
}

function otherDocuments(place: ViewerPlace, analysis: Analysis): { doc: AnalysisDocument; count: number }[] {
  const counts = new Map<string, number>();
  for (const span of place.spans) if (span.doc !== place.doc) counts.set(span.doc, (counts.get(span.doc) ?? 0) + 1);
  return [...counts].flatMap(([id, count]) => {
    const doc = analysis.documents.find((item) => item.id === id);
    return doc ? [{ doc, count }] : [];
  });
}

function DocumentFacts({ doc, analysis }: { doc: AnalysisDocument; analysis: Analysis }) {
  const dating = analysis.dating.find((item) => item.doc === doc.id);
  const bounds = dating?.earliest ? `no date given; written on or after ${dating.earliest}${dating.inferred ? ' (inferred from the text)' : ''}` : 'no date given';
  const story = analysis.stories.find((item) => item.documents.includes(doc.id));
  const facts: [string, string][] = [
    ['Outlet', doc.outlet ?? 'not given'],
    ['Published', doc.published ?? bounds],
    ['Source', doc.url ? doc.url : doc.source],
  ];
  if (story) facts.push(['Story', story.label]);
  if (doc.byline) facts.push(['Byline', doc.byline]);
  if (doc.removed.length > 0) facts.push(['Removed by cleaning', `${plural(doc.removed.length, 'passage')}, struck through below`]);
  return (
    <dl class="facts">
      {facts.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Previous and next highlight: the marks are found in the rendered text, in reading order. */
function MarkStepper({ container, count }: { container: { current: HTMLElement | null }; count: number }) {
  const step = (direction: 1 | -1) => {
    const marks = [...(container.current?.querySelectorAll('mark') ?? [])];
    if (marks.length === 0) return;
    const current = marks.findIndex((mark) => mark.classList.contains('current'));
    const next = current === -1 ? 0 : (current + direction + marks.length) % marks.length;
    marks.forEach((mark, index) => mark.classList.toggle('current', index === next));
    marks[next]!.scrollIntoView({ block: 'center' });
  };
  return (
    <p class="mark-stepper">
      {plural(count, 'highlighted span')}{' '}
      <button type="button" onClick={() => step(-1)}>
        Previous highlight
      </button>{' '}
      <button type="button" onClick={() => step(1)}>
        Next highlight
      </button>
    </p>
  );
}

function DocumentMessages({ analysis, doc, onOpen }: { analysis: Analysis; doc: AnalysisDocument; onOpen: (place: ViewerPlace) => void }) {
  const messages = analysis.messages.filter((message) => message.doc === doc.id);
  return (
    <section class="doc-messages" aria-labelledby="doc-messages-title">
      <h3 id="doc-messages-title">Messages about this document</h3>
      {messages.length === 0 ? (
        <p class="empty">No messages: nothing in this document needed a note.</p>
      ) : (
        <ul>
          {messages.map((message, index) => (
            <li key={index} class={`message ${message.severity}`}>
              <span class="severity">{message.severity}</span> {message.text} <span class="rule">[{message.rule}]</span>
              {message.start !== undefined && message.end !== undefined && (
                <>
                  {' '}
                  <button type="button" class="link-button" onClick={() => onOpen({ doc: doc.id, spans: [{ doc: doc.id, start: message.start!, end: Math.max(message.end!, message.start! + 1) }] })}>
                    show where
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
