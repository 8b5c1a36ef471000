/**
 * A hand-made analysis for the report's timeline, network and framing views: two invented
 * articles about an invented border incident, with every view filled and every span found by the
 * words it covers, so a test reads like the story. `emptyAnalysis` is the same corpus with the
 * views empty.
 */
import type { Analysis, AnalysisDocument } from '../../src/contract.js';
import type { DocSpan } from '../../src/document.js';
import { analysisDocument, blankAnalysis } from './analysis.js';

const LEDGER = [
  'Velmora accuses Ostrin over border raid',
  '',
  'Velmora accused Ostrin on Monday of shelling the border post at Kerrin. Ostrin troops crossed the river on 9 March 2024, officials said.',
  '',
  'Interior Minister Ada Lind called the raid “an act of terrorists” and said Velmora would not back down. The Ostrin regime denied any attack.',
].join('\n');

const COURIER = [
  'Border tension rises after river crossing',
  '',
  'Ostrin forces crossed the river on Saturday (9/3/2024), the Velmora ministry said. Lind met the mediator Piet Varga in Tarsk last year, and Varga may now visit Ostrin.',
  '',
  "Critics of Ostrin's government call it an occupation state.",
].join('\n');

function document(id: string, text: string, outlet: string, published: string | null): AnalysisDocument {
  const title = text.slice(0, text.indexOf('\n'));
  return analysisDocument(id, text, { title, titleSpan: { start: 0, end: title.length }, outlet, published, language: 'en' });
}

/** The span of the `nth` occurrence (from 0) of `words` in document `doc`. */
export function spanOf(analysis: Analysis, doc: string, words: string, nth = 0): DocSpan {
  const text = analysis.documents.find((document) => document.id === doc)!.text;
  let start = -1;
  for (let seen = 0; seen <= nth; seen++) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" is not in ${doc}`);
  return { doc, start, end: start + words.length };
}

export function emptyAnalysis(): Analysis {
  const analysis = blankAnalysis([document('ledger', LEDGER, 'Harbour Ledger', '2024-03-11'), document('courier', COURIER, 'Coast Courier', null)]);
  const entity = (id: string, name: string, type: Analysis['entities'][number]['type'], mentions: DocSpan[]) => {
    const mentionCounts: Record<string, number> = {};
    for (const mention of mentions) mentionCounts[mention.doc] = (mentionCounts[mention.doc] ?? 0) + 1;
    analysis.entities.push({ id, name, type, aliases: [], mentions, mentionCounts, facts: [] });
  };
  const at = (doc: string, words: string, nth = 0) => spanOf(analysis, doc, words, nth);
  entity('gpe-velmora', 'Velmora', 'GPE', [at('ledger', 'Velmora', 1), at('ledger', 'Velmora', 2), at('courier', 'Velmora')]);
  entity('gpe-ostrin', 'Ostrin', 'GPE', [at('ledger', 'Ostrin', 1), at('ledger', 'Ostrin', 2), at('ledger', 'Ostrin', 3), at('courier', 'Ostrin'), at('courier', 'Ostrin', 1), at('courier', 'Ostrin', 2)]);
  entity('person-ada-lind', 'Ada Lind', 'PERSON', [at('ledger', 'Ada Lind'), at('courier', 'Lind')]);
  entity('person-piet-varga', 'Piet Varga', 'PERSON', [at('courier', 'Piet Varga'), at('courier', 'Varga', 1)]);
  const speaker = at('ledger', 'Interior Minister Ada Lind');
  analysis.quotes.push({
    id: 'ledger/q1',
    doc: 'ledger',
    kind: 'partial',
    attributionKind: 'speech',
    content: at('ledger', 'an act of terrorists'),
    cue: at('ledger', 'called'),
    speaker: { name: 'Ada Lind', entity: 'person-ada-lind', role: 'Interior Minister', mention: { start: speaker.start, end: speaker.end }, affiliation: null },
    channel: null,
    via: null,
    continues: null,
    negated: false,
  });
  return analysis;
}

