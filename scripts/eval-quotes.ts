/**
 * Scores the attribution stage on PolNeAR dev:
 *   npm run eval:quotes
 * 1. CofeNet's sentence-level BIO file, exact span match per role (source, cue, content), the
 *    protocol of Wang et al. (COLING 2022), with units per second on one core (its "sentences"
 *    are often whole paragraphs: 44 tokens on average).
 * 2. Whole documents through clean → segment → mentions → quotes, scored by overlap: a gold
 *    attribution is found when a predicted quote's content overlaps its content; for found ones,
 *    whether the speaker mention and the cue overlap the gold ones too.
 * 3. The product path: each unit of (1) as one record through `analyze()` with default options,
 *    scored as (1) with quotation marks and punctuation at span edges ignored, beside the model
 *    alone on the same units (the neural tagger for `accurate`, the default; the linear labeller
 *    for `fast`).
 * 4. Whole documents through `analyze()` with default options, lenient: a predicted content
 *    matches a gold one when each covers at least half of the other's characters (one to one);
 *    on matched ones, whether the speaker mention is right; recall split by the gold cue
 *    (speech verbs against beliefs, evidence, accusations and other cues).
 */
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze.js';
import type { Quote } from '../src/contract.js';
import { emptyMeta, overlaps, type Doc, type Span } from '../src/document.js';
import { normalizeToken, sentenceRanges } from '../src/quotes/features.js';
import { loadLabeller } from '../src/quotes/labeller.js';
import type { Tag } from '../src/quotes/perceptron.js';
import { chunksOf, readBioFile, readPolnearDocs, type PolnearAttribution } from '../src/quotes/polnear.js';
import { ROLES, scoreBio } from '../src/quotes/score.js';
import { cleanStage } from '../src/stages/01-clean/index.js';
import { segmentStage } from '../src/stages/02-segment/index.js';
import { mentionsStage } from '../src/stages/03-mentions/index.js';
import { quotesOptions, quotesStage } from '../src/stages/04-quotes/index.js';
import { loadNeuralTagger } from '../src/quotes/neural.js';
import { preparePipeline, runPipeline } from '../src/pipeline.js';

/** `--attribution fast|accurate` picks the tagger of the product paths (parts 2-4); the default is the stage's (accurate). */
const attributionAt = process.argv.indexOf('--attribution');
const attribution = attributionAt > 0 ? (process.argv[attributionAt + 1] as 'fast' | 'accurate') : undefined;
const quoteOptions = { attributions: 'all' as const, ...(attribution ? { attribution } : {}) };
const data = (path: string): string => fileURLToPath(new URL(`../../shared/data/polnear/${path}`, import.meta.url));
const model = loadLabeller();

// 1. Sentence level, exact match.
const bio = readBioFile(data('cofenet-bio/valid.jsonl'));
for (const sentence of bio.slice(0, 300)) model.tag(sentence.tokens); // warm-up, untimed
/** Seconds of the fastest of three runs: on a shared machine the slower ones measure the neighbours. */
function fastestSeconds(run: () => void): number {
  let seconds = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = process.hrtime.bigint();
    run();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return seconds;
}
let predicted: Tag[][] = [];
const seconds = fastestSeconds(() => {
  predicted = bio.map((sentence) => model.tag(sentence.tokens));
});
const scores = scoreBio(
  bio.map((sentence) => sentence.labels),
  predicted,
);
const tokens = bio.reduce((sum, sentence) => sum + sentence.tokens.length, 0);
console.log(`PolNeAR dev, CofeNet BIO file: ${bio.length} sentences, ${tokens} tokens, exact span match`);
for (const role of ROLES) {
  const s = scores[role];
  console.log(`  ${role.padEnd(8)} P ${s.precision.toFixed(1)}  R ${s.recall.toFixed(1)}  F1 ${s.f1.toFixed(1)}   (gold ${s.gold}, predicted ${s.predicted}, exact ${s.correct})`);
}
console.log(`  speed: ${Math.round(bio.length / seconds)} units/s, ${Math.round(tokens / seconds)} tokens/s (one core, model ${model.size} features)`);
// The stage labels one sentence at a time, so also time the same text cut into its sentences.
const sentences = bio.flatMap((unit) => sentenceRanges(unit.tokens.map(normalizeToken)).map(([from, to]) => unit.tokens.slice(from, to)));
const sentenceSeconds = fastestSeconds(() => {
  for (const sentence of sentences) model.tag(sentence);
});
console.log(`  speed on the same text one sentence at a time: ${Math.round(sentences.length / sentenceSeconds)} sentences/s (${sentences.length} sentences)`);

