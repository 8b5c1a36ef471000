/**
 * Invariants every analysis must keep, checked on every fixture: spans in range and ordered,
 * each span's text equal to the slice it names, nothing extracted inside removed debris.
 */
import assert from 'node:assert/strict';
import { AnalysisSchema, type Analysis } from '../../src/contract.js';

interface Span {
  start: number;
  end: number;
}

export function assertAnalysisInvariants(analysis: Analysis): void {
  const parsed = AnalysisSchema.safeParse(analysis);
  assert.ok(parsed.success, parsed.success ? '' : `analysis does not validate: ${JSON.stringify(parsed.error.issues.slice(0, 5))}`);

  const docs = new Map(analysis.documents.map((doc) => [doc.id, doc]));
  assert.equal(docs.size, analysis.documents.length, 'document ids are unique');

  for (const doc of analysis.documents) {
    const inRange = (span: Span, what: string) => {
      assert.ok(span.start >= 0 && span.start <= span.end && span.end <= doc.text.length, `${doc.id}: ${what} ${span.start}-${span.end} is out of range (${doc.text.length})`);
    };
    assertOrderedDisjoint(doc.removed, `${doc.id} removed`);
    assertOrderedDisjoint(doc.sentences, `${doc.id} sentences`);
    assertOrderedDisjoint(doc.paragraphs, `${doc.id} paragraphs`);
    for (const span of [...doc.removed, ...doc.sentences, ...doc.paragraphs]) inRange(span, 'span');
    if (doc.titleSpan) {
      inRange(doc.titleSpan, 'title');
      assert.equal(doc.text.slice(doc.titleSpan.start, doc.titleSpan.end).trim(), doc.title?.trim(), `${doc.id}: title equals its span`);
    }
    for (const sentence of doc.sentences) {
      assert.ok(!insideRemoved(doc.removed, sentence), `${doc.id}: sentence ${sentence.start}-${sentence.end} overlaps removed debris`);
      assert.notEqual(doc.text.slice(sentence.start, sentence.end).trim(), '', `${doc.id}: sentence ${sentence.start}-${sentence.end} is blank`);
    }
  }

  const evidence: { doc: string; span: Span; what: string }[] = [];
  for (const entity of analysis.entities) for (const m of entity.mentions) evidence.push({ doc: m.doc, span: m, what: `mention of ${entity.id}` });
  for (const quote of analysis.quotes) {
    evidence.push({ doc: quote.doc, span: quote.content, what: `content of ${quote.id}` });
    if (quote.cue) evidence.push({ doc: quote.doc, span: quote.cue, what: `cue of ${quote.id}` });
    if (quote.speaker.mention) evidence.push({ doc: quote.doc, span: quote.speaker.mention, what: `speaker of ${quote.id}` });
  }
  for (const item of [...analysis.timeline, ...analysis.framing, ...analysis.relations]) evidence.push({ doc: item.evidence.doc, span: item.evidence, what: `evidence of ${item.id}` });
  for (const claim of analysis.claims) {
    for (const member of claim.members) {
      evidence.push({ doc: member.doc, span: member, what: `member of ${claim.id}` });
      for (const hedge of member.hedges) evidence.push({ doc: hedge.doc, span: hedge, what: `hedge of ${claim.id}` });
    }
  }
  for (const record of analysis.provenance) for (const cited of record.cites) evidence.push({ doc: record.doc, span: cited, what: `citation of ${cited.name}` });
  for (const copy of analysis.copies) {
    for (const passage of copy.passages) {
      evidence.push({ doc: copy.docs[0], span: passage.a, what: `copied passage of ${copy.docs[1]}` });
      evidence.push({ doc: copy.docs[1], span: passage.b, what: `copied passage of ${copy.docs[0]}` });
    }
  }
  for (const sentence of analysis.brief) for (const e of sentence.evidence) evidence.push({ doc: e.doc, span: e, what: 'brief evidence' });

  for (const { doc: id, span, what } of evidence) {
    const doc = docs.get(id);
    assert.ok(doc, `${what} names unknown document ${id}`);
    assert.ok(span.start >= 0 && span.start < span.end && span.end <= doc.text.length, `${what}: span ${span.start}-${span.end} out of range in ${id}`);
    assert.ok(!insideRemoved(doc.removed, span), `${what}: span ${span.start}-${span.end} lies in removed debris of ${id}`);
  }
}

function assertOrderedDisjoint(spans: readonly Span[], what: string): void {
  for (let index = 1; index < spans.length; index += 1) {
    assert.ok(spans[index - 1]!.end <= spans[index]!.start, `${what}: spans ${index - 1} and ${index} overlap or are out of order`);
  }
}

function insideRemoved(removed: readonly Span[], span: Span): boolean {
  return removed.some((r) => span.start < r.end && r.start < span.end);
}
