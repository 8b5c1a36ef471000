/**
 * Scores names on CoNLL-2003 validation (eng.testa): conlleval-style exact span micro F1 over
 * PER / ORG / LOC / MISC, per-type scores, and the tagging speed on one core (tagging alone:
 * features, scoring and decoding, after the model is loaded).
 *
 * Two modes, side by side:
 * - tagger: the shipped tagger alone, on the gold tokens;
 * - pipeline: every document through `analyze()` as a user runs it (a text input, one sentence
 *   a line, tokens joined by spaces), each name mention mapped back to the tokens it covers and
 *   its own type mapped to CoNLL's four (GPE and LOC are LOC; NORP, EVENT and MISC are MISC).
 *   Role phrases and pronouns are not names and are not scored. A type confusion table shows
 *   where the pipeline's types part from the gold ones.
 *
 *   npm run eval:ner                       # both
 *   npm run eval:ner -- --mode tagger      # or --mode pipeline
 */
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze.js';
import type { Analysis, EntityType } from '../src/contract.js';
import type { TokenSpan } from '../src/ner/labels.js';
import { defaultModel, tagDocument } from '../src/ner/tagger.js';
import { goldSpans, readConll, scoreSpans, type LabelledDocument, type SpanScores } from '../src/ner/training/conll.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const validPath = `${root}../shared/data/conll2003/valid.txt`;
const types = ['PER', 'ORG', 'LOC', 'MISC'];
const modeAt = process.argv.indexOf('--mode');
const mode = modeAt > 0 ? process.argv[modeAt + 1] : 'both';
if (mode !== 'both' && mode !== 'tagger' && mode !== 'pipeline') throw new Error(`--mode is tagger, pipeline or both, not ${mode}`);

/** Our types in CoNLL's four: the mapping the tagger's own LOC and MISC are split by in stage 03, undone. */
const CONLL_TYPE: Record<EntityType, string> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', NORP: 'MISC', EVENT: 'MISC', MISC: 'MISC' };

const pct = (x: number) => (x * 100).toFixed(2).padStart(6);
const docs = readConll(validPath);
const sentences = docs.map((doc) => doc.sentences.map((s) => s.forms));
const tokens = sentences.flat(2).length;
const gold = docs.flatMap(goldSpans);
console.log(`CoNLL-2003 validation (eng.testa): ${docs.length} documents, ${tokens} tokens`);

function printScores(title: string, scores: SpanScores, boundaries: SpanScores): void {
  console.log(`\n${title}`);
  console.log('type   precision  recall      F1   gold  predicted');
  for (const s of [...scores.byType, scores.overall]) {
    console.log(`${(s.type === '*' ? 'ALL' : s.type).padEnd(5)}  ${pct(s.precision)}    ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.gold).padStart(5)}  ${String(s.predicted).padStart(9)}`);
  }
  console.log(`F1 ${pct(scores.overall.f1).trim()} (typed); ${pct(boundaries.overall.f1).trim()} (boundaries only)`);
}

/** The same spans with one type, so that only boundaries are scored. */
const untyped = (spans: readonly TokenSpan[][]) => spans.map((list) => list.map((span) => ({ ...span, type: 'NAME' })));

if (mode !== 'pipeline') {
  const loadStart = performance.now();
  const model = defaultModel();
  const loadMs = performance.now() - loadStart;
  const predicted = sentences.flatMap((doc) => tagDocument(model, doc));
  printScores('tagger alone (gold tokens)', scoreSpans(gold, predicted, types), scoreSpans(untyped(gold), untyped(predicted), ['NAME']));

  // Speed: the best of several full passes, in CPU time of this (single-threaded) process, so
  // that other work on the machine does not count against the tagger; wall time is shown too.
  let bestMs = Infinity;
  let bestWallMs = Infinity;
  for (let round = 0; round < 5; round++) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    for (const doc of sentences) tagDocument(model, doc);
    const used = process.cpuUsage(cpu);
    bestMs = Math.min(bestMs, (used.user + used.system) / 1000);
    bestWallMs = Math.min(bestWallMs, performance.now() - wall);
  }
  console.log(`speed ${Math.round(tokens / (bestMs / 1000)).toLocaleString('en-US')} tokens/s on one core (CPU time; wall clock ${Math.round(tokens / (bestWallMs / 1000)).toLocaleString('en-US')} tokens/s; best of 5 passes; model load ${Math.round(loadMs)} ms)`);
}