// 2. Document level, overlap.
const docs = readPolnearDocs(data('derived/dev.jsonl'));
// PolNeAR annotates beliefs and feelings too, so the stage keeps every attribution it finds.
const stages = preparePipeline({ quotes: quoteOptions }, [cleanStage, segmentStage, mentionsStage, quotesStage]);
let gold = 0;
let found = 0;
let predictedCount = 0;
let matchedPredicted = 0;
let sourceOk = 0;
let cueOk = 0;
let withSource = 0;
const docStarted = process.hrtime.bigint();
for (const record of docs) {
  const input: Doc = { id: record.id, source: record.id, format: 'txt', text: record.text, meta: emptyMeta(), messages: [], results: {} };
  const doc = runPipeline([input], stages).docs[0]!;
  const quotes = doc.results.quotes?.quotes ?? [];
  predictedCount += quotes.length;
  matchedPredicted += quotes.filter((quote) => record.quotes.some((g) => g.contents.some((c) => overlaps(c, quote.content)))).length;
  for (const attribution of record.quotes) {
    if (attribution.contents.length === 0) continue;
    gold++;
    const match = quotes.find((quote) => attribution.contents.some((c) => overlaps(c, quote.content)));
    if (!match) continue;
    found++;
    if (attribution.cue.some((c) => match.cue && overlaps(c, match.cue))) cueOk++;
    if (attribution.sources.length > 0) {
      withSource++;
      if (attribution.sources.some((s) => match.speaker.mention && overlaps(s, match.speaker.mention))) sourceOk++;
    }
  }
}
const docSeconds = Number(process.hrtime.bigint() - docStarted) / 1e9;
const precision = (100 * matchedPredicted) / Math.max(predictedCount, 1);
const recall = (100 * found) / Math.max(gold, 1);
console.log(`\nPolNeAR dev, whole documents (${docs.length} articles, one annotator each), content overlap`);
console.log(`  content  P ${precision.toFixed(1)}  R ${recall.toFixed(1)}  F1 ${((2 * precision * recall) / (precision + recall)).toFixed(1)}   (gold ${gold}, predicted ${predictedCount})`);
console.log(`  of found: cue overlaps ${((100 * cueOk) / Math.max(found, 1)).toFixed(1)}%, source overlaps ${((100 * sourceOk) / Math.max(withSource, 1)).toFixed(1)}% (of ${withSource} with a source)`);
console.log(`  speed: ${Math.round(predictedCount / docSeconds)} quotes/s, ${(docs.length / docSeconds).toFixed(1)} documents/s through four stages`);

/**
 * Verb forms the scorer counts as speech when it splits gold cues (see `isSpeechVerbCue`).
 */
const SPEECH_VERB_FORMS: ReadonlySet<string> = new Set(
  'acknowledge acknowledged acknowledges acknowledging add added adding adds admit admitted admitting admits announce announced announces announcing answer answered answering answers argue argued argues arguing ask asked asking asks assert asserted asserting asserts caution cautioned cautioning cautions claim claimed claiming claims comment commented commenting comments concede conceded concedes conceding confirm confirmed confirming confirms contend contended contending contends declare declared declares declaring denied denies deny denying describe described describes describing emphasise emphasised emphasises emphasising emphasize emphasized emphasizes emphasizing explain explained explaining explains insist insisted insisting insists maintain maintained maintaining maintains mention mentioned mentioning mentions note noted notes noting pledge pledged pledges pledging predict predicted predicting predicts promise promised promises promising quote quoted quotes quoting recount recounted recounting recounts reiterate reiterated reiterates reiterating remark remarked remarking remarks repeat repeated repeating repeats replied replies reply replying respond responded responding responds said say saying says state stated states stating stress stressed stresses stressing suggest suggested suggesting suggests tell telling tells testified testifies testify testifying told tout touted touting touts tweet tweeted tweeting tweets urge urged urges urging vow vowed vowing vows warn warned warning warns write writes writing written wrote'.split(' '),
);

