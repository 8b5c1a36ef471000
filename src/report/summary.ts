/** The few lines every format opens with, and the CLI prints after a run. */
import type { Analysis } from '../contract.js';

export interface ReportSummary {
  headline: string;
  lines: string[];
}

export function reportSummary(analysis: Analysis): ReportSummary {
  const count = (severity: string) => analysis.messages.filter((m) => m.severity === severity).length;
  const outlets = new Set(analysis.documents.map((doc) => doc.outlet).filter(Boolean));
  const removed = analysis.documents.reduce((sum, doc) => sum + doc.removed.length, 0);
  const sentences = analysis.documents.reduce((sum, doc) => sum + doc.sentences.length, 0);
  const speakers = new Set(analysis.quotes.map((q) => q.speaker.entity ?? q.speaker.name).filter(Boolean));
  const cited = analysis.provenance.reduce((sum, item) => sum + item.cites.length, 0);
  const corroborated = analysis.claims.filter((claim) => claim.status === 'corroborated').length;
  const loaded = analysis.framing.terms.filter((term) => term.loaded).length;
  const headline = `${analysis.documents.length} document(s) from ${outlets.size} named outlet(s)`;
  const lines = [
    `${analysis.documents.length} document(s), ${sentences} sentence(s), ${removed} removed span(s) of debris`,
    `${analysis.entities.length} entit(ies), ${analysis.quotes.length} quote(s) from ${speakers.size} speaker(s)`,
    `${analysis.stories.length} stor(ies), ${analysis.copies.length} pair(s) of copies, ${cited} cited source(s)`,
    `${analysis.statements.length} statement(s), ${analysis.claims.length} claim(s) (${corroborated} corroborated), ${analysis.brief.length} brief sentence(s)`,
    `${analysis.timeline.length} dated event(s), ${analysis.relations.length} relation(s) between actors, ${loaded} loaded term(s)`,
    `${count('error')} error(s), ${count('warning')} warning(s)`,
  ];
  return { headline, lines };
}