if (mode !== 'tagger') {
  const texts = sentences.map((doc) => doc.map((forms) => forms.join(' ')).join('\n'));
  const started = performance.now();
  const analysis = await analyze(texts.map((content, d) => ({ content, source: `conll-${String(d).padStart(3, '0')}.txt`, format: 'txt' as const })));
  const seconds = (performance.now() - started) / 1000;
  const { predicted, fineTypes } = pipelineSpans(analysis, docs, texts);
  printScores('pipeline (analyze(), one text input per document)', scoreSpans(gold, predicted, types), scoreSpans(untyped(gold), untyped(predicted), ['NAME']));
  console.log(`analyze() took ${seconds.toFixed(1)} s wall clock for ${docs.length} documents`);
  printConfusion(gold, fineTypes);
}

/**
 * The name mentions of every document as token spans per sentence (CoNLL types), and the same
 * spans with our own types for the confusion table. A mention inside one token (a part of
 * "Greek-Cypriot") covers that token.
 */
function pipelineSpans(analysis: Analysis, labelled: readonly LabelledDocument[], texts: readonly string[]) {
  const docIndex = new Map(analysis.documents.map((doc) => [doc.id, Number(/conll-(\d+)/.exec(doc.source)![1])]));
  for (const doc of analysis.documents) if (doc.text !== texts[docIndex.get(doc.id)!]) throw new Error(`${doc.source}: the analysis holds another text than was given`);
  // Token offsets per document, and where each token sits (sentence, index in it).
  const located = labelled.map((doc, d) => {
    const starts: number[] = [];
    const ends: number[] = [];
    const place: [number, number][] = [];
    let offset = 0;
    doc.sentences.forEach((sentence, s) => {
      sentence.forms.forEach((form, t) => {
        starts.push(offset);
        ends.push(offset + form.length);
        place.push([s, t]);
        offset += form.length + 1;
      });
    });
    if (offset - 1 !== texts[d]!.length) throw new Error(`token offsets of document ${d} do not add up`);
    return { starts, ends, place };
  });
  const firstSentence: number[] = [];
  labelled.reduce((sum, doc, d) => ((firstSentence[d] = sum), sum + doc.sentences.length), 0);
  const total = labelled.reduce((sum, doc) => sum + doc.sentences.length, 0);
  const predicted: TokenSpan[][] = Array.from({ length: total }, () => []);
  const fineTypes: TokenSpan[][] = Array.from({ length: total }, () => []);
  const seen = new Set<string>();
  for (const entity of analysis.entities) {
    for (const mention of entity.mentions) {
      if (mention.kind === 'role' || mention.kind === 'pronoun') continue;
      const d = docIndex.get(mention.doc)!;
      const { starts, ends, place } = located[d]!;
      const first = lastAtOrBefore(starts, mention.start);
      const last = lastAtOrBefore(starts, mention.end - 1);
      if (first < 0 || ends[last]! < mention.end || place[first]![0] !== place[last]![0]) continue;
      const [s, start] = place[first]!;
      const end = place[last]![1] + 1;
      const type = mention.type ?? entity.type;
      const key = `${d}:${s}:${start}:${end}:${type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      predicted[firstSentence[d]! + s]!.push({ start, end, type: CONLL_TYPE[type] });
      fineTypes[firstSentence[d]! + s]!.push({ start, end, type });
    }
  }
  return { predicted, fineTypes };
}

/** The index of the last value <= x in an ascending list, or -1. */
function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Gold type (rows) against the pipeline's own type of a mention with the same boundaries (columns). */
function printConfusion(goldSpansBySentence: readonly TokenSpan[][], predictedBySentence: readonly TokenSpan[][]): void {
  const columns = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'MISC', 'missed'];
  const rows = new Map<string, Map<string, number>>();
  const spurious = new Map<string, number>();
  goldSpansBySentence.forEach((goldList, s) => {
    const predictedList = predictedBySentence[s] ?? [];
    for (const span of goldList) {
      const row = rows.get(span.type) ?? new Map<string, number>();
      rows.set(span.type, row);
      const match = predictedList.filter((p) => p.start === span.start && p.end === span.end);
      const column = match.length === 0 ? 'missed' : match[0]!.type;
      row.set(column, (row.get(column) ?? 0) + 1);
    }
    for (const span of predictedList) {
      if (!goldList.some((g) => g.start === span.start && g.end === span.end)) spurious.set(span.type, (spurious.get(span.type) ?? 0) + 1);
    }
  });
  console.log('\ntype confusion, pipeline: gold (rows) by our type of the mention with the same boundaries (columns)');
  console.log(['gold'.padEnd(8), ...columns.map((c) => c.padStart(7))].join(''));
  for (const type of types) console.log([type.padEnd(8), ...columns.map((c) => String(rows.get(type)?.get(c) ?? 0).padStart(7))].join(''));
  console.log(['no gold'.padEnd(8), ...columns.map((c) => String(c === 'missed' ? '' : (spurious.get(c) ?? 0)).padStart(7))].join(''));
}