/** The corpus with its timeline, dating, relations and framing filled as a careful reader would. */
export function viewsAnalysis(): Analysis {
  const analysis = emptyAnalysis();
  const at = (doc: string, words: string, nth = 0) => spanOf(analysis, doc, words, nth);
  const dateMention = (span: DocSpan, fields: Partial<Analysis['timeline'][number]['dates'][number]>) => ({
    ...span,
    text: analysis.documents.find((doc) => doc.id === span.doc)!.text.slice(span.start, span.end),
    date: '2024-03-09',
    until: null,
    precision: 'day' as const,
    anchor: 'absolute' as const,
    inferred: false,
    quote: null,
    ...fields,
  });
  analysis.timeline.push(
    {
      id: 'timeline-2',
      story: null,
      date: '2023',
      until: null,
      precision: 'year',
      inferred: true,
      text: 'Lind met the mediator Piet Varga in Tarsk',
      actors: ['person-ada-lind', 'person-piet-varga'],
      documents: ['courier'],
      dates: [dateMention(at('courier', 'last year'), { date: '2023', precision: 'year', anchor: 'content', inferred: true })],
      evidence: [at('courier', 'Lind met the mediator Piet Varga in Tarsk last year')],
    },
    {
      id: 'timeline-3',
      story: null,
      date: '2024-03-04',
      until: null,
      precision: 'day',
      inferred: false,
      text: 'Velmora accused Ostrin of shelling the border post at Kerrin',
      actors: ['gpe-velmora', 'gpe-ostrin'],
      documents: ['ledger'],
      dates: [dateMention(at('ledger', 'on Monday'), { date: '2024-03-04', anchor: 'published' })],
      evidence: [at('ledger', 'Velmora accused Ostrin on Monday of shelling the border post at Kerrin')],
    },
    {
      id: 'timeline-1',
      story: null,
      date: '2024-03-09',
      until: null,
      precision: 'day',
      inferred: false,
      text: 'Ostrin troops crossed the river',
      actors: ['gpe-ostrin'],
      documents: ['ledger', 'courier'],
      dates: [dateMention(at('ledger', '9 March 2024'), {}), dateMention(at('courier', 'Saturday (9/3/2024)'), {})],
      evidence: [at('ledger', 'Ostrin troops crossed the river on 9 March 2024'), at('courier', 'Ostrin forces crossed the river on Saturday (9/3/2024)')],
    },
  );
  analysis.dating.push(
    { doc: 'ledger', published: '2024-03-11', earliest: null, latest: null, inferred: false, evidence: [] },
    { doc: 'courier', published: null, earliest: '2024-03-09', latest: null, inferred: true, evidence: [at('courier', 'Saturday (9/3/2024)')] },
  );
  const relation = (fields: Pick<Analysis['relations'][number], 'id' | 'subject' | 'relation' | 'object' | 'cameo' | 'cameoRoot' | 'text' | 'evidence' | 'voices'> & Partial<Analysis['relations'][number]>) => ({
    story: null,
    negated: false,
    hedged: false,
    date: null,
    documents: [...new Set(fields.evidence.map((span) => span.doc))],
    ...fields,
  });
  analysis.relations.push(
    relation({
      id: 'relation-accuses',
      subject: 'gpe-velmora',
      relation: 'accuses',
      object: 'gpe-ostrin',
      cameo: '112',
      cameoRoot: '11',
      text: 'Velmora accused Ostrin on Monday of shelling the border post at Kerrin.',
      evidence: [at('ledger', 'Velmora accused Ostrin on Monday of shelling the border post at Kerrin.')],
      voices: [{ doc: 'ledger', kind: 'outlet', quote: null, speaker: null }],
    }),
    relation({
      id: 'relation-attacks',
      subject: 'gpe-ostrin',
      relation: 'attacks',
      object: 'gpe-velmora',
      cameo: '190',
      cameoRoot: '19',
      negated: true,
      text: 'The Ostrin regime denied any attack.',
      evidence: [at('ledger', 'The Ostrin regime denied any attack.')],
      voices: [{ doc: 'ledger', kind: 'outlet', quote: null, speaker: null }],
    }),
    relation({
      id: 'relation-meets',
      subject: 'person-ada-lind',
      relation: 'meets',
      object: 'person-piet-varga',
      cameo: '040',
      cameoRoot: '04',
      date: '2023',
      text: 'Lind met the mediator Piet Varga in Tarsk last year',
      evidence: [at('courier', 'Lind met the mediator Piet Varga in Tarsk last year')],
      voices: [{ doc: 'courier', kind: 'outlet', quote: null, speaker: null }],
    }),
    relation({
      id: 'relation-visits',
      subject: 'person-piet-varga',
      relation: 'visits',
      object: 'gpe-ostrin',
      cameo: '042',
      cameoRoot: '04',
      hedged: true,
      text: 'Varga may now visit Ostrin',
      evidence: [at('courier', 'Varga may now visit Ostrin')],
      voices: [{ doc: 'courier', kind: 'outlet', quote: null, speaker: null }],
    }),
    relation({
      id: 'relation-opposes',
      subject: 'person-ada-lind',
      relation: 'opposes',
      object: 'gpe-ostrin',
      cameo: '110',
      cameoRoot: '11',
      text: 'an act of terrorists',
      evidence: [at('ledger', 'an act of terrorists')],
      voices: [{ doc: 'ledger', kind: 'speaker', quote: 'ledger/q1', speaker: 'person-ada-lind' }],
    }),
    relation({
      id: 'relation-deploys',
      subject: 'gpe-ostrin',
      relation: 'deploys',
      object: null,
      cameo: '150',
      cameoRoot: '15',
      text: 'Ostrin forces crossed the river',
      evidence: [at('courier', 'Ostrin forces crossed the river')],
      voices: [{ doc: 'courier', kind: 'outlet', quote: null, speaker: null }],
    }),
  );
  const term = (span: DocSpan, fields: Partial<Analysis['framing']['terms'][number]>) => ({
    ...span,
    term: analysis.documents.find((doc) => doc.id === span.doc)!.text.slice(span.start, span.end),
    entry: '',
    loaded: true,
    category: 'delegitimising',
    target: 'gpe-ostrin',
    voice: 'outlet' as const,
    quote: null,
    speaker: null,
    ...fields,
  });
  analysis.framing.terms.push(
    term(at('ledger', 'terrorists'), { entry: 'terrorists', voice: 'speaker', quote: 'ledger/q1', speaker: 'person-ada-lind' }),
    term(at('ledger', 'regime'), { entry: 'regime' }),
    term(at('courier', 'occupation state'), { entry: 'occupation state' }),
    term(at('courier', 'forces'), { entry: 'forces', loaded: false, category: 'neutral' }),
  );
  analysis.framing.labels.push(
    { entity: 'gpe-ostrin', outlet: 'Harbour Ledger', label: 'the Ostrin regime', count: 1, evidence: [at('ledger', 'The Ostrin regime')] },
    { entity: 'gpe-ostrin', outlet: 'Coast Courier', label: "Ostrin's government", count: 1, evidence: [at('courier', "Ostrin's government")] },
    { entity: 'person-ada-lind', outlet: 'Harbour Ledger', label: 'Interior Minister', count: 1, evidence: [at('ledger', 'Interior Minister')] },
  );
  analysis.framing.outlets.push(
    {
      outlet: 'Harbour Ledger',
      documents: ['ledger'],
      sentences: 5,
      attributedShare: 0.5,
      ownVoiceShare: 0.5,
      hedgingRate: 0,
      opinionShare: 0.2,
      quoted: [{ entity: 'person-ada-lind', name: 'Ada Lind', quotes: 1, share: 1 }],
      tone: [{ entity: 'gpe-ostrin', score: -0.5, positive: 0, negative: 1, evidence: [at('ledger', 'The Ostrin regime denied any attack.')] }],
    },
    {
      outlet: 'Coast Courier',
      documents: ['courier'],
      sentences: 4,
      attributedShare: 0.25,
      ownVoiceShare: 0.75,
      hedgingRate: 0.25,
      opinionShare: 0.25,
      quoted: [],
      tone: [],
    },
  );
  return analysis;
}