// 3. The product path: what `analyze()` reports, as a user gets it (default options).
const productUnits = bio.map((unit, i) => unitRecord(unit.tokens, i));
const unitAnalysis = await analyze(productUnits.map((unit) => ({ content: unit.text, source: unit.source, format: 'txt' as const, title: `PolNeAR dev unit ${unit.source}` })), { stages: { quotes: quoteOptions } });
const unitDocs = new Map(unitAnalysis.documents.map((doc) => [doc.source, doc.id]));
const quotesByDoc = groupBy(unitAnalysis.quotes, (quote) => quote.doc);
const productCounts = roleCounts();
const aloneCounts = roleCounts();
const productModel = (attribution ?? quotesOptions.parse({}).attribution) === 'accurate' ? loadNeuralTagger() : model;
bio.forEach((unit, i) => {
  const record = productUnits[i]!;
  const gold = spansOfTags(unit.labels, record);
  const alone = spansOfTags(productModel === model ? predicted[i]! : productModel.tag(unit.tokens), record);
  const quotes = quotesByDoc.get(unitDocs.get(record.source) ?? '') ?? [];
  const product: Record<Role, Span[]> = {
    source: quotes.flatMap((quote) => (quote.speaker.mention ? [quote.speaker.mention] : [])),
    cue: quotes.flatMap((quote) => (quote.cue ? [quote.cue] : [])),
    content: quotes.map((quote) => quote.content),
  };
  for (const role of ROLES) {
    countExact(productCounts[role], record.text, gold[role], product[role]);
    countExact(aloneCounts[role], record.text, gold[role], alone[role]);
  }
});
console.log(`\nPolNeAR dev units through analyze() (${bio.length} records, tokens joined by spaces), exact span match, edge marks ignored, attribution ${productModel === model ? 'fast' : 'accurate'}`);
for (const role of ROLES) {
  const a = f1Of(aloneCounts[role]);
  const p = f1Of(productCounts[role]);
  console.log(`  ${role.padEnd(8)} model alone F1 ${a.f1.toFixed(1)} (P ${a.precision.toFixed(1)} R ${a.recall.toFixed(1)})   product F1 ${p.f1.toFixed(1)} (P ${p.precision.toFixed(1)} R ${p.recall.toFixed(1)})   gap ${(p.f1 - a.f1).toFixed(1)}`);
}

