/**
 * Speed of the copies and provenance stages on generated corpora of 1k, 10k (and, on request,
 * 50k) articles: `node --import tsx scripts/bench-crossdoc.ts [sizes…]`, or `benchCopiesAndProvenance`
 * from `npm run bench`. Two corpora per size:
 * - varied stories: invented words, many stories, with planted syndicated copies, identical
 *   files and lifted paragraphs, so the run also reports how many planted copies were found;
 * - templated news (test/helpers/news-generator.ts): few word lists, so stock phrases and whole
 *   sentences recur across thousands of articles, the worst case for candidate pairs.
 * Documents are built with their clean and segment results directly, so only the corpus stages
 * are timed.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { emptyMeta, type Doc } from '../src/document.js';
import { copiesStage } from '../src/stages/07-copies/index.js';
import { provenanceStage } from '../src/stages/08-provenance/index.js';
import { segmentText } from '../src/stages/02-segment/index.js';
import { checkStageOptions } from '../src/stage.js';
import { newsArticle, seeded } from '../test/helpers/news-generator.js';


const FUNCTION_WORDS = 'the of and to in a said on for that with was is by at from as it has have will his her their after its were be'.split(' ');
const CITATIONS = [
  'according to the Valdoria Press Agency',
  'the Northgate Herald reported',
  'a source close to the ministry said',
  'he wrote on Telegram',
  'officials told Reuters',
  'in an interview with the Eastbridge Times',
];

export interface PlantedCorpus {
  docs: Doc[];
  /** Pairs of document ids that were made to share text: a copy, a duplicate or a lifted paragraph. */
  planted: [string, string][];
}

/** `count` articles on `count / 20` invented stories, with copies planted among them. */
export function variedStories(count: number, seed = 7): PlantedCorpus {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const syllables = ['ka', 'ro', 'vel', 'tin', 'mar', 'os', 'lun', 'dre', 'pa', 'sen', 'hol', 'vik', 'ta', 'bri', 'nor', 'al', 'ey', 'stu', 'gan', 'pe'];
  const word = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join('');
  const vocabulary = Array.from({ length: 6000 }, word);
  const stories = Array.from({ length: Math.max(1, Math.floor(count / 20)) }, () => Array.from({ length: 60 }, () => pick(vocabulary)));
  const sentence = (topic: readonly string[]) => {
    const length = 12 + Math.floor(random() * 14);
    const words = Array.from({ length }, () => {
      const roll = random();
      return roll < 0.45 ? pick(topic) : roll < 0.8 ? pick(FUNCTION_WORDS) : pick(vocabulary);
    });
    if (random() < 0.15) words.splice(Math.floor(length / 2), 0, pick(CITATIONS));
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraphs = (topic: readonly string[], n: number) => Array.from({ length: n }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => sentence(topic)).join(' '));

  const bodies: { story: number; headline: string; paragraphs: string[] }[] = [];
  const planted: [string, string][] = [];
  const id = (index: number) => `gen-${String(index).padStart(6, '0')}`;
  for (let index = 0; index < count; index += 1) {
    const story = Math.floor(random() * stories.length);
    const topic = stories[story]!;
    const earlier = bodies.length ? Math.floor(random() * bodies.length) : -1;
    const roll = random();
    if (earlier >= 0 && roll < 0.08) {
      // A syndicated copy: new headline, last paragraph cut, a line of its own added.
      const source = bodies[earlier]!;
      bodies.push({ story: source.story, headline: sentence(topic), paragraphs: [...source.paragraphs.slice(0, -1), sentence(topic)] });
      planted.push([id(earlier), id(index)]);
    } else if (earlier >= 0 && roll < 0.09) {
      bodies.push({ ...bodies[earlier]! });
      planted.push([id(earlier), id(index)]);
    } else if (earlier >= 0 && roll < 0.13) {
      // A lifted paragraph: the longest of an earlier article, inside an article of its own.
      const lifted = [...bodies[earlier]!.paragraphs].sort((a, b) => b.length - a.length)[0]!;
      const own = paragraphs(topic, 8);
      own.splice(4, 0, lifted);
      bodies.push({ story, headline: sentence(topic), paragraphs: own });
      if (lifted.split(' ').length >= 30) planted.push([id(earlier), id(index)]);
    } else {
      bodies.push({ story, headline: sentence(topic), paragraphs: paragraphs(topic, 6 + Math.floor(random() * 8)) });
    }
  }
  return { docs: bodies.map((body, index) => generatedDoc(id(index), [body.headline, ...body.paragraphs].join('\n\n'))), planted };
}

