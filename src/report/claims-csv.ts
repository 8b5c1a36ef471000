/**
 * The claim × outlet table as CSV (RFC 4180), for a spreadsheet: one row per claim with its
 * status and independent sources, one column per outlet holding how many of that outlet's
 * articles carry the claim (empty when none). Cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @ or a tab) are prefixed with an apostrophe: article text is untrusted.
 */
import type { Analysis } from '../contract.js';
import { outletLabels } from './crosscheck.js';

/**
 * @example
 * await writeFile('claims.csv', claimsCsv(analysis));
 */
export function claimsCsv(analysis: Analysis): string {
  const outletOf = outletLabels(analysis);
  const outlets = [...new Set(analysis.documents.map((doc) => outletOf.get(doc.id)!))].sort();
  const storyLabels = new Map(analysis.stories.map((story) => [story.id, story.label]));
  const header = ['claim', 'story', 'status', 'independent sources', 'text', ...outlets];
  const rows = analysis.claims.map((claim) => {
    const articles = new Map<string, Set<string>>();
    for (const member of claim.members) {
      const outlet = outletOf.get(member.doc) ?? member.doc;
      articles.set(outlet, (articles.get(outlet) ?? new Set()).add(member.doc));
    }
    const story = claim.story === null ? '' : (storyLabels.get(claim.story) ?? claim.story);
    return [claim.id, story, claim.status, String(claim.independentSources), claim.text, ...outlets.map((outlet) => String(articles.get(outlet)?.size ?? ''))];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