// 4. Whole documents through analyze(), lenient: contents matched one to one when each covers
//    at least half of the other's characters; on matched ones, is the speaker right?
const docAnalysis = await analyze(docs.map((record) => ({ content: record.text, source: record.id, format: 'txt' as const })), { stages: { quotes: quoteOptions } });
const docIds = new Map(docAnalysis.documents.map((doc) => [doc.source, doc.id]));
const docQuotes = groupBy(docAnalysis.quotes, (quote) => quote.doc);
let lenientGold = 0;
let lenientPredicted = 0;
let lenientMatched = 0;
let speakerRight = 0;
const byCue = { speech: { gold: 0, found: 0 }, other: { gold: 0, found: 0 } };
const attributionsFound = new Map<string, number>();
for (const record of docs) {
  const found = docQuotes.get(docIds.get(record.id) ?? '') ?? [];
  const quotes = predictedAttributions(record.text, found);
  const gold = record.quotes.filter((attribution) => attribution.contents.length > 0);
  lenientGold += gold.length;
  lenientPredicted += quotes.length;
  for (const quote of found) {
    attributionsFound.set(quote.attributionKind, (attributionsFound.get(quote.attributionKind) ?? 0) + 1);
    if (quote.negated) attributionsFound.set('negated', (attributionsFound.get('negated') ?? 0) + 1);
  }
  const pairs = matchOneToOne(gold, quotes);
  for (const [g, p] of pairs) {
    lenientMatched++;
    const attribution = gold[g]!;
    const mention = quotes[p]!.mention;
    const right = attribution.sources.length > 0 ? attribution.sources.some((source) => mention !== null && overlaps(source, mention)) : mention === null;
    if (right) speakerRight++;
  }
  const matched = new Set(pairs.map(([g]) => g));
  gold.forEach((attribution, g) => {
    const bucket = isSpeechVerbCue(attribution.cue.map((cue) => cue.text).join(' ')) ? byCue.speech : byCue.other;
    bucket.gold++;
    if (matched.has(g)) bucket.found++;
  });
}
const lenientP = lenientMatched / Math.max(lenientPredicted, 1);
const lenientR = lenientMatched / Math.max(lenientGold, 1);
console.log(`\nPolNeAR dev, whole documents through analyze() (${docs.length} articles), lenient one-to-one content match`);
console.log(`  content  P ${lenientP.toFixed(3)}  R ${lenientR.toFixed(3)}  F1 ${((2 * lenientP * lenientR) / Math.max(lenientP + lenientR, 1e-9)).toFixed(3)}   (gold ${lenientGold}, predicted ${lenientPredicted}, matched ${lenientMatched})`);
console.log(`  speaker right on matched: ${(speakerRight / Math.max(lenientMatched, 1)).toFixed(3)} (the source mention overlaps the gold one; no mention where gold has none)`);
console.log(`  recall by gold cue: speech verb ${(byCue.speech.found / Math.max(byCue.speech.gold, 1)).toFixed(3)} (${byCue.speech.found}/${byCue.speech.gold}), other cues ${(byCue.other.found / Math.max(byCue.other.gold, 1)).toFixed(3)} (${byCue.other.found}/${byCue.other.gold})`);
console.log(`  reported by attribution (negated: of these, the non-answers): ${[...attributionsFound].map(([name, count]) => `${name} ${count}`).join(', ')}`);

type Role = (typeof ROLES)[number];
interface UnitRecord {
  source: string;
  text: string;
  /** Where each token starts in `text`. */
  starts: number[];
}

/**
 * One CofeNet unit as a record: its tokens joined by spaces, with the treebank's `` and '' written
 * as the curly quotation marks the article had, so the product sees quotes as a reader does.
 */
function unitRecord(tokens: readonly string[], index: number): UnitRecord {
  const starts: number[] = [];
  let text = '';
  for (const token of tokens) {
    if (text) text += ' ';
    starts.push(text.length);
    text += token === '``' ? '“' : token === "''" ? '”' : token === '`' ? '‘' : token;
  }
  return { source: `unit-${index + 1}`, text, starts };
}

function spansOfTags(tags: readonly string[], record: UnitRecord): Record<Role, Span[]> {
  const out: Record<Role, Span[]> = { source: [], cue: [], content: [] };
  for (const chunk of chunksOf(tags)) {
    const role = chunk.role as Role;
    if (!out[role]) continue;
    const last = chunk.end - 1;
    const end = last + 1 < record.starts.length ? record.starts[last + 1]! - 1 : record.text.length;
    out[role].push({ start: record.starts[chunk.start]!, end });
  }
  return out;
}

/** A span without the quotation marks, punctuation and spaces at its edges, as a key. */
function edgeless(text: string, span: Span): string {
  let { start, end } = span;
  while (start < end && /[\s\p{P}]/u.test(text[start]!)) start++;
  while (end > start && /[\s\p{P}]/u.test(text[end - 1]!)) end--;
  return `${start}:${end}`;
}

function roleCounts(): Record<Role, { gold: number; predicted: number; correct: number }> {
  return { source: { gold: 0, predicted: 0, correct: 0 }, cue: { gold: 0, predicted: 0, correct: 0 }, content: { gold: 0, predicted: 0, correct: 0 } };
}

