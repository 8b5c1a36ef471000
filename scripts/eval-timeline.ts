/**
 * Accuracy of the timeline's date values and precisions on the sample story and the seeds,
 * against a table we checked by hand. TimeBank / TempEval-3 style normalisation data is not in
 * ../shared/data, so this is the measure (issue 10), next to the table test in
 * test/timeline.test.ts.
 *
 * Each expected row names a document by the start of its file name and an expression by the
 * first words it is written with (a few words, never a sentence) and their occurrence among the
 * document's expressions that start so. The
 * values are facts a careful reader draws from the articles and their story: the sample story's
 * leak was found on Tuesday 12 March 2024 (examples/README.md); the seeds' attack was on
 * Saturday 7 October 2023 and Kadyrov spoke on Monday 9 October. A value of null means the text
 * cannot decide it (a weekday in an undated article whose other dates are weeks older, a story
 * with no year anywhere): such rows are reported apart, not scored.
 *
 * Run: npm run eval:timeline
 */
import { analyze } from '../src/analyze.js';
import type { Analysis, DateMention } from '../src/contract.js';

type Expected = [file: string, written: string, occurrence: number, date: string | null, until: string | null, precision: DateMention['precision'] | null];

const SAMPLE_STORY: Expected[] = [
  ['01-vpa', 'March 12', 1, '2024-03-12', null, 'day'],
  ['01-vpa', 'Tuesday', 1, '2024-03-12', null, 'day'],
  ['01-vpa', 'Wednesday', 1, '2024-03-13', null, 'day'],
  ['01-vpa', 'Thursday', 1, '2024-03-14', null, 'day'],
  ['02-eastbridge', 'Tuesday', 1, '2024-03-12', null, 'day'],
  ['02-eastbridge', 'Wednesday', 1, '2024-03-13', null, 'day'],
  ['02-eastbridge', 'Thursday', 1, '2024-03-14', null, 'day'],
  ['03-northgate', 'Sunday', 1, '2024-03-10', null, 'day'],
  ['03-northgate', 'over the weekend', 1, '2024-03-09', '2024-03-10', 'range'],
  ['03-northgate', 'Sunday evening', 1, '2024-03-10', null, 'day'],
  ['03-northgate', 'Thursday', 1, '2024-03-14', null, 'day'],
  ['04-valley', 'Sunday', 1, '2024-03-10', null, 'day'],
  ['04-valley', 'Sunday evening', 1, '2024-03-10', null, 'day'],
  ['04-valley', 'Tuesday (12/3/2024)', 1, '2024-03-12', null, 'day'],
  ['04-valley', 'Tuesday', 2, '2024-03-12', null, 'day'],
  ['05-kessering', 'Wednesday', 1, '2024-03-13', null, 'day'],
  ['05-kessering', 'Wednesday', 2, '2024-03-13', null, 'day'],
  ['05-kessering', 'Thursday', 1, '2024-03-14', null, 'day'],
  ['05-kessering', 'Tuesday morning', 1, '2024-03-12', null, 'day'],
  ['05-kessering', 'Sunday', 1, '2024-03-10', null, 'day'],
  ['06-coastline', 'Wednesday (13/3)', 1, '2024-03-13', null, 'day'],
  ['06-coastline', 'by the weekend', 1, '2024-03-16', '2024-03-17', 'range'],
  ['06-coastline', 'Tuesday morning', 1, '2024-03-12', null, 'day'],
  ['06-coastline', 'Tuesday', 2, '2024-03-12', null, 'day'],
  ['06-coastline', 'Tuesday', 3, '2024-03-12', null, 'day'],
  ['07-riverside', 'Thursday', 1, '2024-03-14', null, 'day'],
  ['07-riverside', 'Tuesday', 1, '2024-03-12', null, 'day'],
  ['07-riverside', 'Wednesday', 1, '2024-03-13', null, 'day'],
  ['07-riverside', 'Thursday', 2, '2024-03-14', null, 'day'],
  ['07-riverside', 'Sunday', 1, '2024-03-10', null, 'day'],
  ['07-riverside', 'Thursday morning', 1, '2024-03-14', null, 'day'],
  // The ferry story names no year anywhere.
  ['08-aldport', 'March 13', 1, null, null, null],
  ['08-aldport', 'Wednesday', 1, null, null, null],
  ['08-aldport', 'next week', 1, null, null, null],
];

