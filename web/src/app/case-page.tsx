/**
 * A case: its counts, a nav of the views, the panel that adds articles, every analysis view
 * (web/src/sections) and the documents, with the article viewer beside them when an item's
 * evidence is open. A view with nothing to show says so rather than disappearing.
 */
import { Component, type ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Analysis, type CaseInfo } from '../api.ts';
import { SECTIONS } from '../sections/index.ts';
import type { EvidenceSpan, SectionDefinition } from '../sections/types.ts';
import { AddArticles } from './add-articles.tsx';
import { ArticleViewer } from './article-viewer.tsx';
import { DocumentsSection } from './documents.tsx';
import { caseHref, navigate, type ViewerPlace } from './route.ts';
import { ErrorNote, formatWhen, plural } from './ui.tsx';

export interface CasePageProps {
  caseId: string;
  section: string | null;
  viewer: ViewerPlace | null;
}

/** The parts of the page the nav names, in page order: the shell's own two around the analysis views. */
const NAV = (sections: readonly SectionDefinition[]) => [{ id: 'add-articles', title: 'Add articles' }, ...sections, { id: 'documents', title: 'Documents' }];

export function CasePage({ caseId, section, viewer }: CasePageProps) {
  const [info, setInfo] = useState<CaseInfo | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  // What had focus when the viewer opened, to give it back when it closes.
  const opener = useRef<HTMLElement | null>(null);

  /** Asks for the case and its analysis; resolves once they are in the page's state. */
  const load = useCallback(
    () =>
      Promise.all([api.listCases(), api.analysis(caseId)]).then(
        ([cases, made]) => {
          const found = cases.find((item) => item.id === caseId) ?? null;
          setInfo(found);
          setMissing(found === null);
          setAnalysis(made);
          setError(null);
        },
        (failure: unknown) => {
          if (failure instanceof ApiError && (failure.code === 'CASE_NOT_FOUND' || failure.code === 'INVALID_CASE_ID')) setMissing(true);
          else setError(failure);
        },
      ),
    [caseId],
  );
  // The page is keyed by the case id, so `load` is made once.
  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (info) document.title = `${info.name} · crosscheck`;
  }, [info]);

  // A link to a section scrolls to it once the views are there.
  useEffect(() => {
    if (section && analysis) scrollToSection(section);
  }, [section, analysis !== null]);

  // Stable across renders, so that opening the viewer re-renders none of the views (a large case has tens of thousands of elements).
  const openViewer = useCallback(
    (place: ViewerPlace) => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && !active.closest('#article-viewer')) opener.current = active;
      navigate(caseHref(caseId, { viewer: place }));
    },
    [caseId],
  );
  const openEvidence = useCallback((spans: readonly EvidenceSpan[]) => {
    if (spans[0]) openViewer({ doc: spans[0].doc, spans: [...spans] });
  }, [openViewer]);
  const openDocument = useCallback((doc: string) => openViewer({ doc, spans: [] }), [openViewer]);
  const closeViewer = () => {
    navigate(caseHref(caseId));
    const back = opener.current;
    opener.current = null;
    // After the page has re-rendered without the viewer; an opener scrolled out of a list is gone.
    setTimeout(() => (back?.isConnected ? back : document.getElementById('case-title'))?.focus(), 0);
  };

  if (missing) {
    return (
      <div class="page">
        <h1>No such case</h1>
        <p>
          There is no case with id {caseId}: it may have been deleted. <a href="#/">See the cases</a>.
        </p>
      </div>
    );
  }

  return (
    <div class={viewer ? 'case-layout with-viewer' : 'case-layout'}>
      <div class="case-content">
        <header class="case-header">
          <p class="crumbs">
            <a href="#/">Cases</a> /
          </p>
          <h1 id="case-title" tabIndex={-1}>
            {info?.name ?? 'Case'}
          </h1>
          {analysis && <CaseCounts analysis={analysis} info={info} />}
          {analysis && analysis.documents.length > 0 && <Downloads caseId={caseId} name={info?.name ?? caseId} analysis={analysis} />}
        </header>
        {error !== null && <ErrorNote error={error} />}

        <nav class="section-nav" aria-label="Views of this case">
          <ul>
            {NAV(SECTIONS).map((item) => (
              <li key={item.id}>
                <a href={caseHref(caseId, { section: item.id, ...(viewer ? { viewer } : {}) })} onClick={(event) => jump(event, item.id)}>
                  {item.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <AddArticles caseId={caseId} onImported={load} />

        {analysis === null && error === null && (
          <p role="status" class="loading">
            Loading the analysis…
          </p>
        )}
        {analysis !== null && (
          <>
            {SECTIONS.map((definition) => (
              <AnalysisSection key={definition.id} definition={definition} analysis={analysis} openEvidence={openEvidence} />
            ))}
            <Unchanged deps={[analysis, openDocument]}>
              <DocumentsSection analysis={analysis} openDocument={openDocument} />
            </Unchanged>
          </>
        )}
      </div>
      {viewer && analysis && <ArticleViewer analysis={analysis} place={viewer} onOpen={(place) => navigate(caseHref(caseId, { viewer: place }))} onClose={closeViewer} />}
    </div>
  );
}

function CaseCounts({ analysis, info }: { analysis: Analysis; info: CaseInfo | null }) {
  const problems = analysis.messages.filter((message) => message.severity !== 'info').length;
  const counts = [
    plural(analysis.documents.length, 'document'),
    plural(analysis.stories.length, 'story', 'stories'),
    plural(analysis.claims.length, 'claim'),
    plural(analysis.quotes.length, 'quote'),
    plural(analysis.entities.length, 'entity', 'entities'),
    plural(problems, 'problem'),
  ];
  return (
    <p class="counts">
      {counts.join(' · ')}
      {info && (
        <>
          {' · updated '}
          <time dateTime={info.updated}>{formatWhen(info.updated)}</time>
        </>
      )}
    </p>
  );
}

/** The analysis and the report as files, for an analyst's own tools or to pass on. */
function Downloads({ caseId, name, analysis }: { caseId: string; name: string; analysis: Analysis }) {
  const [error, setError] = useState<unknown>(null);
  const base = name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'case';
  const save = async (file: string, made: () => Promise<Blob>) => {
    try {
      setError(null);
      const url = URL.createObjectURL(await made());
      const link = Object.assign(document.createElement('a'), { href: url, download: file });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div class="downloads">
      <span>Save:</span>
      <button type="button" onClick={() => void save(`${base}.report.html`, () => api.report(caseId, 'html'))}>
        Report (HTML)
      </button>
      <button type="button" onClick={() => void save(`${base}.report.md`, () => api.report(caseId, 'md'))}>
        Report (Markdown)
      </button>
      <button type="button" onClick={() => void save(`${base}.analysis.json`, async () => new Blob([JSON.stringify(analysis, null, 2)], { type: 'application/json' }))}>
        Analysis (JSON)
      </button>
      {error !== null && <ErrorNote error={error} />}
    </div>
  );
}

/** Moves to a part of the page even when the link is the one already in the address bar. */
function jump(event: MouseEvent, section: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  scrollToSection(section);
}

function scrollToSection(section: string): void {
  const element = document.getElementById(`section-${section}`);
  if (!element) return;
  element.scrollIntoView({ block: 'start' });
  const heading = element.querySelector<HTMLElement>('h2');
  heading?.setAttribute('tabindex', '-1');
  heading?.focus({ preventScroll: true });
}

interface AnalysisSectionProps {
  definition: SectionDefinition;
  analysis: Analysis;
  openEvidence: (spans: readonly EvidenceSpan[]) => void;
}

/** A view, rendered again only when the analysis changes. */
function AnalysisSection({ definition, analysis, openEvidence }: AnalysisSectionProps) {
  return (
    <Unchanged deps={[definition, analysis, openEvidence]}>
      <AnalysisSectionBody definition={definition} analysis={analysis} openEvidence={openEvidence} />
    </Unchanged>
  );
}

function AnalysisSectionBody({ definition, analysis, openEvidence }: AnalysisSectionProps) {
  const titleId = `section-${definition.id}-title`;
  return (
    <section id={`section-${definition.id}`} class="analysis-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{definition.title}</h2>
      {definition.isEmpty(analysis) ? (
        <p class="empty">{definition.emptyText}</p>
      ) : (
        <SectionBoundary title={definition.title}>
          <definition.render analysis={analysis} openEvidence={openEvidence} />
        </SectionBoundary>
      )}
    </section>
  );
}

/**
 * Renders its children again only when one of `deps` changes. Opening the article viewer
 * re-renders the case page; without this, every view of a large case would be diffed again.
 */
class Unchanged extends Component<{ deps: readonly unknown[]; children: ComponentChildren }> {
  override shouldComponentUpdate(next: { deps: readonly unknown[] }): boolean {
    return next.deps.length !== this.props.deps.length || next.deps.some((dep, index) => dep !== this.props.deps[index]);
  }

  override render() {
    return <>{this.props.children}</>;
  }
}

/** One view that fails to render says so; the rest of the page stays. */
class SectionBoundary extends Component<{ title: string; children: ComponentChildren }, { error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error !== null) {
      return (
        <p class="error" role="alert">
          The {this.props.title.toLowerCase()} view could not be shown: {this.state.error instanceof Error ? this.state.error.message : String(this.state.error)}
        </p>
      );
    }
    return <>{this.props.children}</>;
  }
}
