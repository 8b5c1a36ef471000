/**
 * Invented news text of any length, for the scaling benchmark and the tests that check work
 * grows linearly with size. Every name, place, outlet and sentence is made up here from small
 * word lists; a seeded generator makes each size the same text on every run.
 */

const GIVEN = ['Mira', 'Tomas', 'Jan', 'Petra', 'Karl', 'Ines', 'Oskar', 'Lena', 'Viktor', 'Anya', 'Edvard', 'Sofie', 'Rasmus', 'Halla', 'Bruno', 'Greta', 'Ivo', 'Nadia', 'Felix', 'Marta'];
const FAMILY = [
  'Esk', 'Brandvik', 'Oller', 'Lunde', 'Weiss', 'Kalvo', 'Strand', 'Moravec', 'Halden', 'Tervo', 'Ranta', 'Voss', 'Lindqvist', 'Aalto', 'Dragan', 'Kessel', 'Norrby', 'Sabel', 'Ulvik', 'Tamm',
  'Varga', 'Holm', 'Berglund', 'Falk', 'Jokela', 'Kivi', 'Lorenz', 'Mattila', 'Nieminen', 'Orsat',
];
const TOWNS = ['Kessering', 'Aldport', 'Vessby', 'Norhaven', 'Eastbridge', 'Tallmoor', 'Rivenholm', 'Sandvik', 'Ostrava Vale', 'Brightwater', 'Kolby', 'Marren'];
const ORGS = ['Halvik Group', 'Environment Ministry', 'Valdorian Water Board', 'Kessering Council', 'Northern Brigade', 'Almer River Trust', 'Tallmoor Chemical Works', 'Coastline Union', 'Vessby Port Authority', 'Marren Institute'];
const ROLES = ['spokesman', 'spokeswoman', 'director', 'mayor', 'minister', 'chief executive', 'head', 'deputy director'];
const OUTLETS = ['Valdoria Press Agency', 'Northgate Herald', 'Eastbridge Times', 'Coastline Radio', 'Kessering Daily'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NOUNS = ['plant', 'pipeline', 'water supply', 'inquiry', 'bridge', 'harbour', 'budget', 'clean-up', 'report', 'ferry service'];
const VERBS = ['reopen', 'close', 'be inspected', 'be rebuilt', 'resume', 'be delayed', 'be reviewed'];
const QUOTE_OPENINGS = ['We will not rest until', 'Nobody should relax until', 'I can promise that', 'Our engineers believe', 'It is too early to say whether', 'We have asked the council whether', 'Residents deserve to know why', 'The figures show that'];
const SUBJECTS = ['the water', 'the river', 'every household', 'the old pipeline', 'the harbour wall', 'the night shift', 'the second tank', 'our budget', 'the ferry crew', 'the school kitchen'];
const PREDICATES = ['is safe again', 'has been tested twice', 'will be repaired by spring', 'was never at risk', 'needs another inspection', 'can reopen next month', 'has cost far too much', 'will be replaced'];
const CLAUSE_SUBJECTS = ['the leak', 'inspectors', 'tankers', 'the company', 'schools', 'the damage', 'two engineers', 'the night ferry', 'the regional office', 'volunteers'];
const CLAUSE_PREDICATES = [
  'had been contained near the intake',
  'had taken samples along the river',
  'would deliver drinking water to every district',
  'had stopped production at the plant',
  'would stay closed for another day',
  'was worse than first thought',
  'had found traces of solvent downstream',
  'would report to the minister',
];

/** A small seeded generator (mulberry32), so every size is the same text on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NewsOptions {
  /** Sentences of body text (the headline comes on top). */
  sentences: number;
  seed?: number;
  /** 'paragraphs' (default): one to four sentences a line; 'one-line': the whole body on one line. */
  layout?: 'paragraphs' | 'one-line';
}

/**
 * An invented news article with names, roles, organisations, towns, hyphenated place pairs,
 * direct, partial and indirect quotes in curly and straight marks, and pronoun speakers.
 *
 * @example newsArticle({ sentences: 1000 }).split('\n')[0] // the headline
 */
export function newsArticle(options: NewsOptions): string {
  const random = seeded(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const person = () => ({ given: pick(GIVEN), family: pick(FAMILY) });
  const town = pick(TOWNS);
  const headline = `${pick(NOUNS).replace(/^./, (c) => c.toUpperCase())} to ${pick(VERBS)} in ${town} after ${pick(DAYS)} talks`;
  const body: string[] = [];
  const quote = () => `${pick(QUOTE_OPENINGS)} ${pick(SUBJECTS)} ${pick(PREDICATES)}`;
  const clause = () => `${pick(CLAUSE_SUBJECTS)} ${pick(CLAUSE_PREDICATES)} by ${pick(DAYS)}`;
  const amount = () => Math.floor(random() * 990) + 10;
  let last = person();
  const templates: (() => string)[] = [
    () => {
      last = person();
      return `${last.given} ${last.family}, ${pick(ROLES)} of the ${pick(ORGS)}, said the ${pick(NOUNS)} would ${pick(VERBS)} by ${pick(DAYS)}.`;
    },
    () => `“${quote()},” ${last.family} said.`,
    () => {
      last = person();
      return `${pick(ORGS).split(' ')[0]} ${pick(ROLES)} ${last.given} ${last.family} told reporters that ${clause()}.`;
    },
    () => `“${quote()}. ${quote()},” she said.`,
    () => `The ${pick(ORGS)} said in a statement on ${pick(DAYS)} that ${clause()}.`,
    () => `The ${pick(TOWNS)}-${pick(TOWNS)} ${pick(NOUNS)} will ${pick(VERBS)}, officials in ${pick(TOWNS)} said.`,
    () => `According to the ${pick(OUTLETS)}, ${clause()}.`,
    () => `Residents of ${pick(TOWNS)} queued for water on ${pick(DAYS)} as ${amount()} tankers arrived from ${pick(TOWNS)}.`,
    () => `Critics called the plan a "quick fix" and said ${clause()}.`,
    () => `${last.family} added: "${quote()}."`,
    () => `He told the ${pick(OUTLETS)} that ${clause()}.`,
    () => `Dr. ${last.family} arrived at ${amount() % 12 + 1}.${amount() % 50 + 10} a.m. with about ${amount() / 10} km of hose from the U.S. supplier in ${pick(TOWNS)}.`,
  ];
  let paragraph: string[] = [];
  let paragraphLength = 1 + Math.floor(random() * 4);
  for (let i = 0; i < options.sentences; i++) {
    paragraph.push(pick(templates)());
    if (paragraph.length >= paragraphLength) {
      body.push(paragraph.join(' '));
      paragraph = [];
      paragraphLength = 1 + Math.floor(random() * 4);
    }
  }
  if (paragraph.length > 0) body.push(paragraph.join(' '));
  const separator = options.layout === 'one-line' ? ' ' : '\n\n';
  return `${headline}\n\n${body.join(separator)}\n`;
}

/** `count` short articles (about `sentences` sentences each) over one shared cast of names. */
export function newsCorpus(count: number, sentences = 10, seed = 1): { content: string; source: string }[] {
  return Array.from({ length: count }, (_, i) => ({ content: newsArticle({ sentences, seed: seed * 100_003 + i }), source: `generated-${String(i + 1).padStart(5, '0')}.txt` }));
}