function countExact(count: { gold: number; predicted: number; correct: number }, text: string, gold: readonly Span[], predictedSpans: readonly Span[]): void {
  const keys = new Set(gold.map((span) => edgeless(text, span)));
  const seen = new Set<string>();
  count.gold += keys.size;
  for (const span of predictedSpans) {
    const key = edgeless(text, span);
    if (seen.has(key)) continue;
    seen.add(key);
    count.predicted++;
    if (keys.has(key)) count.correct++;
  }
}

function f1Of(count: { gold: number; predicted: number; correct: number }): { precision: number; recall: number; f1: number } {
  const precision = count.predicted ? (100 * count.correct) / count.predicted : 0;
  const recall = count.gold ? (100 * count.correct) / count.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

/** Characters of `span` inside any of `pieces`. */
function shared(span: Span, pieces: readonly Span[]): number {
  return pieces.reduce((sum, piece) => sum + Math.max(0, Math.min(span.end, piece.end) - Math.max(span.start, piece.start)), 0);
}

interface PredictedAttribution {
  pieces: Span[];
  mention: Span | null;
}

/**
 * The product's quotes as attributions: "“A,” she said, “B.”" is one utterance that PolNeAR
 * annotates as one attribution with two content pieces, and the product as a quote and a second
 * one that `continues` it (same speaker, no cue of its own). A continuation in the same
 * paragraph joins the quote it continues; one in a later paragraph stays an attribution of its own.
 */
function predictedAttributions(text: string, quotes: readonly Quote[]): PredictedAttribution[] {
  const byId = new Map<string, PredictedAttribution>();
  const out: PredictedAttribution[] = [];
  for (const quote of quotes) {
    const head = quote.continues ? byId.get(quote.continues) : undefined;
    const lastPiece = head?.pieces[head.pieces.length - 1];
    if (head && lastPiece && !text.slice(lastPiece.end, quote.content.start).includes('\n')) {
      head.pieces.push(quote.content);
      byId.set(quote.id, head);
      continue;
    }
    const attribution = { pieces: [quote.content], mention: quote.speaker.mention };
    byId.set(quote.id, attribution);
    out.push(attribution);
  }
  return out;
}

/** Gold and predicted contents paired one to one, best overlap first, each covering half the other. */
function matchOneToOne(gold: readonly PolnearAttribution[], quotes: readonly PredictedAttribution[]): [number, number][] {
  const pairs: { g: number; p: number; score: number }[] = [];
  gold.forEach((attribution, g) => {
    const goldChars = attribution.contents.reduce((sum, piece) => sum + piece.end - piece.start, 0);
    quotes.forEach((quote, p) => {
      const common = quote.pieces.reduce((sum, piece) => sum + shared(piece, attribution.contents), 0);
      const predictedChars = quote.pieces.reduce((sum, piece) => sum + piece.end - piece.start, 0);
      if (common * 2 >= goldChars && common * 2 >= predictedChars && common > 0) pairs.push({ g, p, score: common / Math.max(goldChars, predictedChars) });
    });
  });
  pairs.sort((a, b) => b.score - a.score);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const out: [number, number][] = [];
  for (const pair of pairs) {
    if (usedGold.has(pair.g) || usedPredicted.has(pair.p)) continue;
    usedGold.add(pair.g);
    usedPredicted.add(pair.p);
    out.push([pair.g, pair.p]);
  }
  return out;
}

/**
 * The scorer's own split of gold cues (kept apart from the product's word lists so that changing
 * those does not move the yardstick): a cue with a verb of saying or writing, or "according to",
 * is speech; beliefs, evidence, accusations, calls, colons and the rest are not.
 */
function isSpeechVerbCue(cue: string): boolean {
  const words = cue.toLowerCase().split(/[^\p{L}]+/u);
  if (/\baccording to\b/u.test(cue.toLowerCase())) return true;
  return words.some((word) => SPEECH_VERB_FORMS.has(word));
}
