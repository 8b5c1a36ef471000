/**
 * The UI's place, kept in the URL's hash so that every view (and an article open at its
 * evidence) is a link that can be shared, bookmarked and reloaded:
 *
 *   #/                                   the cases
 *   #/case/<id>                          a case
 *   #/case/<id>?section=claims           a case, scrolled to one of its sections
 *   #/case/<id>?doc=<doc>&span=<doc>:<start>-<end>&span=…   a case with an article open at its evidence
 *
 * Hash routing needs nothing from the server: it hands out one page, and any other path is a 404.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EvidenceSpan } from '../sections/types.ts';

export type Route =
  | { page: 'cases' }
  | { page: 'case'; caseId: string; section: string | null; viewer: ViewerPlace | null }
  | { page: 'missing'; hash: string };

/** The article open in the viewer and every evidence span to highlight (in this document or others). */
export interface ViewerPlace {
  doc: string;
  spans: EvidenceSpan[];
}

/** Evidence beyond this is left out of the link (a link stays usable; the first spans are the ones shown first). */
const MAX_SPANS_IN_LINK = 300;

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split(/\?(.*)/s, 2);
  if (path === '' || path === '/') return { page: 'cases' };
  const match = /^\/case\/([^/]+)$/.exec(path);
  if (!match) return { page: 'missing', hash };
  const params = new URLSearchParams(query);
  const doc = params.get('doc');
  const spans = params.getAll('span').flatMap((value) => {
    const parsed = /^(.*):(\d+)-(\d+)$/s.exec(value);
    if (!parsed) return [];
    const [, spanDoc = '', start = '0', end = '0'] = parsed;
    return Number(end) >= Number(start) ? [{ doc: spanDoc, start: Number(start), end: Number(end) }] : [];
  });
  return {
    page: 'case',
    caseId: decodeURIComponent(match[1]!),
    section: params.get('section'),
    viewer: doc === null ? null : { doc, spans },
  };
}

export function caseHref(caseId: string, options: { section?: string; viewer?: ViewerPlace } = {}): string {
  const params = new URLSearchParams();
  if (options.section) params.set('section', options.section);
  if (options.viewer) {
    params.set('doc', options.viewer.doc);
    for (const span of options.viewer.spans.slice(0, MAX_SPANS_IN_LINK)) params.append('span', `${span.doc}:${span.start}-${span.end}`);
  }
  const query = params.toString();
  return `#/case/${encodeURIComponent(caseId)}${query ? `?${query}` : ''}`;
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return parseRoute(hash);
}

export function navigate(href: string): void {
  if (location.hash !== href) location.hash = href;
}