const SEEDS: Expected[] = [
  ['000_', 'earlier this month', 1, '2023-10', null, 'month'],
  ['000_', 'September', 1, '2023-09', null, 'month'],
  ['000_', 'earlier this year', 1, '2023', null, 'year'],
  ['000_', 'Days after conflict', 1, '2023-10-08', '2023-10-13', 'range'],
  ['001_', '09 October', 1, '2023-10-09', null, 'day'],
  ['001_', 'the third day after', 1, '2023-10-09', null, 'day'],
  ['001_', 'from 2015 to 2020', 1, '2015-01-01', '2020-12-31', 'range'],
  ['001_', '2011', 1, '2011', null, 'year'],
  ['002_', 'yesterday', 1, '2023-10-08', null, 'day'],
  ['002_', 'Last year', 1, '2022', null, 'year'],
  ['002_', 'today', 1, '2023-10-09', null, 'day'],
  ['003_', 'Monday (9/10/2023)', 1, '2023-10-09', null, 'day'],
  ['003_', 'Saturday morning', 1, '2023-10-07', null, 'day'],
  ['004_', 'October 7', 1, '2023-10-07', null, 'day'],
  ['004_', 'October 7', 2, '2023-10-07', null, 'day'],
  // A weekday in an undated article whose only date is the attack, weeks before its events.
  ['004_', 'Wednesday', 1, null, null, null],
];

interface Score {
  scored: number;
  found: number;
  value: number;
  precision: number;
  undecidable: number;
  guessed: number;
  extra: string[];
  wrong: string[];
}

function score(analysis: Analysis, expected: readonly Expected[]): Score {
  const fileOf = new Map(analysis.documents.map((doc) => [doc.id, doc.source.split('/').pop()!]));
  const mentions = analysis.timeline.flatMap((item) => item.dates).sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start);
  const result: Score = { scored: 0, found: 0, value: 0, precision: 0, undecidable: 0, guessed: 0, extra: [], wrong: [] };
  const matched = new Set<DateMention>();
  for (const [prefix, written, occurrence, date, until, precision] of expected) {
    const mention = mentions.filter((candidate) => fileOf.get(candidate.doc)!.startsWith(prefix) && candidate.text.startsWith(written))[occurrence - 1];
    if (mention) matched.add(mention);
    if (date === null) {
      result.undecidable += 1;
      if (mention) result.guessed += 1;
      continue;
    }
    result.scored += 1;
    if (!mention) {
      result.wrong.push(`${prefix} "${written}" #${occurrence}: not found, expected ${date}`);
      continue;
    }
    result.found += 1;
    if (mention.date === date && mention.until === until) result.value += 1;
    else result.wrong.push(`${prefix} "${written}" #${occurrence}: ${mention.date}${mention.until ? `..${mention.until}` : ''}, expected ${date}${until ? `..${until}` : ''}`);
    if (mention.precision === precision) result.precision += 1;
  }
  for (const mention of mentions) if (!matched.has(mention)) result.extra.push(`${fileOf.get(mention.doc)} "${mention.text}" = ${mention.date}`);
  return result;
}

const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

const sets: [string, string, Expected[]][] = [
  ['sample story', 'examples/sample-story', SAMPLE_STORY],
  ['seeds', '../shared/seeds', SEEDS],
];
const total: Score = { scored: 0, found: 0, value: 0, precision: 0, undecidable: 0, guessed: 0, extra: [], wrong: [] };
console.log('set            expressions  found   value acc.  precision acc.  undecidable (dated anyway)  extra');
for (const [name, path, expected] of sets) {
  const result = score(await analyze([path]), expected);
  for (const key of ['scored', 'found', 'value', 'precision', 'undecidable', 'guessed'] as const) total[key] += result[key];
  total.extra.push(...result.extra);
  total.wrong.push(...result.wrong);
  console.log(
    `${name.padEnd(15)}${String(result.scored).padStart(11)}  ${String(result.found).padStart(5)}   ${percent(result.value, result.scored).padStart(10)}  ${percent(result.precision, result.scored).padStart(14)}  ${`${result.undecidable} (${result.guessed})`.padStart(26)}  ${String(result.extra.length).padStart(5)}`,
  );
}
console.log(
  `${'all'.padEnd(15)}${String(total.scored).padStart(11)}  ${String(total.found).padStart(5)}   ${percent(total.value, total.scored).padStart(10)}  ${percent(total.precision, total.scored).padStart(14)}  ${`${total.undecidable} (${total.guessed})`.padStart(26)}  ${String(total.extra.length).padStart(5)}`,
);
for (const line of total.wrong) console.log(`  wrong: ${line}`);
for (const line of total.extra) console.log(`  not in the table: ${line}`);
