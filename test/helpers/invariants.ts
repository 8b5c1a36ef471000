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
  for (const item of [...analysis.timeline, ...analysis.relations]) for (const span of item.evidence) evidence.push({ doc: span.doc, span, what: `evidence of ${item.id}` });
  for (const item of analysis.timeline) for (const date of item.dates) evidence.push({ doc: date.doc, span: date, what: `date "${date.text}" of ${item.id}` });
  for (const record of analysis.dating) for (const span of record.evidence) evidence.push({ doc: span.doc, span, what: `dating of ${record.doc}` });
  for (const term of analysis.framing.terms) evidence.push({ doc: term.doc, span: term, what: `framing term "${term.term}"` });
  for (const label of analysis.framing.labels) for (const span of label.evidence) evidence.push({ doc: span.doc, span, what: `label "${label.label}" of ${label.entity}` });
  for (const outlet of analysis.framing.outlets) for (const tone of outlet.tone) for (const span of tone.evidence) evidence.push({ doc: span.doc, span, what: `tone of ${outlet.outlet} toward ${tone.entity}` });
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
  assertEverySpanSlicesItsText(analysis);
}

/**
 * Walks the whole analysis, so sections added later are covered without listing them: every
 * object with numeric `start` and `end` is a span of the document named by the nearest `doc`
 * above it (a document's own spans belong to that document; a copy's passages `a` and `b` to its
 * two `docs`). Each must lie in range and cut the text between whole characters, never inside a
 * surrogate pair; a span shown with its own words (a channel, a relaying outlet) must slice to
 * exactly those words.
 */
export function assertEverySpanSlicesItsText(analysis: Analysis): void {
  const texts = new Map(analysis.documents.map((doc) => [doc.id, doc.text]));
  const check = (value: unknown, doc: string | null, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => check(item, doc, `${path}[${index}]`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const object = value as Record<string, unknown>;
    const owner = typeof object.doc === 'string' ? object.doc : doc;
    if (typeof object.start === 'number' && typeof object.end === 'number') {
      assert.ok(owner !== null, `${path}: span ${object.start}-${object.end} names no document`);
      const text = texts.get(owner);
      assert.ok(text !== undefined, `${path}: span names unknown document ${owner}`);
      const { start, end } = object as unknown as Span;
      assert.ok(start >= 0 && start <= end && end <= text.length, `${path}: span ${start}-${end} is out of range in ${owner} (${text.length})`);
      assert.ok(!splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, end), `${path}: span ${start}-${end} cuts a character of ${owner} in half`);
    }
    for (const [key, spoken] of [['span', 'text'], ['span', 'name']] as const) {
      const span = object[key] as Span | undefined;
      if (span && typeof object[spoken] === 'string' && owner !== null) {
        assert.equal(texts.get(owner)?.slice(span.start, span.end), object[spoken], `${path}.${spoken} equals the text its span names`);
      }
    }
    const pair = Array.isArray(object.docs) && object.docs.length === 2 ? (object.docs as string[]) : null;
    for (const [key, item] of Object.entries(object)) {
      if (pair && key === 'passages' && Array.isArray(item)) {
        item.forEach((passage: { a?: unknown; b?: unknown }, index) => {
          check(passage.a, pair[0]!, `${path}.passages[${index}].a`);
          check(passage.b, pair[1]!, `${path}.passages[${index}].b`);
        });
      } else {
        check(item, owner, `${path}.${key}`);
      }
    }
  };
  for (const [index, document] of analysis.documents.entries()) {
    const { text: _text, ...spans } = document;
    check(spans, document.id, `documents[${index}]`);
  }
  const { documents: _documents, ...rest } = analysis;
  check(rest, null, '');
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function assertOrderedDisjoint(spans: readonly Span[], what: string): void {
  for (let index = 1; index < spans.length; index += 1) {
    assert.ok(spans[index - 1]!.end <= spans[index]!.start, `${what}: spans ${index - 1} and ${index} overlap or are out of order`);
  }
}

function insideRemoved(removed: readonly Span[], span: Span): boolean {
  return removed.some((r) => span.start < r.end && r.start < span.end);
}