/** `count` templated articles from the shared news generator. */
export function templatedNews(count: number, seed = 3): Doc[] {
  return Array.from({ length: count }, (_, index) => generatedDoc(`news-${index}`, newsArticle({ sentences: 12, seed: seed * 100_003 + index })));
}

function generatedDoc(id: string, text: string): Doc {
  return {
    id,
    source: `${id}.txt`,
    format: 'txt',
    text,
    meta: emptyMeta(),
    messages: [],
    results: { clean: { removed: [], title: null, outlet: null }, segment: segmentText(text) },
  };
}

export interface CrossdocRow {
  corpus: string;
  documents: number;
  words: number;
  copiesMs: number;
  copies: number;
  plantedFound: string;
  provenanceMs: number;
  citations: number;
}

/** A full garbage collection, so that garbage left by generating the corpus is not charged to a stage. */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** CPU time of this process: the machine is often shared, and wall-clock time then measures the neighbours. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Times the two stages on each size; the planted-copy recall shows the speed costs no recall. */
export function benchCopiesAndProvenance(sizes: readonly number[]): CrossdocRow[] {
  const rows: CrossdocRow[] = [];
  const copiesOptions = checkStageOptions(copiesStage, {});
  for (const size of sizes) {
    const varied = variedStories(size);
    for (const [corpus, docs, planted] of [['varied stories', varied.docs, varied.planted], ['templated news', templatedNews(size), null]] as const) {
      collectGarbage();
      let started = cpuMs();
      const copies = copiesStage.run(docs, copiesOptions, {}).result.copies;
      const copiesMs = cpuMs() - started;
      collectGarbage();
      started = cpuMs();
      const provenance = provenanceStage.run(docs, {}, {}).result.provenance;
      const provenanceMs = cpuMs() - started;
      const linked = new Set(copies.map((copy) => copy.docs.join(' ')));
      const found = planted ? planted.filter(([a, b]) => linked.has(`${a} ${b}`) || linked.has(`${b} ${a}`) || linkedThroughGroup(copies, a, b)).length : 0;
      rows.push({
        corpus,
        documents: docs.length,
        words: docs.reduce((sum, doc) => sum + doc.text.split(/\s+/u).length, 0),
        copiesMs,
        copies: copies.length,
        plantedFound: planted ? `${found}/${planted.length}` : '–',
        provenanceMs,
        citations: provenance.reduce((sum, record) => sum + record.cites.length, 0),
      });
    }
  }
  return rows;
}

/** A planted copy of a copy may be linked to the first article instead of its direct source. */
function linkedThroughGroup(copies: readonly { docs: readonly [string, string] }[], a: string, b: string): boolean {
  const partners = (doc: string) => new Set(copies.filter((copy) => copy.docs.includes(doc)).flatMap((copy) => copy.docs));
  const ofA = partners(a);
  return [...partners(b)].some((doc) => ofA.has(doc));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);
  const rows = benchCopiesAndProvenance(sizes.length ? sizes : [1000, 10000]);
  console.log(`node ${process.version}, one core, CPU time`);
  console.log('| corpus | documents | words | copies ms | copies found | planted copies linked | provenance ms | citations |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(`| ${row.corpus} | ${row.documents} | ${row.words} | ${row.copiesMs.toFixed(0)} | ${row.copies} | ${row.plantedFound} | ${row.provenanceMs.toFixed(0)} | ${row.citations} |`);
  }
}
