/** One entry for every output format of an analysis. */
import type { Analysis } from '../contract.js';
import { networkGraphml, networkJson } from './graph.js';
import { renderHtmlReport } from './html.js';
import { renderMarkdownReport } from './markdown.js';

export type ReportFormat = 'json' | 'html' | 'md' | 'graphml' | 'network-json';

/**
 * Renders an analysis as JSON (the contract itself), a self-contained HTML page or Markdown, or
 * exports its actor network (entities linked by relations) as GraphML or as a JSON graph.
 *
 * @example
 * await writeFile('report.html', renderReport(analysis, 'html'));
 */
export function renderReport(analysis: Analysis, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(analysis, null, 2)}\n`;
    case 'html':
      return renderHtmlReport(analysis);
    case 'md':
      return renderMarkdownReport(analysis);
    case 'graphml':
      return networkGraphml(analysis);
    case 'network-json':
      return networkJson(analysis);
  }
}
